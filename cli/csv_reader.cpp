// CSV import reading. libcsv splits and unquotes fields; a small scanner runs over each
// chunk first, with the same state machine, for what libcsv cannot do:
// - say where a record starts: the scanner queues each record's first line (quoted line
//   ends included) for the record callback to take;
// - strictness as csv-spectrum wants it: libcsv's CSV_STRICT rejects a quote inside an
//   unquoted field (37.8"N), which csv-spectrum's location_coordinates requires to be kept
//   as data, so libcsv runs lenient and the scanner rejects the real errors, text after a
//   closing quote ("a"b) and a quoted field still open at the end of the input.
// Callbacks never throw through libcsv's C frames: they keep the first error, rethrown once
// csv_parse returns.
#include "cli/csv_reader.h"

#include "core/error.h"
#include "core/json_text.h"

#include <csv.h>

#include <cstring>
#include <deque>
#include <exception>
#include <istream>
#include <memory>
#include <optional>
#include <string_view>

namespace cso::cli {
namespace {

constexpr std::size_t k_chunk = 64 * 1024;
/// No valid field comes near this (long text is limited to 1 MiB); past it, the likely cause is
/// a missing closing quote swallowing the rest of the file, reported before it is all in memory.
constexpr std::size_t k_max_field = 16u << 20;
constexpr std::string_view k_bom = "\xEF\xBB\xBF";

/// Counts lines as an editor does: LF, CRLF and a lone CR each end one.
struct LineCounter {
  std::size_t line = 1;
  bool after_cr = false;

  void feed(char c) {
    if (c == '\n') {
      line += after_cr ? 0 : 1;
      after_cr = false;
    } else if (c == '\r') {
      ++line;
      after_cr = true;
    } else {
      after_cr = false;
    }
  }
};

/// libcsv's states: between fields, in an unquoted field, in a quoted one, or just after a
/// quote inside a quoted field (the end of the field, or the first of a doubled quote).
enum class State { field_start, unquoted, quoted, closing };

/// Finds where records start and where the input stops being CSV.
struct RecordScanner {
  LineCounter lines;
  State state = State::field_start;
  bool in_record = false;
  std::size_t field = 1;       ///< 1-based index of the current field in its record
  std::size_t quote_line = 1;  ///< where the current quoted field opened
  std::deque<std::size_t> starts;

  /// Scans `data`; returns the offset of the first byte that is not valid CSV, if any.
  std::optional<std::size_t> feed(const char* data, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
      const char c = data[i];
      const bool line_end = c == '\r' || c == '\n';
      switch (state) {
        case State::field_start:
          if (line_end) {
            end_record();
          } else {
            begin_record();
            if (c == '"') {
              state = State::quoted;
              quote_line = lines.line;
            } else if (c == ',') {
              ++field;
            } else {
              state = State::unquoted;
            }
          }
          break;
        case State::unquoted:
          if (line_end) {
            end_record();
          } else if (c == ',') {
            next_field();
          }
          break;  // a quote here is data
        case State::quoted:
          state = c == '"' ? State::closing : State::quoted;
          break;
        case State::closing:
          if (c == '"') {
            state = State::quoted;
          } else if (c == ',') {
            next_field();
          } else if (line_end) {
            end_record();
          } else {
            return i;
          }
          break;
      }
      lines.feed(c);
    }
    return std::nullopt;
  }

  void begin_record() {
    if (!in_record) {
      in_record = true;
      starts.push_back(lines.line);
    }
  }
  void next_field() {
    state = State::field_start;
    ++field;
  }
  void end_record() {
    state = State::field_start;
    in_record = false;
    field = 1;
  }
};

struct Reader {
  const std::string& source;
  const std::function<void(const CsvRow&)>& fn;
  RecordScanner scanner;
  CsvRow row;
  std::size_t fields = 0;  ///< fields of the current record so far
  std::exception_ptr error;

