// The demo's training.
#include "cli/demo.h"

namespace cso::cli {

void seed_demo_training(storage::Tx&, const Config&, const Clock&) {}

}  // namespace cso::cli
