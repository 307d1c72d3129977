#pragma once
// The board report's key figures (SPEC §5): what a board compares period with period, read
// through the same selectors and check rules as `status` and `check`. The same function reads
// today's store and the store as it stood at the start of the period (Store::as_of), so both
// columns are counted alike.
#include <optional>

#include "core/check.h"
#include "core/config.h"
#include "core/policy.h"
#include "core/store.h"
#include "core/time.h"

namespace cso::board {

/// The problems Figures keeps (a large program has one per record; a board reads the first).
constexpr std::size_t k_problems_kept = 10;

struct Figures {
  std::int64_t risks_critical_high = 0;        ///< not closed, level critical or high
  std::int64_t reviews_overdue = 0;            ///< published policies and risks not closed, next_review past
  std::int64_t incidents_major = 0;            ///< open sev1 and sev2
  std::optional<std::int64_t> contain_median;  ///< seconds, over the incidents contained in the window
  std::int64_t contained = 0;                  ///< how many that median is of
  std::int64_t findings_overdue = 0;           ///< as `status` counts them
  policy::Coverage acknowledgements;           ///< of every policy in force
  std::int64_t training_complete = 0, training_assigned = 0;
  std::int64_t certs_expired = 0;  ///< of active staff
  CheckResult checks;              ///< every rule but journal.integrity, at that time: the counts, and only the first
                                   ///< k_problems_kept problems
};

/// The figures of `store` at clock.now; the median time to contain is over the incidents
/// contained from `window_start` to then.
Figures figures(Store& store, const Config& config, const Clock& clock, Instant window_start);

}  // namespace cso::board
