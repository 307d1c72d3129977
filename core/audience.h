#pragma once
// Who a policy or course is for (SPEC §4): "all", "team:T" or "role:R". Inactive staff are
// never in an audience.
#include <string>
#include <string_view>

#include "core/query.h"

namespace cso {

/// Validates audience text; a usage Error naming `what` otherwise. Returns it as stored.
std::string parse_audience(std::string_view text, std::string_view what);

/// The staff query selecting the active members of a (valid, stored) audience.
Query audience_query(std::string_view audience);

}  // namespace cso
