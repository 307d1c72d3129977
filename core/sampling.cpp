#include "core/sampling.h"

#include <array>
#include <bit>
#include <cmath>
#include <cstddef>

namespace cso::sampling {
namespace {

/// The standard normal's 95th percentile.
constexpr double k_z95 = 1.6448536269514722;
/// Below this mean Poisson draws by inversion (a few uniforms); from it up, by PTRS.
constexpr double k_poisson_inversion_below = 10.0;

/// Marsaglia and Tsang's method for shape ≥ 1.
double gamma_at_least_one(Generator& g, double shape) {
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0;
    double v = 0;
    do {
      x = g.normal();
      v = 1.0 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = g.uniform_positive();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) {
      return d * v;
    }
  }
}

/// A draw from the normal's tail beyond R (Marsaglia, 1964), on the side `negative` says.
double normal_tail(Generator& g, bool negative) {
  double x = 0;
  double y = 0;
  do {
    x = std::log(g.uniform_positive()) / Ziggurat::k_r;
    y = std::log(g.uniform_positive());
  } while (-2.0 * y < x * x);
  return negative ? x - Ziggurat::k_r : Ziggurat::k_r - x;
}

std::int64_t poisson_inversion(Generator& g, double mean) {
  const double u = g.uniform();
  double p = std::exp(-mean);
  double cumulative = p;
  std::int64_t k = 0;
  // The sum can stop short of u by rounding: 200 is far past any mean below 10.
  while (u >= cumulative && k < 200) {
    ++k;
    p *= mean / static_cast<double>(k);
    cumulative += p;
  }
  return k;
}

/// Hörmann's transformed rejection with squeeze (PTRS), as numpy draws Poisson from 10 up.
std::int64_t poisson_ptrs(Generator& g, double mean) {
  const double slam = std::sqrt(mean);
  const double loglam = std::log(mean);
  const double b = 0.931 + 2.53 * slam;
  const double a = -0.059 + 0.02483 * b;
  const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const double vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const double u = g.uniform() - 0.5;
    const double v = g.uniform_positive();
    const double us = 0.5 - std::fabs(u);
    const double k = std::floor((2 * a / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) {
      return static_cast<std::int64_t>(k);
    }
    if (k < 0 || (us < 0.013 && v > us)) {
      continue;
    }
    if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b) <= -mean + k * loglam - std::lgamma(k + 1)) {
      return static_cast<std::int64_t>(k);
    }
  }
}

}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

Generator::Generator(std::uint64_t seed, std::uint64_t stream) {
  std::uint64_t x = seed ^ splitmix64(stream);
  for (auto& word : m_state) {
    word = splitmix64(x);
  }
}

Ziggurat::Ziggurat() {
  double f = std::exp(-0.5 * k_r * k_r);
  x[0] = k_v / f;
  x[1] = k_r;
  for (std::size_t i = 2; i < k_layers; ++i) {
    x[i] = std::sqrt(-2.0 * std::log(k_v / x[i - 1] + f));
    f = std::exp(-0.5 * x[i] * x[i]);
  }
  x[k_layers] = 0;
  for (std::size_t i = 0; i < k_layers; ++i) {
    ratio[i] = x[i + 1] / x[i];
  }
}

const Ziggurat k_ziggurat;

double Generator::normal_outside(std::size_t layer, double u) {
  for (;;) {
    if (layer == 0) {
      return normal_tail(*this, u < 0);
    }
    const double x = u * k_ziggurat.x[layer];
    const double f_outer = std::exp(-0.5 * (k_ziggurat.x[layer] * k_ziggurat.x[layer] - x * x));
    const double f_inner = std::exp(-0.5 * (k_ziggurat.x[layer + 1] * k_ziggurat.x[layer + 1] - x * x));
    if (f_inner + uniform() * (f_outer - f_inner) < 1.0) {
      return x;
    }
    const std::uint64_t bits = next();
    layer = bits & (Ziggurat::k_layers - 1);
    u = 2.0 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1.0;
    if (std::fabs(u) < k_ziggurat.ratio[layer]) {
      return u * k_ziggurat.x[layer];
    }
  }
}

double gamma(Generator& g, double shape) {
  if (shape >= 1.0) {
    return gamma_at_least_one(g, shape);
  }
  // Gamma(shape) = Gamma(shape + 1) · U^(1/shape).
  return gamma_at_least_one(g, shape + 1.0) * std::pow(g.uniform_positive(), 1.0 / shape);
}

double beta(Generator& g, double a, double b) {
  const double x = gamma(g, a);
  const double y = gamma(g, b);
  return x / (x + y);
}

PertShape pert_shape(double min, double mode, double max) {
  if (!(max > min)) {
    return {};
  }
  return {1.0 + 4.0 * (mode - min) / (max - min), 1.0 + 4.0 * (max - mode) / (max - min)};
}

double pert(Generator& g, double min, double mode, double max) {
  if (!(max > min)) {
    return min;
  }
  const PertShape s = pert_shape(min, mode, max);
  return min + beta(g, s.a, s.b) * (max - min);
}

std::int64_t poisson(Generator& g, double mean) {
  if (!(mean > 0)) {
    return 0;
  }
  return mean < k_poisson_inversion_below ? poisson_inversion(g, mean) : poisson_ptrs(g, mean);
}

double lognormal(Generator& g, double mu, double sigma) {
  return sampling::exp(mu + sigma * g.normal());
}

Lognormal lognormal_from_interval(double low, double high) {
  const double log_low = std::log(low);
  const double log_high = std::log(high);
  return {(log_low + log_high) / 2.0, (log_high - log_low) / (2.0 * k_z95)};
}

}  // namespace cso::sampling
