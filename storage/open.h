#pragma once
// Where stores come from: the only storage header code above storage/ includes. Backend
// neutral: each factory returns the port (core/store.h); today's backend is SQLite
// (storage/sqlite/), and any failure arrives as a cso::Error.
#include <memory>
#include <string>
#include <string_view>

#include "core/store.h"

namespace cso::storage {

/// Why a store is opened. To verify it, a file that is not a database at all is damage
/// (integrity, exit 5); to use it, the wrong path (runtime).
enum class OpenFor { use, verify };

/// Opens an existing store; a not_found Error naming `path` when there is none, a usage Error
/// when it is a directory. Refuses a store whose schema is newer than this cso, or older (run
/// `cso init`). A file the user may read but not write is opened read-only: reading commands
/// work, and a write fails saying so.
std::unique_ptr<Store> open_store(const std::string& path, OpenFor why = OpenFor::use);
/// Creates the store (file 0600, parent directories 0700) or migrates an existing one.
/// Sets `previous_version` to the schema version it had before (0 for a new one).
std::unique_ptr<Store> create_or_migrate(const std::string& path, int& previous_version);
/// An empty store with the current schema that lives in memory (unit tests).
std::unique_ptr<Store> in_memory_store();

int current_schema_version();

/// SHA-256 of `text` as 64 lowercase hex digits (policy bodies; core has no crypto).
std::string sha256_hex(std::string_view text);

}  // namespace cso::storage
