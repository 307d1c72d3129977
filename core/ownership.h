#pragma once
// What people own or lead while it is open, in every domain: `staff offboard` moves these
// to someone else (or refuses, listing them). Each domain adds its kinds in ownership.cpp,
// with what else moving an item of that kind takes (an incident's timeline records its new lead).
#include <optional>
#include <string_view>
#include <vector>

#include "core/query.h"
#include "core/record.h"
#include "core/store.h"

namespace cso {

struct OwnedKind;
/// Moves one item to `to` in `tx`, journalled as `action` with `note`.
using Reassign = void (*)(Transaction& tx, const OwnedKind& owned, Record& item, const std::string& to,
                          const Actor& actor, std::string_view action, std::string_view note);

struct OwnedKind {
  const KindDef* kind = nullptr;
  std::size_t owner_field = 0;               ///< the owner or lead
  std::size_t title_field = 0;               ///< what to call the item in messages
  std::vector<Condition> open;               ///< selects the open items
  std::optional<std::size_t> updated_field;  ///< an instant set to now when the item moves, if the kind has one
  Reassign reassign = nullptr;               ///< what moving an item takes; move_owner when null
};

/// Every kind of item a person can own, in SPEC order (policies, risks, incidents, findings…).
const std::vector<OwnedKind>& owned_kinds();

/// The plain move: the owner field (and the updated instant, if any) changes; one entry.
void move_owner(Transaction& tx, const OwnedKind& owned, Record& item, const std::string& to, const Actor& actor,
                std::string_view action, std::string_view note);

struct OwnedItem {
  const OwnedKind* owned = nullptr;
  Record record;
};

/// Every open item `handle` owns or leads, kind by kind in registry order, each by key.
std::vector<OwnedItem> open_items(Reader& reader, const std::vector<OwnedKind>& kinds, const std::string& handle);

/// Moves every item to `to`, each journalled as "<kind>.reassign" with `note`.
void reassign_all(Transaction& tx, std::vector<OwnedItem>& items, const std::string& to, const Actor& actor,
                  std::string_view note);

}  // namespace cso
