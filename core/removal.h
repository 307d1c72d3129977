#pragma once
// `rm --force` for every kind (SPEC §3: deleting is for mistakes; the journal keeps what was
// removed). What goes with a record, and what keeps it from going, is declared here once per
// kind, so one generic command removes any of them.
#include <optional>
#include <string_view>
#include <vector>

#include "core/record.h"
#include "core/store.h"

namespace cso {

/// Records of another kind that belong to a record: those whose `owner_field` holds its key.
struct Part {
  const KindDef* kind = nullptr;
  std::size_t owner_field = 0;
  std::optional<std::size_t> order;  ///< removed in this field's order (else by key)
};

struct Removal {
  const KindDef* kind = nullptr;
  std::string_view action;              ///< journalled for the record and each part: "risk.rm"
  std::string_view instead;             ///< the usual way out of the register: "close it instead"
  std::vector<Part> cascade;            ///< removed with it, in this order, before it
  std::optional<Part> blocking;         ///< while any of these exist, it stays (conflict)
  std::string_view blocking_hint = {};  ///< what to do about them
};

/// The removal rule of `kind`; std::logic_error for a kind that has none (a programming error).
const Removal& removal_of(const KindDef& kind);

/// Removes the record `key` with its parts in `tx`, each journalled as the rule's action, and
/// returns it. not_found when absent; conflict (naming them) while blocking records exist.
Record remove_with_parts(Transaction& tx, const Removal& rule, const Value& key);

}  // namespace cso
