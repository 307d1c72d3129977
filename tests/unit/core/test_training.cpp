#include <doctest/doctest.h>

#include "core/error.h"
#include "core/training.h"
#include "tests/unit/test_support.h"

using namespace cso;
namespace course = cso::training::course;
namespace assignment = cso::training::assignment;

namespace {

constexpr Instant k_day = 86400;
constexpr Instant k_now = 1795770000;  // 2026-11-27T09:00:00Z
const Clock k_clock{k_now};

Record make(std::optional<Duration> every = std::nullopt, std::optional<std::int64_t> min = std::nullopt) {
  training::NewCourse n;
  n.title = "Security awareness";
  n.every = every;
  n.min_score = min;
  Record c = training::make_course(n, Config{}, k_clock);
  c.set(course::id, std::int64_t{3});
  return c;
}

Record completed(const Record& c, std::string_view who, std::int64_t cycle, const std::string& on) {
  Record a = training::make_assignment(c, who, cycle, "2025-01-01", "2025-01-31");
  a.set(assignment::completed_on, on);
  return a;
}

}  // namespace

TEST_CASE("training: a new course takes the configured defaults") {
  Config config;
  config.training_due_within = Duration{14, 'd'};
  training::NewCourse n;
  n.title = "Phishing";
  const Record c = training::make_course(n, config, k_clock);
  CHECK(c.text(course::audience) == "all");
  CHECK(c.text(course::due_within) == "14d");
  CHECK(c.is_null(course::every));
  CHECK(c.is_null(course::min_score));
  CHECK(c.text(course::status) == "active");
  CHECK(c.text(course::created) == "2026-11-27T09:00:00Z");
}

TEST_CASE("training: scores and recurrences are validated") {
  CHECK(training::parse_score("0", "--score") == 0);
  CHECK(training::parse_score("100", "--score") == 100);
  for (const auto* bad : {"101", "-1", "", "8a", "1000", " 5"}) {
    CHECK(test::usage_message([&] { training::parse_score(bad, "--score"); }).find("--score") == 0);
  }
  CHECK(!training::parse_every("none", "--every"));
  CHECK(*training::parse_every("12m", "--every") == Duration{12, 'm'});
  CHECK(test::usage_message([&] { training::parse_every("yearly", "--every"); }).find("none") != std::string::npos);
}

TEST_CASE("training: retired courses refuse edits and assignments, naming the status that allows them") {
  Record c = make();
  training::require_status(c, "assign");
  training::retire(c, k_clock);
  try {
    training::require_status(c, "assign");
    FAIL("expected a conflict");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::conflict);
    CHECK(std::string(e.what()) == "TRN-3 is retired; 'train assign' needs a course that is active");
  }
}

TEST_CASE("training: an assignment's key, due date and derived state") {
  const Record c = make();
  Record a = training::make_assignment(c, "bob", 2, "2026-11-01", training::due_for(c, "2026-11-01", Config{}));
  CHECK(a.text(assignment::key) == "TRN-3/bob/2");
  CHECK(a.text(assignment::course) == "TRN-3");
  CHECK(a.text(assignment::due) == "2026-12-01");
  CHECK(training::state_of(a, "2026-11-30") == training::State::pending);
  CHECK(training::state_of(a, "2026-12-01") == training::State::pending);  // due today: not yet overdue
  CHECK(training::state_of(a, "2026-12-02") == training::State::overdue);
  a.set(assignment::attempts, std::int64_t{1});
  CHECK(training::state_of(a, "2026-11-30") == training::State::failed);
  CHECK(training::state_of(a, "2026-12-02") == training::State::failed);
  CHECK(training::is_overdue(a, "2026-12-02"));  // a failed attempt past due still counts as overdue
  a.set(assignment::completed_on, std::string("2026-12-05"));
  CHECK(training::state_of(a, "2026-12-09") == training::State::complete);
  CHECK(!training::is_overdue(a, "2026-12-09"));
  training::derive(a, "2026-12-09");
  CHECK(a.text(assignment::state) == "complete");
}

