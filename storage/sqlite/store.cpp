#include "storage/sqlite/store.h"

#include "storage/open.h"
#include "storage/sqlite/error.h"
#include "storage/sqlite/journal.h"
#include "storage/sqlite/past.h"
#include "storage/sqlite/restore.h"
#include "storage/sqlite/verify.h"

namespace cso::storage {
namespace {

class SnapshotHold final : public Hold {
 public:
  explicit SnapshotHold(Db& db) : m_snapshot(db) {}

 private:
  ReadSnapshot m_snapshot;
};

class BulkHold final : public Hold {
 public:
  explicit BulkHold(Db& db) : m_bulk(db) {}

 private:
  BulkLoad m_bulk;
};

}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<Db> db) : m_db(std::move(db)) {}

std::optional<Record> SqliteStore::get(const KindDef& kind, const Value& key) {
  return translated(m_db->path(), [&] { return storage::get(*m_db, kind, key); });
}

void SqliteStore::each(const KindDef& kind, const Query& q, const RecordFn& fn) {
  translated(m_db->path(), [&] { storage::each(*m_db, kind, q, fn); });
}

std::int64_t SqliteStore::count(const KindDef& kind, const Query& q) {
  return translated(m_db->path(), [&] { return storage::count(*m_db, kind, q); });
}

std::vector<GroupCount> SqliteStore::count_by(const KindDef& kind, const std::vector<std::size_t>& fields,
                                              const std::vector<Condition>& where) {
  return translated(m_db->path(), [&] { return storage::count_by(*m_db, kind, fields, where); });
}

std::vector<GroupCount> SqliteStore::tally(const KindDef& kind) {
  return translated(m_db->path(), [&] { return storage::tally(*m_db, kind); });
}

void SqliteStore::each_entry(const LogFilter& f, const EntryFn& fn) {
  translated(m_db->path(), [&] { storage::each_entry(*m_db, f, fn); });
}

std::unique_ptr<Transaction> SqliteStore::begin(const Actor& actor) {
  return translated(m_db->path(), [&] { return std::make_unique<SqliteTransaction>(*m_db, actor); });
}

std::unique_ptr<Hold> SqliteStore::read_snapshot() {
  return translated(m_db->path(), [&] { return std::make_unique<SnapshotHold>(*m_db); });
}

std::unique_ptr<Hold> SqliteStore::bulk_load() {
  return translated(m_db->path(), [&] { return std::make_unique<BulkHold>(*m_db); });
}

VerifyReport SqliteStore::verify_journal() {
  return translated(m_db->path(), [&] { return verify_all(*m_db, FileCheck::skip); });
}

VerifyReport SqliteStore::verify() {
  return translated(m_db->path(), [&] { return verify_all(*m_db, FileCheck::run); });
}

std::optional<Hash> SqliteStore::head() {
  return translated(m_db->path(), [&] { return journal_head(*m_db); });
}

std::unique_ptr<Store> SqliteStore::as_of(Instant at) {
  return translated(m_db->path(), [&] { return past_store(*m_db, at); });
}

std::int64_t SqliteStore::last_number(const KindDef& kind) {
  return translated(m_db->path(), [&] { return storage::last_number(*m_db, kind); });
}

std::unique_ptr<Restore> SqliteStore::restore() {
  return translated(m_db->path(), [&] { return begin_restore(*m_db); });
}

void SqliteStore::backup_to(const std::string& path) {
  translated(m_db->path(), [&] { backup_file(*m_db, path); });
}

std::string SqliteStore::location() const {
  return m_db->path();
}

std::vector<std::string> SqliteStore::keys(const KindDef& kind, std::string_view prefix, std::size_t limit) {
  return translated(m_db->path(), [&] { return storage::keys(*m_db, kind, prefix, limit); });
}

SqliteTransaction::SqliteTransaction(Db& db, const Actor& actor) : m_path(db.path()), m_tx(db, actor) {}

std::optional<Record> SqliteTransaction::get(const KindDef& kind, const Value& key) {
  return translated(path(), [&] { return storage::get(m_tx.db(), kind, key); });
}

void SqliteTransaction::each(const KindDef& kind, const Query& q, const RecordFn& fn) {
  translated(path(), [&] { storage::each(m_tx.db(), kind, q, fn); });
}

std::int64_t SqliteTransaction::count(const KindDef& kind, const Query& q) {
  return translated(path(), [&] { return storage::count(m_tx.db(), kind, q); });
}

std::vector<GroupCount> SqliteTransaction::count_by(const KindDef& kind, const std::vector<std::size_t>& fields,
                                                    const std::vector<Condition>& where) {
  return translated(path(), [&] { return storage::count_by(m_tx.db(), kind, fields, where); });
}

std::vector<GroupCount> SqliteTransaction::tally(const KindDef& kind) {
  return translated(path(), [&] { return storage::tally(m_tx.db(), kind); });
}

void SqliteTransaction::each_entry(const LogFilter& f, const EntryFn& fn) {
  translated(path(), [&] { storage::each_entry(m_tx.db(), f, fn); });
}

void SqliteTransaction::insert(const KindDef& kind, Record& r, std::string_view action, std::string_view note) {
  translated(path(), [&] { m_tx.insert(kind, r, action, note); });
}

void SqliteTransaction::update(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) {
  translated(path(), [&] { m_tx.update(kind, r, action, note); });
}

void SqliteTransaction::remove(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) {
  translated(path(), [&] { m_tx.remove(kind, r, action, note); });
}

void SqliteTransaction::bulk(const KindDef& kind) {
  translated(path(), [&] { m_tx.bulk(kind); });
}

void SqliteTransaction::commit() {
  translated(path(), [&] { m_tx.commit(); });
}

std::unique_ptr<Store> open_store(const std::string& path, OpenFor why) {
  return translated(
      path, [&] { return std::make_unique<SqliteStore>(Db::open(path)); },
      why == OpenFor::verify ? Opening::no : Opening::yes);
}

std::unique_ptr<Store> create_or_migrate(const std::string& path, int& previous_version) {
  return translated(
      path, [&] { return std::make_unique<SqliteStore>(Db::create_or_migrate(path, previous_version)); }, Opening::yes);
}

std::unique_ptr<Store> in_memory_store() {
  return translated(":memory:", [] { return std::make_unique<SqliteStore>(Db::in_memory()); });
}

}  // namespace cso::storage
