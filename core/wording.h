#pragma once
// How counts read in messages and summaries: "1 risk", "3 risks", never "1 risks".
#include <cstdint>
#include <string>
#include <string_view>

namespace cso {

/// "1 risk", "3 risks"; `many` when the plural is not `one` + "s" ("person", "people").
std::string counted(std::int64_t n, std::string_view one, std::string_view many = {});

}  // namespace cso
