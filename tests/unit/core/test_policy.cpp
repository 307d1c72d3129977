#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "core/check.h"
#include "core/check_rules.h"
#include "core/error.h"
#include "core/policy.h"
#include "core/staff.h"

using namespace cso;

namespace {

constexpr Instant k_t = 1795770000;  // 2026-11-27T09:00:00Z
const Clock k_clock{k_t};
const Clock k_later{k_t + 10 * 86400};

template <typename F>
Error policy_error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected an Error");
  return Error(ExitCode::ok, "");
}

Record new_policy(const Config& config = Config{}) {
  policy::NewPolicy n;
  n.title = "Access Control";
  n.owner = "alice";
  Record p = policy::make(n, config, k_clock);
  p.set(policy::id, std::int64_t{3});
  return p;
}

Record version_of(const Record& p, std::int64_t number, const char* author = "carol") {
  return policy_version::make(p, number, "text", "hash", author, std::nullopt, k_clock);
}

/// Walks `p`'s open version `v` to published, approved by `approver`.
void publish(Record& p, Record& v, Record* in_force, const std::string& effective, const Config& config = Config{}) {
  policy::submit(p, v, k_clock);
  policy::approve(p, v, "alice", std::nullopt, k_clock);
  policy::publish(p, v, in_force, effective, config, k_clock);
}

}  // namespace

TEST_CASE("policy: a new policy is a draft v1 with the configured review period") {
  Config config;
  config.policy_review_every = {6, 'm'};
  const Record p = new_policy(config);
  CHECK(p.text(policy::status) == "draft");
  CHECK(p.integer(policy::version) == 1);
  CHECK(p.text(policy::review_every) == "6m");
  CHECK(p.text(policy::audience) == "all");
  CHECK(p.text(policy::doc_kind) == "policy");
  CHECK(p.is_null(policy::next_review));
  CHECK(policy::open_version(p) == 1);
  const Record v = version_of(p, 1);
  CHECK(v.text(policy_version::key) == "POL-3/v1");
  CHECK(v.text(policy_version::policy) == "POL-3");
  CHECK(v.text(policy_version::status) == "draft");
  CHECK(v.text(policy_version::author) == "carol");
}

TEST_CASE("policy: version keys and numbers") {
  CHECK(policy_version::key_of("POL-3", 2) == "POL-3/v2");
  CHECK(policy_ack::key_of("POL-3", 2, "bob") == "POL-3/v2/ack/bob");
  CHECK(policy_version::parse_number("2", "V1") == 2);
  CHECK(policy_version::parse_number("v12", "V1") == 12);
  CHECK(policy_version::parse_number("V3", "V1") == 3);
  for (const char* bad : {"", "v", "0", "-1", "two", "1.5", "v1x", "12345678901"}) {
    CHECK_THROWS_WITH_AS(policy_version::parse_number(bad, "--version"), doctest::Contains("--version"), Error);
  }
}

TEST_CASE("policy: submit, approve and publish: the policy follows its only version until published") {
  Record p = new_policy();
  Record v = version_of(p, 1);
  policy::require_version_status(p, &v, "submit");
  policy::submit(p, v, k_clock);
  CHECK(p.text(policy::status) == "in_review");
  CHECK(v.text(policy_version::status) == "in_review");
  CHECK(v.text(policy_version::submitted) == "2026-11-27T09:00:00Z");

  policy::require_version_status(p, &v, "approve");
  policy::approve(p, v, "alice", std::string("fine"), k_later);
  CHECK(p.text(policy::status) == "approved");
  CHECK(v.text(policy_version::approver) == "alice");
  CHECK(v.text(policy_version::approval_note) == "fine");
  CHECK(v.text(policy_version::approved_at) == "2026-12-07T09:00:00Z");

  policy::require_version_status(p, &v, "publish");
  policy::publish(p, v, nullptr, "2027-01-31", Config{}, k_later);
  CHECK(p.text(policy::status) == "published");
  CHECK(p.text(policy::effective) == "2027-01-31");
  CHECK(p.text(policy::published) == "2026-12-07");
  CHECK(p.text(policy::next_review) == "2028-01-31");  // effective + 12m
  CHECK(v.text(policy_version::status) == "published");
  CHECK(v.text(policy_version::effective) == "2027-01-31");
  CHECK_FALSE(policy::open_version(p).has_value());
}

