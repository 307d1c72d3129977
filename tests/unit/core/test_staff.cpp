#include <map>

#include "core/staff.h"
#include "tests/unit/test_support.h"

using namespace cso;

namespace {

Record a_person(std::string_view status, std::optional<std::string> started) {
  Record r = empty_record(staff::kind());
  r.set(staff::handle, std::string("alice"));
  r.set(staff::name, std::string("Alice"));
  r.set(staff::status, std::string(status));
  if (started) {
    r.set(staff::started, *started);
  }
  return r;
}

}  // namespace

TEST_CASE("handles: lowercase letters, digits, '.', '_' and '-', starting with a letter or digit") {
  CHECK(staff::parse_handle("j.doe_2-x", "HANDLE") == "j.doe_2-x");
  CHECK(staff::parse_handle("9lives", "HANDLE") == "9lives");
  for (const auto* bad : {"", "Alice", "-x", ".x", "a b", "a/b", "é"}) {
    CAPTURE(bad);
    CHECK(test::usage_message([&] { staff::parse_handle(bad, "HANDLE"); }).rfind("HANDLE: ", 0) == 0);
  }
  CHECK(staff::parse_handle(std::string(64, 'a'), "HANDLE").size() == 64);
  CHECK_THROWS_AS(staff::parse_handle(std::string(65, 'a'), "HANDLE"), Error);
}

TEST_CASE("offboarding: an active person becomes inactive with the day they left") {
  Record r = a_person("active", std::string("2024-03-01"));
  staff::offboard(r, "2026-11-20", "2026-11-27");
  CHECK(r.text(staff::status) == "inactive");
  CHECK(r.text(staff::left) == "2026-11-20");

  Record same_day = a_person("active", std::string("2026-11-20"));
  CHECK_NOTHROW(staff::offboard(same_day, "2026-11-20", "2026-11-27"));
  Record no_start = a_person("active", std::nullopt);
  CHECK_NOTHROW(staff::offboard(no_start, "1999-01-01", "2026-11-27"));
  Record today = a_person("active", std::nullopt);
  CHECK_NOTHROW(staff::offboard(today, "2026-11-27", "2026-11-27"));
}

TEST_CASE("offboarding refuses a day after today: the person is inactive from now on") {
  Record r = a_person("active", std::nullopt);
  try {
    staff::offboard(r, "2026-11-28", "2026-11-27");
    FAIL("expected a usage error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()).starts_with("--on: 2026-11-28 is in the future"));
  }
  CHECK(r.text(staff::status) == "active");
}

TEST_CASE("offboarding refuses an inactive person (conflict) and a day before they started (usage)") {
  Record gone = a_person("inactive", std::nullopt);
  gone.set(staff::left, std::string("2026-01-31"));
  try {
    staff::offboard(gone, "2026-11-20", "2026-11-27");
    FAIL("expected a conflict");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::conflict);
    CHECK(std::string(e.what()) ==
          "alice is inactive (left 2026-01-31); 'staff offboard' needs an active staff member");
  }
  CHECK(gone.text(staff::left) == "2026-01-31");

  Record early = a_person("active", std::string("2024-03-01"));
  CHECK(test::usage_message([&] { staff::offboard(early, "2024-02-29", "2026-11-27"); }) ==
        "--on: 2024-02-29 is before alice started (2024-03-01)");
  CHECK(early.text(staff::status) == "active");
}

TEST_CASE("managers never form a cycle; the error names it and the flag or cell") {
  std::map<std::string, std::string> boss{{"bob", "alice"}, {"carol", "bob"}};
  const staff::ManagerOf of = [&](const std::string& h) { return boss.contains(h) ? boss[h] : std::string(); };
  staff::require_no_manager_cycle("carol", of, "--manager");  // carol → bob → alice
  boss["alice"] = "carol";
  CHECK(test::message_of(ExitCode::conflict, [&] { staff::require_no_manager_cycle("alice", of, "--manager"); }) ==
        "--manager: managers would form a cycle (alice → carol → bob → alice); someone in it must report to "
        "someone else");
  CHECK(test::message_of(ExitCode::conflict, [&] {
          staff::require_no_manager_cycle("bob", of, "hr.csv:3");
        }).starts_with("hr.csv:3: managers would form a cycle (bob → alice → carol → bob)"));
  // A cycle above someone, not through them, is not theirs: it is named for whoever closes it.
  boss = {{"dan", "bob"}, {"bob", "carol"}, {"carol", "bob"}};
  staff::require_no_manager_cycle("dan", of, "--manager");
}
