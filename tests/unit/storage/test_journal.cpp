#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <openssl/sha.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/risk.h"
#include "core/staff.h"
#include "storage/sqlite/journal.h"
#include "storage/sqlite/records.h"
#include "storage/sqlite/verify.h"

using namespace cso;
using namespace cso::storage;
using namespace std::string_literals;

namespace {

/// The record, which the test has just written.
Record get_or_throw(Db& db, const KindDef& kind, const Value& key) {
  return get(db, kind, key).value();
}

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z
constexpr Instant k_day = 86400;
const std::string k_no_hash(64, '0');

Record a_risk(std::string_view title, std::int64_t l, std::int64_t i) {
  risk::NewRisk n;
  n.title = std::string(title);
  n.likelihood = l;
  n.impact = i;
  return risk::make(n, Config{}, Clock{k_t});
}

Record get_risk(Db& db, std::int64_t id) {
  return get_or_throw(db, risk::kind(), Value{id});
}

/// Five changes by two people over four days:
///   1 alice staff.add alice        2026-11-27
///   2 alice risk.add RSK-1         2026-11-27
///   3 bob   risk.add RSK-2         2026-11-28
///   4 bob   risk.assess RSK-1      2026-11-29  note "after the pentest"
///   5 alice risk.close RSK-2       2026-11-30  note "laptops encrypted"
std::unique_ptr<Db> history(std::unique_ptr<Db> db = Db::in_memory()) {
  {
    Tx tx(*db, Actor{"alice", k_t});
    Record s = empty_record(staff::kind());
    s.set(staff::handle, "alice"s);
    s.set(staff::name, "Alice Liddell"s);
    s.set(staff::status, "active"s);
    tx.insert(staff::kind(), s, "staff.add");
    Record r = a_risk("Phishing", 3, 4);
    tx.insert(risk::kind(), r, "risk.add");
    tx.commit();
  }
  {
    Tx tx(*db, Actor{"bob", k_t + k_day});
    Record r = a_risk("Laptop theft", 2, 5);
    tx.insert(risk::kind(), r, "risk.add", "");  // an empty note is no note
    tx.commit();
  }
  {
    Tx tx(*db, Actor{"bob", k_t + 2 * k_day});
    Record r = get_risk(*db, 1);
    risk::assess(r, 4, 4, false, Clock{k_t + 2 * k_day});
    tx.update(risk::kind(), r, "risk.assess", "after the pentest");
    tx.commit();
  }
  {
    Tx tx(*db, Actor{"alice", k_t + 3 * k_day});
    Record r = get_risk(*db, 2);
    risk::close(r, Clock{k_t + 3 * k_day});
    tx.update(risk::kind(), r, "risk.close", "laptops encrypted");
    tx.commit();
  }
  return db;
}

std::vector<JournalEntry> entries(Db& db, LogFilter f = {}) {
  std::vector<JournalEntry> out;
  each_entry(db, f, [&](const JournalEntry& e) { out.push_back(e); });
  return out;
}

std::vector<JournalEntry> oldest_first(Db& db) {
  LogFilter f;
  f.newest_first = false;
  return entries(db, f);
}

/// The seq numbers `f` selects, as "5,4".
std::string seqs(Db& db, LogFilter f) {
  std::string out;
  for (const auto& e : entries(db, std::move(f))) {
    out += (out.empty() ? "" : ",") + std::to_string(e.seq);
  }
  return out;
}

// The chain alone, without the record comparison verify_all adds.
VerifyReport verify_chain(Db& db) {
  return replay_chain(db, [](const JournalEntry&) {});
}

std::string problems(const VerifyReport& r) {
  std::string out;
  for (const auto& p : r.problems) {
    out += p + "\n";
  }
  return out;
}

std::string edited(std::string_view what) {
  return fmt::format("{} does not match its hash: it was edited, or an entry before it was removed or reordered\n",
                     what);
}

}  // namespace

