// The risk register's check rules (SPEC §5).
#include <fmt/format.h>

#include <array>

#include "core/check_rules.h"
#include "core/risk.h"
#include "core/selectors.h"

namespace cso {
namespace {

void risk_review_overdue(const RuleContext& ctx, Problems& out) {
  ctx.source.each(risk::kind(), select::risks_review_due(warn_horizon(ctx)), [&](const Record& r) {
    date_problem(ctx, out, "risk.review_overdue", risk::kind(), r, risk::title, "review due",
                 r.text(risk::next_review));
  });
}

void risk_acceptance_expired(const RuleContext& ctx, Problems& out) {
  ctx.source.each(risk::kind(), select::risks_acceptance_due(warn_horizon(ctx)), [&](const Record& r) {
    date_problem(ctx, out, "risk.acceptance_expired", risk::kind(), r, risk::title,
                 {"acceptance expires", "acceptance expired"}, r.text(risk::accepted_until));
  });
}

void risk_untreated(const RuleContext& ctx, Problems& out) {
  const std::string created_by = format_instant(subtract(ctx.clock.now, ctx.config.risk_treat_within));
  ctx.source.each(risk::kind(), select::risks_untreated(ctx.config.risk_bands.high, created_by), [&](const Record& r) {
    const auto level = risk::level_of(r.integer(risk::score), ctx.config.risk_bands);
    const auto created = parse_stored(r.text(risk::created)).value_or(ctx.clock.now);
    Problem p;
    p.rule = "risk.untreated";
    p.severity = level == "critical" ? Severity::critical : Severity::warning;
    p.id = display_key(risk::kind(), r);
    p.title = r.text(risk::title);
    p.message = fmt::format("{} risk (score {}) open without treatment for {} days", level, r.integer(risk::score),
                            days_between(created, ctx.clock.now));
    out.push_back(std::move(p));
  });
}

void risk_treatment_overdue(const RuleContext& ctx, Problems& out) {
  ctx.source.each(risk::kind(), select::risks_treatment_overdue(format_date(ctx.clock.now)), [&](const Record& r) {
    date_problem(ctx, out, "risk.treatment_overdue", risk::kind(), r, risk::title, "treatment due", r.text(risk::due),
                 Severity::warning);
  });
}

constexpr std::array<Rule, 4> k_rules{{
    {"risk.review_overdue", "a risk not closed has its next_review near or past", "WARNING near / CRITICAL past",
     "check.warn_within", risk_review_overdue},
    {"risk.acceptance_expired", "an accepted risk's accepted_until is near or past", "WARNING near / CRITICAL past",
     "check.warn_within", risk_acceptance_expired},
    {"risk.untreated", "an open high or critical risk has had no treatment for risk.treat_within",
     "WARNING high / CRITICAL critical", "risk.treat_within, risk.bands", risk_untreated},
    {"risk.treatment_overdue", "a risk in treatment is past its due date", "WARNING", "", risk_treatment_overdue},
}};

}  // namespace

std::span<const Rule> risk_rules() {
  return k_rules;
}

}  // namespace cso
