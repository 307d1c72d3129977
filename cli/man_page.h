#pragma once
// cso(1), generated from the command tree (completion_tree.h) and the help topics: one page
// with a section per noun, each verb with its arguments and options, in man(7) roff.
#include <string>
#include <string_view>

#include "cli/completion_tree.h"

namespace cso::cli {

/// The man page for the tree under `root` (the `cso` App), ready for `man -l`.
std::string man_page(const CommandNode& root);

/// `text` as roff text: backslashes as \e, every '-' as \-, a leading '.' or '\'' guarded by
/// \&, and characters beyond ASCII as \[uXXXX].
std::string roff_escape(std::string_view text);

}  // namespace cso::cli
