// The demo's audits: last year's ISO 27001 certification audit (closed), an external pentest in
// fieldwork, and findings in every state, some overdue, one from a self-assessment.
#include "cli/demo.h"

#include "core/audit.h"
#include "core/finding.h"

#include <array>

namespace cso::cli {
namespace {

constexpr std::int64_t k_day = 86400;

/// One demo finding. Days are relative to now (negative: in the past).
struct DemoFinding {
  int audit;  ///< 1 or 2; 0 for none (self-assessment)
  const char *title, *severity, *grade, *owner;
  int created_days, due_days;
  const char* state;   ///< open, remediating, resolved, verified, accepted
  int until_days;      ///< accepted: accepted_until
  const char* verifier;
};

constexpr std::array<DemoFinding, 10> k_findings{{
    {1, "Access reviews not performed quarterly", "high", "major_nc", "ines", -385, -300, "verified", 0, "carol"},
    {1, "Supplier security assessments incomplete", "medium", "minor_nc", "nina", -385, -20, "remediating", 0, ""},
    {1, "Awareness training records incomplete", "low", "minor_nc", "maya", -384, -180, "resolved", 0, ""},
    {1, "Clean desk policy not enforced at branch offices", "low", "observation", "maya", -384, -200, "accepted", -7,
     ""},
    {1, "Cloud asset inventory lacks owners", "medium", "ofi", "farid", -383, -250, "verified", 0, "bob"},
    {2, "SQL injection in booking search", "high", "", "grace", -8, -2, "open", 0, ""},
    {2, "TLS 1.0 still enabled on legacy endpoint", "medium", "", "jon", -6, 24, "open", 0, ""},
    {2, "Verbose errors leak stack traces", "low", "", "hiro", -5, 40, "remediating", 0, ""},
    {0, "Backups not restore-tested in 12 months", "high", "", "jon", -60, -10, "accepted", 50, ""},
    {0, "MFA not enforced on the admin console", "critical", "", "bob", -3, 14, "open", 0, ""},
}};

Clock at(const Clock& now, int days) { return Clock{now.now + days * k_day}; }

Record plan(Transaction& tx, const audit::NewAudit& n, const Clock& clock) {
  Record r = audit::make(n, clock);
  tx.insert(audit::kind(), r, "audit.plan");
  return r;
}

void add_finding(Transaction& tx, const DemoFinding& d, const Clock& now) {
  finding::NewFinding n;
  n.title = d.title;
  n.severity = d.severity;
  n.owner = d.owner;
  n.due = format_date(at(now, d.due_days).now);
  if (d.audit != 0) {
    n.audit = display_id(audit::kind(), d.audit);
  }
  if (*d.grade != '\0') {
    n.grade = d.grade;
  }
  Record r = finding::make(n, at(now, d.created_days));
  tx.insert(finding::kind(), r, "finding.add");
}

/// Moves a finding on from open after its audit: remediation, resolution, verification, acceptance.
void progress(Transaction& tx, std::int64_t id, const DemoFinding& d, const Clock& now) {
  Record r = tx.get_or_throw(finding::kind(), id);
  const std::string state = d.state;
  const Clock step{at(now, d.created_days).now + 2 * k_day};
  if (state == "remediating" || state == "resolved" || state == "verified") {
    finding::remediate(r, "Agreed with the owner: see the remediation tracker.", step);
    tx.update(finding::kind(), r, "finding.remediate");
  }
  if (state == "resolved" || state == "verified") {
    const Clock resolved = state == "resolved" ? at(now, -4) : Clock{step.now + 30 * k_day};
    finding::resolve(r, "Fixed; evidence attached to the audit file.", resolved);
    tx.update(finding::kind(), r, "finding.resolve");
  }
  if (state == "verified") {
    finding::verify(r, d.verifier, Clock{step.now + 40 * k_day});
    tx.update(finding::kind(), r, "finding.verify", "Evidence sampled and checked.");
  }
  if (state == "accepted") {
    const Clock accepted{std::min(now.now - k_day, step.now + 30 * k_day)};
    finding::accept(r, format_date(at(now, d.until_days).now), "alice",
                    "Compensating controls in place; revisit at the next review.", accepted);
    tx.update(finding::kind(), r, "finding.accept");
  }
}

}  // namespace

void seed_demo_audits(Transaction& tx, const Config&, const Clock& clock) {
  audit::NewAudit cert;
  cert.title = "ISO 27001 certification audit";
  cert.kind = "certification";
  cert.scope = "The ISMS of Kestrel Logistics: head office, booking platform, IT operations.";
  cert.lead = "carol";
  cert.auditor = "Northbridge Certification Ltd";
  cert.framework = "ISO 27001:2022";
  cert.start = format_date(at(clock, -386).now);
  cert.end = format_date(at(clock, -382).now);
  Record a1 = plan(tx, cert, at(clock, -420));

  audit::NewAudit pentest;
  pentest.title = "External penetration test";
  pentest.kind = "pentest";
  pentest.scope = "Public web applications, the booking API and the VPN.";
  pentest.lead = "bob";
  pentest.auditor = "Redline Security";
  pentest.start = format_date(at(clock, -10).now);
  pentest.end = format_date(at(clock, 4).now);

  audit::start_fieldwork(a1, at(clock, -386));
  tx.update(audit::kind(), a1, "audit.start");
  for (const auto& d : k_findings) {
    if (d.audit == 1) {
      add_finding(tx, d, clock);
    }
  }
  audit::report_phase(a1, at(clock, -382));
  tx.update(audit::kind(), a1, "audit.report-phase");
  audit::close(a1, "Certificate recommended: one major and two minor nonconformities, one observation, one OFI.",
               at(clock, -370));
  tx.update(audit::kind(), a1, "audit.close");

  Record a2 = plan(tx, pentest, at(clock, -30));
  audit::start_fieldwork(a2, at(clock, -10));
  tx.update(audit::kind(), a2, "audit.start");
  for (const auto& d : k_findings) {
    if (d.audit != 1) {
      add_finding(tx, d, clock);
    }
  }
  // Findings were numbered in the order added: the audit's first, then the others.
  std::int64_t id = 0;
  for (const int pass : {1, 0}) {
    for (const auto& d : k_findings) {
      if ((d.audit == 1) == (pass == 1)) {
        progress(tx, ++id, d, clock);
      }
    }
  }
}

}  // namespace cso::cli
