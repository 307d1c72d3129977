// `cso status`: like `git status` for the program — counts per domain and what needs
// attention now (the check rules, without the journal replay), in one screen. The figures
// are core's (status::Overview); this file and the *_status.cpp sections render them.
#include "core/status.h"

#include <algorithm>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/status_sections.h"
#include "core/check.h"

namespace cso::cli {
namespace {

constexpr std::size_t k_attention_lines = 12;

Style severity_style(Severity s) {
  return s == Severity::critical ? Style::red : Style::yellow;
}

void print_json(Context& ctx, std::vector<StatusSection>& sections, const CheckResult& check) {
  Json out = {{"database", ctx.db_path()}, {"now", format_instant(ctx.clock.now)}};
  for (auto& s : sections) {
    if (!s.json_key.empty()) {
      out[s.json_key] = std::move(s.json);
    }
  }
  Json problems = Json::array();
  for (const auto& p : check.problems) {
    problems.push_back(problem_json(p));
  }
  out["attention"] = {{"status", severity_name(check.status)},
                      {"critical", check.critical},
                      {"warning", check.warning},
                      {"problems", std::move(problems)}};
  write_json(ctx.out, select_keys(std::move(out), ctx.globals.fields, "cso status"), JsonLayout::pretty);
}

}  // namespace

Json json_counts(const std::vector<std::pair<std::string, std::int64_t>>& items) {
  Json out = Json::object();
  for (const auto& [k, n] : items) {
    out[k] = n;
  }
  return out;
}

std::string text_counts(const std::vector<std::pair<std::string, std::int64_t>>& items) {
  std::string out;
  for (const auto& [k, n] : items) {
    out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, k);
  }
  return out;
}

void setup_status(CLI::App& app, Context& ctx) {
  CLI::App* status = add_command(app, "status", "what exists and what needs attention now");
  status->callback([&ctx] {
    const status::Overview overview = [&] {
      const auto snapshot = ctx.store().read_snapshot();
      return status::overview(ctx.store(), ctx.config, ctx.clock, k_status_lines);
    }();
    std::vector<StatusSection> sections{staff_status(overview.staff),       cert_status(ctx, overview.certifications),
                                        risk_status(overview.risks),        policy_status(ctx, overview.policies),
                                        training_status(overview.training), incident_status(ctx, overview.incidents),
                                        finding_status(overview.findings)};
    const CheckResult& check = overview.attention;
    if (ctx.output.format == Format::json) {
      print_json(ctx, sections, check);
      return;
    }
    const bool color = ctx.output.color;
    ctx.out << paint("cso status", Style::bold, color) << "  " << sanitize(ctx.db_path()) << "  ("
            << format_date(ctx.clock.now) << ")\n\n";
    std::size_t label_width = 0;
    for (const auto& s : sections) {
      for (const auto& line : s.lines) {
        label_width = std::max(label_width, display_width(line.first));
      }
    }
    for (const auto& s : sections) {
      for (const auto& [label, text] : s.lines) {
        ctx.out << "  " << padded(label, label_width) << ' ' << sanitize_cell(text) << '\n';
      }
    }
    ctx.out << '\n';
    if (check.problems.empty()) {
      ctx.out << paint("Nothing needs attention.", Style::green, color) << '\n';
      return;
    }
    ctx.out << paint(fmt::format("Needs attention: {} critical, {} warning", check.critical, check.warning),
                     Style::bold, color)
            << '\n';
    const std::size_t shown = std::min(check.problems.size(), k_attention_lines);
    std::size_t id_width = 0;
    for (std::size_t i = 0; i < shown; ++i) {
      id_width = std::max(id_width, display_width(sanitize_cell(check.problems[i].id)));
    }
    for (std::size_t i = 0; i < shown; ++i) {
      const Problem& p = check.problems[i];
      ctx.out << "  " << paint(padded(severity_name(p.severity), 8), severity_style(p.severity), color) << ' '
              << padded(sanitize_cell(p.id), id_width) << ' ' << sanitize_cell(p.title) << ": "
              << sanitize_cell(p.message) << '\n';
    }
    if (check.problems.size() > k_attention_lines) {
      ctx.out << fmt::format("  … and {} more; 'cso check' lists them all\n",
                             check.problems.size() - k_attention_lines);
    }
  });
}

}  // namespace cso::cli
