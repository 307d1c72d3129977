#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>

#include "core/error.h"
#include "storage/sqlite/journal.h"
#include "storage/sqlite/records.h"
#include "storage/sqlite/sql_text.h"
#include "storage/sqlite/tally.h"

namespace cso::storage {

/// Bulk rows and their journal entries: the first `count` of each are live; the rest are
/// buffers kept for reuse.
struct Tx::Batch {
  const KindDef* kind = nullptr;
  std::vector<Record> rows;
  std::vector<JournalEntry> entries;
  std::size_t count = 0;
};

namespace {

/// Rows per multi-row INSERT in bulk mode, unless SQLite's limit of bound parameters allows
/// fewer: enough to spread a statement's fixed cost (256 measured 30% slower on a 10^6-row
/// import), and the unit of work handed to the writer thread.
constexpr std::size_t k_batch = 1024;
constexpr std::size_t k_journal_columns = 8;

}  // namespace

struct Tx::Head {
  std::int64_t seq = 0;
  Hash hash{};
  std::string at;  ///< the actor's instant, formatted once
};

Tx::Tx(Db& db, Actor actor)
    : m_db(db),
      m_actor(std::move(actor)),
      m_filling(std::make_unique<Batch>()),
      m_writing(std::make_unique<Batch>()),
      m_head(std::make_unique<Head>()) {
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
      m_writer.reset();
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

void Tx::bulk(const KindDef& kind) {
  drain();
  m_bulk = &kind;
  const auto parameters =
      static_cast<std::size_t>(sqlite3_limit(m_db.sql().getHandle(), SQLITE_LIMIT_VARIABLE_NUMBER, -1));
  m_batch_rows = std::clamp<std::size_t>(parameters / std::max(kind.fields.size(), k_journal_columns), 1, k_batch);
}

Db& Tx::db() {
  drain();
  return m_db;
}

void Tx::hand_over() {
  if (m_filling->count == 0) {
    return;
  }
  if (!m_writer) {
    m_writer = std::make_unique<Background>();
  }
  m_writer->wait();  // the batch before is written: its buffers are free
  std::swap(m_filling, m_writing);
  m_writing->kind = m_bulk;
  m_filling->count = 0;
  m_writer->start([this] { write_batch(*m_writing); });
}

void Tx::drain() {
  hand_over();
  if (m_writer) {
    m_writer->wait();
  }
}

void Tx::write_batch(Batch& batch) {
  auto& rows = statement(batch.kind, Op::insert, batch.count);
  int index = 1;
  for (std::size_t i = 0; i < batch.count; ++i) {
    index = bind_record(rows, *batch.kind, batch.rows[i], true, index);
  }
  rows.exec();
  write_entries(batch.entries.data(), batch.count);
}

void Tx::commit() {
  drain();
  m_writer.reset();
  m_statements.clear();
  for (const auto& [key, delta] : m_tally) {
    if (delta == 0) {
      continue;
    }
    SQLite::Statement st(
        m_db.sql(),
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
    drain();
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

namespace {

std::string journal_insert_sql(std::size_t rows) {
  std::string sql = "INSERT INTO journal(seq, at, actor, action, record, data, note, hash) VALUES";
  for (std::size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?)";
  }
  return sql;
}

}  // namespace

SQLite::Statement& Tx::statement(const KindDef* kind, Op op, std::size_t rows) {
  auto& slot = m_statements[{kind, op, rows}];
  if (!slot) {
    std::string sql;
    switch (op) {
      case Op::insert:
        sql = insert_sql(*kind, rows);
        break;
      case Op::update:
        sql = update_sql(*kind);
        break;
      case Op::remove:
        sql = delete_sql(*kind);
        break;
      case Op::journal:
        sql = journal_insert_sql(rows);
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
  if (&kind == m_bulk && numbered) {
    Batch& b = *m_filling;
    if (b.rows.size() == b.count) {
      b.rows.push_back(empty_record(kind));
      b.entries.emplace_back();
    }
    count(kind, r, +1);
    chain(b.entries[b.count], kind, &r, display_key(kind, r), action, note);
    std::swap(r, b.rows[b.count]);
    if (++b.count == m_batch_rows) {
      hand_over();
    }
    return;
  }
  drain();
  auto& st = statement(&kind, Op::insert);
  bind_record(st, kind, r, true);
  try {
    st.exec();
  } catch (const SQLite::Exception& e) {
    if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_PRIMARYKEY ||
        e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) {
      throw conflict_error("{} '{}' already exists", kind.name, display_key(kind, r));
    }
    throw;
  }
  count(kind, r, +1);
  single_entry(kind, &r, display_key(kind, r), action, note);
}

void Tx::update(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) {
  drain();
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
  single_entry(kind, &r, display_key(kind, r), action, note);
}

void Tx::remove(const KindDef& kind, const Record& r, std::string_view action, std::string_view note) {
  drain();
  auto& st = statement(&kind, Op::remove);
  bind_value(st, 1, r.values[0]);
  if (st.exec() != 1) {
    throw not_found_error("no {} {}", kind.name, display_key(kind, r));
  }
  count(kind, r, -1);
  single_entry(kind, nullptr, display_key(kind, r), action, note);
}

void Tx::chain(JournalEntry& e, const KindDef& kind, const Record* r, std::string record, std::string_view action,
               std::string_view note) {
  e.seq = m_head->seq + 1;
  e.at = m_head->at;
  e.actor = m_actor.handle;
  e.action = action;
  e.record = std::move(record);
  if (r) {
    e.data = canonical_json(kind, *r);
  } else {
    e.data.reset();
  }
  if (!note.empty()) {
    e.note = std::string(note);
  } else {
    e.note.reset();
  }
  e.prev = m_head->hash;
  e.hash = entry_hash(e);
  m_head->seq = e.seq;
  m_head->hash = e.hash;
}

void Tx::single_entry(const KindDef& kind, const Record* r, std::string record, std::string_view action,
                      std::string_view note) {
  chain(m_single, kind, r, std::move(record), action, note);
  write_entries(&m_single, 1);
}

void Tx::write_entries(const JournalEntry* first, std::size_t count) {
  auto& st = statement(nullptr, Op::journal, count);
  int index = 1;
  for (std::size_t i = 0; i < count; ++i) {
    const JournalEntry& e = first[i];
    st.bind(index++, static_cast<std::int64_t>(e.seq));
    st.bindNoCopy(index++, e.at);
    st.bindNoCopy(index++, e.actor);
    st.bindNoCopy(index++, e.action);
    st.bindNoCopy(index++, e.record);
    e.data ? st.bindNoCopy(index++, *e.data) : st.bind(index++);
    e.note ? st.bindNoCopy(index++, *e.note) : st.bind(index++);
    st.bindNoCopy(index++, e.hash.data(), static_cast<int>(e.hash.size()));
  }
  st.exec();
}

}  // namespace cso::storage
