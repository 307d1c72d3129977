#include <doctest/doctest.h>

#include "core/audience.h"
#include "core/staff.h"
#include "tests/unit/test_support.h"

using namespace cso;

TEST_CASE("audiences: all, team:T and role:R, anything else refused naming the option") {
  CHECK(parse_audience("all", "--audience") == "all");
  CHECK(parse_audience("team:security", "--audience") == "team:security");
  CHECK(parse_audience("role:ciso", "--audience") == "role:ciso");
  for (const char* bad : {"", "everyone", "team:", "role:", "group:x", "team:a,b", "All"}) {
    CHECK_THROWS_WITH_AS(parse_audience(bad, "--audience"), doctest::Contains("--audience"), Error);
  }
}

TEST_CASE("an audience selects active staff of the team or role") {
  const Query all = audience_query("all");
  REQUIRE(all.where.size() == 1);
  CHECK(all.where[0].field == staff::status);
  const Query team = audience_query("team:it");
  REQUIRE(team.where.size() == 2);
  CHECK(team.where[1].field == staff::team);
  CHECK(std::get<std::string>(team.where[1].values[0]) == "it");
  const Query role = audience_query("role:dpo");
  REQUIRE(role.where.size() == 2);
  CHECK(role.where[1].field == staff::role);
}
