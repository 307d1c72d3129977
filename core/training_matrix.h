#pragma once
// The training completion matrix: people × courses, the state of each person's latest
// assignment, and each course's tally. `cso train status` prints it; the training report
// is built from it.
#include <optional>
#include <string>
#include <vector>

#include "core/store.h"
#include "core/training.h"

namespace cso::training {

struct Person {
  std::string handle, name, team;
};

struct Matrix {
  std::vector<Record> courses;
  std::vector<Person> people;  ///< rows: active staff assigned or in an active course's audience
  std::vector<std::vector<std::optional<Record>>> cells;  ///< [person][course]: latest assignment, derived
  std::vector<Tally> tallies;                             ///< per course, over the rows
};

/// One course (`course_id`, a not_found Error when there is none) or every active course; the
/// people of `team` only, when given.
Matrix read_matrix(Reader& reader, const Clock& clock, const std::optional<std::string>& course_id,
                   const std::optional<std::string>& team);

}  // namespace cso::training
