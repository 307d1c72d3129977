#pragma once
// Staff questions that need the store: who may own, lead or sign for something.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit.h"
#include "core/store.h"

namespace cso::staff {

/// `handle` (validated) when it names an active staff member: not_found when nobody has it,
/// conflict when they were offboarded. Errors name `what` (the flag).
std::string require_active(Reader& reader, std::string_view handle, std::string_view what);

/// The acting person of a sign-off (SPEC §1: approve, publish, accept, verify…): `handle` when
/// it names an active staff member, else a conflict naming it and saying how to act as someone.
std::string require_signer(Reader& reader, std::string_view handle);

/// `staff add` and `staff edit`: sets what changed on `person`. A manager must be someone
/// else who is on the staff list (read from `reader`).
void edit(Reader& reader, Record& person, const Changes& changes);

/// The handles of the active members of a (valid, stored) audience, by handle.
std::vector<std::string> audience_members(Reader& reader, std::string_view audience);

}  // namespace cso::staff

namespace cso::cert {

/// The certification of `handle` called `name`, matched without regard to case.
std::optional<Record> find(Reader& reader, const std::string& handle, const std::string& name);

struct ListFilter {
  std::optional<std::string> expiring_by;  ///< expiring on or before this date, soonest first
  std::optional<std::string> holder;       ///< one person's (any status)
  bool all = false;                        ///< inactive people's too
};
/// The certifications `f` selects: by default those of active staff.
Query make_query(Reader& reader, const ListFilter& f);

}  // namespace cso::cert
