#include <doctest/doctest.h>
#include <stdlib.h>  // setenv, unsetenv

#include <cstdlib>
#include <limits>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/time.h"
#include "tests/unit/test_support.h"

using namespace cso;
using namespace std::string_literals;

namespace {

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z
const Clock k_clock{k_t};

Instant at(std::string_view stored) {
  const auto t = parse_stored(stored);
  REQUIRE(t.has_value());
  return *t;
}

std::string when(std::string_view text) {
  return format_instant(parse_when(text, k_clock, "--due"));
}

using test::usage_message;

std::string when_error(std::string_view text) {
  return usage_message([&] { parse_when(text, k_clock, "--due"); });
}

std::string duration_error(std::string_view text) {
  return usage_message([&] { parse_duration(text, "--review-every"); });
}

const std::string k_forms =
    "use YYYY-MM-DD, an RFC 3339 instant, today, yesterday, tomorrow, now, or an offset like +30d, -2w, +3m, +1y, +4h";
const std::string k_range = "is out of range; cso handles dates from 1970-01-01 to 9999-12-31";

}  // namespace

TEST_CASE("format_date and format_instant print the stored forms") {
  CHECK(format_date(0) == "1970-01-01");
  CHECK(format_instant(0) == "1970-01-01T00:00:00Z");
  CHECK(format_date(k_t) == "2026-11-27");
  CHECK(format_instant(k_t) == "2026-11-27T04:26:36Z");
  CHECK(format_instant(1709164800) == "2024-02-29T00:00:00Z");
  CHECK(format_instant(951868800 - 1) == "2000-02-29T23:59:59Z");
  CHECK(format_instant(253402300799) == "9999-12-31T23:59:59Z");
}

TEST_CASE("parse_stored reads exactly the stored forms") {
  CHECK(parse_stored("2026-11-27T04:26:36Z") == k_t);
  CHECK(parse_stored("2026-11-27") == 1795737600);
  CHECK(parse_stored("1970-01-01") == 0);
  CHECK(parse_stored("9999-12-31T23:59:59Z") == 253402300799);
  CHECK(parse_stored("2024-02-29") == 1709164800);
  for (const auto* bad :
       {"", "2026-11-27t04:26:36z", "2026-11-27T04:26:36+00:00", "2026-11-27T04:26:36.5Z", "2026-11-27 04:26:36Z",
        "2026-11-27T04:26:60Z", "2026-02-29", "2026-13-01", "2026-00-10", "2026-01-00", "1969-12-31", "today", "+1d",
        "2026-1-27", "2026-11-27T04:26Z", "20261127", "2026-11-27x", "2026-11-27T24:00:00Z"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_stored(bad).has_value());
  }
}

TEST_CASE("format and parse_stored round-trip every day from 1970 to 2400") {
  // Together with the fixed points above: each day parses back, and the text increases without gaps.
  const Instant end = at("2400-12-31");
  std::int64_t days = 0;
  std::int64_t mismatches = 0;
  std::string previous;
  for (Instant t = 0; t <= end; t += 86400, ++days) {
    const std::string d = format_date(t);
    if (parse_stored(d) != t || parse_stored(format_instant(t + 86399)) != t + 86399 || d <= previous) {
      ++mismatches;
    }
    previous = d;
  }
  CHECK(mismatches == 0);
  CHECK(days == days_between(0, end) + 1);
  CHECK(format_date(end) == "2400-12-31");
}

TEST_CASE("parse_when: dates and RFC 3339 instants") {
  CHECK(when("2026-11-27") == "2026-11-27T00:00:00Z");
  CHECK(when("2026-11-27T04:26:36Z") == "2026-11-27T04:26:36Z");
  CHECK(when("2026-11-27t04:26:36z") == "2026-11-27T04:26:36Z");
  CHECK(when("2026-11-27 04:26:36Z") == "2026-11-27T04:26:36Z");
  CHECK(when("2026-11-27T04:26:36.123456789Z") == "2026-11-27T04:26:36Z");
  CHECK(when("2026-11-27T04:26:36.9+00:00") == "2026-11-27T04:26:36Z");
  CHECK(when("2026-11-27T06:26:36+02:00") == "2026-11-27T04:26:36Z");
  CHECK(when("2026-11-27T00:30:00-05:30") == "2026-11-27T06:00:00Z");
  CHECK(when("2026-11-27T01:00:00+02:00") == "2026-11-26T23:00:00Z");
  CHECK(when("2026-12-31T23:00:00-01:00") == "2027-01-01T00:00:00Z");
  CHECK(when("2024-03-01T00:30:00+01:00") == "2024-02-29T23:30:00Z");
  CHECK(when("2026-11-27T04:26:36-00:00") == "2026-11-27T04:26:36Z");
  CHECK(when("2016-12-31T23:59:60Z") == "2017-01-01T00:00:00Z");
  CHECK(when("2024-02-29") == "2024-02-29T00:00:00Z");
  CHECK(when("2000-02-29") == "2000-02-29T00:00:00Z");
  CHECK(when("1970-01-01") == "1970-01-01T00:00:00Z");
  CHECK(when("9999-12-31T23:59:59Z") == "9999-12-31T23:59:59Z");
}

