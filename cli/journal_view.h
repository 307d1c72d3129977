#pragma once
// Journal entries as output, for `cso log` and every noun's `history`.
#include "cli/context.h"
#include "core/journal.h"

namespace cso::cli {

void print_entries(Context& ctx, const LogFilter& filter);
/// The entries of one record and its parts ("POL-3/v2" of "POL-3"), oldest first.
void print_history(Context& ctx, const std::string& record);

/// A journal head as verify, import and backup print it: 64 hex digits, all zeros for an
/// empty journal.
std::string head_text(const std::optional<Hash>& head);

}  // namespace cso::cli
