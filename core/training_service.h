#pragma once
// Training workflows over the store: assigning, the sync cron runs, and completions. Each
// works inside the caller's transaction, so a command commits all of it or nothing.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/store.h"
#include "core/training.h"

namespace cso::training {

/// The course named by ID text ("TRN-3", "3"); a usage Error for a malformed ID, not_found if none.
Record course_or_throw(Reader& reader, const std::string& id_text);
/// The latest assignment (highest cycle) of each person for a course.
std::map<std::string, Record> latest_assignments(Reader& reader, const std::string& course_key);
/// One person's latest assignment of a course, if any.
std::optional<Record> latest_assignment(Reader& reader, const std::string& course_key, const std::string& handle);

struct Assigned {
  std::vector<Record> created;
  std::vector<Record> already_open;  ///< people who have an open assignment: not assigned again
};
/// Assigns `course` to each of `handles` (active staff, checked by the caller) due `due`, or
/// today plus the course's due_within.
Assigned assign(Transaction& tx, const Record& course, const std::vector<std::string>& handles,
                const std::optional<std::string>& due, const Config& config, const Clock& clock);

struct Synced {
  std::vector<std::string> created;  ///< assignment keys
  std::int64_t courses = 0;          ///< courses that gained assignments
};
/// Creates the assignments the audiences and recurrences of active courses call for (idempotent).
Synced sync(Transaction& tx, const Config& config, const Clock& clock);

/// Records `handle`'s attempt at the course on `on` (a stored date) with an optional score;
/// conflict when there is nothing to record, or when an inactive course has no open assignment.
Attempt complete(Transaction& tx, const Record& course, const std::string& handle, const std::string& on,
                 std::optional<std::int64_t> score, const Config& config);

}  // namespace cso::training
