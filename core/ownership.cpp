#include "core/ownership.h"

#include "core/audit.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/policy.h"
#include "core/risk.h"

namespace cso {

std::vector<OwnedKind> owned_kinds() {
  std::vector<OwnedKind> out;
  out.push_back({&policy::kind(),
                 policy::owner,
                 policy::title,
                 {{policy::status, Op::ne, {std::string("retired")}, {}}},
                 policy::updated});
  out.push_back(
      {&risk::kind(), risk::owner, risk::title, {{risk::status, Op::ne, {std::string("closed")}, {}}}, risk::updated});
  out.push_back({&incident::kind(),
                 incident::lead,
                 incident::title,
                 {{incident::status, Op::ne, {std::string("closed")}, {}}},
                 incident::updated});
  // Accepted findings stay with their owner: the acceptance expires and comes back to them.
  out.push_back(
      {&finding::kind(),
       finding::owner,
       finding::title,
       {{finding::status, Op::in, {std::string("open"), std::string("remediating"), std::string("accepted")}, {}}},
       finding::updated});
  out.push_back({&audit::kind(),
                 audit::lead,
                 audit::title,
                 {{audit::status, Op::ne, {std::string("closed")}, {}}},
                 audit::updated});
  return out;
}

}  // namespace cso
