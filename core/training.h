#pragma once
// Security awareness and role training (SPEC §4 train): courses, and the assignments of a
// course to people, one per cycle of a recurring course.
//
// An assignment is a part of its course, keyed "TRN-1/bob/2" (course, person, cycle). A
// person has at most one open (not complete) assignment per course, always their latest
// cycle, so "the latest assignment of each person" is the state of a course, and counts of
// pairs and of open assignments give completion rates. A failed attempt (a score under
// min_score) leaves the assignment open and counts in `attempts`.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/edit.h"
#include "core/query.h"
#include "core/record.h"
#include "core/time.h"

namespace cso::training {

namespace course {
/// Field positions in a course Record.
enum F : std::size_t {
  id,
  title,
  description,
  every,
  audience,
  due_within,
  min_score,
  status,
  created,
  updated,
  field_count
};
const KindDef& kind();

/// The statuses, in the order the status field lists them: code names a status through
/// Status, so a misspelt one does not compile.
enum class Status : std::uint8_t { active, retired };
inline constexpr std::array<std::string_view, 2> k_statuses{"active", "retired"};
/// Where Status's names and field are (see status_name in core/record.h).
constexpr const auto& names_of(Status) {
  return k_statuses;
}
constexpr std::size_t field_of(Status) {
  return status;
}

struct ListFilter {
  std::vector<std::string> status;
};
Query make_query(const ListFilter& f);
}  // namespace course

namespace assignment {
/// Field positions in an assignment Record; `state` is derived (state_of).
enum F : std::size_t {
  key,
  course,
  staff,
  cycle,
  assigned_on,
  due,
  completed_on,
  score,
  attempts,
  attempted_on,
  state,
  field_count
};
const KindDef& kind();
}  // namespace assignment

/// The columns of an LMS export (`train import`): handle or email, completed_on, score. Described
/// as a kind so the shared CSV importer checks the header and names cells; never stored.
const KindDef& completion_file_kind();
enum CompletionColumn : std::size_t { file_handle, file_email, file_completed_on, file_score, file_field_count };

// ---- courses

struct NewCourse {
  std::string title;
  std::optional<std::string> description;
  std::optional<Duration> every;  ///< none: a one-off course
  std::string audience = "all";
  std::optional<Duration> due_within;  ///< default: config training.due_within
  std::optional<std::int64_t> min_score;
};
Record make_course(const NewCourse& n, const Config& config, const Clock& clock);

/// Which statuses allow a verb (edit, retire, assign); a conflict Error naming them otherwise.
void require_status(const Record& course, std::string_view verb);
void retire(Record& course, const Clock& clock);
void touch(Record& course, const Clock& clock);
/// `train edit`: an active course only; sets what changed and touches it.
void edit(Record& course, const Changes& changes, const Clock& clock);

/// "12m", or "none" for a one-off course (nullopt). A usage Error naming `what` otherwise.
std::optional<Duration> parse_every(std::string_view text, std::string_view what);
/// A whole number from 0 to 100. A usage Error naming `what` otherwise.
std::int64_t parse_score(std::string_view text, std::string_view what);

// ---- assignments

enum class State { pending, overdue, complete, failed };
std::string_view state_name(State s);

std::string assignment_key(std::string_view course_key, std::string_view handle, std::int64_t cycle);
/// A new open assignment of `course` for `handle`.
Record make_assignment(const Record& course, std::string_view handle, std::int64_t cycle,
                       const std::string& assigned_on, const std::string& due);
/// The due date of an assignment given on `assigned_on` (stored date): plus the course's due_within.
std::string due_for(const Record& course, const std::string& assigned_on, const Config& config);

bool is_open(const Record& a);
/// Open and past its due date (`today` a stored date).
bool is_overdue(const Record& a, const std::string& today);
/// complete; else failed after a failed attempt; else overdue past due; else pending.
State state_of(const Record& a, const std::string& today);
/// Fills the derived `state` field.
void derive(Record& a, const std::string& today);

/// The cycle a person needs now, given their latest assignment of the course (nullptr: none):
/// 1 when they have none; the next one when the latest is complete and its completion is
/// `every` old; nullopt when the latest is open or still valid, or the course is one-off.
std::optional<std::int64_t> cycle_needed(const Record& course, const Record* latest, const Clock& clock);

/// The assignments `train sync` creates for one active course: for each member of its audience
/// (active handles), the cycle they need now (cycle_needed), assigned today and due after
/// due_within. `latest` maps handles to their latest assignment of the course.
std::vector<Record> sync_course(const Record& course, const std::vector<std::string>& audience,
                                const std::map<std::string, Record>& latest, const Config& config, const Clock& clock);

// ---- completions

enum class Outcome { completed, failed, unchanged };

struct Attempt {
  Outcome outcome = Outcome::unchanged;
  Record assignment;     ///< after the attempt (the latest one, when unchanged)
  bool created = false;  ///< a new cycle was opened for it (an unassigned completion)
};

/// Records an attempt of `handle` at `course` on `on` (a stored date) with an optional score:
/// - an open assignment gets it: complete, or a failed attempt when the score is under
///   min_score (the assignment stays open and due);
/// - with none open, a new cycle is opened on `on` (due after due_within) and gets it, unless
///   the latest assignment was completed on or after `on` (unchanged: already recorded).
/// A course with min_score needs a score (usage Error naming `score_what`).
/// A failed attempt with the same date and score as the one recorded last is another attempt
/// when typed (`train complete`), and the same one when imported again (an LMS export).
enum class Repeat { another_attempt, same_attempt };
Attempt record_attempt(const Record& course, const std::optional<Record>& latest, std::string_view handle,
                       const std::string& on, std::optional<std::int64_t> score, const Config& config,
                       std::string_view score_what, Repeat repeat);

// ---- rates

/// The states of the latest assignments of one course (complete + pending + overdue + failed =
/// assigned), and how many open ones are past due (overdue, and failed past due).
struct Tally {
  std::int64_t assigned = 0, complete = 0, pending = 0, overdue = 0, failed = 0, past_due = 0;
  void add(const Record& a, const std::string& today);
};
/// complete / assigned in whole percent, rounded down (nullopt when nothing is assigned).
std::optional<std::int64_t> percent(std::int64_t complete, std::int64_t assigned);

}  // namespace cso::training
