#pragma once
// The database as the check engine's read-only source.
#include "core/check.h"
#include "storage/db.h"

namespace cso::storage {

class DbCheckSource final : public CheckSource {
 public:
  explicit DbCheckSource(Db& db) : m_db(db) {}
  void each(const KindDef& kind, const Query& q, const std::function<void(const Record&)>& fn) override;
  std::optional<std::string> journal_problem() override;

 private:
  Db& m_db;
};

}  // namespace cso::storage
