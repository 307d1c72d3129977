#pragma once
// The port (core/store.h) over SQLite: SqliteStore reads through a Db, SqliteTransaction
// writes through a Tx (records.h). Every method turns SQLite's exceptions into cso::Error.
#include <memory>
#include <string>

#include "core/store.h"
#include "storage/sqlite/db.h"
#include "storage/sqlite/records.h"

namespace cso::storage {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<Db> db);

  std::optional<Record> get(const KindDef& kind, const Value& key) override;
  void each(const KindDef& kind, const Query& q, const RecordFn& fn) override;
  std::int64_t count(const KindDef& kind, const Query& q) override;
  std::vector<GroupCount> count_by(const KindDef& kind, const std::vector<std::size_t>& fields,
                                   const std::vector<Condition>& where) override;
  std::vector<GroupCount> tally(const KindDef& kind) override;
  void each_entry(const LogFilter& f, const EntryFn& fn) override;

  std::unique_ptr<Transaction> begin(const Actor& actor) override;
  std::unique_ptr<Hold> read_snapshot() override;
  std::unique_ptr<Hold> bulk_load() override;
  VerifyReport verify_journal() override;
  VerifyReport verify() override;
  std::optional<Hash> head() override;
  std::unique_ptr<Store> as_of(Instant at) override;
  std::int64_t last_number(const KindDef& kind) override;
  std::unique_ptr<Restore> restore() override;
  void backup_to(const std::string& path) override;
  std::string location() const override;
  std::vector<std::string> keys(const KindDef& kind, std::string_view prefix, std::size_t limit) override;

  /// The connection, for storage code and its tests (a test tampers through it).
  Db& db() { return *m_db; }

 private:
  std::unique_ptr<Db> m_db;
};

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(Db& db, const Actor& actor);

  std::optional<Record> get(const KindDef& kind, const Value& key) override;
  void each(const KindDef& kind, const Query& q, const RecordFn& fn) override;
  std::int64_t count(const KindDef& kind, const Query& q) override;
  std::vector<GroupCount> count_by(const KindDef& kind, const std::vector<std::size_t>& fields,
                                   const std::vector<Condition>& where) override;
  std::vector<GroupCount> tally(const KindDef& kind) override;
  void each_entry(const LogFilter& f, const EntryFn& fn) override;

  using Transaction::insert;
  using Transaction::remove;
  using Transaction::update;
  void insert(const KindDef& kind, Record& r, std::string_view action, std::string_view note) override;
  void update(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) override;
  void remove(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) override;
  void bulk(const KindDef& kind) override;
  void commit() override;

 private:
  const std::string& path() const { return m_path; }
  std::string m_path;
  Tx m_tx;
};

}  // namespace cso::storage
