// Audits and findings: their section of `cso status`.
#include "cli/status_sections.h"
#include "core/audit.h"
#include "core/counts.h"
#include "core/finding.h"
#include "core/store.h"

namespace cso::cli {
namespace {

/// Findings open or remediating past due, plus accepted past accepted_until (two index ranges).
std::int64_t overdue_count(Context& ctx) {
  const std::string today = format_date(ctx.clock.now);
  Query open;
  open.where.push_back({finding::status, Op::in, {std::string("open"), std::string("remediating")}, {}});
  open.where.push_back({finding::due, Op::lt, {today}, {}});
  Query accepted;
  accepted.where.push_back({finding::status, Op::eq, {std::string("accepted")}, {}});
  accepted.where.push_back({finding::accepted_until, Op::lt, {today}, {}});
  return ctx.store().count(finding::kind(), open) + ctx.store().count(finding::kind(), accepted);
}

}  // namespace

StatusSection finding_status(Context& ctx) {
  const auto [findings, open] = finding::status_and_severity_counts(ctx.store().tally(finding::kind()));
  const auto statuses = audit::statuses();
  const Counts audits = counts_by_first(ctx.store().tally(audit::kind()), {statuses.begin(), statuses.end()});
  const std::int64_t overdue = overdue_count(ctx);
  StatusSection s;
  s.json_key = "findings";
  s.json = {{"total", findings.total},
            {"by_status", json_counts(findings.items)},
            {"open_by_severity", json_counts(open.items)},
            {"overdue", overdue},
            {"audits", json_counts(audits.items)}};
  s.lines.emplace_back("findings", fmt::format("{} in all: {}", findings.total, text_counts(findings.items)));
  s.lines.emplace_back("", fmt::format("open by severity: {}; {} overdue", text_counts(open.items), overdue));
  s.lines.emplace_back("audits", fmt::format("{} in all: {}", audits.total, text_counts(audits.items)));
  return s;
}

}  // namespace cso::cli
