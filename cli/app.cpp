#include "cli/commands.h"
#include "core/error.h"

#include <SQLiteCpp/Exception.h>

#include <array>
#include <ostream>

namespace cso::cli {
namespace {

constexpr std::array<CommandDef, 10> k_commands{{
    {"init", "create the database, or migrate an existing one", setup_init},
    {"status", "what exists and what needs attention now", setup_status},
    {"check", "compliance checks for cron (monitoring-plugin exit codes)", setup_check},
    {"risk", "the risk register", setup_risk},
    {"staff", "the security team and everyone in scope", setup_staff},
    {"log", "the journal of every change", setup_log},
    {"verify", "verify the journal's hash chain and every record against it", setup_verify},
    {"config", "show the configuration in force", setup_config},
    {"help", "help on a command or a topic", setup_help},
    {"version", "print the version", setup_version},
}};

void add_global_options(CLI::App& app, GlobalOptions& g) {
  app.add_option("--db", g.db, "the database file (env CSO_DB)");
  app.add_option("--config", g.config, "an extra config file, read last (env CSO_CONFIG)");
  app.add_option("--format", g.format, "table, json, jsonl, csv or tsv");
  app.add_flag("--json", g.json, "short for --format json");
  app.add_option("--fields", g.fields, "which fields to print, in that order (a,b,c)");
  app.add_option("--color", g.color, "auto, always or never (NO_COLOR forces never)");
  app.add_flag("-q,--quiet", g.quiet, "no informational messages on stderr");
  app.add_option("--as", g.as, "who is acting, recorded in the journal (env CSO_ACTOR)");
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

std::string suggestion(const CLI::App& app, const std::vector<std::string>& extras) {
  if (extras.empty()) {
    return "";
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (distance(extras.front(), sub->get_name()) <= 2) {
      return fmt::format("; did you mean '{}'?", sub->get_name());
    }
  }
  return "";
}

/// The deepest subcommand that was selected, for error messages ("cso risk add").
const CLI::App* selected(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands()) {
    return selected(*sub);
  }
  return &app;
}

int usage_exit(const Context& ctx) { return ctx.convention == ExitConvention::monitoring ? 3 : 2; }

int report(const Context& ctx, ExitCode code, const std::string& message) {
  ctx.err << "cso: error: " << sanitize(message) << '\n';
  if (ctx.convention == ExitConvention::monitoring) {
    return 3;
  }
  return static_cast<int>(code);
}

}  // namespace

std::span<const CommandDef> all_commands() { return k_commands; }

CLI::App* add_command(CLI::App& parent, std::string_view name, std::string_view summary) {
  CLI::App* sub = parent.add_subcommand(std::string(name), std::string(summary));
  sub->fallthrough();
  return sub;
}

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  Context ctx(out, err);
  CLI::App app("cso: a security program from the terminal", "cso");
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", "cso 0.1.0");
  add_global_options(app, ctx.globals);
  for (const auto& c : k_commands) {
    c.setup(app, ctx);
  }
  app.parse_complete_callback([&] {
    if (app.got_subcommand("check")) {
      ctx.convention = ExitConvention::monitoring;
    }
    ctx.setup();
  });
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      out << app.help();
    }
    return ctx.exit_status;
  } catch (const CLI::Success& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ExtrasError& e) {
    if (app.got_subcommand("check")) {
      ctx.convention = ExitConvention::monitoring;
    }
    err << "cso: error: " << sanitize(e.what()) << suggestion(*selected(app), app.remaining(true)) << '\n';
    return usage_exit(ctx);
  } catch (const CLI::ParseError& e) {
    if (app.got_subcommand("check")) {
      ctx.convention = ExitConvention::monitoring;
    }
    const std::string where = selected(app)->get_name();
    err << "cso: error: " << sanitize(e.what()) << (where.empty() || where == "cso" ? "" : " (cso " + where + " --help for usage)") << '\n';
    return usage_exit(ctx);
  } catch (const Error& e) {
    return report(ctx, e.code(), e.what());
  } catch (const SQLite::Exception& e) {
    const bool busy = e.getErrorCode() == 5 || e.getErrorCode() == 6;
    return report(ctx, ExitCode::runtime,
                  busy ? fmt::format("the database is busy (locked by another process past the timeout): {}", e.what())
                       : fmt::format("database {}: {}", ctx.db_path(), e.what()));
  } catch (const std::exception& e) {
    return report(ctx, ExitCode::runtime, fmt::format("internal error: {}", e.what()));
  }
}

}  // namespace cso::cli
