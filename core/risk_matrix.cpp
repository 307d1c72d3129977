#include "core/risk_matrix.h"

#include <numeric>

#include "core/risk.h"

namespace cso::risk {

void Matrix::add(const Record& r) {
  if (has_status(r, Status::closed)) {
    return;
  }
  const auto l = r.opt_integer(residual ? residual_likelihood : likelihood);
  const auto i = r.opt_integer(residual ? residual_impact : impact);
  if (!l || !i || *l < 1 || *i < 1 || *l > size || *i > size) {
    return;  // unrated, or rated on a larger matrix than the one configured now
  }
  counts[static_cast<std::size_t>((*l - 1) * size + (*i - 1))] += 1;
}

std::int64_t Matrix::at(std::int64_t l, std::int64_t i) const {
  return counts[static_cast<std::size_t>((l - 1) * size + (i - 1))];
}

std::int64_t Matrix::total() const {
  return std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
}

}  // namespace cso::risk
