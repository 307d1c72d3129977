#pragma once
// Layout for people, used by output.cpp only: aligned lists and "name: value" records.
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/output.h"

namespace cso::cli {

/// The aligned table of `rows` under a header, narrowed to opts.terminal_width when set.
void write_table(std::ostream& out, const OutputOptions& opts, const std::vector<std::string>& columns,
                 const std::vector<std::vector<Cell>>& rows);
/// One record as "name: value" lines, names padded to one width, multi-line text indented.
void write_fields(std::ostream& out, const OutputOptions& opts, const std::vector<std::string>& columns,
                  const std::vector<Cell>& cells);

}  // namespace cso::cli
