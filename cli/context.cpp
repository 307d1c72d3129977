#include "cli/context.h"

#include "cli/config_file.h"
#include "core/error.h"
#include "core/staff.h"

#include <pwd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace cso::cli {
namespace {

std::optional<std::string> env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') {
    return std::nullopt;
  }
  return std::string(v);
}

std::string home_directory() {
  if (auto h = env("HOME")) {
    return *h;
  }
  if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr) {
    return pw->pw_dir;
  }
  return "/";
}

std::optional<std::string> find_workspace() {
  std::error_code ec;
  auto dir = std::filesystem::current_path(ec);
  if (ec) {
    return std::nullopt;
  }
  while (true) {
    const auto candidate = dir / ".cso";
    if (std::filesystem::is_directory(candidate, ec)) {
      return candidate.string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) {
      return std::nullopt;
    }
    dir = dir.parent_path();
  }
}

std::string resolve_db_path(const GlobalOptions& g, const std::optional<std::string>& workspace) {
  if (!g.db.empty()) {
    return g.db;
  }
  if (auto p = env("CSO_DB")) {
    return *p;
  }
  if (workspace && std::filesystem::exists(*workspace + "/cso.db")) {
    return *workspace + "/cso.db";
  }
  const std::string data_home = env("XDG_DATA_HOME").value_or(home_directory() + "/.local/share");
  return data_home + "/cso/cso.db";
}

void load_config(Config& config, const GlobalOptions& g, const std::optional<std::string>& workspace) {
  std::vector<std::string> layers{env("XDG_CONFIG_HOME").value_or(home_directory() + "/.config") + "/cso/config.toml"};
  if (workspace) {
    layers.push_back(*workspace + "/config.toml");
  }
  for (const auto& path : layers) {
    if (std::filesystem::is_regular_file(path)) {
      apply_config_file(config, path);
    }
  }
  const std::string extra = !g.config.empty() ? g.config : env("CSO_CONFIG").value_or("");
  if (!extra.empty()) {
    if (!std::filesystem::is_regular_file(extra)) {
      throw usage_error("--config: no such file: {}", extra);
    }
    apply_config_file(config, extra);
  }
}

bool resolve_color(const std::string& when) {
  if (when != "auto" && when != "always" && when != "never") {
    throw usage_error("--color: '{}' is not accepted; use auto, always or never", when);
  }
  if (env("NO_COLOR") || when == "never") {
    return false;
  }
  return when == "always" || ::isatty(STDOUT_FILENO) == 1;
}

int terminal_width() {
  if (::isatty(STDOUT_FILENO) != 1) {
    return 0;
  }
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return ws.ws_col;
  }
  return 80;
}

}  // namespace

void Context::setup() {
  clock = clock_from_environment();
  m_workspace = find_workspace();
  load_config(config, globals, m_workspace);
  m_db_path = resolve_db_path(globals, m_workspace);
  if (convention == ExitConvention::standard) {
    output.format = globals.json ? Format::json : parse_format(globals.format.empty() ? "table" : globals.format);
  }
  output.color = resolve_color(globals.color);
  output.terminal_width = terminal_width();
  std::string who = globals.as;
  if (who.empty()) {
    who = env("CSO_ACTOR").value_or(config.user_handle);
  }
  if (who.empty()) {
    who = env("USER").value_or("");
  }
  if (who.empty()) {
    const passwd* pw = ::getpwuid(::getuid());
    who = (pw != nullptr && pw->pw_name != nullptr) ? pw->pw_name : "unknown";
  }
  m_actor = staff::parse_handle(who, globals.as.empty() ? "the acting user (--as, CSO_ACTOR, user.handle, $USER)" : "--as");
}

storage::Db& Context::db() {
  if (!m_db) {
    m_db = storage::Db::open(m_db_path);
  }
  return *m_db;
}

void Context::info(const std::string& message) const {
  if (!globals.quiet) {
    err << "cso: " << sanitize(message) << '\n';
  }
}

void Context::warn(const std::string& message) const { err << "cso: warning: " << sanitize(message) << '\n'; }

}  // namespace cso::cli