TEST_CASE("parse_when: keywords, case-insensitive") {
  CHECK(when("now") == "2026-11-27T04:26:36Z");
  CHECK(when("NOW") == "2026-11-27T04:26:36Z");
  CHECK(when("today") == "2026-11-27T00:00:00Z");
  CHECK(when("Today") == "2026-11-27T00:00:00Z");
  CHECK(when("yesterday") == "2026-11-26T00:00:00Z");
  CHECK(when("TOMORROW") == "2026-11-28T00:00:00Z");
  const Clock new_year{at("2026-12-31T23:59:59Z")};
  CHECK(format_instant(parse_when("tomorrow", new_year, "--due")) == "2027-01-01T00:00:00Z");
  const Clock leap{at("2024-03-01T12:00:00Z")};
  CHECK(format_instant(parse_when("yesterday", leap, "--due")) == "2024-02-29T00:00:00Z");
}

TEST_CASE("parse_when: offsets from now") {
  CHECK(when("+30d") == "2026-12-27T04:26:36Z");
  CHECK(when("-2w") == "2026-11-13T04:26:36Z");
  CHECK(when("+4h") == "2026-11-27T08:26:36Z");
  CHECK(when("-30h") == "2026-11-25T22:26:36Z");
  CHECK(when("+3m") == "2027-02-27T04:26:36Z");
  CHECK(when("-11m") == "2025-12-27T04:26:36Z");
  CHECK(when("+1y") == "2027-11-27T04:26:36Z");
  CHECK(when("-1y") == "2025-11-27T04:26:36Z");
  CHECK(when("+0d") == "2026-11-27T04:26:36Z");
  CHECK(when("+00030D") == "2026-12-27T04:26:36Z");
  CHECK(when("+1M") == "2026-12-27T04:26:36Z");
  CHECK(when("+99999h") == "2038-04-24T19:26:36Z");
}

TEST_CASE("parse_when: month and year offsets clamp to the month's end") {
  const auto from = [](std::string_view now, std::string_view offset) {
    return format_date(parse_when(offset, Clock{at(now)}, "--due"));
  };
  CHECK(from("2026-01-31", "+1m") == "2026-02-28");
  CHECK(from("2024-01-31", "+1m") == "2024-02-29");
  CHECK(from("2026-03-31", "-1m") == "2026-02-28");
  CHECK(from("2026-05-31", "+1m") == "2026-06-30");
  CHECK(from("2026-01-31", "+2m") == "2026-03-31");
  CHECK(from("2026-12-15", "+1m") == "2027-01-15");
  CHECK(from("2026-01-15", "-1m") == "2025-12-15");
  CHECK(from("2026-01-15", "-13m") == "2024-12-15");
  CHECK(from("2024-02-29", "+1y") == "2025-02-28");
  CHECK(from("2024-02-29", "+4y") == "2028-02-29");
  CHECK(from("2100-02-28", "-1y") == "2099-02-28");
  CHECK(from("2000-02-29", "+100y") == "2100-02-28");
  CHECK(from("2000-02-29", "+400y") == "2400-02-29");
}

