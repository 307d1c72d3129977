#include "cli/report_pdf.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "cli/atomic_file.h"
#include "core/error.h"

extern char** environ;

namespace cso::cli {
namespace {

bool is_executable(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

/// A private temporary directory, removed with everything in it when destroyed.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "cso-pdf-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw runtime_error("--format pdf: cannot create a temporary directory: {}", std::strerror(errno));
    }
    m_path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

/// Runs `argv` with stdin from /dev/null and stdout and stderr into `log`; its exit status.
int run_quietly(const std::vector<std::string>& argv, const std::string& log) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) {
    args.push_back(const_cast<char*>(a.c_str()));
  }
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw runtime_error("--format pdf: cannot run {}: {}", argv[0], std::strerror(spawned));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      throw runtime_error("--format pdf: waiting for {}: {}", argv[0], std::strerror(errno));
    }
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string last_lines(const std::string& path, std::size_t count) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  std::string out;
  for (std::size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i) {
    out += "\n  " + lines[i];
  }
  return out;
}

}  // namespace

std::optional<std::string> find_chromium(const Context& ctx) {
  if (const auto given = ctx.environment()("CSO_CHROMIUM")) {
    return given;
  }
  const std::string path = ctx.environment()("PATH").value_or("/usr/bin:/bin");
  for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
    std::istringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');) {
      const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
      if (is_executable(candidate)) {
        return candidate;
      }
    }
  }
  return std::nullopt;
}

void print_pdf(const Context& ctx, const std::string& html, const std::string& pdf_path) {
  const auto browser = find_chromium(ctx);
  if (!browser) {
    throw runtime_error(
        "--format pdf needs a headless Chromium, and there is none on PATH (chromium, chromium-browser, "
        "google-chrome): install one (Debian: apt-get install chromium) or set CSO_CHROMIUM to its path");
  }
  if (!is_executable(*browser)) {
    throw runtime_error("CSO_CHROMIUM: {} is not an executable file", *browser);
  }
  const TempDir dir;
  const std::string page = dir.path() + "/report.html";
  write_file_atomically(page, html, "--format pdf");
  const std::string log = dir.path() + "/browser.log";
  const std::string absolute = std::filesystem::absolute(pdf_path).string();
  const int status =
      run_quietly({*browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-pdf-header-footer",
                   "--user-data-dir=" + dir.path() + "/profile", "--print-to-pdf=" + absolute, "file://" + page},
                  log);
  std::error_code ec;
  if (status != 0 || !std::filesystem::exists(absolute, ec) || std::filesystem::file_size(absolute, ec) == 0) {
    throw runtime_error("--format pdf: {} did not print the report (exit {}){}", *browser, status, last_lines(log, 5));
  }
}

}  // namespace cso::cli
