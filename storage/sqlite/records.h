#pragma once
// Reading and writing records of any kind, derived from its KindDef. Writes go only
// through Tx, which journals every change in the same transaction (SPEC §6).
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/counts.h"
#include "core/query.h"
#include "core/record.h"
#include "core/store.h"
#include "storage/sqlite/background.h"
#include "storage/sqlite/db.h"
#include "storage/sqlite/journal.h"

namespace SQLite {
class Statement;
}

namespace cso::storage {

/// The record whose key (ID number, or handle for staff) is `key`; nullopt if none.
std::optional<Record> get(Db& db, const KindDef& kind, const Value& key);
/// Streams the records matching `q` (derived fields left null; the caller may derive them in
/// place: the record is reused for the next row).
void each(Db& db, const KindDef& kind, const Query& q, const std::function<void(Record&)>& fn);
std::int64_t count(Db& db, const KindDef& kind, const Query& q);
/// Counts of the records matching `where`, grouped by the values of `fields`.
std::vector<GroupCount> count_by(Db& db, const KindDef& kind, const std::vector<std::size_t>& fields,
                                 const std::vector<Condition>& where = {});
/// The counts Tx keeps per combination of kind.tally_by values: count_by(kind.tally_by)
/// without reading the records.
std::vector<GroupCount> tally(Db& db, const KindDef& kind);

/// Up to `limit` keys of `kind` beginning with `prefix` as typed (Store::keys), read through
/// the key's index alone (keys.cpp).
std::vector<std::string> keys(Db& db, const KindDef& kind, std::string_view prefix, std::size_t limit);

/// A write transaction (BEGIN IMMEDIATE). Each insert/update/remove also appends its journal
/// entry; nothing is visible to others until commit(). Rolls back if not committed.
class Tx {
 public:
  Tx(Db& db, Actor actor);
  ~Tx();
  Tx(const Tx&) = delete;
  Tx& operator=(const Tx&) = delete;

  /// Inserts `r` (assigning its ID number for numbered kinds) and journals `action`.
  void insert(const KindDef& kind, Record& r, std::string_view action, std::string_view note = {});
  void update(const KindDef& kind, const Record& r, std::string_view action, std::string_view note = {});
  void remove(const KindDef& kind, const Record& r, std::string_view action, std::string_view note = {});
  void commit();

  /// Bulk mode for imports: inserts of `kind` are journalled at once but written to the
  /// database in batches (multi-row INSERTs) by a second thread while the caller prepares the
  /// next batch, and insert() takes the record's contents, giving back a record of the same
  /// kind with unspecified values for the caller to refill. Every other use of the
  /// transaction, and db(), first waits for the rows handed over to be written.
  void bulk(const KindDef& kind);

  /// The database, for reads inside the transaction.
  Db& db();

 private:
  enum class Op { insert, update, remove, journal };
  SQLite::Statement& statement(const KindDef* kind, Op op, std::size_t rows = 1);
  /// Chains the next journal entry for a change (data: the record after it, or none for rm).
  void chain(JournalEntry& e, const KindDef& kind, const Record* r, std::string record, std::string_view action,
             std::string_view note);
  /// Chains and writes the entry of one change made outside bulk mode.
  void single_entry(const KindDef& kind, const Record* r, std::string record, std::string_view action,
                    std::string_view note);
  void write_entries(const JournalEntry* first, std::size_t count);
  /// Hands the bulk rows collected so far to the writer thread.
  void hand_over();
  /// Writes every bulk row collected or handed over, and waits until they are written.
  void drain();
  struct Batch;
  /// Writes a batch of bulk rows and their entries (on the writer thread).
  void write_batch(Batch& batch);

  /// The next number for a numbered kind: one past the last ever given.
  std::int64_t next_number(const KindDef& kind);
  /// Counts `r` in (+1) or out (-1) of its kind's tally, applied at commit.
  void count(const KindDef& kind, const Record& r, int delta);

  Db& m_db;
  Actor m_actor;
  std::map<const KindDef*, std::int64_t> m_last_numbers;                   ///< written back to `counter` at commit
  std::map<std::pair<const KindDef*, std::string>, std::int64_t> m_tally;  ///< added to `tally` at commit
  bool m_done = false;
  std::map<std::tuple<const KindDef*, Op, std::size_t>, std::unique_ptr<SQLite::Statement>> m_statements;
  const KindDef* m_bulk = nullptr;
  std::size_t m_batch_rows = 0;      ///< rows per batch in bulk mode
  std::unique_ptr<Batch> m_filling;  ///< bulk rows being collected
  std::unique_ptr<Batch> m_writing;  ///< bulk rows handed to the writer (its buffers, once written)
  std::unique_ptr<Background> m_writer;
  JournalEntry m_single;  ///< the entry of a change made outside bulk mode
  struct Head;
  std::unique_ptr<Head> m_head;
};

}  // namespace cso::storage