TEST_CASE("every change appends exactly one entry, with what changed, who, when and why") {
  auto db = history();
  const auto all = oldest_first(*db);
  REQUIRE(all.size() == 5);
  CHECK(all[0].action == "staff.add");
  CHECK(all[0].record == "alice");
  CHECK(all[0].data == R"({"handle":"alice","name":"Alice Liddell","status":"active"})");

  CHECK(all[1].seq == 2);
  CHECK(all[1].at == "2026-11-27T04:26:36Z");
  CHECK(all[1].actor == "alice");
  CHECK(all[1].action == "risk.add");
  CHECK(all[1].record == "RSK-1");
  CHECK(all[1].data ==
        R"({"created":"2026-11-27T04:26:36Z","id":"RSK-1","impact":4,"likelihood":3,"next_review":"2027-02-25",)"
        R"("review_every":"90d","score":12,"status":"open","title":"Phishing","updated":"2026-11-27T04:26:36Z"})");
  CHECK_FALSE(all[1].note.has_value());

  CHECK(all[2].actor == "bob");
  CHECK(all[2].at == "2026-11-28T04:26:36Z");
  CHECK(all[2].record == "RSK-2");
  CHECK_FALSE(all[2].note.has_value());

  CHECK(all[3].action == "risk.assess");
  CHECK(all[3].note == "after the pentest");
  CHECK(all[3].data == canonical_json(risk::kind(), get_risk(*db, 1)));
  CHECK(all[4].action == "risk.close");
  CHECK(all[4].at == "2026-11-30T04:26:36Z");
  CHECK(all[4].data == canonical_json(risk::kind(), get_risk(*db, 2)));

  SUBCASE("a remove records no data, and the note") {
    Tx tx(*db, Actor{"carol", k_t + 4 * k_day});
    tx.remove(risk::kind(), get_risk(*db, 2), "risk.rm", "entered twice");
    tx.commit();
    LogFilter f;
    f.limit = 1;
    const auto last = entries(*db, f);
    REQUIRE(last.size() == 1);
    CHECK(last[0].seq == 6);
    CHECK(last[0].action == "risk.rm");
    CHECK(last[0].record == "RSK-2");
    CHECK(last[0].actor == "carol");
    CHECK_FALSE(last[0].data.has_value());
    CHECK(last[0].note == "entered twice");
    CHECK(verify_all(*db).problems.empty());
  }
}

TEST_CASE("the hash chain: each entry's prev is the hash before it, from 32 zero bytes") {
  auto db = history();
  const auto all = oldest_first(*db);
  REQUIRE(all.size() == 5);
  CHECK(to_hex(all[0].prev) == k_no_hash);
  for (std::size_t i = 0; i < all.size(); ++i) {
    CAPTURE(i);
    CHECK(all[i].seq == static_cast<std::int64_t>(i + 1));
    CHECK(all[i].hash == entry_hash(all[i]));
    if (i > 0) {
      CHECK(all[i].prev == all[i - 1].hash);
    }
  }
  const auto head = journal_head(*db);
  REQUIRE(head.has_value());
  CHECK(*head == all[4].hash);
}

TEST_CASE("canonical_entry: sorted keys, data inline, nulls written") {
  JournalEntry e;
  e.seq = 7;
  e.at = "2026-11-27T04:26:36Z";
  e.actor = "alice";
  e.action = "risk.close";
  e.record = "RSK-3";
  CHECK(canonical_entry(e) == R"({"action":"risk.close","actor":"alice","at":"2026-11-27T04:26:36Z","data":null,)"
                              R"("note":null,"record":"RSK-3","seq":7})");
  e.data = R"({"id":"RSK-3"})";
  e.note = "done \"now\"\n";
  CHECK(canonical_entry(e) == R"({"action":"risk.close","actor":"alice","at":"2026-11-27T04:26:36Z",)"
                              R"("data":{"id":"RSK-3"},"note":"done \"now\"\n","record":"RSK-3","seq":7})");
  e.prev.fill(0xAB);  // prev is hashed, not part of the canonical text
  CHECK(canonical_entry(e).find("prev") == std::string::npos);
}

