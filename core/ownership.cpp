#include "core/ownership.h"

#include "core/policy.h"
#include "core/risk.h"

namespace cso {

std::vector<OwnedKind> owned_kinds() {
  std::vector<OwnedKind> out;
  out.push_back({&policy::kind(), policy::owner, policy::title,
                 {{policy::status, Op::ne, {std::string("retired")}, {}}}, policy::updated});
  out.push_back({&risk::kind(), risk::owner, risk::title, {{risk::status, Op::ne, {std::string("closed")}, {}}},
                 risk::updated});
  return out;
}

}  // namespace cso
