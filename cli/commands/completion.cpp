// `cso completion bash|zsh|fish`, and the hidden commands behind it and the build:
// `cso __complete handles|ids …` (what TAB offers from the database) and `cso __man` (the
// man page). Both are generated from the command tree (completion_tree.h).
#include <fmt/ranges.h>

#include <ostream>

#include "cli/commands.h"
#include "cli/completion_scripts.h"
#include "cli/completion_tree.h"
#include "cli/man_page.h"
#include "core/error.h"
#include "core/kinds.h"
#include "core/staff.h"

namespace cso::cli {
namespace {

/// Enough for a screen of candidates; the shell filters them further.
constexpr std::size_t k_complete_limit = 200;

/// `__complete handles TYPED` | `__complete ids PREFIX TYPED`: keys from the database, one a
/// line. Silent on any failure (run() sees to errors): a TAB never prints an error.
void run_complete(Context& ctx, const std::vector<std::string>& words) {
  if (words.empty()) {
    return;
  }
  const KindDef* kind = nullptr;
  std::size_t typed = 1;
  if (words[0] == "handles") {
    kind = &staff::kind();
  } else if (words[0] == "ids" && words.size() > 1) {
    for (const KindDef* k : all_kinds()) {
      if (!k->prefix.empty() && k->prefix == words[1]) {
        kind = k;
      }
    }
    typed = 2;
  }
  if (kind == nullptr) {
    return;
  }
  const std::string prefix = words.size() > typed ? words[typed] : "";
  for (const std::string& key : ctx.store().keys(*kind, prefix, k_complete_limit)) {
    ctx.out << key << '\n';
  }
}

}  // namespace

void setup_completion(CLI::App& app, Context& ctx) {
  auto shell = std::make_shared<std::string>();
  CLI::App* c = add_command(app, "completion", "print the shell completion script (bash, zsh or fish)");
  complete_choices(c->add_option("SHELL", *shell, "bash, zsh or fish")->required(), completion_shells());
  c->callback([&ctx, &app, shell] {
    const auto script = completion_script(*shell, command_tree(app));
    if (!script) {
      throw usage_error("completion: '{}' is not a shell cso completes; use one of: {}", *shell,
                        fmt::join(completion_shells(), ", "));
    }
    ctx.out << *script;
  });

  auto words = std::make_shared<std::vector<std::string>>();
  CLI::App* k = add_command(app, "__complete", "candidates for shell completion");
  hide(k);
  k->add_option("WORDS", *words, "handles TYPED | ids PREFIX TYPED");
  k->prefix_command();
  k->callback([&ctx, k, words] {
    std::vector<std::string> all = *words;
    for (const std::string& extra : k->remaining()) {
      all.push_back(extra);
    }
    run_complete(ctx, all);
  });

  CLI::App* m = add_command(app, "__man", "print the man page (roff)");
  hide(m);
  m->callback([&ctx, &app] { ctx.out << man_page(command_tree(app)); });
}

}  // namespace cso::cli