TEST_CASE("parse_when: bad input names the flag and the text") {
  CHECK(when_error("soon") == "--due: 'soon' is not a date; " + k_forms);
  CHECK(when_error("") == "--due: '' is not a date; " + k_forms);
  for (const auto* bad : {"+",
                          "-",
                          "+d",
                          "30d",
                          "+30",
                          "+30x",
                          "++3d",
                          "+-3d",
                          "+3.5d",
                          " today",
                          "today ",
                          "nowish",
                          "2026-11-27T",
                          "2026-11-27T04:26",
                          "2026-11-27T04:26:36.Z",
                          "2026-11-27T04:26:36+0200",
                          "2026-11-27T04:26:36+02",
                          "2026-11-27T04:26:36Zjunk",
                          "2026-11-27X04:26:36Z",
                          "2026/11/27",
                          "27-11-2026",
                          "+1e5d",
                          "0x10"}) {
    CAPTURE(bad);
    CHECK(when_error(bad) == "--due: '"s + bad + "' is not a date; " + k_forms);
  }
  CHECK(when_error("2026-02-30") == "--due: '2026-02-30' is not a valid date; 2026-02 has 28 days");
  CHECK(when_error("2023-02-29") == "--due: '2023-02-29' is not a valid date; 2023-02 has 28 days");
  CHECK(when_error("1900-02-29") == "--due: '1900-02-29' is not a valid date; 1900-02 has 28 days");
  CHECK(when_error("2026-04-31") == "--due: '2026-04-31' is not a valid date; 2026-04 has 30 days");
  CHECK(when_error("2026-01-00") == "--due: '2026-01-00' is not a valid date; 2026-01 has 31 days");
  CHECK(when_error("2026-13-01") == "--due: '2026-13-01' is not a valid date; months run from 01 to 12");
  CHECK(when_error("2026-00-01") == "--due: '2026-00-01' is not a valid date; months run from 01 to 12");
  CHECK(when_error("2026-11-27T24:00:00Z") == "--due: '2026-11-27T24:00:00Z' is not a valid time of day");
  CHECK(when_error("2026-11-27T04:60:00Z") == "--due: '2026-11-27T04:60:00Z' is not a valid time of day");
  CHECK(when_error("2026-11-27T04:26:36") ==
        "--due: '2026-11-27T04:26:36' has no time zone; add Z for UTC or an offset like +02:00");
  CHECK(when_error("2026-11-27T04:26:36+24:00") ==
        "--due: '2026-11-27T04:26:36+24:00' has an invalid UTC offset; use Z, or +HH:MM / -HH:MM up to 23:59");
  CHECK(when_error("1969-12-31") == "--due: '1969-12-31' " + k_range);
  CHECK(when_error("0000-01-01") == "--due: '0000-01-01' " + k_range);
  CHECK(when_error("1970-01-01T00:30:00+01:00") == "--due: '1970-01-01T00:30:00+01:00' " + k_range);
  CHECK(when_error("9999-12-31T23:59:59-00:01") == "--due: '9999-12-31T23:59:59-00:01' " + k_range);
  CHECK(when_error("+99999y") == "--due: '+99999y' " + k_range);
  CHECK(when_error("-57y") == "--due: '-57y' " + k_range);
  CHECK(when_error("-99999w") == "--due: '-99999w' " + k_range);
  CHECK(when_error("+100000d") == "--due: '+100000d' has too many digits; an offset takes at most 5, like +99999d");
  CHECK(when_error("+99999999999999999999999999d") ==
        "--due: '+99999999999999999999999999d' has too many digits; an offset takes at most 5, like +99999d");
  CHECK(usage_message([] { parse_when("-1d", Clock{0}, "--since"); }) == "--since: '-1d' " + k_range);
  CHECK(usage_message([] { parse_when("yesterday", Clock{3600}, "--since"); }) == "--since: 'yesterday' " + k_range);
  CHECK(usage_message([] { parse_when("now", Clock{-1}, "--since"); }) == "--since: 'now' " + k_range);
}

TEST_CASE("parse_when: hostile bytes are escaped in the message, never crash") {
  CHECK(when_error("to\0day"s) == "--due: 'to\\x00day' is not a date; " + k_forms);
  CHECK(when_error("\xff\xfe") == "--due: '\\xFF\\xFE' is not a date; " + k_forms);
  CHECK(when_error("\x1b[31m") == "--due: '\\x1B[31m' is not a date; " + k_forms);
  CHECK(when_error("m\xc3\xa9t\xc3\xa9o") == "--due: 'm\xc3\xa9t\xc3\xa9o' is not a date; " + k_forms);
  CHECK(when_error("\xed\xa0\x80") == "--due: '\\xED\\xA0\\x80' is not a date; " + k_forms);
  CHECK(when_error(std::string(1000, 'x')) == "--due: '" + std::string(64, 'x') + "...' is not a date; " + k_forms);
  CHECK(when_error("2026-11-27\0"s) == "--due: '2026-11-27\\x00' is not a date; " + k_forms);
  CHECK(when_error("2026") == "--due: '2026' is not a date; " + k_forms);
  CHECK(when_error("2026-11-27T04:26:36+02:0") == "--due: '2026-11-27T04:26:36+02:0' is not a date; " + k_forms);
}

