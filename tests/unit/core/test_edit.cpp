// The edit rules of each kind (core): what an edit may change and when, and what follows from
// a change. The generic `edit` command only parses options into Changes; these decide.
#include <doctest/doctest.h>

#include <functional>

#include "core/audit.h"
#include "core/cert.h"
#include "core/edit.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/risk.h"
#include "core/staff.h"
#include "core/staff_service.h"
#include "storage/open.h"
#include "tests/unit/test_support.h"

using namespace cso;
using test::code_of;
using namespace std::string_literals;

namespace {

constexpr Instant k_now = 1795770000;  // 2026-11-27T09:00:00Z
const Clock k_clock{k_now};
const Clock k_later{k_now + 3600};
const Actor k_actor{"carol", k_now};

Record a_risk() {
  risk::NewRisk n;
  n.title = "Phishing";
  n.likelihood = 3;
  n.impact = 3;
  return risk::make(n, Config{}, k_clock);
}

Record a_person(const char* handle) {
  Record s = empty_record(staff::kind());
  s.set(staff::handle, std::string(handle));
  s.set(staff::name, "Person "s + handle);
  s.set(staff::status, "active"s);
  return s;
}

}  // namespace

TEST_CASE("Changes keep the last value of each field, per kind, and apply only their kind's") {
  Changes c;
  CHECK(c.empty());
  c.set(risk::kind(), risk::title, "One"s);
  c.set(risk::kind(), risk::title, "Two"s);
  c.set(staff::kind(), staff::name, "Not a risk field"s);
  CHECK(c.text(risk::kind(), risk::title) == "Two");
  CHECK_FALSE(c.has(risk::kind(), risk::plan));
  Record r = a_risk();
  c.apply(risk::kind(), r);
  CHECK(r.text(risk::title) == "Two");  // the staff change (also field 1) is not a risk's
  Record person = a_person("bob");
  c.apply(staff::kind(), person);
  CHECK(person.text(staff::name) == "Not a risk field");
}

TEST_CASE("risk::edit sets what changed and touches the risk, but not once it is closed") {
  Record r = a_risk();
  Changes c;
  c.set(risk::kind(), risk::plan, "Awareness"s);
  risk::edit(r, c, k_later);
  CHECK(r.text(risk::plan) == "Awareness");
  CHECK(r.text(risk::updated) == format_instant(k_later.now));
  risk::close(r, k_clock);
  CHECK(code_of([&] { risk::edit(r, c, k_later); }) == ExitCode::conflict);
}

TEST_CASE("audit::edit keeps the dates in order and names the flag that broke them") {
  audit::NewAudit n;
  n.title = "ISO";
  n.start = "2027-01-10";
  n.end = "2027-01-20";
  Record a = audit::make(n, k_clock);
  Changes end_early;
  end_early.set(audit::kind(), audit::end, "2027-01-01"s);
  CHECK(test::usage_message([&] { audit::edit(a, end_early, k_clock); }).rfind("--end", 0) == 0);
  Changes start_late;
  start_late.set(audit::kind(), audit::start, "2027-02-01"s);
  Record b = audit::make(n, k_clock);
  CHECK(test::usage_message([&] { audit::edit(b, start_late, k_clock); }).rfind("--start", 0) == 0);
}

TEST_CASE("incident::edit records a timeline event for each real change of severity, lead and deadline") {
  incident::NewIncident n;
  n.title = "Lost laptop";
  n.severity = "sev3";
  std::vector<incident::Event> opened;
  Record r = incident::make(n, k_clock, opened);
  Changes c;
  c.set(incident::kind(), incident::severity, "sev1"s);
  c.set(incident::kind(), incident::lead, "bob"s);
  c.set(incident::kind(), incident::notify_within, "72h"s);
  c.set(incident::kind(), incident::lessons, "Encrypt disks"s);
  std::vector<incident::Event> events;
  incident::edit(r, c, k_later, events);
  REQUIRE(events.size() == 3);
  CHECK(events[0].kind == "severity");
  CHECK(events[0].text == "sev3 → sev1");
  CHECK(events[1].kind == "lead");
  CHECK(events[2].kind == "notify");
  CHECK(r.text(incident::lessons) == "Encrypt disks");
  CHECK(r.text(incident::notify_by) == format_instant(k_now + 72 * 3600));
  events.clear();
  incident::edit(r, c, k_later, events);  // the same values again: nothing happened
  CHECK(events.empty());
}

TEST_CASE("finding::edit moves a finding only to an audit that exists and is not closed") {
  auto store = storage::in_memory_store();
  auto tx = store->begin(k_actor);
  audit::NewAudit na;
  na.title = "Closed one";
  Record closed = audit::make(na, k_clock);
  tx->insert(audit::kind(), closed, "audit.plan");
  audit::close(closed, std::nullopt, k_clock);
  tx->update(audit::kind(), closed, "audit.close");
  finding::NewFinding nf{"No MFA", "high", "bob", "2027-01-01", std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  Record f = finding::make(nf, k_clock);
  tx->insert(finding::kind(), f, "finding.add");
  Changes to_closed;
  to_closed.set(finding::kind(), finding::audit, display_key(audit::kind(), closed));
  CHECK(code_of([&] { finding::edit(*tx, f, to_closed, k_clock); }) == ExitCode::conflict);
  Changes to_missing;
  to_missing.set(finding::kind(), finding::audit, "AUD-99"s);
  CHECK(code_of([&] { finding::edit(*tx, f, to_missing, k_clock); }) == ExitCode::not_found);
  CHECK(f.is_null(finding::audit));
}

TEST_CASE("staff::edit: a manager is someone else on the staff list; a name is never empty") {
  auto store = storage::in_memory_store();
  auto tx = store->begin(k_actor);
  Record alice_record = a_person("alice");
  tx->insert(staff::kind(), alice_record, "staff.add");
  Record bob = a_person("bob");
  Changes self;
  self.set(staff::kind(), staff::manager, "bob"s);
  CHECK(test::usage_message([&] { staff::edit(*tx, bob, self); }) == "--manager: 'bob' cannot be their own manager");
  Changes unknown;
  unknown.set(staff::kind(), staff::manager, "zed"s);
  CHECK(code_of([&] { staff::edit(*tx, bob, unknown); }) == ExitCode::not_found);
  Changes alice;
  alice.set(staff::kind(), staff::manager, "alice"s);
  staff::edit(*tx, bob, alice);
  CHECK(bob.text(staff::manager) == "alice");
  CHECK(test::usage_message([] { staff::parse_name("", "--name"); }) == "--name: a staff member needs a name");
}

TEST_CASE("cert::edit clears what an empty value cleared and checks the dates") {
  cert::NewCert n;
  n.staff = "alice";
  n.name = "CISSP";
  Record r = cert::make(n, k_clock);
  Changes c;
  c.set(cert::kind(), cert::earned, "2027-01-01"s);  // after "today"
  CHECK(test::usage_message([&] { cert::edit(r, c, k_clock); }).rfind("--earned", 0) == 0);
}
