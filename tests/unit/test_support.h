#pragma once
// Helpers shared by the unit tests.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "core/error.h"

namespace cso::test {

/// The message of the Error `f` throws; fails the test if it throws nothing or another code.
template <typename F>
std::string message_of(ExitCode want, F f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.code() == want);
    return e.what();
  }
  FAIL("expected an error");
  return {};
}

/// The message of the usage Error `f` throws.
template <typename F>
std::string usage_message(F f) {
  return message_of(ExitCode::usage, f);
}

/// The exit code of the Error `f` throws; fails the test if it throws none.
inline ExitCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("expected an error");
  return ExitCode::runtime;
}

}  // namespace cso::test
