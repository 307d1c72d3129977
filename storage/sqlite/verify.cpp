#include "storage/sqlite/verify.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <openssl/rand.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstring>
#include <map>
#include <memory>
#include <unordered_map>

#include "core/kinds.h"
#include "storage/sqlite/background.h"
#include "storage/sqlite/journal.h"
#include "storage/sqlite/records.h"
#include "storage/sqlite/tally.h"

namespace cso::storage {
namespace {

using Digest = std::array<unsigned char, 16>;

/// What verify compares a record's state by: XXH3's 128 bits, seeded afresh in each process.
/// The journal's own links are SHA-256; this digest only tells two texts already read apart,
/// and it never leaves the process. Its job is to find a row edited outside cso: an edit that
/// kept its digest would have to be made knowing a seed drawn after the edit. (Whoever can
/// craft rows can rewrite the chain too; that is what comparing `verify`'s head with one kept
/// elsewhere finds.) SHA-256 here made `check` a sixth slower.
Digest digest_of(std::string_view text) {
  static const XXH64_hash_t seed = [] {
    XXH64_hash_t s = 0;
    if (RAND_bytes(reinterpret_cast<unsigned char*>(&s), sizeof s) != 1) {
      s = static_cast<XXH64_hash_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    }
    return s;
  }();
  const XXH128_hash_t h = XXH3_128bits_withSeed(text.data(), text.size(), seed);
  Digest d{};
  std::memcpy(d.data(), &h.low64, 8);
  std::memcpy(d.data() + 8, &h.high64, 8);
  return d;
}

/// A record's key as verify looks it up: a numbered kind's number, or the text key of a
/// kind without a prefix (a handle, a part).
struct Key {
  const KindDef* kind = nullptr;  ///< the numbered kind, or null for a text key
  std::int64_t number = 0;
  std::string text;

  std::string shown() const { return kind != nullptr ? display_id(*kind, number) : text; }
};

Key key_of(const KindDef& kind, const Record& r) {
  if (kind.prefix.empty()) {
    return Key{nullptr, 0, display_key(kind, r)};
  }
  return Key{&kind, r.integer(0), {}};
}

/// What the journal last said of a record: its data digest (nullopt once removed).
struct LastState {
  std::int64_t seq = 0;  ///< 0: the journal never named it; -1: matched to a live record
  std::optional<Digest> digest;
};

/// What the journal last said of each record. Numbered records live in an array per kind
/// (their numbers come from a counter, so they are dense); text keys, and numbers far beyond
/// the journal's length, in a hash map.
class JournalledStates {
 public:
  explicit JournalledStates(std::int64_t entries) : m_entries(entries) {}

  void journalled(const JournalEntry& e) {
    LastState& s = slot(e.record);
    s.seq = e.seq;
    s.digest = e.data ? std::optional<Digest>(digest_of(*e.data)) : std::nullopt;
  }

  /// The state of a live record's key, or null when the journal never named it.
  LastState* find(const Key& key) {
    if (key.kind != nullptr) {
      const auto it = m_numbered.find(key.kind);
      if (it != m_numbered.end() && key.number >= 0 && key.number < static_cast<std::int64_t>(it->second.size())) {
        LastState& s = it->second[static_cast<std::size_t>(key.number)];
        return s.seq != 0 ? &s : nullptr;
      }
    }
    const auto it = m_by_text.find(key.shown());
    return it == m_by_text.end() ? nullptr : &it->second;
  }

