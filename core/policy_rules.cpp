// Policy check rules (SPEC §5).
#include "core/check_rules.h"

namespace cso {

std::span<const Rule> policy_rules() { return {}; }

}  // namespace cso