TEST_CASE("training: the cycle a person needs") {
  const Record yearly = make(Duration{12, 'm'});
  const Record once = make();
  CHECK(training::cycle_needed(yearly, nullptr, k_clock) == 1);
  CHECK(training::cycle_needed(once, nullptr, k_clock) == 1);
  SUBCASE("an open assignment is enough") {
    const Record open = training::make_assignment(yearly, "bob", 4, "2020-01-01", "2020-02-01");
    CHECK(!training::cycle_needed(yearly, &open, k_clock));
  }
  SUBCASE("the next cycle starts when the last completion is `every` old") {
    const Record recent = completed(yearly, "bob", 1, "2025-11-28");
    const Record year_old = completed(yearly, "bob", 1, "2025-11-27");
    const Record old = completed(yearly, "bob", 5, "2024-01-01");
    CHECK(!training::cycle_needed(yearly, &recent, k_clock));
    CHECK(training::cycle_needed(yearly, &year_old, k_clock) == 2);
    CHECK(training::cycle_needed(yearly, &old, k_clock) == 6);
  }
  SUBCASE("a one-off course never recurs") {
    const Record long_ago = completed(once, "bob", 1, "2010-01-01");
    CHECK(!training::cycle_needed(once, &long_ago, k_clock));
  }
}

TEST_CASE("training: sync creates what the audience needs, and nothing twice") {
  const Record c = make(Duration{12, 'm'});
  std::map<std::string, Record> latest;
  latest.emplace("alice", completed(c, "alice", 1, "2025-06-01"));                                // a year old: cycle 2
  latest.emplace("bob", completed(c, "bob", 1, "2026-06-01"));                                    // still valid
  latest.emplace("carol", training::make_assignment(c, "carol", 1, "2026-11-01", "2026-12-01"));  // open
  const auto fresh = training::sync_course(c, {"alice", "bob", "carol", "dan"}, latest, Config{}, k_clock);
  REQUIRE(fresh.size() == 2);
  CHECK(fresh[0].text(assignment::key) == "TRN-3/alice/2");
  CHECK(fresh[0].text(assignment::assigned_on) == "2026-11-27");
  CHECK(fresh[0].text(assignment::due) == "2026-12-27");
  CHECK(fresh[1].text(assignment::key) == "TRN-3/dan/1");
  for (const auto& a : fresh) {
    latest[a.text(assignment::staff)] = a;
  }
  CHECK(training::sync_course(c, {"alice", "bob", "carol", "dan"}, latest, Config{}, k_clock).empty());
}