TEST_CASE("entry_hash is SHA-256 of prev followed by the canonical entry") {
  JournalEntry e;
  e.seq = 1;
  e.at = "2026-11-27T04:26:36Z";
  e.actor = "alice";
  e.action = "risk.add";
  e.record = "RSK-1";
  e.data = R"({"id":"RSK-1","title":"Phishing"})";
  // Computed once, independently, with Python:
  //   hashlib.sha256(b"\0" * 32 + b'{"action":"risk.add","actor":"alice","at":"2026-11-27T04:26:36Z",'
  //                  b'"data":{"id":"RSK-1","title":"Phishing"},"note":null,"record":"RSK-1","seq":1}').hexdigest()
  const Hash first = entry_hash(e);
  CHECK(to_hex(first) == "85f76051afe405c2ae6a70902384f8e366f026aedd9c635c6fc9d84b27e8db58");

  // The same with OpenSSL directly.
  std::string input(32, '\0');
  input += canonical_entry(e);
  Hash direct{};
  SHA256(reinterpret_cast<const unsigned char*>(input.data()), input.size(), direct.data());
  CHECK(first == direct);

  // The next entry chains on it; Python again:
  //   hashlib.sha256(bytes.fromhex("85f7…db58") + b'{"action":"risk.rm","actor":"bob","at":"2026-11-28T00:00:00Z",'
  //                  b'"data":null,"note":"entered twice","record":"RSK-1","seq":2}').hexdigest()
  JournalEntry next;
  next.seq = 2;
  next.at = "2026-11-28T00:00:00Z";
  next.actor = "bob";
  next.action = "risk.rm";
  next.record = "RSK-1";
  next.note = "entered twice";
  next.prev = first;
  CHECK(to_hex(entry_hash(next)) == "d8e075f9d91e89a6d4c74c1624560e2812d6a94e43d941e90f3f642ee3cbe925");
  next.prev = Hash{};
  CHECK(to_hex(entry_hash(next)) != "d8e075f9d91e89a6d4c74c1624560e2812d6a94e43d941e90f3f642ee3cbe925");
}

TEST_CASE("to_hex: lower-case, two digits a byte") {
  Hash h{};
  CHECK(to_hex(h) == k_no_hash);
  h[0] = 0x01;
  h[1] = 0xAB;
  h[31] = 0xF0;
  CHECK(to_hex(h) == "01ab" + std::string(58, '0') + "f0");
}

TEST_CASE("an untouched database verifies") {
  SUBCASE("empty") {
    auto db = Db::in_memory();
    const VerifyReport r = verify_all(*db);
    CHECK(r.entries == 0);
    CHECK(r.records == 0);
    CHECK_FALSE(r.head.has_value());
    CHECK(r.problems.empty());
    CHECK_FALSE(journal_head(*db).has_value());
  }
  SUBCASE("with a history") {
    auto db = history();
    const VerifyReport chain = verify_chain(*db);
    CHECK(chain.entries == 5);
    CHECK(chain.problems.empty());
    REQUIRE(chain.head.has_value());
    CHECK(*chain.head == *journal_head(*db));
    const VerifyReport all = verify_all(*db);
    CHECK(all.entries == 5);
    CHECK(all.records == 3);
    CHECK(all.problems.empty());
    CHECK(all.head == chain.head);
  }
}

