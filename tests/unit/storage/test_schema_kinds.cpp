// The hand-written migrations (storage/sqlite/schema.cpp) against the kind descriptions: every
// KindDef's table exists with exactly its stored fields as columns, of the SQL type its field
// type needs. A field added to a kind without a migration fails here, not at a user's import.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "core/kinds.h"
#include "core/record.h"
#include "storage/sqlite/db.h"

using namespace cso;

namespace {

std::string sql_type(FieldType t) {
  return t == FieldType::id || t == FieldType::integer ? "INTEGER" : "TEXT";
}

}  // namespace

TEST_CASE("schema: every kind's table has exactly its stored fields, with their SQL types") {
  auto db = storage::Db::in_memory();
  for (const KindDef* kind : all_kinds()) {
    CAPTURE(kind->name);
    std::set<std::string> expected;
    for (const auto& f : kind->fields) {
      if (!f.has(k_derived)) {
        expected.insert(std::string(f.name) + " " + sql_type(f.type));
      }
    }
    std::set<std::string> actual;
    SQLite::Statement columns(db->sql(), "SELECT name, type FROM pragma_table_info(?)");
    columns.bind(1, std::string(kind->table));
    while (columns.executeStep()) {
      actual.insert(columns.getColumn(0).getString() + " " + columns.getColumn(1).getString());
    }
    CHECK(actual == expected);
  }
}
