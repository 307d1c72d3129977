#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/check_rules.h"
#include "core/error.h"
#include "core/risk.h"

using namespace cso;
using namespace std::string_literals;

namespace {

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z; check.warn_within 14d reaches 2026-12-11
const Clock k_clock{k_t};

/// Compares like SQLite for what the rules use: NULL compares false, except `IS NOT`.
bool holds(const Record& r, const Condition& c) {
  if (!c.any.empty()) {
    return std::any_of(c.any.begin(), c.any.end(), [&](const Condition& a) { return holds(r, a); });
  }
  const Value& v = r.values[c.field];
  const bool null = std::holds_alternative<std::monostate>(v);
  switch (c.op) {
    case Op::is_null:
      return null;
    case Op::not_null:
      return !null;
    case Op::ne:
      return v != c.values.at(0);
    case Op::in:
      return !null && std::find(c.values.begin(), c.values.end(), v) != c.values.end();
    default:
      break;
  }
  const Value& w = c.values.at(0);
  if (null || v.index() != w.index()) {
    return false;
  }
  switch (c.op) {
    case Op::eq:
      return v == w;
    case Op::lt:
      return v < w;
    case Op::le:
      return v <= w;
    case Op::gt:
      return v > w;
    case Op::ge:
      return v >= w;
    default:
      return false;
  }
}

/// Risks in memory, filtered and sorted as the database would; remembers what was asked.
class FakeSource final : public CheckSource {
 public:
  std::vector<Record> risks;
  std::optional<std::string> journal;
  int queries = 0;
  int journal_calls = 0;

  void each(const KindDef& kind, const Query& q, const std::function<void(const Record&)>& fn) override {
    if (&kind != &risk::kind()) {
      return;  // other domains' rules find nothing here (their own tests cover them)
    }
    ++queries;
    std::vector<Record> hits;
    for (const auto& r : risks) {
      if (std::all_of(q.where.begin(), q.where.end(), [&](const Condition& c) { return holds(r, c); })) {
        hits.push_back(r);
      }
    }
    std::stable_sort(hits.begin(), hits.end(), [&](const Record& a, const Record& b) {
      for (const auto& k : q.sort) {
        const Value& x = a.values[k.field];
        const Value& y = b.values[k.field];
        if (x != y) {
          return k.descending ? y < x : x < y;
        }
      }
      return false;
    });
    for (const auto& r : hits) {
      fn(r);
    }
  }
  std::optional<std::string> journal_problem() override {
    ++journal_calls;
    return journal;
  }
};

/// An open risk created now, nothing due: no rule fires for it until the test sets a date.
Record a_risk(std::int64_t id, std::string_view title, std::int64_t l = 2, std::int64_t i = 2) {
  risk::NewRisk n;
  n.title = std::string(title);
  n.likelihood = l;
  n.impact = i;
  Record r = risk::make(n, Config{}, k_clock);
  r.set(risk::id, id);
  return r;
}

Record with(Record r, std::size_t field, Value v) {
  r.set(field, std::move(v));
  return r;
}

CheckResult run(FakeSource& s, const std::vector<std::string>& only = {}, const Config& c = Config{}) {
  return run_checks(s, c, k_clock, only);
}

/// One problem per line, as `SEVERITY rule ID "title" message`.
std::string lines(const CheckResult& r) {
  std::string out;
  for (const auto& p : r.problems) {
    out += fmt::format("{} {} {} \"{}\" {}\n", severity_name(p.severity), p.rule, p.id, p.title, p.message);
  }
  return out;
}

}  // namespace

TEST_CASE("dated_message: the phrase in the tense of its date") {
  const DatePhrase expiry{"acceptance expires", "acceptance expired"};
  CHECK(dated_message(expiry, "2026-11-20", -7) == "acceptance expired 2026-11-20 (7 days ago)");
  CHECK(dated_message(expiry, "2026-11-27", 0) == "acceptance expires 2026-11-27 (today)");
  CHECK(dated_message(expiry, "2026-11-28", 1) == "acceptance expires 2026-11-28 (in 1 day)");
  CHECK(dated_message("review due", "2026-11-26", -1) == "review due 2026-11-26 (1 day ago)");
}

