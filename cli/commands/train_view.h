#pragma once
// What the `cso train` files share: how courses and assignments print.
#include <CLI/CLI.hpp>
#include <map>
#include <optional>
#include <string>

#include "cli/render.h"

namespace cso::cli {

View course_view();
/// Assignments, with their state derived at ctx.clock.
View assignment_view(const Context& ctx);

void setup_train_verbs(CLI::App* train, Context& ctx);  ///< assign, sync, complete
void setup_train_import(CLI::App* train, Context& ctx);
void setup_train_status(CLI::App* train, Context& ctx);  ///< the completion matrix

}  // namespace cso::cli
