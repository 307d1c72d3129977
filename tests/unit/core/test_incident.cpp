#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/incident.h"
#include "tests/unit/test_support.h"

using namespace cso;

namespace {

constexpr Instant k_now = 1795770000;  // 2026-11-27T09:00:00Z
const Clock k_clock{k_now};
constexpr Instant k_hour = 3600;

Record opened(std::vector<incident::Event>& events, Instant detected = k_now - 10 * k_hour) {
  incident::NewIncident n;
  n.title = "Ransomware";
  n.severity = "sev1";
  n.lead = "bob";
  n.detected = detected;
  Record r = incident::make(n, k_clock, events);
  r.set(incident::id, std::int64_t{4});
  return r;
}

Record opened() {
  std::vector<incident::Event> events;
  return opened(events);
}

Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected an Error");
  return Error(ExitCode::ok, "");
}

}  // namespace

TEST_CASE("incident: open sets new, detection defaults, and the first event") {
  std::vector<incident::Event> events;
  const Record r = opened(events);
  CHECK(r.text(incident::status) == "new");
  CHECK(r.text(incident::detected_at) == "2026-11-26T23:00:00Z");
  CHECK(r.text(incident::occurred_at) == "2026-11-26T23:00:00Z");  // occurred defaults to detected
  CHECK(r.is_null(incident::triaged_at));
  REQUIRE(events.size() == 1);
  CHECK(events[0].kind == "status");
  CHECK(events[0].at == k_now - 10 * k_hour);
  CHECK(events[0].text == "opened as sev1, lead bob");

  incident::NewIncident n;
  n.title = "x";
  n.severity = "sev2";
  const Record now = incident::make(n, k_clock, events);
  CHECK(now.text(incident::detected_at) == "2026-11-27T09:00:00Z");

  SUBCASE("detection in the future or occurrence after detection: usage errors") {
    n.detected = k_now + 1;
    CHECK(test::usage_message([&] { incident::make(n, k_clock, events); }).find("--detected") != std::string::npos);
    n.detected = k_now - k_hour;
    n.occurred = k_now - k_hour + 1;
    const auto msg = test::usage_message([&] { incident::make(n, k_clock, events); });
    CHECK(msg.find("--occurred") != std::string::npos);
    CHECK(msg.find("2026-11-27T08:00:01Z") != std::string::npos);
    CHECK(msg.find("2026-11-27T08:00:00Z") != std::string::npos);
  }
  SUBCASE("a notification deadline counts from detection") {
    n.detected = k_now - k_hour;
    n.notify_within = Duration{72, 'h'};
    std::vector<incident::Event> ev;
    const Record d = incident::make(n, k_clock, ev);
    CHECK(d.text(incident::notify_by) == "2026-11-30T08:00:00Z");
    CHECK(d.text(incident::notify_within) == "72h");
    REQUIRE(ev.size() == 2);
    CHECK(ev[1].kind == "notify");
  }
}

TEST_CASE("incident: every verb from every state") {
  // Allowed starting states per verb (forward moves may skip phases; reopen only from closed).
  const std::vector<std::pair<std::string, std::vector<std::string>>> allowed{
      {"triage", {"new"}},
      {"contain", {"new", "triaged"}},
      {"eradicate", {"new", "triaged", "contained"}},
      {"recover", {"new", "triaged", "contained", "eradicated"}},
      {"close", {"new", "triaged", "contained", "eradicated", "recovered"}},
      {"reopen", {"closed"}},
  };
  const std::vector<std::string> states{"new", "triaged", "contained", "eradicated", "recovered", "closed"};
  for (const auto& [verb, from] : allowed) {
    for (const auto& s : states) {
      Record r = opened();
      r.set(incident::status, s);
      const bool ok = std::find(from.begin(), from.end(), s) != from.end();
      CAPTURE(verb);
      CAPTURE(s);
      if (ok) {
        CHECK_NOTHROW(incident::require_status(r, verb));
      } else {
        const Error e = error_of([&] { incident::require_status(r, verb); });
        CHECK(e.code() == ExitCode::conflict);
        CHECK(std::string(e.what()).find("INC-4 is " + s) != std::string::npos);
      }
    }
  }
  Record r = opened();
  r.set(incident::status, std::string("closed"));
  CHECK(std::string(error_of([&] { incident::require_status(r, "recover"); }).what()) ==
        "INC-4 is closed; 'incident recover' needs an incident that is new, triaged, contained or eradicated");
  r.set(incident::status, std::string("new"));
  CHECK(std::string(error_of([&] { incident::require_status(r, "reopen"); }).what()) ==
        "INC-4 is new; 'incident reopen' needs an incident that is closed");
}

