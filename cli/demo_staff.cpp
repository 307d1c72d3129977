// The demo's certifications: most of the security team and a few others, one expired and a
// couple expiring soon, so `check` and `status` have something to say.
#include <array>

#include "cli/demo.h"
#include "core/cert.h"

namespace cso::cli {
namespace {

constexpr std::int64_t k_day = 86400;

struct DemoCert {
  const char *handle, *name, *issuer, *number;
  int earned_days_ago;
  int expires_in_days;  ///< 0: no expiry; negative: already expired
};

constexpr std::array<DemoCert, 13> k_certs{{
    {"alice", "CISSP", "ISC2", "712804", 2600, 320},
    {"alice", "CISM", "ISACA", "CM-190233", 1900, 16},
    {"bob", "OSCP", "OffSec", "OS-101-48211", 1200, 0},
    {"bob", "AWS Security Specialty", "Amazon Web Services", "AWS-SCS-55310", 700, 395},
    {"carol", "CISA", "ISACA", "CA-224871", 1400, 41},
    {"carol", "ISO 27001 Lead Auditor", "PECB", "LA-27001-9934", 800, 295},
    {"dan", "GCIH", "GIAC", "GCIH-40112", 1130, -35},
    {"farid", "CKS", "CNCF", "LF-kz81q0", 500, 230},
    {"ines", "Security+", "CompTIA", "COMP001022998", 1000, 95},
    {"jon", "CCNA", "Cisco", "CSCO13872201", 900, 190},
    {"kim", "CFE", "ACFE", "CFE-88120", 1500, 0},
    {"nina", "CIPP/E", "IAPP", "IAPP-0099871", 650, 80},
    {"omar", "CIPM", "IAPP", "IAPP-0107725", 400, 330},
}};

}  // namespace

void seed_demo_certs(Transaction& tx, const Config&, const Clock& clock) {
  for (const auto& d : k_certs) {
    const Clock earned{clock.now - d.earned_days_ago * k_day};
    cert::NewCert n;
    n.staff = d.handle;
    n.name = d.name;
    n.issuer = d.issuer;
    n.number = d.number;
    n.earned = format_date(earned.now);
    if (d.expires_in_days != 0) {
      n.expires = format_date(clock.now + d.expires_in_days * k_day);
    }
    // Recorded a few days after it was earned, as people do.
    Record r = cert::make(n, Clock{earned.now + 3 * k_day});
    tx.insert(cert::kind(), r, "staff.cert.add");
  }
}

}  // namespace cso::cli
