// Training: their section of `cso status`: the completion rate across active courses (each
// person's latest assignment) and how many people are overdue, from grouped counts.
#include "cli/status_sections.h"
#include "core/counts.h"
#include "core/staff.h"
#include "core/training.h"
#include "core/store.h"

#include <set>

namespace cso::cli {
namespace {

namespace course = training::course;
namespace assignment = training::assignment;

/// How many groups name an active person (the staff handle is the group's last value).
std::int64_t active_groups(const std::vector<GroupCount>& groups, const std::set<std::string>& gone) {
  std::int64_t n = 0;
  for (const auto& g : groups) {
    const auto* handle = std::get_if<std::string>(&g.values.back());
    n += handle != nullptr && !gone.contains(*handle) ? 1 : 0;
  }
  return n;
}

}  // namespace

StatusSection training_status(Context& ctx) {
  const Counts courses = counts_by_first(ctx.store().tally(course::kind()), {"active", "retired"});
  Condition active_courses{assignment::course, Op::in, {}, {}};
  Query q;
  q.fields = {course::id};
  q.where.push_back(Condition{course::status, Op::eq, {std::string("active")}, {}});
  ctx.store().each(course::kind(), q,
                   [&](const Record& c) { active_courses.values.emplace_back(display_key(course::kind(), c)); });
  std::set<std::string> gone;
  Query inactive;
  inactive.fields = {staff::handle};
  inactive.where.push_back(Condition{staff::status, Op::eq, {std::string("inactive")}, {}});
  ctx.store().each(staff::kind(), inactive, [&](const Record& p) { gone.insert(p.text(staff::handle)); });

  // At most one open assignment per person and course, so pairs − open pairs = complete.
  const Condition open{assignment::completed_on, Op::is_null, {}, {}};
  const Condition past_due{assignment::due, Op::lt, {format_date(ctx.clock.now)}, {}};
  const std::vector<std::size_t> pair{assignment::course, assignment::staff};
  const auto assigned = active_groups(ctx.store().count_by(assignment::kind(), pair, {active_courses}), gone);
  const auto pending = active_groups(ctx.store().count_by(assignment::kind(), pair, {active_courses, open}), gone);
  const auto overdue = active_groups(
      ctx.store().count_by(assignment::kind(), {assignment::staff}, {active_courses, open, past_due}), gone);
  const std::int64_t complete = assigned - pending;
  const auto percent = training::percent(complete, assigned);

  StatusSection s;
  s.json_key = "training";
  s.json = {{"courses", json_counts(courses.items)},
            {"assigned", assigned},
            {"complete", complete},
            {"percent", percent ? Json(*percent) : Json(nullptr)},
            {"overdue_people", overdue}};
  const std::int64_t n = courses.items[0].second;
  if (n == 0) {
    s.lines.emplace_back("training", "no active courses");
    return s;
  }
  std::string line = fmt::format("{} active course{}: ", n, n == 1 ? "" : "s");
  line += percent ? fmt::format("{} of {} assignments complete ({}%)", complete, assigned, *percent) : "nothing assigned";
  line += fmt::format("; {} {} overdue", overdue, overdue == 1 ? "person" : "people");
  s.lines.emplace_back("training", line);
  return s;
}

}  // namespace cso::cli
