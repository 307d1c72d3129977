#include "storage/sqlite/records.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "storage/sqlite/journal.h"
#include "storage/sqlite/sql_text.h"
#include "storage/sqlite/tally.h"

namespace cso::storage {

std::optional<Record> get(Db& db, const KindDef& kind, const Value& key) {
  SQLite::Statement st(db.sql(), select_sql(kind) + " WHERE " + std::string(kind.fields[0].name) + " = ?");
  bind_value(st, 1, key);
  if (!st.executeStep()) {
    return std::nullopt;
  }
  return read_row(st, kind);
}

void each(Db& db, const KindDef& kind, const Query& q, const std::function<void(Record&)>& fn) {
  std::vector<Value> params;
  // A list (ordered) walks the table in key order: the check rules' index is by status, which
  // rarely narrows a list much, and sorting every match costs more than skipping the others.
  const Plan plan = q.unordered ? Plan::any : Plan::key_order;
  std::string sql = select_sql(kind, q.fields) + where_sql(kind, q.where, params, plan);
  if (!q.unordered) {
    sql += order_sql(kind, q.sort);
  }
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
    read_row_into(st, kind, r, q.fields);
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

std::vector<GroupCount> count_by(Db& db, const KindDef& kind, const std::vector<std::size_t>& fields,
                                 const std::vector<Condition>& where) {
  std::vector<Value> params;
  std::string columns;
  for (const auto f : fields) {
    columns += (columns.empty() ? "" : ",") + std::string(kind.fields[f].name);
  }
  SQLite::Statement st(db.sql(), "SELECT " + columns + ", count(*) FROM " + std::string(kind.table) +
                                     where_sql(kind, where, params) + " GROUP BY " + columns);
  for (std::size_t i = 0; i < params.size(); ++i) {
    bind_value(st, static_cast<int>(i + 1), params[i]);
  }
  std::vector<GroupCount> out;
  const int n = static_cast<int>(fields.size());
  while (st.executeStep()) {
    GroupCount g;
    for (int i = 0; i < n; ++i) {
      const SQLite::Column c = st.getColumn(i);
      g.values.push_back(c.isNull()      ? Value{}
                         : c.isInteger() ? Value{static_cast<std::int64_t>(c.getInt64())}
                                         : Value{c.getString()});
    }
    g.count = st.getColumn(n).getInt64();
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<GroupCount> tally(Db& db, const KindDef& kind) {
  SQLite::Statement st(db.sql(), "SELECT key, n FROM tally WHERE kind = ? AND n != 0 ORDER BY key");
  st.bind(1, std::string(kind.name));
  std::vector<GroupCount> out;
  while (st.executeStep()) {
    out.push_back(GroupCount{tally_values(kind, st.getColumn(0).getString()), st.getColumn(1).getInt64()});
  }
  return out;
}

}  // namespace cso::storage
