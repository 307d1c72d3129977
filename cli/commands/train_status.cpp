// Training: its section of `cso status`: the completion rate across active courses (each
// person's latest assignment) and how many people are overdue.
#include "cli/commands/status_sections.h"
#include "core/wording.h"

namespace cso::cli {

StatusSection training_status(const status::Training& f) {
  StatusSection s;
  s.json_key = "training";
  s.json = {{"courses", json_counts(f.courses.items)},
            {"assigned", f.assigned},
            {"complete", f.complete},
            {"percent", f.percent ? Json(*f.percent) : Json(nullptr)},
            {"overdue_people", f.overdue_people}};
  const std::int64_t n = f.courses.items[0].second;
  if (n == 0) {
    s.lines.emplace_back("training", "no active courses");
    return s;
  }
  std::string line = fmt::format("{}: ", counted(n, "active course"));
  line += f.percent ? fmt::format("{} of {} complete ({}%)", f.complete, counted(f.assigned, "assignment"), *f.percent)
                    : "nothing assigned";
  line += fmt::format("; {} overdue", counted(f.overdue_people, "person", "people"));
  s.lines.emplace_back("training", line);
  return s;
}

}  // namespace cso::cli