TEST_CASE("the rule registry") {
  std::string ids;
  for (const auto& r : all_rules()) {
    ids += std::string(r.id) + " ";
  }
  // Each domain's rules together, in the order of SPEC §5; the journal's last.
  CHECK(ids ==
        "policy.review_overdue policy.ack_missing risk.review_overdue risk.acceptance_expired risk.untreated "
        "risk.treatment_overdue incident.sla_breach incident.notify_due finding.overdue training.overdue "
        "staff.cert_expiring journal.integrity ");
  REQUIRE(find_rule("risk.untreated") != nullptr);
  CHECK(find_rule("risk.untreated")->settings == "risk.treat_within, risk.bands");
  CHECK(find_rule("risk.nope") == nullptr);
  CHECK(severity_name(Severity::ok) == "OK");
  CHECK(severity_name(Severity::warning) == "WARNING");
  CHECK(severity_name(Severity::critical) == "CRITICAL");
}

TEST_CASE("nothing to report: OK, and every rule asked") {
  FakeSource s;
  s.risks = {a_risk(1, "Fine")};
  const CheckResult r = run(s);
  CHECK(r.status == Severity::ok);
  CHECK(r.critical == 0);
  CHECK(r.warning == 0);
  CHECK(r.problems.empty());
  CHECK(s.queries == 4);
  CHECK(s.journal_calls == 1);
}

TEST_CASE("risk.review_overdue: WARNING within check.warn_within, CRITICAL past") {
  FakeSource s;
  s.risks = {
      with(a_risk(1, "Past"), risk::next_review, "2026-11-20"s),
      with(a_risk(2, "Near"), risk::next_review, "2026-12-05"s),
      with(a_risk(3, "Today"), risk::next_review, "2026-11-27"s),
      with(a_risk(4, "Horizon"), risk::next_review, "2026-12-11"s),
      with(a_risk(5, "Beyond"), risk::next_review, "2026-12-12"s),
      with(with(a_risk(6, "Closed"), risk::next_review, "2026-01-01"s), risk::status, "closed"s),
      with(a_risk(7, "Yesterday"), risk::next_review, "2026-11-26"s),
      with(a_risk(8, "Tomorrow"), risk::next_review, "2026-11-28"s),
      with(with(a_risk(9, "Accepted"), risk::next_review, "2026-11-01"s), risk::status, "accepted"s),
  };
  const CheckResult r = run(s, {"risk.review_overdue"});
  CHECK(lines(r) ==
        "CRITICAL risk.review_overdue RSK-1 \"Past\" review due 2026-11-20 (7 days ago)\n"
        "CRITICAL risk.review_overdue RSK-7 \"Yesterday\" review due 2026-11-26 (1 day ago)\n"
        "CRITICAL risk.review_overdue RSK-9 \"Accepted\" review due 2026-11-01 (26 days ago)\n"
        "WARNING risk.review_overdue RSK-2 \"Near\" review due 2026-12-05 (in 8 days)\n"
        "WARNING risk.review_overdue RSK-3 \"Today\" review due 2026-11-27 (today)\n"
        "WARNING risk.review_overdue RSK-4 \"Horizon\" review due 2026-12-11 (in 14 days)\n"
        "WARNING risk.review_overdue RSK-8 \"Tomorrow\" review due 2026-11-28 (in 1 day)\n");
  REQUIRE(r.problems.size() == 7);
  CHECK(r.problems[0].due == "2026-11-20");
  CHECK(r.critical == 3);
  CHECK(r.warning == 4);
  CHECK(r.status == Severity::critical);
  CHECK(s.journal_calls == 0);  // --only
}

