// The export document read back (cli/import_json.h) from what cli/export_json.h wrote: every
// record and entry handed over as written, and each kind of bad input named by its JSON path.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/export_json.h"
#include "cli/import_json.h"
#include "core/journal.h"
#include "core/risk.h"
#include "core/staff.h"
#include "storage/open.h"
#include "tests/unit/test_support.h"

using namespace cso;
using namespace cso::cli;
using namespace std::string_literals;

namespace {

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z

/// What a Restore was given, as text.
class Recorder final : public Restore {
 public:
  std::vector<std::string> got;
  void record(const KindDef& kind, const Record& r) override {
    got.push_back(std::string(kind.name) + " " + canonical_json(kind, r));
  }
  void entry(const JournalEntry& e) override { got.push_back("entry " + std::to_string(e.seq) + " " + to_hex(e.hash)); }
  void last_number(const KindDef& kind, std::int64_t last) override {
    got.push_back("last " + std::string(kind.name) + " " + std::to_string(last));
  }
  VerifyReport verify() override { return {}; }
  void commit() override {}
};

/// A store with alice, two risks (the second removed) and a changed first risk.
std::unique_ptr<Store> seeded() {
  auto store = storage::in_memory_store();
  auto tx = store->begin(Actor{"alice", k_t});
  Record alice = empty_record(staff::kind());
  alice.set(staff::handle, "alice"s);
  alice.set(staff::name, "Alice \"A\" Moreau\n\x1f"s);
  alice.set(staff::status, "active"s);
  tx->insert(staff::kind(), alice, "staff.add");
  for (const char* title : {"Phishing", "Ransomware"}) {
    risk::NewRisk n;
    n.title = title;
    n.likelihood = 2;
    n.impact = 3;
    Record r = risk::make(n, Config{}, Clock{k_t});
    tx->insert(risk::kind(), r, "risk.add");
  }
  Record two = tx->get_or_throw(risk::kind(), Value{std::int64_t{2}});
  tx->remove(risk::kind(), two, "risk.rm", "a mistake");
  tx->commit();
  return store;
}

std::string exported(Store& store) {
  std::ostringstream out;
  write_export(store, storage::current_schema_version(), out);
  return out.str();
}

std::string import_error(const std::string& text) {
  std::istringstream in(text);
  Recorder sink;
  return test::usage_message([&] { read_export(in, "x.json", storage::current_schema_version(), sink); });
}

/// `doc` with the first `from` replaced by `to`.
std::string edited(std::string doc, const std::string& from, const std::string& to) {
  const auto at = doc.find(from);
  REQUIRE(at != std::string::npos);
  return doc.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("an export is read back record by record, entry by entry") {
  auto store = seeded();
  const std::string doc = exported(*store);
  std::istringstream in(doc);
  Recorder sink;
  const ImportSummary s = read_export(in, "x.json", storage::current_schema_version(), sink);
  CHECK(s.records == 2);
  CHECK(s.entries == 4);
  REQUIRE(s.head.has_value());
  CHECK(*s.head == to_hex(*store->head()));
  REQUIRE(sink.got.size() >= 6);
  CHECK(std::find(sink.got.begin(), sink.got.end(), "last risk 2") != sink.got.end());
  const Record alice = *store->get(staff::kind(), Value{"alice"s});
  CHECK(std::find(sink.got.begin(), sink.got.end(), "staff " + canonical_json(staff::kind(), alice)) != sink.got.end());
  CHECK(sink.got.back() == "entry 4 " + *s.head);
}

TEST_CASE("an export restored into an empty store verifies with the same head, and exports the same") {
  auto store = seeded();
  const std::string doc = exported(*store);
  auto copy = storage::in_memory_store();
  {
    std::istringstream in(doc);
    auto restore = copy->restore();
    read_export(in, "x.json", storage::current_schema_version(), *restore);
    CHECK(restore->verify().problems.empty());
    restore->commit();
  }
  const VerifyReport report = copy->verify();
  CHECK(report.problems.empty());
  CHECK(report.head == store->head());
  CHECK(exported(*copy) == doc);
  // Numbers are never reused: the removed RSK-2's number stays given.
  auto tx = copy->begin(Actor{"alice", k_t});
  risk::NewRisk n;
  n.title = "Next";
  n.likelihood = 1;
  n.impact = 1;
  Record r = risk::make(n, Config{}, Clock{k_t});
  tx->insert(risk::kind(), r, "risk.add");
  CHECK(r.integer(risk::id) == 3);
  // A store that is not empty refuses a restore.
  CHECK(test::code_of([&] { store->restore(); }) == ExitCode::conflict);
}

TEST_CASE("bad input names the JSON path") {
  auto store = seeded();
  const std::string doc = exported(*store);
  CHECK(import_error("").find("x.json: $: malformed JSON") != std::string::npos);
  CHECK(import_error(doc.substr(0, doc.size() / 2)).find("malformed JSON") != std::string::npos);
  CHECK(import_error("{\"a\":1}") ==
        "import: x.json: $: not a cso export: it does not begin with \"format\": \"cso-export\"");
  CHECK(import_error("[]") == "import: x.json: $: not a cso export: expected an object");
  CHECK(import_error(edited(doc, "\"version\":1", "\"version\":7")) ==
        "import: x.json: $.version: version 7 of cso-export is not known to this cso (it reads version 1)");
  CHECK(import_error(edited(doc, "\"likelihood\":2", "\"likelihood\":2.5")) ==
        "import: x.json: $.records.risk[0].likelihood: expected an integer");
  CHECK(import_error(edited(doc, "\"likelihood\":2", "\"likelihood\":[2]")) ==
        "import: x.json: $.records.risk[0].likelihood: expected an integer");
  CHECK(import_error(edited(doc, "\"id\":\"RSK-1\"", "\"id\":\"RSK-01\"")) ==
        "import: x.json: $.records.risk[0].id: expected an ID like \"RSK-1\"");
  CHECK(import_error(edited(doc, "\"likelihood\":2,", "")) ==
        "import: x.json: $.records.risk[0]: missing field 'likelihood'");
  CHECK(import_error(edited(doc, "\"likelihood\":2", "\"level\":\"low\"")) ==
        "import: x.json: $.records.risk[0].level: unknown field 'level' of a risk");
  CHECK(import_error(edited(doc, "\"seq\":3", "\"seq\":true")) ==
        "import: x.json: $.journal[2].seq: expected a positive integer");
  CHECK(import_error(edited(doc, "\"records\":{", "\"records\":{\"x\":[],")) ==
        "import: x.json: $.records.x: unknown kind of record 'x'");
  CHECK(import_error(edited(doc, "\"counters\":{", "\"counters\":{\"staff\":1,")) ==
        "import: x.json: $.counters.staff: 'staff' is not a kind of record with numbered IDs");
  CHECK(import_error(doc + "{}").find("malformed JSON") != std::string::npos);
}

TEST_CASE("hash_from_hex reads what to_hex writes") {
  Hash h{};
  for (std::size_t i = 0; i < h.size(); ++i) {
    h[i] = static_cast<unsigned char>(i * 37);
  }
  CHECK(hash_from_hex(to_hex(h)) == h);
  std::string upper = to_hex(h);
  for (char& c : upper) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  CHECK(hash_from_hex(upper) == h);
  CHECK_FALSE(hash_from_hex(to_hex(h).substr(1)).has_value());
  CHECK_FALSE(hash_from_hex(std::string(63, '0') + "g").has_value());
}
