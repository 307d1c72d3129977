// The people section of `cso status`: staff, and certifications expiring.
#include "cli/status_sections.h"
#include "core/counts.h"
#include "core/staff.h"
#include "storage/records.h"

namespace cso::cli {

StatusSection staff_status(Context& ctx) {
  const Counts people = counts_by_first(storage::tally(ctx.db(), staff::kind()), {"active", "inactive"});
  StatusSection s;
  s.json_key = "staff";
  s.json = json_counts(people.items);
  s.lines.emplace_back("staff", fmt::format("{} active, {} inactive", people.items[0].second, people.items[1].second));
  return s;
}

StatusSection cert_status(Context&) { return {}; }

}  // namespace cso::cli
