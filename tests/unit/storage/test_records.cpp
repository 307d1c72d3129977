#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/risk.h"
#include "core/staff.h"
#include "storage/open.h"
#include "storage/sqlite/db.h"
#include "storage/sqlite/records.h"

using namespace cso;
using namespace cso::storage;
using namespace std::string_literals;

namespace {

/// The record, which the test has just written.
Record get_or_throw(Db& db, const KindDef& kind, const Value& key) {
  return get(db, kind, key).value();
}

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z
const Clock k_clock{k_t};
const Actor k_alice{"alice", k_t};

Record a_risk(std::string_view title, std::int64_t l = 2, std::int64_t i = 2) {
  risk::NewRisk n;
  n.title = std::string(title);
  n.likelihood = l;
  n.impact = i;
  return risk::make(n, Config{}, k_clock);
}

Record a_person(std::string_view handle, std::string_view name) {
  Record s = empty_record(staff::kind());
  s.set(staff::handle, std::string(handle));
  s.set(staff::name, std::string(name));
  s.set(staff::status, "active"s);
  return s;
}

/// Inserts the risks in one committed transaction; returns their IDs.
std::vector<std::int64_t> insert_all(Db& db, std::vector<Record> risks) {
  Tx tx(db, k_alice);
  std::vector<std::int64_t> ids;
  for (auto& r : risks) {
    tx.insert(risk::kind(), r, "risk.add");
    ids.push_back(r.integer(risk::id));
  }
  tx.commit();
  return ids;
}

/// The IDs `q` selects, in order, as "1,3,2".
std::string ids(Db& db, const Query& q) {
  std::string out;
  each(db, risk::kind(), q, [&](Record& r) {
    out += out.empty() ? "" : ",";
    out += std::to_string(r.integer(risk::id));
  });
  return out;
}

std::int64_t journal_rows(Db& db) {
  return db.sql().execAndGet("SELECT count(*) FROM journal").getInt64();
}

Condition cond(std::size_t field, Op op, std::vector<Value> values) {
  return Condition{field, op, std::move(values), {}};
}

/// Six risks with varied status, score, owner-less, due and category (some null):
///   1 open 2x2=4  due 2026-12-01 cat people
///   2 open 4x5=20 due null       cat cloud
///   3 treating 3x4=12 due 2026-11-30 cat null
///   4 accepted 1x1=1 due 2027-01-15 cat people
///   5 closed 5x5=25 due null     cat cloud
///   6 open 3x3=9  due 2026-11-30 cat people
std::unique_ptr<Db> seeded() {
  auto db = Db::in_memory();
  std::vector<Record> rs{a_risk("One", 2, 2),  a_risk("Two", 4, 5),  a_risk("Three", 3, 4),
                         a_risk("Four", 1, 1), a_risk("Five", 5, 5), a_risk("Six", 3, 3)};
  const std::vector<std::string> statuses{"open", "open", "treating", "accepted", "closed", "open"};
  const std::vector<Value> dues{"2026-12-01"s, Value{}, "2026-11-30"s, "2027-01-15"s, Value{}, "2026-11-30"s};
  const std::vector<Value> cats{"people"s, "cloud"s, Value{}, "people"s, "cloud"s, "people"s};
  for (std::size_t i = 0; i < rs.size(); ++i) {
    rs[i].set(risk::status, statuses[i]);
    rs[i].set(risk::due, dues[i]);
    rs[i].set(risk::category, cats[i]);
  }
  insert_all(*db, rs);
  return db;
}

}  // namespace

TEST_CASE("Tx::insert assigns IDs 1, 2, 3 and get reads the record back") {
  auto db = Db::in_memory();
  const auto assigned = insert_all(*db, {a_risk("Phishing", 3, 4), a_risk("Laptop theft"), a_risk("Ransomware")});
  CHECK(assigned == std::vector<std::int64_t>{1, 2, 3});

  const auto r = get(*db, risk::kind(), Value{std::int64_t{1}});
  REQUIRE(r.has_value());
  CHECK(r->integer(risk::id) == 1);
  CHECK(r->text(risk::title) == "Phishing");
  CHECK(r->integer(risk::score) == 12);
  CHECK(r->is_null(risk::level));  // derived: left for the caller
  CHECK(r->text(risk::created) == "2026-11-27T04:26:36Z");
  Record expected = a_risk("Phishing", 3, 4);
  expected.set(risk::id, std::int64_t{1});
  CHECK(canonical_json(risk::kind(), *r) == canonical_json(risk::kind(), expected));

  CHECK_FALSE(get(*db, risk::kind(), Value{std::int64_t{4}}).has_value());
  CHECK(get_or_throw(*db, risk::kind(), Value{std::int64_t{2}}).text(risk::title) == "Laptop theft");
}

