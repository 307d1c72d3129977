// `cso audit`: audits, assessments and their findings.
#include "cli/commands.h"

namespace cso::cli {

void setup_audit(CLI::App& app, Context&) {
  CLI::App* cmd = add_command(app, "audit", "audits, assessments and their findings");
  cmd->require_subcommand(1);
}

}  // namespace cso::cli
