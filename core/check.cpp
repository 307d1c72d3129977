#include "core/check.h"

#include "core/error.h"
#include "core/risk.h"

#include <algorithm>
#include <array>
#include <tuple>

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

/// "today", "in 3 days", "1 day ago".
std::string relative_days(std::int64_t days) {
  if (days == 0) {
    return "today";
  }
  const std::int64_t n = days < 0 ? -days : days;
  const std::string unit = n == 1 ? "day" : "days";
  return days > 0 ? fmt::format("in {} {}", n, unit) : fmt::format("{} {} ago", n, unit);
}

/// A problem about a date that is near (WARNING) or past (CRITICAL).
void date_problem(const RuleContext& ctx, std::vector<Problem>& out, std::string_view rule, const KindDef& kind,
                  const Record& r, std::size_t title_field, std::string_view what, const std::string& date,
                  std::optional<Severity> fixed = std::nullopt) {
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
  p.message = fmt::format("{} {} ({})", what, date, relative_days(days));
  p.due = date;
  out.push_back(std::move(p));
}

std::string warn_horizon(const RuleContext& ctx) { return format_date(add(ctx.clock.now, ctx.config.check_warn_within)); }

void risk_review_overdue(const RuleContext& ctx, std::vector<Problem>& out) {
  Query q;
  q.unordered = true;
  // Each status not closed by name, so SQLite can range over (status, next_review) in the index.
  q.where.push_back({risk::status, Op::in, {std::string("open"), std::string("treating"), std::string("accepted")}, {}});
  q.where.push_back({risk::next_review, Op::le, {warn_horizon(ctx)}, {}});
  ctx.source.each(risk::kind(), q, [&](const Record& r) {
    date_problem(ctx, out, "risk.review_overdue", risk::kind(), r, risk::title, "review due", r.text(risk::next_review));
  });
}

void risk_acceptance_expired(const RuleContext& ctx, std::vector<Problem>& out) {
  Query q;
  q.unordered = true;
  q.where.push_back({risk::status, Op::eq, {std::string("accepted")}, {}});
  q.where.push_back({risk::accepted_until, Op::le, {warn_horizon(ctx)}, {}});
  ctx.source.each(risk::kind(), q, [&](const Record& r) {
    date_problem(ctx, out, "risk.acceptance_expired", risk::kind(), r, risk::title, "acceptance expires",
                 r.text(risk::accepted_until));
  });
}

void risk_untreated(const RuleContext& ctx, std::vector<Problem>& out) {
  Query q;
  q.unordered = true;
  q.where.push_back({risk::status, Op::eq, {std::string("open")}, {}});
  q.where.push_back({risk::score, Op::ge, {ctx.config.risk_bands.high}, {}});
  q.where.push_back({risk::created, Op::le, {format_instant(subtract(ctx.clock.now, ctx.config.risk_treat_within))}, {}});
  ctx.source.each(risk::kind(), q, [&](const Record& r) {
    const auto level = risk::level_of(r.integer(risk::score), ctx.config.risk_bands);
    const auto created = parse_stored(r.text(risk::created)).value_or(ctx.clock.now);
    Problem p;
    p.rule = "risk.untreated";
    p.severity = level == "critical" ? Severity::critical : Severity::warning;
    p.id = display_key(risk::kind(), r);
    p.title = r.text(risk::title);
    p.message = fmt::format("{} risk (score {}) open without treatment for {} days", level, r.integer(risk::score),
                            days_between(created, ctx.clock.now));
    out.push_back(std::move(p));
  });
}

void risk_treatment_overdue(const RuleContext& ctx, std::vector<Problem>& out) {
  Query q;
  q.unordered = true;
  q.where.push_back({risk::status, Op::eq, {std::string("treating")}, {}});
  q.where.push_back({risk::due, Op::lt, {format_date(ctx.clock.now)}, {}});
  ctx.source.each(risk::kind(), q, [&](const Record& r) {
    date_problem(ctx, out, "risk.treatment_overdue", risk::kind(), r, risk::title, "treatment due", r.text(risk::due),
                 Severity::warning);
  });
}

void journal_integrity(const RuleContext& ctx, std::vector<Problem>& out) {
  if (auto problem = ctx.source.journal_problem()) {
    out.push_back(Problem{"journal.integrity", Severity::critical, "", "", *problem, std::nullopt});
  }
}

constexpr std::array<Rule, 5> k_rules{{
    {"risk.review_overdue", "a risk not closed has its next_review near or past", "WARNING near / CRITICAL past",
     "check.warn_within", risk_review_overdue},
    {"risk.acceptance_expired", "an accepted risk's accepted_until is near or past", "WARNING near / CRITICAL past",
     "check.warn_within", risk_acceptance_expired},
    {"risk.untreated", "an open high or critical risk has had no treatment for risk.treat_within",
     "WARNING high / CRITICAL critical", "risk.treat_within, risk.bands", risk_untreated},
    {"risk.treatment_overdue", "a risk in treatment is past its due date", "WARNING", "", risk_treatment_overdue},
    {"journal.integrity", "the journal's hash chain does not verify", "CRITICAL", "", journal_integrity},
}};

}  // namespace

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::ok: return "OK";
    case Severity::warning: return "WARNING";
    case Severity::critical: return "CRITICAL";
  }
  return "UNKNOWN";
}

std::span<const Rule> all_rules() { return k_rules; }

const Rule* find_rule(std::string_view id) {
  for (const auto& r : k_rules) {
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
      for (const auto& r : k_rules) {
        known += known.empty() ? "" : ", ";
        known += r.id;
      }
      throw usage_error("--only: '{}' is not a check rule; use {}", id, known);
    }
  }
  CheckResult result;
  const RuleContext ctx{source, config, clock};
  for (const auto& rule : k_rules) {
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
  // Rules query without ORDER BY (so SQLite can use the date indexes); order here instead:
  // severity, then rule (registry order), then record number.
  const auto rank = [](const Problem& p) {
    const auto rule = std::find_if(k_rules.begin(), k_rules.end(), [&](const Rule& r) { return r.id == p.rule; });
    return std::tuple(-static_cast<int>(p.severity), rule - k_rules.begin(), key_number(p.id));
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
