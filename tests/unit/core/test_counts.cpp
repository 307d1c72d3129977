#include <doctest/doctest.h>

#include "core/counts.h"
#include "core/risk.h"
#include "core/staff.h"

using namespace cso;
using namespace std::string_literals;

TEST_CASE("counts_by_first keeps the display order and counts absent names as 0") {
  const std::vector<GroupCount> groups{{{"inactive"s}, 2}, {{"active"s}, 5}, {{"other"s}, 7}};
  const Counts c = counts_by_first(groups, {"active", "inactive", "gone"});
  REQUIRE(c.items.size() == 3);
  CHECK(c.items[0] == std::pair{"active"s, std::int64_t{5}});
  CHECK(c.items[1] == std::pair{"inactive"s, std::int64_t{2}});
  CHECK(c.items[2] == std::pair{"gone"s, std::int64_t{0}});
  CHECK(c.total == 7);
}

TEST_CASE("risk status and level counts: closed risks have no level; bands come from config") {
  const std::vector<GroupCount> groups{{{"open"s, std::int64_t{20}}, 1},
                                       {{"open"s, std::int64_t{12}}, 2},
                                       {{"treating"s, std::int64_t{4}}, 3},
                                       {{"closed"s, std::int64_t{25}}, 4}};
  Config config;
  auto [by_status, by_level] = risk::status_and_level_counts(groups, config);
  CHECK(by_status.total == 10);
  CHECK(by_status.items[0] == std::pair{"open"s, std::int64_t{3}});
  CHECK(by_status.items[3] == std::pair{"closed"s, std::int64_t{4}});
  CHECK(by_level.total == 6);
  CHECK(by_level.items[0] == std::pair{"critical"s, std::int64_t{1}});
  CHECK(by_level.items[1] == std::pair{"high"s, std::int64_t{2}});
  CHECK(by_level.items[3] == std::pair{"low"s, std::int64_t{3}});
  config.risk_bands = RiskBands{3, 4, 12};
  std::tie(by_status, by_level) = risk::status_and_level_counts(groups, config);
  CHECK(by_level.items[0] == std::pair{"critical"s, std::int64_t{3}});
  CHECK(by_level.items[1] == std::pair{"high"s, std::int64_t{3}});
}

TEST_CASE("staff::make_query: active only unless asked, teams and roles as lists") {
  CHECK(staff::make_query({}).where.size() == 1);
  CHECK(staff::make_query({{}, {}, true}).where.empty());
  const Query q = staff::make_query({{"security", "it"}, {"ciso"}, false});
  REQUIRE(q.where.size() == 3);
  CHECK(q.where[1].field == staff::team);
  CHECK(q.where[1].op == Op::in);
  CHECK(q.where[1].values == std::vector<Value>{"security"s, "it"s});
  CHECK(q.where[2].field == staff::role);
}
