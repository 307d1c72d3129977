#include "core/status.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "core/audit.h"
#include "core/cert.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/incident_metrics.h"
#include "core/risk.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/store_check_source.h"
#include "core/training.h"

namespace cso::status {
namespace {

namespace course = training::course;
namespace assignment = training::assignment;

std::set<std::string> inactive_handles(Reader& reader) {
  std::set<std::string> out;
  reader.each(staff::kind(), select::inactive_staff(), [&](const Record& r) { out.insert(r.text(staff::handle)); });
  return out;
}

/// How many groups name an active person (the staff handle is the group's last value).
std::int64_t active_groups(const std::vector<GroupCount>& groups, const std::set<std::string>& gone) {
  std::int64_t n = 0;
  for (const auto& g : groups) {
    const auto* handle = std::get_if<std::string>(&g.values.back());
    n += handle != nullptr && !gone.contains(*handle) ? 1 : 0;
  }
  return n;
}

/// The deadlines of the incidents `q` selects, soonest first: the containment SLA's, or
/// (`notification`) the pending notification's.
std::vector<Deadline> deadlines(Reader& reader, const Query& q, const Config& config, bool notification) {
  std::vector<Deadline> out;
  reader.each(incident::kind(), q, [&](Record& r) {
    const auto due =
        notification ? (incident::notification_pending(r) ? parse_stored(r.text(incident::notify_by)) : std::nullopt)
                     : incident::sla_deadline(r, config);
    if (due) {
      out.push_back({display_key(incident::kind(), r), r.text(incident::severity), r.text(incident::title), *due});
    }
  });
  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) { return a.due < b.due; });
  return out;
}

/// "course IN (every active course)": the assignments training completion counts.
Condition of_active_courses(Reader& reader) {
  Condition c{assignment::course, Op::in, {}, {}};
  Query courses = select::active_courses();
  courses.fields = {course::id};
  reader.each(course::kind(), courses, [&](const Record& r) { c.values.emplace_back(display_key(course::kind(), r)); });
  return c;
}

/// At most one open assignment per person and course, so pairs − open pairs = complete.
const Condition k_open_assignment{assignment::completed_on, Op::is_null, {}, {}};
const std::vector<std::size_t> k_pair{assignment::course, assignment::staff};

}  // namespace

People people(Reader& reader) {
  const Counts c = counts_by_first(reader.tally(staff::kind()), {"active", "inactive"});
  return {c.items[0].second, c.items[1].second};
}

Certifications certifications(Reader& reader, const Config& config, const Clock& clock) {
  // Counts per holder, read from the indexes; inactive holders (few) are left out.
  const auto inactive = inactive_handles(reader);
  const auto active_total = [&](const std::vector<Condition>& where) {
    std::int64_t n = 0;
    for (const auto& g : reader.count_by(cert::kind(), {cert::staff}, where)) {
      const auto* holder = std::get_if<std::string>(&g.values[0]);
      n += holder != nullptr && inactive.contains(*holder) ? 0 : g.count;
    }
    return n;
  };
  const std::string today = format_date(clock.now);
  const std::string horizon = format_date(add(clock.now, config.check_cert_warn_within));
  Certifications out;
  out.held = active_total({});
  out.expired = active_total({{cert::expires, Op::lt, {today}, {}}});
  out.expiring = active_total({{cert::expires, Op::ge, {today}, {}}, {cert::expires, Op::le, {horizon}, {}}});
  return out;
}

Risks risks(Reader& reader, const Config& config) {
  auto [by_status, by_level] = risk::status_and_level_counts(reader.tally(risk::kind()), config);
  return {std::move(by_status), std::move(by_level)};
}

Policies policies(Store& store, const Config& config, const Clock& clock) {
  Reader& reader = store;
  StoreCheckSource source(store);
  Policies out;
  out.by_status = counts_by_first(reader.tally(policy::kind()), policy::statuses());
  out.in_review = counts_by_first(reader.tally(policy_version::kind()), {"in_review"}).items[0].second;
  out.review_due =
      reader.count(policy::kind(), select::policies_review_due(format_date(add(clock.now, config.check_warn_within))));
  // Acknowledgements of the versions in force, against their audiences.
  Query published = select::published_policies();
  published.fields = {policy::id, policy::version, policy::audience};
  std::map<std::string, std::vector<std::string>> members;
  reader.each(policy::kind(), published, [&](const Record& p) {
    const auto c = policy::ack_coverage(source, p, members);
    out.acknowledgements.acknowledged += c.acknowledged;
    out.acknowledgements.expected += c.expected;
  });
  return out;
}

Training training(Reader& reader, const Clock& clock) {
  Training out;
  out.courses = counts_by_first(reader.tally(course::kind()), {"active", "retired"});
  const Condition active_courses = of_active_courses(reader);
  const auto gone = inactive_handles(reader);
  const Condition past_due{assignment::due, Op::lt, {format_date(clock.now)}, {}};
  out.assigned = active_groups(reader.count_by(assignment::kind(), k_pair, {active_courses}), gone);
  const auto pending =
      active_groups(reader.count_by(assignment::kind(), k_pair, {active_courses, k_open_assignment}), gone);
  out.overdue_people = active_groups(
      reader.count_by(assignment::kind(), {assignment::staff}, {active_courses, k_open_assignment, past_due}), gone);
  out.complete = out.assigned - pending;
  out.percent = training::percent(out.complete, out.assigned);
  return out;
}

