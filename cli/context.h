#pragma once
// What every command receives (STYLE §4): configuration, the clock, output settings, the
// streams, and the database, opened on first use in exactly one place.
#include <array>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/output.h"
#include "core/config.h"
#include "core/store.h"
#include "core/time.h"
#include "storage/open.h"

namespace cso::cli {

/// The environment variables a command sees (CSO_NOW, CSO_ACTOR, CSO_DB, HOME, …): `main` passes
/// the process's, `init --demo` one per fixture line, so nothing needs setenv. nullopt: unset or
/// empty.
using Environment = std::function<std::optional<std::string>(const char* name)>;
/// The process environment (getenv).
const Environment& process_environment();

/// The words --color accepts.
inline constexpr std::array<std::string_view, 3> k_color_choices{"auto", "always", "never"};

/// Global options of SPEC §1 as typed on the command line.
struct GlobalOptions {
  std::string db;
  std::string config;
  std::string format;
  bool json = false;
  std::string fields;
  std::string color = "auto";
  bool quiet = false;
  std::string as;
};

/// Which exit-code convention applies: SPEC §2's, or the monitoring-plugin one of `check`.
enum class ExitConvention { standard, monitoring };

class Context {
 public:
  Context(std::ostream& out_stream, std::ostream& err_stream, const Environment& environment = process_environment())
      : out(out_stream), err(err_stream), m_env(environment) {}

  std::ostream& out;
  std::ostream& err;
  GlobalOptions globals;
  Config config;
  Clock clock;
  OutputOptions output;
  ExitConvention convention = ExitConvention::standard;
  /// The command reads --format itself (check: text or json; report: md, html, …), so setup()
  /// leaves output.format at table and the command table's format check does not apply.
  bool own_format = false;
  int exit_status = 0;  ///< a successful command's exit code (check's result)

  /// Resolves clock, config, output and actor from globals and the environment.
  void setup();
  /// The database path per SPEC §1 (--db, CSO_DB, nearest .cso/cso.db, XDG default).
  const std::string& db_path() const { return m_db_path; }
  /// Opens the store on first use; a not_found Error (exit 3) when there is none.
  Store& store(storage::OpenFor why = storage::OpenFor::use);
  /// Replaces the store (init creates it).
  void set_store(std::unique_ptr<Store> store) { m_store = std::move(store); }
  /// Who is acting, with "now", for the journal.
  Actor actor() const { return {m_actor, clock.now}; }
  const std::string& actor_handle() const { return m_actor; }
  /// The environment this command was run with (init --demo derives its lines' from it).
  const Environment& environment() const { return m_env; }
  /// The nearest .cso directory at or above the current directory, if any.
  const std::optional<std::string>& workspace() const { return m_workspace; }
  /// $XDG_CONFIG_HOME/cso (~/.config/cso by default): the user's config.toml and templates/.
  std::string user_config_dir() const;

  /// An informational message on stderr, unless --quiet.
  void info(const std::string& message) const;
  void warn(const std::string& message) const;

 private:
  std::string m_db_path;
  std::string m_actor;
  std::optional<std::string> m_workspace;
  Environment m_env;
  std::unique_ptr<Store> m_store;
};

}  // namespace cso::cli
