// `cso report NAME [ID]` and `cso report list` (SPEC §5 report): a built-in report's data,
// rendered through the template found for the format, to stdout or atomically to --output.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/atomic_file.h"
#include "cli/commands.h"
#include "cli/completion_tree.h"
#include "cli/report_charts.h"
#include "cli/report_pdf.h"
#include "cli/templates.h"
#include "cli/values.h"
#include "core/error.h"
#include "core/reports.h"

namespace cso::cli {
namespace {

constexpr std::string_view k_formats = "md, html, txt, csv, json or pdf";
constexpr Duration k_default_period{90, 'd'};

struct ReportOptions {
  std::string name;
  std::string id;
  TextOption output, since;
  bool data = false;
};

Templates templates_of(const Context& ctx) {
  std::vector<std::string> dirs;
  if (ctx.workspace()) {
    dirs.push_back(*ctx.workspace() + "/templates");
  }
  dirs.push_back(ctx.user_config_dir() + "/templates");
  return Templates(std::move(dirs));
}

/// --format as given (--json is json), else the --output file's extension, else md.
std::string report_format(const Context& ctx, const ReportOptions& o) {
  std::string format = ctx.globals.json ? "json" : ctx.globals.format;
  if (format.empty() && o.output.given()) {
    const auto dot = o.output.value.rfind('.');
    const std::string extension = dot == std::string::npos ? "" : o.output.value.substr(dot + 1);
    if (is_template_format(extension) || extension == "json" || extension == "pdf") {
      format = extension;
    }
  }
  if (format.empty()) {
    format = "md";
  }
  if (!is_template_format(format) && format != "json" && format != "pdf") {
    throw usage_error("--format {}: 'cso report' prints {}", sanitize_cell(format), k_formats);
  }
  return format;
}

Json json_of(const Data& d) {
  if (const auto* text = d.text()) {
    return *text;
  }
  if (const auto* n = d.integer()) {
    return *n;
  }
  if (const auto* flag = d.flag()) {
    return *flag;
  }
  if (const auto* items = d.list()) {
    Json out = Json::array();
    for (const Data& item : *items) {
      out.push_back(json_of(item));
    }
    return out;
  }
  if (const auto* members = d.members()) {
    Json out = Json::object();
    for (const auto& [key, value] : *members) {
      out[key] = json_of(value);
    }
    return out;
  }
  return nullptr;
}

Data report_data(Context& ctx, const ReportDef& def, const ReportOptions& o) {
  if (def.id_kind.empty() && !o.id.empty()) {
    throw usage_error("'cso report {}' takes no ID (it covers the whole program), but '{}' was given", def.name,
                      sanitize_cell(o.id));
  }
  if (!def.id_kind.empty() && o.id.empty()) {
    throw usage_error("'cso report {}' needs the ID of the {} it is about", def.name, def.id_kind);
  }
  const Instant since =
      o.since.given() ? parse_since(o.since.value, ctx.clock, "--since") : subtract(ctx.clock.now, k_default_period);
  if (since > ctx.clock.now) {
    throw usage_error("--since: {} is in the future; the period ends now", o.since.value);
  }
  Store& store = ctx.store();
  const auto snapshot = store.read_snapshot();
  ReportInput in{store, ctx.config, ctx.clock, since, o.id.empty() ? std::nullopt : std::optional(o.id)};
  return def.build(in);
}

std::string rendered(Context& ctx, const ReportDef& def, const Data& data, const std::string& format) {
  const Templates templates = templates_of(ctx);
  const std::string template_format = format == "pdf" ? "html" : format;
  const auto file = templates.find(def.name, template_format);
  if (!file) {
    throw usage_error(
        "--format {}: there is no {} template for '{}' (looked for {}.{}.mustache in "
        ".cso/templates/, {}/templates/ and the built-in set; cso report list shows what there is)",
        format, template_format, def.name, def.name, template_format, ctx.user_config_dir());
  }
  return render_template(templates, *file, template_format == "html" ? with_charts(data) : data, template_format);
}

void run_report(Context& ctx, const ReportOptions& o) {
  const ReportDef& def = find_report(o.name);
  const std::string format = report_format(ctx, o);
  if (format == "pdf" && !o.data && !o.output.given()) {
    throw usage_error("--format pdf: give --output FILE.pdf (a PDF is not written to a terminal)");
  }
  const Data data = report_data(ctx, def, o);
  if (o.data || format == "json") {
    const std::string text = json_text(json_of(data), JsonLayout::pretty) + "\n";
    o.output.given() ? write_file_atomically(o.output.value, text, "--output") : void(ctx.out << text);
    return;
  }
  const std::string text = rendered(ctx, def, data, format);
  if (format == "pdf") {
    produce_file_atomically(o.output.value, "--output",
                            [&](const std::string& temporary) { print_pdf(ctx, text, temporary); });
    return;
  }
  o.output.given() ? write_file_atomically(o.output.value, text, "--output") : void(ctx.out << text);
}

/// Each report with what it covers ("program", or "audit": one audit, cso report audit ID), its
/// formats in the order md, html, txt, csv (then json, and pdf when there is html), and where
/// each template comes from: "built-in", or "md: PATH; html: built-in".
void run_list(Context& ctx) {
  const Templates templates = templates_of(ctx);
  RowWriter rows(ctx.out, ctx.output, {"name", "about", "formats", "description", "templates"});
  for (const ReportDef& def : all_reports()) {
    std::string formats;
    std::string origins;
    bool all_built_in = true;
    for (const char* format : {"md", "html", "txt", "csv"}) {
      const auto file = templates.find(def.name, format);
      if (!file) {
        continue;
      }
      formats += std::string(format) + ",";
      origins += (origins.empty() ? "" : "; ") + std::string(format) + ": " + file->origin;
      all_built_in = all_built_in && file->origin == "built-in";
    }
    const bool html = formats.find("html,") != std::string::npos;
    formats += html ? "json,pdf" : "json";
    const std::string about = def.id_kind.empty() ? "program" : std::string(def.id_kind);
    rows.row({Cell{std::string(def.name)}, Cell{about}, Cell{formats}, Cell{std::string(def.description)},
              Cell{all_built_in ? std::string("built-in") : origins}});
  }
  rows.finish();
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* report = add_command(app, "report", "reports from templates (cso report list shows them)");
  static const std::vector<std::string_view> k_names = [] {
    std::vector<std::string_view> names{"list"};
    for (const ReportDef& r : all_reports()) {
      names.push_back(r.name);
    }
    return names;
  }();
  complete_choices(report->add_option("name", o->name, "the report: board, risk-register, incident, …"), k_names);
  report->add_option("id", o->id, "the record a per-record report is about (incident, audit)");
  bind(report, o->output, "--output", "write to FILE (atomically: a temporary file renamed into place)");
  bind(report, o->since, "--since", "the start of the period (a date, or a duration back: 90d; default 90d)");
  report->add_flag("--data", o->data, "print the JSON the template receives (cso help templates)");
  report->footer(
      "--format md (the default), html, txt, csv, json or pdf (html printed by a headless Chromium); "
      "with --output and no --format, the file's extension chooses.");
  report->callback([&ctx, o, report] {
    if (report->get_subcommands().empty()) {
      if (o->name.empty()) {
        throw usage_error("cso report: name a report (cso report list shows them)");
      }
      run_report(ctx, *o);
    }
  });
  CLI::App* list = add_command(*report, "list", "the reports, their formats and where each template comes from");
  list->callback([&ctx] { run_list(ctx); });
}

}  // namespace cso::cli
