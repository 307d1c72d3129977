#pragma once
// The journal's entries as the domain sees them (SPEC §6): an append-only hash chain of every
// change. How entries are hashed and stored is the store's business (storage/).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cso {

using Hash = std::array<unsigned char, 32>;
/// 64 lowercase hex digits.
std::string to_hex(const Hash& h);
/// The hash whose to_hex is `hex` (64 hex digits, either case); nullopt for anything else.
std::optional<Hash> hash_from_hex(std::string_view hex);

struct JournalEntry {
  std::int64_t seq = 0;
  std::string at, actor, action, record;
  std::optional<std::string> data, note;
  Hash prev{}, hash{};
};

struct LogFilter {
  std::optional<std::string> record;  ///< exact record key ("RSK-12", a handle)
  bool with_parts = false;            ///< also the record's parts: "POL-3/v2" with "POL-3" (record.h)
  std::optional<std::string> since;   ///< entries at or after this RFC 3339 instant
  std::optional<std::string> before;  ///< entries before this RFC 3339 instant
  std::optional<std::string> actor;
  std::optional<std::string> action;  ///< "risk.assess", or "risk" for every risk.* action (any text)
  std::optional<std::int64_t> limit;  ///< the newest N
  bool newest_first = true;
};

struct VerifyReport {
  std::int64_t entries = 0;
  std::int64_t records = 0;
  std::optional<Hash> head;
  std::vector<std::string> problems;  ///< empty when everything verifies; first one first
};

}  // namespace cso
