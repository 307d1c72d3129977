#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "storage/open.h"
#include "storage/sqlite/error.h"

using namespace cso;
using namespace cso::storage;

namespace {

Error translated_from(int code, Opening opening = Opening::no) {
  try {
    translated(
        "/tmp/x.db", [code] { throw SQLite::Exception("database is locked", code); }, opening);
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected an Error");
  return Error(ExitCode::ok, "");
}

}  // namespace

TEST_CASE("SQLite's failures become cso::Error: busy, damaged, anything else") {
  for (const int code : {SQLITE_BUSY, SQLITE_LOCKED}) {
    const Error e = translated_from(code);
    CHECK(e.code() == ExitCode::runtime);
    CHECK(std::string(e.what()) ==
          "the database is busy (locked by another process past the timeout): database is locked");
  }
  for (const int code : {SQLITE_CORRUPT, SQLITE_NOTADB}) {
    const Error e = translated_from(code);
    CHECK(e.code() == ExitCode::integrity);
    CHECK(std::string(e.what()) == "database /tmp/x.db: database is locked");
  }
  // Opening a file that is not a database at all: a wrong path, not damage.
  CHECK(translated_from(SQLITE_NOTADB, Opening::yes).code() == ExitCode::runtime);
  const Error read_only = translated_from(SQLITE_READONLY);
  CHECK(read_only.code() == ExitCode::runtime);
  CHECK(std::string(read_only.what()) ==
        "/tmp/x.db is read-only for you: cso can read it but not change it (database is locked)");
  const Error other = translated_from(SQLITE_IOERR);
  CHECK(other.code() == ExitCode::runtime);
  CHECK(std::string(other.what()) == "database /tmp/x.db: database is locked");
}

TEST_CASE("open_store: a file that is not a database is a runtime Error naming it") {
  const auto path = std::filesystem::temp_directory_path() / ("cso-test-error-" + std::to_string(::getpid()) + ".db");
  std::ofstream(path) << "just text\n";
  try {
    open_store(path.string());
    FAIL("expected an Error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::runtime);
    CHECK(std::string(e.what()).find(path.string()) != std::string::npos);
  }
  std::filesystem::remove(path);
}
