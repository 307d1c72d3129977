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

/// Where rules put what they find (Rule::run). It counts every problem by severity (the rule's
/// configured severity applied); with a limit it keeps only the first `limit` in check order
/// (severity, then rule, then record number), so a summary of a large program stays small.
class Problems {
 public:
  explicit Problems(std::optional<std::size_t> limit = std::nullopt) : m_limit(limit) {}
  /// The rule whose problems follow, and the severity config forces on them (nullopt: its own).
  void start_rule(std::size_t rule_index, std::optional<Severity> forced);
  void push_back(Problem p);
  /// Every problem kept, in check order; the counts.
  struct Kept {
    std::vector<Problem> problems;
    int critical = 0, warning = 0;
  };
  Kept finish();

 private:
  struct Ranked {
    int severity;
    std::size_t rule;
    std::int64_t number;
    Problem problem;
  };
  void trim(std::size_t to);
  std::optional<std::size_t> m_limit;
  std::size_t m_rule = 0;
  std::optional<Severity> m_forced;
  std::vector<Ranked> m_kept;
  int m_critical = 0, m_warning = 0;
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
  void (*run)(const RuleContext&, Problems&);
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
/// then as each rule found them (by ID). With `keep`, the counts are of every problem but only
/// the first `keep` problems are returned.
CheckResult run_checks(CheckSource& source, const Config& config, const Clock& clock,
                       const std::vector<std::string>& only, std::optional<std::size_t> keep = std::nullopt);

}  // namespace cso
