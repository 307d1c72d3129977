#include <doctest/doctest.h>

#include <array>
#include <limits>
#include <string>

#include "core/error.h"
#include "core/incident.h"
#include "core/record.h"
#include "core/risk.h"
#include "core/staff.h"
#include "core/time.h"
#include "tests/unit/test_support.h"

using namespace cso;
using namespace std::string_literals;

namespace {

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z
const Clock k_clock{k_t};

/// A small kind of its own, so canonical_json is tested apart from the risk register.
constexpr std::array<std::string_view, 2> k_colours{"red", "green"};
constexpr std::array<FieldDef, 6> k_fields{{
    {"id", FieldType::id, k_sort | k_key},
    {"zeta", FieldType::text, 0},
    {"alpha", FieldType::integer, 0},
    {"shade", FieldType::choice, k_derived, k_colours},
    {"middle", FieldType::longtext, 0},
    {"beta", FieldType::date, 0},
}};
constexpr KindDef k_thing{"thing", "THG", "thing", k_fields};

using test::usage_message;

std::string id_error(std::string_view text) {
  return usage_message([&] { parse_id(risk::kind(), text, "ID"); });
}

Value risk_value(std::size_t field, std::string_view text, std::string_view what) {
  return parse_field_value(risk::kind(), field, text, what, k_clock);
}

std::string risk_value_error(std::size_t field, std::string_view text, std::string_view what) {
  return usage_message([&] { risk_value(field, text, what); });
}

}  // namespace

TEST_CASE("parse_id reads RSK-n in any case, or the bare number") {
  CHECK(parse_id(risk::kind(), "RSK-12", "ID") == 12);
  CHECK(parse_id(risk::kind(), "rsk-12", "ID") == 12);
  CHECK(parse_id(risk::kind(), "Rsk-12", "ID") == 12);
  CHECK(parse_id(risk::kind(), "12", "ID") == 12);
  CHECK(parse_id(risk::kind(), "1", "ID") == 1);
  CHECK(parse_id(risk::kind(), "RSK-007", "ID") == 7);
  CHECK(parse_id(risk::kind(), "999999999999999999", "ID") == 999999999999999999);
}

TEST_CASE("parse_id rejects everything else, naming the argument and the forms") {
  CHECK(id_error("POL-3") == "ID: 'POL-3' is not a risk ID; use RSK-N or the bare number N");
  CHECK(id_error("0") == "ID: '0' is not a risk ID; use RSK-N or the bare number N");
  SUBCASE("zero, negative and signed") {
    for (const std::string bad : {"0", "RSK-0", "-1", "RSK--1", "+12", "RSK-+12"}) {
      CAPTURE(bad);
      CHECK(id_error(bad) == fmt::format("ID: '{}' is not a risk ID; use RSK-N or the bare number N", bad));
    }
  }
  SUBCASE("malformed") {
    for (const std::string bad : {"", "RSK-", "RSK", "RSK12", "RSK-12x", "12 ", " 12", "1e3", "0x10", "12.0", "RSK_12",
                                  "INC-12", "rsk-RSK-1", "-"}) {
      CAPTURE(bad);
      CHECK(id_error(bad) == fmt::format("ID: '{}' is not a risk ID; use RSK-N or the bare number N", bad));
    }
  }
  SUBCASE("too large") {
    for (const std::string bad :
         {"1000000000000000000", "9223372036854775807", "9223372036854775808", "RSK-99999999999999999999999"}) {
      CAPTURE(bad);
      CHECK(id_error(bad) == fmt::format("ID: '{}' is not a risk ID; use RSK-N or the bare number N", bad));
    }
  }
}

TEST_CASE("display_id and display_key") {
  CHECK(display_id(risk::kind(), 12) == "RSK-12");
  CHECK(display_id(risk::kind(), 1) == "RSK-1");
  Record r = empty_record(risk::kind());
  r.set(risk::id, std::int64_t{42});
  CHECK(display_key(risk::kind(), r) == "RSK-42");
  Record s = empty_record(staff::kind());
  s.set(staff::handle, "alice"s);
  CHECK(display_key(staff::kind(), s) == "alice");
}

TEST_CASE("Record accessors treat null as empty or nullopt") {
  Record r = empty_record(k_thing);
  CHECK(r.values.size() == 6);
  CHECK(r.is_null(1));
  CHECK(r.text(1).empty());
  CHECK(r.integer(2) == 0);
  CHECK_FALSE(r.opt_integer(2).has_value());
  r.set(1, "z"s);
  r.set(2, std::int64_t{-3});
  CHECK(r.text(1) == "z");
  CHECK(r.opt_integer(2) == -3);
  CHECK(r.text(2).empty());  // an integer is not text
  r.set_null(1);
  CHECK(r.is_null(1));
}

