#include "core/acceptance.h"

#include "core/error.h"
#include "core/record.h"

namespace cso {

Acceptance check_acceptance(Instant until, std::string_view reason, const Clock& clock, const Duration& longest) {
  if (until <= clock.now) {
    throw usage_error("--until: {} is not in the future; an acceptance must expire later", format_date(until));
  }
  if (until > add(clock.now, longest)) {
    throw usage_error("--until: {} is more than {} away (risk.max_acceptance); accept for at most that long",
                      format_date(until), format_duration(longest));
  }
  if (reason.empty()) {
    throw usage_error("--reason: an acceptance needs a reason");
  }
  return {format_date(until), parse_note(reason, "--reason")};
}

}  // namespace cso
