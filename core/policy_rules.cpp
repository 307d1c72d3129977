// Policy check rules (SPEC §5).
#include <fmt/format.h>

#include <array>

#include "core/check_rules.h"
#include "core/policy.h"
#include "core/selectors.h"
#include "core/wording.h"

namespace cso {
namespace {

void policy_review_overdue(const RuleContext& ctx, Problems& out) {
  ctx.source.each(policy::kind(), select::policies_review_due(warn_horizon(ctx)), [&](const Record& p) {
    date_problem(ctx, out, "policy.review_overdue", policy::kind(), p, policy::title, "review due",
                 p.text(policy::next_review));
  });
}

void policy_ack_missing(const RuleContext& ctx, Problems& out) {
  // Published on or before this date: acknowledgements were due by today.
  const std::string published_by = format_date(subtract(ctx.clock.now, ctx.config.policy_ack_within));
  // Each policy's acknowledgements are read while the policies are: holding 10^5 policies
  // to look at them afterwards would be most of check's memory.
  Query q = select::policies_published_by(published_by);
  q.fields = {policy::id, policy::title, policy::version, policy::audience, policy::published};
  std::map<std::string, std::vector<std::string>> members;
  ctx.source.each(policy::kind(), q, [&](const Record& p) {
    const policy::Coverage c = policy::ack_coverage(ctx.source, p, members);
    if (c.acknowledged >= c.expected) {
      return;
    }
    const std::string when = policy::ack_due(p, ctx.config).value_or("");
    Problem problem;
    problem.rule = "policy.ack_missing";
    problem.severity = Severity::warning;
    problem.id = display_key(policy::kind(), p);
    problem.title = p.text(policy::title);
    const std::int64_t missing = c.expected - c.acknowledged;
    problem.message = fmt::format("{} of {} {} not acknowledged v{} (published {}, due {})", missing,
                                  counted(c.expected, "person", "people"), missing == 1 ? "has" : "have",
                                  p.integer(policy::version), p.text(policy::published), when);
    problem.due = when;
    out.push_back(std::move(problem));
  });
}

constexpr std::array<Rule, 2> k_rules{{
    {"policy.review_overdue", "a published policy's next_review is near or past", "WARNING near / CRITICAL past",
     "check.warn_within", policy_review_overdue},
    {"policy.ack_missing",
     "someone in the audience has not acknowledged the version in force policy.ack_within after its publication",
     "WARNING", "policy.ack_within", policy_ack_missing},
}};

}  // namespace

std::span<const Rule> policy_rules() {
  return k_rules;
}

}  // namespace cso