TEST_CASE("parse_duration") {
  CHECK(parse_duration("12h", "--every") == Duration{12, 'h'});
  CHECK(parse_duration("90d", "--every") == Duration{90, 'd'});
  CHECK(parse_duration("2w", "--every") == Duration{2, 'w'});
  CHECK(parse_duration("12m", "--every") == Duration{12, 'm'});
  CHECK(parse_duration("1y", "--every") == Duration{1, 'y'});
  CHECK(parse_duration("6M", "--every") == Duration{6, 'm'});
  CHECK(parse_duration("36500d", "--every") == Duration{36500, 'd'});
  CHECK(parse_duration("100y", "--every") == Duration{100, 'y'});
  CHECK(duration_error("101y") == "--review-every: '101y' is longer than 100 years, the longest period cso accepts");
  CHECK(duration_error("99999d") ==
        "--review-every: '99999d' is longer than 100 years, the longest period cso accepts");
  CHECK_FALSE(try_parse_duration("9000y").has_value());
  CHECK(parse_duration("007d", "--every") == Duration{7, 'd'});
  CHECK(try_parse_duration("30d") == Duration{30, 'd'});
  const std::string forms = "is not a duration; use a whole number and a unit, like 12h, 30d, 2w, 6m or 1y";
  for (const auto* bad : {"", "d", "12", "+12m", "-1d", "1.5y", "12 m", "12mo", "m12", "12x", "1e3d"}) {
    CAPTURE(bad);
    CHECK(duration_error(bad) == "--review-every: '"s + bad + "' " + forms);
    CHECK_FALSE(try_parse_duration(bad).has_value());
  }
  CHECK(duration_error("0d") == "--review-every: '0d' is zero; a duration must be positive");
  CHECK(duration_error("00000y") == "--review-every: '00000y' is zero; a duration must be positive");
  CHECK_FALSE(try_parse_duration("0d").has_value());
  CHECK(duration_error("100000d") ==
        "--review-every: '100000d' has too many digits; a duration takes at most 5, like 99999d");
  CHECK(duration_error("99999999999999999999999h") ==
        "--review-every: '99999999999999999999999h' has too many digits; a duration takes at most 5, like 99999d");
  CHECK(duration_error("1\0d"s) == "--review-every: '1\\x00d' " + forms);
}

TEST_CASE("format_duration") {
  CHECK(format_duration(Duration{90, 'd'}) == "90d");
  CHECK(format_duration(Duration{12, 'm'}) == "12m");
  CHECK(format_duration(parse_duration("0012h", "x")) == "12h");
}

TEST_CASE("add and subtract") {
  CHECK(format_instant(add(k_t, Duration{4, 'h'})) == "2026-11-27T08:26:36Z");
  CHECK(format_instant(add(k_t, Duration{5, 'd'})) == "2026-12-02T04:26:36Z");
  CHECK(format_instant(add(k_t, Duration{1, 'w'})) == "2026-12-04T04:26:36Z");
  CHECK(format_instant(add(k_t, Duration{12, 'm'})) == "2027-11-27T04:26:36Z");
  CHECK(format_instant(add(k_t, Duration{1, 'y'})) == "2027-11-27T04:26:36Z");
  CHECK(format_date(add(at("2026-01-31"), Duration{1, 'm'})) == "2026-02-28");
  CHECK(format_date(add(at("2028-01-31"), Duration{1, 'm'})) == "2028-02-29");
  CHECK(format_date(add(at("2026-08-31"), Duration{1, 'm'})) == "2026-09-30");
  CHECK(format_date(add(at("2026-12-31"), Duration{2, 'm'})) == "2027-02-28");
  CHECK(format_date(add(at("2026-01-31"), Duration{-1, 'm'})) == "2025-12-31");
  CHECK(format_date(subtract(at("2026-03-31"), Duration{1, 'm'})) == "2026-02-28");
  CHECK(format_date(subtract(at("2025-02-28"), Duration{1, 'y'})) == "2024-02-28");
  CHECK(format_date(subtract(at("2024-02-29"), Duration{4, 'y'})) == "2020-02-29");
  CHECK(format_date(subtract(at("2024-02-29"), Duration{1, 'y'})) == "2023-02-28");
  CHECK(format_instant(subtract(k_t, Duration{2, 'w'})) == "2026-11-13T04:26:36Z");
  CHECK(format_instant(subtract(at("2026-03-01T00:00:00Z"), Duration{1, 'h'})) == "2026-02-28T23:00:00Z");
  CHECK(add(k_t, Duration{0, 'd'}) == k_t);
}

