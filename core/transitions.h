#pragma once
// What every state machine says when a verb does not apply to a record's status (SPEC §4:
// exit 4 naming the states that allow the verb).
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "core/record.h"

namespace cso {

/// "a", "a or b", "a, b or c": alternatives for messages (empty items skipped).
std::string or_list(std::span<const std::string_view> items);

/// A verb, the statuses it may start from (unused slots empty) and the status it leads to
/// (empty when it keeps the status: edit, assess, review): one domain's table of them is its
/// state machine. One type for every kind.
struct VerbRule {
  std::string_view verb;
  std::array<std::string_view, 5> from;
  std::string_view to = {};
};

/// The rule of `verb` in `rules`. A verb the table does not list is a programming error
/// (std::logic_error).
const VerbRule& rule_for(std::span<const VerbRule> rules, std::string_view verb);
/// Sets `r`'s status field to where `verb` leads in `rules`.
void move_to(Record& r, std::size_t status_field, std::span<const VerbRule> rules, std::string_view verb);
/// rule_for(rules, verb).from.
std::span<const std::string_view> statuses_for(std::span<const VerbRule> rules, std::string_view verb);

/// A conflict Error unless `current` is one of `from` (empty entries are unused slots):
/// "<key> is <current>; '<command>' needs <a noun> that is <from…>".
void require_one_of(std::string_view key, std::string_view current, std::string_view command, std::string_view noun,
                    std::span<const std::string_view> from);

/// Separation of duties: a conflict Error when `actor` owns `r` (its `owner_field`), for a verb
/// someone else must do: "<key> is owned by <actor>; its owner cannot <verb> it: someone else must".
void forbid_owner(const KindDef& kind, const Record& r, std::size_t owner_field, std::string_view actor,
                  std::string_view verb);

}  // namespace cso