TEST_CASE("incident: phases move forward in time, skipped ones stay null") {
  Record r = opened();
  std::vector<incident::Event> events;
  const Instant detected = k_now - 10 * k_hour;
  incident::advance(r, "triaged", detected + k_hour, k_clock, events);
  CHECK(r.text(incident::status) == "triaged");
  CHECK(r.text(incident::triaged_at) == "2026-11-27T00:00:00Z");
  CHECK(incident::state_time(r) == detected + k_hour);

  SUBCASE("skipping to recovered") {
    incident::advance(r, "recovered", detected + 3 * k_hour, k_clock, events);
    CHECK(r.is_null(incident::contained_at));
    CHECK(r.is_null(incident::eradicated_at));
    CHECK(r.text(incident::recovered_at) == "2026-11-27T02:00:00Z");
    CHECK(events.back().text == "triaged → recovered");
    CHECK(incident::containment_time(r) == detected + 3 * k_hour);  // recovering implies containment
  }
  SUBCASE("a time before the previous phase, or in the future: usage errors naming both") {
    const auto msg = test::usage_message([&] { incident::advance(r, "contained", detected, k_clock, events); });
    CHECK(msg ==
          "--at: 2026-11-26T23:00:00Z is before 2026-11-27T00:00:00Z, when INC-4 was triaged; a phase "
          "cannot precede the previous one");
    CHECK(test::usage_message([&] {
            incident::advance(r, "contained", k_now + 1, k_clock, events);
          }).find("in the future") != std::string::npos);
    CHECK(r.text(incident::status) == "triaged");
    // The same time as the previous phase is fine.
    incident::advance(r, "contained", detected + k_hour, k_clock, events);
    CHECK(r.text(incident::status) == "contained");
  }
  SUBCASE("close, then reopen clears the later phases") {
    incident::advance(r, "contained", detected + 2 * k_hour, k_clock, events);
    incident::close(r, {"true_positive", "RDP exposed", "No RDP on the internet"}, detected + 5 * k_hour, k_clock,
                    events);
    CHECK(r.text(incident::outcome) == "true_positive");
    CHECK(events.back().text == "contained → closed (true_positive)");
    CHECK(test::usage_message([&] {
            incident::reopen(r, detected + 4 * k_hour, k_clock, events);
          }).find("when INC-4 was closed") != std::string::npos);
    incident::reopen(r, detected + 6 * k_hour, k_clock, events);
    CHECK(r.text(incident::status) == "triaged");
    CHECK(r.text(incident::triaged_at) == "2026-11-27T00:00:00Z");  // kept
    CHECK(r.text(incident::reopened_at) == "2026-11-27T05:00:00Z");
    CHECK(r.is_null(incident::contained_at));
    CHECK(r.is_null(incident::closed_at));
    CHECK(r.is_null(incident::outcome));
    CHECK(incident::state_time(r) == detected + 6 * k_hour);
    CHECK(incident::uncontained(r));
  }
}

