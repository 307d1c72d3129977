// Civil-date arithmetic is Howard Hinnant's days_from_civil/civil_from_days
// (https://howardhinnant.github.io/date_algorithms.html), so nothing depends on TZ or the C library.
#include "core/time.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <limits>
#include <utility>

#include "core/error.h"
#include "core/json_text.h"

namespace cso {
namespace {

constexpr std::int64_t k_minute = 60;
constexpr std::int64_t k_hour = 60 * k_minute;
constexpr std::int64_t k_day = 24 * k_hour;
/// 9999-12-31T23:59:59Z; instants before the epoch are out of range too.
constexpr std::int64_t k_max_instant = 253402300799;
/// No count beyond this can stay inside the range, and below it nothing overflows.
constexpr std::int64_t k_max_count = 1'000'000'000;
constexpr std::size_t k_max_digits = 5;
constexpr std::size_t k_max_shown = 64;
constexpr std::string_view k_units = "hdwmy";
/// Seconds per unit in k_units order; months and years approximate (30d, 365d).
constexpr std::array<std::int64_t, 5> k_unit_seconds = {k_hour, k_day, 7 * k_day, 30 * k_day, 365 * k_day};

constexpr std::string_view k_date_forms =
    "use YYYY-MM-DD, an RFC 3339 instant, today, yesterday, tomorrow, now, or an offset like +30d, -2w, +3m, "
    "+1y, +4h";
constexpr std::string_view k_out_of_range = "is out of range; cso handles dates from 1970-01-01 to 9999-12-31";

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

constexpr bool is_leap(std::int64_t y) {
  return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

constexpr unsigned days_in_month(std::int64_t y, unsigned m) {
  constexpr unsigned k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : k_days[m - 1];
}

constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - (a % b < 0 ? 1 : 0);
}
constexpr std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  return a % b + (a % b < 0 ? b : 0);
}

bool in_range(std::int64_t t) {
  return t >= 0 && t <= k_max_instant;
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Case-insensitive match against a lowercase `word`.
bool iequals(std::string_view text, std::string_view word) {
  return std::equal(text.begin(), text.end(), word.begin(), word.end(),
                    [](char a, char b) { return ascii_lower(a) == b; });
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// The number in `n` digits at `pos`, or -1.
int digits_at(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) {
    return -1;
  }
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!is_digit(s[i])) {
      return -1;
    }
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/// User text made safe to echo: control bytes and invalid UTF-8 as \xNN, long text cut short.
std::string shown(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size() && i < k_max_shown) {
    const std::size_t n = utf8_length(s, i);
    const auto c = static_cast<unsigned char>(s[i]);
    if (n == 0 || c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
      i += 1;
    } else {
      out += s.substr(i, n);
      i += n;
    }
  }
  if (i < s.size()) {
    out += "...";
  }
  return out;
}

/// `t` moved by `count` units; nullopt when the result leaves 1970..9999 or the unit is unknown.
std::optional<Instant> shifted(Instant t, std::int64_t count, char unit) {
  const std::size_t u = k_units.find(unit);
  if (!in_range(t) || count < -k_max_count || count > k_max_count || u == std::string_view::npos) {
    return std::nullopt;
  }
  Instant out = t + count * k_unit_seconds[u];
  if (unit == 'm' || unit == 'y') {
    const std::int64_t day = floor_div(t, k_day);
    const Civil c = civil_from_days(day);
    const std::int64_t months = c.year * 12 + (c.month - 1) + (unit == 'y' ? count * 12 : count);
    const std::int64_t year = floor_div(months, 12);
    if (year < 1970 || year > 9999) {
      return std::nullopt;
    }
    const auto month = static_cast<unsigned>(months - year * 12 + 1);
    const unsigned mday = std::min(c.day, days_in_month(year, month));
    out = days_from_civil(year, month, mday) * k_day + (t - day * k_day);
  }
  return in_range(out) ? std::optional<Instant>(out) : std::nullopt;
}

/// Each keyword and its day relative to today ("now" keeps the time of day).
constexpr std::array<std::pair<std::string_view, int>, 4> k_keywords = {
    {{"now", 0}, {"today", 0}, {"yesterday", -1}, {"tomorrow", 1}}};

enum class Amount { ok, malformed, too_long };

/// Parses `N` + unit (h d w m y, either case) into `out`; the sign is the caller's business.
Amount parse_amount(std::string_view s, Duration& out) {
  const std::string_view digits = s.substr(0, s.empty() ? 0 : s.size() - 1);
  const char unit = s.empty() ? '\0' : ascii_lower(s.back());
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), is_digit) ||
      k_units.find(unit) == std::string_view::npos) {
    return Amount::malformed;
  }
  if (digits.size() > k_max_digits) {
    return Amount::too_long;
  }
  out = Duration{digits_at(digits, 0, digits.size()), unit};
  return Amount::ok;
}

