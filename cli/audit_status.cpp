// Audit findings: their section of `cso status`.
#include "cli/status_sections.h"

namespace cso::cli {

StatusSection finding_status(Context&) { return {}; }

}  // namespace cso::cli
