#include "storage/sqlite/journal.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

#include "core/json_text.h"
#include "core/kinds.h"
#include "storage/open.h"
#include "storage/sqlite/records.h"
#include "storage/sqlite/sql_text.h"
#include "storage/sqlite/tally.h"

namespace cso::storage {
namespace {

JournalEntry read_entry(SQLite::Statement& st) {
  JournalEntry e;
  e.seq = st.getColumn(0).getInt64();
  e.at = st.getColumn(1).getString();
  e.actor = st.getColumn(2).getString();
  e.action = st.getColumn(3).getString();
  e.record = st.getColumn(4).getString();
  if (!st.getColumn(5).isNull()) {
    e.data = st.getColumn(5).getString();
  }
  if (!st.getColumn(6).isNull()) {
    e.note = st.getColumn(6).getString();
  }
  const SQLite::Column h = st.getColumn(7);
  if (h.getBytes() == static_cast<int>(e.hash.size())) {
    std::memcpy(e.hash.data(), h.getBlob(), e.hash.size());
  }
  return e;
}

constexpr const char* k_select = "SELECT seq, at, actor, action, record, data, note, hash";

}  // namespace

namespace {

void append_canonical_entry(std::string& out, const JournalEntry& e) {
  out += "{\"action\":";
  append_json_string(out, e.action);
  out += ",\"actor\":";
  append_json_string(out, e.actor);
  out += ",\"at\":";
  append_json_string(out, e.at);
  out += ",\"data\":";
  out += e.data ? *e.data : "null";
  out += ",\"note\":";
  if (e.note) {
    append_json_string(out, *e.note);
  } else {
    out += "null";
  }
  out += ",\"record\":";
  append_json_string(out, e.record);
  out += ",\"seq\":" + std::to_string(e.seq) + "}";
}

}  // namespace

std::string canonical_entry(const JournalEntry& e) {
  std::string out;
  append_canonical_entry(out, e);
  return out;
}

namespace {

/// SHA-256 with the algorithm fetched once (the one-shot SHA256() looks it up on every call,
/// which costs as much as hashing a journal entry).
class Sha256 {
 public:
  Sha256() : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr)), m_ctx(EVP_MD_CTX_new()) {}
  ~Sha256() {
    EVP_MD_CTX_free(m_ctx);
    EVP_MD_free(m_md);
  }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Hash digest(const unsigned char* first, std::size_t first_size, std::string_view second) {
    Hash h{};
    unsigned int size = 0;
    EVP_DigestInit_ex(m_ctx, m_md, nullptr);
    EVP_DigestUpdate(m_ctx, first, first_size);
    EVP_DigestUpdate(m_ctx, second.data(), second.size());
    EVP_DigestFinal_ex(m_ctx, h.data(), &size);
    return h;
  }

 private:
  EVP_MD* m_md;
  EVP_MD_CTX* m_ctx;
};

}  // namespace

namespace {

using Digest = std::array<unsigned char, 16>;

/// What verify compares a record's state by: the first half of its SHA-256.
Digest digest_of(std::string_view text) {
  thread_local Sha256 sha;
  const Hash full = sha.digest(nullptr, 0, text);
  Digest d{};
  std::memcpy(d.data(), full.data(), d.size());
  return d;
}

/// What the journal last said of each record: its data digest (nullopt once removed).
struct LastState {
  std::int64_t seq = 0;
  std::optional<Digest> digest;
};

}  // namespace

Hash entry_hash(const JournalEntry& e) {
  thread_local Sha256 sha;
  thread_local std::string text;
  text.clear();
  append_canonical_entry(text, e);
  return sha.digest(e.prev.data(), e.prev.size(), text);
}

std::string sha256_hex(std::string_view text) {
  thread_local Sha256 sha;
  return to_hex(sha.digest(nullptr, 0, text));
}

