// Policies: their section of `cso status`.
#include "cli/status_sections.h"

namespace cso::cli {

StatusSection policy_status(Context&) { return {}; }

}  // namespace cso::cli
