// Policies: their section of `cso status`.
#include "cli/status_sections.h"
#include "core/counts.h"
#include "core/policy.h"
#include "core/store_check_source.h"
#include "core/store.h"

namespace cso::cli {

StatusSection policy_status(Context& ctx) {
  const Counts by_status = counts_by_first(ctx.store().tally(policy::kind()), policy::statuses());
  const Counts versions = counts_by_first(ctx.store().tally(policy_version::kind()), {"in_review"});
  const std::int64_t in_review = versions.items[0].second;
  Query due;
  due.where.push_back({policy::status, Op::eq, {std::string("published")}, {}});
  due.where.push_back({policy::next_review, Op::le, {format_date(add(ctx.clock.now, ctx.config.check_warn_within))}, {}});
  const std::int64_t review_due = ctx.store().count(policy::kind(), due);

  // Acknowledgements of the versions in force, against their audiences.
  StoreCheckSource source(ctx.store());
  Query published;
  published.unordered = true;
  published.fields = {policy::id, policy::version, policy::audience};
  published.where.push_back({policy::status, Op::eq, {std::string("published")}, {}});
  std::vector<Record> in_force;
  source.each(policy::kind(), published, [&](const Record& p) { in_force.push_back(p); });
  std::map<std::string, std::vector<std::string>> members;
  policy::Coverage total;
  for (const Record& p : in_force) {
    const auto c = policy::ack_coverage(source, p, members);
    total.acknowledged += c.acknowledged;
    total.expected += c.expected;
  }

  StatusSection s;
  s.json_key = "policies";
  s.json = {{"total", by_status.total},
            {"by_status", json_counts(by_status.items)},
            {"in_review", in_review},
            {"review_due", review_due},
            {"acknowledgements", {{"acknowledged", total.acknowledged}, {"expected", total.expected}}}};
  s.lines.emplace_back("policies", fmt::format("{} in all: {}", by_status.total, text_counts(by_status.items)));
  s.lines.emplace_back("", fmt::format("{} {} in review, {} review{} due within {}", in_review,
                                       in_review == 1 ? "version" : "versions", review_due, review_due == 1 ? "" : "s",
                                       format_duration(ctx.config.check_warn_within)));
  s.lines.emplace_back("", fmt::format("acknowledgements: {}", policy::coverage_text(total)));
  return s;
}

}  // namespace cso::cli
