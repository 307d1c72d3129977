// Store::keys (storage/sqlite/keys.cpp): the keys shell completion offers.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/risk.h"
#include "core/staff.h"
#include "storage/open.h"

using namespace cso;
using namespace std::string_literals;
using Keys = std::vector<std::string>;

namespace {

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z

std::unique_ptr<Store> store_with(int risks, const std::vector<std::string>& handles) {
  auto store = storage::in_memory_store();
  auto tx = store->begin(Actor{"alice", k_t});
  for (const auto& h : handles) {
    Record s = empty_record(staff::kind());
    s.set(staff::handle, h);
    s.set(staff::name, "Someone"s);
    s.set(staff::status, "active"s);
    tx->insert(staff::kind(), s, "staff.add");
  }
  for (int i = 0; i < risks; ++i) {
    risk::NewRisk n;
    n.title = "risk";
    n.likelihood = 1;
    n.impact = 1;
    Record r = risk::make(n, Config{}, Clock{k_t});
    tx->insert(risk::kind(), r, "risk.add");
  }
  tx->commit();
  return store;
}

}  // namespace

TEST_CASE("keys: numbered IDs by the digits typed, in the form typed") {
  auto store = store_with(123, {});
  CHECK(store->keys(risk::kind(), "", 3) == Keys{"RSK-1", "RSK-2", "RSK-3"});
  CHECK(store->keys(risk::kind(), "RSK-12", 100) == Keys{"RSK-12", "RSK-120", "RSK-121", "RSK-122", "RSK-123"});
  CHECK(store->keys(risk::kind(), "rsk-9", 100) == Keys{"rsk-9", "rsk-90", "rsk-91", "rsk-92", "rsk-93", "rsk-94",
                                                        "rsk-95", "rsk-96", "rsk-97", "rsk-98", "rsk-99"});
  CHECK(store->keys(risk::kind(), "11", 3) == Keys{"11", "110", "111"});
  CHECK(store->keys(risk::kind(), "R", 2) == Keys{"RSK-1", "RSK-2"});
  CHECK(store->keys(risk::kind(), "RSK-", 1) == Keys{"RSK-1"});
  CHECK(store->keys(risk::kind(), "RSK-124", 10).empty());
  CHECK(store->keys(risk::kind(), "RSK-0", 10).empty());
  CHECK(store->keys(risk::kind(), "INC-1", 10).empty());
  CHECK(store->keys(risk::kind(), "RSK-1x", 10).empty());
  CHECK(store->keys(risk::kind(), "RSK-99999999999999999999", 10).empty());
  CHECK(store->keys(risk::kind(), "", 0).empty());
}

TEST_CASE("keys: handles by prefix") {
  auto store = store_with(0, {"bob", "alice", "al.x", "carol"});
  CHECK(store->keys(staff::kind(), "", 10) == Keys{"al.x", "alice", "bob", "carol"});
  CHECK(store->keys(staff::kind(), "al", 10) == Keys{"al.x", "alice"});
  CHECK(store->keys(staff::kind(), "ali", 10) == Keys{"alice"});
  CHECK(store->keys(staff::kind(), "%", 10).empty());
  CHECK(store->keys(staff::kind(), "", 1) == Keys{"al.x"});
}
