#include "storage/sqlite/restore.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

#include "core/error.h"
#include "core/kinds.h"
#include "storage/sqlite/error.h"
#include "storage/sqlite/sql_text.h"
#include "storage/sqlite/tally.h"
#include "storage/sqlite/verify.h"

namespace cso::storage {
namespace {

/// What makes a store not empty: a record of any kind, or a journal entry (SPEC §5: an import
/// goes into a freshly initialised database).
std::string first_content(Db& db) {
  if (db.sql().execAndGet("SELECT count(*) FROM (SELECT 1 FROM journal LIMIT 1)").getInt64() > 0) {
    return "journal entries";
  }
  for (const KindDef* kind : all_kinds()) {
    const std::string sql = "SELECT count(*) FROM (SELECT 1 FROM " + std::string(kind->table) + " LIMIT 1)";
    if (db.sql().execAndGet(sql).getInt64() > 0) {
      return fmt::format("{} records", kind->name);
    }
  }
  return {};
}

class SqliteRestore final : public Restore {
 public:
  explicit SqliteRestore(Db& db) : m_db(db) {
    m_db.sql().exec("BEGIN IMMEDIATE");
    try {
      const std::string content = first_content(m_db);
      if (!content.empty()) {
        throw conflict_error("{} is not empty (it has {}); import into a new database made with 'cso init'",
                             m_db.path(), content);
      }
      m_entry = std::make_unique<SQLite::Statement>(
          m_db.sql(), "INSERT INTO journal(seq, at, actor, action, record, data, note, hash) VALUES(?,?,?,?,?,?,?,?)");
      m_counter = std::make_unique<SQLite::Statement>(m_db.sql(), "INSERT INTO counter(kind, last) VALUES(?, ?)");
    } catch (...) {
      m_entry.reset();
      m_db.sql().exec("ROLLBACK");
      throw;
    }
  }

  ~SqliteRestore() override {
    if (!m_done) {
      try {
        m_statements.clear();
        m_entry.reset();
        m_counter.reset();
        m_db.sql().exec("ROLLBACK");
      } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; the error that got us here wins
      }
    }
  }
  SqliteRestore(const SqliteRestore&) = delete;
  SqliteRestore& operator=(const SqliteRestore&) = delete;

  void record(const KindDef& kind, const Record& r) override {
    translated(m_db.path(), [&] {
      auto& slot = m_statements[&kind];
      if (!slot) {
        slot = std::make_unique<SQLite::Statement>(m_db.sql(), insert_sql(kind));
      } else {
        slot->tryReset();
      }
      bind_record(*slot, kind, r, true);
      try {
        slot->exec();
      } catch (const SQLite::Exception& e) {
        if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY ||
            e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) {
          throw conflict_error("{} '{}' appears twice", kind.name, display_key(kind, r));
        }
        if (e.getErrorCode() == SQLITE_CONSTRAINT) {
          throw usage_error("the {} {} cannot be stored: {}", kind.name, display_key(kind, r), e.what());
        }
        throw;
      }
      if (!kind.tally_by.empty()) {
        ++m_tally[{&kind, tally_key(kind, r)}];
      }
    });
  }

  void entry(const JournalEntry& e) override {
    translated(m_db.path(), [&] {
      SQLite::Statement& st = *m_entry;
      st.tryReset();
      st.bind(1, static_cast<std::int64_t>(e.seq));
      st.bindNoCopy(2, e.at);
      st.bindNoCopy(3, e.actor);
      st.bindNoCopy(4, e.action);
      st.bindNoCopy(5, e.record);
      e.data ? st.bindNoCopy(6, *e.data) : st.bind(6);
      e.note ? st.bindNoCopy(7, *e.note) : st.bind(7);
      st.bindNoCopy(8, e.hash.data(), static_cast<int>(e.hash.size()));
      try {
        st.exec();
      } catch (const SQLite::Exception& ex) {
        if (ex.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY) {
          throw conflict_error("journal entry {} appears twice", e.seq);
        }
        throw;
      }
    });
  }

  void last_number(const KindDef& kind, std::int64_t last) override {
    translated(m_db.path(), [&] {
      m_counter->tryReset();
      m_counter->bind(1, std::string(kind.name));
      m_counter->bind(2, static_cast<std::int64_t>(last));
      m_counter->exec();
    });
  }

  VerifyReport verify() override {
    return translated(m_db.path(), [&] {
      write_tallies();
      // On the transaction's own connection: a second one would not see the restored rows.
      return verify_all(m_db, FileCheck::skip, Scan::same_connection);
    });
  }

  void commit() override {
    translated(m_db.path(), [&] {
      write_tallies();
      m_statements.clear();
      m_entry.reset();
      m_counter.reset();
      m_db.sql().exec("COMMIT");
      m_done = true;
    });
  }

 private:
  /// The counts kept for status, from the records restored (written once, before verify or commit).
  void write_tallies() {
    for (const auto& [key, n] : m_tally) {
      SQLite::Statement st(m_db.sql(),
                           "INSERT INTO tally(kind, key, n) VALUES(?, ?, ?) ON CONFLICT(kind, key) DO UPDATE SET n = "
                           "n + excluded.n");
      st.bind(1, std::string(key.first->name));
      st.bind(2, key.second);
      st.bind(3, static_cast<std::int64_t>(n));
      st.exec();
    }
    m_tally.clear();
  }

  Db& m_db;
  bool m_done = false;
  std::map<const KindDef*, std::unique_ptr<SQLite::Statement>> m_statements;
  std::unique_ptr<SQLite::Statement> m_entry, m_counter;
  std::map<std::pair<const KindDef*, std::string>, std::int64_t> m_tally;
};

[[noreturn]] void backup_failed(const std::string& path, const std::string& why) {
  throw runtime_error("backup: cannot write {}: {}", path, why);
}

}  // namespace

std::unique_ptr<Restore> begin_restore(Db& db) {
  return std::make_unique<SqliteRestore>(db);
}

std::int64_t last_number(Db& db, const KindDef& kind) {
  SQLite::Statement st(db.sql(), "SELECT last FROM counter WHERE kind = ?");
  st.bind(1, std::string(kind.name));
  return st.executeStep() ? st.getColumn(0).getInt64() : 0;
}

void backup_file(Db& db, const std::string& path) {
  {
    // Created 0600 before SQLite opens it, whatever the umask.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
      backup_failed(path, std::strerror(errno));
    }
    ::fchmod(fd, 0600);
    ::close(fd);
  }
  sqlite3* dest = nullptr;
  if (sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    const std::string why = dest != nullptr ? sqlite3_errmsg(dest) : "out of memory";
    sqlite3_close(dest);
    backup_failed(path, why);
  }
  sqlite3_busy_timeout(dest, 5000);
  sqlite3_backup* b = sqlite3_backup_init(dest, "main", db.sql().getHandle(), "main");
  if (b == nullptr) {
    const std::string why = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    backup_failed(path, why);
  }
  // 256 pages (1 MiB) a step, then a pause, so that writers get the lock between steps.
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(b, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_OK) {
      sqlite3_sleep(rc == SQLITE_OK ? 0 : 5);
    }
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  const std::string why = rc == SQLITE_DONE ? std::string() : sqlite3_errstr(rc);
  // The copy keeps the source's journal mode (WAL); closing it checkpoints and removes its -wal.
  sqlite3_close(dest);
  if (!why.empty()) {
    backup_failed(path, why);
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string reason = std::strerror(errno);
    if (fd >= 0) {
      ::close(fd);
    }
    backup_failed(path, reason);
  }
  ::close(fd);
}

}  // namespace cso::storage
