#pragma once
// What the `cso policy` files share: how policies and versions print, bodies from options.
#include <optional>
#include <string>
#include <vector>

#include "cli/render.h"
#include "cli/values.h"

namespace cso::cli {

View policy_view();
View policy_version_view();

/// The body given with --body or --body-file (`-` for stdin): UTF-8, at most 1 MiB (usage Error).
std::optional<std::string> policy_body(const TextOption& body, const TextOption& file);

/// `before` against `after` as `diff -u` prints it ("--- FROM", "+++ TO", @@ hunks with three
/// lines of context); empty when they are equal. Lines are sanitised (SPEC §2).
std::string unified_diff(std::string_view before, std::string_view after, std::string_view from_label,
                         std::string_view to_label);

void setup_policy_verbs(CLI::App* policy, Context& ctx);  ///< submit, approve, request-changes, publish, review, retire
void setup_policy_acks(CLI::App* policy, Context& ctx);   ///< ack, acks
void setup_policy_diff(CLI::App* policy, Context& ctx);

}  // namespace cso::cli