std::vector<TeamTraining> training_by_team(Reader& reader) {
  std::map<std::string, std::string> team_of;  // active staff
  Query people = select::active_staff();
  people.unordered = true;
  people.fields = {staff::handle, staff::team};
  reader.each(staff::kind(), people, [&](const Record& r) { team_of[r.text(staff::handle)] = r.text(staff::team); });
  const Condition active_courses = of_active_courses(reader);
  struct Pairs {
    std::int64_t assigned = 0, open = 0;
  };
  std::map<std::string, Pairs> teams;
  const auto tally = [&](const std::vector<Condition>& where, std::int64_t Pairs::*member) {
    for (const auto& g : reader.count_by(assignment::kind(), k_pair, where)) {
      const auto* handle = std::get_if<std::string>(&g.values[1]);
      const auto it = handle != nullptr ? team_of.find(*handle) : team_of.end();
      if (it != team_of.end()) {
        ++(teams[it->second].*member);
      }
    }
  };
  tally({active_courses}, &Pairs::assigned);
  tally({active_courses, k_open_assignment}, &Pairs::open);
  std::vector<TeamTraining> out;
  for (const auto& [name, p] : teams) {
    out.push_back({name, p.assigned, p.assigned - p.open});
  }
  return out;
}

std::vector<Record> expired_certifications(Reader& reader, const Clock& clock) {
  const auto gone = inactive_handles(reader);
  std::vector<Record> out;
  reader.each(cert::kind(), select::certs_expiring_by(format_date(clock.now - 86400)), [&](const Record& r) {
    if (!gone.contains(r.text(cert::staff))) {
      out.push_back(r);
    }
  });
  return out;
}

Incidents incidents(Reader& reader, const Config& config, std::size_t major_limit) {
  Incidents out;
  const auto groups = reader.tally(incident::kind());
  out.by_status = counts_by_first(groups, {"new", "triaged", "contained", "eradicated", "recovered", "closed"});
  for (const auto* sev : {"sev1", "sev2", "sev3", "sev4"}) {
    std::int64_t n = 0;
    for (const auto& g : groups) {
      const auto* s = std::get_if<std::string>(&g.values[0]);
      const auto* v = g.values.size() > 1 ? std::get_if<std::string>(&g.values[1]) : nullptr;
      n += s != nullptr && *s != "closed" && v != nullptr && *v == sev ? g.count : 0;
    }
    out.open_by_severity.items.emplace_back(sev, n);
    out.open_by_severity.total += n;
  }
  Query major = select::incidents_major_open();
  major.limit = static_cast<std::int64_t>(major_limit);
  major.fields = {incident::id, incident::title, incident::severity, incident::status};
  reader.each(incident::kind(), major, [&](Record& r) {
    out.major.push_back({display_key(incident::kind(), r), r.text(incident::severity), r.text(incident::status),
                         r.text(incident::title)});
  });
  Query running = select::incidents_running();
  running.fields = {incident::id, incident::title, incident::severity, incident::status, incident::detected_at};
  out.sla = deadlines(reader, running, config, false);
  out.notifications = deadlines(reader, select::notifications_pending(), config, true);
  return out;
}

Findings findings(Reader& reader, const Clock& clock) {
  Findings out;
  auto [by_status, open] = finding::status_and_severity_counts(reader.tally(finding::kind()));
  out.by_status = std::move(by_status);
  out.open_by_severity = std::move(open);
  const auto statuses = audit::statuses();
  out.audits = counts_by_first(reader.tally(audit::kind()), {statuses.begin(), statuses.end()});
  // Findings open or remediating past due, plus accepted past accepted_until (two index ranges).
  const std::string today = format_date(clock.now);
  out.overdue = reader.count(finding::kind(), select::findings_past_due(today)) +
                reader.count(finding::kind(), select::findings_acceptance_expired(today));
  return out;
}

CheckResult attention(Store& store, const Config& config, const Clock& clock, std::optional<std::size_t> keep) {
  std::vector<std::string> rules;
  for (const Rule& r : all_rules()) {
    if (r.id != "journal.integrity") {
      rules.emplace_back(r.id);
    }
  }
  StoreCheckSource source(store);
  return run_checks(source, config, clock, rules, keep);
}

Overview overview(Store& store, const Config& config, const Clock& clock, std::size_t major_limit) {
  Overview out;
  out.staff = people(store);
  out.certifications = certifications(store, config, clock);
  out.risks = risks(store, config);
  out.policies = policies(store, config, clock);
  out.training = training(store, clock);
  out.incidents = incidents(store, config, major_limit);
  out.findings = findings(store, clock);
  out.attention = attention(store, config, clock);
  return out;
}

}  // namespace cso::status
