// `cso init --demo`: the demo is data (cli/demo/kestrel.cso), run through the real commands so
// it follows the domain's rules as they change and leaves a journal with a plausible history.
#include "cli/demo.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli/commands.h"
#include "cli/fixture.h"
#include "core/error.h"
#include "embedded/kestrel_demo.h"
#include "storage/open.h"

namespace cso::cli {
namespace {

constexpr std::string_view k_fixture_name = "cli/demo/kestrel.cso";

/// Removes a database file and its -wal/-shm companions.
void remove_database(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix, ec);
  }
}

/// The temporary database: removed unless kept, so a failed seed leaves nothing behind.
class TempDatabase {
 public:
  explicit TempDatabase(std::string path) : m_path(std::move(path)) { remove_database(m_path); }
  ~TempDatabase() {
    if (!m_kept) {
      remove_database(m_path);
    }
  }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  const std::string& path() const { return m_path; }
  void keep() { m_kept = true; }

 private:
  std::string m_path;
  bool m_kept = false;
};

/// The command's own error message, without the "cso: error: " every error line starts with.
std::string inner_error(const std::string& err) {
  const std::string prefix = "cso: error: ";
  const std::size_t at = err.rfind(prefix);
  std::string message = at == std::string::npos ? err : err.substr(at + prefix.size());
  while (!message.empty() && message.back() == '\n') {
    message.pop_back();
  }
  return message;
}

void run_line(const Context& ctx, const FixtureLine& line, const std::string& db, std::string_view fixture) {
  std::vector<std::string> words{"cso", "--db", db};
  if (!ctx.globals.config.empty()) {
    words.insert(words.end(), {"--config", ctx.globals.config});
  }
  words.insert(words.end(), line.args.begin(), line.args.end());
  std::vector<const char*> argv;
  for (const auto& w : words) {
    argv.push_back(w.c_str());
  }
  const std::string now = format_instant(line.now);
  const std::string actor = ctx.actor_handle();
  const Environment& outer = ctx.environment();
  // The line's clock and, unless it says --as, the actor of `init --demo`; the rest as given.
  const Environment env = [&](const char* name) -> std::optional<std::string> {
    const std::string_view n = name;
    if (n == "CSO_NOW") {
      return now;
    }
    if (n == "CSO_ACTOR") {
      return actor;
    }
    return outer(name);
  };
  std::ostringstream out;
  std::ostringstream err;
  if (run(static_cast<int>(argv.size()), argv.data(), out, err, env) != 0) {
    throw runtime_error("--demo: {} line {} failed: {}", fixture, line.number, inner_error(err.str()));
  }
}

}  // namespace

void seed_demo(Context& ctx, const std::string& path) {
  run_fixture(ctx, path, embedded::kestrel_demo, k_fixture_name);
}

void run_fixture(Context& ctx, const std::string& path, std::string_view text, std::string_view name) {
  const auto lines = parse_fixture(text, ctx.clock.now, name);
  TempDatabase temp(fmt::format("{}.demo-{}", path, ::getpid()));
  {
    // Held open across the lines, so no line's exit checkpoints and deletes the WAL.
    int previous = 0;
    const auto holder = storage::create_or_migrate(temp.path(), previous);
    for (const auto& line : lines) {
      run_line(ctx, line, temp.path(), name);
    }
  }
  // Closing the last connection folded the WAL into the file; the target's own connection
  // goes too, and any -wal/-shm beside it, which must not be replayed onto the new file.
  ctx.set_store(nullptr);
  for (const char* suffix : {"-wal", "-shm"}) {
    std::error_code ec;
    std::filesystem::remove(path + suffix, ec);
    std::filesystem::remove(temp.path() + suffix, ec);
  }
  std::error_code ec;
  std::filesystem::rename(temp.path(), path, ec);
  if (ec) {
    throw runtime_error("--demo: cannot move {} to {}: {}", temp.path(), path, ec.message());
  }
  temp.keep();
}

}  // namespace cso::cli