TEST_CASE("policy: the author of a version may not approve it") {
  Record p = new_policy();
  Record v = version_of(p, 1, "carol");
  policy::submit(p, v, k_clock);
  const Error e = policy_error_of([&] { policy::approve(p, v, "carol", std::nullopt, k_clock); });
  CHECK(e.code() == ExitCode::conflict);
  CHECK(std::string(e.what()) == "POL-3 v1 was written by carol; someone else must approve it");
  CHECK(v.text(policy_version::status) == "in_review");
}

TEST_CASE("policy: request-changes sends a version in review back to draft and clears the approval") {
  Record p = new_policy();
  Record v = version_of(p, 1);
  policy::submit(p, v, k_clock);
  v.set(policy_version::approval_note, std::string("half-way"));
  policy::require_version_status(p, &v, "request-changes");
  policy::request_changes(p, v, k_clock);
  CHECK(p.text(policy::status) == "draft");
  CHECK(v.text(policy_version::status) == "draft");
  CHECK(v.is_null(policy_version::approver));
  CHECK(v.is_null(policy_version::approval_note));
  CHECK(v.is_null(policy_version::submitted));
}

TEST_CASE("policy: refused transitions name the statuses that allow them") {
  Record p = new_policy();
  Record v = version_of(p, 1);
  const auto message = [&](std::string_view verb) {
    const Error e = policy_error_of([&] { policy::require_version_status(p, &v, verb); });
    CHECK(e.code() == ExitCode::conflict);
    return std::string(e.what());
  };
  CHECK(message("approve") == "POL-3 v1 is draft; 'policy approve' needs a version that is in_review");
  CHECK(message("publish") == "POL-3 v1 is draft; 'policy publish' needs a version that is approved");
  CHECK(message("request-changes") == "POL-3 v1 is draft; 'policy request-changes' needs a version that is in_review");
  policy::submit(p, v, k_clock);
  CHECK(message("submit") == "POL-3 v1 is in_review; 'policy submit' needs a version that is draft");
  CHECK(message("edit") == "POL-3 v1 is in_review; 'policy edit' needs a version that is draft");
  policy::approve(p, v, "alice", std::nullopt, k_clock);
  CHECK(message("request-changes") ==
        "POL-3 v1 is approved; 'policy request-changes' needs a version that is in_review");

  const Error review = policy_error_of([&] { policy::require_status(p, "review"); });
  CHECK(std::string(review.what()) == "POL-3 is approved; 'policy review' needs a policy that is published");
  const Error ack = policy_error_of([&] { policy::require_status(p, "ack"); });
  CHECK(ack.code() == ExitCode::conflict);

  policy::approve(p, v, "alice", std::nullopt, k_clock);
  policy::publish(p, v, nullptr, "2026-11-27", Config{}, k_clock);
  const Error none = policy_error_of([&] { policy::require_version_status(p, nullptr, "submit"); });
  CHECK(std::string(none.what()).find("POL-3 has no version in progress (v1 is published)") == 0);
  policy::require_status(p, "review");
  policy::require_status(p, "ack");
}

TEST_CASE("policy: a new body for a published policy opens the next version; the published one stays in force") {
  Record p = new_policy();
  Record v1 = version_of(p, 1);
  publish(p, v1, nullptr, "2026-11-27");
  Record v2 = version_of(p, 2, "bob");
  policy::open_next(p, v2, k_clock);
  CHECK(p.text(policy::status) == "published");
  CHECK(p.integer(policy::version) == 1);
  CHECK(p.integer(policy::pending_version) == 2);
  CHECK(p.text(policy::pending_status) == "draft");
  CHECK(policy::open_version(p) == 2);

  policy::edit_draft(p, v2, "new text", "newhash", std::string("why"), k_clock);
  CHECK(v2.text(policy_version::body) == "new text");
  CHECK(v2.text(policy_version::sha256) == "newhash");
  CHECK(v2.text(policy_version::summary) == "why");

  policy::submit(p, v2, k_clock);
  CHECK(p.text(policy::status) == "published");
  CHECK(p.text(policy::pending_status) == "in_review");
  policy::approve(p, v2, "alice", std::nullopt, k_clock);
  CHECK(p.text(policy::pending_status) == "approved");
  policy::publish(p, v2, &v1, "2027-03-01", Config{}, k_later);
  CHECK(p.integer(policy::version) == 2);
  CHECK(p.is_null(policy::pending_version));
  CHECK(p.is_null(policy::pending_status));
  CHECK(v1.text(policy_version::status) == "superseded");
  CHECK(v2.text(policy_version::status) == "published");
  CHECK(p.text(policy::next_review) == "2028-03-01");
}

