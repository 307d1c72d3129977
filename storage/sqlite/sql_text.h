#pragma once
// SQL text derived from a KindDef: column lists, WHERE clauses with placeholders, ORDER BY.
// Names come only from the static field tables; every value is a bound parameter.
#include <string>
#include <vector>

#include "core/query.h"
#include "core/record.h"

namespace SQLite {
class Statement;
}

namespace cso::storage {

/// "SELECT a,b,… FROM t": the stored fields in `fields` (every stored field when empty).
std::string select_sql(const KindDef& kind, const std::vector<std::size_t>& fields = {});
/// How a WHERE clause may be evaluated: through any index, or walking the table in key order
/// (`+column` keeps SQLite off the indexes; right for lists, where an index on a common status
/// would mean reading every match through the index and sorting them).
enum class Plan { any, key_order };

/// " WHERE …" (or "") appending the values to bind, in order, to `params`.
std::string where_sql(const KindDef& kind, const std::vector<Condition>& where, std::vector<Value>& params,
                      Plan plan = Plan::any);
std::string order_sql(const KindDef& kind, const std::vector<SortKey>& sort);  ///< always ends with the key
/// Every stored column, the key included, for `rows` records at once.
std::string insert_sql(const KindDef& kind, std::size_t rows = 1);
std::string update_sql(const KindDef& kind);  ///< stored columns but the key, then "WHERE key = ?"
std::string delete_sql(const KindDef& kind);  ///< "DELETE FROM t WHERE key = ?"

void bind_value(SQLite::Statement& st, int index, const Value& v);
/// Binds the stored fields of `r` from `index` on, skipping the key when `with_key` is false.
int bind_record(SQLite::Statement& st, const KindDef& kind, const Record& r, bool with_key, int index = 1);
Record read_row(SQLite::Statement& st, const KindDef& kind);
/// Reads a row selected by select_sql(kind, fields) into `r`; unselected fields become null.
void read_row_into(SQLite::Statement& st, const KindDef& kind, Record& r, const std::vector<std::size_t>& fields = {});

}  // namespace cso::storage