TEST_CASE("training: attempts complete, fail or change nothing") {
  const Record c = make(Duration{12, 'm'}, 80);
  const Record open = training::make_assignment(c, "bob", 1, "2026-11-01", "2026-12-01");

  SUBCASE("a passing score completes the open assignment") {
    const auto r = training::record_attempt(c, open, "bob", "2026-11-20", 80, Config{}, "--score",
                                            training::Repeat::another_attempt);
    CHECK(r.outcome == training::Outcome::completed);
    CHECK(!r.created);
    CHECK(r.assignment.text(assignment::completed_on) == "2026-11-20");
    CHECK(r.assignment.integer(assignment::score) == 80);
  }
  SUBCASE("a score under min_score is a failed attempt; the assignment stays due") {
    const auto r = training::record_attempt(c, open, "bob", "2026-11-20", 79, Config{}, "--score",
                                            training::Repeat::another_attempt);
    CHECK(r.outcome == training::Outcome::failed);
    CHECK(training::is_open(r.assignment));
    CHECK(r.assignment.integer(assignment::attempts) == 1);
    CHECK(r.assignment.text(assignment::due) == "2026-12-01");
    const auto again = training::record_attempt(c, r.assignment, "bob", "2026-11-20", 79, Config{}, "score",
                                                training::Repeat::same_attempt);
    CHECK(again.outcome == training::Outcome::unchanged);  // the same attempt imported twice
    const auto retry = training::record_attempt(c, r.assignment, "bob", "2026-11-20", 79, Config{}, "--score",
                                                training::Repeat::another_attempt);
    CHECK(retry.outcome == training::Outcome::failed);  // typed again: another attempt that day
    CHECK(retry.assignment.integer(assignment::attempts) == 2);
    const auto second = training::record_attempt(c, r.assignment, "bob", "2026-11-21", 50, Config{}, "--score",
                                                 training::Repeat::another_attempt);
    CHECK(second.outcome == training::Outcome::failed);
    CHECK(second.assignment.integer(assignment::attempts) == 2);
    const auto pass = training::record_attempt(c, second.assignment, "bob", "2026-11-22", 95, Config{}, "--score",
                                               training::Repeat::another_attempt);
    CHECK(pass.outcome == training::Outcome::completed);
    CHECK(pass.assignment.integer(assignment::attempts) == 2);
  }
  SUBCASE("without an open assignment, a new cycle is opened for it") {
    const auto first = training::record_attempt(c, std::nullopt, "bob", "2026-11-20", 90, Config{}, "--score",
                                                training::Repeat::another_attempt);
    CHECK(first.created);
    CHECK(first.assignment.text(assignment::key) == "TRN-3/bob/1");
    CHECK(first.assignment.text(assignment::assigned_on) == "2026-11-20");
    CHECK(first.assignment.text(assignment::due) == "2026-12-20");
    const Record done = completed(c, "bob", 1, "2026-11-20");
    CHECK(training::record_attempt(c, done, "bob", "2026-11-20", 90, Config{}, "--score",
                                   training::Repeat::another_attempt)
              .outcome == training::Outcome::unchanged);
    CHECK(training::record_attempt(c, done, "bob", "2026-11-01", 90, Config{}, "--score",
                                   training::Repeat::another_attempt)
              .outcome == training::Outcome::unchanged);
    const auto later = training::record_attempt(c, done, "bob", "2026-11-25", 90, Config{}, "--score",
                                                training::Repeat::another_attempt);
    CHECK(later.created);
    CHECK(later.assignment.text(assignment::key) == "TRN-3/bob/2");
  }
  SUBCASE("a course with min_score needs a score") {
    CHECK(test::usage_message([&] {
            training::record_attempt(c, open, "bob", "2026-11-20", std::nullopt, Config{}, "--score",
                                     training::Repeat::another_attempt);
          }).find("--score: TRN-3 has a passing score (80)") == 0);
    const Record plain = make();
    CHECK(training::record_attempt(plain, std::nullopt, "bob", "2026-11-20", std::nullopt, Config{}, "--score",
                                   training::Repeat::another_attempt)
              .outcome == training::Outcome::completed);
  }
}

TEST_CASE("training: tallies and percentages") {
  const Record c = make();
  training::Tally t;
  Record a = training::make_assignment(c, "a", 1, "2026-10-01", "2026-10-31");
  t.add(a, "2026-11-27");  // overdue
  a.set(assignment::attempts, std::int64_t{1});
  t.add(a, "2026-11-27");  // failed, past due
  a.set(assignment::completed_on, std::string("2026-11-01"));
  t.add(a, "2026-11-27");                                                                 // complete
  t.add(training::make_assignment(c, "b", 1, "2026-11-20", "2026-12-20"), "2026-11-27");  // pending
  CHECK(t.assigned == 4);
  CHECK(t.complete == 1);
  CHECK(t.pending == 1);
  CHECK(t.overdue == 1);
  CHECK(t.failed == 1);
  CHECK(t.past_due == 2);
  CHECK(training::percent(12, 15) == 80);
  CHECK(training::percent(2, 3) == 66);  // rounded down: never 100% before everyone is done
  CHECK(!training::percent(0, 0));
}
