// `cso check`: read-only compliance checks with monitoring-plugin exit codes (SPEC §5),
// and `cso help checks`, which lists the rules with their settings.
#include "core/check.h"

#include <ostream>

#include "cli/commands.h"
#include "cli/commands/status_sections.h"
#include "cli/values.h"
#include "core/error.h"
#include "core/store_check_source.h"

namespace cso::cli {
namespace {

enum class CheckFormat { text, json };

CheckFormat check_format(const Context& ctx) {
  if (ctx.globals.json || ctx.globals.format == "json") {
    return CheckFormat::json;
  }
  if (ctx.globals.format.empty() || ctx.globals.format == "text") {
    return CheckFormat::text;
  }
  // check's own formats (SPEC §5: text|json), worded like every command's (cli/app.cpp).
  throw usage_error("--format {}: 'cso check' prints text or json", sanitize_cell(ctx.globals.format));
}

void print_text(Context& ctx, const CheckResult& r) {
  ctx.out << fmt::format("CSO {} - {} critical, {} warning | critical={};;;0 warning={};;;0\n", severity_name(r.status),
                         r.critical, r.warning, r.critical, r.warning);
  for (const auto& p : r.problems) {
    std::string line = fmt::format("{} {}", severity_name(p.severity), p.rule);
    if (!p.id.empty()) {
      line += " " + p.id;
    }
    if (!p.title.empty()) {
      line += " \"" + sanitize_cell(p.title) + "\"";
    }
    ctx.out << line << ' ' << sanitize_cell(p.message) << '\n';
  }
}

void print_json(Context& ctx, const CheckResult& r) {
  Json problems = Json::array();
  for (const auto& p : r.problems) {
    problems.push_back(problem_json(p));
  }
  Json out = {{"status", severity_name(r.status)},
              {"counts", {{"critical", r.critical}, {"warning", r.warning}}},
              {"problems", std::move(problems)}};
  write_json(ctx.out, select_keys(std::move(out), ctx.globals.fields, "cso check"), JsonLayout::pretty);
}

}  // namespace

Json problem_json(const Problem& p) {
  const auto text_or_null = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return {{"rule", p.rule},           {"severity", severity_name(p.severity)},
          {"id", text_or_null(p.id)}, {"title", text_or_null(p.title)},
          {"message", p.message},     {"due", p.due ? Json(*p.due) : Json(nullptr)}};
}

void setup_check(CLI::App& app, Context& ctx) {
  auto only = std::make_shared<TextOption>();
  CLI::App* check =
      add_command(app, "check", "compliance checks for cron; exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN");
  bind(check, *only, "--only", "only these rules (comma-separated ids; 'cso help checks' lists them)");
  check->callback([&ctx, only] {
    const CheckFormat format = check_format(ctx);
    std::vector<std::string> rules;
    if (only->given()) {
      rules = split_list(only->value, "--only");
    }
    const auto snapshot = ctx.store().read_snapshot();
    StoreCheckSource source(ctx.store());
    const CheckResult result = run_checks(source, ctx.config, ctx.clock, rules);
    format == CheckFormat::json ? print_json(ctx, result) : print_text(ctx, result);
    ctx.exit_status = static_cast<int>(result.status);
  });
}
}  // namespace cso::cli
