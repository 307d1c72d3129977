#pragma once
// The key of a record in the `tally` table: its KindDef::tally_by values as text, joined
// by U+001F, and back.
#include <string>
#include <vector>

#include "core/record.h"

namespace cso::storage {

std::string tally_key(const KindDef& kind, const Record& r);
std::string tally_key(const std::vector<Value>& values);
std::vector<Value> tally_values(const KindDef& kind, const std::string& key);

}  // namespace cso::storage
