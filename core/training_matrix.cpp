// The training completion matrix (`cso train status`, the training report): each person's
// latest assignment of each course, and each course's tally.
#include "core/training_matrix.h"

#include <set>

#include "core/audience.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/training_service.h"

namespace cso::training {

Matrix read_matrix(Reader& reader, const Clock& clock, const std::optional<std::string>& course_id,
                   const std::optional<std::string>& team) {
  Matrix m;
  if (course_id) {
    m.courses.push_back(course_or_throw(reader, *course_id));
  } else {
    reader.each(course::kind(), select::active_courses(), [&](const Record& c) { m.courses.push_back(c); });
  }
  std::set<std::string> in_audience;
  std::vector<std::map<std::string, Record>> latest;
  for (const auto& c : m.courses) {
    if (has_status(c, course::Status::active)) {  // a retired course is no one's to take any more
      reader.each(staff::kind(), audience_query(c.text(course::audience)),
                  [&](const Record& p) { in_audience.insert(p.text(staff::handle)); });
    }
    latest.push_back(latest_assignments(reader, display_key(course::kind(), c)));
  }
  staff::ListFilter f;
  if (team) {
    f.teams.push_back(*team);
  }
  const std::string today = format_date(clock.now);
  m.tallies.resize(m.courses.size());
  reader.each(staff::kind(), staff::make_query(f), [&](const Record& p) {
    const std::string& handle = p.text(staff::handle);
    std::vector<std::optional<Record>> row;
    bool assigned = false;
    for (const auto& by_person : latest) {
      const auto it = by_person.find(handle);
      row.push_back(it == by_person.end() ? std::nullopt : std::optional(it->second));
      assigned = assigned || it != by_person.end();
    }
    if (!assigned && !in_audience.contains(handle)) {
      return;
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i]) {
        derive(*row[i], today);
        m.tallies[i].add(*row[i], today);
      }
    }
    m.people.push_back(Person{handle, p.text(staff::name), p.text(staff::team)});
    m.cells.push_back(std::move(row));
  });
  return m;
}

}  // namespace cso::training
