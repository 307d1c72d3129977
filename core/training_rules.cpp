// Training check rules (SPEC §5).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "core/check_rules.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/training.h"
#include "core/wording.h"

namespace cso {
namespace {

namespace course = training::course;
namespace assignment = training::assignment;

/// One problem per open assignment past due (failed attempts included) of an active course
/// and an active person: id the course, message naming the person.
void training_overdue(const RuleContext& ctx, Problems& out) {
  std::map<std::string, std::pair<std::int64_t, std::string>> courses;  // key → (number, title)
  ctx.source.each(course::kind(), select::active_courses(), [&](const Record& c) {
    courses[display_key(course::kind(), c)] = {c.integer(course::id), c.text(course::title)};
  });
  if (courses.empty()) {
    return;
  }
  std::set<std::string> gone;
  ctx.source.each(staff::kind(), select::inactive_staff(),
                  [&](const Record& p) { gone.insert(p.text(staff::handle)); });

  std::vector<std::tuple<std::int64_t, std::string, Problem>> found;
  ctx.source.each(assignment::kind(), select::assignments_overdue(format_date(ctx.clock.now)), [&](const Record& a) {
    const auto c = courses.find(a.text(assignment::course));
    const std::string& who = a.text(assignment::staff);
    const auto due = parse_stored(a.text(assignment::due));
    if (c == courses.end() || gone.contains(who) || !due) {
      return;
    }
    const std::int64_t failed = a.integer(assignment::attempts);
    Problem p;
    p.rule = "training.overdue";
    p.severity = Severity::warning;
    p.id = c->first;
    p.title = c->second.second;
    p.message =
        fmt::format("{}: due {} ({}){}", who, a.text(assignment::due), relative_days(days_between(ctx.clock.now, *due)),
                    failed == 0 ? "" : ", " + counted(failed, "failed attempt"));
    p.due = a.text(assignment::due);
    found.emplace_back(c->second.first, who, std::move(p));
  });
  std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y));
  });
  for (auto& f : found) {
    out.push_back(std::move(std::get<2>(f)));
  }
}

constexpr std::array<Rule, 1> k_rules{{
    {"training.overdue", "an assignment of an active course is past due and not complete (failed attempts included)",
     "WARNING", "", training_overdue},
}};

}  // namespace

std::span<const Rule> training_rules() {
  return k_rules;
}

}  // namespace cso
