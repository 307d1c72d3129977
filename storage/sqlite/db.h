#pragma once
// The database file: finding its state, opening it with the pragmas of SPEC §9, creating
// it with safe permissions, and migrating its schema. Everything that knows SQL lives in
// storage/; callers above it see the port (core/store.h) that store.h implements over this.
#include <memory>
#include <string>

#include "core/time.h"

namespace SQLite {
class Database;
}

namespace cso::storage {

class Db {
 public:
  /// Opens an existing database; a not_found Error naming `path` when there is none.
  /// Refuses a database whose schema is newer than this cso, or older (run `cso init`).
  static std::unique_ptr<Db> open(const std::string& path);
  /// Creates the file (0600, parent directories 0700) or migrates an existing one.
  /// Returns the schema version the file had before (0 for a new file).
  static std::unique_ptr<Db> create_or_migrate(const std::string& path, int& previous_version);
  /// An in-memory database with the current schema (unit tests).
  static std::unique_ptr<Db> in_memory();

  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  /// Another connection to the same file, read-only, for a reader on a second thread; null
  /// for an in-memory database.
  std::unique_ptr<Db> second_reader() const;

  SQLite::Database& sql() { return *m_sql; }
  const std::string& path() const { return m_path; }

 private:
  Db(std::unique_ptr<SQLite::Database> sql, std::string path);
  std::unique_ptr<SQLite::Database> m_sql;
  std::string m_path;
};

/// One consistent view for a read-only command: every read while it lives sees the same
/// snapshot, whatever other processes commit meanwhile (so verify never sees a record whose
/// journal entry it has not read).
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Db& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Db& m_db;
};

/// For the length of a bulk import: the rollback journal instead of WAL when no other process
/// has the file open (WAL writes every page twice: into the log and back into the file). WAL is
/// restored afterwards, or by the next command to open the file if the import was killed.
/// Other processes wait (busy timeout) while the import holds the file. The page cache stays
/// at SQLite's default: larger caches (16-256 MB) measured slower.
class BulkLoad {
 public:
  explicit BulkLoad(Db& db);
  ~BulkLoad();
  BulkLoad(const BulkLoad&) = delete;
  BulkLoad& operator=(const BulkLoad&) = delete;

 private:
  Db& m_db;
  bool m_left_wal = false;
};

}  // namespace cso::storage
