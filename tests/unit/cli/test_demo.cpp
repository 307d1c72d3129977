#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "cli/demo.h"
#include "core/error.h"
#include "storage/open.h"

using namespace cso;
using namespace cso::cli;

namespace {

/// A scratch directory with a context whose environment is a map (no process variables).
struct Scratch {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("cso-demo-test-" + std::to_string(::getpid()));
  std::map<std::string, std::string> vars;
  std::ostringstream out, err;
  Scratch() {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    vars = {{"HOME", dir.string()}, {"CSO_NOW", "2026-11-27T09:00:00Z"}, {"CSO_ACTOR", "tester"}};
  }
  ~Scratch() { std::filesystem::remove_all(dir); }
  Environment env() const {
    return [this](const char* name) -> std::optional<std::string> {
      const auto it = vars.find(name);
      return it == vars.end() ? std::nullopt : std::optional(it->second);
    };
  }
  std::string db() const { return (dir / "cso.db").string(); }
  /// Files in the directory other than the database itself.
  std::size_t others() const {
    std::size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      n += e.path().filename() == "cso.db" ? 0 : 1;
    }
    return n;
  }
};

}  // namespace

TEST_CASE("demo: a fixture runs through the commands with each line's now and actor") {
  Scratch s;
  Context ctx(s.out, s.err, s.env());
  ctx.setup();
  run_fixture(ctx, s.db(),
              "@-10d staff add ann --name Ann\n@-2d risk add \"Due {+3d}\" --likelihood 2 --impact 2 --as ann\n",
              "t.cso");
  CHECK(s.others() == 0);  // no temporary file, no -wal/-shm: the file is complete on its own
  auto store = storage::open_store(s.db());
  std::vector<JournalEntry> entries;
  LogFilter oldest_first;
  oldest_first.newest_first = false;
  store->each_entry(oldest_first, [&](const JournalEntry& e) { entries.push_back(e); });
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].at == "2026-11-17T09:00:00Z");
  CHECK(entries[0].actor == "tester");
  CHECK(entries[1].at == "2026-11-25T09:00:00Z");
  CHECK(entries[1].actor == "ann");
  REQUIRE(entries[1].data);
  CHECK(entries[1].data->find("\"title\":\"Due 2026-11-30\"") != std::string::npos);
}

TEST_CASE("demo: a failing line names itself and the error, and keeps nothing") {
  Scratch s;
  Context ctx(s.out, s.err, s.env());
  ctx.setup();
  try {
    run_fixture(ctx, s.db(), "staff add ann --name Ann\n\nrisk add X --likelihood 9 --impact 1\n", "t.cso");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::runtime);
    CHECK(std::string(e.what()).starts_with("--demo: t.cso line 3 failed: --likelihood"));
  }
  CHECK(!std::filesystem::exists(s.db()));
  CHECK(s.others() == 0);
}