TEST_CASE("policy: review advances next_review by the policy's period from today; retire ends it all") {
  Record p = new_policy();
  p.set(policy::review_every, std::string("6m"));
  Record v1 = version_of(p, 1);
  publish(p, v1, nullptr, "2025-01-01");
  CHECK(p.text(policy::next_review) == "2025-07-01");
  policy::review(p, Config{}, k_clock);
  CHECK(p.text(policy::next_review) == "2027-05-27");
  CHECK(p.text(policy::status) == "published");

  Record v2 = version_of(p, 2);
  policy::open_next(p, v2, k_clock);
  policy::retire(p, {&v1, &v2}, k_clock);
  CHECK(p.text(policy::status) == "retired");
  CHECK(p.is_null(policy::next_review));
  CHECK(p.is_null(policy::pending_version));
  CHECK(v1.text(policy_version::status) == "retired");
  CHECK(v2.text(policy_version::status) == "retired");
  CHECK_FALSE(policy::open_version(p).has_value());
  const Error e = policy_error_of([&] { policy::require_status(p, "retire"); });
  CHECK(std::string(e.what()) ==
        "POL-3 is retired; 'policy retire' needs a policy that is draft, in_review, approved or published");
  const Error submit = policy_error_of([&] { policy::require_version_status(p, nullptr, "submit"); });
  CHECK(std::string(submit.what()).find("POL-3 is retired") == 0);
}

TEST_CASE("policy: acknowledgements carry the version's hash; they are due ack_within after publication") {
  Record p = new_policy();
  Record v = version_of(p, 1);
  publish(p, v, nullptr, "2026-12-15");
  const Record a = policy_ack::make(v, "bob", "2026-11-28");
  CHECK(a.text(policy_ack::key) == "POL-3/v1/ack/bob");
  CHECK(a.text(policy_ack::policy) == "POL-3");
  CHECK(a.integer(policy_ack::version) == 1);
  CHECK(a.text(policy_ack::sha256) == "hash");
  CHECK(a.text(policy_ack::acknowledged) == "2026-11-28");
  Config config;
  CHECK(policy::ack_due(p, config) == "2026-12-27");
  config.policy_ack_within = {2, 'w'};
  CHECK(policy::ack_due(p, config) == "2026-12-11");
  CHECK_FALSE(policy::ack_due(new_policy(), config).has_value());
}

TEST_CASE("policy: coverage text never rounds up to 100% while someone is missing") {
  CHECK(policy::coverage_text({41, 52}) == "41 of 52 (79%)");
  CHECK(policy::coverage_text({0, 0}) == "0 of 0");
  CHECK(policy::coverage_text({3, 3}) == "3 of 3 (100%)");
  CHECK(policy::coverage_text({999, 1000}) == "999 of 1000 (99%)");
  CHECK(policy::coverage_text({0, 7}) == "0 of 7 (0%)");
}

TEST_CASE("policy: a status filter matches the policy's status or its pending version's") {
  policy::ListFilter f;
  f.status = {"draft"};
  f.owner = {"bob"};
  const Query q = policy::make_query(f);
  REQUIRE(q.where.size() == 2);
  REQUIRE(q.where[0].any.size() == 2);
  CHECK(q.where[0].any[0].field == policy::status);
  CHECK(q.where[0].any[1].field == policy::pending_status);
  CHECK(q.where[1].field == policy::owner);
  policy::ListFilter due;
  due.review_due_before = k_clock.now;
  const Query d = policy::make_query(due);
  REQUIRE(d.where.size() == 2);
  CHECK(std::get<std::string>(d.where[0].values[0]) == "published");
  CHECK(std::get<std::string>(d.where[1].values[0]) == "2026-11-27");
}

namespace {

/// Staff, policies and acknowledgements in memory; filters on equality only (all the policy
/// rules and coverage ask for, besides the date bounds checked by value here).
class PolicySource final : public CheckSource {
 public:
  std::vector<Record> staff, policies, acks;

