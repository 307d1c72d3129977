// The demo's incidents.
#include "cli/demo.h"

namespace cso::cli {

void seed_demo_incidents(storage::Tx&, const Config&, const Clock&) {}

}  // namespace cso::cli
