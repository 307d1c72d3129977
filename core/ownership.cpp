#include "core/ownership.h"

#include "core/incident.h"
#include "core/risk.h"

namespace cso {

std::vector<OwnedKind> owned_kinds() {
  std::vector<OwnedKind> out;
  out.push_back({&risk::kind(), risk::owner, risk::title, {{risk::status, Op::ne, {std::string("closed")}, {}}},
                 risk::updated});
  out.push_back({&incident::kind(), incident::lead, incident::title,
                 {{incident::status, Op::ne, {std::string("closed")}, {}}}, incident::updated});
  return out;
}

}  // namespace cso