TEST_CASE("incident: severity, lead and notification events") {
  Record r = opened();
  std::vector<incident::Event> events;
  incident::set_severity(r, "sev1", k_now, events);  // unchanged: no event
  CHECK(events.empty());
  incident::set_severity(r, "sev3", k_now, events);
  incident::set_lead(r, "carol", k_now, events);
  REQUIRE(events.size() == 2);
  CHECK(events[0].text == "sev1 → sev3");
  CHECK(events[1].kind == "lead");
  CHECK(events[1].text == "bob → carol");

  const Error none = error_of([&] { incident::notified(r, k_now, k_clock, events); });
  CHECK(none.code() == ExitCode::conflict);
  incident::set_notify(r, Duration{24, 'h'}, k_now, events);
  CHECK(r.text(incident::notify_by) == "2026-11-27T23:00:00Z");
  CHECK(incident::notification_pending(r));
  incident::notified(r, k_now - k_hour, k_clock, events);
  CHECK(r.text(incident::notified_at) == "2026-11-27T08:00:00Z");
  CHECK(events.back().text == "notification made, 15h 0m before the deadline (2026-11-27T23:00:00Z)");
  CHECK(!incident::notification_pending(r));
  CHECK(error_of([&] { incident::notified(r, k_now, k_clock, events); }).code() == ExitCode::conflict);
}

TEST_CASE("incident: a closed false positive needs no notification") {
  Record r = opened();
  std::vector<incident::Event> events;
  incident::set_notify(r, Duration{72, 'h'}, k_now, events);
  incident::close(r, {"false_positive", std::nullopt, std::nullopt}, k_now, k_clock, events);
  CHECK(!incident::notification_pending(r));
  r.set(incident::outcome, std::string("true_positive"));
  CHECK(incident::notification_pending(r));
}

TEST_CASE("incident: --since takes a look-back duration or a date") {
  CHECK(cso::parse_since("90d", k_clock, "--since") == k_now - 90 * 86400);
  CHECK(cso::parse_since("2026-11-01", k_clock, "--since") == 1793491200);
  CHECK(test::usage_message([&] { cso::parse_since("soon", k_clock, "--since"); }).find("--since") !=
        std::string::npos);
}

TEST_CASE("incident_event: keys and timeline order") {
  std::vector<Record> events;
  for (const auto& [n, at] : std::vector<std::pair<int, Instant>>{{10, k_now}, {2, k_now}, {9, k_now - 1}}) {
    events.push_back(incident_event::make("INC-4", n, {at, "note", "x"}, "bob"));
  }
  CHECK(events[0].text(incident_event::key) == "INC-4/event/10");
  incident_event::sort_timeline(events);
  CHECK(events[0].text(incident_event::key) == "INC-4/event/9");  // earliest
  CHECK(events[1].text(incident_event::key) == "INC-4/event/2");  // same time: numeric, not text, order
  CHECK(events[2].text(incident_event::key) == "INC-4/event/10");
}

TEST_CASE("incident: a sev1 or sev2 true positive closes only with its root cause and lessons") {
  std::vector<incident::Event> events;
  Record r = opened();  // sev1
  CHECK(test::usage_message([&] {
          incident::close(r, {"true_positive", std::nullopt, std::nullopt}, k_now, k_clock, events);
        }) ==
        "--root-cause and --lessons: INC-4 is a sev1 true positive; closing it needs the root cause and the "
        "lessons learned (a post-incident review)");
  CHECK(test::usage_message([&] {
          incident::close(r, {"true_positive", "RDP", std::nullopt}, k_now, k_clock, events);
        }).starts_with("--lessons: INC-4 is a sev1 true positive"));
  CHECK(r.text(incident::status) == "new");
  r.set(incident::root_cause, std::string("RDP exposed"));  // recorded before, by incident edit
  incident::close(r, {"true_positive", std::nullopt, "No RDP"}, k_now, k_clock, events);
  CHECK(r.text(incident::status) == "closed");
  CHECK(r.text(incident::root_cause) == "RDP exposed");

  Record minor = opened();
  minor.set(incident::severity, std::string("sev3"));
  incident::close(minor, {"true_positive", std::nullopt, std::nullopt}, k_now, k_clock, events);
  Record false_alarm = opened();
  incident::close(false_alarm, {"false_positive", std::nullopt, std::nullopt}, k_now, k_clock, events);
  CHECK(false_alarm.text(incident::status) == "closed");
}
