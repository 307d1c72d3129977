// The domain's workflows over the store port (removal, offboarding, acknowledgement, training),
// each run on an in-memory store inside one transaction, as the commands run them.
#include <doctest/doctest.h>

#include <functional>

#include "core/audit.h"
#include "core/cert.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/ownership.h"
#include "core/policy.h"
#include "core/policy_service.h"
#include "core/removal.h"
#include "core/risk.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/staff_service.h"
#include "core/training_service.h"
#include "storage/open.h"
#include "tests/unit/test_support.h"

using namespace cso;
using test::code_of;
using namespace std::string_literals;

namespace {

constexpr Instant k_now = 1795770000;  // 2026-11-27T09:00:00Z
constexpr Instant k_day = 86400;
const Clock k_clock{k_now};
const Actor k_actor{"carol", k_now};

/// A store with alice, bob (active) and eve (offboarded).
std::unique_ptr<Store> people() {
  auto store = storage::in_memory_store();
  auto tx = store->begin(k_actor);
  for (const auto* h : {"alice", "bob", "eve"}) {
    Record s = empty_record(staff::kind());
    s.set(staff::handle, std::string(h));
    s.set(staff::name, std::string("Person ") + h);
    s.set(staff::team, "security"s);
    s.set(staff::status, std::string(std::string_view(h) == "eve" ? "inactive" : "active"));
    tx->insert(staff::kind(), s, "staff.add");
  }
  tx->commit();
  return store;
}

Record an_incident(Transaction& tx, const std::string& lead) {
  incident::NewIncident n;
  n.title = "Phishing wave";
  n.severity = "sev2";
  n.lead = lead;
  std::vector<incident::Event> events;
  Record r = incident::make(n, k_clock, events);
  tx.insert(incident::kind(), r, "incident.open");
  incident_event::append(tx, display_key(incident::kind(), r), events, k_actor.handle, "incident.open");
  return r;
}

std::int64_t entries(Store& store, const std::string& action) {
  std::int64_t n = 0;
  LogFilter f;
  f.action = action;
  store.each_entry(f, [&](const JournalEntry&) { ++n; });
  return n;
}

}  // namespace

TEST_CASE("removal: a record goes with its parts, each journalled; blockers keep it") {
  auto store = people();
  auto tx = store->begin(k_actor);
  const Record inc = an_incident(*tx, "alice");
  const std::string key = display_key(incident::kind(), inc);
  incident_event::append(*tx, key, {{k_now, "note", "called the bank"}}, "alice", "incident.note");
  CHECK(tx->count(incident_event::kind(), select::events_of(key)) >= 2);
  const auto parts = tx->count(incident_event::kind(), select::events_of(key));
  remove_with_parts(*tx, removal_of(incident::kind()), inc.values[incident::id]);
  CHECK(tx->count(incident_event::kind(), select::events_of(key)) == 0);
  CHECK_FALSE(tx->get(incident::kind(), inc.values[incident::id]));
  tx->commit();
  CHECK(entries(*store, "incident.rm") == parts + 1);

  // An audit with a finding stays (conflict); without it, it goes.
  auto tx2 = store->begin(k_actor);
  audit::NewAudit a;
  a.title = "ISO 27001";
  Record au = audit::make(a, k_clock);
  tx2->insert(audit::kind(), au, "audit.plan");
  finding::NewFinding f;
  f.title = "No MFA";
  f.severity = "high";
  f.owner = "bob";
  f.due = "2026-12-31";
  f.audit = display_key(audit::kind(), au);
  Record fnd = finding::make(f, k_clock);
  tx2->insert(finding::kind(), fnd, "finding.add");
  CHECK(code_of([&] { remove_with_parts(*tx2, removal_of(audit::kind()), au.values[audit::id]); }) ==
        ExitCode::conflict);
  remove_with_parts(*tx2, removal_of(finding::kind()), fnd.values[finding::id]);
  remove_with_parts(*tx2, removal_of(audit::kind()), au.values[audit::id]);
  CHECK(code_of([&] { remove_with_parts(*tx2, removal_of(risk::kind()), Value{std::int64_t{99}}); }) ==
        ExitCode::not_found);
  tx2->commit();
  CHECK(store->verify().problems.empty());
}

