#pragma once
#include "storage/records.h"
#include "core/config.h"

namespace cso::cli {

/// Seeds a fictional company's security program (Kestrel Logistics) relative to `now`:
/// staff, and risks in every state, some overdue. Later domains add theirs here.
void seed_demo(storage::Tx& tx, const Config& config, const Clock& clock);

}  // namespace cso::cli
