#pragma once
// Helpers shared by the unit tests.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "core/error.h"

namespace cso::test {

/// The message of the usage Error `f` throws; fails the test if it throws nothing or something else.
template <typename F>
std::string usage_message(F f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
  FAIL("expected a usage error");
  return {};
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
