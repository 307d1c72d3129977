#pragma once
// The heat map of `risk matrix`: counts of risks per likelihood × impact cell.
#include <string>
#include <vector>

#include "core/config.h"
#include "core/record.h"

namespace cso::risk {

struct Matrix {
  std::int64_t size = 5;
  bool residual = false;
  std::vector<std::int64_t> counts;  ///< (likelihood-1) * size + (impact-1)
  /// Risks rated on a larger matrix than the one configured now: never dropped silently.
  struct Outside {
    std::string id;
    std::int64_t likelihood, impact;
  };
  std::vector<Outside> outside;

  Matrix(std::int64_t n, bool use_residual)
      : size(n), residual(use_residual), counts(static_cast<std::size_t>(n * n)) {}
  /// Counts a risk that is not closed (its residual rating when `residual`; skipped without one).
  void add(const Record& r);
  std::int64_t at(std::int64_t likelihood, std::int64_t impact) const;
  std::int64_t total() const;  ///< every risk counted, in a cell or outside
};

}  // namespace cso::risk
