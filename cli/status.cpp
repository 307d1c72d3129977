// `cso status`: like `git status` for the program — counts per domain and what needs
// attention now (the check rules, without the journal replay), in one screen.
#include "cli/commands.h"
#include "core/check.h"
#include "core/risk.h"
#include "core/staff.h"
#include "storage/check_source.h"

#include <ostream>

namespace cso::cli {
namespace {

constexpr std::size_t k_attention_lines = 12;

struct Counts {
  std::vector<std::pair<std::string, std::int64_t>> items;
  std::int64_t total = 0;
};

/// Counts per value of the kind's first tally field, in the order of `values` (values with no
/// record count 0).
Counts counts(Context& ctx, const KindDef& kind, const std::vector<std::string>& values) {
  const auto found = storage::tally(ctx.db(), kind);
  Counts c;
  for (const auto& v : values) {
    std::int64_t n = 0;
    for (const auto& g : found) {
      n += g.values[0] == Value{v} ? g.count : 0;
    }
    c.items.emplace_back(v, n);
    c.total += n;
  }
  return c;
}

/// Risks per status, and those not closed per level, from the counts kept by status and score.
std::pair<Counts, Counts> risk_counts(Context& ctx) {
  const auto groups = storage::tally(ctx.db(), risk::kind());
  Counts by_status;
  for (const auto* status : {"open", "treating", "accepted", "closed"}) {
    by_status.items.emplace_back(status, 0);
  }
  Counts by_level;
  for (const auto* level : {"critical", "high", "medium", "low"}) {
    by_level.items.emplace_back(level, 0);
  }
  for (const auto& g : groups) {
    const std::string status = std::holds_alternative<std::string>(g.values[0]) ? std::get<std::string>(g.values[0]) : "";
    for (auto& [name, n] : by_status.items) {
      n += name == status ? g.count : 0;
    }
    by_status.total += g.count;
    const auto* score = std::get_if<std::int64_t>(&g.values[1]);
    if (status == "closed" || score == nullptr) {
      continue;
    }
    for (auto& [name, n] : by_level.items) {
      n += risk::level_of(*score, ctx.config.risk_bands) == name ? g.count : 0;
    }
    by_level.total += g.count;
  }
  return {by_status, by_level};
}

std::string json_counts(const Counts& c) {
  std::string out = "{";
  for (const auto& [k, n] : c.items) {
    out += fmt::format("{}\"{}\": {}", out.size() > 1 ? ", " : "", k, n);
  }
  return out + "}";
}

std::string text_counts(const Counts& c) {
  std::string out;
  for (const auto& [k, n] : c.items) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, k);
  }
  return out;
}

CheckResult attention(Context& ctx) {
  std::vector<std::string> rules;
  for (const Rule& r : all_rules()) {
    if (r.id != "journal.integrity") {
      rules.emplace_back(r.id);
    }
  }
  storage::DbCheckSource source(ctx.db());
  return run_checks(source, ctx.config, ctx.clock, rules);
}

Style severity_style(Severity s) { return s == Severity::critical ? Style::red : Style::yellow; }

}  // namespace

void setup_status(CLI::App& app, Context& ctx) {
  CLI::App* status = add_command(app, "status", "what exists and what needs attention now");
  status->callback([&ctx] {
    storage::ReadSnapshot snapshot(ctx.db());
    const Counts people = counts(ctx, staff::kind(), {"active", "inactive"});
    const auto [risks, levels] = risk_counts(ctx);
    const CheckResult check = attention(ctx);
    if (ctx.output.format != Format::table) {
      std::string problems;
      for (const auto& p : check.problems) {
        problems += fmt::format(
            "{}{{\"rule\": {}, \"severity\": \"{}\", \"id\": {}, \"title\": {}, \"message\": {}, \"due\": {}}}",
            problems.empty() ? "" : ", ", json_value(Value{p.rule}), severity_name(p.severity),
            p.id.empty() ? "null" : json_value(Value{p.id}), p.title.empty() ? "null" : json_value(Value{p.title}),
            json_value(Value{p.message}), p.due ? json_value(Value{*p.due}) : "null");
      }
      ctx.out << fmt::format(
          "{{\"database\": {}, \"now\": \"{}\", \"staff\": {}, \"risks\": {{\"total\": {}, \"by_status\": {}, "
          "\"by_level\": {}}}, \"attention\": {{\"status\": \"{}\", \"critical\": {}, \"warning\": {}, "
          "\"problems\": [{}]}}}}\n",
          json_value(Value{ctx.db_path()}), format_instant(ctx.clock.now), json_counts(people), risks.total,
          json_counts(risks), json_counts(levels), severity_name(check.status), check.critical, check.warning,
          problems);
      return;
    }
    const bool color = ctx.output.color;
    ctx.out << paint("cso status", Style::bold, color) << "  " << sanitize(ctx.db_path()) << "  ("
            << format_date(ctx.clock.now) << ")\n\n";
    ctx.out << fmt::format("  {:<8} {} active, {} inactive\n", "staff", people.items[0].second, people.items[1].second);
    ctx.out << fmt::format("  {:<8} {} in all: {}\n", "risks", risks.total, text_counts(risks));
    ctx.out << fmt::format("  {:<8} not closed by level: {}\n\n", "", text_counts(levels));
    if (check.problems.empty()) {
      ctx.out << paint("Nothing needs attention.", Style::green, color) << '\n';
      return;
    }
    ctx.out << paint(fmt::format("Needs attention: {} critical, {} warning", check.critical, check.warning), Style::bold,
                     color)
            << '\n';
    for (std::size_t i = 0; i < check.problems.size() && i < k_attention_lines; ++i) {
      const Problem& p = check.problems[i];
      ctx.out << "  " << paint(fmt::format("{:<8}", severity_name(p.severity)), severity_style(p.severity), color) << ' '
              << fmt::format("{:<8}", p.id) << ' ' << sanitize_cell(p.title) << ": " << sanitize_cell(p.message) << '\n';
    }
    if (check.problems.size() > k_attention_lines) {
      ctx.out << fmt::format("  … and {} more; 'cso check' lists them all\n", check.problems.size() - k_attention_lines);
    }
  });
}

}  // namespace cso::cli
