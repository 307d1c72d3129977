#pragma once
// What the `cso policy` files share: how policies and versions print, bodies from options,
// and reading a policy's versions.
#include "cli/render.h"
#include "cli/values.h"

#include <optional>
#include <string>
#include <vector>

namespace cso::cli {

View policy_view();
View policy_version_view();

/// The body given with --body or --body-file (`-` for stdin): UTF-8, at most 1 MiB (usage Error).
std::optional<std::string> policy_body(const TextOption& body, const TextOption& file);

/// The policy named by `text` ("POL-3", "3"); not_found when there is none.
Record get_policy(Reader& reader, const std::string& text);
/// Version `number` of policy `p`; not_found naming it when there is none.
Record get_version(Reader& reader, const Record& p, std::int64_t number);
/// The version being worked on (draft, in_review or approved), if any.
std::optional<Record> open_version_record(Reader& reader, const Record& p);
/// Every version of `p`, oldest first.
std::vector<Record> versions_of(Reader& reader, const Record& p);

/// `before` against `after` as `diff -u` prints it ("--- FROM", "+++ TO", @@ hunks with three
/// lines of context); empty when they are equal. Lines are sanitised (SPEC §2).
std::string unified_diff(std::string_view before, std::string_view after, std::string_view from_label,
                         std::string_view to_label);

void setup_policy_verbs(CLI::App* policy, Context& ctx);  ///< submit, approve, request-changes, publish, review, retire
void setup_policy_acks(CLI::App* policy, Context& ctx);   ///< ack, acks
void setup_policy_diff(CLI::App* policy, Context& ctx);

}  // namespace cso::cli
