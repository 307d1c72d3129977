// `cso train`: security awareness and role training.
#include "cli/commands.h"

namespace cso::cli {

void setup_train(CLI::App& app, Context&) {
  CLI::App* cmd = add_command(app, "train", "security awareness and role training");
  cmd->require_subcommand(1);
}

}  // namespace cso::cli
