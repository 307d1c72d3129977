#pragma once
// `cso completion bash|zsh|fish`: the scripts, generated from the command tree
// (completion_tree.h). Each walks the words typed so far to the command they name, skipping
// option values, and offers its subcommands, its options (with the global ones) or the values
// an option or argument takes; handles and IDs come from `cso __complete` at TAB time, with
// the --db and --config typed on the line.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cli/completion_tree.h"

namespace cso::cli {

/// The shells there are scripts for, in the order messages list them.
std::span<const std::string_view> completion_shells();

/// The script for `shell`; nullopt for a shell it does not know.
std::optional<std::string> completion_script(std::string_view shell, const CommandNode& root);

}  // namespace cso::cli
