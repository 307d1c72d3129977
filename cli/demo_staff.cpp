// The demo's certs.
#include "cli/demo.h"

namespace cso::cli {

void seed_demo_certs(storage::Tx&, const Config&, const Clock&) {}

}  // namespace cso::cli
