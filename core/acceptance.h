#pragma once
// Accepting a risk or a finding (SPEC §4): a sign-off with an expiry and a reason, checked the
// same way for every kind that can be accepted.
#include <string>
#include <string_view>

#include "core/time.h"

namespace cso {

struct Acceptance {
  std::string until;   ///< the expiry, as a stored date
  std::string reason;  ///< checked as a journal note
};

/// `until` must lie after now, and no further than `longest` (risk.max_acceptance), and
/// `reason` must be given; usage Errors name --until and --reason.
Acceptance check_acceptance(Instant until, std::string_view reason, const Clock& clock, const Duration& longest);

}  // namespace cso