TEST_CASE("canonical_json: sorted keys, nulls and derived fields omitted, no whitespace") {
  Record r = empty_record(k_thing);
  SUBCASE("an empty record") {
    CHECK(canonical_json(k_thing, r) == "{}");
  }
  SUBCASE("keys sorted by name, not by field order") {
    r.set(0, std::int64_t{7});
    r.set(1, "last"s);
    r.set(2, std::int64_t{-5});
    r.set(3, "red"s);  // derived: never journalled
    r.set(4, "mid"s);
    r.set(5, "2026-11-27"s);
    CHECK(canonical_json(k_thing, r) ==
          R"({"alpha":-5,"beta":"2026-11-27","id":"THG-7","middle":"mid","zeta":"last"})");
  }
  SUBCASE("nulls omitted, no dangling comma") {
    r.set(1, "only"s);
    CHECK(canonical_json(k_thing, r) == R"({"zeta":"only"})");
    r.set(2, std::int64_t{0});
    CHECK(canonical_json(k_thing, r) == R"({"alpha":0,"zeta":"only"})");
  }
  SUBCASE("integers bare, at the limits") {
    r.set(2, std::numeric_limits<std::int64_t>::max());
    CHECK(canonical_json(k_thing, r) == R"({"alpha":9223372036854775807})");
    r.set(2, std::numeric_limits<std::int64_t>::min());
    CHECK(canonical_json(k_thing, r) == R"({"alpha":-9223372036854775808})");
  }
  SUBCASE("the id is a string with the prefix") {
    r.set(0, std::int64_t{12});
    CHECK(canonical_json(k_thing, r) == R"({"id":"THG-12"})");
  }
  SUBCASE("empty text is kept: it is not null") {
    r.set(1, ""s);
    CHECK(canonical_json(k_thing, r) == R"({"zeta":""})");
  }
  SUBCASE("text escaped: quotes, backslashes, control characters; UTF-8 kept") {
    r.set(1, "say \"hi\"\\\n\t\x1B[2J\x7F"s);
    r.set(4, "Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x98\x80"s);
    CHECK(canonical_json(k_thing, r) ==
          "{\"middle\":\"Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x98\x80\","
          R"("zeta":"say \"hi\"\\\n\t\u001b[2J\u007f"})");
  }
  SUBCASE("invalid UTF-8 becomes U+FFFD") {
    r.set(1, "a\xFF"s);
    CHECK(canonical_json(k_thing, r) == "{\"zeta\":\"a\xEF\xBF\xBD\"}");
  }
}

TEST_CASE("canonical_json of a new risk") {
  risk::NewRisk n;
  n.title = "Say \"hi\"\n";
  n.likelihood = 3;
  n.impact = 4;
  Record r = risk::make(n, Config{}, k_clock);
  r.set(risk::id, std::int64_t{12});
  CHECK(r.text(risk::level) == "high");  // set, but derived: not in the JSON
  CHECK(canonical_json(risk::kind(), r) ==
        R"({"created":"2026-11-27T04:26:36Z","id":"RSK-12","impact":4,"likelihood":3,"next_review":"2027-02-25",)"
        R"("review_every":"90d","score":12,"status":"open","title":"Say \"hi\"\n","updated":"2026-11-27T04:26:36Z"})");
}

TEST_CASE("canonical_json of staff: the handle is a plain string") {
  Record s = empty_record(staff::kind());
  s.set(staff::handle, "alice"s);
  s.set(staff::name, "Alice Liddell"s);
  s.set(staff::status, "active"s);
  CHECK(canonical_json(staff::kind(), s) == R"({"handle":"alice","name":"Alice Liddell","status":"active"})");
}

