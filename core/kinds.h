#pragma once
// Every record kind, for the code that treats them all alike (verify, log, export).
#include <span>

#include "core/record.h"

namespace cso {

std::span<const KindDef* const> all_kinds();
/// The kind whose prefix matches a record key ("RSK-12" → risk), or nullptr (a handle).
const KindDef* kind_of_key(std::string_view key);
/// The kind of the record a journal entry names ("RSK-12", "POL-3/v2/ack/bob", "alice"), by
/// its kinds' key shapes (KindDef::key_shape); nullptr when no kind has keys of that shape.
const KindDef* kind_of_record(std::string_view key);

}  // namespace cso
