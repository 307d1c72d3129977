#include "cli/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/error.h"

namespace cso::cli {
namespace {

std::string temporary_beside(const std::string& path) {
  const std::filesystem::path target(path);
  return (target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
}

void refuse_directory(const std::string& path, std::string_view what) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw runtime_error("{}: cannot write {}: is a directory", what, path);
  }
}

/// Makes a rename into `path`'s directory durable (best effort: some file systems refuse).
void sync_directory_of(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) {
    dir = ".";
  }
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

void sync_file(const std::string& file, std::string_view what, const std::string& shown) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const std::string why = std::strerror(errno);
    if (fd >= 0) {
      ::close(fd);
    }
    throw runtime_error("{}: cannot write {}: {}", what, shown, why);
  }
  ::close(fd);
}

void produce_file_atomically(const std::string& path, std::string_view what,
                             const std::function<void(const std::string& temporary)>& produce) {
  refuse_directory(path, what);
  const std::string temporary = temporary_beside(path);
  try {
    produce(temporary);
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
      throw runtime_error("{}: cannot write {}: {}", what, path, std::strerror(errno));
    }
  } catch (...) {
    std::remove(temporary.c_str());
    throw;
  }
  sync_directory_of(path);
}

void write_file_atomically(const std::string& path, std::string_view bytes, std::string_view what) {
  produce_file_atomically(path, what, [&](const std::string& temporary) {
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
      throw runtime_error("{}: cannot write {}: {}", what, path, std::strerror(errno));
    }
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        const int saved = errno;
        ::close(fd);
        throw runtime_error("{}: cannot write {}: {}", what, path, std::strerror(saved));
      }
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
      throw runtime_error("{}: cannot write {}: {}", what, path, std::strerror(errno));
    }
  });
}

}  // namespace cso::cli
