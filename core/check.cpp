#include "core/check.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "core/check_rules.h"
#include "core/error.h"

namespace cso {
namespace {

/// The number in a record key ("RSK-12" → 12), for ordering problems; 0 for other keys.
std::int64_t key_number(std::string_view key) {
  const auto dash = key.rfind('-');
  std::int64_t n = 0;
  for (std::size_t i = dash == std::string_view::npos ? key.size() : dash + 1; i < key.size(); ++i) {
    if (key[i] < '0' || key[i] > '9') {
      return 0;
    }
    n = n * 10 + (key[i] - '0');
  }
  return n;
}

void journal_integrity(const RuleContext& ctx, std::vector<Problem>& out) {
  if (auto problem = ctx.source.journal_problem()) {
    out.push_back(Problem{"journal.integrity", Severity::critical, "", "", *problem, std::nullopt});
  }
}

constexpr std::array<Rule, 1> k_journal_rules{{
    {"journal.integrity", "the journal's chain, or a record against it, does not verify (what 'cso verify' checks)",
     "CRITICAL", "", journal_integrity},
}};

/// Every rule, in the order of SPEC §5 (which is also the order problems are listed in).
const std::vector<Rule>& registry() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> all;
    for (const auto domain : {policy_rules(), risk_rules(), incident_rules(), finding_rules(), training_rules(),
                              staff_rules(), std::span<const Rule>(k_journal_rules)}) {
      all.insert(all.end(), domain.begin(), domain.end());
    }
    return all;
  }();
  return rules;
}

}  // namespace

std::string relative_days(std::int64_t days) {
  if (days == 0) {
    return "today";
  }
  const std::int64_t n = days < 0 ? -days : days;
  const std::string unit = n == 1 ? "day" : "days";
  return days > 0 ? fmt::format("in {} {}", n, unit) : fmt::format("{} {} ago", n, unit);
}

std::string dated_message(const DatePhrase& phrase, const std::string& date, std::int64_t days) {
  return fmt::format("{} {} ({})", days < 0 ? phrase.past : phrase.upcoming, date, relative_days(days));
}

void date_problem(const RuleContext& ctx, std::vector<Problem>& out, std::string_view rule, const KindDef& kind,
                  const Record& r, std::size_t title_field, const DatePhrase& what, const std::string& date,
                  std::optional<Severity> fixed) {
  const auto when = parse_stored(date);
  if (!when) {
    return;
  }
  const std::int64_t days = days_between(ctx.clock.now, *when);
  Problem p;
  p.rule = rule;
  p.severity = fixed.value_or(days < 0 ? Severity::critical : Severity::warning);
  p.id = display_key(kind, r);
  p.title = r.text(title_field);
  p.message = dated_message(what, date, days);
  p.due = date;
  out.push_back(std::move(p));
}

std::string warn_horizon(const RuleContext& ctx) {
  return format_date(add(ctx.clock.now, ctx.config.check_warn_within));
}

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::ok:
      return "OK";
    case Severity::warning:
      return "WARNING";
    case Severity::critical:
      return "CRITICAL";
  }
  return "UNKNOWN";
}

std::span<const Rule> all_rules() {
  return registry();
}

const Rule* find_rule(std::string_view id) {
  for (const auto& r : registry()) {
    if (r.id == id) {
      return &r;
    }
  }
  return nullptr;
}

CheckResult run_checks(CheckSource& source, const Config& config, const Clock& clock,
                       const std::vector<std::string>& only) {
  for (const auto& id : only) {
    if (!find_rule(id)) {
      std::string known;
      for (const auto& r : registry()) {
        known += known.empty() ? "" : ", ";
        known += r.id;
      }
      throw usage_error("--only: '{}' is not a check rule; use {}", id, known);
    }
  }
  CheckResult result;
  const RuleContext ctx{source, config, clock};
  const auto& rules = registry();
  for (const auto& rule : rules) {
    if (!only.empty() && std::find(only.begin(), only.end(), rule.id) == only.end()) {
      continue;
    }
    const auto setting = config.rule_severity.find(std::string(rule.id));
    const RuleSeverity forced = setting == config.rule_severity.end() ? RuleSeverity::default_ : setting->second;
    if (forced == RuleSeverity::off) {
      continue;
    }
    const std::size_t first = result.problems.size();
    rule.run(ctx, result.problems);
    for (std::size_t i = first; i < result.problems.size(); ++i) {
      if (forced == RuleSeverity::warning) {
        result.problems[i].severity = Severity::warning;
      } else if (forced == RuleSeverity::critical) {
        result.problems[i].severity = Severity::critical;
      }
    }
  }
  // Rules read unordered (a store reads them in its fastest order); order here instead:
  // severity, then rule (registry order), then record number.
  const auto rank = [&rules](const Problem& p) {
    const auto rule = std::find_if(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == p.rule; });
    return std::tuple(-static_cast<int>(p.severity), rule - rules.begin(), key_number(p.id));
  };
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [&](const Problem& a, const Problem& b) { return rank(a) < rank(b); });
  for (const auto& p : result.problems) {
    (p.severity == Severity::critical ? result.critical : result.warning) += 1;
    result.status = std::max(result.status, p.severity);
  }
  return result;
}

}  // namespace cso
