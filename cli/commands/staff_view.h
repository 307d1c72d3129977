#pragma once
#include "cli/render.h"

namespace cso::cli {

/// How staff print: default list columns, inactive people dimmed.
View staff_view();
/// How certifications print; `state` says "expiring" within check.cert_warn_within of now, as
/// check does, whatever window a list selects.
View cert_view(const Context& ctx);

void setup_staff_cert(CLI::App* staff, Context& ctx);      ///< cert add|edit|list|rm
void setup_staff_offboard(CLI::App* staff, Context& ctx);  ///< offboard
void setup_staff_import(CLI::App* staff, Context& ctx);    ///< import

}  // namespace cso::cli
