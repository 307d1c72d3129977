#pragma once
// What `verify` and check's journal.integrity rule run (SPEC §5, §6): the hash chain, every live
// record against its last journalled state, the counts kept for status, and optionally SQLite's
// own check of the file.
#include "core/journal.h"
#include "storage/sqlite/db.h"

namespace cso::storage {

/// Whether verify_all ends with SQLite's own PRAGMA integrity_check of the file.
enum class FileCheck { skip, run };

/// Whether the record scan may run on a second connection beside the chain replay; a restore
/// not yet committed is seen by its own connection only.
enum class Scan { parallel, same_connection };

/// replay_chain, then every live record against its last journalled state and the counts kept
/// for status, then (FileCheck::run) PRAGMA integrity_check. On a file, the chain replay and the
/// record scan run side by side on two connections.
VerifyReport verify_all(Db& db, FileCheck file = FileCheck::run, Scan scan = Scan::parallel);

}  // namespace cso::storage
