#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>

#include "core/sampling.h"

using namespace cso::sampling;

namespace {

constexpr int k_draws = 1'000'000;

struct Moments {
  double mean = 0;
  double variance = 0;
};

/// The sample mean and variance of `k_draws` draws (Welford's running form).
Moments moments_of(const std::function<double()>& draw) {
  double mean = 0;
  double m2 = 0;
  for (int i = 1; i <= k_draws; ++i) {
    const double x = draw();
    const double delta = x - mean;
    mean += delta / i;
    m2 += delta * (x - mean);
  }
  return {mean, m2 / (k_draws - 1)};
}

/// The sample agrees with the analytic mean within four standard errors and with the analytic
/// variance within 2%: a wrong sampler misses by far more, a right one passes every seed.
void agrees(const Moments& got, double mean, double variance) {
  const double standard_error = std::sqrt(variance / k_draws);
  CHECK(std::fabs(got.mean - mean) < 4 * standard_error);
  CHECK(got.variance == doctest::Approx(variance).epsilon(0.02));
}

}  // namespace

TEST_CASE("sampling: one seed and stream, one sequence; others differ") {
  Generator a(7, 3);
  Generator b(7, 3);
  Generator other_stream(7, 4);
  Generator other_seed(8, 3);
  int same = 0;
  int shared_with_stream = 0;
  int shared_with_seed = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::uint64_t x = a.next();
    same += x == b.next() ? 1 : 0;
    shared_with_stream += x == other_stream.next() ? 1 : 0;
    shared_with_seed += x == other_seed.next() ? 1 : 0;
  }
  CHECK(same == 1000);
  CHECK(shared_with_stream == 0);
  CHECK(shared_with_seed == 0);
}

TEST_CASE("sampling: the generators are the reference ones") {
  // If these change, every simulated figure of every user changes: a seed's results are part
  // of the contract (SPEC §4). The values are the reference implementations' own outputs.
  std::uint64_t state = 0;
  CHECK(splitmix64(state) == 0xe220a8397b1dcdafULL);
  CHECK(splitmix64(state) == 0x6e789e6aa1b965f4ULL);
  CHECK(splitmix64(state) == 0x06c45d188009454fULL);
  Generator g(std::array<std::uint64_t, 4>{1, 2, 3, 4});
  CHECK(g.next() == 11520ULL);
  CHECK(g.next() == 0ULL);
  CHECK(g.next() == 1509978240ULL);
  CHECK(g.next() == 1215971899390074240ULL);
}

TEST_CASE("sampling: uniforms stay in their intervals, with mean 1/2 and variance 1/12") {
  Generator g(1, 1);
  Generator h(1, 1);
  int outside = 0;
  for (int i = 0; i < 100000; ++i) {
    const double u = g.uniform();
    const double p = h.uniform_positive();
    outside += (u >= 0.0 && u < 1.0) && (p > 0.0 && p <= 1.0) ? 0 : 1;
  }
  CHECK(outside == 0);
  Generator m(2, 1);
  agrees(moments_of([&] { return m.uniform(); }), 0.5, 1.0 / 12.0);
}

