#pragma once
// What people own or lead while it is open, in every domain: `staff offboard` moves these
// to someone else (or refuses, listing them). Each domain adds its kinds in ownership.cpp.
#include "core/query.h"
#include "core/record.h"

#include <optional>
#include <string_view>
#include <vector>

namespace cso {

struct OwnedKind {
  const KindDef* kind = nullptr;
  std::size_t owner_field = 0;              ///< the owner or lead
  std::size_t title_field = 0;              ///< what to call the item in messages
  std::vector<Condition> open;              ///< selects the open items
  std::optional<std::size_t> updated_field; ///< an instant set to now when the item moves, if the kind has one
};

/// Every kind of item a person can own, in SPEC order (policies, risks, incidents, findings…).
std::vector<OwnedKind> owned_kinds();

}  // namespace cso
