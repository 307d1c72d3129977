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

/// Calls `produce` with a temporary path beside `path` for it to create (and sync: see
/// sync_file), then renames that file into place and syncs the directory, so the rename
/// survives a crash (the temporary file is removed when `produce` throws).
void produce_file_atomically(const std::string& path, std::string_view what,
                             const std::function<void(const std::string& temporary)>& produce);

/// Syncs the file at `file` to disk; a runtime Error "WHAT: cannot write SHOWN: …" otherwise.
void sync_file(const std::string& file, std::string_view what, const std::string& shown);

}  // namespace cso::cli
