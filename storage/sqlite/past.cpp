#include "storage/sqlite/past.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "core/error.h"
#include "core/kinds.h"
#include "storage/sqlite/error.h"
#include "storage/sqlite/journal.h"
#include "storage/sqlite/records.h"
#include "storage/sqlite/verify.h"

namespace cso::storage {
namespace {

/// past_kind(record): the index in all_kinds() of the kind whose keys look like `record`.
void past_kind(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const KindDef* kind =
      text == nullptr ? nullptr : kind_of_record(std::string_view(text, sqlite3_value_bytes(argv[0])));
  const auto kinds = all_kinds();
  for (std::size_t i = 0; kind != nullptr && i < kinds.size(); ++i) {
    if (kinds[i] == kind) {
      sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(i));
      return;
    }
  }
  sqlite3_result_null(ctx);
}

std::string stored_columns(const KindDef& kind) {
  std::string out;
  for (const FieldDef& f : kind.fields) {
    if (!f.has(k_derived)) {
      out += (out.empty() ? "" : ",") + std::string(f.name);
    }
  }
  return out;
}

/// Gives temp.<table> the indexes main.<table> has, so that the past is read as fast as the
/// present: those of the schema (CREATE INDEX, partial ones too) and those SQLite makes for
/// UNIQUE constraints, which have no SQL of their own.
void copy_indexes(SQLite::Database& sql, const std::string& table) {
  std::vector<std::string> creates;
  SQLite::Statement indexes(sql,
                            "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = ? "
                            "ORDER BY name");
  indexes.bind(1, table);
  while (indexes.executeStep()) {
    const std::string name = indexes.getColumn(0).getString();
    if (!indexes.getColumn(1).isNull()) {
      const std::string create = indexes.getColumn(1).getString();  // "CREATE INDEX name ON …"
      const std::size_t at = create.find(name);
      creates.push_back(create.substr(0, at) + "temp." + create.substr(at));
      continue;
    }
    std::string columns;
    SQLite::Statement info(sql, "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
    info.bind(1, name);
    while (info.executeStep()) {
      columns += (columns.empty() ? "" : ",") + info.getColumn(0).getString();
    }
    creates.push_back("CREATE INDEX temp.past_" + name + " ON " + table + "(" + columns + ")");
  }
  for (const auto& create : creates) {
    sql.exec(create);
  }
}

/// Fills temp.<table> of every kind with its records' last journalled states at or before
/// `before` (exclusive bound), and temp.past_entry with those entries' sequence numbers.
void rebuild(SQLite::Database& sql, const std::string& before) {
  sql.createFunction("past_kind", 1, true, nullptr, past_kind, nullptr, nullptr, nullptr);
  SQLite::Transaction tx(sql);
  sql.exec("CREATE TEMP TABLE past_entry(seq INTEGER PRIMARY KEY, kind INTEGER)");
  SQLite::Statement latest(sql,
                           "INSERT INTO temp.past_entry SELECT max(seq), past_kind(record) FROM main.journal "
                           "WHERE at < ? GROUP BY record");
  latest.bind(1, before);
  latest.exec();
  const auto kinds = all_kinds();
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    const KindDef& kind = *kinds[i];
    const std::string table(kind.table);
    const std::string columns = stored_columns(kind);
    // Each stored field from the entry's canonical JSON, where an ID is its display form.
    std::string extracted;
    bool numbered = false;
    for (const FieldDef& f : kind.fields) {
      if (f.has(k_derived)) {
        continue;
      }
      const std::string value = "json_extract(j.data,'$." + std::string(f.name) + "')";
      extracted += extracted.empty() ? "" : ",";
      extracted += f.type == FieldType::id ? "CAST(substr(" + value + ", ?) AS INTEGER)" : value;
      numbered = numbered || f.type == FieldType::id;
    }
    sql.exec("CREATE TEMP TABLE " + table + "(" + columns + ")");
    SQLite::Statement fill(sql, "INSERT INTO temp." + table + "(" + columns + ") SELECT " + extracted +
                                    " FROM temp.past_entry p JOIN main.journal j ON j.seq = p.seq"
                                    " WHERE p.kind = ? AND j.data IS NOT NULL");
    int param = 0;
    if (numbered) {
      fill.bind(++param, static_cast<std::int64_t>(kind.prefix.size() + 2));  // past "RSK-"
    }
    fill.bind(++param, static_cast<std::int64_t>(i));
    fill.exec();
    sql.exec("CREATE INDEX temp." + table + "_key ON " + table + "(" + std::string(kind.fields[0].name) + ")");
    copy_indexes(sql, table);
  }
  tx.commit();
}

[[noreturn]] void read_only(Instant at) {
  throw usage_error("--as-of {}: the program as it stood then can be read, not changed", format_instant(at));
}

class PastStore final : public Store {
 public:
  PastStore(Db& source, std::unique_ptr<Db> past, Instant at)
      : m_source(source), m_past(std::move(past)), m_at(at), m_before(format_instant(at + 1)) {}

