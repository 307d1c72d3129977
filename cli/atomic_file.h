#pragma once
// Files written whole or not at all (`--output`): the bytes go to a temporary file beside the
// target, are synced, and are renamed into place, so an interrupted write never leaves a half
// file under the final name.
#include <functional>
#include <string>
#include <string_view>

namespace cso::cli {

/// Writes `bytes` to `path` atomically; a runtime Error naming `what` and the path otherwise.
void write_file_atomically(const std::string& path, std::string_view bytes, std::string_view what);

/// Calls `produce` with a temporary path beside `path` for it to create, then renames that file
/// into place (removing it when `produce` throws).
void produce_file_atomically(const std::string& path, std::string_view what,
                             const std::function<void(const std::string& temporary)>& produce);

}  // namespace cso::cli
