#include "storage/sqlite/journal.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

#include <cstring>

#include "core/json_text.h"
#include "storage/open.h"

namespace cso::storage {
namespace {

/// Assigns a text column into `out`, reusing its buffer (a replay reads 10^5 entries or more).
void assign_text(std::string& out, const SQLite::Column& c) {
  out.assign(static_cast<const char*>(c.getBlob()), static_cast<std::size_t>(c.getBytes()));
}

void assign_optional_text(std::optional<std::string>& out, const SQLite::Column& c) {
  if (c.isNull()) {
    out.reset();
  } else {
    assign_text(out.emplace(), c);
  }
}

/// Reads the current row of a k_select statement into `e`, reusing its strings.
void read_entry_into(SQLite::Statement& st, JournalEntry& e) {
  e.seq = st.getColumn(0).getInt64();
  assign_text(e.at, st.getColumn(1));
  assign_text(e.actor, st.getColumn(2));
  assign_text(e.action, st.getColumn(3));
  assign_text(e.record, st.getColumn(4));
  assign_optional_text(e.data, st.getColumn(5));
  assign_optional_text(e.note, st.getColumn(6));
  e.hash = Hash{};
  const SQLite::Column h = st.getColumn(7);
  if (h.getBytes() == static_cast<int>(e.hash.size())) {
    std::memcpy(e.hash.data(), h.getBlob(), e.hash.size());
  }
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

Hash entry_hash(const JournalEntry& e) {
  thread_local Sha256 sha;
  thread_local std::string text;
  text.clear();
  append_canonical_entry(text, e);
  return sha.digest(e.prev.data(), e.prev.size(), text);
}

std::string sha256_hex(std::string_view text) {
  return to_hex(sha256(text));
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
  JournalEntry e;
  while (st.executeStep()) {
    read_entry_into(st, e);
    e.prev = Hash{};
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

VerifyReport replay_chain(Db& db, const std::function<void(const JournalEntry&)>& seen) {
  VerifyReport report;
  SQLite::Statement st(db.sql(), std::string(k_select) + " FROM journal ORDER BY seq");
  Hash prev{};
  std::int64_t expected_seq = 1;
  JournalEntry e;
  while (st.executeStep()) {
    read_entry_into(st, e);
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

Hash sha256(std::string_view text) {
  thread_local Sha256 sha;
  return sha.digest(nullptr, 0, text);
}

}  // namespace cso::storage
