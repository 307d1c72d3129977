#include "core/kinds.h"

#include <array>
#include <cctype>

#include "core/audit.h"
#include "core/cert.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/policy.h"
#include "core/risk.h"
#include "core/staff.h"
#include "core/training.h"

namespace cso {

std::span<const KindDef* const> all_kinds() {
  static const std::array<const KindDef*, 12> k_kinds{
      &staff::kind(),      &cert::kind(),    &policy::kind(),           &policy_version::kind(),
      &policy_ack::kind(), &risk::kind(),    &incident::kind(),         &incident_event::kind(),
      &audit::kind(),      &finding::kind(), &training::course::kind(), &training::assignment::kind()};
  return k_kinds;
}

const KindDef* kind_of_key(std::string_view key) {
  for (const KindDef* k : all_kinds()) {
    const auto p = k->prefix;
    if (p.empty() || key.size() <= p.size() + 1 || key[p.size()] != '-') {
      continue;
    }
    bool same = true;
    for (std::size_t i = 0; i < p.size(); ++i) {
      same = same && std::toupper(static_cast<unsigned char>(key[i])) == p[i];
    }
    if (same) {
      return k;
    }
  }
  return nullptr;
}

}  // namespace cso
