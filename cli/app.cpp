#include <algorithm>
#include <array>
#include <ostream>

#include "cli/commands.h"
#include "cli/completion_tree.h"
#include "core/error.h"

namespace cso::cli {
namespace {

constexpr std::array<CommandDef, 19> k_commands{{
    {"init", "create the database, or migrate an existing one", setup_init},
    {"status", "what exists and what needs attention now", setup_status},
    {"check", "compliance checks for cron (monitoring-plugin exit codes)", setup_check},
    {"policy", "policies, standards and procedures: versioned, approved, acknowledged", setup_policy},
    {"risk", "the risk register", setup_risk},
    {"incident", "incident response, from detection to lessons learned", setup_incident},
    {"audit", "audits, assessments and their findings", setup_audit},
    {"train", "security awareness and role training", setup_train},
    {"staff", "the security team and everyone in scope", setup_staff},
    {"log", "the journal of every change", setup_log},
    {"verify", "verify the journal's hash chain and every record against it", setup_verify},
    {"export", "the whole program as one JSON document", setup_export},
    {"import", "restore an export into an empty database", setup_import},
    {"backup", "a verified copy of the database, taken while others write", setup_backup},
    {"config", "show the configuration in force", setup_config},
    {"help", "help on a command or a topic", setup_help},
    {"report", "reports from templates: the board pack, registers, post-incident reviews", setup_report},
    {"completion", "print the shell completion script (bash, zsh or fish)", setup_completion},
    {"version", "print the version", setup_version},
}};

/// The commands that do not print records, with the formats they have (SPEC §2). Every other
/// command prints records (lists, one record, a changed record's ID or the record): every format.
/// Checked once, after parsing and before the command runs, so a write command refuses a
/// format before it writes anything.
constexpr FormatSet k_json_report{Format::table, Format::json, Format::jsonl};
constexpr CommandFormats k_command_formats[] = {
    {"cso init", k_table_only},
    {"cso status", k_table_json},
    {"cso verify", k_json_report},
    {"cso export", k_table_only},
    {"cso import", k_table_only},
    {"cso backup", k_table_only},
    {"cso config get", k_table_only},
    {"cso help", k_table_only},
    {"cso version", k_table_only},
    {"cso completion", k_table_only},
    {"cso __complete", k_table_only},
    {"cso __man", k_table_only},
    {"cso policy diff", k_table_only},
    {"cso policy rm", k_table_only},
    {"cso risk import", k_table_only},
    {"cso risk rm", k_table_only},
    {"cso incident rm", k_table_only},
    {"cso audit rm", k_table_only},
    {"cso audit finding rm", k_table_only},
    {"cso train rm", k_table_only},
    {"cso train import", k_json_report},
    {"cso train assign", k_json_report},
    {"cso train sync", k_json_report},
    {"cso staff import", k_table_only},
    {"cso staff cert rm", k_table_only},
    // Reports for people whose rows any format can carry.
    {"cso log", k_record_formats},
    {"cso config list", k_record_formats},
    {"cso risk matrix", k_record_formats},
    {"cso incident metrics", k_record_formats},
    {"cso train status", k_record_formats},
};

void add_global_options(CLI::App& app, GlobalOptions& g) {
  // An empty path is a mistake (an unset variable in a script), never the default place.
  const auto non_empty = [](const char* flag) {
    return [flag](const std::string& v) {
      if (v.empty()) {
        throw usage_error("{}: the path is empty", flag);
      }
    };
  };
  app.add_option("--db", g.db, "the database file (env CSO_DB)")->each(non_empty("--db"));
  app.add_option("--config", g.config, "an extra config file, read last (env CSO_CONFIG)")->each(non_empty("--config"));
  static const std::vector<std::string_view> k_formats = k_record_formats.list();
  complete_choices(app.add_option("--format", g.format, "table, json, jsonl, csv or tsv"), k_formats);
  app.add_flag("--json", g.json, "short for --format json");
  app.add_option("--fields", g.fields, "which fields to print, in that order (a,b,c)");
  complete_choices(app.add_option("--color", g.color, "auto, always or never (NO_COLOR forces never)"),
                   k_color_choices);
  app.add_flag("-q,--quiet", g.quiet, "no informational messages on stderr");
  complete_handles(app.add_option("--as", g.as, "who is acting, recorded in the journal (env CSO_ACTOR)"));
}

/// Edit distance, for "did you mean".
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

/// "add, list, show" for `cso risk`.
std::string subcommand_names(const CLI::App& where) {
  std::string names;
  for (const CLI::App* sub : where.get_subcommands([](const CLI::App* s) { return !hidden(*s); })) {
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  return names;
}

/// CLI11's message for a parse error in cso's own words: "unexpected argument '1'", "unknown
/// option '--bogus'", "--likelihood needs a value".
std::string parse_message(const CLI::ParseError& e, const CLI::App& where, const std::vector<std::string>& extras) {
  const std::string what = e.what();
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    if (!extras.empty()) {
      const std::string& first = extras.front();
      const bool option = first.size() > 1 && first.front() == '-';
      return fmt::format("{} '{}'", option ? "unknown option" : "unexpected argument", first);
    }
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && what == "A subcommand is required") {
    return fmt::format("'{}' needs a command: {}", command_path(where), subcommand_names(where));
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    const std::string option = what.substr(0, what.find(':'));
    if (what.find(" missing") != std::string::npos) {
      return fmt::format("{} needs a value", option);
    }
    if (what.find("At Most") != std::string::npos) {
      return fmt::format("{} was given more than once", option);
    }
  }
  if (const auto* excludes = dynamic_cast<const CLI::ExcludesError*>(&e)) {
    const std::string text = excludes->what();
    const std::size_t at = text.find(" excludes ");
    if (at != std::string::npos) {
      return fmt::format("{} and {} cannot be used together", text.substr(0, at), text.substr(at + 10));
    }
  }
  std::string out = what;
  if (!out.empty() && out.front() >= 'A' && out.front() <= 'Z' && (out.size() < 2 || out[1] < 'A' || out[1] > 'Z')) {
    out.front() = static_cast<char>(out.front() - 'A' + 'a');
  }
  return out;
}

/// The deepest subcommand that was selected, for error messages ("cso risk add").
const CLI::App* selected(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) {
    return selected(*sub);
  }
  return &app;
}

/// Prints an error; `check` also prints the monitoring-plugin UNKNOWN line and exits 3.
int report(const Context& ctx, ExitCode code, const std::string& message) {
  ctx.err << "cso: error: " << sanitize(message) << '\n';
  if (ctx.convention == ExitConvention::monitoring) {
    ctx.out << "CSO UNKNOWN - " << sanitize_cell(message) << '\n';
    return 3;
  }
  return static_cast<int>(code);
}

/// The commands that read --format themselves, with words of their own.
constexpr std::string_view k_own_format_commands[] = {"cso check", "cso report"};

bool reads_own_format(const std::string& path) {
  return std::find(std::begin(k_own_format_commands), std::end(k_own_format_commands), path) !=
         std::end(k_own_format_commands);
}

/// Refuses a --format the selected command does not print.
void require_command_format(const Context& ctx, const CLI::App& app) {
  if (ctx.own_format) {
    return;
  }
  const std::string path = command_path(*selected(app));
  require_format(ctx.output.format, command_formats(path), path);
}

}  // namespace