TEST_CASE("verify detects tampering") {
  auto db = history();
  auto& sql = db->sql();
  SUBCASE("a record changed behind cso's back: the chain holds, the record does not") {
    sql.exec("UPDATE risk SET title = 'Fishing' WHERE id = 1");
    CHECK(verify_chain(*db).problems.empty());
    CHECK(problems(verify_all(*db)) ==
          "risk RSK-1 differs from its last journalled state (entry 4): changed outside cso\n");
  }
  SUBCASE("a field set to null behind cso's back") {
    sql.exec("UPDATE risk SET closed_at = NULL WHERE id = 2");
    CHECK(problems(verify_all(*db)) ==
          "risk RSK-2 differs from its last journalled state (entry 5): changed outside cso\n");
  }
  SUBCASE("an entry's data edited") {
    sql.exec("UPDATE journal SET data = replace(data, 'Phishing', 'Fishing') WHERE seq = 2");
    const VerifyReport r = verify_chain(*db);
    CHECK(problems(r) == edited("journal entry 2 (risk.add RSK-1)"));
    CHECK(r.entries == 1);
    CHECK(problems(verify_all(*db)) == edited("journal entry 2 (risk.add RSK-1)"));
  }
  SUBCASE("an entry's note, actor or time edited") {
    sql.exec("UPDATE journal SET note = 'routine' WHERE seq = 4");
    CHECK(problems(verify_chain(*db)) == edited("journal entry 4 (risk.assess RSK-1)"));
    sql.exec("UPDATE journal SET actor = 'mallory' WHERE seq = 1");
    CHECK(problems(verify_chain(*db)) == edited("journal entry 1 (staff.add alice)"));
  }
  SUBCASE("an entry deleted") {
    sql.exec("DELETE FROM journal WHERE seq = 3");
    CHECK(problems(verify_chain(*db)) == "journal entry 3 is missing (the next entry is 4)\n");
  }
  SUBCASE("the first entry deleted") {
    sql.exec("DELETE FROM journal WHERE seq = 1");
    CHECK(problems(verify_chain(*db)) == "journal entry 1 is missing (the next entry is 2)\n");
  }
  SUBCASE("the last entry deleted: the chain is shorter, the record now disagrees") {
    sql.exec("DELETE FROM journal WHERE seq = 5");
    CHECK(verify_chain(*db).problems.empty());
    CHECK(problems(verify_all(*db)) ==
          "risk RSK-2 differs from its last journalled state (entry 3): changed outside cso\n");
  }
  SUBCASE("two entries swapped") {
    sql.exec("UPDATE journal SET seq = 100 WHERE seq = 2");
    sql.exec("UPDATE journal SET seq = 2 WHERE seq = 3");
    sql.exec("UPDATE journal SET seq = 3 WHERE seq = 100");
    CHECK(problems(verify_chain(*db)) == edited("journal entry 2 (risk.add RSK-2)"));
  }
  SUBCASE("an entry appended without a valid hash") {
    sql.exec(
        "INSERT INTO journal(seq, at, actor, action, record, data, note, hash) "
        "VALUES(6, '2026-12-01T00:00:00Z', 'mallory', 'risk.edit', 'RSK-1', NULL, NULL, zeroblob(32))");
    CHECK(problems(verify_chain(*db)) == edited("journal entry 6 (risk.edit RSK-1)"));
  }
  SUBCASE("a hash of the wrong length") {
    sql.exec("UPDATE journal SET hash = X'00' WHERE seq = 5");
    CHECK(problems(verify_chain(*db)) == edited("journal entry 5 (risk.close RSK-2)"));
  }
  SUBCASE("a live record inserted without a journal entry") {
    sql.exec(
        "INSERT INTO risk(title, status, likelihood, impact, score, created, updated) "
        "VALUES('Planted', 'open', 1, 1, 1, '2026-11-27T00:00:00Z', '2026-11-27T00:00:00Z')");
    CHECK(verify_chain(*db).problems.empty());
    const VerifyReport r = verify_all(*db);
    CHECK(problems(r) == "risk RSK-3 exists but the journal has no record of it\n");
    CHECK(r.records == 4);
  }
  SUBCASE("a staff row inserted without a journal entry") {
    sql.exec("INSERT INTO staff(handle, name, status) VALUES('mallory', 'Mallory', 'active')");
    CHECK(problems(verify_all(*db)) == "staff mallory exists but the journal has no record of it\n");
  }
  SUBCASE("a record deleted without a journal entry") {
    sql.exec("DELETE FROM risk WHERE id = 2");
    CHECK(verify_chain(*db).problems.empty());
    CHECK(problems(verify_all(*db)) == "RSK-2 is missing, but journal entry 5 says it exists\n");
  }
  SUBCASE("a removed record put back behind cso's back") {
    {
      Tx tx(*db, Actor{"alice", k_t + 4 * k_day});
      tx.remove(risk::kind(), get_risk(*db, 2), "risk.rm");
      tx.commit();
    }
    REQUIRE(verify_all(*db).problems.empty());
    sql.exec(
        "INSERT INTO risk(id, title, status, likelihood, impact, score, created, updated) "
        "VALUES(2, 'Laptop theft', 'closed', 2, 5, 10, '2026-11-28T04:26:36Z', '2026-11-30T04:26:36Z')");
    CHECK(problems(verify_all(*db)) == "risk RSK-2 exists but the journal has no record of it\n");
  }
}

