#pragma once
// SQLite's exceptions as cso::Error, at the port's boundary (STYLE §3): nothing above
// storage/ ever sees a SQLite::Exception.
#include <SQLiteCpp/Exception.h>

#include <string>

#include "core/error.h"

namespace cso::storage {

/// Opening a file that is not a database at all is a wrong path, not damage to a store.
enum class Opening { no, yes };

/// busy/locked → runtime "the database is busy …"; corrupt (or, once open, not a database) →
/// integrity; anything else → runtime "database PATH: …".
Error to_error(const SQLite::Exception& e, const std::string& path, Opening opening = Opening::no);

/// Runs `f`, turning a SQLite::Exception into its Error.
template <typename F>
decltype(auto) translated(const std::string& path, F&& f, Opening opening = Opening::no) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    throw to_error(e, path, opening);
  }
}

}  // namespace cso::storage
