#include "cli/context.h"

#include <pwd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "cli/config_file.h"
#include "core/error.h"
#include "core/staff.h"
#include "storage/open.h"

namespace cso::cli {
namespace {

std::string home_directory(const Environment& env) {
  if (auto h = env("HOME")) {
    return *h;
  }
  if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr) {
    return pw->pw_dir;
  }
  return "/";
}

/// The nearest `.cso/NAME` at or above the current directory (NAME empty: the .cso directory).
std::optional<std::string> find_upward(const std::string& name) {
  std::error_code ec;
  auto dir = std::filesystem::current_path(ec);
  if (ec) {
    return std::nullopt;
  }
  while (true) {
    const auto candidate = name.empty() ? dir / ".cso" : dir / ".cso" / name;
    if (name.empty() ? std::filesystem::is_directory(candidate, ec) : std::filesystem::is_regular_file(candidate, ec)) {
      return candidate.string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) {
      return std::nullopt;
    }
    dir = dir.parent_path();
  }
}

/// An XDG base directory: the variable if it is an absolute path (the XDG spec ignores
/// relative ones), else HOME/fallback.
std::string xdg_dir(const Environment& env, const char* variable, const char* fallback) {
  if (auto v = env(variable); v && v->front() == '/') {
    return *v;
  }
  return home_directory(env) + "/" + fallback;
}

std::string user_config_dir(const Environment& env) {
  return xdg_dir(env, "XDG_CONFIG_HOME", ".config") + "/cso";
}

std::string resolve_db_path(const GlobalOptions& g, const Environment& env) {
  if (!g.db.empty()) {
    return g.db;
  }
  if (auto p = env("CSO_DB")) {
    return *p;
  }
  if (auto nearest = find_upward("cso.db")) {
    return *nearest;
  }
  return xdg_dir(env, "XDG_DATA_HOME", ".local/share") + "/cso/cso.db";
}

void load_config(Config& config, const GlobalOptions& g, const std::optional<std::string>& workspace,
                 const Environment& env) {
  std::vector<std::string> layers{user_config_dir(env) + "/config.toml"};
  if (workspace) {
    layers.push_back(*workspace + "/config.toml");
  }
  for (const auto& path : layers) {
    if (std::filesystem::exists(path)) {  // a directory there is an error, not "no config"
      apply_config_file(config, path);
    }
  }
  const std::string extra = !g.config.empty() ? g.config : env("CSO_CONFIG").value_or("");
  if (!extra.empty()) {
    if (!std::filesystem::exists(extra)) {
      throw usage_error("--config: no such file: {}", extra);
    }
    apply_config_file(config, extra);
  }
  settle(config);
}

bool resolve_color(const std::string& when, const Environment& env) {
  if (std::find(k_color_choices.begin(), k_color_choices.end(), when) == k_color_choices.end()) {
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

/// A login name as a handle: lowercase, other characters as '-' ("John.Doe" → "john.doe").
std::string login_handle(std::string name) {
  for (char& c : name) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    c = ok ? c : '-';
  }
  if (name.empty() || name.front() == '.' || name.front() == '_' || name.front() == '-' || name.size() > 64) {
    return "unknown";
  }
  return name;
}

/// Who is acting: --as, CSO_ACTOR or user.handle as given (each must be a handle), else the
/// login name made into one.
std::string resolve_actor(const GlobalOptions& g, const Config& config, const Environment& env) {
  if (!g.as.empty()) {
    return staff::parse_handle(g.as, "--as");
  }
  if (auto a = env("CSO_ACTOR")) {
    return staff::parse_handle(*a, "CSO_ACTOR");
  }
  if (!config.user_handle.empty()) {
    return config.user_handle;
  }
  if (auto u = env("USER")) {
    return login_handle(*u);
  }
  const passwd* pw = ::getpwuid(::getuid());
  return login_handle(pw != nullptr && pw->pw_name != nullptr ? pw->pw_name : "");
}

}  // namespace

const Environment& process_environment() {
  static const Environment k_process = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (v == nullptr || *v == '\0') {
      return std::nullopt;
    }
    return std::string(v);
  };
  return k_process;
}

void Context::setup() {
  const Environment& env = m_env;
  const auto fixed_now = env("CSO_NOW");
  clock = fixed_now ? fixed_clock(*fixed_now, "CSO_NOW") : system_clock();
  m_workspace = find_upward("");
  load_config(config, globals, m_workspace, env);
  m_db_path = resolve_db_path(globals, env);
  if (!own_format) {
    output.format = globals.json ? Format::json : parse_format(globals.format.empty() ? "table" : globals.format);
  }
  output.color = resolve_color(globals.color, env);
  output.terminal_width = terminal_width();
  m_actor = resolve_actor(globals, config, env);
}

Store& Context::store(storage::OpenFor why) {
  if (!m_store) {
    m_store = storage::open_store(m_db_path, why);
  }
  return *m_store;
}

std::string Context::user_config_dir() const {
  return cli::user_config_dir(m_env);
}

void Context::info(const std::string& message) const {
  if (!globals.quiet) {
    err << "cso: " << sanitize(message) << '\n';
  }
}

void Context::warn(const std::string& message) const {
  err << "cso: warning: " << sanitize(message) << '\n';
}

}  // namespace cso::cli
