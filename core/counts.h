#pragma once
// Counts for overviews (`cso status`): records per combination of field values, as storage
// keeps them (KindDef::tally_by), and named counts in display order.
#include <string>
#include <utility>
#include <vector>

#include "core/record.h"

namespace cso {

struct GroupCount {
  std::vector<Value> values;  ///< one per grouped field
  std::int64_t count = 0;
};

struct Counts {
  std::vector<std::pair<std::string, std::int64_t>> items;  ///< in display order
  std::int64_t total = 0;
};

/// Counts per value of the first grouped field, in the order of `names` (absent ones count 0).
Counts counts_by_first(const std::vector<GroupCount>& groups, const std::vector<std::string>& names);

}  // namespace cso