  void each(const KindDef& kind, const Query& q, const std::function<void(const Record&)>& fn) override {
    const auto& rows = &kind == &staff::kind() ? staff : &kind == &policy::kind() ? policies : acks;
    for (const auto& r : rows) {
      bool ok = true;
      for (const auto& c : q.where) {
        const Value& v = r.values[c.field];
        if (c.op == Op::eq || c.op == Op::in) {
          ok = ok && std::find(c.values.begin(), c.values.end(), v) != c.values.end();
        } else if (c.op == Op::le) {
          ok = ok && std::holds_alternative<std::string>(v) && v <= c.values[0];
        }
      }
      if (ok) {
        fn(r);
      }
    }
  }
  std::optional<std::string> journal_problem() override { return std::nullopt; }
};

Record person(const char* handle, const char* team, const char* status = "active") {
  Record s = empty_record(staff::kind());
  s.set(staff::handle, std::string(handle));
  s.set(staff::name, std::string(handle));
  s.set(staff::team, std::string(team));
  s.set(staff::status, std::string(status));
  return s;
}

}  // namespace

TEST_CASE(
    "policy: coverage and the policy rules count the active audience's acknowledgements of the version in force") {
  PolicySource source;
  source.staff = {person("alice", "security"), person("bob", "security"), person("carol", "it"),
                  person("dan", "security", "inactive")};
  Record p = new_policy();
  Record v1 = version_of(p, 1);
  const Clock published{k_t - 60 * 86400};  // 2026-09-28
  policy::submit(p, v1, published);
  policy::approve(p, v1, "alice", std::nullopt, published);
  policy::publish(p, v1, nullptr, format_date(published.now), Config{}, published);
  source.policies = {p};
  source.acks = {policy_ack::make(v1, "alice", "2026-10-01"), policy_ack::make(v1, "dan", "2026-10-01")};

  std::map<std::string, std::vector<std::string>> members;
  auto c = policy::ack_coverage(source, p, members);
  CHECK(c.acknowledged == 1);  // dan is inactive: out of the audience
  CHECK(c.expected == 3);
  source.policies[0].set(policy::audience, std::string("team:security"));
  c = policy::ack_coverage(source, source.policies[0], members);
  CHECK(c.expected == 2);
  CHECK(c.acknowledged == 1);
  source.policies[0].set(policy::audience, std::string("all"));

  Config config;
  const CheckResult r = run_checks(source, config, k_clock, {"policy.ack_missing", "policy.review_overdue"});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].rule == "policy.ack_missing");
  CHECK(r.problems[0].severity == Severity::warning);
  CHECK(r.problems[0].id == "POL-3");
  CHECK(r.problems[0].message == "2 of 3 people have not acknowledged v1 (published 2026-09-28, due 2026-10-28)");
  CHECK(r.problems[0].due == "2026-10-28");

  // A new version in force: the old acknowledgements no longer count.
  Record v2 = version_of(p, 2);
  policy::open_next(source.policies[0], v2, k_clock);
  policy::submit(source.policies[0], v2, k_clock);
  policy::approve(source.policies[0], v2, "alice", std::nullopt, k_clock);
  policy::publish(source.policies[0], v2, &v1, "2026-11-27", config, k_clock);
  CHECK(policy::ack_coverage(source, source.policies[0], members).acknowledged == 0);
  // ... and are not due until ack_within after the new publication.
  CHECK(run_checks(source, config, k_clock, {"policy.ack_missing"}).problems.empty());
  const Clock later{k_t + 31 * 86400};
  const auto after = run_checks(source, config, later, {"policy.ack_missing"});
  REQUIRE(after.problems.size() == 1);
  CHECK(after.problems[0].message == "3 of 3 people have not acknowledged v2 (published 2026-11-27, due 2026-12-27)");

  // The review rule: near is a WARNING, past CRITICAL.
  source.policies[0].set(policy::next_review, std::string("2026-12-01"));
  auto review = run_checks(source, config, k_clock, {"policy.review_overdue"});
  REQUIRE(review.problems.size() == 1);
  CHECK(review.problems[0].severity == Severity::warning);
  CHECK(review.problems[0].message == "review due 2026-12-01 (in 4 days)");
  source.policies[0].set(policy::next_review, std::string("2026-11-01"));
  review = run_checks(source, config, k_clock, {"policy.review_overdue"});
  REQUIRE(review.problems.size() == 1);
  CHECK(review.problems[0].severity == Severity::critical);
}

TEST_CASE("policy: the policy rules come first in the registry, as SPEC §5 lists them") {
  const auto rules = all_rules();
  REQUIRE(rules.size() >= 2);
  CHECK(rules[0].id == "policy.review_overdue");
  CHECK(rules[1].id == "policy.ack_missing");
  CHECK(rules[1].settings == "policy.ack_within");
}
