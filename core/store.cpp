#include "core/store.h"

#include "core/error.h"

namespace cso {

Record Reader::get_or_throw(const KindDef& kind, const Value& key) {
  auto r = get(kind, key);
  if (!r) {
    if (const auto* n = std::get_if<std::int64_t>(&key)) {
      throw not_found_error("no {} {}", kind.name, display_id(kind, *n));
    }
    throw not_found_error("no {} '{}'", kind.name, std::get<std::string>(key));
  }
  return std::move(*r);
}

std::vector<Record> Reader::all(const KindDef& kind, const Query& q) {
  std::vector<Record> out;
  each(kind, q, [&out](Record& r) { out.push_back(r); });
  return out;
}

}  // namespace cso
