// The storage port's contract (core/store.h), written against cso::Store alone: every backend
// runs the same cases through run_store_contract(), given a way to make an empty store and a
// way to change a record behind the store's back.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/cert.h"
#include "core/error.h"
#include "core/risk.h"
#include "core/staff.h"
#include "core/store.h"
#include "storage/open.h"
#include "storage/sqlite/store.h"
#include "tests/unit/test_support.h"

using namespace cso;
using namespace std::string_literals;

namespace {

struct Backend {
  /// An empty store with the current schema.
  std::function<std::unique_ptr<Store>()> make;
  /// Sets risk `id`'s title without going through the store (no journal entry).
  std::function<void(Store&, std::int64_t id, const std::string& title)> tamper;
};

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z
constexpr Instant k_day = 86400;
const Actor k_alice{"alice", k_t};
const Actor k_bob{"bob", k_t + k_day};

Record a_risk(std::string_view title, std::int64_t l, std::int64_t i) {
  risk::NewRisk n;
  n.title = std::string(title);
  n.likelihood = l;
  n.impact = i;
  return risk::make(n, Config{}, Clock{k_t});
}

Record a_person(std::string_view handle) {
  Record s = empty_record(staff::kind());
  s.set(staff::handle, std::string(handle));
  s.set(staff::name, "Someone"s);
  s.set(staff::status, "active"s);
  return s;
}

Value id(std::int64_t n) {
  return Value{n};
}

/// The IDs `q` selects, in the order the store gives them, as "1,3,2".
std::string ids(Reader& reader, const Query& q) {
  std::string out;
  reader.each(risk::kind(), q, [&](Record& r) {
    out += out.empty() ? "" : ",";
    out += std::to_string(r.integer(risk::id));
  });
  return out;
}

/// The journal entries `f` selects as "seq:action:record …".
std::string entries(Reader& reader, const LogFilter& f) {
  std::string out;
  reader.each_entry(f, [&](const JournalEntry& e) {
    out += out.empty() ? "" : " ";
    out += std::to_string(e.seq) + ":" + e.action + ":" + e.record;
  });
  return out;
}

/// Risk counts by (status, score) as "closed/20=1 open/4=2 ", sorted: groups come in no set order.
std::string groups(const std::vector<GroupCount>& gs) {
  std::vector<std::string> parts;
  for (const auto& g : gs) {
    parts.push_back(std::get<std::string>(g.values[0]) + "/" + std::to_string(std::get<std::int64_t>(g.values[1])) +
                    "=" + std::to_string(g.count) + " ");
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const auto& p : parts) {
    out += p;
  }
  return out;
}

/// alice adds herself and three risks (1: 2x2, 2: 4x5, 3: 3x4); bob closes RSK-2, changes
/// RSK-1's likelihood (not its stored score) with a note, adds a certification for alice and removes RSK-3.
void seed(Store& store) {
  {
    auto tx = store.begin(k_alice);
    Record alice = a_person("alice");
    tx->insert(staff::kind(), alice, "staff.add");
    for (auto [title, l, i] : {std::tuple{"Phishing", 2, 2}, {"Ransomware", 4, 5}, {"Laptop theft", 3, 4}}) {
      Record r = a_risk(title, l, i);
      tx->insert(risk::kind(), r, "risk.add");
    }
    tx->commit();
  }
  auto tx = store.begin(k_bob);
  Record two = tx->get_or_throw(risk::kind(), id(2));
  two.set(risk::status, "closed"s);
  tx->update(risk::kind(), two, "risk.close");
  Record one = tx->get_or_throw(risk::kind(), id(1));
  one.set(risk::likelihood, std::int64_t{3});
  tx->update(risk::kind(), one, "risk.assess", "after the pentest");
  cert::NewCert c;
  c.staff = "alice";
  c.name = "CISSP";
  Record cert = cert::make(c, Clock{k_t});
  tx->insert(cert::kind(), cert, "staff.cert.add");
  tx->remove(risk::kind(), tx->get_or_throw(risk::kind(), id(3)), "risk.rm");
  tx->commit();
}

void run_store_contract(const Backend& backend) {
  auto store = backend.make();

  SUBCASE("an empty store: nothing to read, an empty journal that verifies") {
    CHECK_FALSE(store->get(risk::kind(), id(1)).has_value());
    CHECK(store->count(risk::kind(), Query{}) == 0);
    CHECK(store->tally(risk::kind()).empty());
    CHECK_FALSE(store->head().has_value());
    const VerifyReport report = store->verify();
    CHECK(report.problems.empty());
    CHECK(report.entries == 0);
    CHECK_FALSE(report.head.has_value());
  }

  SUBCASE("get, get_or_throw and all") {
    seed(*store);
    const auto one = store->get(risk::kind(), id(1));
    REQUIRE(one.has_value());
    CHECK(one->text(risk::title) == "Phishing");
    CHECK(one->integer(risk::likelihood) == 3);
    CHECK(store->get_or_throw(staff::kind(), Value{"alice"s}).text(staff::status) == "active");
    try {
      store->get_or_throw(risk::kind(), id(3));
      FAIL("expected not_found");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::not_found);
      CHECK(std::string(e.what()) == "no risk RSK-3");
    }
    try {
      store->get_or_throw(staff::kind(), Value{"bob"s});
      FAIL("expected not_found");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::not_found);
      CHECK(std::string(e.what()) == "no staff 'bob'");
    }
    const auto risks = store->all(risk::kind(), Query{});
    REQUIRE(risks.size() == 2);
    CHECK(risks[1].text(risk::title) == "Ransomware");
  }

  SUBCASE("each: where, sort then key, limit, fields; count, count_by and tally agree") {
    seed(*store);
    {
      auto tx = store->begin(k_alice);
      for (auto [title, l, i] : {std::tuple{"Flood", 1, 1}, {"Fire", 3, 3}, {"Insider", 4, 5}}) {
        Record r = a_risk(title, l, i);
        tx->insert(risk::kind(), r, "risk.add");
      }
      tx->commit();
    }
    CHECK(ids(*store, Query{}) == "1,2,4,5,6");  // numbers are never reused: RSK-3 stays gone
    Query by_score;
    by_score.sort = {{risk::score, true}};
    CHECK(ids(*store, by_score) == "2,6,5,1,4");
    Query by_status;  // by rank (open, treating, accepted, closed), not the alphabet
    by_status.sort = {{risk::status, false}};
    CHECK(ids(*store, by_status) == "1,4,5,6,2");
    by_status.sort = {{risk::status, true}};
    CHECK(ids(*store, by_status) == "2,1,4,5,6");
    Query open;
    open.where = {{risk::status, Op::eq, {"open"s}, {}}};
    CHECK(ids(*store, open) == "1,4,5,6");
    CHECK(store->count(risk::kind(), open) == 4);
    open.limit = 2;
    CHECK(ids(*store, open) == "1,4");
    Query titles;
    titles.fields = {risk::id, risk::title};
    store->each(risk::kind(), titles, [](Record& r) {
      CHECK_FALSE(r.is_null(risk::title));
      CHECK(r.is_null(risk::status));
    });
    const std::vector<std::size_t> by{risk::status, risk::score};
    CHECK(groups(store->count_by(risk::kind(), by, {})) == "closed/20=1 open/1=1 open/20=1 open/4=1 open/9=1 ");
    CHECK(groups(store->tally(risk::kind())) == groups(store->count_by(risk::kind(), by, {})));
    CHECK(groups(store->count_by(risk::kind(), by, open.where)) == "open/1=1 open/20=1 open/4=1 open/9=1 ");
  }

  SUBCASE("every change is journalled, and the chain verifies") {
    seed(*store);
    LogFilter oldest_first;
    oldest_first.newest_first = false;
    CHECK(entries(*store, oldest_first) ==
          "1:staff.add:alice 2:risk.add:RSK-1 3:risk.add:RSK-2 4:risk.add:RSK-3 5:risk.close:RSK-2 "
          "6:risk.assess:RSK-1 7:staff.cert.add:alice/cert/CISSP 8:risk.rm:RSK-3");
    std::vector<JournalEntry> all;
    store->each_entry(oldest_first, [&](const JournalEntry& e) { all.push_back(e); });
    REQUIRE(all.size() == 8);
    CHECK(all[0].actor == "alice");
    CHECK(all[0].prev == Hash{});
    CHECK(all[5].actor == "bob");
    CHECK(all[5].note == "after the pentest");
    CHECK(all[5].prev == all[4].hash);
    CHECK_FALSE(all[7].data.has_value());  // rm: no record after the change
    CHECK(all[1].data.has_value());
    CHECK(store->head() == all[7].hash);
    const VerifyReport chain = store->verify_journal();
    CHECK(chain.problems.empty());
    CHECK(chain.entries == 8);
    CHECK(chain.head == all[7].hash);
    const VerifyReport report = store->verify();
    CHECK(report.problems.empty());
    CHECK(report.records == 4);  // alice, her certification, RSK-1, RSK-2
  }

  SUBCASE("each_entry filters: record (with parts), since, actor, action prefix, limit") {
    seed(*store);
    LogFilter f;
    f.record = "alice";
    CHECK(entries(*store, f) == "1:staff.add:alice");
    f.with_parts = true;
    CHECK(entries(*store, f) == "7:staff.cert.add:alice/cert/CISSP 1:staff.add:alice");
    LogFilter by_bob;
    by_bob.actor = "bob";
    by_bob.action = "risk";
    CHECK(entries(*store, by_bob) == "8:risk.rm:RSK-3 6:risk.assess:RSK-1 5:risk.close:RSK-2");
    by_bob.limit = 1;
    CHECK(entries(*store, by_bob) == "8:risk.rm:RSK-3");
    LogFilter exact;
    exact.action = "risk.add";
    exact.since = format_instant(k_t);
    CHECK(entries(*store, exact) == "4:risk.add:RSK-3 3:risk.add:RSK-2 2:risk.add:RSK-1");
    LogFilter later;
    later.since = format_instant(k_t + k_day);
    later.newest_first = false;
    later.limit = 2;
    CHECK(entries(*store, later) == "7:staff.cert.add:alice/cert/CISSP 8:risk.rm:RSK-3");
  }

  SUBCASE("a transaction sees its own changes; others see them only once it commits") {
    auto tx = store->begin(k_alice);
    Record r = a_risk("Phishing", 2, 2);
    tx->insert(risk::kind(), r, "risk.add");
    CHECK(r.integer(risk::id) == 1);
    CHECK(tx->get(risk::kind(), id(1)).has_value());
    CHECK(tx->count(risk::kind(), Query{}) == 1);
    CHECK(entries(*tx, LogFilter{}) == "1:risk.add:RSK-1");
    tx->commit();
    CHECK(store->get_or_throw(risk::kind(), id(1)).text(risk::title) == "Phishing");
    CHECK(store->verify().problems.empty());
  }

  SUBCASE("a transaction destroyed uncommitted changes nothing") {
    seed(*store);
    const auto head = store->head();
    {
      auto tx = store->begin(k_alice);
      Record r = a_risk("Never", 1, 1);
      tx->insert(risk::kind(), r, "risk.add");
      Record one = tx->get_or_throw(risk::kind(), id(1));
      one.set(risk::title, "Changed"s);
      tx->update(risk::kind(), one, "risk.edit");
      tx->remove(staff::kind(), tx->get_or_throw(staff::kind(), Value{"alice"s}), "staff.rm");
    }
    CHECK(store->head() == head);
    CHECK(store->count(risk::kind(), Query{}) == 2);
    CHECK(store->get_or_throw(risk::kind(), id(1)).text(risk::title) == "Phishing");
    CHECK(store->get(staff::kind(), Value{"alice"s}).has_value());
    CHECK(groups(store->tally(risk::kind())) == "closed/20=1 open/4=1 ");
    CHECK(store->verify().problems.empty());
  }

  SUBCASE("changes that cannot be made: a duplicate key, a missing record") {
    seed(*store);
    auto tx = store->begin(k_alice);
    Record again = a_person("alice");
    try {
      tx->insert(staff::kind(), again, "staff.add");
      FAIL("expected a conflict");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::conflict);
    }
    Record gone = a_risk("Gone", 1, 1);
    gone.set(risk::id, std::int64_t{3});
    CHECK_THROWS_AS(tx->update(risk::kind(), gone, "risk.edit"), Error);
    CHECK_THROWS_AS(tx->remove(risk::kind(), gone, "risk.rm"), Error);
  }

  SUBCASE("bulk mode: thousands of inserts, each journalled, the record refilled by the caller") {
    {
      const auto bulk = store->bulk_load();
      auto tx = store->begin(k_alice);
      tx->bulk(risk::kind());
      Record r = a_risk("x", 1, 1);
      for (int i = 1; i <= 2500; ++i) {
        Record fresh = a_risk("Risk " + std::to_string(i), 1 + i % 5, 1 + i % 3);
        std::swap(r, fresh);  // insert() may hand back any record of the kind
        tx->insert(risk::kind(), r, "risk.import");
      }
      CHECK(tx->count(risk::kind(), Query{}) == 2500);  // reads wait for the rows in flight
      Record extra = a_person("bob");
      tx->insert(staff::kind(), extra, "staff.add");
      tx->commit();
    }
    CHECK(store->count(risk::kind(), Query{}) == 2500);
    CHECK(store->get_or_throw(risk::kind(), id(1300)).text(risk::title) == "Risk 1300");
    LogFilter newest;
    newest.limit = 2;
    CHECK(entries(*store, newest) == "2501:staff.add:bob 2500:risk.import:RSK-2500");
    const VerifyReport report = store->verify();
    CHECK(report.problems.empty());
    CHECK(report.entries == 2501);
  }

  SUBCASE("reads under a read snapshot") {
    seed(*store);
    const auto snapshot = store->read_snapshot();
    CHECK(store->count(risk::kind(), Query{}) == 2);
    CHECK(store->verify().problems.empty());
  }

  SUBCASE("as_of: each record as the journal last had it at an instant; the journal ends there") {
    seed(*store);
    auto before = store->as_of(k_t - 1);
    CHECK(ids(*before, Query{}).empty());
    CHECK(entries(*before, LogFilter{}).empty());
    CHECK_FALSE(before->get(staff::kind(), Value{"alice"s}).has_value());

    auto first_day = store->as_of(k_t);
    CHECK(ids(*first_day, Query{}) == "1,2,3");  // RSK-3 removed later is there
    CHECK(first_day->get_or_throw(risk::kind(), id(2)).text(risk::status) == "open");
    CHECK(first_day->get_or_throw(risk::kind(), id(1)).integer(risk::likelihood) == 2);
    CHECK(first_day->get(staff::kind(), Value{"alice"s}).has_value());
    CHECK(first_day->count(cert::kind(), Query{}) == 0);  // added the next day
    CHECK(groups(first_day->tally(risk::kind())) ==
          groups(first_day->count_by(risk::kind(), {risk::status, risk::score}, {})));
    CHECK(entries(*first_day, LogFilter{}) == "4:risk.add:RSK-3 3:risk.add:RSK-2 2:risk.add:RSK-1 1:staff.add:alice");
    LogFilter later;
    later.before = format_instant(k_bob.at + 10);
    CHECK(entries(*first_day, later) == entries(*first_day, LogFilter{}));  // a later bound does not reach past it

    auto now = store->as_of(k_bob.at);
    CHECK(ids(*now, Query{}) == ids(*store, Query{}));
    for (const KindDef* kind : {&risk::kind(), &staff::kind(), &cert::kind()}) {
      std::vector<Record> past_records = now->all(*kind, Query{});
      std::vector<Record> live_records = store->all(*kind, Query{});
      REQUIRE(past_records.size() == live_records.size());
      for (std::size_t i = 0; i < live_records.size(); ++i) {
        CHECK(past_records[i].values == live_records[i].values);  // every field, of the same type
      }
    }
    Query open;
    open.where.push_back(Condition{risk::status, Op::eq, {Value{"open"s}}, {}});
    CHECK(ids(*now, open) == "1");

    CHECK(test::code_of([&] { now->begin(k_alice); }) == ExitCode::usage);
    CHECK(test::code_of([&] { now->bulk_load(); }) == ExitCode::usage);
    CHECK(ids(*store, Query{}) == "1,2");  // the live store reads as before
  }

  SUBCASE("verify catches a record changed behind the store's back") {
    seed(*store);
    backend.tamper(*store, 1, "Tampered");
    const VerifyReport report = store->verify();
    REQUIRE_FALSE(report.problems.empty());
    CHECK(report.problems.front().find("RSK-1") != std::string::npos);
    CHECK(store->verify_journal().problems == report.problems);  // check's journal.integrity sees it too
  }
}

/// A new database file per store (as_of opens a second connection to it); removed at exit.
std::unique_ptr<Store> sqlite_file_store() {
  struct Files {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("cso-contract-" + std::to_string(::getpid()));
    int made = 0;
    Files() { std::filesystem::create_directories(dir); }
    ~Files() { std::filesystem::remove_all(dir); }
  };
  static Files files;
  int previous_version = 0;
  return storage::create_or_migrate((files.dir / (std::to_string(++files.made) + ".db")).string(), previous_version);
}

Backend sqlite_backend() {
  return Backend{
      sqlite_file_store,
      [](Store& store, std::int64_t risk_id, const std::string& title) {
        SQLite::Statement st(dynamic_cast<storage::SqliteStore&>(store).db().sql(),
                             "UPDATE risk SET title = ? WHERE id = ?");
        st.bind(1, title);
        st.bind(2, static_cast<std::int64_t>(risk_id));
        REQUIRE(st.exec() == 1);
      },
  };
}

}  // namespace

TEST_CASE("the SQLite store keeps the store contract") {
  run_store_contract(sqlite_backend());
}