  std::optional<Record> get(const KindDef& kind, const Value& key) override {
    return translated(location(), [&] { return storage::get(*m_past, kind, key); });
  }
  void each(const KindDef& kind, const Query& q, const RecordFn& fn) override {
    translated(location(), [&] { storage::each(*m_past, kind, q, fn); });
  }
  std::int64_t count(const KindDef& kind, const Query& q) override {
    return translated(location(), [&] { return storage::count(*m_past, kind, q); });
  }
  std::vector<GroupCount> count_by(const KindDef& kind, const std::vector<std::size_t>& fields,
                                   const std::vector<Condition>& where) override {
    return translated(location(), [&] { return storage::count_by(*m_past, kind, fields, where); });
  }
  /// The past keeps no counts: they are counted from its records.
  std::vector<GroupCount> tally(const KindDef& kind) override {
    const std::vector<std::size_t> fields(kind.tally_by.begin(), kind.tally_by.end());
    return count_by(kind, fields, {});
  }
  void each_entry(const LogFilter& f, const EntryFn& fn) override {
    LogFilter until = f;
    if (!until.before || *until.before > m_before) {
      until.before = m_before;
    }
    translated(location(), [&] { storage::each_entry(*m_past, until, fn); });
  }

  std::unique_ptr<Transaction> begin(const Actor& /*actor*/) override { read_only(m_at); }
  std::unique_ptr<Hold> bulk_load() override { read_only(m_at); }
  std::unique_ptr<Restore> restore() override { read_only(m_at); }
  void backup_to(const std::string& /*path*/) override { read_only(m_at); }
  /// An export is of the whole file as it is: the past has no counters of its own.
  std::int64_t last_number(const KindDef& /*kind*/) override {
    throw usage_error("--as-of {}: export and backup copy the program as it is now; drop --as-of",
                      format_instant(m_at));
  }
  /// The rebuilt records are this store's own: no one else changes them.
  std::unique_ptr<Hold> read_snapshot() override { return std::make_unique<Hold>(); }
  /// The journal is one chain, past and present: verifying the past verifies the file.
  VerifyReport verify_journal() override {
    return translated(location(), [&] { return verify_all(m_source, FileCheck::skip); });
  }
  VerifyReport verify() override {
    return translated(location(), [&] { return verify_all(m_source, FileCheck::run); });
  }
  std::optional<Hash> head() override {
    return translated(location(), [&] { return journal_head(m_source); });
  }
  std::unique_ptr<Store> as_of(Instant at) override {
    return translated(location(), [&] { return past_store(m_source, at); });
  }
  std::string location() const override { return m_source.path(); }
  std::vector<std::string> keys(const KindDef& kind, std::string_view prefix, std::size_t limit) override {
    return translated(location(), [&] { return storage::keys(*m_past, kind, prefix, limit); });
  }

 private:
  Db& m_source;
  std::unique_ptr<Db> m_past;
  Instant m_at;
  std::string m_before;  ///< entries strictly before this instant are the past's
};

}  // namespace

std::unique_ptr<Store> past_store(Db& source, Instant at) {
  std::unique_ptr<Db> past = source.second_reader();
  if (past == nullptr) {
    throw usage_error("--as-of needs a database file; an in-memory database has no second view");
  }
  rebuild(past->sql(), format_instant(at + 1));
  return std::make_unique<PastStore>(source, std::move(past), at);
}

}  // namespace cso::storage
