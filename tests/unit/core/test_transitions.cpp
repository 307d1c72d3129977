#include <doctest/doctest.h>

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/transitions.h"

using namespace cso;

TEST_CASE("or_list joins alternatives for messages, skipping unused slots") {
  const std::vector<std::string_view> one{"a"}, two{"a", "b"}, three{"a", "b", "c"}, slots{"a", "", "b", ""};
  CHECK(or_list(one) == "a");
  CHECK(or_list(two) == "a or b");
  CHECK(or_list(three) == "a, b or c");
  CHECK(or_list(slots) == "a or b");
}

TEST_CASE("require_one_of passes an allowed status and names the allowed ones otherwise") {
  constexpr std::array<std::string_view, 4> from{"open", "treating", "accepted", ""};
  CHECK_NOTHROW(require_one_of("RSK-1", "treating", "risk treat", "a risk", from));
  try {
    require_one_of("RSK-1", "closed", "risk treat", "a risk", from);
    FAIL("expected a conflict");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::conflict);
    CHECK(std::string(e.what()) == "RSK-1 is closed; 'risk treat' needs a risk that is open, treating or accepted");
  }
  CHECK_THROWS_AS(require_one_of("RSK-1", "", "risk treat", "a risk", from),
                  Error);  // an empty status is never allowed
}

TEST_CASE("statuses_for finds a verb's row in a domain's table, and a verb not listed is a bug") {
  constexpr std::array<VerbRule, 2> rules{{
      {"close", {"open", "treating", "", ""}},
      {"reopen", {"closed", "", "", ""}},
  }};
  CHECK(or_list(statuses_for(rules, "close")) == "open or treating");
  CHECK(or_list(statuses_for(rules, "reopen")) == "closed");
  CHECK_THROWS_AS(statuses_for(rules, "publish"), std::logic_error);
}

TEST_CASE("move_to sets the status a verb leads to; a verb that keeps the status has none") {
  constexpr std::array<VerbRule, 2> rules{{
      {"close", {"open", "treating"}, "closed"},
      {"review", {"open", "treating"}},
  }};
  Record r{{Value{std::string("open")}}};
  move_to(r, 0, rules, "close");
  CHECK(r.text(0) == "closed");
  CHECK(rule_for(rules, "close").to == "closed");
  CHECK_THROWS_AS(move_to(r, 0, rules, "review"), std::logic_error);
  CHECK_THROWS_AS(rule_for(rules, "publish"), std::logic_error);
}
