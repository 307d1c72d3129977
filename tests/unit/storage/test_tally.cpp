#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "core/risk.h"
#include "core/staff.h"
#include "storage/sqlite/journal.h"
#include "storage/sqlite/records.h"
#include "storage/sqlite/tally.h"
#include "storage/sqlite/verify.h"

using namespace cso;
using namespace cso::storage;
using namespace std::string_literals;

namespace {

/// The record, which the test has just written.
Record get_or_throw(Db& db, const KindDef& kind, const Value& key) {
  return get(db, kind, key).value();
}

Record risk_with(std::string status, std::int64_t score) {
  Record r = empty_record(risk::kind());
  r.set(risk::title, "t"s);
  r.set(risk::status, std::move(status));
  r.set(risk::likelihood, std::int64_t{1});
  r.set(risk::impact, score);
  r.set(risk::score, score);
  r.set(risk::created, "2026-11-27T09:00:00Z"s);
  r.set(risk::updated, "2026-11-27T09:00:00Z"s);
  return r;
}

/// Adds one open risk of score 4, committed.
void add_open_risk(Db& db) {
  Tx tx(db, Actor{"alice", 0});
  Record r = risk_with("open", 4);
  tx.insert(risk::kind(), r, "risk.add");
  tx.commit();
}

std::string tallies(Db& db) {
  std::string out;
  for (const auto& g : tally(db, risk::kind())) {
    out += std::get<std::string>(g.values[0]) + "/" + std::to_string(std::get<std::int64_t>(g.values[1])) + "=" +
           std::to_string(g.count) + " ";
  }
  return out;
}

}  // namespace

TEST_CASE("tally keys round-trip values of every kind, nulls included") {
  Record r = risk_with("open", 12);
  const std::string key = tally_key(risk::kind(), r);
  CHECK(key ==
        "open\x1f"
        "12");
  CHECK(tally_values(risk::kind(), key) == std::vector<Value>{"open"s, std::int64_t{12}});
  r.set_null(risk::score);
  CHECK(tally_values(risk::kind(), tally_key(risk::kind(), r)) == std::vector<Value>{"open"s, Value{}});
}

TEST_CASE("Tx keeps the tally through insert, update and remove, and rollback leaves it alone") {
  auto db = Db::in_memory();
  const Actor actor{"alice", 0};
  {
    Tx tx(*db, actor);
    Record a = risk_with("open", 4);
    Record b = risk_with("open", 4);
    Record c = risk_with("open", 20);
    tx.insert(risk::kind(), a, "risk.add");
    tx.insert(risk::kind(), b, "risk.add");
    tx.insert(risk::kind(), c, "risk.add");
    tx.commit();
  }
  CHECK(tallies(*db) == "open/20=1 open/4=2 ");
  {
    Tx tx(*db, actor);
    Record r = get_or_throw(*db, risk::kind(), Value{std::int64_t{1}});
    r.set(risk::status, "closed"s);
    tx.update(risk::kind(), r, "risk.close");
    tx.remove(risk::kind(), get_or_throw(*db, risk::kind(), Value{std::int64_t{3}}), "risk.rm");
    tx.commit();
  }
  CHECK(tallies(*db) == "closed/4=1 open/4=1 ");
  {
    Tx tx(*db, actor);
    Record r = risk_with("open", 9);
    tx.insert(risk::kind(), r, "risk.add");
  }  // rolled back
  CHECK(tallies(*db) == "closed/4=1 open/4=1 ");
  CHECK(verify_all(*db).problems.empty());
}

TEST_CASE("verify names a tally changed behind cso's back") {
  auto db = Db::in_memory();
  add_open_risk(*db);
  db->sql().exec("UPDATE tally SET n = n + 1");
  const auto report = verify_all(*db);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0] ==
        "the risk counts kept for status differ from the risk records: rows were added, "
        "removed or changed outside cso");
}

TEST_CASE("bulk mode writes in batches yet journals every record in order, mixed with single changes") {
  auto db = Db::in_memory();
  {
    Tx tx(*db, Actor{"alice", 0});
    tx.bulk(risk::kind());
    Record r = risk_with("open", 4);
    for (int i = 0; i < 2500; ++i) {  // more than two batches, and a partial one
      Record fresh = risk_with("open", 1 + i % 25);
      std::swap(r, fresh);
      tx.insert(risk::kind(), r, "risk.import");
      if (i == 1300) {  // a read or a single change in the middle writes what is pending first
        Record first = get_or_throw(tx.db(), risk::kind(), Value{std::int64_t{1}});
        first.set(risk::status, "closed"s);
        tx.update(risk::kind(), first, "risk.close");
      }
    }
    tx.commit();
  }
  CHECK(count(*db, risk::kind(), Query{}) == 2500);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM journal").getInt64() == 2501);
  CHECK(db->sql().execAndGet("SELECT max(id) FROM risk").getInt64() == 2500);
  CHECK(db->sql().execAndGet("SELECT action FROM journal WHERE seq = 1302").getString() == "risk.close");
  CHECK(db->sql().execAndGet("SELECT record FROM journal WHERE seq = 1303").getString() == "RSK-1302");
  CHECK(db->sql().execAndGet("SELECT status FROM risk WHERE id = 1").getString() == "closed");
  const auto report = verify_all(*db);
  CHECK(report.problems.empty());
  CHECK(report.entries == 2501);
}

TEST_CASE("bulk mode: a row the database refuses fails the transaction, and nothing is kept") {
  auto db = Db::in_memory();
  add_open_risk(*db);
  // SQLite refuses the 1500th row (a trigger standing in for any failure): the error comes
  // from the writer thread, in the middle of the import, and reaches the caller.
  db->sql().exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON risk WHEN NEW.id = 1500 BEGIN SELECT RAISE(ABORT, 'refused'); END");
  const auto rows_before = count(*db, risk::kind(), Query{});
  const auto entries_before = db->sql().execAndGet("SELECT count(*) FROM journal").getInt64();
  CHECK_THROWS_WITH(
      [&] {
        Tx tx(*db, Actor{"alice", 0});
        tx.bulk(risk::kind());
        for (int i = 0; i < 3000; ++i) {
          Record fresh = risk_with("open", 1 + i % 25);
          tx.insert(risk::kind(), fresh, "risk.import");
        }
        tx.commit();
      }(),
      doctest::Contains("refused"));
  CHECK(count(*db, risk::kind(), Query{}) == rows_before);
  CHECK(db->sql().execAndGet("SELECT count(*) FROM journal").getInt64() == entries_before);
}

TEST_CASE("log's action filter: a noun matches its actions only, and text is never a pattern") {
  auto db = Db::in_memory();
  {
    Tx tx(*db, Actor{"alice", 0});
    Record r = risk_with("open", 4);
    tx.insert(risk::kind(), r, "risk.add");
    r.set(risk::status, "closed"s);
    tx.update(risk::kind(), r, "risk.close");
    Record other = risk_with("open", 5);
    tx.insert(risk::kind(), other, "riskier.add");
    tx.commit();
  }
  const auto actions = [&](const std::string& filter) {
    LogFilter f;
    f.action = filter;
    f.newest_first = false;
    std::string out;
    each_entry(*db, f, [&](const JournalEntry& e) { out += e.action + " "; });
    return out;
  };
  CHECK(actions("risk") == "risk.add risk.close ");
  CHECK(actions("risk.close") == "risk.close ");
  CHECK(actions("risk*") == "");
  CHECK(actions("r%") == "");
  CHECK(actions("riskier") == "riskier.add ");
}