TEST_CASE("parse_field_value: id and integer") {
  CHECK(risk_value(risk::id, "rsk-5", "ID") == Value{std::int64_t{5}});
  CHECK(risk_value_error(risk::id, "POL-5", "ID") == "ID: 'POL-5' is not a risk ID; use RSK-N or the bare number N");
  CHECK(risk_value(risk::likelihood, "3", "--likelihood") == Value{std::int64_t{3}});
  CHECK(risk_value(risk::likelihood, "+3", "--likelihood") == Value{std::int64_t{3}});
  CHECK(risk_value(risk::likelihood, "-2", "--likelihood") == Value{std::int64_t{-2}});
  CHECK(risk_value(risk::likelihood, "9223372036854775807", "--likelihood") ==
        Value{std::numeric_limits<std::int64_t>::max()});
  for (const std::string bad : {"", "x", "3.5", " 3", "3 ", "1e3", "0x3", "++3", "9223372036854775808", "+"}) {
    CAPTURE(bad);
    CHECK(risk_value_error(risk::likelihood, bad, "--likelihood") ==
          fmt::format("--likelihood: '{}' is not a whole number", bad));
  }
}

TEST_CASE("parse_field_value: a sign is one '+' or one '-', not both") {
  // parse_int strips a leading '+' and then lets std::from_chars read "-3": "+-3" becomes -3.
  CHECK(risk_value_error(risk::likelihood, "+-3", "--likelihood") == "--likelihood: '+-3' is not a whole number");
}