TEST_CASE("get_or_throw: not_found naming the record") {
  auto db = in_memory_store();
  try {
    db->get_or_throw(risk::kind(), Value{std::int64_t{12}});
    FAIL("expected not_found");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::not_found);
    CHECK(std::string(e.what()) == "no risk RSK-12");
  }
  try {
    db->get_or_throw(staff::kind(), Value{"bob"s});
    FAIL("expected not_found");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::not_found);
    CHECK(std::string(e.what()) == "no staff 'bob'");
  }
}

TEST_CASE("staff: keyed by handle, duplicates are a conflict") {
  auto db = Db::in_memory();
  {
    Tx tx(*db, k_alice);
    Record a = a_person("alice", "Alice Liddell");
    tx.insert(staff::kind(), a, "staff.add");
    CHECK(a.text(staff::handle) == "alice");
    tx.commit();
  }
  CHECK(get_or_throw(*db, staff::kind(), Value{"alice"s}).text(staff::name) == "Alice Liddell");
  Tx tx(*db, k_alice);
  Record again = a_person("alice", "Another Alice");
  try {
    tx.insert(staff::kind(), again, "staff.add");
    FAIL("expected a conflict");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::conflict);
    CHECK(std::string(e.what()) == "staff 'alice' already exists");
  }
}

TEST_CASE("each: conditions") {
  auto db = seeded();
  const auto q = [](std::vector<Condition> where) {
    Query query;
    query.where = std::move(where);
    return query;
  };
  CHECK(ids(*db, Query{}) == "1,2,3,4,5,6");
  CHECK(ids(*db, q({cond(risk::status, Op::eq, {"open"s})})) == "1,2,6");
  CHECK(ids(*db, q({cond(risk::status, Op::ne, {"closed"s})})) == "1,2,3,4,6");
  CHECK(ids(*db, q({cond(risk::category, Op::ne, {"people"s})})) == "2,3,5");  // NULL is not 'people'
  CHECK(ids(*db, q({cond(risk::category, Op::eq, {Value{}})})) == "");         // = NULL never holds
  CHECK(ids(*db, q({cond(risk::status, Op::in, {"treating"s, "accepted"s})})) == "3,4");
  CHECK(ids(*db, q({cond(risk::status, Op::in, {})})) == "");
  CHECK(ids(*db, q({cond(risk::score, Op::le, {std::int64_t{9}})})) == "1,4,6");
  CHECK(ids(*db, q({cond(risk::score, Op::lt, {std::int64_t{9}})})) == "1,4");
  CHECK(ids(*db, q({cond(risk::score, Op::ge, {std::int64_t{12}})})) == "2,3,5");
  CHECK(ids(*db, q({cond(risk::score, Op::gt, {std::int64_t{12}})})) == "2,5");
  CHECK(ids(*db, q({cond(risk::due, Op::le, {"2026-11-30"s})})) == "3,6");
  CHECK(ids(*db, q({cond(risk::due, Op::is_null, {})})) == "2,5");
  CHECK(ids(*db, q({cond(risk::due, Op::not_null, {})})) == "1,3,4,6");
  SUBCASE("conditions are ANDed") {
    CHECK(ids(*db, q({cond(risk::status, Op::eq, {"open"s}), cond(risk::score, Op::ge, {std::int64_t{9}})})) == "2,6");
  }
  SUBCASE("any: an OR of alternatives") {
    Condition any;
    any.any = {cond(risk::status, Op::eq, {"accepted"s}), cond(risk::score, Op::ge, {std::int64_t{20}})};
    CHECK(ids(*db, q({any})) == "2,4,5");
    CHECK(ids(*db, q({any, cond(risk::category, Op::eq, {"cloud"s})})) == "2,5");
  }
  SUBCASE("values are bound, never SQL") {
    CHECK(ids(*db, q({cond(risk::title, Op::eq, {"x' OR '1'='1"s})})) == "");
  }
  SUBCASE("count agrees") {
    CHECK(count(*db, risk::kind(), Query{}) == 6);
    CHECK(count(*db, risk::kind(), q({cond(risk::status, Op::eq, {"open"s})})) == 3);
    CHECK(count(*db, risk::kind(), q({cond(risk::due, Op::is_null, {})})) == 2);
    CHECK(count(*db, staff::kind(), Query{}) == 0);
  }
}

