#include "core/reports.h"

#include <array>

#include "core/error.h"
#include "core/training.h"

namespace cso {
namespace {

constexpr std::string_view k_board_keys =
    R"doc(posture          level (at-risk, watch, on-track), label ("At risk"), sentence: the posture
                 in one line, from today's check problems
figures[]        the key figures, each: key, label, now, start (at period.since, from the
                 journal's recorded states), change ("+2", "−5 pts", "no change"), trend
                 (better, worse, same; "" when a side is unknown), better, worse (flags). Keys:
                 risks_critical_high, reviews_overdue, incidents_major, contain_median (over
                 the incidents contained in the period before each date), findings_overdue,
                 acknowledgements, training, certs_expired, checks_failing
top_risks[]      the five highest risks not closed, by score: every risk field (as risks[] in
                 risk-register); any_top_risks
heatmap          the risks not closed on the likelihood × impact matrix (as in risk-register)
acceptances[]    risks accepted in the period: id, title, by (who accepted), on (date), until
                 (accepted_until now), status (now); any_acceptances
incidents[]      incidents detected or closed in the period, or still open, the 20 most serious
                 (by severity, then detection): every incident field, detected (the date),
                 time_to_contain ("3h 20m"), sla ("4h"), sla_state (met, missed, running, not needed,
                 no SLA), sla_missed; any_incidents; incidents_total (all of the period);
                 incidents_more (how many not listed, absent when none); incidents_sla_missed (count)
incidents_by_month[]  month (2026-09), label (Sep), sev1, sev2, sev3, sev4, total: incidents
                 detected in each month of the period
findings_open    open and remediating findings
findings_by_age[]  age ("0–30 days", "31–90 days", "91–180 days", "over 180 days"), critical,
                 high, medium, low, total: open findings by days since raised
policies.coverage  acknowledgements of every policy in force ("41 of 52 (79%)")
training         percent ("80%"), complete, assigned: over every active course
by_team[]        team, assigned, complete, percent: completion per team; any_teams
certs_expired[]  expired certifications of active staff: key, staff, name, issuer, number,
                 earned, expires, created, state; any_certs_expired
checks           status (OK, WARNING, CRITICAL), critical, warning, any, problems[] (the
                 first ten: severity, rule, id, title, message), more (how many not listed)
charts.incidents_by_month  (html only) incidents per month by severity, an inline SVG
charts.finding_ageing      (html only) open findings by age and severity, an inline SVG
Later domains add their sections (controls, vulnerabilities, quantified loss) as new keys.
)doc";

constexpr std::string_view k_risk_register_keys =
    R"doc(total            the number of risks
any              true when there is at least one risk
risks[]          every risk, by ID: id, title, description, category, owner, status, likelihood,
                 impact, score, level, residual_likelihood, residual_impact, residual_score,
                 treatment, plan, due, review_every, next_review, accepted_by, accepted_until,
                 created, updated, closed_at
by_status[]      name, count: the risks per status (open, treating, accepted, closed)
by_level[]       name, count: the risks not closed per level (critical, high, medium, low)
heatmap          the risks not closed on the likelihood × impact matrix: size, counted,
                 columns[] (likelihood, 1 to size), rows[] (impact, highest first) with cells[]
                 (likelihood, count, level)
)doc";

constexpr std::string_view k_audit_keys =
    R"doc(audit            the audit: id, title, kind, scope, lead, auditor, framework, status, start,
                 end, summary, created, updated
findings[]       its findings, by ID: id, audit, incident, title, description, severity, grade, owner, due,
                 status, plan, resolution, verified_by, verified_at, accepted_by, accepted_until,
                 accept_reason, created, updated; overdue (true when past due, or accepted past
                 accepted_until), overdue_since (that date)
any              true when the audit has findings
total            the number of findings
by_status[]      name, count: the findings per status
open_by_severity[]  name, count: the open and remediating findings per severity
)doc";

constexpr std::string_view k_policies_keys =
    R"doc(policies[]       every policy, by ID: id, title, kind, owner, status, version (in force),
                 pending_version, pending_status, review_every, effective, published,
                 next_review, audience, tags, created, updated; in_force (published),
                 review_overdue (published and next_review past), and for a policy in force
                 acknowledged, expected and coverage ("41 of 52 (79%)") of its audience
any              true when there is at least one policy
total            the number of policies
reviews_overdue  the number of policies in force past their next review
coverage         the acknowledgements of every policy in force together ("41 of 52 (79%)")
by_status[]      name, count: the policies per status
)doc";

