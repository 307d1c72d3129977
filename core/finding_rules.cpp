// Audit finding check rules (SPEC §5).
#include <fmt/format.h>

#include <array>

#include "core/check_rules.h"
#include "core/finding.h"
#include "core/selectors.h"

namespace cso {
namespace {

Severity severity_of(const Record& r) {
  const auto& s = r.text(finding::severity);
  return s == "high" || s == "critical" ? Severity::critical : Severity::warning;
}

void problem(const RuleContext& ctx, Problems& out, const Record& r, std::string message, const std::string& date) {
  Problem p;
  p.rule = "finding.overdue";
  p.severity = severity_of(r);
  p.id = display_key(finding::kind(), r);
  p.title = r.text(finding::title);
  const auto when = parse_stored(date).value_or(ctx.clock.now);
  p.message = dated_message(std::string_view(message), date, days_between(ctx.clock.now, when));
  p.due = date;
  out.push_back(std::move(p));
}

/// Open or remediating past `due`; accepted past `accepted_until`. Past means before today: a
/// finding due today is not yet overdue.
void finding_overdue(const RuleContext& ctx, Problems& out) {
  const std::string today = format_date(ctx.clock.now);
  ctx.source.each(finding::kind(), select::findings_past_due(today), [&](const Record& r) {
    problem(ctx, out, r, fmt::format("{} finding due", r.text(finding::severity)), r.text(finding::due));
  });
  ctx.source.each(finding::kind(), select::findings_acceptance_expired(today), [&](const Record& r) {
    problem(ctx, out, r, fmt::format("{} finding acceptance expired", r.text(finding::severity)),
            r.text(finding::accepted_until));
  });
}

constexpr std::array<Rule, 1> k_rules{{
    {"finding.overdue", "an open or remediating finding is past its due date, or an accepted one past accepted_until",
     "WARNING low, medium / CRITICAL high, critical", "", finding_overdue},
}};

}  // namespace

std::span<const Rule> finding_rules() {
  return k_rules;
}

}  // namespace cso
