#include "core/kinds.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/audit.h"
#include "core/cert.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/policy.h"
#include "core/risk.h"
#include "core/staff.h"
#include "core/training.h"

namespace cso {
namespace {

bool handle_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

/// Whether `key` has `shape` (KindDef::key_shape). Each placeholder takes as many characters
/// as it can: what follows one in a shape is always a '/', which none of them takes.
bool has_shape(std::string_view key, std::string_view shape) {
  std::size_t k = 0;
  std::size_t s = 0;
  while (s < shape.size()) {
    if (shape[s] != '{') {
      if (k == key.size() || key[k] != shape[s]) {
        return false;
      }
      ++k;
      ++s;
      continue;
    }
    const std::size_t close = shape.find('}', s);
    const std::string_view placeholder = shape.substr(s + 1, close - s - 1);
    s = close + 1;
    if (placeholder == "rest") {
      return k < key.size();
    }
    const std::size_t start = k;
    while (k < key.size() && (placeholder == "n" ? digit(key[k]) : handle_char(key[k]))) {
      ++k;
    }
    if (k == start) {
      return false;
    }
  }
  return k == key.size();
}

bool numbered_key(std::string_view key, std::string_view prefix) {
  return key.size() > prefix.size() + 1 && key.substr(0, prefix.size()) == prefix && key[prefix.size()] == '-' &&
         std::all_of(key.begin() + static_cast<std::ptrdiff_t>(prefix.size()) + 1, key.end(), digit);
}

}  // namespace

std::span<const KindDef* const> all_kinds() {
  static const std::array<const KindDef*, 12> k_kinds{
      &staff::kind(),      &cert::kind(),    &policy::kind(),           &policy_version::kind(),
      &policy_ack::kind(), &risk::kind(),    &incident::kind(),         &incident_event::kind(),
      &audit::kind(),      &finding::kind(), &training::course::kind(), &training::assignment::kind()};
  return k_kinds;
}

const KindDef* kind_of_key(std::string_view key) {
  for (const KindDef* k : all_kinds()) {
    const auto p = k->prefix;
    if (p.empty() || key.size() <= p.size() + 1 || key[p.size()] != '-') {
      continue;
    }
    bool same = true;
    for (std::size_t i = 0; i < p.size(); ++i) {
      same = same && std::toupper(static_cast<unsigned char>(key[i])) == p[i];
    }
    if (same) {
      return k;
    }
  }
  return nullptr;
}

const KindDef* kind_of_record(std::string_view key) {
  for (const KindDef* k : all_kinds()) {
    if (k->prefix.empty() ? has_shape(key, k->key_shape) : numbered_key(key, k->prefix)) {
      return k;
    }
  }
  return nullptr;
}

}  // namespace cso
