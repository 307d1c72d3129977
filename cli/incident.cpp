// `cso incident`: incident response, from detection to lessons learned.
#include "cli/commands.h"

namespace cso::cli {

void setup_incident(CLI::App& app, Context&) {
  CLI::App* cmd = add_command(app, "incident", "incident response, from detection to lessons learned");
  cmd->require_subcommand(1);
}

}  // namespace cso::cli