/// YYYY-MM-DD or an RFC 3339 instant. On failure `problem` says why, or stays empty for "not a date".
std::optional<Instant> parse_absolute(std::string_view s, std::string& problem) {
  const int y = digits_at(s, 0, 4);
  const int mo = digits_at(s, 5, 2);
  const int d = digits_at(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || s[4] != '-' || s[7] != '-') {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12) {
    problem = "is not a valid date; months run from 01 to 12";
    return std::nullopt;
  }
  const auto month = static_cast<unsigned>(mo);
  if (d < 1 || static_cast<unsigned>(d) > days_in_month(y, month)) {
    problem = fmt::format("is not a valid date; {:04}-{:02} has {} days", y, mo, days_in_month(y, month));
    return std::nullopt;
  }
  std::int64_t t = days_from_civil(y, month, static_cast<unsigned>(d)) * k_day;
  if (s.size() > 10) {
    const char sep = s[10];
    const int hh = digits_at(s, 11, 2);
    const int mm = digits_at(s, 14, 2);
    const int ss = digits_at(s, 17, 2);
    if ((sep != 'T' && sep != 't' && sep != ' ') || hh < 0 || mm < 0 || ss < 0 || s[13] != ':' || s[16] != ':') {
      return std::nullopt;
    }
    if (hh > 23 || mm > 59 || ss > 60) {
      problem = "is not a valid time of day";
      return std::nullopt;
    }
    t += hh * k_hour + mm * k_minute + ss;
    // Fractional seconds are accepted and dropped; a '.' needs at least one digit.
    const bool fraction = s.size() > 19 && s[19] == '.';
    const std::size_t i = fraction ? std::min(s.find_first_not_of("0123456789", 20), s.size()) : 19;
    if (i == 20) {
      return std::nullopt;
    }
    const std::string_view zone = s.substr(i);
    if (zone.empty()) {
      problem = "has no time zone; add Z for UTC or an offset like +02:00";
      return std::nullopt;
    }
    if (zone != "Z" && zone != "z") {
      const int oh = digits_at(zone, 1, 2);
      const int om = digits_at(zone, 4, 2);
      if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || oh < 0 || om < 0 || zone[3] != ':') {
        return std::nullopt;
      }
      if (oh > 23 || om > 59) {
        problem = "has an invalid UTC offset; use Z, or +HH:MM / -HH:MM up to 23:59";
        return std::nullopt;
      }
      t -= (zone[0] == '+' ? 1 : -1) * (oh * k_hour + om * k_minute);
    }
  }
  if (y < 1970 || !in_range(t)) {
    problem = k_out_of_range;
    return std::nullopt;
  }
  return t;
}

std::optional<Instant> parse_when_impl(std::string_view s, const Clock& clock, std::string& problem) {
  for (const auto& [word, days] : k_keywords) {
    if (iequals(s, word)) {
      const auto t = shifted(word == "now" ? clock.now : start_of_day(clock.now), days, 'd');
      if (!t) {
        problem = k_out_of_range;
      }
      return t;
    }
  }
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    Duration d;
    const Amount amount = parse_amount(s.substr(1), d);
    if (amount == Amount::too_long) {
      problem = "has too many digits; an offset takes at most 5, like +99999d";
    }
    if (amount != Amount::ok) {
      return std::nullopt;
    }
    const auto t = shifted(clock.now, s[0] == '-' ? -d.count : d.count, d.unit);
    if (!t) {
      problem = k_out_of_range;
    }
    return t;
  }
  return parse_absolute(s, problem);
}

Instant shifted_or_throw(Instant t, const Duration& d, char sign) {
  const bool sane = d.count >= -k_max_count && d.count <= k_max_count;
  const auto out = sane ? shifted(t, sign == '-' ? -d.count : d.count, d.unit) : std::nullopt;
  if (!out) {
    throw usage_error("{} {} {} {}", format_instant(t), sign, format_duration(d), k_out_of_range);
  }
  return *out;
}

[[noreturn]] void fail(std::string_view what, std::string_view text, const std::string& problem,
                       std::string_view forms) {
  if (problem.empty()) {
    throw usage_error("{}: '{}' is not a date; {}", what, shown(text), forms);
  }
  throw usage_error("{}: '{}' {}", what, shown(text), problem);
}

}  // namespace

Clock fixed_clock(std::string_view text, std::string_view what) {
  std::string problem;
  const auto t = parse_absolute(text, problem);
  if (!t) {
    fail(what, text, problem, "use YYYY-MM-DD or an RFC 3339 instant like 2026-11-27T04:26:36Z");
  }
  return Clock{*t};
}

Clock system_clock() {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  return Clock{now.time_since_epoch().count()};
}

Instant parse_when(std::string_view text, const Clock& clock, std::string_view what) {
  std::string problem;
  const auto t = parse_when_impl(text, clock, problem);
  if (!t) {
    fail(what, text, problem, k_date_forms);
  }
  return *t;
}

