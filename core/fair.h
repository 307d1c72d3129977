#pragma once
// FAIR-style Monte Carlo of annual loss (SPEC §4 `risk simulate`): the model of
// bench/fair_numpy.py, the same numbers for the same seed on any thread count.
//
// A year of one risk: its loss events number N ~ Poisson(F) with the frequency F ~ PERT(min,
// mode, max); each event's loss is lognormal with the given 5th and 95th percentiles; the year's
// loss is the sum. The portfolio's year is the sum of its risks' years, trial by trial.
//
// N is drawn by inverting its exact distribution, the Poisson mixed over the PERT, computed once
// per risk by quadrature (EventCount): one uniform a year instead of a beta (two gammas) and a
// Poisson, for the same annual-loss distribution. core/sampling's beta and Poisson are the
// reference the unit tests hold it to.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace cso::fair {

/// One stage's estimate: the annual event frequency PERT(min, mode, max) and the 90% interval
/// [low, high] of one event's loss.
struct Estimate {
  double freq_min = 0, freq_mode = 0, freq_max = 0;
  double loss_low = 0, loss_high = 0;
};

/// The distribution of the number of loss events in a year, Poisson(F) with F ~ PERT, as a
/// table to invert: draw(u) is the smallest k with P(N ≤ k) > u.
class EventCount {
 public:
  EventCount(double min, double mode, double max);
  std::int64_t draw(double u) const;
  /// P(N = k) for k = 0, 1, …, as far as the table reaches (the rest is below 1e-17).
  std::vector<double> pmf() const;

 private:
  std::vector<double> m_cdf;           ///< P(N ≤ k); the last is 1
  std::vector<std::uint32_t> m_guide;  ///< m_guide[i]: the smallest k with P(N ≤ k) > i / size
};

/// Figures of one set of simulated years.
struct Stats {
  double mean = 0, p50 = 0, p90 = 0, p95 = 0, p99 = 0;
  double es99 = 0;  ///< expected shortfall: the mean of the worst 1% of years
};

struct Risk {
  std::int64_t number = 0;  ///< seeds its streams, so its figures do not depend on the others
  Estimate current;
  std::optional<Estimate> residual;  ///< after treatment; simulated with --residual
};

/// A point of the appetite: an annual loss, and the highest acceptable probability of
/// exceeding it (config [risk.tolerance]).
struct TolerancePoint {
  double loss = 0;
  double probability = 0;
};

struct CurvePoint {
  double loss = 0;
  double probability = 0;  ///< of a year's loss exceeding `loss`
  bool over_tolerance = false;
};

struct Options {
  std::int64_t trials = 100'000;
  std::uint64_t seed = 1;
  unsigned threads = 1;
  bool residual = false;  ///< also simulate each risk's residual estimate (its current one if none)
  bool curve = false;
  std::vector<TolerancePoint> tolerance;  ///< sorted by loss
  /// Called between blocks of risks with how many are done (on the calling thread).
  std::function<void(std::size_t done, std::size_t total)> progress;
};

struct Outcome {
  Stats current;
  std::optional<Stats> residual;
};

struct Result {
  std::vector<Outcome> risks;  ///< in the order given
  Outcome portfolio;
  std::vector<CurvePoint> curve, residual_curve;  ///< with Options::curve
  /// Tolerance points the current portfolio exceeds: P(loss > point.loss) > point.probability.
  std::vector<TolerancePoint> over_tolerance;
};

/// The largest trial count accepted (memory grows with it: a few vectors of this many doubles).
inline constexpr std::int64_t k_max_trials = 10'000'000;

Result simulate(std::span<const Risk> risks, const Options& options);

/// The highest acceptable probability of exceeding `loss` under the tolerance points: log-linear
/// between points, the last point's beyond it, and no limit (nullopt) below the first.
std::optional<double> tolerance_at(std::span<const TolerancePoint> tolerance, double loss);

/// The figures of simulated years: numpy's percentiles, without sorting the years.
Stats stats(std::span<const double> years);

/// numpy's default percentile (linear between order statistics) of values sorted ascending.
double percentile_of_sorted(std::span<const double> sorted, double q);

}  // namespace cso::fair