TEST_CASE("run_checks with keep: every problem counted, the first in check order returned") {
  FakeSource s;
  for (std::int64_t id = 40; id >= 1; --id) {  // the source hands them over in reverse
    s.risks.push_back(with(a_risk(id, "Risk"), risk::next_review, id % 2 == 0 ? "2026-11-20"s : "2026-12-05"s));
  }
  for (const std::size_t keep : {std::size_t{0}, std::size_t{3}, std::size_t{25}, std::size_t{100}}) {
    CAPTURE(keep);
    const CheckResult all = run_checks(s, Config{}, k_clock, {"risk.review_overdue"});
    const CheckResult some = run_checks(s, Config{}, k_clock, {"risk.review_overdue"}, keep);
    CHECK(some.critical == 20);
    CHECK(some.warning == 20);
    CHECK(some.status == Severity::critical);
    REQUIRE(some.problems.size() == std::min<std::size_t>(keep, 40));
    for (std::size_t i = 0; i < some.problems.size(); ++i) {
      CHECK(some.problems[i].id == all.problems[i].id);  // RSK-2, RSK-4, … then the warnings
    }
  }
}

TEST_CASE("risk.review_overdue follows check.warn_within") {
  FakeSource s;
  s.risks = {with(a_risk(1, "Near"), risk::next_review, "2026-12-20"s)};
  CHECK(run(s, {"risk.review_overdue"}).problems.empty());
  Config c;
  c.check_warn_within = Duration{1, 'm'};
  CHECK(lines(run(s, {"risk.review_overdue"}, c)) ==
        "WARNING risk.review_overdue RSK-1 \"Near\" review due 2026-12-20 (in 23 days)\n");
}

TEST_CASE("risk.acceptance_expired: accepted risks only, near or past") {
  const auto accepted = [](std::int64_t id, std::string_view title, std::string until) {
    return with(with(a_risk(id, title), risk::status, "accepted"s), risk::accepted_until, std::move(until));
  };
  FakeSource s;
  s.risks = {
      accepted(1, "Expired", "2026-11-01"),
      accepted(2, "Expiring", "2026-12-01"),
      accepted(3, "Later", "2027-06-30"),
      with(a_risk(4, "Open with a stale date"), risk::accepted_until, "2026-01-01"s),
      with(accepted(5, "Closed", "2026-01-01"), risk::status, "closed"s),
  };
  const CheckResult r = run(s, {"risk.acceptance_expired"});
  CHECK(lines(r) ==
        "CRITICAL risk.acceptance_expired RSK-1 \"Expired\" acceptance expired 2026-11-01 (26 days ago)\n"
        "WARNING risk.acceptance_expired RSK-2 \"Expiring\" acceptance expires 2026-12-01 (in 4 days)\n");
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[1].due == "2026-12-01");
}

TEST_CASE("risk.untreated: open high (WARNING) or critical (CRITICAL) risks older than risk.treat_within") {
  const auto old = [](std::int64_t id, std::string_view title, std::int64_t l, std::int64_t i, std::string created) {
    return with(a_risk(id, title, l, i), risk::created, std::move(created));
  };
  FakeSource s;
  s.risks = {
      old(1, "High", 3, 4, "2026-10-01T00:00:00Z"),
      old(2, "Critical", 4, 5, "2026-10-01T00:00:00Z"),
      old(3, "Medium", 3, 3, "2026-10-01T00:00:00Z"),
      old(4, "Young", 5, 5, "2026-11-01T00:00:00Z"),
      old(5, "Just old enough", 4, 4, "2026-10-28T04:26:36Z"),
      with(old(6, "Treating", 5, 5, "2026-01-01T00:00:00Z"), risk::status, "treating"s),
      with(old(7, "Accepted", 5, 5, "2026-01-01T00:00:00Z"), risk::status, "accepted"s),
  };
  const CheckResult r = run(s, {"risk.untreated"});
  CHECK(lines(r) ==
        "CRITICAL risk.untreated RSK-2 \"Critical\" critical risk (score 20) open without treatment for 57 days\n"
        "WARNING risk.untreated RSK-1 \"High\" high risk (score 12) open without treatment for 57 days\n"
        "WARNING risk.untreated RSK-5 \"Just old enough\" high risk (score 16) open without treatment for 30 days\n");
  REQUIRE(r.problems.size() == 3);
  CHECK_FALSE(r.problems[0].due.has_value());

  SUBCASE("bands and treat_within come from config") {
    Config c;
    c.risk_bands = RiskBands{3, 9, 12};
    c.risk_treat_within = Duration{50, 'd'};
    CHECK(lines(run(s, {"risk.untreated"}, c)) ==
          "CRITICAL risk.untreated RSK-1 \"High\" critical risk (score 12) open without treatment for 57 days\n"
          "CRITICAL risk.untreated RSK-2 \"Critical\" critical risk (score 20) open without treatment for 57 days\n"
          "WARNING risk.untreated RSK-3 \"Medium\" high risk (score 9) open without treatment for 57 days\n");
  }
}

