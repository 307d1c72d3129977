#include "storage/sqlite/error.h"

#include <sqlite3.h>

namespace cso::storage {

Error to_error(const SQLite::Exception& e, const std::string& path, Opening opening) {
  const int code = e.getErrorCode();
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return runtime_error("the database is busy (locked by another process past the timeout): {}", e.what());
  }
  if (code == SQLITE_READONLY) {
    return runtime_error("{} is read-only for you: cso can read it but not change it ({})", path, e.what());
  }
  if (code == SQLITE_CORRUPT || (code == SQLITE_NOTADB && opening == Opening::no)) {
    return integrity_error("database {}: {}", path, e.what());
  }
  return runtime_error("database {}: {}", path, e.what());
}

}  // namespace cso::storage
