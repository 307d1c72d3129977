#include "core/edit.h"

namespace cso {

void Changes::set(const KindDef& kind, std::size_t field, Value v) {
  for (auto& c : changes_) {
    if (c.kind == &kind && c.field == field) {
      c.value = std::move(v);
      return;
    }
  }
  changes_.push_back({&kind, field, std::move(v)});
}

const Value* Changes::find(const KindDef& kind, std::size_t field) const {
  for (const auto& c : changes_) {
    if (c.kind == &kind && c.field == field) {
      return &c.value;
    }
  }
  return nullptr;
}

std::optional<std::string> Changes::text(const KindDef& kind, std::size_t field) const {
  const Value* v = find(kind, field);
  if (v == nullptr || !std::holds_alternative<std::string>(*v)) {
    return std::nullopt;
  }
  return std::get<std::string>(*v);
}

void Changes::apply(const KindDef& kind, Record& r) const {
  for (const auto& c : changes_) {
    if (c.kind == &kind) {
      r.set(c.field, c.value);
    }
  }
}

}  // namespace cso