TEST_CASE("risk.treatment_overdue: a risk in treatment past its due date is a WARNING") {
  const auto treating = [](std::int64_t id, std::string_view title, Value due) {
    return with(with(a_risk(id, title), risk::status, "treating"s), risk::due, std::move(due));
  };
  FakeSource s;
  s.risks = {
      treating(1, "Late", "2026-11-20"s),         treating(2, "Due today", "2026-11-27"s),
      treating(3, "No due date", Value{}),        with(a_risk(4, "Open and late"), risk::due, "2026-01-01"s),
      treating(5, "Long overdue", "2025-11-27"s),
  };
  const CheckResult r = run(s, {"risk.treatment_overdue"});
  CHECK(lines(r) ==
        "WARNING risk.treatment_overdue RSK-1 \"Late\" treatment due 2026-11-20 (7 days ago)\n"
        "WARNING risk.treatment_overdue RSK-5 \"Long overdue\" treatment due 2025-11-27 (365 days ago)\n");
  CHECK(r.status == Severity::warning);
}

TEST_CASE("risk.treatment_overdue leaves other rules' problems alone when a due date does not parse") {
  // A due date edited behind cso's back ("2026-02-30" sorts before today but is no date):
  // date_problem() reports nothing, and the rule then sets the severity of out.back(),
  // which is the previous problem (or, with no previous problem, an empty vector: UB).
  FakeSource s;
  Record r = with(with(a_risk(1, "Odd"), risk::status, "treating"s), risk::due, "2026-02-30"s);
  s.risks = {with(std::move(r), risk::next_review, "2026-11-01"s)};
  const CheckResult result = run(s, {"risk.review_overdue", "risk.treatment_overdue"});
  CHECK(lines(result) == "CRITICAL risk.review_overdue RSK-1 \"Odd\" review due 2026-11-01 (26 days ago)\n");
  CHECK(result.critical == 1);
  CHECK(result.status == Severity::critical);
}

TEST_CASE("journal.integrity: CRITICAL with what is wrong") {
  FakeSource s;
  SUBCASE("a chain that verifies") {
    CHECK(run(s, {"journal.integrity"}).problems.empty());
  }
  SUBCASE("a broken chain") {
    s.journal = "journal entry 3 is missing (the next entry is 4)";
    const CheckResult r = run(s, {"journal.integrity"});
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].rule == "journal.integrity");
    CHECK(r.problems[0].severity == Severity::critical);
    CHECK(r.problems[0].id.empty());
    CHECK(r.problems[0].message == "journal entry 3 is missing (the next entry is 4)");
    CHECK_FALSE(r.problems[0].due.has_value());
    CHECK(r.status == Severity::critical);
    CHECK(s.queries == 0);
  }
}

