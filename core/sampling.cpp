#include "core/sampling.h"

#include <cmath>

namespace cso::sampling {
namespace {

/// The standard normal's 95th percentile.
constexpr double k_z95 = 1.6448536269514722;
/// Below this mean Poisson draws by inversion (a few uniforms); from it up, by PTRS.
constexpr double k_poisson_inversion_below = 10.0;

std::uint64_t rotl(std::uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

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

std::uint64_t Generator::next() {
  const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
  const std::uint64_t t = m_state[1] << 17;
  m_state[2] ^= m_state[0];
  m_state[3] ^= m_state[1];
  m_state[1] ^= m_state[2];
  m_state[0] ^= m_state[3];
  m_state[2] ^= t;
  m_state[3] = rotl(m_state[3], 45);
  return result;
}

double Generator::uniform() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Generator::uniform_positive() {
  return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53;
}

double Generator::normal() {
  if (m_has_spare) {
    m_has_spare = false;
    return m_spare;
  }
  double u = 0;
  double v = 0;
  double s = 0;
  do {
    u = 2.0 * uniform() - 1.0;
    v = 2.0 * uniform() - 1.0;
    s = u * u + v * v;
  } while (s >= 1.0 || s == 0.0);
  const double factor = std::sqrt(-2.0 * std::log(s) / s);
  m_spare = v * factor;
  m_has_spare = true;
  return u * factor;
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
  return std::exp(mu + sigma * g.normal());
}

Lognormal lognormal_from_interval(double low, double high) {
  const double log_low = std::log(low);
  const double log_high = std::log(high);
  return {(log_low + log_high) / 2.0, (log_high - log_low) / (2.0 * k_z95)};
}

}  // namespace cso::sampling
