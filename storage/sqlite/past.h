#pragma once
// The program as it stood at an instant, rebuilt from the journal (SPEC §4 --as-of): every
// entry holds its record's whole state, so the last entry at or before the instant of each
// record is that record then (none, or an rm, and it did not exist).
#include <memory>

#include "core/store.h"
#include "storage/sqlite/db.h"

namespace cso::storage {

/// A read-only store over a second connection to `source`'s file, whose temporary tables
/// (shadowing the record tables of the same names, so every read path is the usual one) hold
/// the records as of `at`; its journal ends at `at`. Writes are usage Errors. It must not
/// outlive `source`. An in-memory database cannot be opened twice: a usage Error.
std::unique_ptr<Store> past_store(Db& source, Instant at);

}  // namespace cso::storage
