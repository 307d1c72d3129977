// The policies (`cso report policies`): every policy with the version in force, its next
// review and, once published, how much of its audience acknowledged that version.
#include <map>

#include "core/policy.h"
#include "core/reports.h"
#include "core/store_check_source.h"

namespace cso {

Data policies_report(const ReportInput& in) {
  Data d = report_header(in, "policies");
  StoreCheckSource source(in.store);
  std::map<std::string, std::vector<std::string>> members;
  const std::string today = format_date(in.clock.now);
  policy::Coverage overall;
  std::int64_t overdue = 0;
  Data rows = Data::List{};
  std::vector<Record> policies = in.store.all(policy::kind(), Query{});
  for (const Record& p : policies) {
    Data row = record_data(policy::kind(), p);
    const bool published = has_status(p, policy::Status::published);
    const bool review_overdue = published && !p.is_null(policy::next_review) && p.text(policy::next_review) < today;
    overdue += review_overdue ? 1 : 0;
    row.set("review_overdue", review_overdue);
    row.set("in_force", published);
    if (published) {
      const policy::Coverage c = policy::ack_coverage(source, p, members);
      overall.acknowledged += c.acknowledged;
      overall.expected += c.expected;
      row.set("acknowledged", c.acknowledged);
      row.set("expected", c.expected);
      row.set("coverage", policy::coverage_text(c));
    } else {
      row.set("acknowledged", "");
      row.set("expected", "");
      row.set("coverage", "");
    }
    rows.push(std::move(row));
  }
  const Counts by_status = counts_by_first(in.store.count_by(policy::kind(), {policy::status}, {}), policy::statuses());
  d.set("any", !policies.empty());
  d.set("total", static_cast<std::int64_t>(policies.size()));
  d.set("reviews_overdue", overdue);
  d.set("coverage", policy::coverage_text(overall));
  d.set("policies", std::move(rows));
  d.set("by_status", counts_data(by_status));
  return d;
}

}  // namespace cso
