#pragma once
// A store as the check engine's read-only source.
#include "core/check.h"
#include "core/store.h"

namespace cso {

class StoreCheckSource final : public CheckSource {
 public:
  explicit StoreCheckSource(Store& store) : m_store(store) {}
  void each(const KindDef& kind, const Query& q, const std::function<void(const Record&)>& fn) override;
  std::optional<std::string> journal_problem() override;

 private:
  Store& m_store;
};

}  // namespace cso