TEST_CASE("config overrides a rule's severity, or switches it off") {
  FakeSource s;
  s.risks = {with(a_risk(1, "Past"), risk::next_review, "2026-11-20"s),
             with(a_risk(2, "Near"), risk::next_review, "2026-12-05"s)};
  Config c;
  SUBCASE("warning") {
    c.rule_severity["risk.review_overdue"] = RuleSeverity::warning;
    const CheckResult r = run(s, {}, c);
    CHECK(r.warning == 2);
    CHECK(r.critical == 0);
    CHECK(r.status == Severity::warning);
  }
  SUBCASE("critical") {
    c.rule_severity["risk.review_overdue"] = RuleSeverity::critical;
    const CheckResult r = run(s, {}, c);
    CHECK(r.critical == 2);
    CHECK(r.warning == 0);
  }
  SUBCASE("off: the rule does not even run") {
    c.rule_severity["risk.review_overdue"] = RuleSeverity::off;
    c.rule_severity["journal.integrity"] = RuleSeverity::off;
    s.journal = "broken";
    const CheckResult r = run(s, {}, c);
    CHECK(r.problems.empty());
    CHECK(r.status == Severity::ok);
    CHECK(s.queries == 3);
    CHECK(s.journal_calls == 0);
  }
  SUBCASE("default: as documented") {
    c.rule_severity["risk.review_overdue"] = RuleSeverity::default_;
    const CheckResult r = run(s, {}, c);
    CHECK(r.critical == 1);
    CHECK(r.warning == 1);
  }
  SUBCASE("a setting for another rule changes nothing here") {
    c.rule_severity["risk.untreated"] = RuleSeverity::critical;
    const CheckResult r = run(s, {}, c);
    CHECK(r.critical == 1);
    CHECK(r.warning == 1);
  }
}

TEST_CASE("--only runs the rules named, and refuses unknown ones") {
  FakeSource s;
  s.journal = "broken";
  s.risks = {with(a_risk(1, "Past"), risk::next_review, "2026-11-20"s)};
  const CheckResult r = run(s, {"journal.integrity"});
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].rule == "journal.integrity");
  CHECK(s.queries == 0);
  try {
    run(s, {"journal.integrity", "risk.nope"});
    FAIL("expected a usage error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    std::string known;
    for (const auto& rule : all_rules()) {
      known += (known.empty() ? "" : ", ") + std::string(rule.id);
    }
    CHECK(std::string(e.what()) == "--only: 'risk.nope' is not a check rule; use " + known);
    CHECK(known.find("risk.review_overdue, risk.acceptance_expired, risk.untreated, risk.treatment_overdue") !=
          std::string::npos);
  }
  CHECK(s.journal_calls == 1);  // the bad --only ran nothing
}

TEST_CASE("summary: counts, worst status, critical problems first") {
  FakeSource s;
  s.journal = "journal entry 2 (risk.add RSK-2) does not match its hash";
  s.risks = {
      with(a_risk(3, "Near review"), risk::next_review, "2026-12-01"s),
      with(a_risk(1, "Past review"), risk::next_review, "2026-11-01"s),
      with(with(with(a_risk(2, "Treating"), risk::status, "treating"s), risk::due, "2026-11-02"s), risk::next_review,
           "2026-11-30"s),
      with(a_risk(4, "Old critical", 5, 5), risk::created, "2026-01-01T00:00:00Z"s),
  };
  const CheckResult r = run(s);
  CHECK(lines(r) ==
        "CRITICAL risk.review_overdue RSK-1 \"Past review\" review due 2026-11-01 (26 days ago)\n"
        "CRITICAL risk.untreated RSK-4 \"Old critical\" critical risk (score 25) open without treatment for 330 days\n"
        "CRITICAL journal.integrity  \"\" journal entry 2 (risk.add RSK-2) does not match its hash\n"
        "WARNING risk.review_overdue RSK-2 \"Treating\" review due 2026-11-30 (in 3 days)\n"
        "WARNING risk.review_overdue RSK-3 \"Near review\" review due 2026-12-01 (in 4 days)\n"
        "WARNING risk.treatment_overdue RSK-2 \"Treating\" treatment due 2026-11-02 (25 days ago)\n");
  CHECK(r.critical == 3);
  CHECK(r.warning == 3);
  CHECK(r.status == Severity::critical);
}
