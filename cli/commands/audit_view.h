#pragma once
// How audits and findings print, and the registration of `cso audit`'s parts.
#include <CLI/CLI.hpp>

#include "cli/render.h"

namespace cso::cli {

View audit_view();
/// Findings: severity colours, overdue dates in red.
View finding_view(const Context& ctx);

/// Streams the findings matching `q` in `columns`; with `overdue_only`, only those
/// finding::overdue_date accepts (`q` then selects a superset, and its limit applies after).
void write_findings(Context& ctx, const View& view, Query q, const std::vector<std::size_t>& columns,
                    bool overdue_only);

void setup_audit_verbs(CLI::App* audit, Context& ctx);      ///< start, report-phase, close, history
void setup_audit_findings(CLI::App* audit, Context& ctx);   ///< audit finding …
void setup_finding_verbs(CLI::App* finding, Context& ctx);  ///< remediate, resolve, verify, accept, reopen, history

}  // namespace cso::cli