constexpr std::string_view k_training_keys =
    R"doc(courses[]        each active course: id, title, assigned, complete, pending, overdue, failed
                 (each person's latest assignment), percent ("80%"; "" when none is assigned)
assigned         assignments over every active course
complete         of which complete
percent          complete of assigned ("80%")
by_team[]        team ("(no team)" for people without one), people, assigned, complete, percent
overdue[]        each assignment past due and not complete: staff, name, team, course, title,
                 due, days (past due)
overdue_people   the number of people with an assignment overdue
any              true when there is an active course
any_overdue      true when someone is overdue
)doc";

constexpr std::string_view k_incident_keys =
    R"doc(incident         the incident: id, title, description, severity, category, status, lead,
                 reporter, occurred_at, detected_at, triaged_at, contained_at, eradicated_at,
                 recovered_at, closed_at, reopened_at, outcome, root_cause, lessons,
                 notify_within, notify_by, notified_at, created, updated
timeline[]       its timeline entries in time order: key, incident, at, actor, kind, text
any_events       true when the timeline has entries
findings[]       the findings that follow up its review (audit finding add --incident), by ID:
                 every finding field (as in audit's findings[]); any_findings
phases[]         name ("contain (detected to contained)"), known (both times recorded),
                 duration ("3h 20m"), seconds
sla.set          true when [incident.sla] gives the severity a containment time
sla.limit        that time ("4h"); sla.deadline: detected_at plus it
sla.contained    true once contained; sla.met: contained within it; sla.breached: not
notification.required  true when a notification deadline is set; notification.within
                 ("72h"), notification.by (the deadline), notification.at (when notified);
                 notification.met, notification.missed, notification.pending
)doc";

constexpr std::array<ReportDef, 6> k_reports{{
    {"board", "the executive summary: posture, key figures against the period's start, top risks, incidents", "",
     k_board_keys, board_report},
    {"risk-register", "every risk with its owner, rating, treatment, review and acceptance", "", k_risk_register_keys,
     risk_register_report},
    {"audit", "one audit: its scope, and its findings with grades and status", "audit", k_audit_keys, audit_report},
    {"policies", "the policies: versions in force, next reviews, acknowledgement coverage", "", k_policies_keys,
     policies_report},
    {"training", "training completion per course and per team, and who is overdue", "", k_training_keys,
     training_report},
    {"incident", "the post-incident review: timeline, phases against the SLA, notification, lessons", "incident",
     k_incident_keys, incident_report},
}};

}  // namespace

const std::string_view k_header_keys =
    R"doc(report           the report's name ("board")
generated        when it was made, as an instant (2026-11-27T09:00:00Z)
generated_date   the day it was made (2026-11-27)
period.since     the first day of the period (--since; 90 days back by default)
period.until     the last day of the period: today
charts.heatmap   (html only) the heat map, an inline SVG drawn by cso: {{{charts.heatmap}}}
charts.by_team   (html only) completion bars per team, likewise
)doc";

namespace {}  // namespace

std::span<const ReportDef> all_reports() {
  return k_reports;
}

const ReportDef& find_report(std::string_view name) {
  std::string names;
  for (const ReportDef& r : k_reports) {
    if (r.name == name) {
      return r;
    }
    names += (names.empty() ? "" : ", ") + std::string(r.name);
  }
  throw usage_error("no report '{}': the reports are {} (cso report list)", name, names);
}

Data report_header(const ReportInput& in, std::string_view name) {
  Data d = Data::object();
  d.set("report", std::string(name));
  d.set("generated", format_instant(in.clock.now));
  d.set("generated_date", format_date(in.clock.now));
  Data period = Data::object();
  period.set("since", format_date(in.since));
  period.set("until", format_date(in.clock.now));
  d.set("period", std::move(period));
  return d;
}

Data counts_data(const Counts& counts) {
  Data list = Data::List{};
  for (const auto& [name, n] : counts.items) {
    Data item = Data::object();
    item.set("name", name);
    item.set("count", n);
    list.push(std::move(item));
  }
  return list;
}

Data record_data(const KindDef& kind, const Record& r) {
  Data d = Data::object();
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    d.set(kind.fields[i].name, kind.fields[i].type == FieldType::id ? display_key(kind, r) : report_text(r, i));
  }
  return d;
}

std::string percent_text(std::int64_t complete, std::int64_t assigned) {
  const auto p = training::percent(complete, assigned);
  return p ? std::to_string(*p) + "%" : std::string();
}

std::string report_text(const Record& r, std::size_t field) {
  if (const auto* n = std::get_if<std::int64_t>(&r.values[field])) {
    return std::to_string(*n);
  }
  return r.text(field);
}

}  // namespace cso
