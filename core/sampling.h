#pragma once
// Random numbers for the FAIR simulation (SPEC §4 `risk simulate`), written here rather than
// taken from <random>: the standard fixes its engines' output but not its distributions', so
// std::normal_distribution gives other numbers with another standard library. These give the
// same numbers wherever cso is built with IEEE doubles and the same libm.
//
// The generator is xoshiro256** (Blackman and Vigna, 2018), its state filled by SplitMix64 from
// a seed and a stream number: one stream per risk and stage, so a risk's figures do not depend
// on which other risks are simulated with it or on how the work is shared between threads.
#include <array>
#include <cstdint>

namespace cso::sampling {

/// SplitMix64 (Steele, Lea and Flood, 2014): advances `state` and returns the next output.
std::uint64_t splitmix64(std::uint64_t& state);

class Generator {
 public:
  /// The generator of stream `stream` under `seed`: its state is four SplitMix64 outputs from
  /// seed ^ splitmix64(stream).
  Generator(std::uint64_t seed, std::uint64_t stream);
  /// The generator in exactly this state (not all zero), for checks against the reference.
  explicit Generator(const std::array<std::uint64_t, 4>& state) : m_state(state) {}

  std::uint64_t next();
  /// Uniform on [0, 1), 53 random bits.
  double uniform();
  /// Uniform on (0, 1]: safe to take the logarithm of.
  double uniform_positive();
  /// Standard normal (Marsaglia's polar method; the second value of each pair is kept).
  double normal();

 private:
  std::array<std::uint64_t, 4> m_state{};
  double m_spare = 0;
  bool m_has_spare = false;
};

/// Gamma(shape, 1), shape > 0 (Marsaglia and Tsang, 2000; below 1 through shape + 1).
double gamma(Generator& g, double shape);
/// Beta(a, b), a, b > 0, as X / (X + Y) of two gammas.
double beta(Generator& g, double a, double b);
/// PERT(min, mode, max) with λ = 4: min + (max − min) · Beta(1 + 4(mode − min)/(max − min),
/// 1 + 4(max − mode)/(max − min)); min when max = min.
double pert(Generator& g, double min, double mode, double max);
/// Poisson(mean), mean ≥ 0: inversion below 10, Hörmann's PTRS (1993) from 10 up.
std::int64_t poisson(Generator& g, double mean);
/// exp(mu + sigma · Z), Z standard normal.
double lognormal(Generator& g, double mu, double sigma);

/// The lognormal whose 5th and 95th percentiles are `low` and `high` (0 < low < high).
struct Lognormal {
  double mu = 0;
  double sigma = 0;
};
Lognormal lognormal_from_interval(double low, double high);

/// The Beta shapes of PERT(min, mode, max) with λ = 4 (a = b = 1 when max = min).
struct PertShape {
  double a = 1;
  double b = 1;
};
PertShape pert_shape(double min, double mode, double max);

}  // namespace cso::sampling
