#pragma once
// `cso import` and `cso backup` on SQLite: a program restored verbatim into an empty file, and
// a file copied through SQLite's online backup API.
#include <memory>
#include <string>

#include "core/store.h"
#include "storage/sqlite/db.h"

namespace cso::storage {

/// Starts a restore (BEGIN IMMEDIATE) into `db`; a conflict Error when it holds any record,
/// journal entry or counter.
std::unique_ptr<Restore> begin_restore(Db& db);

/// The last number given for `kind` (the `counter` table), 0 when none.
std::int64_t last_number(Db& db, const KindDef& kind);

/// Copies `db` page by page into the new file `path` (0600), a few pages at a time so that
/// writers are held up only briefly (a writer's commit restarts the copy of what changed), then
/// syncs the file.
void backup_file(Db& db, const std::string& path);

}  // namespace cso::storage
