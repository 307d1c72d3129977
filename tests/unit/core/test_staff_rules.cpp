// staff.cert_expiring over an in-memory source.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/cert.h"
#include "core/check.h"
#include "core/staff.h"

using namespace cso;

namespace {

const Clock k_clock{1795770000};  // 2026-11-27T09:00:00Z; 60 days reach 2027-01-26

bool holds(const Record& r, const Condition& c) {
  const Value& v = r.values[c.field];
  if (std::holds_alternative<std::monostate>(v)) {
    return c.op == Op::ne;
  }
  switch (c.op) {
    case Op::eq:
      return v == c.values.at(0);
    case Op::ne:
      return v != c.values.at(0);
    case Op::lt:
      return v < c.values.at(0);
    case Op::le:
      return v <= c.values.at(0);
    case Op::gt:
      return v > c.values.at(0);
    case Op::ge:
      return v >= c.values.at(0);
    case Op::in:
      return std::find(c.values.begin(), c.values.end(), v) != c.values.end();
    default:
      FAIL("unexpected condition");
      return false;
  }
}

class FakeSource final : public CheckSource {
 public:
  std::map<const KindDef*, std::vector<Record>> records;

  void each(const KindDef& kind, const Query& q, const std::function<void(const Record&)>& fn) override {
    for (const auto& r : records[&kind]) {  // kept in key order by the test
      if (std::all_of(q.where.begin(), q.where.end(), [&](const Condition& c) { return holds(r, c); })) {
        fn(r);
      }
    }
  }
  std::optional<std::string> journal_problem() override { return std::nullopt; }
};

Record person(std::string handle, std::string status) {
  Record r = empty_record(staff::kind());
  r.set(staff::handle, std::move(handle));
  r.set(staff::name, std::string("Someone"));
  r.set(staff::status, std::move(status));
  return r;
}

Record a_cert(std::string handle, std::string name, std::optional<std::string> expires) {
  cert::NewCert n;
  n.staff = std::move(handle);
  n.name = std::move(name);
  n.expires = std::move(expires);
  return cert::make(n, k_clock);
}

std::string lines(const CheckResult& r) {
  std::string out;
  for (const auto& p : r.problems) {
    out += fmt::format("{} {} {} \"{}\" {} due={}\n", severity_name(p.severity), p.rule, p.id, p.title, p.message,
                       p.due.value_or("-"));
  }
  return out;
}

FakeSource program() {
  FakeSource s;
  s.records[&staff::kind()] = {person("alice", "active"), person("bob", "active"), person("zoe", "inactive")};
  s.records[&cert::kind()] = {
      a_cert("alice", "CISM", std::string("2026-12-20")),     // in 23 days: WARNING
      a_cert("alice", "CISSP", std::string("2027-06-01")),    // far: nothing
      a_cert("bob", "OSCP", std::nullopt),                    // never expires
      a_cert("bob", "Security+", std::string("2026-11-01")),  // expired: CRITICAL
      a_cert("bob", "CCNA", std::string("2026-11-27")),       // today: WARNING
      a_cert("zoe", "CISA", std::string("2026-10-01")),       // inactive: ignored
  };
  return s;
}

}  // namespace

TEST_CASE("staff.cert_expiring: WARNING within check.cert_warn_within, CRITICAL expired, active people only") {
  FakeSource s = program();
  const CheckResult r = run_checks(s, Config{}, k_clock, {"staff.cert_expiring"});
  CHECK(r.status == Severity::critical);
  CHECK(r.critical == 1);
  CHECK(r.warning == 2);
  CHECK(
      lines(r) ==
      "CRITICAL staff.cert_expiring bob/cert/Security+ \"Security+\" expired 2026-11-01 (26 days ago) due=2026-11-01\n"
      "WARNING staff.cert_expiring alice/cert/CISM \"CISM\" expires 2026-12-20 (in 23 days) due=2026-12-20\n"
      "WARNING staff.cert_expiring bob/cert/CCNA \"CCNA\" expires 2026-11-27 (today) due=2026-11-27\n");
}

TEST_CASE("staff.cert_expiring follows check.cert_warn_within") {
  FakeSource s = program();
  Config c;
  c.check_cert_warn_within = Duration{7, 'm'};
  const CheckResult wide = run_checks(s, c, k_clock, {"staff.cert_expiring"});
  CHECK(wide.warning == 3);  // CISSP (2027-06-01) joins
  c.check_cert_warn_within = Duration{1, 'w'};
  const CheckResult narrow = run_checks(s, c, k_clock, {"staff.cert_expiring"});
  CHECK(narrow.warning == 1);
  CHECK(narrow.critical == 1);
}

TEST_CASE("staff.cert_expiring: nothing to report when no certification is near") {
  FakeSource s;
  s.records[&staff::kind()] = {person("alice", "active")};
  s.records[&cert::kind()] = {a_cert("alice", "CISSP", std::string("2028-01-01"))};
  CHECK(run_checks(s, Config{}, k_clock, {"staff.cert_expiring"}).status == Severity::ok);
}
