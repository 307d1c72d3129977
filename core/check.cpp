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

void journal_integrity(const RuleContext& ctx, Problems& out) {
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

void date_problem(const RuleContext& ctx, Problems& out, std::string_view rule, const KindDef& kind, const Record& r,
                  std::size_t title_field, const DatePhrase& what, const std::string& date,
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

void Problems::start_rule(std::size_t rule_index, std::optional<Severity> forced) {
  m_rule = rule_index;
  m_forced = forced;
}

void Problems::push_back(Problem p) {
  if (m_forced) {
    p.severity = *m_forced;
  }
  (p.severity == Severity::critical ? m_critical : m_warning) += 1;
  if (m_limit && *m_limit == 0) {
    return;
  }
  const std::int64_t number = key_number(p.id);
  m_kept.push_back(Ranked{-static_cast<int>(p.severity), m_rule, number, std::move(p)});
  if (m_limit && m_kept.size() >= 2 * *m_limit) {
    trim(*m_limit);
  }
}

// Rules read unordered (a store reads them in its fastest order); order here instead:
// severity, then rule (registry order), then record number.
void Problems::trim(std::size_t to) {
  std::stable_sort(m_kept.begin(), m_kept.end(), [](const Ranked& a, const Ranked& b) {
    return std::tie(a.severity, a.rule, a.number) < std::tie(b.severity, b.rule, b.number);
  });
  if (m_kept.size() > to) {
    m_kept.erase(m_kept.begin() + static_cast<std::ptrdiff_t>(to), m_kept.end());
  }
}

Problems::Kept Problems::finish() {
  trim(m_limit.value_or(m_kept.size()));
  Kept out;
  out.problems.reserve(m_kept.size());
  for (Ranked& r : m_kept) {
    out.problems.push_back(std::move(r.problem));
  }
  m_kept.clear();
  out.critical = m_critical;
  out.warning = m_warning;
  return out;
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
                       const std::vector<std::string>& only, std::optional<std::size_t> keep) {
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
  Problems found(keep);
  const RuleContext ctx{source, config, clock};
  const auto& rules = registry();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    if (!only.empty() && std::find(only.begin(), only.end(), rule.id) == only.end()) {
      continue;
    }
    const auto setting = config.rule_severity.find(std::string(rule.id));
    const RuleSeverity forced = setting == config.rule_severity.end() ? RuleSeverity::default_ : setting->second;
    if (forced == RuleSeverity::off) {
      continue;
    }
    found.start_rule(i, forced == RuleSeverity::warning    ? std::optional(Severity::warning)
                        : forced == RuleSeverity::critical ? std::optional(Severity::critical)
                                                           : std::nullopt);
    rule.run(ctx, found);
  }
  Problems::Kept kept = found.finish();
  CheckResult result;
  result.problems = std::move(kept.problems);
  result.critical = kept.critical;
  result.warning = kept.warning;
  result.status = kept.critical > 0 ? Severity::critical : kept.warning > 0 ? Severity::warning : Severity::ok;
  return result;
}

}  // namespace cso
