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
  if (!l || !i || *l < 1 || *i < 1) {
    return;  // no residual rating
  }
  if (*l > size || *i > size) {
    outside.push_back({display_key(kind(), r), *l, *i});
    return;
  }
  counts[static_cast<std::size_t>((*l - 1) * size + (*i - 1))] += 1;
}

std::int64_t Matrix::at(std::int64_t l, std::int64_t i) const {
  return counts[static_cast<std::size_t>((l - 1) * size + (i - 1))];
}

std::int64_t Matrix::total() const {
  return std::accumulate(counts.begin(), counts.end(), static_cast<std::int64_t>(outside.size()));
}

}  // namespace cso::risk
