#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"

using namespace cso;
using namespace cso::cli;

namespace {

struct Run {
  int code = 0;
  std::string out, err;
};

/// Runs cso in-process on `args` (without "cso"), with a database path that is never opened.
Run run_cso(std::vector<std::string> args) {
  args.insert(args.begin(), {"cso", "--db", "/nonexistent/cso-unit.db"});
  std::vector<const char*> argv;
  for (const auto& a : args) {
    argv.push_back(a.c_str());
  }
  std::ostringstream out, err;
  const int code = run(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

std::vector<std::string> words(std::string_view path) {
  std::vector<std::string> out;
  std::istringstream in{std::string(path)};
  for (std::string w; in >> w;) {
    out.push_back(w);
  }
  out.erase(out.begin());  // "cso"
  return out;
}

}  // namespace

TEST_CASE("every command in the format table exists") {
  for (const auto& c : declared_formats()) {
    CAPTURE(c.path);
    auto args = words(c.path);
    args.emplace_back("--help");
    const Run r = run_cso(args);
    CHECK(r.code == 0);
    CHECK(r.out.find(args[args.size() - 2]) != std::string::npos);
  }
}

TEST_CASE("command_formats: declared sets, every format for commands that print records") {
  CHECK(command_formats("cso status").names() == "table or json");
  CHECK(command_formats("cso policy diff").names() == "table");
  CHECK(command_formats("cso verify").names() == "table, json or jsonl");
  CHECK(command_formats("cso risk list").names() == "table, json, jsonl, csv or tsv");
  CHECK(command_formats("cso risk add").names() == "table, json, jsonl, csv or tsv");
}

TEST_CASE("an unsupported --format exits 2 before the command runs, naming the formats it has") {
  Run r = run_cso({"status", "--format", "csv"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "cso: error: --format csv: 'cso status' prints table or json\n");
  r = run_cso({"--json", "version"});
  CHECK(r.code == 2);
  CHECK(r.err == "cso: error: --format json: 'cso version' prints table\n");
  r = run_cso({"version"});
  CHECK(r.code == 0);
  CHECK(r.out == "cso 0.1.0\n");
  // The database is never opened: the format is refused first (no exit 3 for the missing file).
  r = run_cso({"risk", "rm", "1", "--force", "--format", "jsonl"});
  CHECK(r.code == 2);
  CHECK(r.err == "cso: error: --format jsonl: 'cso risk rm' prints table\n");
}