  std::size_t record_line() const { return scanner.starts.empty() ? scanner.lines.line : scanner.starts.front(); }
};

void on_field(void* data, std::size_t size, void* context) {
  auto& r = *static_cast<Reader*>(context);
  if (r.error) {
    return;
  }
  try {
    const std::string_view text(data == nullptr ? "" : static_cast<const char*>(data), size);
    if (!valid_utf8(text)) {
      throw usage_error("{}:{}: invalid UTF-8 in column {}; save the file as UTF-8", r.source, r.record_line(),
                        r.fields + 1);
    }
    if (r.fields < r.row.fields.size()) {
      r.row.fields[r.fields].assign(text);
    } else {
      r.row.fields.emplace_back(text);
    }
    ++r.fields;
  } catch (...) {
    r.error = std::current_exception();
  }
}

void on_record(int /*terminator*/, void* context) {
  auto& r = *static_cast<Reader*>(context);
  if (r.error) {
    return;
  }
  r.row.line = r.record_line();
  if (!r.scanner.starts.empty()) {
    r.scanner.starts.pop_front();
  }
  r.row.fields.resize(r.fields);  // shrinks only when a record is shorter than the one before
  r.fields = 0;
  try {
    r.fn(r.row);
  } catch (...) {
    r.error = std::current_exception();
  }
}

int never_space(unsigned char /*c*/) {
  return 0;  // RFC 4180: spaces are part of a field; libcsv would trim them
}

class Parser {
 public:
  Parser() {
    // Not CSV_STRICT: see the top of the file. The scanner rejects what strict mode should.
    if (csv_init(&m_parser, 0) != 0) {
      throw runtime_error("cannot start the CSV parser");
    }
    csv_set_space_func(&m_parser, never_space);
    csv_set_blk_size(&m_parser, k_chunk);
  }
  ~Parser() { csv_free(&m_parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  /// Feeds `data` to libcsv; the first error of a callback, or of libcsv, is thrown.
  void parse(Reader& reader, const char* data, std::size_t size) {
    const std::size_t parsed = csv_parse(&m_parser, data, size, on_field, on_record, &reader);
    if (reader.error) {
      std::rethrow_exception(reader.error);
    }
    if (parsed < size) {
      throw runtime_error("{}: cannot read CSV: {}", reader.source, csv_strerror(csv_error(&m_parser)));
    }
  }
  void finish(Reader& reader) {
    csv_fini(&m_parser, on_field, on_record, &reader);
    if (reader.error) {
      std::rethrow_exception(reader.error);
    }
  }
  std::size_t field_size() const { return m_parser.entry_pos; }

 private:
  csv_parser m_parser{};
};

}  // namespace

void read_csv(std::istream& in, const std::string& source, const std::function<void(const CsvRow&)>& fn) {
  Parser parser;
  Reader reader{source, fn, {}, {}, 0, nullptr};
  RecordScanner& scanner = reader.scanner;
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
    if (size == 0) {
      continue;
    }
    if (const auto bad = scanner.feed(data, size)) {
      parser.parse(reader, data, *bad);  // the records before it, and their errors, come first
      throw usage_error("{}:{}: malformed CSV: text after the closing quote of field {}; a quote inside a quoted "
                        "field is written twice (\"\")",
                        source, scanner.lines.line, scanner.field);
    }
    parser.parse(reader, data, size);
    if (parser.field_size() > k_max_field) {
      throw usage_error("{}:{}: malformed CSV: field {} is longer than {} MiB; is a closing quote missing?", source,
                        scanner.state == State::quoted ? scanner.quote_line : reader.record_line(), scanner.field,
                        k_max_field >> 20);
    }
  }
  if (in.bad()) {
    throw runtime_error("{}: cannot read: I/O error", source);
  }
  if (scanner.state == State::quoted) {
    throw usage_error("{}:{}: malformed CSV: the quoted field {} that starts here is never closed; end it with "
                      "a quote (\")",
                      source, scanner.quote_line, scanner.field);
  }
  parser.finish(reader);
}

}  // namespace cso::cli