TEST_CASE("offboarding: open items move, an incident's timeline records its new lead") {
  auto store = people();
  auto tx = store->begin(k_actor);
  const Record inc = an_incident(*tx, "alice");
  risk::NewRisk n;
  n.title = "Ransomware";
  n.likelihood = 4;
  n.impact = 5;
  n.owner = "alice";
  Record r = risk::make(n, Config{}, k_clock);
  tx->insert(risk::kind(), r, "risk.add");
  auto items = open_items(*tx, owned_kinds(), "alice");
  REQUIRE(items.size() == 2);
  CHECK(items[0].owned->kind == &risk::kind());
  CHECK(items[1].owned->kind == &incident::kind());
  const std::string key = display_key(incident::kind(), inc);
  const auto before = tx->count(incident_event::kind(), select::events_of(key));
  reassign_all(*tx, items, "bob", k_actor, "offboarding alice");
  CHECK(tx->get_or_throw(risk::kind(), r.values[risk::id]).text(risk::owner) == "bob");
  CHECK(tx->get_or_throw(incident::kind(), inc.values[incident::id]).text(incident::lead) == "bob");
  const auto timeline = incident_event::timeline(*tx, key);
  REQUIRE(static_cast<std::int64_t>(timeline.size()) == before + 1);
  CHECK(timeline.back().text(incident_event::text) == "alice → bob");
  CHECK(open_items(*tx, owned_kinds(), "alice").empty());
  tx->commit();
  CHECK(entries(*store, "incident.reassign") == 2);  // the incident and its timeline entry
  CHECK(entries(*store, "risk.reassign") == 1);
}

TEST_CASE("staff: only active staff may be named") {
  auto store = people();
  CHECK(staff::require_active(*store, "alice", "--owner") == "alice");
  CHECK(code_of([&] { staff::require_active(*store, "eve", "--owner"); }) == ExitCode::conflict);
  CHECK(code_of([&] { staff::require_active(*store, "zed", "--owner"); }) == ExitCode::not_found);
  CHECK(code_of([&] { staff::require_active(*store, "Not A Handle", "--owner"); }) == ExitCode::usage);
  CHECK(staff::audience_members(*store, "all") == std::vector<std::string>{"alice", "bob"});
}

