// Incident check rules (SPEC §5): the containment SLA and regulatory notification clocks.
#include <fmt/format.h>

#include <array>

#include "core/check_rules.h"
#include "core/incident.h"
#include "core/incident_metrics.h"
#include "core/selectors.h"

namespace cso {
namespace {

Problem problem_of(std::string_view rule, Severity severity, const Record& r, std::string message, Instant due) {
  Problem p;
  p.rule = rule;
  p.severity = severity;
  p.id = display_key(incident::kind(), r);
  p.title = r.text(incident::title);
  p.message = std::move(message);
  p.due = format_instant(due);
  return p;
}

void incident_sla_breach(const RuleContext& ctx, Problems& out) {
  ctx.source.each(incident::kind(), select::incidents_running(), [&](const Record& r) {
    const auto severity = incident::sla_clock(r, ctx.config, ctx.clock);
    if (!severity) {
      return;
    }
    const std::string& sev = r.text(incident::severity);
    const Instant detected = parse_stored(r.text(incident::detected_at)).value_or(ctx.clock.now);
    out.push_back(problem_of("incident.sla_breach", *severity, r,
                             fmt::format("{} not contained {} after detection (SLA {})", sev,
                                         incident::human_duration(ctx.clock.now - detected),
                                         format_duration(*incident::sla_of(ctx.config, sev))),
                             *incident::sla_deadline(r, ctx.config)));
  });
}

void incident_notify_due(const RuleContext& ctx, Problems& out) {
  ctx.source.each(incident::kind(), select::notifications_pending(), [&](const Record& r) {
    const auto severity = incident::notify_clock(r, ctx.config, ctx.clock);
    if (!severity) {
      return;
    }
    const Instant by = parse_stored(r.text(incident::notify_by)).value_or(ctx.clock.now);
    const std::string message = by >= ctx.clock.now
                                    ? fmt::format("notification due {} (in {})", r.text(incident::notify_by),
                                                  incident::human_duration(by - ctx.clock.now))
                                    : fmt::format("notification was due {} ({} ago)", r.text(incident::notify_by),
                                                  incident::human_duration(ctx.clock.now - by));
    out.push_back(problem_of("incident.notify_due", *severity, r, message, by));
  });
}

constexpr std::array<Rule, 2> k_rules{{
    {"incident.sla_breach",
     "an open incident not yet contained has used three quarters of its severity's containment SLA, or all of it",
     "WARNING 75% / CRITICAL 100%", "incident.sla", incident_sla_breach},
    {"incident.notify_due",
     "a notification deadline not yet met is near (within check.warn_within, at most half its window) or past",
     "WARNING near / CRITICAL past", "check.warn_within", incident_notify_due},
}};

}  // namespace

std::span<const Rule> incident_rules() {
  return k_rules;
}

}  // namespace cso
