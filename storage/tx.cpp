#include "core/error.h"
#include "storage/journal.h"
#include "storage/records.h"
#include "storage/sql_text.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstring>

namespace cso::storage {

struct Tx::Head {
  std::int64_t seq = 0;
  Hash hash{};
  std::string at;  ///< the actor's instant, formatted once
};

Tx::Tx(Db& db, Actor actor) : m_db(db), m_actor(std::move(actor)), m_head(std::make_unique<Head>()) {
  m_head->at = format_instant(m_actor.at);
  m_db.sql().exec("BEGIN IMMEDIATE");
  SQLite::Statement st(m_db.sql(), "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
  if (st.executeStep()) {
    m_head->seq = st.getColumn(0).getInt64();
    const SQLite::Column h = st.getColumn(1);
    if (h.getBytes() == static_cast<int>(m_head->hash.size())) {
      std::memcpy(m_head->hash.data(), h.getBlob(), m_head->hash.size());
    }
  }
}

Tx::~Tx() {
  if (!m_done) {
    try {
      m_statements.clear();
      m_db.sql().exec("ROLLBACK");
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; the error that got us here wins
    }
  }
}

void Tx::commit() {
  m_statements.clear();
  m_db.sql().exec("COMMIT");
  m_done = true;
}

SQLite::Statement& Tx::statement(const KindDef* kind, Op op) {
  auto& slot = m_statements[{kind, op}];
  if (!slot) {
    std::string sql;
    switch (op) {
      case Op::insert: sql = insert_sql(*kind); break;
      case Op::update: sql = update_sql(*kind); break;
      case Op::remove: sql = delete_sql(*kind); break;
      case Op::journal:
        sql = "INSERT INTO journal(seq, at, actor, action, record, data, note, hash) VALUES(?,?,?,?,?,?,?,?)";
        break;
    }
    slot = std::make_unique<SQLite::Statement>(m_db.sql(), sql);
  } else {
    slot->tryReset();  // a failed step's error was already reported; reset() would throw it again
    slot->clearBindings();
  }
  return *slot;
}

void Tx::insert(const KindDef& kind, Record& r, std::string_view action, std::string_view note) {
  const bool numbered = kind.fields[0].type == FieldType::id;
  auto& st = statement(&kind, Op::insert);
  bind_record(st, kind, r, !numbered);
  try {
    st.exec();
  } catch (const SQLite::Exception& e) {
    if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY || e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) {
      throw conflict_error("{} '{}' already exists", kind.name, display_key(kind, r));
    }
    throw;
  }
  if (numbered) {
    r.set(0, static_cast<std::int64_t>(m_db.sql().getLastInsertRowid()));
  }
  journal(kind, &r, display_key(kind, r), action, note);
}

void Tx::update(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) {
  auto& st = statement(&kind, Op::update);
  const int next = bind_record(st, kind, r, false);
  bind_value(st, next, r.values[0]);
  if (st.exec() != 1) {
    throw not_found_error("no {} {}", kind.name, display_key(kind, r));
  }
  journal(kind, &r, display_key(kind, r), action, note);
}

void Tx::remove(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) {
  auto& st = statement(&kind, Op::remove);
  bind_value(st, 1, r.values[0]);
  if (st.exec() != 1) {
    throw not_found_error("no {} {}", kind.name, display_key(kind, r));
  }
  journal(kind, nullptr, display_key(kind, r), action, note);
}

void Tx::journal(const KindDef& kind, const Record* r, const std::string& record, std::string_view action,
                 std::string_view note) {
  JournalEntry e;
  e.seq = m_head->seq + 1;
  e.at = m_head->at;
  e.actor = m_actor.handle;
  e.action = action;
  e.record = record;
  if (r) {
    e.data = canonical_json(kind, *r);
  }
  if (!note.empty()) {
    e.note = std::string(note);
  }
  e.prev = m_head->hash;
  e.hash = entry_hash(e);
  auto& st = statement(nullptr, Op::journal);
  st.bind(1, static_cast<std::int64_t>(e.seq));
  st.bindNoCopy(2, e.at);
  st.bindNoCopy(3, e.actor);
  st.bindNoCopy(4, e.action);
  st.bindNoCopy(5, e.record);
  e.data ? st.bindNoCopy(6, *e.data) : st.bind(6);
  e.note ? st.bindNoCopy(7, *e.note) : st.bind(7);
  st.bindNoCopy(8, e.hash.data(), static_cast<int>(e.hash.size()));
  st.exec();
  m_head->seq = e.seq;
  m_head->hash = e.hash;
}

}  // namespace cso::storage
