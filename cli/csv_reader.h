#pragma once
// Streaming RFC 4180 CSV reading for imports (one pass, 64 KiB at a time). Reports each record
// with its 1-based starting line number, so errors can name line and column.
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace cso::cli {

struct CsvRow {
  std::size_t line = 0;  ///< line on which the record starts (1-based)
  std::vector<std::string> fields;
};

/// Reads `in` record by record and calls `fn` for each, the header included. Throws a
/// usage Error naming `source` and the line for malformed CSV (e.g. an unterminated quote)
/// or invalid UTF-8. A UTF-8 BOM at the start is skipped. Empty lines are skipped.
void read_csv(std::istream& in, const std::string& source, const std::function<void(const CsvRow&)>& fn);

}  // namespace cso::cli
