#pragma once
// What every state machine says when a verb does not apply to a record's status (SPEC §4:
// exit 4 naming the states that allow the verb).
#include <span>
#include <string>
#include <string_view>

namespace cso {

/// "a", "a or b", "a, b or c": alternatives for messages (empty items skipped).
std::string or_list(std::span<const std::string_view> items);

/// A conflict Error unless `current` is one of `from` (empty entries are unused slots):
/// "<key> is <current>; '<command>' needs <a noun> that is <from…>".
void require_one_of(std::string_view key, std::string_view current, std::string_view command, std::string_view noun,
                    std::span<const std::string_view> from);

}  // namespace cso
