#pragma once
// The command table (STYLE §1): every top-level command once, with its summary and the
// function that registers its subcommands and callbacks. Help and "did you mean" use it.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <span>
#include <string_view>

#include "cli/context.h"

namespace cso::cli {

struct CommandDef {
  std::string_view name;
  std::string_view summary;
  void (*setup)(CLI::App& parent, Context& ctx);
};

std::span<const CommandDef> all_commands();

// One per file in cli/, each registering a top-level command.
void setup_init(CLI::App& app, Context& ctx);
void setup_status(CLI::App& app, Context& ctx);
void setup_check(CLI::App& app, Context& ctx);
void setup_log(CLI::App& app, Context& ctx);
void setup_verify(CLI::App& app, Context& ctx);
void setup_config(CLI::App& app, Context& ctx);
void setup_help(CLI::App& app, Context& ctx);
void setup_version(CLI::App& app, Context& ctx);
void setup_staff(CLI::App& app, Context& ctx);
void setup_risk(CLI::App& app, Context& ctx);
void setup_policy(CLI::App& app, Context& ctx);
void setup_train(CLI::App& app, Context& ctx);
void setup_incident(CLI::App& app, Context& ctx);
void setup_audit(CLI::App& app, Context& ctx);
void setup_report(CLI::App& app, Context& ctx);
void setup_export(CLI::App& app, Context& ctx);
void setup_import(CLI::App& app, Context& ctx);
void setup_backup(CLI::App& app, Context& ctx);
void setup_completion(CLI::App& app, Context& ctx);

/// Builds the whole command tree on `app` (the global options and every command), as run()
/// does: completion, the man page and their tests walk it.
void setup_app(CLI::App& app, Context& ctx);

/// Adds a subcommand that accepts the global options after it (CLI11 fallthrough).
CLI::App* add_command(CLI::App& parent, std::string_view name, std::string_view summary);

/// "cso risk add" for the risk add subcommand.
std::string command_path(const CLI::App& app);
/// "'lsit' is not a cso risk command; did you mean 'list'?" for the first word of `extras` that
/// is not an option; empty when there is none or `where` has no subcommands.
std::string unknown_command(const CLI::App& where, const std::vector<std::string>& extras);

/// A command and the formats it prints, declared in app.cpp's table.
struct CommandFormats {
  std::string_view path;  ///< "cso policy diff"
  FormatSet formats;
};
std::span<const CommandFormats> declared_formats();
/// The formats the command at `path` ("cso status") prints: declared in app.cpp's table for
/// commands that do not print records, every format for those that do.
FormatSet command_formats(std::string_view path);

/// Runs cso with argv and the environment `env`; returns the process exit code. Never throws.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
        const Environment& env = process_environment());

}  // namespace cso::cli
