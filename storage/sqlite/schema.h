#pragma once
// Schema migrations, one per PRAGMA user_version step, each applied in one transaction.
//
// Tables: one per record kind (`staff`, `risk`), columns named as the kind's stored fields,
// so records.cpp can build every statement from a KindDef. `journal` is append-only:
// seq, at, actor, action, record, data (canonical JSON of the record after the change,
// NULL after rm), note (the reason given with the change), hash (32-byte SHA-256 blob of the
// previous entry's hash followed by the entry's canonical JSON; see journal.h). `counter`
// keeps the last number given to each numbered kind, so numbers are never reused even after
// an rm (cheaper than AUTOINCREMENT, which rewrites sqlite_sequence on every insert).
// `tally` counts the records of each kind per combination of its KindDef::tally_by values
// (key: the values joined by U+001F), kept by Tx at commit and checked by verify.
namespace SQLite {
class Database;
}

namespace cso::storage {

int schema_version(SQLite::Database& db);
/// Applies every migration after the file's version; returns that previous version.
int migrate(SQLite::Database& db);
int latest_schema_version();

}  // namespace cso::storage
