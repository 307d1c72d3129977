// Keys for shell completion (Store::keys). It runs on every TAB, so it reads only the key
// column, seeks through the key's index and stops at the limit: a numbered kind's IDs that
// begin with the digits typed are a few ranges of the integer key (1, 10..19, 100..199, …),
// a handle's prefix one range of the text key.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <cctype>
#include <limits>

#include "storage/sqlite/records.h"

namespace cso::storage {
namespace {

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

/// "RSK-" as typed ("rsk-", "Rsk-"), or "" when `typed` does not begin with the kind's prefix.
std::string_view typed_prefix(const KindDef& kind, std::string_view typed) {
  const std::size_t n = kind.prefix.size() + 1;
  if (typed.size() < n || typed[kind.prefix.size()] != '-') {
    return {};
  }
  for (std::size_t i = 0; i < kind.prefix.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(typed[i])) != kind.prefix[i]) {
      return {};
    }
  }
  return typed.substr(0, n);
}

std::vector<std::string> numbered_keys(Db& db, const KindDef& kind, std::string_view typed, std::size_t limit) {
  std::string shown = std::string(typed_prefix(kind, typed));
  std::string_view digits = typed.substr(shown.size());
  if (shown.empty() && (typed.empty() || !all_digits(typed))) {
    // Nothing typed, or the start of the prefix ("R", "rs"): every ID, written as "RSK-n".
    const std::string upper = std::string(kind.prefix) + "-";
    const bool starts_prefix =
        typed.size() <= kind.prefix.size() && std::equal(typed.begin(), typed.end(), upper.begin(), [](char a, char b) {
          return std::toupper(static_cast<unsigned char>(a)) == b;
        });
    if (!starts_prefix) {
      return {};
    }
    shown = std::string(typed) + upper.substr(typed.size());
    digits = {};
  }
  if (!all_digits(digits) || (!digits.empty() && digits.front() == '0') || digits.size() > 18) {
    return {};
  }
  const std::string key(kind.fields[0].name);
  const std::string table(kind.table);
  std::string sql = "SELECT " + key + " FROM " + table;
  std::vector<std::int64_t> bounds;
  if (!digits.empty()) {
    SQLite::Statement top(db.sql(), "SELECT max(" + key + ") FROM " + table);
    const std::int64_t max = top.executeStep() && !top.getColumn(0).isNull() ? top.getColumn(0).getInt64() : 0;
    std::int64_t low = std::stoll(std::string(digits));
    std::int64_t span = 1;
    while (low <= max) {
      bounds.push_back(low);
      bounds.push_back(low + span - 1);
      if (low > std::numeric_limits<std::int64_t>::max() / 10) {
        break;
      }
      low *= 10;
      span *= 10;
    }
    if (bounds.empty()) {
      return {};
    }
    for (std::size_t i = 0; i < bounds.size(); i += 2) {
      sql += (i == 0 ? " WHERE " : " OR ") + key + " BETWEEN ? AND ?";
    }
  }
  sql += " ORDER BY " + key + " LIMIT ?";
  SQLite::Statement st(db.sql(), sql);
  int index = 1;
  for (const std::int64_t b : bounds) {
    st.bind(index++, b);
  }
  st.bind(index, static_cast<std::int64_t>(limit));
  std::vector<std::string> out;
  while (st.executeStep()) {
    out.push_back(shown + std::to_string(st.getColumn(0).getInt64()));
  }
  return out;
}

std::vector<std::string> text_keys(Db& db, const KindDef& kind, std::string_view typed, std::size_t limit) {
  const std::string key(kind.fields[0].name);
  // Every text beginning with `typed` sorts at or after it and before it followed by 0xFF, a
  // byte UTF-8 never uses.
  SQLite::Statement st(db.sql(), "SELECT " + key + " FROM " + std::string(kind.table) + " WHERE " + key + " >= ? AND " +
                                     key + " < ? ORDER BY " + key + " LIMIT ?");
  st.bind(1, std::string(typed));
  st.bind(2, std::string(typed) + '\xff');
  st.bind(3, static_cast<std::int64_t>(limit));
  std::vector<std::string> out;
  while (st.executeStep()) {
    out.push_back(st.getColumn(0).getString());
  }
  return out;
}

}  // namespace

std::vector<std::string> keys(Db& db, const KindDef& kind, std::string_view prefix, std::size_t limit) {
  if (limit == 0) {
    return {};
  }
  return kind.prefix.empty() ? text_keys(db, kind, prefix, limit) : numbered_keys(db, kind, prefix, limit);
}

}  // namespace cso::storage