void each_entry(Db& db, const LogFilter& f, const std::function<void(const JournalEntry&)>& fn) {
  std::string where;
  std::vector<std::string> params;
  const auto add = [&](const std::string& clause, std::initializer_list<std::string> values) {
    where += where.empty() ? " WHERE " : " AND ";
    where += clause;
    params.insert(params.end(), values);
  };
  if (f.record && f.with_parts) {
    // "POL-3" and its parts "POL-3/…": the keys between "POL-3/" and "POL-30" ('0' follows '/').
    add("(record = ? OR (record > ? AND record < ?))", {*f.record, *f.record + "/", *f.record + "0"});
  } else if (f.record) {
    add("record = ?", {*f.record});
  }
  if (f.since) {
    add("at >= ?", {*f.since});
  }
  if (f.before) {
    add("at < ?", {*f.before});
  }
  if (f.actor) {
    add("actor = ?", {*f.actor});
  }
  if (f.action) {
    // "risk" also matches every "risk.*": the names between "risk." and "risk/" ('/' follows '.').
    add("(action = ? OR (action > ? AND action < ?))", {*f.action, *f.action + ".", *f.action + "/"});
  }
  std::string sql = std::string(k_select) +
                    ", (SELECT hash FROM journal p WHERE p.seq = journal.seq - 1) AS prev FROM journal" + where +
                    " ORDER BY seq DESC";
  if (f.limit) {
    sql += " LIMIT ?";
  }
  if (!f.newest_first) {
    sql = "SELECT * FROM (" + sql + ") ORDER BY seq ASC";
  }
  SQLite::Statement st(db.sql(), sql);
  for (std::size_t i = 0; i < params.size(); ++i) {
    st.bind(static_cast<int>(i + 1), params[i]);
  }
  if (f.limit) {
    st.bind(static_cast<int>(params.size() + 1), static_cast<std::int64_t>(*f.limit));
  }
  while (st.executeStep()) {
    JournalEntry e = read_entry(st);
    const SQLite::Column prev = st.getColumn(8);
    if (prev.getBytes() == static_cast<int>(e.prev.size())) {
      std::memcpy(e.prev.data(), prev.getBlob(), e.prev.size());
    }
    fn(e);
  }
}

std::optional<Hash> journal_head(Db& db) {
  std::optional<Hash> head;
  LogFilter f;
  f.limit = 1;
  each_entry(db, f, [&](const JournalEntry& e) { head = e.hash; });
  return head;
}

namespace {

/// Replays the chain, calling `seen` for each entry that verifies.
VerifyReport replay(Db& db, const std::function<void(const JournalEntry&)>& seen) {
  VerifyReport report;
  SQLite::Statement st(db.sql(), std::string(k_select) + " FROM journal ORDER BY seq");
  Hash prev{};
  std::int64_t expected_seq = 1;
  while (st.executeStep()) {
    JournalEntry e = read_entry(st);
    if (e.seq != expected_seq) {
      report.problems.push_back(fmt::format("journal entry {} is missing (the next entry is {})", expected_seq, e.seq));
      return report;
    }
    e.prev = prev;
    if (entry_hash(e) != e.hash) {
      report.problems.push_back(
          fmt::format("journal entry {} ({} {}) does not match its hash: it was edited, or an "
                      "entry before it was removed or reordered",
                      e.seq, e.action, e.record));
      return report;
    }
    seen(e);
    prev = e.hash;
    ++expected_seq;
    ++report.entries;
    report.head = e.hash;
  }
  return report;
}

}  // namespace

VerifyReport verify_chain(Db& db) {
  return replay(db, [](const JournalEntry&) {});
}

VerifyReport verify_all(Db& db, FileCheck file) {
  std::unordered_map<std::string, LastState> last;
  VerifyReport report = replay(db, [&](const JournalEntry& e) {
    LastState& s = last[e.record];
    s.seq = e.seq;
    s.digest = e.data ? std::optional<Digest>(digest_of(*e.data)) : std::nullopt;
  });
  if (!report.problems.empty()) {
    return report;
  }
  for (const KindDef* kind : all_kinds()) {
    each(db, *kind, Query{}, [&](const Record& r) {
      ++report.records;
      const std::string key = display_key(*kind, r);
      const auto it = last.find(key);
      if (it == last.end() || !it->second.digest) {
        report.problems.push_back(fmt::format("{} {} exists but the journal has no record of it", kind->name, key));
        return;
      }
      if (digest_of(canonical_json(*kind, r)) != *it->second.digest) {
        report.problems.push_back(
            fmt::format("{} {} differs from its last journalled state (entry {}): changed outside cso", kind->name, key,
                        it->second.seq));
      }
      it->second.digest.reset();
      it->second.seq = -1;
    });
  }
  std::vector<std::pair<std::int64_t, std::string>> missing;
  for (const auto& [key, state] : last) {
    if (state.digest && state.seq >= 0) {
      missing.emplace_back(state.seq, key);
    }
  }
  std::sort(missing.begin(), missing.end());
  for (const auto& [seq, key] : missing) {
    report.problems.push_back(fmt::format("{} is missing, but journal entry {} says it exists", key, seq));
  }
  // The counts kept for status: checked when the records themselves verified (otherwise the
  // mismatch is only a consequence of a problem already named).
  for (const KindDef* kind : all_kinds()) {
    if (kind->tally_by.empty() || !report.problems.empty()) {
      continue;
    }
    std::map<std::string, std::int64_t> counted;
    for (const auto& g : count_by(db, *kind, {kind->tally_by.begin(), kind->tally_by.end()})) {
      counted[tally_key(g.values)] = g.count;
    }
    std::map<std::string, std::int64_t> kept;
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
