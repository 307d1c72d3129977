#pragma once
// Staff: the security team and everyone in scope of policies and training (SPEC §4 staff).
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/query.h"
#include "core/record.h"
#include "core/time.h"

namespace cso::staff {

enum F : std::size_t { handle, name, email, role, team, manager, started, left, status, field_count };

const KindDef& kind();

/// The statuses, in the order the status field lists them: code names a status through
/// Status, so a misspelt one does not compile.
enum class Status : std::uint8_t { active, inactive };
inline constexpr std::array<std::string_view, 2> k_statuses{"active", "inactive"};
/// Where Status's names and field are (see status_name in core/record.h).
constexpr const auto& names_of(Status) {
  return k_statuses;
}
constexpr std::size_t field_of(Status) {
  return status;
}

/// Filters of `staff list`; empty means "any".
struct ListFilter {
  std::vector<std::string> teams, roles;
  bool include_inactive = false;
};
Query make_query(const ListFilter& f);

/// Validates a handle: [a-z0-9][a-z0-9._-]*, at most 64 characters. Usage Error naming `what`.
std::string parse_handle(std::string_view text, std::string_view what);
/// A person's name: any text but an empty one.
std::string parse_name(std::string_view text, std::string_view what);

/// Who manages whom: a handle's manager, "" for none.
using ManagerOf = std::function<std::string(const std::string& handle)>;
/// A conflict Error naming the cycle ("a → b → a") when following managers up from `person`
/// comes back to them; `what` is the flag or file cell that set the manager.
void require_no_manager_cycle(const std::string& person, const ManagerOf& manager_of, std::string_view what);

/// Marks an active person inactive as of `left` (a stored date). A conflict Error if they are
/// already inactive; a usage Error naming --on if `left` is before they started or after
/// `today` (they are inactive from now on, so a later day would contradict their status).
void offboard(Record& person, const std::string& left, const std::string& today);
/// Makes someone offboarded by mistake active again, `left` cleared (what they owned stays
/// with whoever took it over). A conflict Error if they are active.
void reactivate(Record& person);

}  // namespace cso::staff