TEST_CASE("sampling: normal, gamma, beta, PERT, Poisson and lognormal against their moments") {
  Generator g(20261204, 1);
  SUBCASE("standard normal") {
    agrees(moments_of([&] { return g.normal(); }), 0.0, 1.0);
  }
  SUBCASE("gamma, shape above and below 1") {
    for (const double k : {0.5, 1.0, 2.5, 9.0}) {
      CAPTURE(k);
      agrees(moments_of([&] { return gamma(g, k); }), k, k);
    }
  }
  SUBCASE("beta") {
    struct Shape {
      double a, b;
    };
    for (const Shape s : {Shape{1, 1}, Shape{2, 5}, Shape{4.2, 1.8}, Shape{0.5, 0.5}}) {
      CAPTURE(s.a);
      CAPTURE(s.b);
      const double mean = s.a / (s.a + s.b);
      const double variance = s.a * s.b / ((s.a + s.b) * (s.a + s.b) * (s.a + s.b + 1));
      agrees(moments_of([&] { return beta(g, s.a, s.b); }), mean, variance);
    }
  }
  SUBCASE("PERT: mean (min + 4 mode + max) / 6, the Beta's variance scaled") {
    struct Range {
      double min, mode, max;
    };
    for (const Range r : {Range{0.1, 0.5, 3.0}, Range{0, 0, 1}, Range{1, 9, 10}, Range{2, 2.5, 2.6}}) {
      CAPTURE(r.min);
      CAPTURE(r.mode);
      CAPTURE(r.max);
      const PertShape s = pert_shape(r.min, r.mode, r.max);
      const double width = r.max - r.min;
      const double mean = (r.min + 4 * r.mode + r.max) / 6;
      const double variance = width * width * s.a * s.b / ((s.a + s.b) * (s.a + s.b) * (s.a + s.b + 1));
      CHECK(r.min + width * s.a / (s.a + s.b) == doctest::Approx(mean));
      agrees(moments_of([&] { return pert(g, r.min, r.mode, r.max); }), mean, variance);
    }
  }
  SUBCASE("PERT of a zero-width range is that value") {
    CHECK(pert(g, 1.5, 1.5, 1.5) == 1.5);
    CHECK(pert(g, 0.0, 0.0, 0.0) == 0.0);
  }
  SUBCASE("Poisson: mean = variance = the mean, by inversion and by PTRS") {
    for (const double mean : {0.05, 0.9, 3.0, 9.99, 10.0, 42.0, 1000.0}) {
      CAPTURE(mean);
      agrees(moments_of([&] { return static_cast<double>(poisson(g, mean)); }), mean, mean);
    }
    CHECK(poisson(g, 0.0) == 0);
  }
  SUBCASE("lognormal") {
    const double mu = 11.0;
    const double sigma = 1.2;
    const double mean = std::exp(mu + sigma * sigma / 2);
    const double variance = (std::exp(sigma * sigma) - 1) * std::exp(2 * mu + sigma * sigma);
    const Moments got = moments_of([&] { return lognormal(g, mu, sigma); });
    // Heavy-tailed: the mean within 1%, the variance within 10%.
    CHECK(got.mean == doctest::Approx(mean).epsilon(0.01));
    CHECK(got.variance == doctest::Approx(variance).epsilon(0.10));
  }
}

TEST_CASE("sampling: a lognormal from a 90% interval has those percentiles") {
  const Lognormal l = lognormal_from_interval(10'000, 1'000'000);
  CHECK(std::exp(l.mu - 1.6448536269514722 * l.sigma) == doctest::Approx(10'000));
  CHECK(std::exp(l.mu + 1.6448536269514722 * l.sigma) == doctest::Approx(1'000'000));
  Generator g(5, 5);
  int below = 0;
  int above = 0;
  for (int i = 0; i < k_draws; ++i) {
    const double x = lognormal(g, l.mu, l.sigma);
    below += x < 10'000 ? 1 : 0;
    above += x > 1'000'000 ? 1 : 0;
  }
  CHECK(below / static_cast<double>(k_draws) == doctest::Approx(0.05).epsilon(0.02));
  CHECK(above / static_cast<double>(k_draws) == doctest::Approx(0.05).epsilon(0.02));
}

TEST_CASE("sampling: exp is within an ulp of libm's from -700 to 700, and exact at 0") {
  Generator g(9, 9);
  double worst = 0;
  for (int i = 0; i < 1'000'000; ++i) {
    const double x = (2 * g.uniform() - 1) * 700;
    const double want = std::exp(x);
    const double ulp = std::nextafter(want, INFINITY) - want;
    worst = std::max(worst, std::fabs(cso::sampling::exp(x) - want) / ulp);
  }
  CHECK(worst <= 1.0);
  CHECK(cso::sampling::exp(0) == 1.0);
  CHECK(cso::sampling::exp(1e-300) == 1.0);
  CHECK(std::isinf(cso::sampling::exp(800)));
  CHECK(cso::sampling::exp(-800) == 0.0);
}
