// The demo's audits.
#include "cli/demo.h"

namespace cso::cli {

void seed_demo_audits(storage::Tx&, const Config&, const Clock&) {}

}  // namespace cso::cli