TEST_CASE("each: sort, nulls last, then by ID; limit") {
  auto db = seeded();
  Query q;
  SUBCASE("ascending") {
    q.sort = {SortKey{risk::score, false}};
    CHECK(ids(*db, q) == "4,1,6,3,2,5");
  }
  SUBCASE("descending") {
    q.sort = {SortKey{risk::score, true}};
    CHECK(ids(*db, q) == "5,2,3,6,1,4");
  }
  SUBCASE("nulls last either way, ties by ID") {
    q.sort = {SortKey{risk::due, false}};
    CHECK(ids(*db, q) == "3,6,1,4,2,5");
    q.sort = {SortKey{risk::due, true}};
    CHECK(ids(*db, q) == "4,1,3,6,2,5");
  }
  SUBCASE("several keys") {
    q.sort = {SortKey{risk::category, false}, SortKey{risk::score, true}};
    CHECK(ids(*db, q) == "5,2,6,1,4,3");
  }
  SUBCASE("limit") {
    q.sort = {SortKey{risk::score, true}};
    q.limit = 2;
    CHECK(ids(*db, q) == "5,2");
    q.limit = 0;
    CHECK(ids(*db, q) == "");
    q.limit = 100;
    CHECK(ids(*db, q) == "5,2,3,6,1,4");
  }
}

TEST_CASE("Tx::update and Tx::remove") {
  auto db = seeded();
  SUBCASE("update changes the stored row") {
    Record r = get_or_throw(*db, risk::kind(), Value{std::int64_t{3}});
    r.set(risk::title, "Three, renamed"s);
    r.set_null(risk::due);
    Tx tx(*db, k_alice);
    tx.update(risk::kind(), r, "risk.edit");
    tx.commit();
    const Record back = get_or_throw(*db, risk::kind(), Value{std::int64_t{3}});
    CHECK(back.text(risk::title) == "Three, renamed");
    CHECK(back.is_null(risk::due));
    CHECK(count(*db, risk::kind(), Query{}) == 6);
  }
  SUBCASE("updating or removing a missing record is not_found") {
    Record ghost = a_risk("Ghost");
    ghost.set(risk::id, std::int64_t{99});
    Tx tx(*db, k_alice);
    for (int which = 0; which < 2; ++which) {
      try {
        which == 0 ? tx.update(risk::kind(), ghost, "risk.edit") : tx.remove(risk::kind(), ghost, "risk.rm");
        FAIL("expected not_found");
      } catch (const Error& e) {
        CHECK(e.code() == ExitCode::not_found);
        CHECK(std::string(e.what()) == "no risk RSK-99");
      }
    }
  }
  SUBCASE("remove deletes the row") {
    Record r = get_or_throw(*db, risk::kind(), Value{std::int64_t{2}});
    Tx tx(*db, k_alice);
    tx.remove(risk::kind(), r, "risk.rm", "entered twice");
    tx.commit();
    CHECK_FALSE(get(*db, risk::kind(), Value{std::int64_t{2}}).has_value());
    CHECK(ids(*db, Query{}) == "1,3,4,5,6");
  }
}

