#pragma once
// Rendering records for people and scripts (SPEC §2): table, json, jsonl, csv, tsv.
// Lists stream row by row (json/jsonl/csv/tsv never hold the result set; table must
// buffer to align columns). Text from users is neutralised in human-readable output.
#include "core/record.h"

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace cso::cli {

enum class Format { table, json, jsonl, csv, tsv };
/// Parses --format text; usage Error naming --format and the accepted values.
Format parse_format(std::string_view text);

enum class Style { none, bold, dim, green, yellow, red, magenta, cyan };

struct Cell {
  Value value;  ///< null, integer, or text (IDs arrive already as "RSK-12" text)
  Style style = Style::none;
  bool raw_json = false;  ///< text that is already JSON (journal data): embedded as is in json/jsonl
};

struct OutputOptions {
  Format format = Format::table;
  bool color = false;          ///< resolved from --color / NO_COLOR / isatty
  int terminal_width = 0;      ///< > 0 only when stdout is a terminal: table truncates long text
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
  std::ostream& m_out;
  OutputOptions m_opts;
  std::vector<std::string> m_columns;
  std::vector<std::vector<Cell>> m_buffered;  ///< table only
  std::size_t m_rows = 0;
  bool m_finished = false;
};

/// Writes one record: a JSON object (json/jsonl), a header and one row (csv/tsv), or
/// "name: value" lines (table; multi-line text kept, indented).
void write_object(std::ostream& out, const OutputOptions& opts, const std::vector<std::string>& columns,
                  const std::vector<Cell>& cells);

/// Neutralises control characters for human-readable output: C0 except tab and newline
/// become caret notation (ESC → "^["), DEL → "^?", C1 and invalid UTF-8 become U+FFFD.
std::string sanitize(std::string_view text);
/// Like sanitize, and also newline/tab → space, for one table cell.
std::string sanitize_cell(std::string_view text);
/// Wraps text in the ANSI codes of `style` when `color` is true.
std::string paint(std::string_view text, Style style, bool color);
/// Display width in terminal columns of UTF-8 text (one column per code point, 2 for wide CJK).
std::size_t display_width(std::string_view text);

/// RFC 4180 field quoting with the formula-injection guard for text cells.
std::string csv_field(const Cell& cell, char separator);
/// A JSON value (string escaped, integers bare, null); invalid UTF-8 replaced.
std::string json_value(const Value& v);

}  // namespace cso::cli