std::string command_path(const CLI::App& app) {
  return app.get_parent() ? command_path(*app.get_parent()) + " " + app.get_name() : "cso";
}

std::string unknown_command(const CLI::App& where, const std::vector<std::string>& extras) {
  const auto word =
      std::find_if(extras.begin(), extras.end(), [](const std::string& e) { return e.empty() || e.front() != '-'; });
  const auto subs = where.get_subcommands([](const CLI::App* s) { return !hidden(*s); });
  if (word == extras.end() || subs.empty()) {
    return "";
  }
  const std::string path = command_path(where);
  std::string closest;
  for (const CLI::App* sub : subs) {
    if (closest.empty() && !word->empty() && distance(*word, sub->get_name()) <= 2) {
      closest = sub->get_name();
    }
  }
  if (!closest.empty()) {
    return fmt::format("'{}' is not a {} command; did you mean '{}'?", *word, path, closest);
  }
  return fmt::format("'{}' is not a {} command; use one of: {}", *word, path, subcommand_names(where));
}

std::span<const CommandFormats> declared_formats() {
  return k_command_formats;
}

FormatSet command_formats(std::string_view path) {
  for (const auto& c : k_command_formats) {
    if (c.path == path) {
      return c.formats;
    }
  }
  return k_record_formats;
}

std::span<const CommandDef> all_commands() {
  return k_commands;
}

void setup_app(CLI::App& app, Context& ctx) {
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", "cso 0.1.0");
  add_global_options(app, ctx.globals);
  for (const auto& c : k_commands) {
    c.setup(app, ctx);
  }
}

CLI::App* add_command(CLI::App& parent, std::string_view name, std::string_view summary) {
  CLI::App* sub = parent.add_subcommand(std::string(name), std::string(summary));
  sub->fallthrough();
  return sub;
}

namespace {

int run_command(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Environment& env) {
  Context ctx(out, err, env);
  CLI::App app("cso: a security program from the terminal", "cso");
  setup_app(app, ctx);
  app.parse_complete_callback([&] {
    if (app.got_subcommand("check")) {
      ctx.convention = ExitConvention::monitoring;
    }
    ctx.own_format = reads_own_format(command_path(*selected(app)));
    ctx.setup();
    require_command_format(ctx, app);
  });
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      out << app.help();
    }
    flush_or_throw(out);
    return ctx.exit_status;
  } catch (const CLI::Success& e) {
    const int code = app.exit(e, out, err);
    if (const auto reason = flush_failure(out)) {
      return report(ctx, ExitCode::runtime, fmt::format("cannot write to standard output: {}", *reason));
    }
    return code;
  } catch (const CLI::ParseError& e) {
    if (app.got_subcommand("check")) {
      ctx.convention = ExitConvention::monitoring;
    }
    const CLI::App& where = *selected(app);
    const std::vector<std::string> extras = app.remaining(true);
    std::string message = unknown_command(where, extras);
    if (message.empty()) {
      const std::string usage = where.get_parent() ? command_path(where) + " --help" : "cso help";
      message = fmt::format("{} (see '{}')", parse_message(e, where, extras), usage);
    }
    return report(ctx, ExitCode::usage, message);
  } catch (const Error& e) {
    return report(ctx, e.code(), e.what());
  } catch (const std::exception& e) {
    return report(ctx, ExitCode::runtime, fmt::format("internal error: {}", e.what()));
  }
}

/// `cso [--db P] [--config F] __complete …`, as the completion scripts call it at every TAB:
/// whatever fails, it prints nothing and exits 0. (A record titled "__complete" is not it.)
bool completing(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "__complete") {
      return true;
    }
    if (a == "--db" || a == "--config") {
      ++i;
    } else if (!a.starts_with("--db=") && !a.starts_with("--config=")) {
      return false;
    }
  }
  return false;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Environment& env) {
  if (completing(argc, argv)) {
    std::ostream silent(nullptr);
    run_command(argc, argv, out, silent, env);
    return 0;
  }
  return run_command(argc, argv, out, err, env);
}

}  // namespace cso::cli