TEST_CASE("policy: acknowledging the version in force, and who has not") {
  auto store = people();
  auto tx = store->begin(k_actor);
  policy::NewPolicy n;
  n.title = "Access control";
  n.owner = "alice";
  Record p = policy::make(n, Config{}, Clock{k_now - 10 * k_day});
  tx->insert(policy::kind(), p, "policy.add");
  const std::string key = display_key(policy::kind(), p);
  Record v = policy_version::make(p, 1, "Use MFA.", storage::sha256_hex("Use MFA."), "alice", std::nullopt,
                                  Clock{k_now - 10 * k_day});
  tx->insert(policy_version::kind(), v, "policy.add");
  // Not published yet: there is nothing to acknowledge.
  CHECK(code_of([&] { policy::acknowledge(*tx, key, {"bob"}, "2026-11-27", "2026-11-27"); }) == ExitCode::conflict);
  policy::submit(p, v, k_clock);
  policy::approve(p, v, "bob", std::nullopt, k_clock);
  policy::publish(p, v, nullptr, "2026-11-20", Config{}, k_clock);
  tx->update(policy::kind(), p, "policy.publish");
  tx->update(policy_version::kind(), v, "policy.publish");

  CHECK(code_of([&] { policy::acknowledge(*tx, key, {"bob"}, "2026-11-28", "2026-11-27"); }) == ExitCode::usage);
  CHECK(code_of([&] { policy::acknowledge(*tx, key, {"bob"}, "2026-11-01", "2026-11-27"); }) == ExitCode::usage);
  CHECK(code_of([&] {
          policy::acknowledge(*tx, key, {"bob", "eve"}, "2026-11-27", "2026-11-27");
        }) == ExitCode::conflict);
  const auto first = policy::acknowledge(*tx, key, {"bob"}, "2026-11-27", "2026-11-27");
  CHECK(first.added == std::vector<std::string>{"bob"});
  const auto again = policy::acknowledge(*tx, key, {"bob", "alice"}, "2026-11-27", "2026-11-27");
  CHECK(again.added == std::vector<std::string>{"alice"});
  CHECK(again.already == std::vector<std::string>{"bob (on 2026-11-27)"});
  tx->commit();

  const auto roster = policy::ack_roster(*store, "1");
  CHECK(roster.version == 1);
  CHECK(roster.coverage.expected == 2);  // eve left: not in the audience
  CHECK(roster.coverage.acknowledged == 2);
  CHECK(policy::versions_of(*store, roster.policy).size() == 1);
  CHECK(code_of([&] { policy::get_version(*store, roster.policy, 2); }) == ExitCode::not_found);
  CHECK(store->verify().problems.empty());
}

TEST_CASE("training: assign, sync and complete in one transaction") {
  auto store = people();
  auto tx = store->begin(k_actor);
  training::NewCourse n;
  n.title = "Awareness";
  Record c = training::make_course(n, Config{}, k_clock);
  tx->insert(training::course::kind(), c, "train.add");
  const auto assigned = training::assign(*tx, c, {"alice"}, std::nullopt, Config{}, k_clock);
  CHECK(assigned.created.size() == 1);
  CHECK(training::assign(*tx, c, {"alice"}, std::nullopt, Config{}, k_clock).already_open.size() == 1);
  const auto synced = training::sync(*tx, Config{}, k_clock);
  CHECK(synced.created == std::vector<std::string>{display_key(training::course::kind(), c) + "/bob/1"});
  CHECK(synced.courses == 1);
  CHECK(training::sync(*tx, Config{}, k_clock).created.empty());  // idempotent
  const auto attempt = training::complete(*tx, c, "bob", "2026-11-27", std::nullopt, Config{});
  CHECK(attempt.outcome == training::Outcome::completed);
  CHECK(code_of([&] { training::complete(*tx, c, "bob", "2026-11-27", std::nullopt, Config{}); }) ==
        ExitCode::conflict);
  CHECK(training::latest_assignments(*tx, display_key(training::course::kind(), c)).size() == 2);
  tx->commit();
  CHECK(store->verify().problems.empty());
}

TEST_CASE("certifications: found in any case, listed for active staff by default") {
  auto store = people();
  auto tx = store->begin(k_actor);
  for (const auto* h : {"alice", "eve"}) {
    cert::NewCert n;
    n.staff = h;
    n.name = "CISSP";
    n.expires = format_date(k_now + 10 * k_day);
    Record r = cert::make(n, k_clock);
    tx->insert(cert::kind(), r, "staff.cert.add");
  }
  tx->commit();
  CHECK(cert::find(*store, "alice", "cissp"));
  CHECK_FALSE(cert::find(*store, "bob", "CISSP"));
  CHECK(store->count(cert::kind(), cert::make_query(*store, {})) == 1);
  CHECK(store->count(cert::kind(), cert::make_query(*store, {std::nullopt, std::nullopt, true})) == 2);
  CHECK(store->count(cert::kind(), cert::make_query(*store, {std::nullopt, "eve"s, false})) == 1);
  CHECK(store->count(cert::kind(), cert::make_query(*store, {format_date(k_now), std::nullopt, true})) == 0);
}
