// The demo's policies.
#include "cli/demo.h"

namespace cso::cli {

void seed_demo_policies(storage::Tx&, const Config&, const Clock&) {}

}  // namespace cso::cli
