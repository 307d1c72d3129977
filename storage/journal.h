#pragma once
// The journal (SPEC §6): an append-only hash chain of every change.
//
// Entry hash: SHA-256 over the previous entry's 32-byte hash (32 zero bytes before the first
// entry) followed by the entry's canonical JSON:
//   {"action":…,"actor":…,"at":…,"data":<record JSON or null>,"note":<text or null>,"record":…,"seq":N}
// with keys sorted and no whitespace. Hashes are stored as 32-byte blobs and shown as hex.
// `data` is canonical_json() of the record after the change (NULL for rm). verify() replays
// the chain, then compares each live record with its last journalled data.
#include "core/time.h"
#include "storage/db.h"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cso::storage {

using Hash = std::array<unsigned char, 32>;
std::string to_hex(const Hash& h);

struct JournalEntry {
  std::int64_t seq = 0;
  std::string at, actor, action, record;
  std::optional<std::string> data, note;
  Hash prev{}, hash{};
};

/// SHA-256 of `text` as 64 lowercase hex digits (policy bodies; core has no crypto).
std::string sha256_hex(std::string_view text);

/// The canonical JSON of an entry, the text its hash covers.
std::string canonical_entry(const JournalEntry& e);
/// SHA-256(prev || canonical_entry(e)).
Hash entry_hash(const JournalEntry& e);

struct LogFilter {
  std::optional<std::string> record;  ///< exact record key ("RSK-12", a handle)
  bool with_parts = false;            ///< also the record's parts: "POL-3/v2" with "POL-3" (record.h)
  std::optional<std::string> since;   ///< entries at or after this RFC 3339 instant
  std::optional<std::string> actor;
  std::optional<std::string> action;  ///< "risk.assess", or "risk" for every risk.* action (any text)
  std::optional<std::int64_t> limit;  ///< the newest N
  bool newest_first = true;
};
void each_entry(Db& db, const LogFilter& f, const std::function<void(const JournalEntry&)>& fn);

/// The newest entry's hash, or nullopt for an empty journal.
std::optional<Hash> journal_head(Db& db);

struct VerifyReport {
  std::int64_t entries = 0;
  std::int64_t records = 0;
  std::optional<Hash> head;
  std::vector<std::string> problems;  ///< empty when everything verifies; first one first
};
/// Replays the hash chain; stops at the first broken link.
VerifyReport verify_chain(Db& db);
/// verify_chain, then every live record against its last journalled state, then
/// PRAGMA integrity_check.
VerifyReport verify_all(Db& db);

}  // namespace cso::storage
