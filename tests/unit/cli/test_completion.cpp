// The completion scripts and the man page cover the whole command tree (completion_tree.h):
// every visible command and every flag appears in each script, hidden ones in none.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "cli/completion_scripts.h"
#include "cli/completion_tree.h"
#include "cli/man_page.h"

using namespace cso;
using namespace cso::cli;

namespace {

struct Tree {
  std::ostringstream out, err;
  Context ctx{out, err};
  CLI::App app{"cso: a security program from the terminal", "cso"};
  CommandNode root;
  Tree() {
    setup_app(app, ctx);
    root = command_tree(app);
  }
};

const CommandNode* find(const CommandNode& root, std::string_view path) {
  for (const CommandNode* n : all_nodes(root)) {
    if (n->path == path) {
      return n;
    }
  }
  return nullptr;
}

const OptionNode* option(const CommandNode& node, std::string_view name) {
  for (const OptionNode& o : node.options) {
    for (const std::string& n : o.names) {
      if (n == name) {
        return &o;
      }
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("every command and flag of the tree is in each script") {
  Tree t;
  const auto nodes = all_nodes(t.root);
  REQUIRE(nodes.size() > 100);
  for (const std::string_view shell : completion_shells()) {
    CAPTURE(shell);
    const auto script = completion_script(shell, t.root);
    REQUIRE(script);
    for (const CommandNode* node : nodes) {
      const std::string key = node->path.empty() ? "cso" : "cso " + node->path;
      CAPTURE(key);
      if (!node->subcommands.empty()) {
        CHECK(script->find("'" + key + "'") != std::string::npos);
      }
      for (const CommandNode& sub : node->subcommands) {
        CHECK(script->find(sub.name) != std::string::npos);
      }
      for (const OptionNode& o : node->options) {
        for (const std::string& name : o.names) {
          CAPTURE(name);
          const std::string fish_name = name.rfind("--", 0) == 0 ? "-l " + name.substr(2) : "-s " + name.substr(1);
          CHECK(script->find(shell == "fish" ? fish_name : name) != std::string::npos);
        }
      }
    }
    CHECK(script->find("__complete ") != std::string::npos);  // called, never offered
    CHECK(script->find("__man") == std::string::npos);
  }
  CHECK_FALSE(completion_script("tcsh", t.root));
}

TEST_CASE("the tree: hidden commands left out; flags take no value; hints derived") {
  Tree t;
  CHECK(find(t.root, "__complete") == nullptr);
  CHECK(find(t.root, "__man") == nullptr);
  REQUIRE(find(t.root, "completion") != nullptr);
  CHECK_FALSE(option(t.root, "--json")->takes_value());
  CHECK(option(t.root, "--db")->takes_value());
  CHECK(option(t.root, "--format")->hint.choices == std::vector<std::string>{"table", "json", "jsonl", "csv", "tsv"});
  CHECK(option(t.root, "--as")->hint.kind == ValueHint::Kind::handles);
  const CommandNode* list = find(t.root, "risk list");
  REQUIRE(list != nullptr);
  CHECK(option(*list, "--status")->hint.choices == std::vector<std::string>{"open", "treating", "accepted", "closed"});
  CHECK(option(*list, "--owner")->hint.kind == ValueHint::Kind::handles);
  const CommandNode* close = find(t.root, "incident close");
  REQUIRE(close != nullptr);
  REQUIRE(!close->arguments.empty());
  CHECK(close->arguments[0].hint.kind == ValueHint::Kind::ids);
  CHECK(close->arguments[0].hint.prefix == "INC");
  CHECK(option(*close, "--outcome")->hint.kind == ValueHint::Kind::choices);
  const CommandNode* add = find(t.root, "audit finding add");
  REQUIRE(add != nullptr);
  CHECK(option(*add, "--audit")->hint.prefix == "AUD");
  CHECK(option(*add, "--severity")->hint.choices.size() == 4);
  CHECK(find(t.root, "staff add")->arguments[0].hint.kind == ValueHint::Kind::none);
  CHECK(find(t.root, "staff show")->arguments[0].hint.kind == ValueHint::Kind::handles);
}

TEST_CASE("the man page has every visible command") {
  Tree t;
  const std::string page = man_page(t.root);
  for (const CommandNode* node : all_nodes(t.root)) {
    CAPTURE(node->path);
    if (node->path.empty()) {
      continue;
    }
    if (node->path.find(' ') == std::string::npos && !node->subcommands.empty()) {
      // A noun: a section of its own ("RISK"), its verbs under it.
      std::string section = node->path;
      std::transform(section.begin(), section.end(), section.begin(), [](unsigned char c) { return std::toupper(c); });
      CHECK(page.find(".SH " + section + "\n") != std::string::npos);
    } else {
      CHECK(page.find(".SS \"" + roff_escape("cso " + node->path) + "\"") != std::string::npos);
    }
  }
  CHECK(page.find("__complete") == std::string::npos);
  CHECK(page.find(".SH EXIT STATUS") != std::string::npos);
}

TEST_CASE("roff_escape") {
  CHECK(roff_escape("--db") == "\\-\\-db");
  CHECK(roff_escape(".cso/x") == "\\&.cso/x");
  CHECK(roff_escape("'quoted'") == "\\&'quoted'");
  CHECK(roff_escape("a\\b") == "a\\eb");
  CHECK(roff_escape("say \"x\"") == "say \\(dqx\\(dq");
  CHECK(roff_escape("likelihood × impact") == "likelihood \\[u00D7] impact");
  CHECK(roff_escape("bad \xff byte") == "bad \\[uFFFD] byte");
  CHECK(roff_escape("a\n.b") == "a\n\\&.b");
}
