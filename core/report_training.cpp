// Training (`cso report training`): each active course's completion, completion by team, and
// who is overdue, from the completion matrix `train status` prints.
#include <map>

#include "core/reports.h"
#include "core/training_matrix.h"

namespace cso {
namespace {

namespace course = training::course;
namespace assignment = training::assignment;

struct TeamTally {
  std::int64_t people = 0, assigned = 0, complete = 0;
};

}  // namespace

Data training_report(const ReportInput& in) {
  const training::Matrix m = training::read_matrix(in.store, in.clock, std::nullopt, std::nullopt);
  const std::string today = format_date(in.clock.now);
  Data d = report_header(in, "training");
  Data courses = Data::List{};
  std::int64_t assigned = 0;
  std::int64_t complete = 0;
  for (std::size_t i = 0; i < m.courses.size(); ++i) {
    const training::Tally& t = m.tallies[i];
    Data c = Data::object();
    c.set("id", display_key(course::kind(), m.courses[i]));
    c.set("title", m.courses[i].text(course::title));
    c.set("assigned", t.assigned);
    c.set("complete", t.complete);
    c.set("pending", t.pending);
    c.set("overdue", t.overdue);
    c.set("failed", t.failed);
    c.set("percent", percent_text(t.complete, t.assigned));
    courses.push(std::move(c));
    assigned += t.assigned;
    complete += t.complete;
  }
  std::map<std::string, TeamTally> teams;
  Data overdue = Data::List{};
  std::int64_t overdue_people = 0;
  for (std::size_t p = 0; p < m.people.size(); ++p) {
    const training::Person& who = m.people[p];
    TeamTally& team = teams[who.team];
    ++team.people;
    bool late = false;
    for (std::size_t i = 0; i < m.courses.size(); ++i) {
      const auto& a = m.cells[p][i];
      if (!a) {
        continue;
      }
      ++team.assigned;
      team.complete += training::state_of(*a, today) == training::State::complete ? 1 : 0;
      if (training::is_overdue(*a, today)) {
        late = true;
        Data row = Data::object();
        row.set("staff", who.handle);
        row.set("name", who.name);
        row.set("team", who.team);
        row.set("course", display_key(course::kind(), m.courses[i]));
        row.set("title", m.courses[i].text(course::title));
        row.set("due", a->text(assignment::due));
        row.set("days", days_between(parse_stored(a->text(assignment::due)).value_or(in.clock.now), in.clock.now));
        overdue.push(std::move(row));
      }
    }
    overdue_people += late ? 1 : 0;
  }
  Data by_team = Data::List{};
  for (const auto& [name, t] : teams) {
    Data row = Data::object();
    row.set("team", name.empty() ? std::string("(no team)") : name);
    row.set("people", t.people);
    row.set("assigned", t.assigned);
    row.set("complete", t.complete);
    row.set("percent", percent_text(t.complete, t.assigned));
    by_team.push(std::move(row));
  }
  d.set("any", !m.courses.empty());
  d.set("assigned", assigned);
  d.set("complete", complete);
  d.set("percent", percent_text(complete, assigned));
  d.set("overdue_people", overdue_people);
  d.set("any_overdue", overdue_people > 0);
  d.set("courses", std::move(courses));
  d.set("by_team", std::move(by_team));
  d.set("overdue", std::move(overdue));
  return d;
}

}  // namespace cso
