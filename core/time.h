#pragma once
// Dates and instants (SPEC §3). An Instant is whole seconds since the Unix epoch, UTC.
// Dates are stored as "YYYY-MM-DD", instants as RFC 3339 UTC ("2026-11-27T04:26:36Z");
// both sort correctly as text, which storage relies on.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cso {

using Instant = std::int64_t;

/// A span of calendar time: `Nh`, `Nd`, `Nw`, `Nm` (months), `Ny`. Months and years
/// are calendar arithmetic (Jan 31 + 1m = Feb 28/29), the rest exact.
struct Duration {
  std::int64_t count = 0;
  char unit = 'd';  ///< one of h d w m y
  bool operator==(const Duration&) const = default;
};

/// "now" for the whole process: CSO_NOW when set (RFC 3339 or YYYY-MM-DD), else the system clock.
struct Clock {
  Instant now = 0;
};

/// The system clock, to the second.
Clock system_clock();
/// A fixed "now" as CSO_NOW gives it: YYYY-MM-DD or an RFC 3339 instant; a usage Error naming
/// `what` otherwise. (The environment is read in cli/; core only parses.)
Clock fixed_clock(std::string_view text, std::string_view what);

/// Parses a date/instant as users type it: YYYY-MM-DD (midnight UTC), RFC 3339 instants
/// (any offset, converted to UTC), today, yesterday, tomorrow, now, and offsets from now
/// (+30d, -2w, +3m, +1y, +4h). `what` names the flag in the error message
/// ("--due: 'soon' is not a date; use YYYY-MM-DD, an RFC 3339 instant, today, or +30d").
Instant parse_when(std::string_view text, const Clock& clock, std::string_view what);
/// "--since" values: a look-back duration ("90d": now − 90 days) or a date as parse_when reads it.
Instant parse_since(std::string_view text, const Clock& clock, std::string_view what);

/// Parses `Nh`, `Nd`, `Nw`, `Nm`, `Ny` (N a positive integer, at most 5 digits).
Duration parse_duration(std::string_view text, std::string_view what);
std::optional<Duration> try_parse_duration(std::string_view text);
std::string format_duration(const Duration& d);  ///< "90d"

Instant add(Instant t, const Duration& d);
Instant subtract(Instant t, const Duration& d);
/// An approximate length in seconds (m = 30d, y = 365d), for comparisons such as "75% of an SLA".
std::int64_t approximate_seconds(const Duration& d);

std::string format_date(Instant t);     ///< "2026-11-27"
std::string format_instant(Instant t);  ///< "2026-11-27T04:26:36Z"
/// Parses exactly what format_date/format_instant print (as stored); nullopt otherwise.
std::optional<Instant> parse_stored(std::string_view text);
Instant start_of_day(Instant t);
/// Whole days from `from` to `to` (negative when `to` is earlier), counted between UTC midnights.
std::int64_t days_between(Instant from, Instant to);

}  // namespace cso
