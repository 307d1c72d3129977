#pragma once
// The compliance check engine (`cso check`): a registry of rules, each reading records
// through a CheckSource and reporting Problems. Read-only by construction: a rule sees
// only the source's query functions. Later domains add their rules to k_rules.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/query.h"
#include "core/time.h"

namespace cso {

enum class Severity { ok = 0, warning = 1, critical = 2 };
std::string_view severity_name(Severity s);  ///< "OK", "WARNING", "CRITICAL"

struct Problem {
  std::string rule;
  Severity severity = Severity::warning;
  std::string id;       ///< record key ("RSK-3"); empty for program-wide problems
  std::string title;    ///< the record's title, quoted in text output
  std::string message;  ///< "review due 2026-10-01 (57 days ago)"
  std::optional<std::string> due;
};

/// What rules may read. storage/ implements it over the database.
class CheckSource {
 public:
  virtual ~CheckSource() = default;
  virtual void each(const KindDef& kind, const Query& q, const std::function<void(const Record&)>& fn) = 0;
  /// nullopt when the journal's hash chain verifies and every record matches its last
  /// journalled state (Store::verify_journal), else the first thing wrong.
  virtual std::optional<std::string> journal_problem() = 0;
};

struct RuleContext {
  CheckSource& source;
  const Config& config;
  const Clock& clock;
};

struct Rule {
  std::string_view id;
  std::string_view description;
  std::string_view severities;  ///< as documented: "WARNING near / CRITICAL past"
  std::string_view settings;    ///< the config keys it reads, for `cso help checks`
  void (*run)(const RuleContext&, std::vector<Problem>&);
};

std::span<const Rule> all_rules();
const Rule* find_rule(std::string_view id);

struct CheckResult {
  Severity status = Severity::ok;
  int critical = 0;
  int warning = 0;
  std::vector<Problem> problems;
};

/// Runs every enabled rule (or only `only`, each must exist: usage Error otherwise), applies
/// the configured severities, and orders problems by severity, then rule (in registry order),
/// then as each rule found them (by ID).
CheckResult run_checks(CheckSource& source, const Config& config, const Clock& clock,
                       const std::vector<std::string>& only);

}  // namespace cso
