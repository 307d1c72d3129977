#include <doctest/doctest.h>

#include "core/acceptance.h"
#include "tests/unit/test_support.h"

using namespace cso;
using test::usage_message;

TEST_CASE("an acceptance expires in the future and gives a reason") {
  const Clock clock{1795770000};  // 2026-11-27T09:00:00Z
  const Acceptance a = check_acceptance(clock.now + 86400, "compensating controls", clock);
  CHECK(a.until == "2026-11-28");
  CHECK(a.reason == "compensating controls");
  CHECK(usage_message([&] { check_acceptance(clock.now, "x", clock); }) ==
        "--until: 2026-11-27 is not in the future; an acceptance must expire later");
  CHECK(usage_message([&] { check_acceptance(clock.now + 86400, "", clock); }) ==
        "--reason: an acceptance needs a reason");
}
