#include "core/incident.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#include "core/error.h"
#include "core/incident_metrics.h"
#include "core/transitions.h"

namespace cso::incident {
namespace {

constexpr std::array<std::string_view, 4> k_severities{"sev1", "sev2", "sev3", "sev4"};
constexpr std::array<std::string_view, 5> k_outcomes{"true_positive", "false_positive", "duplicate", "benign",
                                                     "indeterminate"};

constexpr unsigned k_list = k_filter | k_sort;

constexpr std::array<FieldDef, field_count> k_fields{{
    {"id", FieldType::id, k_sort | k_key},
    {"title", FieldType::text, k_sort | k_nonempty},
    {"description", FieldType::longtext},
    {"severity", FieldType::choice, k_list, k_severities},
    {"category", FieldType::text, k_list},
    {"status", FieldType::choice, k_list, k_statuses},
    {"lead", FieldType::handle, k_list},
    {"reporter", FieldType::handle, k_list},
    {"occurred_at", FieldType::instant, k_sort},
    {"detected_at", FieldType::instant, k_sort},
    {"triaged_at", FieldType::instant, k_sort},
    {"contained_at", FieldType::instant, k_sort},
    {"eradicated_at", FieldType::instant, k_sort},
    {"recovered_at", FieldType::instant, k_sort},
    {"closed_at", FieldType::instant, k_sort},
    {"reopened_at", FieldType::instant, k_sort},
    {"outcome", FieldType::choice, k_list, k_outcomes},
    {"root_cause", FieldType::longtext},
    {"lessons", FieldType::longtext},
    {"notify_within", FieldType::duration},
    {"notify_by", FieldType::instant, k_sort},
    {"notified_at", FieldType::instant, k_sort},
    {"created", FieldType::instant, k_sort},
    {"updated", FieldType::instant, k_sort},
}};

constexpr std::array<std::size_t, 2> k_tally{status, severity};
constexpr KindDef k_kind{"incident", "INC", "incident", k_fields, k_tally};

/// The statuses each verb may start from (forward moves may skip phases), and where it leads.
constexpr std::array<VerbRule, 6> k_verbs{{
    {"triage", {status_name(Status::new_)}, status_name(Status::triaged)},
    {"contain", {status_name(Status::new_), status_name(Status::triaged)}, status_name(Status::contained)},
    {"eradicate",
     {status_name(Status::new_), status_name(Status::triaged), status_name(Status::contained)},
     status_name(Status::eradicated)},
    {"recover",
     {status_name(Status::new_), status_name(Status::triaged), status_name(Status::contained),
      status_name(Status::eradicated)},
     status_name(Status::recovered)},
    {"close",
     {status_name(Status::new_), status_name(Status::triaged), status_name(Status::contained),
      status_name(Status::eradicated), status_name(Status::recovered)},
     status_name(Status::closed)},
    {"reopen", {status_name(Status::closed)}, status_name(Status::triaged)},
}};

/// The phases whose times order an incident, with what to call each in messages.
struct Phase {
  std::size_t field;
  std::string_view name;
};
constexpr std::array<Phase, 7> k_phases{{
    {detected_at, "detected"},
    {triaged_at, "triaged"},
    {contained_at, "contained"},
    {eradicated_at, "eradicated"},
    {recovered_at, "recovered"},
    {closed_at, "closed"},
    {reopened_at, "reopened"},
}};

/// The latest phase time and its name ("triaged").
std::pair<Instant, std::string_view> latest_phase(const Record& r) {
  std::pair<Instant, std::string_view> out{0, "detected"};
  for (const auto& p : k_phases) {
    if (const auto t = time_of(r, p.field); t && *t >= out.first) {
      out = {*t, p.name};
    }
  }
  return out;
}

void check_not_future(Instant at, const Clock& clock, std::string_view what) {
  if (at > clock.now) {
    throw usage_error("{}: {} is in the future (now is {}); record a phase once it has happened", what,
                      format_instant(at), format_instant(clock.now));
  }
}

std::size_t field_of_status(std::string_view s) {
  for (std::size_t i = 0; i < k_statuses.size(); ++i) {
    if (k_statuses[i] == s) {
      return k_phases[i].field;
    }
  }
  throw std::logic_error("incident: unknown status " + std::string(s));
}

std::string_view verb_to(std::string_view to) {
  for (const auto& rule : k_verbs) {
    if (rule.to == to && rule.verb != "reopen") {
      return rule.verb;
    }
  }
  throw std::logic_error("incident::advance: unknown status " + std::string(to));
}

}  // namespace

const KindDef& kind() {
  return k_kind;
}

void require_status(const Record& r, std::string_view verb) {
  require_one_of(display_key(k_kind, r), r.text(status), fmt::format("incident {}", verb), "an incident",
                 statuses_for(k_verbs, verb));
}

Instant state_time(const Record& r) {
  return latest_phase(r).first;
}

void check_phase_time(const Record& r, Instant at, const Clock& clock, std::string_view what) {
  check_not_future(at, clock, what);
  const auto [last, name] = latest_phase(r);
  if (at < last) {
    throw usage_error("{}: {} is before {}, when {} was {}; a phase cannot precede the previous one", what,
                      format_instant(at), format_instant(last), display_key(k_kind, r), name);
  }
}

void check_event_time(const Record& r, Instant at, const Clock& clock, std::string_view what) {
  if (at > clock.now) {
    throw usage_error("{}: {} is in the future (now is {})", what, format_instant(at), format_instant(clock.now));
  }
  const auto occurred = time_of(r, occurred_at);
  if (occurred && at < *occurred) {
    throw usage_error("{}: {} is before {}, when {} occurred", what, format_instant(at), format_instant(*occurred),
                      display_key(k_kind, r));
  }
}

void touch(Record& r, const Clock& clock) {
  r.set(updated, format_instant(clock.now));
}

void edit(Record& r, const Changes& changes, const Clock& clock, std::vector<Event>& events) {
  // What the timeline records goes first, while the record still holds the old value.
  if (const auto sev = changes.text(k_kind, severity)) {
    set_severity(r, *sev, clock.now, events);
  }
  if (const auto handle = changes.text(k_kind, lead)) {
    set_lead(r, *handle, clock.now, events);
  }
  if (const auto within = changes.text(k_kind, notify_within)) {
    set_notify(r, parse_duration(*within, "--notify-within"), clock.now, events);
  }
  changes.apply(k_kind, r);
  touch(r, clock);
}

Record make(const NewIncident& n, const Clock& clock, std::vector<Event>& events) {
  const Instant detected = n.detected.value_or(clock.now);
  const Instant occurred = n.occurred.value_or(detected);
  if (detected > clock.now) {
    throw usage_error("--detected: {} is in the future (now is {})", format_instant(detected),
                      format_instant(clock.now));
  }
  if (occurred > detected) {
    throw usage_error("--occurred: {} is after the detection at {}; an incident occurs before it is detected",
                      format_instant(occurred), format_instant(detected));
  }
  Record r = empty_record(k_kind);
  r.set(title, n.title);
  r.set(severity, n.severity);
  r.set(status, status_value(Status::new_));
  if (n.category) {
    r.set(category, *n.category);
  }
  if (n.description) {
    r.set(description, *n.description);
  }
  if (n.reporter) {
    r.set(reporter, *n.reporter);
  }
  if (n.lead) {
    r.set(lead, *n.lead);
  }
  r.set(occurred_at, format_instant(occurred));
  r.set(detected_at, format_instant(detected));
  r.set(created, format_instant(clock.now));
  touch(r, clock);
  std::string text = "opened as " + n.severity;
  text += n.lead ? ", lead " + *n.lead : "";
  text += n.reporter ? ", reported by " + *n.reporter : "";
  events.push_back({detected, "status", std::move(text)});
  if (n.notify_within) {
    set_notify(r, *n.notify_within, detected, events);
  }
  return r;
}

void set_severity(Record& r, const std::string& sev, Instant at, std::vector<Event>& events) {
  if (r.text(severity) == sev) {
    return;
  }
  events.push_back({at, "severity", r.text(severity) + " → " + sev});
  r.set(severity, sev);
}

void set_lead(Record& r, const std::string& handle, Instant at, std::vector<Event>& events) {
  if (r.text(lead) == handle) {
    return;
  }
  events.push_back({at, "lead", (r.is_null(lead) ? std::string("none") : r.text(lead)) + " → " + handle});
  r.set(lead, handle);
}

void set_notify(Record& r, const Duration& within, Instant at, std::vector<Event>& events) {
  const Instant detected = time_of(r, detected_at).value_or(at);
  const std::string by = format_instant(add(detected, within));
  if (r.text(notify_by) == by && r.text(notify_within) == format_duration(within)) {
    return;
  }
  r.set(notify_within, format_duration(within));
  r.set(notify_by, by);
  events.push_back(
      {at, "notify", fmt::format("notification due by {} ({} after detection)", by, format_duration(within))});
}

void advance(Record& r, std::string_view to, Instant at, const Clock& clock, std::vector<Event>& events) {
  require_status(r, verb_to(to));
  check_phase_time(r, at, clock, "--at");
  events.push_back({at, "status", r.text(status) + " → " + std::string(to)});
  r.set(status, std::string(to));
  r.set(field_of_status(to), format_instant(at));
  touch(r, clock);
}

void close(Record& r, const Closing& c, Instant at, const Clock& clock, std::vector<Event>& events) {
  require_status(r, "close");
  const bool serious = r.text(severity) == "sev1" || r.text(severity) == "sev2";
  if (serious && c.outcome == "true_positive") {
    std::vector<std::string_view> missing;
    if (!c.root_cause && r.is_null(root_cause)) {
      missing.push_back("--root-cause");
    }
    if (!c.lessons && r.is_null(lessons)) {
      missing.push_back("--lessons");
    }
    if (!missing.empty()) {
      throw usage_error(
          "{}: {} is a {} true positive; closing it needs the root cause and the lessons learned (a post-incident "
          "review)",
          fmt::join(missing, " and "), display_key(k_kind, r), r.text(severity));
    }
  }
  advance(r, "closed", at, clock, events);
  events.back().text += " (" + c.outcome + ")";
  r.set(outcome, c.outcome);
  if (c.root_cause) {
    r.set(root_cause, *c.root_cause);
  }
  if (c.lessons) {
    r.set(lessons, *c.lessons);
  }
}

void reopen(Record& r, Instant at, const Clock& clock, std::vector<Event>& events) {
  require_status(r, "reopen");
  check_phase_time(r, at, clock, "--at");
  events.push_back({at, "status", "closed → triaged (reopened)"});
  r.set(status, status_value(Status::triaged));
  r.set(reopened_at, format_instant(at));
  for (const auto f : {contained_at, eradicated_at, recovered_at, closed_at, outcome}) {
    r.set_null(f);
  }
  touch(r, clock);
}

void notified(Record& r, Instant at, const Clock& clock, std::vector<Event>& events) {
  const std::string key = display_key(k_kind, r);
  const auto by = time_of(r, notify_by);
  if (!by) {
    throw conflict_error(
        "{} has no notification deadline; set one with 'cso incident triage {} --notify-within 72h' "
        "or 'cso incident edit {} --notify-within 72h'",
        key, key, key);
  }
  if (!r.is_null(notified_at)) {
    throw conflict_error("{}: the notification was already recorded, at {}", key, r.text(notified_at));
  }
  check_event_time(r, at, clock, "--at");
  r.set(notified_at, format_instant(at));
  touch(r, clock);
  const std::string margin =
      at <= *by ? human_duration(*by - at) + " before the deadline" : human_duration(at - *by) + " after the deadline";
  events.push_back({at, "notify", fmt::format("notification made, {} ({})", margin, format_instant(*by))});
}

bool uncontained(const Record& r) {
  return has_status(r, Status::new_) || has_status(r, Status::triaged);
}

std::optional<Instant> containment_time(const Record& r) {
  for (const auto f : {contained_at, eradicated_at, recovered_at}) {
    if (const auto t = time_of(r, f)) {
      return t;
    }
  }
  return std::nullopt;
}

bool notification_pending(const Record& r) {
  if (r.is_null(notify_by) || !r.is_null(notified_at)) {
    return false;
  }
  const std::string& how = r.text(outcome);
  return !(has_status(r, Status::closed) && (how == "false_positive" || how == "duplicate" || how == "benign"));
}

Query make_query(const ListFilter& f) {
  Query q;
  if (f.open_only) {
    q.where.push_back({status, Op::ne, {status_value(Status::closed)}, {}});
  }
  where_one_of(q, severity, f.severity);
  where_one_of(q, status, f.status);
  where_one_of(q, lead, f.lead);
  if (f.since) {
    q.where.push_back({detected_at, Op::ge, {format_instant(*f.since)}, {}});
  }
  return q;
}

std::optional<Instant> time_of(const Record& r, std::size_t field) {
  return r.is_null(field) ? std::nullopt : parse_stored(r.text(field));
}

std::optional<std::int64_t> span_of(const Record& r, std::size_t from, std::size_t to) {
  const auto a = time_of(r, from);
  const auto b = time_of(r, to);
  if (!a || !b) {
    return std::nullopt;
  }
  return *b - *a;
}

}  // namespace cso::incident
