#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/ownership.h"
#include "tests/unit/test_support.h"

using namespace cso;

namespace {

constexpr Instant k_t = 1795770000;  // 2026-11-27T09:00:00Z
const Clock k_clock{k_t};
const Clock k_later{k_t + 2 * 86400};  // 2026-11-29

Record open_finding(std::string due = "2026-12-31", std::string severity = "high") {
  finding::NewFinding n;
  n.title = "No MFA on the VPN";
  n.severity = std::move(severity);
  n.owner = "bob";
  n.due = std::move(due);
  n.audit = "AUD-2";
  Record r = finding::make(n, k_clock);
  r.set(finding::id, std::int64_t{9});
  return r;
}

Record with_status(std::string_view status) {
  Record r = open_finding();
  r.set(finding::status, std::string(status));
  return r;
}

std::string refusal(const Record& r, std::string_view verb) {
  try {
    finding::require_status(r, verb);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::conflict);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("finding::make opens a finding") {
  const Record r = open_finding();
  CHECK(r.text(finding::status) == "open");
  CHECK(r.text(finding::audit) == "AUD-2");
  CHECK(r.text(finding::owner) == "bob");
  CHECK(r.text(finding::due) == "2026-12-31");
  CHECK(r.is_null(finding::grade));
  CHECK(r.text(finding::created) == "2026-11-27T09:00:00Z");
  CHECK(finding::kind().fields.size() == finding::field_count);
  CHECK(display_key(finding::kind(), r) == "FND-9");
}

TEST_CASE("the finding state machine: which statuses allow each verb") {
  const std::map<std::string, std::set<std::string>> allowed{
      {"remediate", {"open", "remediating"}},
      {"resolve", {"open", "remediating"}},
      {"verify", {"resolved"}},
      {"accept", {"open", "remediating", "accepted"}},
      {"reopen", {"resolved", "verified", "accepted"}},
      {"edit", {"open", "remediating", "resolved", "accepted"}},
  };
  for (const auto& [verb, from] : allowed) {
    for (const auto status : finding::statuses()) {
      CAPTURE(verb);
      CAPTURE(status);
      CHECK(refusal(with_status(status), verb).empty() == (from.count(std::string(status)) == 1));
    }
  }
  CHECK(refusal(with_status("verified"), "resolve") ==
        "FND-9 is verified; 'audit finding resolve' needs a finding that is open or remediating");
  CHECK(refusal(with_status("open"), "reopen") ==
        "FND-9 is open; 'audit finding reopen' needs a finding that is resolved, verified or accepted");
}

TEST_CASE("a finding through remediation, resolution and verification") {
  Record r = open_finding();
  finding::remediate(r, "Roll out MFA", k_later);
  CHECK(r.text(finding::status) == "remediating");
  CHECK(r.text(finding::plan) == "Roll out MFA");
  CHECK(r.text(finding::updated) == "2026-11-29T09:00:00Z");
  finding::resolve(r, "Enforced", k_later);
  CHECK(r.text(finding::status) == "resolved");
  CHECK(r.text(finding::resolution) == "Enforced");
  finding::verify(r, "carol", k_later);
  CHECK(r.text(finding::status) == "verified");
  CHECK(r.text(finding::verified_by) == "carol");
  CHECK(r.text(finding::verified_at) == "2026-11-29T09:00:00Z");
  finding::reopen(r, k_clock);
  CHECK(r.text(finding::status) == "open");
  CHECK(r.is_null(finding::verified_by));
  CHECK(r.is_null(finding::verified_at));
  CHECK(r.is_null(finding::resolution));
  CHECK(r.text(finding::plan) == "Roll out MFA");
}

TEST_CASE("the owner cannot verify their own finding") {
  Record r = with_status("resolved");
  try {
    finding::verify(r, "bob", k_later);
    FAIL("expected a conflict");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::conflict);
    CHECK(std::string(e.what()).find("FND-9") != std::string::npos);
  }
  CHECK(r.text(finding::status) == "resolved");
  CHECK(r.is_null(finding::verified_by));
}

TEST_CASE("acceptance and reopening clear it") {
  Record r = open_finding();
  finding::accept(r, "2027-03-31", "alice", "Legacy system retired in Q1", k_later);
  CHECK(r.text(finding::status) == "accepted");
  CHECK(r.text(finding::accepted_by) == "alice");
  CHECK(r.text(finding::accepted_until) == "2027-03-31");
  CHECK(r.text(finding::accept_reason) == "Legacy system retired in Q1");
  finding::reopen(r, k_later);
  CHECK(r.text(finding::status) == "open");
  CHECK(r.is_null(finding::accepted_by));
  CHECK(r.is_null(finding::accepted_until));
  CHECK(r.is_null(finding::accept_reason));
}

TEST_CASE("overdue_date: open or remediating past due, accepted past accepted_until; due today is not overdue") {
  CHECK(finding::overdue_date(open_finding("2026-11-26"), k_clock) == "2026-11-26");
  CHECK_FALSE(finding::overdue_date(open_finding("2026-11-27"), k_clock));
  CHECK_FALSE(finding::overdue_date(open_finding("2026-12-01"), k_clock));
  Record remediating = open_finding("2026-11-01");
  finding::remediate(remediating, "p", k_clock);
  CHECK(finding::overdue_date(remediating, k_clock) == "2026-11-01");
  for (const char* s : {"resolved", "verified"}) {
    Record r = open_finding("2026-11-01");
    r.set(finding::status, std::string(s));
    CHECK_FALSE(finding::overdue_date(r, k_clock));
  }
  Record accepted = open_finding("2026-11-01");
  finding::accept(accepted, "2026-11-27", "alice", "r", k_clock);
  CHECK_FALSE(finding::overdue_date(accepted, k_clock));  // past due, but accepted until today
  CHECK(finding::overdue_date(accepted, Clock{k_t + 86400}) == "2026-11-27");
}

TEST_CASE("status_and_severity_counts: by status, and open or remediating by severity") {
  const std::vector<GroupCount> groups{
      {{std::string("open"), std::string("high")}, 2},       {{std::string("remediating"), std::string("high")}, 1},
      {{std::string("remediating"), std::string("low")}, 4}, {{std::string("accepted"), std::string("critical")}, 3},
      {{std::string("verified"), std::string("medium")}, 5},
  };
  const auto [by_status, open] = finding::status_and_severity_counts(groups);
  CHECK(by_status.total == 15);
  CHECK(by_status.items == std::vector<std::pair<std::string, std::int64_t>>{
                               {"open", 2}, {"remediating", 5}, {"resolved", 0}, {"verified", 5}, {"accepted", 3}});
  CHECK(open.total == 7);
  CHECK(open.items ==
        std::vector<std::pair<std::string, std::int64_t>>{{"critical", 0}, {"high", 3}, {"medium", 0}, {"low", 4}});
}

TEST_CASE("finding::make_query: --open, --overdue and the field filters") {
  finding::ListFilter f;
  CHECK(finding::make_query(f, k_clock).where.empty());
  f.open = true;
  f.severity = {"high"};
  Query q = finding::make_query(f, k_clock);
  REQUIRE(q.where.size() == 2);
  CHECK(q.where[0].field == finding::severity);
  CHECK(q.where[1].field == finding::status);
  CHECK(q.where[1].values == std::vector<Value>{std::string("open"), std::string("remediating")});

  finding::ListFilter late;
  late.overdue = true;
  q = finding::make_query(late, k_clock);
  REQUIRE(q.where.size() == 2);
  CHECK(q.where[0].values.size() == 3);
  REQUIRE(q.where[1].any.size() == 2);
  CHECK(q.where[1].any[0].field == finding::due);
  CHECK(q.where[1].any[0].values == std::vector<Value>{std::string("2026-11-27")});
  CHECK(q.where[1].any[1].field == finding::accepted_until);
}

TEST_CASE("findings are owned while open, remediating or accepted; audits are led until closed") {
  bool finding_seen = false, audit_seen = false;
  for (const auto& k : owned_kinds()) {
    if (k.kind == &finding::kind()) {
      finding_seen = true;
      CHECK(k.owner_field == finding::owner);
      REQUIRE(k.open.size() == 1);
      CHECK(k.open[0].values.size() == 3);
    }
    if (k.kind->name == "audit") {
      audit_seen = true;
    }
  }
  CHECK(finding_seen);
  CHECK(audit_seen);
}

TEST_CASE("finding: a remediation needs a plan and a resolution says how, neither blank") {
  CHECK(test::usage_message([] { finding::parse_plan("", "--plan"); }) == "--plan: a remediation needs a plan");
  CHECK(test::usage_message([] { finding::parse_plan(" \t", "--plan"); }) == "--plan: a remediation needs a plan");
  CHECK(test::usage_message([] { finding::parse_resolution("\n", "--note"); }) == "--note: say how it was resolved");
  CHECK(finding::parse_plan("Enforce MFA", "--plan") == "Enforce MFA");
  CHECK(finding::parse_resolution("MFA enforced", "--note") == "MFA enforced");
}