TEST_CASE("parse_field_value: text and longtext") {
  SUBCASE("text is kept as given") {
    CHECK(risk_value(risk::title, "Phishing", "--title") == Value{"Phishing"s});
    CHECK(risk_value(risk::category, "", "--category") == Value{""s});  // a title may not be empty (below)
    CHECK(risk_value(risk::title, "Z\xC3\xBCrich", "--title") == Value{"Z\xC3\xBCrich"s});
  }
  SUBCASE("one-line text: at most 1000 bytes") {
    CHECK(risk_value(risk::title, std::string(1000, 'a'), "--title") == Value{std::string(1000, 'a')});
    CHECK(risk_value_error(risk::title, std::string(1001, 'a'), "--title") ==
          "--title: the text is 1001 bytes long; at most 1000 are accepted");
    std::string e500;
    for (int i = 0; i < 500; ++i) {
      e500 += "\xC3\xA9";
    }
    CHECK(risk_value(risk::title, e500, "--title") == Value{e500});
    CHECK(risk_value_error(risk::title, e500 + "x", "--title") ==
          "--title: the text is 1001 bytes long; at most 1000 are accepted");
  }
  SUBCASE("longtext: at most 1 MiB") {
    const std::string mib(1u << 20, 'd');
    CHECK(risk_value(risk::description, mib, "--description") == Value{mib});
    CHECK(risk_value_error(risk::description, mib + "d", "--description") ==
          "--description: the text is 1048577 bytes long; at most 1048576 are accepted");
  }
  SUBCASE("invalid UTF-8 is refused, before the length") {
    for (const std::string bad : {"\xFF", "a\xC3", "\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
      CAPTURE(std::string(bad));
      CHECK(risk_value_error(risk::title, bad, "--title") == "--title: the text is not valid UTF-8");
      CHECK(risk_value_error(risk::plan, bad, "--plan") == "--plan: the text is not valid UTF-8");
    }
    CHECK(risk_value_error(risk::title, std::string(2000, 'a') + "\xFF", "--title") ==
          "--title: the text is not valid UTF-8");
  }
}

TEST_CASE("parse_field_value: dates and instants against the clock") {
  CHECK(risk_value(risk::due, "2026-12-01", "--due") == Value{"2026-12-01"s});
  CHECK(risk_value(risk::due, "today", "--due") == Value{"2026-11-27"s});
  CHECK(risk_value(risk::due, "tomorrow", "--due") == Value{"2026-11-28"s});
  CHECK(risk_value(risk::due, "yesterday", "--due") == Value{"2026-11-26"s});
  CHECK(risk_value(risk::due, "+30d", "--due") == Value{"2026-12-27"s});
  CHECK(risk_value(risk::due, "+1m", "--due") == Value{"2026-12-27"s});
  CHECK(risk_value(risk::due, "-2w", "--due") == Value{"2026-11-13"s});
  CHECK(risk_value(risk::due, "2026-12-01T23:30:00-02:00", "--due") == Value{"2026-12-02"s});  // in UTC
  CHECK(risk_value(risk::created, "now", "--created") == Value{"2026-11-27T04:26:36Z"s});
  CHECK(risk_value(risk::created, "2026-11-27", "--created") == Value{"2026-11-27T00:00:00Z"s});
  CHECK(risk_value(risk::created, "+4h", "--created") == Value{"2026-11-27T08:26:36Z"s});
  CHECK(risk_value(risk::closed_at, "2026-11-27T06:26:36+02:00", "--closed-at") == Value{"2026-11-27T04:26:36Z"s});
  CHECK(risk_value_error(risk::due, "soon", "--due") ==
        "--due: 'soon' is not a date; use YYYY-MM-DD, an RFC 3339 instant, today, yesterday, tomorrow, now, or an "
        "offset like +30d, -2w, +3m, +1y, +4h");
  const std::string bad_day = risk_value_error(risk::due, "2026-02-30", "--due");
  CHECK(bad_day.rfind("--due: '2026-02-30' ", 0) == 0);
}

TEST_CASE("parse_field_value: durations") {
  CHECK(risk_value(risk::review_every, "90d", "--review-every") == Value{"90d"s});
  CHECK(risk_value(risk::review_every, "12m", "--review-every") == Value{"12m"s});
  CHECK(risk_value(risk::review_every, "2w", "--review-every") == Value{"2w"s});
  CHECK(risk_value_error(risk::review_every, "90", "--review-every") ==
        "--review-every: '90' is not a duration; use a whole number and a unit, like 12h, 30d, 2w, 6m or 1y");
  CHECK(risk_value_error(risk::review_every, "0d", "--review-every") ==
        "--review-every: '0d' is zero; a duration must be positive");
}

TEST_CASE("parse_field_value: choices are case-insensitive and stored in lower case") {
  CHECK(risk_value(risk::status, "open", "--status") == Value{"open"s});
  CHECK(risk_value(risk::status, "OPEN", "--status") == Value{"open"s});
  CHECK(risk_value(risk::status, "Treating", "--status") == Value{"treating"s});
  CHECK(risk_value(risk::treatment, "MiTiGaTe", "--strategy") == Value{"mitigate"s});
  CHECK(parse_field_value(staff::kind(), staff::status, "Inactive", "status", k_clock) == Value{"inactive"s});
  CHECK(risk_value_error(risk::status, "pending", "--status") ==
        "--status: 'pending' is not accepted; use open, treating, accepted or closed");
  CHECK(risk_value_error(risk::status, "", "--status") ==
        "--status: '' is not accepted; use open, treating, accepted or closed");
  CHECK(risk_value_error(risk::status, "open ", "--status") ==
        "--status: 'open ' is not accepted; use open, treating, accepted or closed");
  CHECK(risk_value_error(risk::treatment, "ignore", "--strategy") ==
        "--strategy: 'ignore' is not accepted; use mitigate, transfer, avoid or accept");
}

TEST_CASE("parse_field_value: handles") {
  const std::string rule =
      "is not a handle; use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit (at most 64)";
  CHECK(risk_value(risk::owner, "alice", "--owner") == Value{"alice"s});
  CHECK(risk_value(risk::owner, "a.b-c_d9", "--owner") == Value{"a.b-c_d9"s});
  CHECK(risk_value(risk::owner, "7eleven", "--owner") == Value{"7eleven"s});
  CHECK(risk_value(risk::owner, std::string(64, 'a'), "--owner") == Value{std::string(64, 'a')});
  for (const auto& bad :
       {"Alice"s, ""s, ".alice"s, "-a"s, "_a"s, "al ice"s, "al@ice"s, std::string(65, 'a'), "\xC3\xA9mile"s}) {
    CAPTURE(bad);
    CHECK(risk_value_error(risk::owner, bad, "--owner") == fmt::format("--owner: '{}' {}", bad, rule));
  }
}

TEST_CASE("a field flagged non-empty refuses empty text, naming the kind and the field") {
  CHECK(test::usage_message([] { parse_field_value(risk::kind(), risk::title, "", "TITLE", Clock{}); }) ==
        "TITLE: a risk needs a non-empty title");
  CHECK(test::usage_message([] { parse_field_value(incident::kind(), incident::title, "", "--title", Clock{}); }) ==
        "--title: an incident needs a non-empty title");
  CHECK(std::get<std::string>(parse_field_value(risk::kind(), risk::category, "", "--category", Clock{})).empty());
  // Only whitespace is no title either; inner and surrounding spaces of a real one are kept.
  CHECK(test::usage_message([] { parse_field_value(risk::kind(), risk::title, " \t\n ", "TITLE", Clock{}); }) ==
        "TITLE: a risk needs a non-empty title");
  CHECK(std::get<std::string>(parse_field_value(risk::kind(), risk::title, " a b ", "TITLE", Clock{})) == " a b ");
  CHECK(blank(""));
  CHECK(blank(" \r\n\t"));
  CHECK_FALSE(blank(" x "));
}
