#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "core/fair.h"
#include "core/sampling.h"

using namespace cso;
using namespace cso::fair;

namespace {

struct Pert {
  double min, mode, max;
};

/// The PERT's mean and variance: E[N] = E[F] and Var[N] = E[F] + Var[F] for N ~ Poisson(F).
double pert_mean(const Pert& p) {
  return (p.min + 4 * p.mode + p.max) / 6;
}
double pert_variance(const Pert& p) {
  const double m = pert_mean(p);
  return (m - p.min) * (p.max - m) / 7;
}

double mean_of(const std::vector<double>& pmf) {
  double m = 0;
  for (std::size_t k = 0; k < pmf.size(); ++k) {
    m += static_cast<double>(k) * pmf[k];
  }
  return m;
}

double variance_of(const std::vector<double>& pmf) {
  const double m = mean_of(pmf);
  double v = 0;
  for (std::size_t k = 0; k < pmf.size(); ++k) {
    v += (static_cast<double>(k) - m) * (static_cast<double>(k) - m) * pmf[k];
  }
  return v;
}

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

bool same_stats(const Stats& a, const Stats& b) {
  return same_bits(a.mean, b.mean) && same_bits(a.p50, b.p50) && same_bits(a.p90, b.p90) && same_bits(a.p95, b.p95) &&
         same_bits(a.p99, b.p99) && same_bits(a.es99, b.es99);
}

std::vector<Risk> portfolio_of(int n) {
  std::vector<Risk> risks;
  for (int r = 0; r < n; ++r) {
    Risk k;
    k.number = r + 1;
    k.current = {0.1, 0.5 + (r % 5) * 0.2, 3.0, 10'000.0 * (1 + r % 7), 1'000'000.0 * (1 + r % 3)};
    k.residual = Estimate{0.05, 0.2, 1.0, 10'000.0, 500'000.0};
    risks.push_back(k);
  }
  return risks;
}

}  // namespace

TEST_CASE("fair: the count's distribution has the mixture's exact mean and variance") {
  // Small, wide, skewed and zero-width frequency ranges, one reaching a thousand a year.
  for (const Pert p : {Pert{0.1, 0.5, 3.0}, Pert{0.0, 0.0, 50.0}, Pert{1.0, 9.5, 10.0}, Pert{2.0, 2.0, 2.0},
                       Pert{0.01, 0.02, 0.05}, Pert{100, 400, 1000}}) {
    CAPTURE(p.min);
    CAPTURE(p.mode);
    CAPTURE(p.max);
    const std::vector<double> pmf = EventCount(p.min, p.mode, p.max).pmf();
    CHECK(mean_of(pmf) == doctest::Approx(pert_mean(p)).epsilon(1e-9));
    CHECK(variance_of(pmf) == doctest::Approx(pert_mean(p) + pert_variance(p)).epsilon(1e-8));
  }
}

TEST_CASE("fair: the count's distribution matches drawing a PERT frequency, then a Poisson count") {
  const Pert p{0.1, 0.9, 3.0};
  const std::vector<double> pmf = EventCount(p.min, p.mode, p.max).pmf();
  constexpr int k_draws = 1'000'000;
  std::vector<int> seen(pmf.size() + 50, 0);
  sampling::Generator g(11, 1);
  for (int i = 0; i < k_draws; ++i) {
    ++seen[static_cast<std::size_t>(sampling::poisson(g, sampling::pert(g, p.min, p.mode, p.max)))];
  }
  for (std::size_t k = 0; k < 8; ++k) {
    CAPTURE(k);
    const double standard_error = std::sqrt(pmf[k] * (1 - pmf[k]) / k_draws);
    CHECK(std::fabs(seen[k] / double(k_draws) - pmf[k]) < 4 * standard_error);
  }
}

TEST_CASE("fair: no frequency, no events") {
  const EventCount none(0, 0, 0);
  CHECK(none.pmf() == std::vector<double>{1.0});
  CHECK(none.draw(0.0) == 0);
  CHECK(none.draw(0.999999) == 0);
}

TEST_CASE("fair: counts are drawn by inversion, monotone in the uniform") {
  const EventCount count(0.5, 2, 8);
  std::int64_t last = 0;
  for (int i = 0; i < 10'000; ++i) {
    const std::int64_t k = count.draw(i / 10'000.0);
    CHECK(k >= last);
    last = k;
  }
  CHECK(count.draw(0.0) == 0);
  CHECK(count.draw(std::nextafter(1.0, 0.0)) > 8);
}

TEST_CASE("fair: figures found by selection are numpy's percentiles of the sorted years") {
  sampling::Generator g(5, 5);
  for (const std::size_t n : {1, 2, 3, 99, 100, 101, 1000, 54'321}) {
    CAPTURE(n);
    for (const double none : {0.0, 0.5, 0.995, 1.0}) {
      CAPTURE(none);
      std::vector<double> years(n);
      for (auto& y : years) {
        // Some years without a loss, the rest spread over many octaves.
        y = g.uniform() < none ? 0.0 : std::exp(20 * g.uniform());
      }
      std::vector<double> sorted = years;
      std::sort(sorted.begin(), sorted.end());
      const Stats s = stats(years);
      CHECK(s.p50 == percentile_of_sorted(sorted, 0.50));
      CHECK(s.p90 == percentile_of_sorted(sorted, 0.90));
      CHECK(s.p95 == percentile_of_sorted(sorted, 0.95));
      CHECK(s.p99 == percentile_of_sorted(sorted, 0.99));
      const std::size_t worst = std::max<std::size_t>(1, (n + 99) / 100);
      double tail = 0;
      for (std::size_t i = n - worst; i < n; ++i) {
        tail += sorted[i];
      }
      CHECK(s.es99 == doctest::Approx(tail / static_cast<double>(worst)).epsilon(1e-12));
    }
  }
  // numpy's linear percentile: between order statistics, e.g. the median of an even count.
  const std::vector<double> four{1, 2, 3, 10};
  CHECK(percentile_of_sorted(four, 0.5) == 2.5);
  CHECK(percentile_of_sorted(four, 0.9) == doctest::Approx(7.9));
}

TEST_CASE("fair: a risk's figures are the order statistics of its years") {
  // One risk simulated: its figures against its years recomputed by sorting them.
  std::vector<Risk> one = portfolio_of(1);
  Options o;
  o.trials = 20'001;
  o.seed = 3;
  const Result r = simulate(one, o);
  // The portfolio of one risk is that risk.
  CHECK(same_stats(r.risks[0].current, r.portfolio.current));
  CHECK(r.portfolio.current.p50 <= r.portfolio.current.p90);
  CHECK(r.portfolio.current.p90 <= r.portfolio.current.p95);
  CHECK(r.portfolio.current.p95 <= r.portfolio.current.p99);
  CHECK(r.portfolio.current.p99 <= r.portfolio.current.es99);
}

TEST_CASE("fair: the same seed gives the same bits on one, two and three threads") {
  const std::vector<Risk> risks = portfolio_of(37);
  Options o;
  o.trials = 30'000;
  o.seed = 42;
  o.residual = true;
  o.curve = true;
  o.tolerance = {{1e7, 0.1}, {1e8, 0.01}};
  o.threads = 1;
  const Result one = simulate(risks, o);
  for (const unsigned threads : {2u, 3u}) {
    CAPTURE(threads);
    o.threads = threads;
    const Result more = simulate(risks, o);
    for (std::size_t i = 0; i < risks.size(); ++i) {
      CHECK(same_stats(one.risks[i].current, more.risks[i].current));
      CHECK(same_stats(*one.risks[i].residual, *more.risks[i].residual));
    }
    CHECK(same_stats(one.portfolio.current, more.portfolio.current));
    CHECK(same_stats(*one.portfolio.residual, *more.portfolio.residual));
    REQUIRE(one.curve.size() == more.curve.size());
    for (std::size_t i = 0; i < one.curve.size(); ++i) {
      CHECK(same_bits(one.curve[i].probability, more.curve[i].probability));
    }
  }
  o.seed = 43;
  CHECK_FALSE(same_stats(simulate(risks, o).portfolio.current, one.portfolio.current));
}

TEST_CASE("fair: a risk's figures do not depend on the risks beside it") {
  const std::vector<Risk> many = portfolio_of(12);
  Options o;
  o.trials = 10'000;
  const Result all = simulate(many, o);
  const Result alone = simulate(std::span(many).subspan(7, 1), o);
  CHECK(same_stats(all.risks[7].current, alone.risks[0].current));
}

TEST_CASE("fair: a residual estimate equal to the current one gives the same figures") {
  std::vector<Risk> risks = portfolio_of(3);
  for (auto& r : risks) {
    r.residual.reset();
  }
  risks[1].residual = risks[1].current;
  Options o;
  o.trials = 10'000;
  o.residual = true;
  const Result r = simulate(risks, o);
  for (const auto& out : r.risks) {
    CHECK(same_stats(out.current, *out.residual));
  }
  CHECK(same_stats(r.portfolio.current, *r.portfolio.residual));
}

TEST_CASE("fair: a lower residual frequency and loss lower every figure") {
  const std::vector<Risk> risks = portfolio_of(5);
  Options o;
  o.trials = 50'000;
  o.residual = true;
  const Result r = simulate(risks, o);
  CHECK(r.portfolio.residual->mean < r.portfolio.current.mean);
  CHECK(r.portfolio.residual->p95 < r.portfolio.current.p95);
}

TEST_CASE("fair: the exceedance curve falls from about 0.99 to about 0.001 and flags the appetite") {
  const std::vector<Risk> risks = portfolio_of(20);
  Options o;
  o.trials = 100'000;
  o.curve = true;
  const Result r = simulate(risks, o);
  REQUIRE(r.curve.size() >= 15);
  REQUIRE(r.curve.size() <= 20);
  CHECK(r.curve.front().probability == doctest::Approx(0.99).epsilon(0.01));
  CHECK(r.curve.back().probability == doctest::Approx(0.001).epsilon(0.2));
  for (std::size_t i = 1; i < r.curve.size(); ++i) {
    CHECK(r.curve[i].loss > r.curve[i - 1].loss);
    CHECK(r.curve[i].probability <= r.curve[i - 1].probability);
  }
  for (const auto& point : r.curve) {
    CHECK_FALSE(point.over_tolerance);
  }
  // An appetite at the median, allowing a tenth: the points around it are over it.
  const double median = r.portfolio.current.p50;
  o.tolerance = {{median, 0.1}, {median * 10, 0.01}};
  const Result judged = simulate(risks, o);
  REQUIRE(judged.over_tolerance.size() == 1);
  CHECK(judged.over_tolerance[0].loss == median);
  bool any_over = false;
  for (const auto& point : judged.curve) {
    any_over = any_over || point.over_tolerance;
    if (point.loss < median) {
      CHECK_FALSE(point.over_tolerance);  // below the first point there is no limit
    }
  }
  CHECK(any_over);
}

TEST_CASE("fair: tolerance is log-linear between points, the last beyond them, none below") {
  const std::vector<TolerancePoint> t{{1e6, 0.1}, {1e7, 0.01}};
  CHECK_FALSE(tolerance_at(t, 999'999).has_value());
  CHECK(*tolerance_at(t, 1e6) == doctest::Approx(0.1));
  CHECK(*tolerance_at(t, std::sqrt(1e13)) == doctest::Approx(std::sqrt(0.001)));
  CHECK(*tolerance_at(t, 1e7) == doctest::Approx(0.01));
  CHECK(*tolerance_at(t, 1e9) == doctest::Approx(0.01));
  CHECK_FALSE(tolerance_at({}, 1e6).has_value());
}

TEST_CASE("fair: no risks, a portfolio of nothing") {
  Options o;
  o.trials = 1000;
  o.curve = true;
  const Result r = simulate({}, o);
  CHECK(r.risks.empty());
  CHECK(r.portfolio.current.mean == 0);
  CHECK(r.portfolio.current.es99 == 0);
  CHECK(r.curve.empty());
}
