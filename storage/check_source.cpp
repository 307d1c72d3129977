#include "storage/check_source.h"

#include "storage/journal.h"
#include "storage/records.h"

namespace cso::storage {

void DbCheckSource::each(const KindDef& kind, const Query& q, const std::function<void(const Record&)>& fn) {
  storage::each(m_db, kind, q, [&fn](Record& r) { fn(r); });
}

std::optional<std::string> DbCheckSource::journal_problem() {
  const VerifyReport report = verify_chain(m_db);
  if (report.problems.empty()) {
    return std::nullopt;
  }
  return report.problems.front();
}

}  // namespace cso::storage
