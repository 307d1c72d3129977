#pragma once
// The storage port (STYLE §3): what the domain and the commands need from a store, in domain
// terms. core declares it; storage/sqlite implements it (a PostgreSQL backend will be a second
// implementation). No SQL, no dialect and no library type crosses it: a backend turns its
// failures into cso::Error (busy → runtime "database busy", corrupt → integrity).
//
// Every change goes through a Transaction, which journals it in the same transaction (SPEC §6).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/counts.h"
#include "core/journal.h"
#include "core/query.h"
#include "core/record.h"
#include "core/time.h"

namespace cso {

/// Who made a change and when, for the journal.
struct Actor {
  std::string handle;
  Instant at = 0;
};

using RecordFn = std::function<void(Record&)>;
using EntryFn = std::function<void(const JournalEntry&)>;

/// Reads: the same inside a write transaction (seeing its own changes) and outside it.
class Reader {
 public:
  virtual ~Reader() = default;

  /// The record whose key (ID number, or field 0's text for kinds without a prefix) is `key`.
  virtual std::optional<Record> get(const KindDef& kind, const Value& key) = 0;
  /// Streams the records matching `q` (derived fields left null; the record passed to `fn` is
  /// reused for the next row, so `fn` may derive fields in place).
  virtual void each(const KindDef& kind, const Query& q, const RecordFn& fn) = 0;
  virtual std::int64_t count(const KindDef& kind, const Query& q) = 0;
  /// Counts of the records matching `where`, grouped by the values of `fields`.
  virtual std::vector<GroupCount> count_by(const KindDef& kind, const std::vector<std::size_t>& fields,
                                           const std::vector<Condition>& where) = 0;
  /// count_by(kind.tally_by) without reading the records (the store keeps these counts).
  virtual std::vector<GroupCount> tally(const KindDef& kind) = 0;
  /// The journal entries `f` selects.
  virtual void each_entry(const LogFilter& f, const EntryFn& fn) = 0;

  /// Like get, but a not_found Error ("no risk RSK-12") when absent.
  Record get_or_throw(const KindDef& kind, const Value& key);
  /// Every record matching `q`, in order (for the small sets a domain rule works on).
  std::vector<Record> all(const KindDef& kind, const Query& q);
};

/// A write transaction. Each insert/update/remove appends its journal entry; nothing is
/// visible to others until commit(); destroyed uncommitted, it rolls back.
class Transaction : public Reader {
 public:
  /// Inserts `r` (assigning its ID number for numbered kinds) and journals `action`.
  virtual void insert(const KindDef& kind, Record& r, std::string_view action, std::string_view note) = 0;
  virtual void update(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) = 0;
  virtual void remove(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) = 0;
  /// Bulk mode for imports: inserts of `kind` may be written in batches, and insert() may take
  /// the record's contents, giving back a record of the same kind for the caller to refill.
  virtual void bulk(const KindDef& kind) = 0;
  virtual void commit() = 0;

  void insert(const KindDef& kind, Record& r, std::string_view action) { insert(kind, r, action, {}); }
  void update(const KindDef& kind, const Record& r, std::string_view action) { update(kind, r, action, {}); }
  void remove(const KindDef& kind, const Record& r, std::string_view action) { remove(kind, r, action, {}); }
};

/// While it lives, something the store holds for the caller (a read snapshot, bulk-load mode).
class Hold {
 public:
  virtual ~Hold() = default;
};

/// A whole program written into an empty store (`cso import`): records and journal entries
/// verbatim, in one transaction, journalling nothing anew (it restores the journal itself).
/// Destroyed uncommitted, it rolls back and the store stays empty.
class Restore {
 public:
  virtual ~Restore() = default;
  /// Writes `r` as it is (its key included; derived fields ignored).
  virtual void record(const KindDef& kind, const Record& r) = 0;
  /// Appends `e` as it is (its seq and hash included; `prev` ignored).
  virtual void entry(const JournalEntry& e) = 0;
  /// The last ID number ever given for a numbered kind (numbers are never reused).
  virtual void last_number(const KindDef& kind, std::int64_t last) = 0;
  /// What verify_journal would find in the store as restored so far, before commit.
  virtual VerifyReport verify() = 0;
  virtual void commit() = 0;
};

class Store : public Reader {
 public:
  /// Starts a write transaction (SQLite: BEGIN IMMEDIATE).
  virtual std::unique_ptr<Transaction> begin(const Actor& actor) = 0;
  /// Every read while the hold lives sees one snapshot, whatever others commit meanwhile.
  virtual std::unique_ptr<Hold> read_snapshot() = 0;
  /// Tunes the store for one large import while the hold lives.
  virtual std::unique_ptr<Hold> bulk_load() = 0;
  /// Replays the journal's chain and compares every live record (and the counts kept for
  /// status) with its last journalled state: what `check`'s journal.integrity runs.
  virtual VerifyReport verify_journal() = 0;
  /// verify_journal, then the store's own integrity check: what `verify` runs.
  virtual VerifyReport verify() = 0;
  /// The newest entry's hash; nullopt for an empty journal.
  virtual std::optional<Hash> head() = 0;
  /// The program as it stood at `at`, rebuilt from the journal (SPEC §4 --as-of): a read-only
  /// store whose records are each one's last journalled state at or before `at` and whose
  /// journal ends there. Writes to it are usage Errors.
  virtual std::unique_ptr<Store> as_of(Instant at) = 0;
  /// The last ID number ever given for a numbered kind (0 when none was): an export carries it
  /// so that an import never gives a removed record's number again.
  virtual std::int64_t last_number(const KindDef& kind) = 0;
  /// Starts restoring a program into this store, which must be empty (no record and no journal
  /// entry): a conflict Error otherwise.
  virtual std::unique_ptr<Restore> restore() = 0;
  /// Writes a consistent copy of the whole store to the new file `path` (created 0600 and synced
  /// before returning) while other processes go on writing (SQLite's online backup). A backend
  /// without file copies throws a usage Error naming its own tool.
  virtual void backup_to(const std::string& path) = 0;
  /// Where the store is, for messages (a path; never a password).
  virtual std::string location() const = 0;
  /// At most `limit` keys of `kind` beginning with `prefix` as typed, in key order: for a
  /// numbered kind "RSK-1…" for "", "RSK-1" or "rsk-1", and "1…" for "1"; handles otherwise.
  /// Reads the keys alone, through the key's index: what shell completion offers.
  virtual std::vector<std::string> keys(const KindDef& kind, std::string_view prefix, std::size_t limit) = 0;
};

}  // namespace cso
