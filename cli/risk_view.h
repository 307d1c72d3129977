#pragma once
#include "cli/render.h"

namespace cso::cli {

/// How risks print: default list columns, level colours, the derived level.
View risk_view(const Context& ctx);

void setup_risk_verbs(CLI::App* risk, Context& ctx);   ///< assess, treat, accept, review, close, reopen, history
void setup_risk_matrix(CLI::App* risk, Context& ctx);
void setup_risk_import(CLI::App* risk, Context& ctx);

}  // namespace cso::cli
