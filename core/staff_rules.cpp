// Staff check rules (SPEC §5).
#include "core/check_rules.h"

namespace cso {

std::span<const Rule> staff_rules() { return {}; }

}  // namespace cso
