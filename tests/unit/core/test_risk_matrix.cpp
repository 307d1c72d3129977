#include <doctest/doctest.h>

#include <string>

#include "core/risk.h"
#include "core/risk_matrix.h"
#include "core/wording.h"
#include "tests/unit/test_support.h"

using namespace cso;

namespace {

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z

Record rated(std::int64_t l, std::int64_t i, std::string_view status) {
  risk::NewRisk n;
  n.title = "Rated";
  n.likelihood = l;
  n.impact = i;
  Record r = risk::make(n, Config{}, Clock{k_t});
  r.set(risk::status, std::string(status));
  return r;
}

}  // namespace

TEST_CASE("Matrix counts risks per cell, closed ones excluded") {
  SUBCASE("inherent ratings") {
    risk::Matrix m(5, false);
    CHECK(m.counts.size() == 25);
    m.add(rated(3, 4, "open"));
    m.add(rated(3, 4, "treating"));
    m.add(rated(1, 1, "accepted"));
    m.add(rated(5, 5, "closed"));
    m.add(rated(1, 5, "open"));
    m.add(rated(6, 6, "open"));  // rated on a larger matrix: counted outside it
    m.add(rated(0, 3, "open"));  // out of range
    Record unrated = rated(2, 2, "open");
    unrated.set_null(risk::likelihood);
    m.add(unrated);
    CHECK(m.at(3, 4) == 2);
    CHECK(m.at(4, 3) == 0);
    CHECK(m.at(1, 1) == 1);
    CHECK(m.at(1, 5) == 1);
    CHECK(m.at(5, 1) == 0);
    CHECK(m.at(5, 5) == 0);
    CHECK(m.counts[(3 - 1) * 5 + (4 - 1)] == 2);
    CHECK(m.total() == 5);
    CHECK(m.outside.size() == 1);
  }
  SUBCASE("residual ratings, unrated risks skipped") {
    risk::Matrix m(3, true);
    Record a = rated(3, 3, "open");
    a.set(risk::residual_likelihood, std::int64_t{1});
    a.set(risk::residual_impact, std::int64_t{2});
    Record b = rated(2, 2, "treating");  // no residual rating
    Record c = rated(3, 3, "closed");
    c.set(risk::residual_likelihood, std::int64_t{1});
    c.set(risk::residual_impact, std::int64_t{2});
    m.add(a);
    m.add(b);
    m.add(c);
    CHECK(m.at(1, 2) == 1);
    CHECK(m.at(3, 3) == 0);
    CHECK(m.at(2, 2) == 0);
    CHECK(m.total() == 1);
  }
}

TEST_CASE("Matrix: a risk rated above a smaller matrix is counted outside it and named") {
  risk::Matrix m(3, false);
  Record big = rated(5, 2, "open");
  big.set(risk::id, std::int64_t{7});
  m.add(big);
  m.add(rated(3, 3, "open"));
  CHECK(m.at(3, 3) == 1);
  REQUIRE(m.outside.size() == 1);
  CHECK(m.outside[0].id == "RSK-7");
  CHECK(m.outside[0].likelihood == 5);
  CHECK(m.total() == 2);
}

TEST_CASE("settle: default bands scale to the matrix; configured ones must be reachable") {
  Config c;
  settle(c);
  CHECK(c.risk_bands.medium == 5);
  CHECK(c.risk_bands.high == 10);
  CHECK(c.risk_bands.critical == 17);
  c.risk_matrix = 3;
  settle(c);
  CHECK(c.risk_bands.medium == 2);
  CHECK(c.risk_bands.high == 4);
  CHECK(c.risk_bands.critical == 6);
  c.risk_matrix = 4;
  settle(c);
  CHECK(c.risk_bands.critical == 11);
  c.risk_matrix = 3;
  c.risk_bands = {3, 10, 12};
  c.risk_bands_configured = true;
  CHECK(test::usage_message([&] { settle(c); }).starts_with("risk.bands: high = 10 cannot be reached on a 3×3 matrix"));
  c.risk_bands = {3, 5, 9};
  settle(c);  // 9 is the top score: reachable
  c.risk_bands.critical = 10;
  CHECK(test::usage_message([&] { settle(c); }).starts_with("risk.bands: critical = 10"));
}

TEST_CASE("counted agrees in number") {
  CHECK(counted(1, "risk") == "1 risk");
  CHECK(counted(0, "risk") == "0 risks");
  CHECK(counted(2, "person", "people") == "2 people");
  CHECK(counted(1, "person", "people") == "1 person");
}
