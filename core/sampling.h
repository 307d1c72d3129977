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
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace cso::sampling {

/// SplitMix64 (Steele, Lea and Flood, 2014): advances `state` and returns the next output.
std::uint64_t splitmix64(std::uint64_t& state);

/// The 256 layers of Marsaglia and Tsang's ziggurat (2000) for the normal, in Doornik's form
/// (2005): x[0] is the base layer's width V / f(R), x[1] = R, x[256] = 0, and each layer's
/// rectangle, of area V, reaches from x[i + 1] to x[i].
struct Ziggurat {
  static constexpr std::size_t k_layers = 256;
  static constexpr double k_r = 3.6541528853610088;
  static constexpr double k_v = 0.00492867323399;
  std::array<double, k_layers + 1> x{};
  std::array<double, k_layers> ratio{};  ///< x[i + 1] / x[i]: below it a draw is in the rectangle
  Ziggurat();
};
extern const Ziggurat k_ziggurat;

class Generator {
 public:
  /// The generator of stream `stream` under `seed`: its state is four SplitMix64 outputs from
  /// seed ^ splitmix64(stream).
  Generator(std::uint64_t seed, std::uint64_t stream);
  /// The generator in exactly this state (not all zero), for checks against the reference.
  explicit Generator(const std::array<std::uint64_t, 4>& state) : m_state(state) {}

  std::uint64_t next() {
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
  /// Uniform on [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  /// Uniform on (0, 1]: safe to take the logarithm of.
  double uniform_positive() { return static_cast<double>((next() >> 11) + 1) * 0x1.0p-53; }
  /// Standard normal by the ziggurat: one 64-bit draw for 99% of values, the low 8 bits picking
  /// a layer and the high 53 the place in it.
  double normal() {
    const std::uint64_t bits = next();
    const std::size_t layer = bits & (Ziggurat::k_layers - 1);
    const double u = 2.0 * (static_cast<double>(bits >> 11) * 0x1.0p-53) - 1.0;
    if ((u < 0 ? -u : u) < k_ziggurat.ratio[layer]) {
      return u * k_ziggurat.x[layer];
    }
    return normal_outside(layer, u);
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  /// The rest of normal() for a draw outside its layer's rectangle: the wedge test or the tail.
  double normal_outside(std::size_t layer, double u);
  std::array<std::uint64_t, 4> m_state{};
};

/// 2^(j/32), correctly rounded (computed to 60 digits and rounded once).
inline constexpr std::array<double, 32> k_exp2_32{
    0x1.0000000000000p+0, 0x1.059b0d3158574p+0, 0x1.0b5586cf9890fp+0, 0x1.11301d0125b51p+0, 0x1.172b83c7d517bp+0,
    0x1.1d4873168b9aap+0, 0x1.2387a6e756238p+0, 0x1.29e9df51fdee1p+0, 0x1.306fe0a31b715p+0, 0x1.371a7373aa9cbp+0,
    0x1.3dea64c123422p+0, 0x1.44e086061892dp+0, 0x1.4bfdad5362a27p+0, 0x1.5342b569d4f82p+0, 0x1.5ab07dd485429p+0,
    0x1.6247eb03a5585p+0, 0x1.6a09e667f3bcdp+0, 0x1.71f75e8ec5f74p+0, 0x1.7a11473eb0187p+0, 0x1.82589994cce13p+0,
    0x1.8ace5422aa0dbp+0, 0x1.93737b0cdc5e5p+0, 0x1.9c49182a3f090p+0, 0x1.a5503b23e255dp+0, 0x1.ae89f995ad3adp+0,
    0x1.b7f76f2fb5e47p+0, 0x1.c199bdd85529cp+0, 0x1.cb720dcef9069p+0, 0x1.d5818dcfba487p+0, 0x1.dfc97337b9b5fp+0,
    0x1.ea4afa2a490dap+0, 0x1.f50765b6e4540p+0,
};

/// e^x, |x| ≤ 700, to within an ulp, the same on every machine: 2^(k/32) from a table of
/// correctly rounded constants times a degree-6 polynomial, no libm. Beyond ±700 it is std::exp.
/// Inline: the simulation calls it once per loss event.
inline double exp(double x) {
  if (!(std::fabs(x) <= 700)) {
    return std::exp(x);
  }
  // x = (32m + j) ln2/32 + r, |r| ≤ ln2/64; the shift rounds x · 32/ln2 to an integer.
  constexpr double k_shift = 0x1.8p52;
  constexpr double k_inv_ln2_32 = 0x1.71547652b82fep+5;
  constexpr double k_ln2_32_hi = 0x1.62e42fefa0000p-6;  // 36 bits: kd · hi is exact
  constexpr double k_ln2_32_lo = 0x1.cf79abc9e3b3ap-45;
  const double shifted = x * k_inv_ln2_32 + k_shift;
  const double kd = shifted - k_shift;
  const auto k = static_cast<std::int64_t>(kd);
  const double r = (x - kd * k_ln2_32_hi) - kd * k_ln2_32_lo;
  const double r2 = r * r;
  // e^r − 1 to degree 6 (the next term is below 4e-18 here), in Estrin's scheme.
  const double p = r + r2 * ((0.5 + r * (1.0 / 6)) + r2 * ((1.0 / 24 + r * (1.0 / 120)) + r2 * (1.0 / 720)));
  const double scale = std::bit_cast<double>(std::bit_cast<std::uint64_t>(k_exp2_32[static_cast<std::size_t>(k & 31)]) +
                                             (static_cast<std::uint64_t>(k >> 5) << 52));
  return scale + scale * p;
}

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
