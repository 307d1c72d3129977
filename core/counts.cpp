#include "core/counts.h"

namespace cso {

Counts counts_by_first(const std::vector<GroupCount>& groups, const std::vector<std::string>& names) {
  Counts c;
  for (const auto& name : names) {
    std::int64_t n = 0;
    for (const auto& g : groups) {
      n += !g.values.empty() && g.values[0] == Value{name} ? g.count : 0;
    }
    c.items.emplace_back(name, n);
    c.total += n;
  }
  return c;
}

}  // namespace cso
