#pragma once
// Rendering records for people and scripts (SPEC §2): table, json, jsonl, csv, tsv.
// Lists stream row by row (json/jsonl/csv/tsv never hold the result set; table must
// buffer to align columns). Text from users is neutralised in human-readable output.
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.h"

namespace cso::cli {

enum class Format { table, json, jsonl, csv, tsv };
/// Parses --format text; usage Error naming --format and the accepted values.
Format parse_format(std::string_view text);
std::string_view format_name(Format format);

/// The formats a command prints (SPEC §2: any other --format exits 2 naming these).
class FormatSet {
 public:
  constexpr FormatSet(std::initializer_list<Format> formats) {
    for (const Format f : formats) {
      m_bits |= bit(f);
    }
  }
  constexpr bool has(Format f) const { return (m_bits & bit(f)) != 0; }
  /// "table or json", "table, json, jsonl, csv or tsv".
  std::string names() const;
  /// The same names one by one ({"table", "json"}): what shell completion offers.
  std::vector<std::string_view> list() const;

 private:
  static constexpr unsigned bit(Format f) { return 1u << static_cast<unsigned>(f); }
  unsigned m_bits = 0;
};

/// Lists and records: every format.
inline constexpr FormatSet k_record_formats{Format::table, Format::json, Format::jsonl, Format::csv, Format::tsv};
/// A report for people, or one JSON object for scripts.
inline constexpr FormatSet k_table_json{Format::table, Format::json};
/// Text only (help, version, a diff, a body).
inline constexpr FormatSet k_table_only{Format::table};

/// A usage Error unless `formats` has `format`: "--format csv: 'cso status' prints table or json".
void require_format(Format format, const FormatSet& formats, std::string_view command);

/// Flushes `out`; the reason when it failed ("No space left on device"), else nullopt.
std::optional<std::string> flush_failure(std::ostream& out);
/// Flushes `out`; a runtime Error "cannot write to standard output: REASON" when it failed
/// (SPEC §2: a failed write to stdout exits 1, never a silent 0).
void flush_or_throw(std::ostream& out);

/// JSON values are built with nlohmann's ordered type: keys keep the order they are added in.
using Json = nlohmann::ordered_json;
enum class JsonLayout { compact, pretty };
/// JSON text, on one line (compact) or indented by two spaces; invalid UTF-8 is replaced by
/// U+FFFD, never thrown.
std::string json_text(const Json& value, JsonLayout layout);
/// Writes json_text(value) and a newline. pretty for --format json, compact for jsonl.
void write_json(std::ostream& out, const Json& value, JsonLayout layout);
/// The layout of `format`: compact for jsonl, pretty otherwise.
JsonLayout json_layout(Format format);

enum class Style { none, bold, dim, green, yellow, red, magenta, cyan };

struct Cell {
  Value value;  ///< null, integer, or text (IDs arrive already as "RSK-12" text)
  Style style = Style::none;
  bool raw_json = false;  ///< text that is already JSON (journal data): embedded as is in json/jsonl
  bool whole = false;     ///< never cut to fit a narrow terminal: IDs, dates, instants
};

/// A cell that a narrow terminal never cuts (an ID, a date, an instant).
inline Cell whole_cell(Value value) {
  return Cell{std::move(value), Style::none, false, true};
}

struct OutputOptions {
  Format format = Format::table;
  bool color = false;      ///< resolved from --color / NO_COLOR / isatty
  int terminal_width = 0;  ///< > 0 only when stdout is a terminal: table truncates long text
};

/// Writes a list of rows with the given columns in any format.
class RowWriter {
 public:
  RowWriter(std::ostream& out, const OutputOptions& opts, std::vector<std::string> columns);
  ~RowWriter();
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;
  void row(std::vector<Cell> cells);
  /// Ends the output (closing bracket for json, the aligned table for table). Idempotent.
  void finish();

 private:
  void write_row(const std::string& text);

  std::ostream& m_out;
  OutputOptions m_opts;
  std::vector<std::string> m_columns;
  std::vector<std::vector<Cell>> m_buffered;  ///< table only
  std::size_t m_rows = 0;
  bool m_finished = false;
  struct JsonRow;
  std::unique_ptr<JsonRow> m_json;  ///< json/jsonl: one object reused for every row
};

/// Writes one record: a JSON object (json/jsonl), a header and one row (csv/tsv), or
/// "name: value" lines (table; multi-line text kept, indented).
void write_object(std::ostream& out, const OutputOptions& opts, const std::vector<std::string>& columns,
                  const std::vector<Cell>& cells);

/// Neutralises control characters for human-readable output: C0 except tab and newline
/// become caret notation (ESC → "^["), DEL → "^?"; C1, bidirectional overrides, embeddings and
/// isolates (U+202A–U+202E, U+2066–U+2069) and invalid UTF-8 become U+FFFD.
std::string sanitize(std::string_view text);
/// Like sanitize, and also newline/tab → space, for one table cell.
std::string sanitize_cell(std::string_view text);
/// Wraps text in the ANSI codes of `style` when `color` is true.
std::string paint(std::string_view text, Style style, bool color);
/// Display width in terminal columns of UTF-8 text (one column per code point, 2 for wide CJK).
std::size_t display_width(std::string_view text);
/// `text` followed by spaces up to `width` display columns (none when it is already as wide).
std::string padded(std::string_view text, std::size_t width);

/// RFC 4180 field quoting with the formula-injection guard for text cells.
std::string csv_field(const Cell& cell, char separator);
/// The members of `object` named in --fields text, in that order (SPEC §2: --fields selects the
/// keys of a report's JSON); empty text keeps them all. A usage Error names an unknown or
/// repeated key and the keys there are.
Json select_keys(Json object, std::string_view fields, std::string_view command);

/// A value as JSON: string, integer or null.
Json json_of(const Value& v);
/// A JSON object of `columns` and `cells` (raw_json cells embedded as the JSON they hold).
Json json_object(const std::vector<std::string>& columns, const std::vector<Cell>& cells);

}  // namespace cso::cli
