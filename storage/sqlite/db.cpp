#include "storage/sqlite/db.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/error.h"
#include "storage/open.h"
#include "storage/sqlite/schema.h"

namespace cso::storage {
namespace {

constexpr int k_busy_timeout_ms = 10000;

void apply_connection_pragmas(SQLite::Database& db) {
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA synchronous = NORMAL");
}

/// Puts a file left in rollback-journal mode by a killed import back into WAL, without waiting:
/// if another process is using the file, a later command does it.
void ensure_wal(SQLite::Database& db) {
  if (db.execAndGet("PRAGMA journal_mode").getString() == "wal") {
    return;
  }
  db.setBusyTimeout(0);
  try {
    db.exec("PRAGMA journal_mode = WAL");
  } catch (const SQLite::Exception&) {  // NOLINT(bugprone-empty-catch): busy; rollback mode works too
  }
  db.setBusyTimeout(k_busy_timeout_ms);
}

/// Creates missing parent directories with mode 0700.
void make_private_directories(const std::filesystem::path& dir) {
  if (dir.empty() || std::filesystem::exists(dir)) {
    return;
  }
  make_private_directories(dir.parent_path());
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    throw runtime_error("cannot create directory {}: {}", dir.string(), std::strerror(errno));
  }
  ::chmod(dir.c_str(), 0700);
}

/// The database and its -wal/-shm companions are 0600 whatever the umask.
void restrict_permissions(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string p = path + suffix;
    if (std::filesystem::exists(p)) {
      ::chmod(p.c_str(), 0600);
    }
  }
}

class UmaskGuard {
 public:
  UmaskGuard() : m_old(::umask(077)) {}
  ~UmaskGuard() { ::umask(m_old); }
  UmaskGuard(const UmaskGuard&) = delete;
  UmaskGuard& operator=(const UmaskGuard&) = delete;

 private:
  mode_t m_old;
};

/// A directory given where the database file belongs (--db, CSO_DB) is a usage error.
void refuse_directory(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw usage_error("{} is a directory, not a database file; give the file's path (--db or CSO_DB)", path);
  }
}

/// Whether this user may change the file: write it, and create its -wal and -shm beside it.
bool writable(const std::string& path) {
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  return ::access(path.c_str(), W_OK) == 0 && ::access(dir.empty() ? "." : dir.c_str(), W_OK) == 0;
}

/// "file:" URI of a path, with the characters URIs reserve percent-encoded.
std::string file_uri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri;
}

/// A connection that never writes, for a database the user may read but not change. In a
/// directory the user cannot write, SQLite cannot make the WAL index it reads through, so the
/// file is then read as it stands (immutable): a reader that cannot write cannot be racing
/// its own writes.
std::unique_ptr<SQLite::Database> read_only_connection(const std::string& path) {
  try {
    auto sql =
        std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX, k_busy_timeout_ms);
    sql->execAndGet("SELECT count(*) FROM sqlite_master");
    return sql;
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() != SQLITE_CANTOPEN && e.getErrorCode() != SQLITE_READONLY) {
      throw;
    }
  }
  return std::make_unique<SQLite::Database>(file_uri(path) + "?immutable=1",
                                            SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX,
                                            k_busy_timeout_ms);
}

}  // namespace

int current_schema_version() {
  return latest_schema_version();
}

BulkLoad::BulkLoad(Db& db) : m_db(db) {
  const std::string mode = m_db.sql().execAndGet("PRAGMA journal_mode = DELETE").getString();
  m_left_wal = mode == "delete";
}

BulkLoad::~BulkLoad() {
  try {
    if (m_left_wal) {
      ensure_wal(m_db.sql());
    }
  } catch (...) {  // NOLINT(bugprone-empty-catch): the next command to open the file restores WAL
  }
}

ReadSnapshot::ReadSnapshot(Db& db) : m_db(db) {
  m_db.sql().exec("BEGIN");
  // A read transaction takes its snapshot at its first read.
  m_db.sql().execAndGet("SELECT count(*) FROM sqlite_master");
}

ReadSnapshot::~ReadSnapshot() {
  try {
    m_db.sql().exec("COMMIT");
  } catch (...) {  // NOLINT(bugprone-empty-catch): ending a read-only transaction cannot lose data
  }
}

Db::Db(std::unique_ptr<SQLite::Database> sql, std::string path) : m_sql(std::move(sql)), m_path(std::move(path)) {}
Db::~Db() = default;

std::unique_ptr<Db> Db::open(const std::string& path) {
  refuse_directory(path);
  if (!std::filesystem::is_regular_file(path)) {
    throw not_found_error("no database at {}; create one with 'cso init' (or point --db or CSO_DB at one)", path);
  }
  UmaskGuard umask;
  std::unique_ptr<SQLite::Database> sql;
  if (writable(path)) {
    sql = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX, k_busy_timeout_ms);
    apply_connection_pragmas(*sql);
    ensure_wal(*sql);
  } else {
    sql = read_only_connection(path);
  }
  const int version = schema_version(*sql);
  if (version == 0) {
    throw runtime_error("{} is not a cso database (it has no cso schema); create one with 'cso init'", path);
  }
  if (version > latest_schema_version()) {
    throw runtime_error("{} has schema version {}, newer than this cso ({}); upgrade cso", path, version,
                        latest_schema_version());
  }
  if (version < latest_schema_version()) {
    throw runtime_error("{} has schema version {}; run 'cso init' to migrate it to {}", path, version,
                        latest_schema_version());
  }
  return std::unique_ptr<Db>(new Db(std::move(sql), path));
}

std::unique_ptr<Db> Db::create_or_migrate(const std::string& path, int& previous_version) {
  refuse_directory(path);
  make_private_directories(std::filesystem::path(path).parent_path());
  UmaskGuard umask;
  auto sql = std::make_unique<SQLite::Database>(
      path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, k_busy_timeout_ms);
  const int version = schema_version(*sql);
  if (version > latest_schema_version()) {
    throw runtime_error("{} has schema version {}, newer than this cso ({}); upgrade cso", path, version,
                        latest_schema_version());
  }
  if (version == 0 && sql->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0) {
    throw runtime_error(
        "{} is another application's SQLite database (it has tables but no cso schema); cso will "
        "not change it",
        path);
  }
  if (version == 0) {
    sql->exec("PRAGMA page_size = 16384");
  }
  sql->exec("PRAGMA journal_mode = WAL");
  apply_connection_pragmas(*sql);
  previous_version = migrate(*sql);
  restrict_permissions(path);
  return std::unique_ptr<Db>(new Db(std::move(sql), path));
}

std::unique_ptr<Db> Db::second_reader() const {
  if (m_path == ":memory:") {
    return nullptr;
  }
  return std::unique_ptr<Db>(new Db(read_only_connection(m_path), m_path));
}

std::unique_ptr<Db> Db::in_memory() {
  auto sql = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  apply_connection_pragmas(*sql);
  migrate(*sql);
  return std::unique_ptr<Db>(new Db(std::move(sql), ":memory:"));
}

}  // namespace cso::storage
