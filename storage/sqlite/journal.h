#pragma once
// The journal (SPEC §6): an append-only hash chain of every change.
//
// Entry hash: SHA-256 over the previous entry's 32-byte hash (32 zero bytes before the first
// entry) followed by the entry's canonical JSON:
//   {"action":…,"actor":…,"at":…,"data":<record JSON or null>,"note":<text or null>,"record":…,"seq":N}
// with keys sorted and no whitespace. Hashes are stored as 32-byte blobs and shown as hex.
// `data` is canonical_json() of the record after the change (NULL for rm). verify() replays
// the chain (verify.h then compares each live record with its last journalled data).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

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

/// Replays the hash chain in order, calling `seen` for each entry whose link verifies; stops at
/// the first missing or broken one, which the report names.
VerifyReport replay_chain(Db& db, const std::function<void(const JournalEntry&)>& seen);

/// SHA-256 of `text`.
Hash sha256(std::string_view text);

}  // namespace cso::storage
