#include <doctest/doctest.h>

#include "core/acceptance.h"
#include "tests/unit/test_support.h"

using namespace cso;
using test::usage_message;

TEST_CASE("an acceptance expires in the future and gives a reason") {
  const Clock clock{1795770000};  // 2026-11-27T09:00:00Z
  const Acceptance a = check_acceptance(clock.now + 86400, "compensating controls", clock, Duration{1, 'y'});
  CHECK(a.until == "2026-11-28");
  CHECK(a.reason == "compensating controls");
  CHECK(usage_message([&] {
          check_acceptance(clock.now, "x", clock, Duration{1, 'y'});
        }) == "--until: 2026-11-27 is not in the future; an acceptance must expire later");
  CHECK(usage_message([&] {
          check_acceptance(clock.now + 86400, "", clock, Duration{1, 'y'});
        }) == "--reason: an acceptance needs a reason");
}

TEST_CASE("an acceptance lasts at most risk.max_acceptance") {
  const Clock clock{1795770000};  // 2026-11-27T09:00:00Z
  const Duration year{1, 'y'};
  CHECK(check_acceptance(add(clock.now, year), "budget", clock, year).until == "2027-11-27");
  CHECK(usage_message([&] { check_acceptance(add(clock.now, year) + 86400, "budget", clock, year); }) ==
        "--until: 2027-11-28 is more than 1y away (risk.max_acceptance); accept for at most that long");
}
