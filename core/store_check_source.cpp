#include "core/store_check_source.h"

namespace cso {

void StoreCheckSource::each(const KindDef& kind, const Query& q, const std::function<void(const Record&)>& fn) {
  m_store.each(kind, q, [&fn](Record& r) { fn(r); });
}

std::optional<std::string> StoreCheckSource::journal_problem() {
  const VerifyReport report = m_store.verify_journal();
  if (report.problems.empty()) {
    return std::nullopt;
  }
  return report.problems.front();
}

}  // namespace cso