TEST_CASE("a Tx destroyed without commit rolls back: nothing visible, no journal entry") {
  auto db = Db::in_memory();
  insert_all(*db, {a_risk("Kept")});
  REQUIRE(journal_rows(*db) == 1);
  SUBCASE("dropped") {
    Tx tx(*db, k_alice);
    Record r = a_risk("Dropped");
    tx.insert(risk::kind(), r, "risk.add");
    CHECK(r.integer(risk::id) == 2);
    CHECK(count(*db, risk::kind(), Query{}) == 2);  // visible inside the transaction
  }
  SUBCASE("an exception unwinds it") {
    try {
      Tx tx(*db, k_alice);
      Record r = get_or_throw(*db, risk::kind(), Value{std::int64_t{1}});
      r.set(risk::title, "Changed"s);
      tx.update(risk::kind(), r, "risk.edit");
      throw std::runtime_error("interrupted");
    } catch (const std::runtime_error&) {  // NOLINT(bugprone-empty-catch)
    }
  }
  CHECK(ids(*db, Query{}) == "1");
  CHECK(get_or_throw(*db, risk::kind(), Value{std::int64_t{1}}).text(risk::title) == "Kept");
  CHECK(journal_rows(*db) == 1);
  // The next transaction works, and the rolled-back number is free again.
  const auto next = insert_all(*db, {a_risk("Next")});
  CHECK(next == std::vector<std::int64_t>{2});
  CHECK(db->sql().execAndGet("SELECT max(seq) FROM journal").getInt64() == 2);
}

TEST_CASE("IDs are never reused after a remove (the counter table)") {
  auto db = Db::in_memory();
  insert_all(*db, {a_risk("One"), a_risk("Two"), a_risk("Three")});
  {
    Tx tx(*db, k_alice);
    tx.remove(risk::kind(), get_or_throw(*db, risk::kind(), Value{std::int64_t{3}}), "risk.rm");
    tx.remove(risk::kind(), get_or_throw(*db, risk::kind(), Value{std::int64_t{2}}), "risk.rm");
    tx.commit();
  }
  CHECK(insert_all(*db, {a_risk("Four"), a_risk("Five")}) == std::vector<std::int64_t>{4, 5});
  CHECK(ids(*db, Query{}) == "1,4,5");
}

TEST_CASE("each reuses one record per row; derived fields are null") {
  auto db = seeded();
  std::vector<std::string> titles;
  each(*db, risk::kind(), Query{}, [&](Record& r) {
    CHECK(r.is_null(risk::level));
    risk::derive(r, Config{});  // the caller may derive in place
    titles.push_back(r.text(risk::title) + ":" + r.text(risk::level));
  });
  CHECK(titles ==
        std::vector<std::string>{"One:low", "Two:critical", "Three:high", "Four:low", "Five:critical", "Six:medium"});
}

TEST_CASE("text round-trips byte for byte, and the journal agrees") {
  auto db = Db::in_memory();
  const std::string tricky = "NUL\0 quote\" tab\t ESC\x1B[2J \xC3\xBC \xF0\x9F\x98\x80 '; DROP TABLE risk; --"s;
  REQUIRE(tricky.size() == 55);
  Record r = a_risk("placeholder");
  r.set(risk::title, tricky);
  r.set(risk::category, "12"s);  // digits in a text column stay text
  insert_all(*db, {r});
  const Record back = get_or_throw(*db, risk::kind(), Value{std::int64_t{1}});
  CHECK(back.values[risk::title] == Value{tricky});
  CHECK(back.values[risk::category] == Value{"12"s});
  const std::string data = db->sql().execAndGet("SELECT data FROM journal WHERE seq = 1").getString();
  CHECK(data == canonical_json(risk::kind(), back));
}

TEST_CASE("a Tx stays usable after a refused insert (insert, or update on conflict)") {
  // Tx::statement() reuses its prepared INSERT and calls reset() on it; sqlite3_reset() returns
  // the error of the failed step, which SQLiteCpp throws again: the next insert fails with the
  // stale "UNIQUE constraint failed" although nothing is wrong with it.
  auto db = Db::in_memory();
  Tx tx(*db, k_alice);
  Record alice = a_person("alice", "Alice");
  tx.insert(staff::kind(), alice, "staff.add");
  Record again = a_person("alice", "Alice, again");
  CHECK_THROWS_AS(tx.insert(staff::kind(), again, "staff.add"), Error);
  tx.update(staff::kind(), again, "staff.edit");
  Record bob = a_person("bob", "Bob");
  CHECK_NOTHROW(tx.insert(staff::kind(), bob, "staff.add"));
  tx.commit();
  CHECK(count(*db, staff::kind(), Query{}) == 2);
  CHECK(get_or_throw(*db, staff::kind(), Value{"alice"s}).text(staff::name) == "Alice, again");
  CHECK(journal_rows(*db) == 3);
}
