// cso-bench-seed: fills a database (made by `cso init`, staff and risks already imported) with a
// year of a large program, for bench/run section 4b: N policies (each published, acknowledged
// once), N incidents with their timelines (most closed), N findings in N/100 audits, and courses
// whose assignments to the staff come to about N, with completions for most. Every record goes
// through the core's own constructors and transitions and the store's journalled transactions,
// one transaction per month, each dated in that month, as the commands would have written them.
//
// usage: cso-bench-seed DB N NOW   (NOW: the RFC 3339 instant the year ends at)
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/audit.h"
#include "core/config.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/policy.h"
#include "core/staff.h"
#include "core/training.h"
#include "core/training_service.h"
#include "storage/open.h"

namespace {

using namespace cso;

constexpr Instant k_day = 86400;
constexpr int k_months = 12;
constexpr std::int64_t k_findings_per_audit = 100;
constexpr std::int64_t k_staff_per_course = 5000;  ///< the size of a team in the staff CSV

struct Seed {
  Store& store;
  Config config;
  std::vector<std::string> staff;  ///< active handles, in key order
};

/// The handles of every active staff member.
std::vector<std::string> active_staff(Reader& reader) {
  std::vector<std::string> handles;
  Query q;
  reader.each(staff::kind(), q, [&](Record& r) {
    if (r.text(staff::status) == "active") {
      handles.push_back(r.text(staff::handle));
    }
  });
  return handles;
}

/// Runs `write` in one transaction journalled by `actor` at `at`.
template <typename Write>
void in_transaction(Seed& s, const std::string& actor, Instant at, Write&& write) {
  auto tx = s.store.begin(Actor{actor, at});
  write(*tx, Clock{at});
  tx->commit();
}

/// Policy `i`: added by the first person, approved and published by the second, acknowledged
/// by one of the staff.
void add_policy(Transaction& tx, Seed& s, std::int64_t i, const Clock& clock) {
  policy::NewPolicy n;
  n.title = "Policy " + std::to_string(i);
  n.owner = s.staff[static_cast<std::size_t>(i) % s.staff.size()];
  Record p = policy::make(n, s.config, clock);
  tx.insert(policy::kind(), p, "policy.add");
  const std::string body = "# Policy " + std::to_string(i) + "\n\nEvery system has an owner.\n";
  Record v = policy_version::make(p, 1, body, storage::sha256_hex(body), s.staff[0], "First version", clock);
  tx.insert(policy_version::kind(), v, "policy.add");
  policy::submit(p, v, clock);
  policy::approve(p, v, s.staff[1], std::nullopt, clock);
  policy::publish(p, v, nullptr, format_date(clock.now), s.config, clock);
  tx.update(policy_version::kind(), v, "policy.publish");
  tx.update(policy::kind(), p, "policy.publish");
  Record ack = policy_ack::make(v, s.staff[static_cast<std::size_t>(i * 7) % s.staff.size()], format_date(clock.now));
  tx.insert(policy_ack::kind(), ack, "policy.ack");
}

/// Incident `i`: detected now, contained two hours on and closed three days on, except one in
/// fifty still open.
void add_incident(Transaction& tx, Seed& s, std::int64_t i, const Clock& clock) {
  static constexpr const char* k_severities[] = {"sev1", "sev2", "sev3", "sev3", "sev4", "sev4", "sev4", "sev4"};
  incident::NewIncident n;
  n.title = "Incident " + std::to_string(i);
  n.severity = k_severities[i % 8];
  n.lead = s.staff[static_cast<std::size_t>(i) % s.staff.size()];
  const Clock before{clock.now - 3 * k_day};
  n.detected = before.now;
  std::vector<incident::Event> events;
  Record r = incident::make(n, before, events);
  tx.insert(incident::kind(), r, "incident.open");
  const std::string key = display_key(incident::kind(), r);
  if (i % 50 != 0) {
    incident::advance(r, "contained", before.now + 7200, clock, events);
    incident::close(r, {"true_positive", "A stolen password", "Enforce MFA"}, clock.now, clock, events);
    tx.update(incident::kind(), r, "incident.close");
  }
  incident_event::append(tx, key, events, s.staff[0], "incident.open");
}

/// Finding `i` of `audit`: due a month after it is found; resolved and verified unless one in
/// three, which stay open.
void add_finding(Transaction& tx, Seed& s, const std::string& audit, std::int64_t i, const Clock& clock) {
  finding::NewFinding n;
  n.title = "Finding " + std::to_string(i);
  n.severity = i % 5 == 0 ? "high" : "medium";
  n.owner = s.staff[static_cast<std::size_t>(i) % s.staff.size()];
  n.due = format_date(clock.now + 30 * k_day);
  n.audit = audit;
  Record f = finding::make(n, clock);
  tx.insert(finding::kind(), f, "finding.add");
  if (i % 3 != 0) {
    finding::resolve(f, "Fixed", clock);
    finding::verify(f, s.staff[0] == n.owner ? s.staff[1] : s.staff[0], clock);
    tx.update(finding::kind(), f, "finding.verify");
  }
}

std::int64_t share(std::int64_t n, int month) {
  return n * (month + 1) / k_months - n * month / k_months;
}

void seed(Seed& s, std::int64_t n, Instant end) {
  const Instant start = end - 365 * k_day;
  const std::string& actor = s.staff[0];
  std::int64_t policies = 0;
  std::int64_t incidents = 0;
  std::int64_t findings = 0;
  for (int month = 0; month < k_months; ++month) {
    const Instant at = start + month * 365 * k_day / k_months + 15 * k_day;  // mid-month
    in_transaction(s, actor, at, [&](Transaction& tx, const Clock& clock) {
      for (std::int64_t k = share(n, month); k > 0; --k) {
        add_policy(tx, s, ++policies, clock);
        add_incident(tx, s, ++incidents, clock);
      }
      const std::int64_t audits = share(n / k_findings_per_audit, month);
      for (std::int64_t a = 0; a < audits; ++a) {
        audit::NewAudit na;
        na.title = "Audit " + std::to_string(findings / k_findings_per_audit + 1);
        na.lead = s.staff[1];
        Record r = audit::make(na, clock);
        tx.insert(audit::kind(), r, "audit.add");
        const std::string audit_key = display_key(audit::kind(), r);
        for (std::int64_t f = 0; f < k_findings_per_audit; ++f) {
          add_finding(tx, s, audit_key, ++findings, clock);
        }
      }
    });
    std::fprintf(stderr, "\rcso-bench-seed: month %d of %d", month + 1, k_months);
  }
  // One course per team of the staff CSV (team t1, t2, …), assigned by sync half a year before
  // the end; four in five of each team complete it three weeks later.
  const std::int64_t courses = std::max<std::int64_t>(1, n / k_staff_per_course);
  const Instant assigned = end - 180 * k_day;
  in_transaction(s, actor, assigned, [&](Transaction& tx, const Clock& clock) {
    for (std::int64_t c = 1; c <= courses; ++c) {
      training::NewCourse nc;
      nc.title = "Course " + std::to_string(c);
      nc.audience = "team:t" + std::to_string(c);
      Record course = training::make_course(nc, s.config, clock);
      tx.insert(training::course::kind(), course, "train.add");
    }
    training::sync(tx, s.config, clock);
  });
  in_transaction(s, actor, assigned + 21 * k_day, [&](Transaction& tx, const Clock& clock) {
    for (std::int64_t c = 1; c <= courses; ++c) {
      const Record course = training::course_or_throw(tx, "TRN-" + std::to_string(c));
      std::int64_t k = 0;
      for (const auto& [handle, a] : training::latest_assignments(tx, display_key(training::course::kind(), course))) {
        if (++k % 5 != 0) {
          training::complete(tx, course, handle, format_date(clock.now), 90, s.config);
        }
      }
    }
  });
  std::fprintf(stderr, "\rcso-bench-seed: %lld policies, %lld incidents, %lld findings, %lld courses\n",
               static_cast<long long>(policies), static_cast<long long>(incidents), static_cast<long long>(findings),
               static_cast<long long>(courses));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: cso-bench-seed DB N NOW\n");
    return 2;
  }
  try {
    auto store = cso::storage::open_store(argv[1]);
    Seed s{*store, cso::Config{}, {}};
    s.staff = active_staff(*store);
    if (s.staff.size() < 2) {
      throw cso::usage_error("{}: import at least two staff first", argv[1]);
    }
    const cso::Clock end = cso::fixed_clock(argv[3], "NOW");
    seed(s, std::strtoll(argv[2], nullptr, 10), end.now);
  } catch (const cso::Error& e) {
    std::fprintf(stderr, "cso-bench-seed: %s\n", e.what());
    return 1;
  }
  return 0;
}
