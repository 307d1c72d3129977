// Training: their section of `cso status`.
#include "cli/status_sections.h"

namespace cso::cli {

StatusSection training_status(Context&) { return {}; }

}  // namespace cso::cli