/// Review periods, SLAs and windows are at most a century: longer is a typo, and keeping them
/// short keeps `add(now, period)` inside the dates cso can store.
constexpr std::int64_t k_max_duration_seconds = 100LL * 366 * 86400;

Duration parse_duration(std::string_view text, std::string_view what) {
  Duration d;
  switch (parse_amount(text, d)) {
    case Amount::malformed:
      throw usage_error("{}: '{}' is not a duration; use a whole number and a unit, like 12h, 30d, 2w, 6m or 1y", what,
                        shown(text));
    case Amount::too_long:
      throw usage_error("{}: '{}' has too many digits; a duration takes at most 5, like 99999d", what, shown(text));
    case Amount::ok:
      break;
  }
  if (d.count == 0) {
    throw usage_error("{}: '{}' is zero; a duration must be positive", what, shown(text));
  }
  if (approximate_seconds(d) > k_max_duration_seconds) {
    throw usage_error("{}: '{}' is longer than 100 years, the longest period cso accepts", what, shown(text));
  }
  return d;
}

std::optional<Duration> try_parse_duration(std::string_view text) {
  Duration d;
  const bool ok =
      parse_amount(text, d) == Amount::ok && d.count > 0 && approximate_seconds(d) <= k_max_duration_seconds;
  return ok ? std::optional<Duration>(d) : std::nullopt;
}

std::string format_duration(const Duration& d) {
  return std::to_string(d.count) + d.unit;
}

Instant add(Instant t, const Duration& d) {
  return shifted_or_throw(t, d, '+');
}
Instant subtract(Instant t, const Duration& d) {
  return shifted_or_throw(t, d, '-');
}

std::int64_t approximate_seconds(const Duration& d) {
  const std::size_t i = k_units.find(d.unit);
  if (i == std::string_view::npos) {
    return 0;
  }
  const std::int64_t unit = k_unit_seconds[i];
  constexpr auto k_max = std::numeric_limits<std::int64_t>::max();
  return d.count > k_max / unit ? k_max : d.count < -(k_max / unit) ? -k_max : d.count * unit;
}

namespace {

/// Writes `v` as exactly `width` decimal digits (imports format millions of dates: no fmt here).
void put_digits(char* at, std::int64_t v, int width) {
  for (int i = width - 1; i >= 0; --i) {
    at[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

std::string format_date_uncached(Instant t) {
  const Civil c = civil_from_days(floor_div(t, k_day));
  if (c.year < 0 || c.year > 9999) {
    return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
  }
  std::string out = "0000-00-00";
  put_digits(out.data(), c.year, 4);
  put_digits(out.data() + 5, c.month, 2);
  put_digits(out.data() + 8, c.day, 2);
  return out;
}

std::string format_instant_uncached(Instant t) {
  const std::int64_t sod = floor_mod(t, k_day);
  std::string out = format_date(t);
  out.append("T00:00:00Z");
  char* time = out.data() + out.size() - 9;
  put_digits(time, sod / k_hour, 2);
  put_digits(time + 3, sod % k_hour / k_minute, 2);
  put_digits(time + 6, sod % k_minute, 2);
  return out;
}

}  // namespace

std::string format_date(Instant t) {
  thread_local Instant last = std::numeric_limits<Instant>::min();
  thread_local std::string last_text;
  if (t / k_day == last / k_day && t >= 0 && last >= 0) {
    return last_text;
  }
  last = t;
  last_text = format_date_uncached(t);
  return last_text;
}

std::string format_instant(Instant t) {
  thread_local Instant last = std::numeric_limits<Instant>::min();
  thread_local std::string last_text;
  if (t == last) {
    return last_text;
  }
  last = t;
  last_text = format_instant_uncached(t);
  return last_text;
}

std::optional<Instant> parse_stored(std::string_view text) {
  // Stored instants never carry a leap second, so the seconds' tens digit stops at 5.
  const bool instant = text.size() == 20 && text[10] == 'T' && text[19] == 'Z' && text[17] <= '5';
  std::string problem;
  return text.size() == 10 || instant ? parse_absolute(text, problem) : std::nullopt;
}

Instant start_of_day(Instant t) {
  const std::int64_t rem = floor_mod(t, k_day);
  // Only the last partial day before INT64_MIN can't round down; clamp rather than overflow.
  return t >= std::numeric_limits<std::int64_t>::min() + rem ? t - rem : std::numeric_limits<std::int64_t>::min();
}

std::int64_t days_between(Instant from, Instant to) {
  return floor_div(to, k_day) - floor_div(from, k_day);
}

Instant parse_since(std::string_view text, const Clock& clock, std::string_view what) {
  if (const auto d = try_parse_duration(text)) {
    return subtract(clock.now, *d);
  }
  return parse_when(text, clock, what);
}

}  // namespace cso
