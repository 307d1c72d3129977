#include "storage/sqlite/sql_text.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace cso::storage {
namespace {

std::string_view op_text(Op op) {
  switch (op) {
    case Op::eq:
      return " = ?";
    case Op::ne:
      return " IS NOT ?";
    case Op::lt:
      return " < ?";
    case Op::le:
      return " <= ?";
    case Op::gt:
      return " > ?";
    case Op::ge:
      return " >= ?";
    case Op::is_null:
      return " IS NULL";
    case Op::not_null:
      return " IS NOT NULL";
    case Op::in:
      return " IN ";
  }
  return " = ?";
}

std::string condition_sql(const KindDef& kind, const Condition& c, std::vector<Value>& params, Plan plan) {
  if (!c.any.empty()) {
    std::string out = "(";
    for (std::size_t i = 0; i < c.any.size(); ++i) {
      out += (i > 0 ? " OR " : "") + condition_sql(kind, c.any[i], params, plan);
    }
    return out + ")";
  }
  std::string out = (plan == Plan::key_order ? "+" : "") + std::string(kind.fields[c.field].name);
  out += op_text(c.op);
  if (c.op == Op::in) {
    out += "(";
    for (std::size_t i = 0; i < c.values.size(); ++i) {
      out += i > 0 ? ",?" : "?";
      params.push_back(c.values[i]);
    }
    if (c.values.empty()) {
      out += "NULL";
    }
    return out + ")";
  }
  if (c.op != Op::is_null && c.op != Op::not_null) {
    params.push_back(c.values.at(0));
  }
  return out;
}

}  // namespace

namespace {

bool selected(const KindDef& kind, const std::vector<std::size_t>& fields, std::size_t i) {
  return !kind.fields[i].has(k_derived) &&
         (fields.empty() || std::find(fields.begin(), fields.end(), i) != fields.end());
}

}  // namespace

std::string select_sql(const KindDef& kind, const std::vector<std::size_t>& fields) {
  std::string cols;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (selected(kind, fields, i)) {
      cols += cols.empty() ? "" : ",";
      cols += kind.fields[i].name;
    }
  }
  return "SELECT " + (cols.empty() ? std::string(kind.fields[0].name) : cols) + " FROM " + std::string(kind.table);
}

std::string where_sql(const KindDef& kind, const std::vector<Condition>& where, std::vector<Value>& params, Plan plan) {
  std::string out;
  for (const auto& c : where) {
    out += out.empty() ? " WHERE " : " AND ";
    out += condition_sql(kind, c, params, plan);
  }
  return out;
}

namespace {

/// What a field sorts by: its value, or for an enumerated field its rank (the order its
/// choices are listed in: low before critical, open before closed), not the alphabet. The
/// choices are the kind's own names ([a-z0-9_]), never user text.
std::string sort_expression(const FieldDef& f) {
  const std::string col(f.name);
  if (f.type != FieldType::choice || f.choices.empty()) {
    return col;
  }
  std::string out = "CASE " + col;
  for (std::size_t rank = 0; rank < f.choices.size(); ++rank) {
    const auto name = f.choices[rank];
    const auto plain = [](char c) {
      return std::islower(static_cast<unsigned char>(c)) != 0 || std::isdigit(static_cast<unsigned char>(c)) != 0 ||
             c == '_';
    };
    if (!std::all_of(name.begin(), name.end(), plain)) {
      throw std::logic_error("a choice that is not a plain name: " + std::string(name));
    }
    out += fmt::format(" WHEN '{}' THEN {}", name, rank);
  }
  return out + " END";
}

}  // namespace

std::string order_sql(const KindDef& kind, const std::vector<SortKey>& sort) {
  std::string out;
  for (const auto& k : sort) {
    const std::string col(kind.fields[k.field].name);
    out += out.empty() ? " ORDER BY " : ", ";
    out += col + " IS NULL, " + sort_expression(kind.fields[k.field]) + (k.descending ? " DESC" : "");
  }
  out += out.empty() ? " ORDER BY " : ", ";
  return out + std::string(kind.fields[0].name);
}

std::string insert_sql(const KindDef& kind, std::size_t rows) {
  std::string cols, marks;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (!kind.fields[i].has(k_derived)) {
      cols += cols.empty() ? "" : ",";
      cols += kind.fields[i].name;
      marks += marks.empty() ? "?" : ",?";
    }
  }
  std::string sql = "INSERT INTO " + std::string(kind.table) + "(" + cols + ") VALUES";
  for (std::size_t r = 0; r < rows; ++r) {
    sql += (r == 0 ? "(" : ",(") + marks + ")";
  }
  return sql;
}

std::string update_sql(const KindDef& kind) {
  std::string sets;
  for (std::size_t i = 1; i < kind.fields.size(); ++i) {
    if (!kind.fields[i].has(k_derived)) {
      sets += sets.empty() ? "" : ",";
      sets += std::string(kind.fields[i].name) + "=?";
    }
  }
  return "UPDATE " + std::string(kind.table) + " SET " + sets + " WHERE " + std::string(kind.fields[0].name) + "=?";
}

std::string delete_sql(const KindDef& kind) {
  return "DELETE FROM " + std::string(kind.table) + " WHERE " + std::string(kind.fields[0].name) + "=?";
}

void bind_value(SQLite::Statement& st, int index, const Value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) {
    st.bind(index, *n);
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    st.bindNoCopy(index, *s);
  } else {
    st.bind(index);
  }
}

int bind_record(SQLite::Statement& st, const KindDef& kind, const Record& r, bool with_key, int index) {
  for (std::size_t i = with_key ? 0 : 1; i < kind.fields.size(); ++i) {
    if (!kind.fields[i].has(k_derived)) {
      bind_value(st, index++, r.values[i]);
    }
  }
  return index;
}

void read_row_into(SQLite::Statement& st, const KindDef& kind, Record& r, const std::vector<std::size_t>& fields) {
  int col = 0;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (!selected(kind, fields, i)) {
      r.set_null(i);
      continue;
    }
    const SQLite::Column c = st.getColumn(col++);
    const int type = c.getType();
    if (type == SQLITE_NULL) {
      r.set_null(i);
    } else if (type == SQLITE_INTEGER) {
      r.set(i, static_cast<std::int64_t>(c.getInt64()));
    } else if (auto* s = std::get_if<std::string>(&r.values[i])) {
      s->assign(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
    } else {
      r.set(i, std::string(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes())));
    }
  }
}

Record read_row(SQLite::Statement& st, const KindDef& kind) {
  Record r = empty_record(kind);
  read_row_into(st, kind, r);
  return r;
}

}  // namespace cso::storage
