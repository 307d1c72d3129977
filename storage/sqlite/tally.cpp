#include "storage/sqlite/tally.h"

#include <charconv>

namespace cso::storage {
namespace {

constexpr char k_separator = '\x1f';
constexpr std::string_view k_null = "\x1e";  ///< a null value (no text field holds this control character alone)

void append(std::string& key, const Value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) {
    key += std::to_string(*n);
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    key += *s;
  } else {
    key += k_null;
  }
}

}  // namespace

std::string tally_key(const std::vector<Value>& values) {
  std::string key;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) {
      key.push_back(k_separator);
    }
    append(key, values[i]);
  }
  return key;
}

std::string tally_key(const KindDef& kind, const Record& r) {
  std::string key;
  for (std::size_t i = 0; i < kind.tally_by.size(); ++i) {
    if (i > 0) {
      key.push_back(k_separator);
    }
    append(key, r.values[kind.tally_by[i]]);
  }
  return key;
}

std::vector<Value> tally_values(const KindDef& kind, const std::string& key) {
  std::vector<Value> out;
  std::size_t start = 0;
  for (const auto f : kind.tally_by) {
    const std::size_t end = std::min(key.find(k_separator, start), key.size());
    const std::string_view text(key.data() + start, end - start);
    std::int64_t n = 0;
    const bool integer = kind.fields[f].type == FieldType::integer &&
                         std::from_chars(text.data(), text.data() + text.size(), n).ptr == text.data() + text.size();
    if (text == k_null) {
      out.emplace_back();
    } else if (integer) {
      out.emplace_back(n);
    } else {
      out.emplace_back(std::string(text));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace cso::storage
