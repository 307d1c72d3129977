// CSV import reading: one pass of an RFC 4180 state machine over 64 KiB chunks, which also
// knows the line each record starts on, so every error can name it. Leniency as csv-spectrum
// wants it: a quote inside an unquoted field (37.8"N) is data; strict where data would be
// lost: text after a closing quote ("a"b) and a quoted field still open at the end of the
// input are errors. (Debian's libcsv was the first reader; its strict mode rejects what
// csv-spectrum requires, and a second scanner to find line numbers cost as much as libcsv:
// a tenth of a 10^6-row import.)
#include "cli/csv_reader.h"

#include <array>
#include <cstring>
#include <istream>
#include <memory>
#include <string_view>

#include "core/error.h"
#include "core/json_text.h"

namespace cso::cli {
namespace {

constexpr std::size_t k_chunk = 64 * 1024;
/// No valid field comes near this (long text is limited to 1 MiB); past it, the likely cause is
/// a missing closing quote swallowing the rest of the file, reported before it is all in memory.
constexpr std::size_t k_max_field = 16u << 20;
constexpr std::string_view k_bom = "\xEF\xBB\xBF";

/// Between fields, in an unquoted field, in a quoted one, or just after a quote inside a
/// quoted field (the end of the field, or the first of a doubled quote).
enum class State { field_start, unquoted, quoted, closing };

/// Bytes that end a run of plain field text.
constexpr std::array<bool, 256> special_bytes() {
  std::array<bool, 256> t{};
  t[static_cast<unsigned char>(',')] = true;
  t[static_cast<unsigned char>('"')] = true;
  t[static_cast<unsigned char>('\r')] = true;
  t[static_cast<unsigned char>('\n')] = true;
  return t;
}
constexpr auto k_special = special_bytes();

class Parser {
 public:
  Parser(const std::string& source, const std::function<void(const CsvRow&)>& fn) : m_source(source), m_fn(fn) {}

  void feed(const char* data, std::size_t size) {
    for (std::size_t i = 0; i < size;) {
      const char c = data[i];
      switch (m_state) {
        case State::field_start:
          if (c == '\r' || c == '\n') {
            end_record();
          } else {
            begin_record();
            if (c == '"') {
              m_state = State::quoted;
              m_quote_line = m_line;
            } else if (c == ',') {
              end_field();
            } else {
              m_state = State::unquoted;
              continue;  // the run below takes this byte
            }
          }
          break;
        case State::unquoted: {
          const std::size_t start = i;
          while (i < size && (!k_special[static_cast<unsigned char>(data[i])] || data[i] == '"')) {
            ++i;
          }
          append(data + start, i - start);
          m_after_cr = m_after_cr && i == start;  // the run has no line ends, so a CR before it stands alone
          if (i == size) {
            return;
          }
          if (data[i] == ',') {
            end_field();
            m_state = State::field_start;
          } else {
            end_record();
          }
          break;
        }
        case State::quoted: {
          const std::size_t start = i;
          while (i < size && data[i] != '"') {
            count_line(data[i]);
            ++i;
          }
          append(data + start, i - start);
          if (i == size) {
            return;
          }
          m_state = State::closing;
          break;
        }
        case State::closing:
          if (c == '"') {
            append("\"", 1);
            m_state = State::quoted;
          } else if (c == ',') {
            end_field();
            m_state = State::field_start;
          } else if (c == '\r' || c == '\n') {
            end_record();
          } else {
            throw usage_error(
                "{}:{}: malformed CSV: text after the closing quote of field {}; a quote inside a "
                "quoted field is written twice (\"\")",
                m_source, m_line, m_fields + 1);
          }
          break;
      }
      count_line(data[i]);
      ++i;
    }
  }

  void finish() {
    if (m_state == State::quoted) {
      throw usage_error(
          "{}:{}: malformed CSV: the quoted field {} that starts here is never closed; end it with "
          "a quote (\")",
          m_source, m_quote_line, m_fields + 1);
    }
    if (m_in_record) {
      end_record();
    }
  }

 private:
  /// Counts lines as an editor does: LF, CRLF and a lone CR each end one.
  void count_line(char c) {
    if (c == '\n') {
      m_line += m_after_cr ? 0 : 1;
      m_after_cr = false;
    } else if (c == '\r') {
      ++m_line;
      m_after_cr = true;
    } else {
      m_after_cr = false;
    }
  }

  void begin_record() {
    if (!m_in_record) {
      m_in_record = true;
      m_row.line = m_line;
    }
  }

  std::string& field() {
    if (m_fields == m_row.fields.size()) {
      m_row.fields.emplace_back();
    }
    return m_row.fields[m_fields];
  }

  void append(const char* data, std::size_t size) {
    std::string& f = field();
    if (f.size() + size > k_max_field) {
      throw usage_error("{}:{}: malformed CSV: field {} is longer than {} MiB; is a closing quote missing?", m_source,
                        m_state == State::quoted ? m_quote_line : m_row.line, m_fields + 1, k_max_field >> 20);
    }
    f.append(data, size);
  }

  void end_field() {
    const std::string& f = field();
    if (!valid_utf8(f)) {
      throw usage_error("{}:{}: invalid UTF-8 in column {}; save the file as UTF-8", m_source, m_row.line,
                        m_fields + 1);
    }
    ++m_fields;
    if (m_fields < m_row.fields.size()) {
      m_row.fields[m_fields].clear();
    }
  }

  /// Ends the record at a line end (an empty line, outside any record, is skipped).
  void end_record() {
    m_state = State::field_start;
    if (!m_in_record) {
      return;
    }
    end_field();
    m_row.fields.resize(m_fields);
    m_fn(m_row);
    m_in_record = false;
    m_fields = 0;
    if (!m_row.fields.empty()) {
      m_row.fields[0].clear();
    }
  }

  const std::string& m_source;
  const std::function<void(const CsvRow&)>& m_fn;
  State m_state = State::field_start;
  CsvRow m_row;
  std::size_t m_fields = 0;  ///< complete fields of the current record
  bool m_in_record = false;
  std::size_t m_line = 1;
  bool m_after_cr = false;
  std::size_t m_quote_line = 1;  ///< where the current quoted field opened
};

}  // namespace

void read_csv(std::istream& in, const std::string& source, const std::function<void(const CsvRow&)>& fn) {
  Parser parser(source, fn);
  const auto buffer = std::make_unique<char[]>(k_chunk);
  bool first = true;
  while (in) {
    in.read(buffer.get(), static_cast<std::streamsize>(k_chunk));
    auto size = static_cast<std::size_t>(in.gcount());
    const char* data = buffer.get();
    if (first && size >= k_bom.size() && std::memcmp(data, k_bom.data(), k_bom.size()) == 0) {
      data += k_bom.size();
      size -= k_bom.size();
    }
    first = false;
    parser.feed(data, size);
  }
  if (in.bad()) {
    throw runtime_error("{}: cannot read: I/O error", source);
  }
  parser.finish();
}

}  // namespace cso::cli
