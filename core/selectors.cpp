#include "core/selectors.h"

#include "core/audit.h"
#include "core/cert.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/policy.h"
#include "core/risk.h"
#include "core/staff.h"
#include "core/training.h"

namespace cso::select {
namespace {

Value text(std::string_view s) {
  return Value{std::string(s)};
}

Condition is(std::size_t field, std::string_view value) {
  return {field, Op::eq, {text(value)}, {}};
}
Condition is_not(std::size_t field, std::string_view value) {
  return {field, Op::ne, {text(value)}, {}};
}
Condition before(std::size_t field, std::string_view value) {
  return {field, Op::lt, {text(value)}, {}};
}
Condition by(std::size_t field, std::string_view value) {
  return {field, Op::le, {text(value)}, {}};
}
Condition any_of(std::size_t field, std::initializer_list<std::string_view> values) {
  Condition c{field, Op::in, {}, {}};
  for (const auto v : values) {
    c.values.push_back(text(v));
  }
  return c;
}

/// A query the caller orders itself (rules, counts): a store may read it in any order.
Query unordered(std::vector<Condition> where) {
  Query q;
  q.where = std::move(where);
  q.unordered = true;
  return q;
}

Query ordered(std::vector<Condition> where) {
  Query q;
  q.where = std::move(where);
  return q;
}

}  // namespace

Query all_staff() {
  return ordered({});
}

Query active_staff() {
  return ordered({is(staff::status, status_name(staff::Status::active))});
}

Query inactive_staff() {
  Query q = unordered({is_not(staff::status, status_name(staff::Status::active))});
  q.fields = {staff::handle};
  return q;
}

Query reports_of(std::string_view manager) {
  Query q = ordered({is(staff::status, status_name(staff::Status::active)), is(staff::manager, manager)});
  q.fields = {staff::handle};
  return q;
}

Query certs_of(std::string_view handle) {
  return ordered({is(cert::staff, handle)});
}
Query certs_expiring_by(std::string_view date) {
  return ordered({by(cert::expires, date)});
}

Query published_policies() {
  return unordered({is(policy::status, status_name(policy::Status::published))});
}

Query policies_review_due(std::string_view horizon) {
  return unordered({is(policy::status, status_name(policy::Status::published)), by(policy::next_review, horizon)});
}

Query policies_published_by(std::string_view date) {
  return unordered({is(policy::status, status_name(policy::Status::published)), by(policy::published, date)});
}

Query versions_of(std::string_view policy_key) {
  Query q = ordered({is(policy_version::policy, policy_key)});
  q.sort = {{policy_version::version, false}};
  return q;
}

Query acks_of(std::string_view policy_key) {
  return unordered({is(policy_ack::policy, policy_key)});
}

Query acks_of_version(std::string_view policy_key, std::int64_t version) {
  return unordered({is(policy_ack::policy, policy_key), {policy_ack::version, Op::eq, {version}, {}}});
}

Query risks_not_closed() {
  return ordered({is_not(risk::status, status_name(risk::Status::closed))});
}

Query risks_review_due(std::string_view horizon) {
  // Each status not closed by name: a range per status over (status, next_review).
  return unordered({any_of(risk::status, {status_name(risk::Status::open), status_name(risk::Status::treating),
                                          status_name(risk::Status::accepted)}),
                    by(risk::next_review, horizon)});
}

Query risks_acceptance_due(std::string_view horizon) {
  return unordered({is(risk::status, status_name(risk::Status::accepted)), by(risk::accepted_until, horizon)});
}

Query risks_untreated(std::int64_t min_score, std::string_view created_by) {
  return unordered({is(risk::status, status_name(risk::Status::open)),
                    {risk::score, Op::ge, {min_score}, {}},
                    by(risk::created, created_by)});
}

Query risks_treatment_overdue(std::string_view today) {
  return unordered({is(risk::status, status_name(risk::Status::treating)), before(risk::due, today)});
}

Query incidents_running() {
  return unordered(
      {any_of(incident::status, {status_name(incident::Status::new_), status_name(incident::Status::triaged)})});
}

Query incidents_major_open() {
  Query q = ordered(
      {is_not(incident::status, status_name(incident::Status::closed)), any_of(incident::severity, {"sev1", "sev2"})});
  q.sort = {{incident::severity, false}};
  return q;
}

Query incidents_of_period(std::string_view from) {
  const Condition detected{incident::detected_at, Op::ge, {text(from)}, {}};
  const Condition closed{incident::closed_at, Op::ge, {text(from)}, {}};
  return ordered(
      {Condition{0, Op::eq, {}, {detected, closed, is_not(incident::status, status_name(incident::Status::closed))}}});
}

Query incidents_contained_between(std::string_view from, std::string_view to) {
  return unordered({Condition{incident::contained_at, Op::ge, {text(from)}, {}}, by(incident::contained_at, to)});
}

Query notifications_pending() {
  return unordered({{incident::notify_by, Op::not_null, {}, {}}, {incident::notified_at, Op::is_null, {}, {}}});
}

Query events_of(std::string_view incident_key) {
  return ordered({is(incident_event::incident, incident_key)});
}

Query findings_of(std::string_view audit_key) {
  return ordered({is(finding::audit, audit_key)});
}

Query findings_open_of(std::string_view audit_key) {
  return ordered({is(finding::audit, audit_key), any_of(finding::status, {status_name(finding::Status::open),
                                                                          status_name(finding::Status::remediating)})});
}

Query findings_following(std::string_view incident_key) {
  return ordered({is(finding::incident, incident_key)});
}

Query findings_open() {
  return ordered(
      {any_of(finding::status, {status_name(finding::Status::open), status_name(finding::Status::remediating)})});
}

Query findings_past_due(std::string_view today) {
  return unordered(
      {any_of(finding::status, {status_name(finding::Status::open), status_name(finding::Status::remediating)}),
       before(finding::due, today)});
}

Query findings_acceptance_expired(std::string_view today) {
  return unordered(
      {is(finding::status, status_name(finding::Status::accepted)), before(finding::accepted_until, today)});
}

Query active_courses() {
  return ordered({is(training::course::status, status_name(training::course::Status::active))});
}

Query assignments_of(std::string_view course_key) {
  return unordered({is(training::assignment::course, course_key)});
}

Query assignments_overdue(std::string_view today) {
  return unordered(
      {{training::assignment::completed_on, Op::is_null, {}, {}}, before(training::assignment::due, today)});
}

}  // namespace cso::select
