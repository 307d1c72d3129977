#include "cli/demo.h"

#include "core/risk.h"
#include "core/staff.h"

#include <algorithm>
#include <array>

namespace cso::cli {
namespace {

constexpr std::int64_t k_day = 86400;

struct DemoPerson {
  const char *handle, *name, *role, *team, *manager;
  int started_days_ago;
};

constexpr std::array<DemoPerson, 15> k_people{{
    {"alice", "Alice Moreau", "ciso", "security", "", 2100},
    {"bob", "Bob Okafor", "security-engineer", "security", "alice", 1500},
    {"carol", "Carol Nguyen", "grc-analyst", "security", "alice", 900},
    {"dan", "Dan Kowalski", "soc-analyst", "security", "bob", 700},
    {"erin", "Erin Walsh", "cto", "engineering", "", 2400},
    {"farid", "Farid Haddad", "platform-lead", "engineering", "erin", 1300},
    {"grace", "Grace Lindqvist", "developer", "engineering", "farid", 600},
    {"hiro", "Hiro Tanaka", "developer", "engineering", "farid", 400},
    {"ines", "Ines Duarte", "it-manager", "it", "erin", 1800},
    {"jon", "Jon Mbeki", "sysadmin", "it", "ines", 1100},
    {"kim", "Kim Park", "cfo", "finance", "", 2000},
    {"leo", "Leo Rossi", "accountant", "finance", "kim", 300},
    {"maya", "Maya Cohen", "hr-lead", "people", "kim", 1600},
    {"nina", "Nina Petrova", "legal-counsel", "legal", "kim", 1000},
    {"omar", "Omar Farouk", "dpo", "legal", "nina", 500},
}};

/// One demo risk. `days` fields are relative to now (negative: in the past).
struct DemoRisk {
  const char *title, *category, *owner;
  int likelihood, impact, created_days_ago;
  const char* state;          ///< open, treating, accepted, closed
  const char* strategy;       ///< treating: mitigate/transfer/avoid
  int due_or_until_days;      ///< treating: due; accepted: accepted_until
  const char* review_every;
  bool review_overdue = false;  ///< left unreviewed, so `check` has overdue reviews to show
};

constexpr std::array<DemoRisk, 30> k_risks{{
    {"Ransomware encrypts file servers", "malware", "bob", 4, 5, 200, "treating", "mitigate", 30, "90d"},
    {"Phishing leads to credential theft", "people", "carol", 5, 4, 180, "treating", "mitigate", -12, "90d", true},
    {"Unpatched VPN appliance exploited", "vulnerability", "jon", 4, 5, 45, "open", "", 0, "30d"},
    {"Cloud storage bucket exposed publicly", "data", "farid", 3, 5, 60, "open", "", 0, "90d"},
    {"Key supplier suffers a data breach", "vendor", "nina", 3, 4, 300, "accepted", "", -5, "180d"},
    {"Laptop lost with unencrypted data", "data", "ines", 2, 3, 400, "closed", "", 0, "12m"},
    {"Insider copies customer database", "insider", "maya", 2, 5, 150, "treating", "mitigate", 60, "90d"},
    {"DDoS takes the booking site offline", "availability", "farid", 3, 4, 250, "treating", "transfer", 20, "90d", true},
    {"Payment fraud via business e-mail compromise", "fraud", "kim", 3, 5, 120, "treating", "mitigate", -3, "90d"},
    {"Backups fail to restore", "availability", "jon", 2, 5, 130, "open", "", 0, "90d"},
    {"Developer secrets committed to git", "development", "grace", 4, 3, 90, "treating", "mitigate", 14, "90d"},
    {"Third-party library with known CVE", "development", "hiro", 4, 3, 30, "open", "", 0, "90d"},
    {"GDPR fine after a reportable breach", "compliance", "omar", 2, 5, 365, "accepted", "", 10, "12m"},
    {"Shadow IT SaaS holds customer data", "vendor", "ines", 3, 3, 100, "open", "", 0, "90d"},
    {"Privileged accounts without MFA", "access", "bob", 3, 4, 20, "open", "", 0, "90d"},
    {"Former staff accounts not disabled", "access", "maya", 3, 3, 210, "treating", "mitigate", -30, "90d", true},
    {"Data centre fire", "physical", "ines", 1, 5, 700, "accepted", "", 120, "12m", true},
    {"Logging gaps hide an intrusion", "detection", "dan", 3, 4, 80, "treating", "mitigate", 45, "90d"},
    {"Wire transfer approval bypassed", "fraud", "kim", 2, 4, 500, "closed", "", 0, "12m"},
    {"Outdated firewall rules allow lateral movement", "network", "jon", 3, 3, 95, "open", "", 0, "90d"},
    {"Mobile devices without management", "endpoint", "ines", 3, 2, 160, "accepted", "", 40, "180d"},
    {"Contract lacks security clauses", "vendor", "nina", 2, 2, 330, "open", "", 0, "12m"},
    {"Weak passwords on legacy systems", "access", "jon", 4, 2, 75, "treating", "avoid", 5, "90d"},
    {"Customer PII in test environments", "data", "farid", 3, 4, 40, "open", "", 0, "90d"},
    {"Single point of failure in DNS", "availability", "farid", 2, 3, 600, "closed", "", 0, "12m"},
    {"Social engineering at the front desk", "people", "maya", 2, 2, 250, "open", "", 0, "180d"},
    {"Ransom demand without cyber insurance", "financial", "kim", 2, 4, 190, "treating", "transfer", 90, "180d"},
    {"Expired TLS certificate on the API", "availability", "grace", 3, 2, 15, "open", "", 0, "90d"},
    {"SOC alert fatigue misses incidents", "detection", "dan", 4, 4, 35, "open", "", 0, "30d"},
    {"Printer firmware with default credentials", "endpoint", "jon", 2, 1, 800, "closed", "", 0, "12m"},
}};

void seed_staff(Transaction& tx, const Clock& clock) {
  for (const auto& p : k_people) {
    Record r = empty_record(staff::kind());
    r.set(staff::handle, std::string(p.handle));
    r.set(staff::name, std::string(p.name));
    r.set(staff::email, std::string(p.handle) + "@kestrel.example");
    r.set(staff::role, std::string(p.role));
    r.set(staff::team, std::string(p.team));
    if (*p.manager != '\0') {
      r.set(staff::manager, std::string(p.manager));
    }
    r.set(staff::started, format_date(clock.now - p.started_days_ago * k_day));
    r.set(staff::status, std::string("active"));
    tx.insert(staff::kind(), r, "staff.add");
  }
}

void seed_risk(Transaction& tx, const DemoRisk& d, const Config& config, const Clock& now) {
  const Clock created{now.now - d.created_days_ago * k_day};
  risk::NewRisk n;
  n.title = d.title;
  n.category = d.category;
  n.owner = d.owner;
  n.likelihood = d.likelihood;
  n.impact = d.impact;
  n.review_every = parse_duration(d.review_every, "demo");
  Record r = risk::make(n, config, created);
  tx.insert(risk::kind(), r, "risk.add");
  const std::string state = d.state;
  const Clock midway{created.now + (now.now - created.now) / 2};
  if (state == "treating") {
    risk::treat(r, d.strategy, "Owner-approved plan: see the risk workshop notes.",
                format_date(now.now + d.due_or_until_days * k_day), midway);
    tx.update(risk::kind(), r, "risk.treat");
  } else if (state == "accepted") {
    risk::accept(r, format_date(now.now + d.due_or_until_days * k_day), "alice", midway);
    tx.update(risk::kind(), r, "risk.accept", "Within appetite; compensating controls in place.");
  } else if (state == "closed") {
    risk::close(r, midway);
    tx.update(risk::kind(), r, "risk.close", "The asset was retired.");
  }
  if (!d.review_overdue && state != "closed") {
    // Reviewed a third of a period ago (or at creation, if younger): next review still ahead.
    const std::int64_t period = approximate_seconds(*n.review_every);
    const Clock reviewed{std::max(created.now, now.now - period / 3)};
    risk::review(r, config, reviewed);
    tx.update(risk::kind(), r, "risk.review", "Periodic review: rating unchanged.");
  }
}

}  // namespace

void seed_demo(Transaction& tx, const Config& config, const Clock& clock) {
  seed_staff(tx, clock);
  for (const auto& d : k_risks) {
    seed_risk(tx, d, config, clock);
  }
  seed_demo_certs(tx, config, clock);
  seed_demo_policies(tx, config, clock);
  seed_demo_training(tx, config, clock);
  seed_demo_incidents(tx, config, clock);
  seed_demo_audits(tx, config, clock);
}

}  // namespace cso::cli