TEST_CASE("add and subtract reject results outside 1970..9999 and bad units") {
  CHECK(usage_message([] { add(at("9999-12-01"), Duration{1, 'm'}); }) == "9999-12-01T00:00:00Z + 1m " + k_range);
  CHECK(usage_message([] {
          subtract(at("1970-01-01T01:00:00Z"), Duration{2, 'h'});
        }) == "1970-01-01T01:00:00Z - 2h " + k_range);
  CHECK(usage_message([] { add(k_t, Duration{99999, 'y'}); }) == "2026-11-27T04:26:36Z + 99999y " + k_range);
  for (const auto count : {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min(),
                           std::int64_t{1'000'000'001}, std::int64_t{-1'000'000'001}}) {
    for (const char unit : {'h', 'd', 'w', 'm', 'y'}) {
      CAPTURE(count);
      CAPTURE(unit);
      usage_message([&] { add(k_t, Duration{count, unit}); });
      usage_message([&] { subtract(k_t, Duration{count, unit}); });
    }
  }
  usage_message([] { add(std::numeric_limits<Instant>::max(), Duration{1, 'd'}); });
  usage_message([] { add(std::numeric_limits<Instant>::min(), Duration{1, 'm'}); });
  usage_message([] { add(k_t, Duration{1, 'x'}); });
  usage_message([] { subtract(k_t, Duration{1, '\0'}); });
}

TEST_CASE("approximate_seconds") {
  CHECK(approximate_seconds(Duration{2, 'h'}) == 7200);
  CHECK(approximate_seconds(Duration{3, 'd'}) == 3 * 86400);
  CHECK(approximate_seconds(Duration{1, 'w'}) == 7 * 86400);
  CHECK(approximate_seconds(Duration{12, 'm'}) == 360 * 86400);
  CHECK(approximate_seconds(Duration{1, 'y'}) == 365 * 86400);
  CHECK(approximate_seconds(Duration{std::numeric_limits<std::int64_t>::max(), 'y'}) ==
        std::numeric_limits<std::int64_t>::max());
  CHECK(approximate_seconds(Duration{std::numeric_limits<std::int64_t>::min(), 'y'}) ==
        -std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("start_of_day and days_between count UTC midnights") {
  CHECK(format_instant(start_of_day(k_t)) == "2026-11-27T00:00:00Z");
  CHECK(start_of_day(at("2026-11-27")) == at("2026-11-27"));
  CHECK(start_of_day(at("2026-11-27T23:59:59Z")) == at("2026-11-27"));
  CHECK(start_of_day(-1) == -86400);
  CHECK(days_between(at("2026-11-27T23:59:59Z"), at("2026-11-28T00:00:00Z")) == 1);
  CHECK(days_between(at("2026-11-27T00:00:00Z"), at("2026-11-27T23:59:59Z")) == 0);
  CHECK(days_between(at("2026-11-28"), at("2026-11-27T12:00:00Z")) == -1);
  CHECK(days_between(at("2024-01-01"), at("2025-01-01")) == 366);
  CHECK(days_between(at("2026-01-01"), at("2027-01-01")) == 365);
  CHECK(days_between(at("1970-01-01"), at("9999-12-31")) == 2932896);
  // Extreme values: defined results, no overflow.
  CHECK(start_of_day(std::numeric_limits<Instant>::max()) <= std::numeric_limits<Instant>::max());
  CHECK(start_of_day(std::numeric_limits<Instant>::min()) == std::numeric_limits<Instant>::min());
  CHECK(days_between(std::numeric_limits<Instant>::min(), std::numeric_limits<Instant>::max()) > 0);
  CHECK_FALSE(format_date(std::numeric_limits<Instant>::min()).empty());
  CHECK_FALSE(format_instant(std::numeric_limits<Instant>::max()).empty());
}

TEST_CASE("fixed_clock parses CSO_NOW's forms; system_clock is now") {
  CHECK(fixed_clock("2026-11-27T04:26:36Z", "CSO_NOW").now == k_t);
  CHECK(fixed_clock("2026-11-27", "CSO_NOW").now == at("2026-11-27"));
  CHECK(fixed_clock("2026-11-27T06:26:36.5+02:00", "CSO_NOW").now == k_t);
  CHECK(usage_message([] { fixed_clock("today", "CSO_NOW"); }) ==
        "CSO_NOW: 'today' is not a date; use YYYY-MM-DD or an RFC 3339 instant like 2026-11-27T04:26:36Z");
  CHECK(usage_message([] { fixed_clock("2026-02-30", "CSO_NOW"); }) ==
        "CSO_NOW: '2026-02-30' is not a valid date; 2026-02 has 28 days");
  CHECK(usage_message([] { fixed_clock("1960-01-01", "CSO_NOW"); }) == "CSO_NOW: '1960-01-01' " + k_range);
  const Instant now = system_clock().now;
  CHECK(now > at("2020-01-01"));
  CHECK(now < at("9999-01-01"));
}
