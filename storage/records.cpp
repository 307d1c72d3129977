#include "storage/records.h"

#include "core/error.h"
#include "storage/journal.h"
#include "storage/sql_text.h"

#include <SQLiteCpp/SQLiteCpp.h>

namespace cso::storage {

std::optional<Record> get(Db& db, const KindDef& kind, const Value& key) {
  SQLite::Statement st(db.sql(), select_sql(kind) + " WHERE " + std::string(kind.fields[0].name) + " = ?");
  bind_value(st, 1, key);
  if (!st.executeStep()) {
    return std::nullopt;
  }
  return read_row(st, kind);
}

Record get_or_throw(Db& db, const KindDef& kind, const Value& key) {
  auto r = get(db, kind, key);
  if (!r) {
    if (const auto* n = std::get_if<std::int64_t>(&key)) {
      throw not_found_error("no {} {}", kind.name, display_id(kind, *n));
    }
    throw not_found_error("no {} '{}'", kind.name, std::get<std::string>(key));
  }
  return std::move(*r);
}

void each(Db& db, const KindDef& kind, const Query& q, const std::function<void(Record&)>& fn) {
  std::vector<Value> params;
  std::string sql = select_sql(kind) + where_sql(kind, q.where, params) + order_sql(kind, q.sort);
  if (q.limit) {
    sql += " LIMIT ?";
    params.emplace_back(*q.limit);
  }
  SQLite::Statement st(db.sql(), sql);
  for (std::size_t i = 0; i < params.size(); ++i) {
    bind_value(st, static_cast<int>(i + 1), params[i]);
  }
  Record r = empty_record(kind);
  while (st.executeStep()) {
    read_row_into(st, kind, r);
    fn(r);
  }
}

std::int64_t count(Db& db, const KindDef& kind, const Query& q) {
  std::vector<Value> params;
  SQLite::Statement st(db.sql(), "SELECT count(*) FROM " + std::string(kind.table) + where_sql(kind, q.where, params));
  for (std::size_t i = 0; i < params.size(); ++i) {
    bind_value(st, static_cast<int>(i + 1), params[i]);
  }
  st.executeStep();
  return st.getColumn(0).getInt64();
}

}  // namespace cso::storage
