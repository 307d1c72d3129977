#pragma once
// What the rule files (core/*_rules.cpp) share: each domain's rules as a span, in the order
// SPEC §5 lists them, and the helpers for the common shapes of problem.
#include "core/check.h"

namespace cso {

// One per domain, each in its own file; check.cpp lists them in SPEC order.
std::span<const Rule> policy_rules();    ///< core/policy_rules.cpp
std::span<const Rule> risk_rules();      ///< core/risk_rules.cpp
std::span<const Rule> incident_rules();  ///< core/incident_rules.cpp
std::span<const Rule> finding_rules();   ///< core/finding_rules.cpp
std::span<const Rule> training_rules();  ///< core/training_rules.cpp
std::span<const Rule> staff_rules();     ///< core/staff_rules.cpp

/// "today", "in 3 days", "1 day ago".
std::string relative_days(std::int64_t days);

/// What a dated problem says before its date and once it has passed: "acceptance expires" and
/// "acceptance expired". One phrase serves both when time does not change the words ("review due").
struct DatePhrase {
  DatePhrase(std::string_view both) : upcoming(both), past(both) {}     // NOLINT(google-explicit-constructor)
  DatePhrase(const char* both) : DatePhrase(std::string_view(both)) {}  // NOLINT(google-explicit-constructor)
  DatePhrase(std::string_view upcoming_, std::string_view past_) : upcoming(upcoming_), past(past_) {}
  std::string_view upcoming;  ///< today or later
  std::string_view past;
};

/// "<phrase> <date> (<relative>)", the phrase in the tense `days` (from today) gives it.
std::string dated_message(const DatePhrase& phrase, const std::string& date, std::int64_t days);

/// A problem about a stored date (or instant) that is near (WARNING) or past (CRITICAL), or of
/// the `fixed` severity: dated_message().
void date_problem(const RuleContext& ctx, Problems& out, std::string_view rule, const KindDef& kind, const Record& r,
                  std::size_t title_field, const DatePhrase& what, const std::string& date,
                  std::optional<Severity> fixed = std::nullopt);

/// now + check.warn_within as a stored date: dates on or before it are near or past.
std::string warn_horizon(const RuleContext& ctx);

}  // namespace cso