  /// Every record the journal says exists that no live record matched, by entry.
  std::vector<std::pair<std::int64_t, std::string>> unmatched() const {
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& [kind, states] : m_numbered) {
      for (std::size_t n = 0; n < states.size(); ++n) {
        if (states[n].digest && states[n].seq > 0) {
          out.emplace_back(states[n].seq, display_id(*kind, static_cast<std::int64_t>(n)));
        }
      }
    }
    for (const auto& [key, s] : m_by_text) {
      if (s.digest && s.seq > 0) {
        out.emplace_back(s.seq, key);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  LastState& slot(const std::string& record) {
    for (const KindDef* kind : all_kinds()) {
      const std::optional<std::int64_t> n = number_in(*kind, record);
      if (n && *n <= 2 * m_entries + 1024) {
        std::vector<LastState>& states = m_numbered[kind];
        if (states.size() <= static_cast<std::size_t>(*n)) {
          states.resize(std::max(static_cast<std::size_t>(*n) + 1, states.size() * 2));
        }
        return states[static_cast<std::size_t>(*n)];
      }
    }
    return m_by_text[record];
  }

  /// The number of `record` when it is exactly display_id(kind, n).
  static std::optional<std::int64_t> number_in(const KindDef& kind, std::string_view record) {
    const std::string_view prefix = kind.prefix;
    if (prefix.empty() || record.size() <= prefix.size() + 1 || record.substr(0, prefix.size()) != prefix ||
        record[prefix.size()] != '-') {
      return std::nullopt;
    }
    const std::string_view digits = record.substr(prefix.size() + 1);
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc{} || end != digits.data() + digits.size() || n < 0 || (digits[0] == '0' && digits.size() > 1)) {
      return std::nullopt;
    }
    return n;
  }

  std::int64_t m_entries;
  std::map<const KindDef*, std::vector<LastState>> m_numbered;
  std::unordered_map<std::string, LastState> m_by_text;
};

/// A live record as the record scan found it.
struct LiveRecord {
  const KindDef* kind = nullptr;
  Key key;
  Digest digest{};
};

using Counts = std::map<std::string, std::int64_t>;

/// Everything the record scan reads, in one snapshot: each live record's digest, in kind then
/// key order, and each tallied kind's counts as the records give them.
struct RecordScan {
  std::int64_t newest_entry = 0;  ///< the journal's newest seq in the scan's snapshot
  std::vector<LiveRecord> records;
  std::map<const KindDef*, Counts> counted;
};

std::int64_t newest_entry(Db& db) {
  return db.sql().execAndGet("SELECT coalesce(max(seq), 0) FROM journal").getInt64();
}

RecordScan scan_records(Db& db) {
  RecordScan scan;
  std::string json;
  scan.newest_entry = newest_entry(db);
  for (const KindDef* kind : all_kinds()) {
    Counts* counted = kind->tally_by.empty() ? nullptr : &scan.counted[kind];
    each(db, *kind, Query{}, [&](const Record& r) {
      json.clear();
      append_canonical_json(json, *kind, r);
      scan.records.push_back(LiveRecord{kind, key_of(*kind, r), digest_of(json)});
      if (counted != nullptr) {
        ++(*counted)[tally_key(*kind, r)];
      }
    });
  }
  return scan;
}

/// The record scan on a second connection to the same file, started at once: it reads while the
/// caller replays the chain. wait() returns a scan of the caller's own snapshot: when another
/// process committed between the two connections' first reads, the scan is redone on `db`.
class ParallelScan {
 public:
  ParallelScan(Db& db, Scan scan) : m_db(db), m_reader(scan == Scan::parallel ? db.second_reader() : nullptr) {
    if (m_reader) {
      m_worker.start([this] {
        const ReadSnapshot snapshot(*m_reader);
        m_scan = scan_records(*m_reader);
      });
    }
  }

  RecordScan wait(std::int64_t newest_replayed) {
    if (m_reader) {
      m_worker.wait();
      if (m_scan.newest_entry == newest_replayed) {
        return std::move(m_scan);
      }
    }
    return scan_records(m_db);
  }

 private:
  Db& m_db;
  std::unique_ptr<Db> m_reader;  ///< null for an in-memory database
  RecordScan m_scan;
  Background m_worker;  ///< declared last: destroyed (joined) first
};

/// Each live record against the journal's last state of it, then the records the journal says
/// exist but are gone.
void compare_records(const RecordScan& scan, JournalledStates& journalled, VerifyReport& report) {
  for (const LiveRecord& r : scan.records) {
    ++report.records;
    LastState* last = journalled.find(r.key);
    if (last == nullptr || !last->digest) {
      report.problems.push_back(
          fmt::format("{} {} exists but the journal has no record of it", r.kind->name, r.key.shown()));
      continue;
    }
    if (r.digest != *last->digest) {
      report.problems.push_back(
          fmt::format("{} {} differs from its last journalled state (entry {}): changed outside cso", r.kind->name,
                      r.key.shown(), last->seq));
    }
    last->digest.reset();
    last->seq = -1;
  }
  for (const auto& [seq, key] : journalled.unmatched()) {
    report.problems.push_back(fmt::format("{} is missing, but journal entry {} says it exists", key, seq));
  }
}

/// The counts kept for status against the records' own.
void compare_tallies(Db& db, const RecordScan& scan, VerifyReport& report) {
  for (const auto& [kind, counted] : scan.counted) {
    Counts kept;
    for (const auto& g : tally(db, *kind)) {
      kept[tally_key(g.values)] = g.count;
    }
    if (counted != kept) {
      report.problems.push_back(
          fmt::format("the {} counts kept for status differ from the {} records: rows were "
                      "added, removed or changed outside cso",
                      kind->name, kind->name));
    }
  }
}

}  // namespace

VerifyReport verify_all(Db& db, FileCheck file, Scan parallel) {
  ParallelScan scan(db, parallel);
  JournalledStates journalled(newest_entry(db));
  VerifyReport report = replay_chain(db, [&](const JournalEntry& e) { journalled.journalled(e); });
  if (!report.problems.empty()) {
    return report;
  }
  const RecordScan records = scan.wait(report.entries);
  compare_records(records, journalled, report);
  // Checked when the records themselves verified (otherwise a mismatch is only a consequence
  // of a problem already named).
  if (report.problems.empty()) {
    compare_tallies(db, records, report);
  }
  if (file == FileCheck::skip) {
    return report;
  }
  SQLite::Statement check(db.sql(), "PRAGMA integrity_check");
  while (check.executeStep()) {
    const std::string line = check.getColumn(0).getString();
    if (line != "ok") {
      report.problems.push_back("SQLite integrity check: " + line);
    }
  }
  return report;
}

}  // namespace cso::storage
