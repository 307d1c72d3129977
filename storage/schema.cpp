#include "storage/schema.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <string_view>

namespace cso::storage {
namespace {

// One migration per domain added after the first; each runs once, in one transaction.
constexpr std::array<std::string_view, 6> k_migrations{
    R"sql(
CREATE TABLE staff(
  handle TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  email TEXT,
  role TEXT,
  team TEXT,
  manager TEXT,
  started TEXT,
  left TEXT,
  status TEXT NOT NULL
);
CREATE TABLE risk(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT,
  category TEXT,
  owner TEXT,
  status TEXT NOT NULL,
  likelihood INTEGER NOT NULL,
  impact INTEGER NOT NULL,
  score INTEGER NOT NULL,
  residual_likelihood INTEGER,
  residual_impact INTEGER,
  treatment TEXT,
  plan TEXT,
  due TEXT,
  review_every TEXT,
  next_review TEXT,
  accepted_by TEXT,
  accepted_until TEXT,
  created TEXT NOT NULL,
  updated TEXT NOT NULL,
  closed_at TEXT
);
-- For the check rules (and so status): per status, the review dates, scores and creation
-- times they filter on, read from the index alone.
CREATE INDEX risk_rules ON risk(status, next_review, score, created);
CREATE TABLE tally(
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY(kind, key)
) WITHOUT ROWID;
CREATE TABLE counter(
  kind TEXT PRIMARY KEY NOT NULL,
  last INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE journal(
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  record TEXT NOT NULL,
  data TEXT,
  note TEXT,
  hash BLOB NOT NULL
);
)sql",
    // 2: staff certifications.
    R"sql(
-- (staff certifications: tables to come)
)sql",

    // 3: policies, their versions and acknowledgements.
    R"sql(
-- (policies: tables to come)
)sql",

    // 4: training courses and assignments.
    R"sql(
-- (training: tables to come)
)sql",

    // 5: incidents and their timelines.
    R"sql(
CREATE TABLE incident(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT,
  severity TEXT NOT NULL,
  category TEXT,
  status TEXT NOT NULL,
  lead TEXT,
  reporter TEXT,
  occurred_at TEXT,
  detected_at TEXT NOT NULL,
  triaged_at TEXT,
  contained_at TEXT,
  eradicated_at TEXT,
  recovered_at TEXT,
  closed_at TEXT,
  reopened_at TEXT,
  outcome TEXT,
  root_cause TEXT,
  lessons TEXT,
  notify_within TEXT,
  notify_by TEXT,
  notified_at TEXT,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
-- For the check rules and status: open incidents by status, and pending notifications.
CREATE INDEX incident_rules ON incident(status, detected_at, severity);
CREATE INDEX incident_notify ON incident(notify_by) WHERE notify_by IS NOT NULL AND notified_at IS NULL;
-- Timeline entries, parts of an incident ("INC-4/event/2"), read per incident.
CREATE TABLE incident_event(
  key TEXT PRIMARY KEY NOT NULL,
  incident TEXT NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX incident_event_by_incident ON incident_event(incident, at);
)sql",

    // 6: audits and findings.
    R"sql(
-- (audits and findings: tables to come)
)sql",
};

}  // namespace

int latest_schema_version() { return static_cast<int>(k_migrations.size()); }

int schema_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

int migrate(SQLite::Database& db) {
  const int previous = schema_version(db);
  for (int v = previous; v < latest_schema_version(); ++v) {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Re-read inside the write lock: another process may have migrated meanwhile.
    if (schema_version(db) > v) {
      continue;
    }
    db.exec(std::string(k_migrations[static_cast<std::size_t>(v)]));
    db.exec("PRAGMA user_version = " + std::to_string(v + 1));
    tx.commit();
  }
  return previous;
}

}  // namespace cso::storage
