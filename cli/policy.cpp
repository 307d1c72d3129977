// `cso policy`: policies, standards and procedures: versioned, approved, acknowledged.
#include "cli/commands.h"

namespace cso::cli {

void setup_policy(CLI::App& app, Context&) {
  CLI::App* cmd = add_command(app, "policy", "policies, standards and procedures: versioned, approved, acknowledged");
  cmd->require_subcommand(1);
}

}  // namespace cso::cli
