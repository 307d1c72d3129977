#pragma once
// Fixture files: cso command lines as data (the demo is one, cli/demo/kestrel.cso). One command
// per line, as typed after `cso`:
//   - words split on blanks; '…' is literal; "…" takes \n \t \\ \" \{ and tokens; outside quotes
//     a backslash makes the next character literal;
//   - `#` at the start of a word begins a comment; blank lines are skipped;
//   - an optional first word `@OFFSET` sets the line's "now" (@-200d, @-3d+4h, @-6h+30m);
//   - `{OFFSET}` is replaced by the date (YYYY-MM-DD) OFFSET from the fixture's "now",
//     `{OFFSET@}` by the instant (RFC 3339), so deadlines do not depend on the line's clock.
// OFFSET is one or more signed terms, each a number and d (days), h (hours) or m (minutes).
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace cso::cli {

struct FixtureLine {
  int number = 0;                 ///< 1-based line number in the file
  Instant now = 0;                ///< the line's "now": the fixture's, moved by its @OFFSET
  std::vector<std::string> args;  ///< the words after `cso`, tokens replaced
};

/// Parses a whole fixture relative to `now`; a runtime Error naming `name` and the line when a
/// line is malformed (the fixture is ours: a bad line is a bug).
std::vector<FixtureLine> parse_fixture(std::string_view text, Instant now, std::string_view name);

}  // namespace cso::cli
