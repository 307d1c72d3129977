#include "core/finding.h"

#include <array>
#include <stdexcept>

#include "core/audit.h"
#include "core/error.h"
#include "core/incident.h"
#include "core/transitions.h"

namespace cso::finding {
namespace {

constexpr std::array<std::string_view, 4> k_severities{"low", "medium", "high", "critical"};
constexpr std::array<std::string_view, 4> k_by_severity{"critical", "high", "medium", "low"};
constexpr std::array<std::string_view, 4> k_grades{"major_nc", "minor_nc", "observation", "ofi"};
constexpr std::array<std::string_view, 2> k_open{"open", "remediating"};

constexpr unsigned k_list = k_filter | k_sort;

constexpr std::array<FieldDef, field_count> k_fields{{
    {"id", FieldType::id, k_sort | k_key},
    {"audit", FieldType::text, k_list},
    {"incident", FieldType::text, k_list},
    {"title", FieldType::text, k_sort | k_nonempty},
    {"description", FieldType::longtext, 0},
    {"severity", FieldType::choice, k_list, k_severities},
    {"grade", FieldType::choice, k_list, k_grades},
    {"owner", FieldType::handle, k_list},
    {"due", FieldType::date, k_sort},
    {"status", FieldType::choice, k_list, k_statuses},
    {"plan", FieldType::longtext, 0},
    {"resolution", FieldType::longtext, 0},
    {"verified_by", FieldType::handle, k_list},
    {"verified_at", FieldType::instant, k_sort},
    {"accepted_by", FieldType::handle, k_list},
    {"accepted_until", FieldType::date, k_sort},
    {"accept_reason", FieldType::longtext, 0},
    {"created", FieldType::instant, k_sort},
    {"updated", FieldType::instant, k_sort},
}};

constexpr std::array<std::size_t, 2> k_tally{status, severity};
constexpr KindDef k_kind{"finding", "FND", "finding", k_fields, k_tally};

/// The statuses each verb may start from (SPEC §4 audit).
constexpr std::array<VerbRule, 6> k_verbs{{
    {"remediate", {status_name(Status::open), status_name(Status::remediating)}, status_name(Status::remediating)},
    {"resolve", {status_name(Status::open), status_name(Status::remediating)}, status_name(Status::resolved)},
    {"verify", {status_name(Status::resolved)}, status_name(Status::verified)},
    {"accept",
     {status_name(Status::open), status_name(Status::remediating), status_name(Status::accepted)},
     status_name(Status::accepted)},
    {"reopen",
     {status_name(Status::resolved), status_name(Status::verified), status_name(Status::accepted)},
     status_name(Status::open)},
    {"edit",
     {status_name(Status::open), status_name(Status::remediating), status_name(Status::resolved),
      status_name(Status::accepted)}},
}};

}  // namespace

const KindDef& kind() {
  return k_kind;
}
std::span<const std::string_view> statuses() {
  return k_statuses;
}
std::span<const std::string_view> severities() {
  return k_by_severity;
}
std::span<const std::string_view> open_statuses() {
  return k_open;
}

void touch(Record& r, const Clock& clock) {
  r.set(updated, format_instant(clock.now));
}

namespace {

std::string required_text(std::size_t field, std::string_view text, std::string_view what, std::string_view needs) {
  auto v = std::get<std::string>(parse_field_value(k_kind, field, text, what, Clock{}));
  if (blank(v)) {
    throw usage_error("{}: {}", what, needs);
  }
  return v;
}

}  // namespace

std::string parse_plan(std::string_view text, std::string_view what) {
  return required_text(plan, text, what, "a remediation needs a plan");
}

std::string parse_resolution(std::string_view text, std::string_view what) {
  return required_text(resolution, text, what, "say how it was resolved");
}

std::string open_audit(Reader& reader, std::string_view text) {
  const Record a = reader.get_or_throw(cso::audit::kind(), parse_id(cso::audit::kind(), text, "--audit"));
  cso::audit::require_status(a, "finding add");
  return display_key(cso::audit::kind(), a);
}

std::string followed_incident(Reader& reader, std::string_view text, std::string_view what) {
  const Record i = reader.get_or_throw(cso::incident::kind(), parse_id(cso::incident::kind(), text, what));
  return display_key(cso::incident::kind(), i);
}

void edit(Reader& reader, Record& r, const Changes& changes, const Clock& clock) {
  require_status(r, "edit");
  const auto moved_to = changes.text(k_kind, audit);
  const auto to_audit = moved_to ? std::optional(open_audit(reader, *moved_to)) : std::nullopt;
  const auto follows = changes.text(k_kind, incident);
  const auto to_incident = follows ? std::optional(followed_incident(reader, *follows, "--incident")) : std::nullopt;
  changes.apply(k_kind, r);
  if (to_audit) {
    r.set(audit, *to_audit);
  }
  if (to_incident) {
    r.set(incident, *to_incident);
  }
  touch(r, clock);
}

Record make(const NewFinding& n, const Clock& clock) {
  Record r = empty_record(k_kind);
  if (n.audit) {
    r.set(audit, *n.audit);
  }
  if (n.incident) {
    r.set(incident, *n.incident);
  }
  r.set(title, n.title);
  if (n.description) {
    r.set(description, *n.description);
  }
  r.set(severity, n.severity);
  if (n.grade) {
    r.set(grade, *n.grade);
  }
  r.set(owner, n.owner);
  r.set(due, n.due);
  r.set(status, status_value(Status::open));
  r.set(created, format_instant(clock.now));
  touch(r, clock);
  return r;
}

void require_status(const Record& r, std::string_view verb) {
  require_one_of(display_key(k_kind, r), r.text(status), fmt::format("audit finding {}", verb), "a finding",
                 statuses_for(k_verbs, verb));
}

namespace {

void clear_acceptance(Record& r) {
  r.set_null(accepted_by);
  r.set_null(accepted_until);
  r.set_null(accept_reason);
}

}  // namespace

void remediate(Record& r, std::string new_plan, const Clock& clock) {
  move_to(r, status, k_verbs, "remediate");
  r.set(plan, std::move(new_plan));
  touch(r, clock);
}

void resolve(Record& r, std::string new_resolution, const Clock& clock) {
  move_to(r, status, k_verbs, "resolve");
  r.set(resolution, std::move(new_resolution));
  touch(r, clock);
}

void verify(Record& r, std::string_view verifier, const Clock& clock) {
  forbid_owner(k_kind, r, owner, verifier, "verify");
  move_to(r, status, k_verbs, "verify");
  r.set(verified_by, std::string(verifier));
  r.set(verified_at, format_instant(clock.now));
  touch(r, clock);
}

void accept(Record& r, std::string until, std::string_view approver, std::string reason, const Clock& clock) {
  forbid_owner(k_kind, r, owner, approver, "accept");
  move_to(r, status, k_verbs, "accept");
  r.set(accepted_by, std::string(approver));
  r.set(accepted_until, std::move(until));
  r.set(accept_reason, std::move(reason));
  touch(r, clock);
}

void reopen(Record& r, const Clock& clock) {
  move_to(r, status, k_verbs, "reopen");
  r.set_null(resolution);
  r.set_null(verified_by);
  r.set_null(verified_at);
  clear_acceptance(r);
  touch(r, clock);
}

std::pair<Counts, Counts> status_and_severity_counts(const std::vector<GroupCount>& groups) {
  const Counts by_status = counts_by_first(groups, {k_statuses.begin(), k_statuses.end()});
  Counts open;
  for (const auto name : k_by_severity) {
    std::int64_t n = 0;
    for (const auto& g : groups) {
      const bool is_open = !g.values.empty() && (g.values[0] == Value{"open"} || g.values[0] == Value{"remediating"});
      n += is_open && g.values.size() > 1 && g.values[1] == Value{std::string(name)} ? g.count : 0;
    }
    open.items.emplace_back(name, n);
    open.total += n;
  }
  return {by_status, open};
}

std::optional<std::string> overdue_date(const Record& r, const Clock& clock) {
  const std::string today = format_date(clock.now);
  const std::string& s = r.text(status);
  if ((s == "open" || s == "remediating") && !r.is_null(due) && r.text(due) < today) {
    return r.text(due);
  }
  if (s == "accepted" && !r.is_null(accepted_until) && r.text(accepted_until) < today) {
    return r.text(accepted_until);
  }
  return std::nullopt;
}

Condition overdue_condition(const Clock& clock) {
  // Query conditions are ANDed at the top level only, so this selects a superset: findings
  // open, remediating or accepted with either date past. overdue_date decides.
  const std::string today = format_date(clock.now);
  Condition c;
  c.any.push_back(Condition{due, Op::lt, {today}, {}});
  c.any.push_back(Condition{accepted_until, Op::lt, {today}, {}});
  return c;
}

Query make_query(const ListFilter& f, const Clock& clock) {
  Query q;
  where_one_of(q, audit, f.audit);
  where_one_of(q, incident, f.incident);
  where_one_of(q, owner, f.owner);
  where_one_of(q, severity, f.severity);
  where_one_of(q, status, f.status);
  where_one_of(q, grade, f.grade);
  if (f.open) {
    where_one_of(q, status, {k_open.begin(), k_open.end()});
  }
  if (f.overdue) {
    where_one_of(q, status,
                 {std::string(status_name(Status::open)), std::string(status_name(Status::remediating)),
                  std::string(status_name(Status::accepted))});
    q.where.push_back(overdue_condition(clock));
  }
  return q;
}

}  // namespace cso::finding
