#pragma once
// The journal (SPEC §6): an append-only hash chain of every change.
//
// Entry hash: SHA-256 over the previous entry's 32-byte hash (32 zero bytes before the first
// entry) followed by the entry's canonical JSON:
//   {"action":…,"actor":…,"at":…,"data":<record JSON or null>,"note":<text or null>,"record":…,"seq":N}
// with keys sorted and no whitespace. Hashes are stored as 32-byte blobs and shown as hex.
// `data` is canonical_json() of the record after the change (NULL for rm). verify() replays
// the chain, then compares each live record with its last journalled data.
#include <functional>
#include <optional>
#include <string>

#include "core/journal.h"
#include "core/time.h"
#include "storage/sqlite/db.h"

namespace cso::storage {

/// The canonical JSON of an entry, the text its hash covers.
std::string canonical_entry(const JournalEntry& e);
/// SHA-256(prev || canonical_entry(e)).
Hash entry_hash(const JournalEntry& e);

void each_entry(Db& db, const LogFilter& f, const std::function<void(const JournalEntry&)>& fn);

/// The newest entry's hash, or nullopt for an empty journal.
std::optional<Hash> journal_head(Db& db);

/// Replays the hash chain; stops at the first broken link.
VerifyReport verify_chain(Db& db);
/// Whether verify_all ends with SQLite's own PRAGMA integrity_check of the file.
enum class FileCheck { skip, run };
/// verify_chain, then every live record against its last journalled state and the counts
/// kept for status, then (FileCheck::run) PRAGMA integrity_check.
VerifyReport verify_all(Db& db, FileCheck file = FileCheck::run);

}  // namespace cso::storage