TEST_CASE("on a file, the record scan runs on a second connection and finds the same tampering") {
  const auto path = std::filesystem::temp_directory_path() / ("cso-test-verify-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  {
    int previous_version = 0;
    auto db = history(Db::create_or_migrate(path.string(), previous_version));
    REQUIRE(db->second_reader() != nullptr);
    auto& sql = db->sql();
    CHECK(problems(verify_all(*db)).empty());
    CHECK(verify_all(*db).records == 3);
    SUBCASE("a record changed") {
      sql.exec("UPDATE risk SET title = 'Fishing' WHERE id = 1");
      CHECK(problems(verify_all(*db)) ==
            "risk RSK-1 differs from its last journalled state (entry 4): changed outside cso\n");
    }
    SUBCASE("a record inserted and another deleted") {
      sql.exec("DELETE FROM risk WHERE id = 2");
      sql.exec("INSERT INTO staff(handle, name, status) VALUES('mallory', 'Mallory', 'active')");
      CHECK(problems(verify_all(*db)) ==
            "staff mallory exists but the journal has no record of it\n"
            "RSK-2 is missing, but journal entry 5 says it exists\n");
    }
    SUBCASE("a record changed outside cso, then another through cso: the journal's newer head does not hide it") {
      sql.exec("UPDATE risk SET title = 'Fishing' WHERE id = 2");
      Tx tx(*db, Actor{"alice", k_t + 4 * k_day});
      Record r = get_risk(*db, 1);
      risk::assess(r, 1, 1, false, Clock{k_t + 4 * k_day});
      tx.update(risk::kind(), r, "risk.assess");
      tx.commit();
      CHECK(problems(verify_all(*db)) ==
            "risk RSK-2 differs from its last journalled state (entry 5): changed outside cso\n");
    }
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}

TEST_CASE("each_entry filters and orders the journal") {
  auto db = history();
  const auto filter = [](auto set) {
    LogFilter f;
    set(f);
    return f;
  };
  CHECK(seqs(*db, {}) == "5,4,3,2,1");
  CHECK(seqs(*db, filter([](LogFilter& f) { f.newest_first = false; })) == "1,2,3,4,5");
  SUBCASE("record") {
    CHECK(seqs(*db, filter([](LogFilter& f) { f.record = "RSK-1"; })) == "4,2");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.record = "alice"; })) == "1");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.record = "rsk-1"; })) == "");  // exact keys
    CHECK(seqs(*db, filter([](LogFilter& f) { f.record = "RSK-1' OR '1'='1"; })) == "");
  }
  SUBCASE("actor") {
    CHECK(seqs(*db, filter([](LogFilter& f) { f.actor = "bob"; })) == "4,3");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.actor = "carol"; })) == "");
  }
  SUBCASE("action: exact, or a prefix up to a dot") {
    CHECK(seqs(*db, filter([](LogFilter& f) { f.action = "risk"; })) == "5,4,3,2");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.action = "risk.add"; })) == "3,2");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.action = "staff"; })) == "1");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.action = "ris"; })) == "");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.action = "risk.a"; })) == "");
  }
  SUBCASE("since: at or after") {
    CHECK(seqs(*db, filter([](LogFilter& f) { f.since = "2026-11-28T04:26:36Z"; })) == "5,4,3");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.since = "2026-11-28T04:26:37Z"; })) == "5,4");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.since = "2027-01-01T00:00:00Z"; })) == "");
  }
  SUBCASE("limit: the newest N, in either order") {
    CHECK(seqs(*db, filter([](LogFilter& f) { f.limit = 2; })) == "5,4");
    CHECK(seqs(*db, filter([](LogFilter& f) {
            f.limit = 2;
            f.newest_first = false;
          })) == "4,5");
    CHECK(seqs(*db, filter([](LogFilter& f) { f.limit = 0; })) == "");
  }
  SUBCASE("filters combine") {
    CHECK(seqs(*db, filter([](LogFilter& f) {
            f.actor = "alice";
            f.action = "risk";
          })) == "5,2");
    CHECK(seqs(*db, filter([](LogFilter& f) {
            f.record = "RSK-1";
            f.since = "2026-11-28T00:00:00Z";
            f.newest_first = false;
          })) == "4");
  }
  SUBCASE("a filtered entry still carries its prev") {
    const auto all = oldest_first(*db);
    const auto rsk1 = entries(*db, filter([](LogFilter& f) { f.record = "RSK-1"; }));
    REQUIRE(rsk1.size() == 2);
    CHECK(rsk1[0].prev == all[2].hash);
    CHECK(rsk1[1].prev == all[0].hash);
    CHECK(rsk1[0].hash == entry_hash(rsk1[0]));
  }
}
