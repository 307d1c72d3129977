#include "core/fair.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <exception>
#include <mutex>
#include <numbers>
#include <thread>

#include "core/sampling.h"

namespace cso::fair {
namespace {

/// Tanh-sinh quadrature over (0, 1): step and half-width in t. The PERT density x^(a−1)(1−x)^(b−1)
/// with a, b ≥ 1 may have a singular derivative at an end, which this rule integrates to double
/// precision all the same.
constexpr double k_step = 1.0 / 16.0;
constexpr int k_half_nodes = 56;  // t in [−3.5, 3.5]: the outermost nodes are 1e-22 from the ends

struct Node {
  double x = 0;       ///< in (0, 1)
  double weight = 0;  ///< of the PERT's beta density, the weights summing to 1
};

/// The beta(a, b) density on tanh-sinh nodes, as normalised weights.
std::vector<Node> beta_nodes(double a, double b) {
  std::vector<Node> nodes;
  nodes.reserve(2 * k_half_nodes + 1);
  double total = 0;
  for (int j = -k_half_nodes; j <= k_half_nodes; ++j) {
    const double t = j * k_step;
    const double s = std::numbers::pi / 2 * std::sinh(t);
    const double x = 1.0 / (1.0 + std::exp(-2.0 * s));
    const double one_minus_x = 1.0 / (1.0 + std::exp(2.0 * s));
    const double sech = 1.0 / std::cosh(s);
    const double dx_dt = std::numbers::pi / 4 * std::cosh(t) * sech * sech;
    const double log_density = (a - 1) * std::log(x) + (b - 1) * std::log(one_minus_x);
    const double w = k_step * dx_dt * std::exp(log_density);
    if (w > 0 && std::isfinite(w)) {
      nodes.push_back({x, w});
      total += w;
    }
  }
  for (auto& n : nodes) {
    n.weight /= total;
  }
  return nodes;
}

/// The highest count worth a table entry for frequencies up to `max`: Poisson(max)'s tail beyond
/// it is far below 1e-17.
std::size_t count_limit(double max) {
  return static_cast<std::size_t>(std::ceil(max + 12.0 * std::sqrt(max) + 40.0));
}

/// The stream of a risk's draws: two per risk, counts and losses, so a risk's current and
/// residual years use the same uniforms for their counts (a lower frequency gives fewer events
/// in the same years, and a residual estimate equal to the current one gives the same figures).
std::uint64_t stream_of(std::int64_t number, int which) {
  return static_cast<std::uint64_t>(number) * 2 + static_cast<std::uint64_t>(which);
}

struct Model {
  EventCount count;
  sampling::Lognormal loss;
};

Model model_of(const Estimate& e) {
  return {EventCount(e.freq_min, e.freq_mode, e.freq_max), sampling::lognormal_from_interval(e.loss_low, e.loss_high)};
}

/// Years with at most this many events are summed without a loop: k_present[n][i] is 1 for
/// the events a year of n has, 0 for the rest.
constexpr std::uint32_t k_unrolled = 4;
constexpr std::array<std::array<double, k_unrolled>, k_unrolled + 1> k_present{{
    {0, 0, 0, 0},
    {1, 0, 0, 0},
    {1, 1, 0, 0},
    {1, 1, 1, 0},
    {1, 1, 1, 1},
}};

/// A risk's years: first every year's count of events, then every event's loss (a loop without
/// a data-dependent branch, so exp's work overlaps from one event to the next), then each year's
/// sum of its events' losses, in event order.
void simulate_years(const Model& m, std::uint64_t seed, std::int64_t number, std::span<double> years) {
  sampling::Generator counts(seed, stream_of(number, 0));
  sampling::Generator losses(seed, stream_of(number, 1));
  std::vector<std::uint32_t> events(years.size());
  std::size_t total = 0;
  for (auto& n : events) {
    n = static_cast<std::uint32_t>(m.count.draw(counts.uniform()));
    total += n;
  }
  // Padded, so a year's first k_unrolled events can be read whatever its count.
  std::vector<double> loss(total + k_unrolled, 0.0);
  const auto events_loss = std::span(loss).first(total);
  for (double& l : events_loss) {
    l = losses.normal();
  }
  for (double& l : events_loss) {
    l = sampling::exp(m.loss.mu + m.loss.sigma * l);
  }
  std::size_t next = 0;
  for (std::size_t t = 0; t < years.size(); ++t) {
    const std::uint32_t n = events[t];
    double sum = 0;
    if (n <= k_unrolled) {
      // Without a branch on n, which would be mispredicted year after year: each absent event's
      // loss is multiplied by 0 (by a table, as a converted comparison would chain the years
      // through one register), and adding 0 leaves the sum as it is.
      const double* l = &loss[next];
      const std::array<double, k_unrolled>& present = k_present[n];
      sum = ((l[0] * present[0] + l[1] * present[1]) + l[2] * present[2]) + l[3] * present[3];
    } else {
      for (std::uint32_t i = 0; i < n; ++i) {
        sum += loss[next + i];
      }
    }
    next += n;
    years[t] = sum;
  }
}

/// Runs fn(0) … fn(n − 1) on up to `threads` threads; rethrows the first exception.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& fn) {
  const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, threads), n));
  if (workers <= 1) {
    for (std::size_t i = 0; i < n; ++i) {
      fn(i);
    }
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    try {
      for (std::size_t i = next++; i < n; i = next++) {
        fn(i);
      }
    } catch (...) {
      const std::lock_guard lock(failure_mutex);
      failure = failure ? failure : std::current_exception();
      next = n;
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (unsigned w = 1; w < workers; ++w) {
    pool.emplace_back(work);
  }
  work();
  for (auto& t : pool) {
    t.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
}

double sum_of(std::span<const double> values) {
  double total = 0;
  for (const double v : values) {
    total += v;
  }
  return total;
}

/// The quantiles `qs` of `years` (numpy's linear percentile between order statistics) and the
/// mean of the worst 1%, without sorting: a histogram of the values' leading bits (a positive
/// double's bits order like an integer's) finds the bucket of each order statistic needed, and
/// only those buckets' values are gathered and selected among. Two branch-free passes, where
/// selection in place mispredicts every other comparison.
struct Selection {
  std::vector<double> quantiles;
  double es99 = 0;
};

constexpr int k_bucket_shift = 48;  // sign, exponent and 4 bits of mantissa: 1/16 of an octave
constexpr std::size_t k_buckets = std::size_t{1} << (64 - k_bucket_shift);

std::size_t bucket_of(double y) {
  return static_cast<std::size_t>(std::bit_cast<std::uint64_t>(y) >> k_bucket_shift);
}

Selection select(std::span<const double> years, std::span<const double> qs) {
  const std::size_t n = years.size();
  std::vector<std::uint32_t> histogram(k_buckets, 0);
  for (const double y : years) {
    ++histogram[bucket_of(y)];
  }
  std::vector<std::size_t> start(k_buckets + 1, 0);  // rank of each bucket's first value
  for (std::size_t b = 0; b < k_buckets; ++b) {
    start[b + 1] = start[b] + histogram[b];
  }
  const auto bucket_of_rank = [&](std::size_t rank) {
    return static_cast<std::size_t>(std::upper_bound(start.begin(), start.end(), rank) - start.begin()) - 1;
  };
  const std::size_t worst = std::max<std::size_t>(1, (n + 99) / 100);
  std::vector<std::size_t> ranks{n - worst};
  for (const double q : qs) {
    const auto lo = static_cast<std::size_t>(std::floor(q * static_cast<double>(n - 1)));
    ranks.push_back(lo);
    ranks.push_back(std::min(lo + 1, n - 1));
  }
  // The buckets holding a needed rank, each gathered in trial order.
  std::vector<std::int32_t> slot(k_buckets, -1);
  std::vector<std::size_t> gathered_bucket;
  for (const std::size_t r : ranks) {
    const std::size_t b = bucket_of_rank(r);
    if (slot[b] < 0) {
      slot[b] = static_cast<std::int32_t>(gathered_bucket.size());
      gathered_bucket.push_back(b);
    }
  }
  std::vector<std::vector<double>> gathered(gathered_bucket.size());
  for (std::size_t i = 0; i < gathered.size(); ++i) {
    gathered[i].reserve(histogram[gathered_bucket[i]]);
  }
  const std::size_t tail_bucket = bucket_of_rank(n - worst);
  double above_tail_bucket = 0;
  for (const double y : years) {
    const std::size_t b = bucket_of(y);
    if (slot[b] >= 0) {
      gathered[static_cast<std::size_t>(slot[b])].push_back(y);
    }
    if (b > tail_bucket) {
      above_tail_bucket += y;
    }
  }
  for (auto& g : gathered) {
    std::sort(g.begin(), g.end());
  }
  const auto order_statistic = [&](std::size_t rank) {
    const std::size_t b = bucket_of_rank(rank);
    return gathered[static_cast<std::size_t>(slot[b])][rank - start[b]];
  };
  Selection out;
  for (const double q : qs) {
    const double h = q * static_cast<double>(n - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const double a = order_statistic(lo);
    const double b = order_statistic(std::min(lo + 1, n - 1));
    const double t = h - static_cast<double>(lo);
    // numpy's _lerp: from the nearer end, so a weight of 0 or 1 gives the order statistic itself.
    out.quantiles.push_back(t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t);
  }
  // The worst years: those in buckets above the one holding rank n − worst, in trial order, then
  // that bucket's share of them, ascending.
  const std::vector<double>& boundary = gathered[static_cast<std::size_t>(slot[tail_bucket])];
  double total = above_tail_bucket;
  for (std::size_t i = n - worst - start[tail_bucket]; i < boundary.size(); ++i) {
    total += boundary[i];
  }
  out.es99 = total / static_cast<double>(worst);
  return out;
}

constexpr std::array<double, 4> k_reported{0.50, 0.90, 0.95, 0.99};
/// The curve spans the portfolio's 1st to 99.9th percentile.
constexpr double k_curve_from = 0.01;
constexpr double k_curve_to = 0.999;
constexpr int k_curve_points = 20;

/// Stats of `years`; `extra` receives the quantiles `extra_qs`.
Stats stats_of(std::span<const double> years, std::span<const double> extra_qs = {},
               std::vector<double>* extra = nullptr) {
  Stats s;
  if (years.empty()) {
    return s;
  }
  s.mean = sum_of(years) / static_cast<double>(years.size());
  std::vector<double> qs(k_reported.begin(), k_reported.end());
  qs.insert(qs.end(), extra_qs.begin(), extra_qs.end());
  const Selection sel = select(years, qs);
  s.p50 = sel.quantiles[0];
  s.p90 = sel.quantiles[1];
  s.p95 = sel.quantiles[2];
  s.p99 = sel.quantiles[3];
  s.es99 = sel.es99;
  if (extra != nullptr) {
    extra->assign(sel.quantiles.begin() + k_reported.size(), sel.quantiles.end());
  }
  return s;
}

/// P(year > threshold) for each threshold (ascending), in one pass.
std::vector<double> exceedance(std::span<const double> years, std::span<const double> thresholds) {
  std::vector<std::int64_t> above(thresholds.size() + 1, 0);  // above[i]: years in (t[i−1], t[i]]
  for (const double y : years) {
    const auto i = std::lower_bound(thresholds.begin(), thresholds.end(), y) - thresholds.begin();
    ++above[static_cast<std::size_t>(i)];
  }
  std::vector<double> out(thresholds.size());
  std::int64_t beyond = 0;
  for (std::size_t i = thresholds.size(); i-- > 0;) {
    beyond += above[i + 1];
    out[i] = static_cast<double>(beyond) / static_cast<double>(years.size());
  }
  return out;
}

/// `x` to three significant digits: the curve's losses read as round amounts.
double round_to_3_digits(double x) {
  const double scale = std::pow(10.0, std::floor(std::log10(x)) - 2);
  return std::round(x / scale) * scale;
}

std::vector<double> curve_losses(double from, double to) {
  std::vector<double> out;
  if (!(to > 0)) {
    return out;
  }
  from = std::max(from, to * 1e-4);
  for (int i = 0; i < k_curve_points; ++i) {
    const double x = round_to_3_digits(from * std::pow(to / from, i / double(k_curve_points - 1)));
    if (out.empty() || x > out.back()) {
      out.push_back(x);
    }
  }
  return out;
}

std::vector<CurvePoint> curve_of(std::span<const double> years, std::span<const double> losses,
                                 std::span<const TolerancePoint> tolerance) {
  const std::vector<double> p = exceedance(years, losses);
  std::vector<CurvePoint> out;
  for (std::size_t i = 0; i < losses.size(); ++i) {
    const auto limit = tolerance_at(tolerance, losses[i]);
    out.push_back({losses[i], p[i], limit && p[i] > *limit});
  }
  return out;
}

/// The smallest positive year, the curve's start when the 1st percentile is no loss at all.
double smallest_positive(std::span<const double> years) {
  double out = 0;
  for (const double y : years) {
    if (y > 0 && (out == 0 || y < out)) {
      out = y;
    }
  }
  return out;
}

/// How many risks' years are held at once: enough to keep every thread busy, within about
/// 32 MiB, so memory does not grow with the number of risks.
std::size_t block_size(std::int64_t trials, std::size_t stages, unsigned threads) {
  constexpr std::size_t k_budget = std::size_t{32} << 20;
  const std::size_t per_risk = static_cast<std::size_t>(trials) * sizeof(double) * stages;
  return std::clamp<std::size_t>(k_budget / per_risk, std::max(1u, threads), 64);
}

}  // namespace

EventCount::EventCount(double min, double mode, double max) {
  std::vector<double> pmf;
  if (!(max > 0)) {
    pmf = {1.0};
  } else {
    std::vector<Node> nodes;
    if (max > min) {
      const sampling::PertShape shape = sampling::pert_shape(min, mode, max);
      for (const Node& n : beta_nodes(shape.a, shape.b)) {
        // The frequency at x, measured from the nearer end for precision.
        const double f = n.x < 0.5 ? min + n.x * (max - min) : max - (1 - n.x) * (max - min);
        nodes.push_back({f, n.weight});
      }
    } else {
      nodes.push_back({min, 1.0});
    }
    pmf.assign(count_limit(max) + 1, 0.0);
    for (const Node& n : nodes) {
      if (!(n.x > 0)) {
        pmf[0] += n.weight;
        continue;
      }
      const double log_f = std::log(n.x);
      for (std::size_t k = 0; k < pmf.size(); ++k) {
        const double log_p = static_cast<double>(k) * log_f - n.x - std::lgamma(static_cast<double>(k) + 1);
        if (log_p > -745) {
          pmf[k] += n.weight * std::exp(log_p);
        }
      }
    }
  }
  // The table ends at the last count with any probability.
  while (pmf.size() > 1 && pmf.back() == 0) {
    pmf.pop_back();
  }
  const double total = sum_of(pmf);
  m_cdf.resize(pmf.size());
  double cumulative = 0;
  for (std::size_t k = 0; k < pmf.size(); ++k) {
    cumulative += pmf[k];
    m_cdf[k] = cumulative / total;
  }
  m_cdf.back() = 1.0;
  m_guide.resize(std::max<std::size_t>(256, 4 * m_cdf.size()));
  std::size_t k = 0;
  for (std::size_t i = 0; i < m_guide.size(); ++i) {
    const double u = static_cast<double>(i) / static_cast<double>(m_guide.size());
    while (m_cdf[k] <= u) {
      ++k;
    }
    m_guide[i] = static_cast<std::uint32_t>(k);
  }
}

std::int64_t EventCount::draw(double u) const {
  auto k = static_cast<std::size_t>(m_guide[static_cast<std::size_t>(u * static_cast<double>(m_guide.size()))]);
  while (m_cdf[k] <= u) {
    ++k;
  }
  return static_cast<std::int64_t>(k);
}

std::vector<double> EventCount::pmf() const {
  std::vector<double> out(m_cdf.size());
  for (std::size_t k = 0; k < out.size(); ++k) {
    out[k] = m_cdf[k] - (k == 0 ? 0.0 : m_cdf[k - 1]);
  }
  return out;
}

std::optional<double> tolerance_at(std::span<const TolerancePoint> tolerance, double loss) {
  if (tolerance.empty() || loss < tolerance.front().loss) {
    return std::nullopt;
  }
  for (std::size_t i = 1; i < tolerance.size(); ++i) {
    const TolerancePoint& lo = tolerance[i - 1];
    const TolerancePoint& hi = tolerance[i];
    if (loss < hi.loss) {
      const double t = std::log(loss / lo.loss) / std::log(hi.loss / lo.loss);
      return std::exp(std::log(lo.probability) + t * std::log(hi.probability / lo.probability));
    }
  }
  return tolerance.back().probability;
}

Stats stats(std::span<const double> years) {
  return stats_of(years);
}

double percentile_of_sorted(std::span<const double> sorted, double q) {
  const double h = q * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const double a = sorted[lo];
  const double b = lo + 1 < sorted.size() ? sorted[lo + 1] : a;
  const double t = h - static_cast<double>(lo);
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

Result simulate(std::span<const Risk> risks, const Options& o) {
  const auto trials = static_cast<std::size_t>(o.trials);
  const std::size_t stages = o.residual ? 2 : 1;
  const std::size_t block = block_size(o.trials, stages, o.threads);
  Result result;
  result.risks.resize(risks.size());
  std::vector<std::vector<double>> portfolio(stages, std::vector<double>(trials, 0.0));
  std::vector<std::vector<double>> years(std::min(block, risks.size()) * stages, std::vector<double>(trials));

  for (std::size_t first = 0; first < risks.size(); first += block) {
    const std::size_t count = std::min(block, risks.size() - first);
    // Each risk's years, in parallel: they depend only on the seed and the risk's number.
    parallel_for(count * stages, o.threads, [&](std::size_t job) {
      const Risk& r = risks[first + job / stages];
      const bool residual = job % stages == 1;
      const Estimate& e = residual && r.residual ? *r.residual : r.current;
      simulate_years(model_of(e), o.seed, r.number, years[job]);
    });
    // Into the portfolio in risk order, trial by trial, the trials split between threads: each
    // sum is added in the same order whatever the thread count, so its rounding is the same.
    const std::size_t slices = std::max(1u, o.threads);
    parallel_for(slices, o.threads, [&](std::size_t slice) {
      const std::size_t from = trials * slice / slices;
      const std::size_t to = trials * (slice + 1) / slices;
      for (std::size_t job = 0; job < count * stages; ++job) {
        std::vector<double>& total = portfolio[job % stages];
        const std::vector<double>& y = years[job];
        for (std::size_t t = from; t < to; ++t) {
          total[t] += y[t];
        }
      }
    });
    parallel_for(count * stages, o.threads, [&](std::size_t job) {
      Outcome& out = result.risks[first + job / stages];
      const Stats s = stats_of(years[job]);
      if (job % stages == 1) {
        out.residual = s;
      } else {
        out.current = s;
      }
    });
    if (o.progress) {
      o.progress(first + count, risks.size());
    }
  }
  years.clear();

  std::vector<double> thresholds;
  for (const auto& p : o.tolerance) {
    thresholds.push_back(p.loss);
  }
  const std::vector<double> at_tolerance = exceedance(portfolio[0], thresholds);
  for (std::size_t i = 0; i < thresholds.size(); ++i) {
    if (at_tolerance[i] > o.tolerance[i].probability) {
      result.over_tolerance.push_back(o.tolerance[i]);
    }
  }
  std::vector<double> ends;
  constexpr std::array<double, 2> k_ends{k_curve_from, k_curve_to};
  result.portfolio.current =
      stats_of(portfolio[0], o.curve ? std::span<const double>(k_ends) : std::span<const double>{}, &ends);
  if (o.curve && trials > 0) {
    const double from = ends[0] > 0 ? ends[0] : smallest_positive(portfolio[0]);
    const std::vector<double> losses = curve_losses(from, ends[1]);
    result.curve = curve_of(portfolio[0], losses, o.tolerance);
    if (o.residual) {
      result.residual_curve = curve_of(portfolio[1], losses, o.tolerance);
    }
  }
  if (o.residual) {
    result.portfolio.residual = stats_of(portfolio[1]);
  }
  return result;
}

}  // namespace cso::fair
