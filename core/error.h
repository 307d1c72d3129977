#pragma once
// The one error type users see. It carries its exit code (SPEC §2) and a message
// already phrased for the user; cli/main.cpp catches it once and prints it.
#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace cso {

enum class ExitCode : int {
  ok = 0,
  runtime = 1,    ///< I/O, database busy, internal error
  usage = 2,      ///< unknown command or flag, invalid value, bad input file
  not_found = 3,  ///< no such record, no database
  conflict = 4,   ///< invalid transition, duplicate, rule violation
  integrity = 5,  ///< verify found tampering or corruption
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, std::string message) : std::runtime_error(std::move(message)), m_code(code) {}
  ExitCode code() const { return m_code; }

 private:
  ExitCode m_code;
};

template <typename... Args>
Error usage_error(fmt::format_string<Args...> f, Args&&... args) {
  return Error(ExitCode::usage, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
Error not_found_error(fmt::format_string<Args...> f, Args&&... args) {
  return Error(ExitCode::not_found, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
Error conflict_error(fmt::format_string<Args...> f, Args&&... args) {
  return Error(ExitCode::conflict, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
Error runtime_error(fmt::format_string<Args...> f, Args&&... args) {
  return Error(ExitCode::runtime, fmt::format(f, std::forward<Args>(args)...));
}
template <typename... Args>
Error integrity_error(fmt::format_string<Args...> f, Args&&... args) {
  return Error(ExitCode::integrity, fmt::format(f, std::forward<Args>(args)...));
}

}  // namespace cso
