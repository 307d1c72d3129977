// The demo's training: an annual awareness course for everyone (two cycles, a failed attempt,
// people overdue) and a one-off secure coding course for engineering, replayed as the syncs,
// assignments and completions that would have made them.
#include "cli/demo.h"

#include "core/training.h"

#include <array>

namespace cso::cli {
namespace {

namespace course = training::course;
namespace assignment = training::assignment;

constexpr std::int64_t k_day = 86400;

struct DemoCourse {
  Record course;
  std::map<std::string, Record> latest;  ///< each person's latest assignment
};

Clock days_ago(const Clock& now, int days) { return Clock{now.now - days * k_day}; }

DemoCourse add_course(Transaction& tx, training::NewCourse n, const Config& config, const Clock& at) {
  DemoCourse d{training::make_course(n, config, at), {}};
  tx.insert(course::kind(), d.course, "train.add");
  return d;
}

void sync(Transaction& tx, DemoCourse& d, const std::vector<std::string>& audience, const Config& config,
          const Clock& at) {
  for (auto& a : training::sync_course(d.course, audience, d.latest, config, at)) {
    tx.insert(assignment::kind(), a, "train.sync");
    d.latest[a.text(assignment::staff)] = a;
  }
}

/// A completion (or a failed attempt, under min_score) `days` ago.
void attempt(Transaction& tx, DemoCourse& d, const std::string& handle, int days, std::optional<std::int64_t> score,
             const Config& config, const Clock& now) {
  const auto it = d.latest.find(handle);
  const std::optional<Record> latest = it == d.latest.end() ? std::nullopt : std::optional(it->second);
  auto result = training::record_attempt(d.course, latest, handle, format_date(days_ago(now, days).now), score, config,
                                         "demo");
  if (result.created) {
    tx.insert(assignment::kind(), result.assignment, "train.complete");
  } else {
    tx.update(assignment::kind(), result.assignment, "train.complete");
  }
  d.latest[handle] = result.assignment;
}

struct Completion {
  const char* handle;
  int days_ago;
  int score;
};

}  // namespace

void seed_demo_training(Transaction& tx, const Config& config, const Clock& clock) {
  const std::vector<std::string> everyone{"alice", "bob",  "carol", "dan", "erin", "farid", "grace", "hiro",
                                          "ines",  "jon",  "kim",   "leo", "maya", "nina",  "omar"};
  std::vector<std::string> first_staff = everyone;
  std::erase(first_staff, "leo");  // joined 300 days ago

  training::NewCourse awareness;
  awareness.title = "Security awareness";
  awareness.description = "Phishing, passwords and MFA, reporting incidents, data handling. Quiz at the end.";
  awareness.every = Duration{12, 'm'};
  awareness.min_score = 80;
  DemoCourse a = add_course(tx, awareness, config, days_ago(clock, 400));
  sync(tx, a, first_staff, config, days_ago(clock, 400));
  constexpr std::array<Completion, 13> k_first{{
      {"alice", 395, 95}, {"bob", 390, 100}, {"ines", 385, 90}, {"erin", 380, 85}, {"grace", 380, 60},
      {"maya", 378, 92},  {"grace", 376, 85}, {"kim", 372, 88}, {"jon", 360, 82},  {"hiro", 350, 70},
      {"carol", 300, 90}, {"dan", 250, 85},  {"farid", 200, 80},
  }};
  for (const auto& c : k_first) {
    attempt(tx, a, c.handle, c.days_ago, c.score, config, clock);
  }
  sync(tx, a, everyone, config, days_ago(clock, 300));  // leo joins
  attempt(tx, a, "nina", 100, 81, config, clock);         // late, but done
  sync(tx, a, everyone, config, days_ago(clock, 20));     // the second cycle for the earliest
  attempt(tx, a, "alice", 10, 90, config, clock);

  training::NewCourse coding;
  coding.title = "Secure coding";
  coding.description = "OWASP Top 10, secrets handling, dependency hygiene, code review for security.";
  coding.audience = "team:engineering";
  coding.due_within = Duration{60, 'd'};
  DemoCourse s = add_course(tx, coding, config, days_ago(clock, 90));
  sync(tx, s, {"erin", "farid", "grace", "hiro"}, config, days_ago(clock, 90));
  attempt(tx, s, "erin", 80, std::nullopt, config, clock);
  attempt(tx, s, "farid", 40, std::nullopt, config, clock);
  attempt(tx, s, "grace", 20, std::nullopt, config, clock);
  // A security engineer reviews code too: an explicit assignment outside the audience.
  const std::string today = format_date(days_ago(clock, 10).now);
  Record bob = training::make_assignment(s.course, "bob", 1, today, training::due_for(s.course, today, config));
  tx.insert(assignment::kind(), bob, "train.assign");

  // Today's sync: the second cycle for those whose completion is now a year old.
  sync(tx, a, everyone, config, clock);
}

}  // namespace cso::cli
