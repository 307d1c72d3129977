#pragma once
#include "cli/render.h"

namespace cso::cli {

struct Noun;

/// How risks print: default list columns, level colours, the derived level.
View risk_view(const Context& ctx);
/// The risk register as the generic record commands see it.
const Noun& risk_noun();

void setup_risk_verbs(CLI::App* risk, Context& ctx);  ///< assess, treat, accept, review, close, reopen
void setup_risk_matrix(CLI::App* risk, Context& ctx);
void setup_risk_import(CLI::App* risk, Context& ctx);

}  // namespace cso::cli
