// `cso init [--here] [--demo]`: create the database (never done silently by anything else),
// or migrate an existing one.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <ostream>

#include "cli/commands.h"
#include "cli/demo.h"
#include "core/error.h"
#include "storage/open.h"

namespace cso::cli {
namespace {

constexpr const char* k_workspace_config = R"(# cso workspace configuration (read after ~/.config/cso/config.toml).
# Every key is optional; `cso config list` shows what is in force, `cso help config` explains them.
#
# [user]
# handle = "alice"
#
# [risk]
# matrix = 5
# bands = { medium = 5, high = 10, critical = 17 }
# review_every = "90d"
# treat_within = "30d"
# max_acceptance = "1y"
#
# [check]
# warn_within = "14d"
)";

void make_workspace(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir / "templates");
  ::chmod(dir.c_str(), 0700);
  const auto config = dir / "config.toml";
  if (!std::filesystem::exists(config)) {
    std::ofstream(config) << k_workspace_config;
  }
}

struct InitOptions {
  bool here = false;
  bool demo = false;
};

void run_init(Context& ctx, const InitOptions& o) {
  std::string path = ctx.db_path();
  if (o.here) {
    const auto dir = std::filesystem::current_path() / ".cso";
    make_workspace(dir);
    path = (dir / "cso.db").string();
  }
  int previous = 0;
  ctx.set_store(storage::create_or_migrate(path, previous));
  const int current = storage::current_schema_version();
  if (previous == 0) {
    ctx.info(fmt::format("created a new database at {}", path));
  } else if (previous < current) {
    ctx.info(fmt::format("migrated {} from schema version {} to {}", path, previous, current));
  } else {
    ctx.info(fmt::format("{} is up to date (schema version {})", path, current));
  }
  if (o.demo) {
    if (ctx.store().head()) {
      throw conflict_error("--demo: {} already has records; the demo seeds only an empty database", path);
    }
    seed_demo(ctx, path);
    ctx.info("seeded the Kestrel Logistics demo program; try 'cso status', 'cso check', 'cso risk matrix'");
  }
  ctx.out << path << '\n';
}

}  // namespace

void setup_init(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<InitOptions>();
  CLI::App* init = add_command(app, "init", "create the database, or migrate an existing one");
  init->add_flag("--here", o->here, "create ./.cso/ (database, config.toml, templates/) in this directory");
  init->add_flag("--demo", o->demo, "seed a fictional company's security program");
  init->callback([&ctx, o] { run_init(ctx, *o); });
}

}  // namespace cso::cli
