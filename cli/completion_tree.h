#pragma once
// The command tree as shell completion and the man page see it, read from CLI11's App tree
// (CLI11 has no completion generator): every visible command with its summary, options and
// arguments, and what each value may be. A new command or flag is in the scripts and the man
// page without further work.
//
// What a value may be comes, in this order, from
//   - a hint set where the option is declared (`complete_handles(opt)`, `complete_choices`),
//   - an ID the option's description names ("RSK-n or n", "(AUD-n)"): that kind's IDs,
//   - an argument named HANDLE: staff handles,
//   - a field of the command's kind named like the option (--status, --owner, --severity):
//     the field's choices, or staff handles for a handle field.
// Handles and IDs are read from the database when the user presses TAB (`cso __complete`).
#include <CLI/CLI.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cso::cli {

/// What shell completion offers for a value.
struct ValueHint {
  enum class Kind { any, none, choices, handles, ids };
  Kind kind = Kind::any;             ///< any: no list (the shell's default, file names)
  std::vector<std::string> choices;  ///< for choices
  std::string prefix;                ///< for ids: the kind's prefix, "RSK"
};

struct OptionNode {
  std::vector<std::string> names;  ///< "-q", "--quiet"
  std::string value_name;          ///< "TEXT"; empty for a flag
  std::string description;
  bool required = false;
  ValueHint hint;
  bool takes_value() const { return !value_name.empty(); }
};

struct ArgumentNode {
  std::string name;  ///< "ID"
  std::string description;
  bool required = false;
  bool many = false;  ///< takes any number of words
  ValueHint hint;
};

struct CommandNode {
  std::string name;  ///< "add"; "cso" for the root
  std::string path;  ///< "risk add"; "" for the root
  std::string summary;
  std::vector<OptionNode> options;  ///< its own, without --help (the root's are the global ones)
  std::vector<ArgumentNode> arguments;
  std::vector<CommandNode> subcommands;  ///< visible ones only
};

/// The visible tree under `app` (hidden commands, in group "", are left out).
CommandNode command_tree(CLI::App& app);

/// Every node of the tree, depth first, the root first.
std::vector<const CommandNode*> all_nodes(const CommandNode& root);

/// Hints set where an option is declared (they take precedence over derived ones).
CLI::Option* complete_handles(CLI::Option* option);
CLI::Option* complete_choices(CLI::Option* option, std::span<const std::string_view> choices);
/// No completion at all (a new name, free text).
CLI::Option* complete_nothing(CLI::Option* option);

/// Hides a command from help, the man page and completion.
void hide(CLI::App* command);
bool hidden(const CLI::App& command);

}  // namespace cso::cli
