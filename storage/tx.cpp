#include "core/error.h"
#include "storage/journal.h"
#include "storage/records.h"
#include "storage/sql_text.h"
#include "storage/tally.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
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

void Tx::count(const KindDef& kind, const Record& r, int delta) {
  if (!kind.tally_by.empty()) {
    m_tally[{&kind, tally_key(kind, r)}] += delta;
  }
}

void Tx::commit() {
  m_statements.clear();
  for (const auto& [key, delta] : m_tally) {
    if (delta == 0) {
      continue;
    }
    SQLite::Statement st(m_db.sql(),
                         "INSERT INTO tally(kind, key, n) VALUES(?, ?, ?) ON CONFLICT(kind, key) DO UPDATE SET n = n + excluded.n");
    st.bind(1, std::string(key.first->name));
    st.bind(2, key.second);
    st.bind(3, static_cast<std::int64_t>(delta));
    st.exec();
  }
  for (const auto& [kind, last] : m_last_numbers) {
    SQLite::Statement st(m_db.sql(), "INSERT OR REPLACE INTO counter(kind, last) VALUES(?, ?)");
    st.bind(1, std::string(kind->name));
    st.bind(2, static_cast<std::int64_t>(last));
    st.exec();
  }
  m_db.sql().exec("COMMIT");
  m_done = true;
}

std::int64_t Tx::next_number(const KindDef& kind) {
  auto it = m_last_numbers.find(&kind);
  if (it == m_last_numbers.end()) {
    SQLite::Statement counter(m_db.sql(), "SELECT last FROM counter WHERE kind = ?");
    counter.bind(1, std::string(kind.name));
    std::int64_t last = counter.executeStep() ? counter.getColumn(0).getInt64() : 0;
    // Rows added behind cso's back must not be overwritten; verify reports them.
    SQLite::Statement highest(m_db.sql(), "SELECT coalesce(max(" + std::string(kind.fields[0].name) + "), 0) FROM " +
                                              std::string(kind.table));
    highest.executeStep();
    last = std::max<std::int64_t>(last, highest.getColumn(0).getInt64());
    it = m_last_numbers.emplace(&kind, last).first;
  }
  return ++it->second;
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
    // Every use binds every parameter again, so the bindings need no clearing. A failed
    // step's error was already reported; reset() would throw it again.
    slot->tryReset();
  }
  return *slot;
}

void Tx::insert(const KindDef& kind, Record& r, std::string_view action, std::string_view note) {
  const bool numbered = kind.fields[0].type == FieldType::id;
  if (numbered) {
    r.set(0, next_number(kind));
  }
  auto& st = statement(&kind, Op::insert);
  bind_record(st, kind, r, true);
  try {
    st.exec();
  } catch (const SQLite::Exception& e) {
    if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY || e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) {
      throw conflict_error("{} '{}' already exists", kind.name, display_key(kind, r));
    }
    throw;
  }
  count(kind, r, +1);
  journal(kind, &r, display_key(kind, r), action, note);
}

void Tx::update(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) {
  if (!kind.tally_by.empty()) {
    const auto before = get(m_db, kind, r.values[0]);
    if (before) {
      count(kind, *before, -1);
    }
  }
  auto& st = statement(&kind, Op::update);
  const int next = bind_record(st, kind, r, false);
  bind_value(st, next, r.values[0]);
  if (st.exec() != 1) {
    throw not_found_error("no {} {}", kind.name, display_key(kind, r));
  }
  count(kind, r, +1);
  journal(kind, &r, display_key(kind, r), action, note);
}

void Tx::remove(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) {
  auto& st = statement(&kind, Op::remove);
  bind_value(st, 1, r.values[0]);
  if (st.exec() != 1) {
    throw not_found_error("no {} {}", kind.name, display_key(kind, r));
  }
  count(kind, r, -1);
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
