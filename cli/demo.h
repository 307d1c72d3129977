#pragma once
#include "core/store.h"
#include "core/config.h"

namespace cso::cli {

/// Seeds a fictional company's security program (Kestrel Logistics) relative to `now`:
/// staff, and records of every domain in every state, some overdue.
void seed_demo(Transaction& tx, const Config& config, const Clock& clock);

// Each domain's part of the demo, in its own file (cli/demo_*.cpp), run in this order after
// the staff and risks of demo.cpp. Handles of the demo staff: alice (ciso), bob, carol, dan
// (security), erin, farid, grace, hiro (engineering), ines, jon (it), kim, leo (finance),
// maya (people), nina, omar (legal).
void seed_demo_certs(Transaction& tx, const Config& config, const Clock& clock);      ///< demo_staff.cpp
void seed_demo_policies(Transaction& tx, const Config& config, const Clock& clock);   ///< demo_policy.cpp
void seed_demo_training(Transaction& tx, const Config& config, const Clock& clock);   ///< demo_train.cpp
void seed_demo_incidents(Transaction& tx, const Config& config, const Clock& clock);  ///< demo_incident.cpp
void seed_demo_audits(Transaction& tx, const Config& config, const Clock& clock);     ///< demo_audit.cpp

}  // namespace cso::cli
