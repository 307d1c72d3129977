// The post-incident review (`cso report incident ID`): summary, timeline, each phase's
// duration, containment against the severity's SLA, the notification deadline met or missed,
// root cause and lessons.
#include "core/finding.h"
#include "core/incident.h"
#include "core/incident_metrics.h"
#include "core/reports.h"
#include "core/selectors.h"

namespace cso {
namespace {

/// One phase: from one time of the incident to another, when both are recorded.
Data phase(const Record& r, std::string_view name, std::size_t from, std::size_t to) {
  Data d = Data::object();
  d.set("name", std::string(name));
  const auto seconds = incident::span_of(r, from, to);
  const bool known = seconds && *seconds >= 0;
  d.set("known", known);
  d.set("duration", known ? incident::human_duration(*seconds) : std::string());
  d.set("seconds", known ? Data(*seconds) : Data());
  return d;
}

}  // namespace

Data incident_report(const ReportInput& in) {
  using namespace incident;
  const Record r = in.store.get_or_throw(kind(), parse_id(kind(), *in.id, "ID"));
  const std::string key = display_key(kind(), r);
  Data d = report_header(in, "incident");
  d.set("incident", record_data(kind(), r));

  Data timeline = Data::List{};
  for (const Record& e : incident_event::timeline(in.store, key)) {
    timeline.push(record_data(incident_event::kind(), e));
  }
  d.set("any_events", !timeline.list()->empty());
  d.set("timeline", std::move(timeline));

  Data findings = Data::List{};
  for (const Record& f : in.store.all(finding::kind(), select::findings_following(key))) {
    findings.push(record_data(finding::kind(), f));
  }
  d.set("any_findings", !findings.list()->empty());
  d.set("findings", std::move(findings));

  Data phases = Data::List{};
  phases.push(phase(r, "detect (occurred to detected)", occurred_at, detected_at));
  phases.push(phase(r, "triage (detected to triaged)", detected_at, triaged_at));
  phases.push(phase(r, "contain (detected to contained)", detected_at, contained_at));
  phases.push(phase(r, "eradicate (contained to eradicated)", contained_at, eradicated_at));
  phases.push(phase(r, "recover (detected to recovered)", detected_at, recovered_at));
  phases.push(phase(r, "close (detected to closed)", detected_at, closed_at));
  d.set("phases", std::move(phases));

  Data sla = Data::object();
  const auto limit = sla_of(in.config, r.text(severity));
  const auto deadline = sla_deadline(r, in.config);
  sla.set("set", limit.has_value());
  sla.set("limit", limit ? format_duration(*limit) : std::string());
  sla.set("deadline", deadline ? format_instant(*deadline) : std::string());
  const bool contained = !r.is_null(contained_at);
  const bool breached = sla_breached(r, in.config, in.clock);
  sla.set("contained", contained);
  sla.set("met", limit.has_value() && contained && !breached);
  sla.set("breached", breached);
  d.set("sla", std::move(sla));

  Data notice = Data::object();
  const bool required = !r.is_null(notify_by);
  const bool notified = !r.is_null(notified_at);
  const bool missed = required && (notified ? r.text(notified_at) > r.text(notify_by)
                                            : format_instant(in.clock.now) > r.text(notify_by));
  notice.set("required", required);
  notice.set("within", report_text(r, notify_within));
  notice.set("by", report_text(r, notify_by));
  notice.set("at", report_text(r, notified_at));
  notice.set("met", required && notified && !missed);
  notice.set("missed", missed);
  notice.set("pending", required && !notified && !missed);
  d.set("notification", std::move(notice));
  return d;
}

}  // namespace cso
