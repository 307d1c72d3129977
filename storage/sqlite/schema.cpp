#include "storage/sqlite/schema.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <string_view>

namespace cso::storage {
namespace {

// One migration per domain added after the first; each runs once, in one transaction.
constexpr std::array<std::string_view, 9> k_migrations{
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
CREATE TABLE certification(
  key TEXT PRIMARY KEY NOT NULL,
  staff TEXT NOT NULL,
  name TEXT NOT NULL,
  issuer TEXT,
  number TEXT,
  earned TEXT,
  expires TEXT,
  created TEXT NOT NULL
);
-- A person's certifications (cert list HANDLE, offboarding); those expiring (check, status).
CREATE INDEX certification_staff ON certification(staff);
CREATE INDEX certification_expires ON certification(expires, staff);
)sql",

    // 3: policies, their versions and acknowledgements.
    R"sql(
CREATE TABLE policy(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  owner TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  pending_version INTEGER,
  pending_status TEXT,
  review_every TEXT NOT NULL,
  effective TEXT,
  published TEXT,
  next_review TEXT,
  audience TEXT NOT NULL,
  tags TEXT,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
-- For the check rules: published policies by review date.
CREATE INDEX policy_rules ON policy(status, next_review);
CREATE TABLE policy_version(
  key TEXT PRIMARY KEY NOT NULL,
  policy TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  author TEXT NOT NULL,
  summary TEXT,
  approver TEXT,
  approval_note TEXT,
  created TEXT NOT NULL,
  submitted TEXT,
  approved_at TEXT,
  published TEXT,
  effective TEXT,
  UNIQUE(policy, version)
);
CREATE TABLE policy_ack(
  key TEXT PRIMARY KEY NOT NULL,
  policy TEXT NOT NULL,
  version INTEGER NOT NULL,
  staff TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  acknowledged TEXT NOT NULL,
  UNIQUE(policy, version, staff)
);
)sql",

    // 4: training courses and assignments.
    R"sql(
CREATE TABLE course(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  description TEXT,
  every TEXT,
  audience TEXT NOT NULL,
  due_within TEXT NOT NULL,
  min_score INTEGER,
  status TEXT NOT NULL,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
-- Assignments are parts of a course: key "TRN-1/bob/2" (course, person, cycle).
CREATE TABLE assignment(
  key TEXT PRIMARY KEY NOT NULL,
  course TEXT NOT NULL,
  staff TEXT NOT NULL,
  cycle INTEGER NOT NULL,
  assigned_on TEXT NOT NULL,
  due TEXT NOT NULL,
  completed_on TEXT,
  score INTEGER,
  attempts INTEGER NOT NULL,
  attempted_on TEXT
);
-- A person's assignments of a course (the latest cycle), and the open ones by due date.
CREATE INDEX assignment_person ON assignment(course, staff, cycle);
CREATE INDEX assignment_open ON assignment(completed_on, due);
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
CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  scope TEXT,
  lead TEXT,
  auditor TEXT,
  framework TEXT,
  status TEXT NOT NULL,
  start TEXT,
  end TEXT,
  summary TEXT,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
CREATE TABLE finding(
  id INTEGER PRIMARY KEY,
  audit TEXT,
  title TEXT NOT NULL,
  description TEXT,
  severity TEXT NOT NULL,
  grade TEXT,
  owner TEXT NOT NULL,
  due TEXT NOT NULL,
  status TEXT NOT NULL,
  plan TEXT,
  resolution TEXT,
  verified_by TEXT,
  verified_at TEXT,
  accepted_by TEXT,
  accepted_until TEXT,
  accept_reason TEXT,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
-- `audit show` and `finding list --audit`; the overdue rule and status count per status and date.
CREATE INDEX finding_audit ON finding(audit);
CREATE INDEX finding_due ON finding(status, due);
CREATE INDEX finding_accepted ON finding(status, accepted_until);
)sql",

    // 7: the risk rules' index split in two, so that neither rule scans every open risk:
    // risk.review_overdue seeks by status and review date, risk.untreated by status and
    // creation time (it used to walk every open risk's entry, most of `cso status`'s time).
    R"sql(
DROP INDEX risk_rules;
CREATE INDEX risk_rules ON risk(status, next_review);
CREATE INDEX risk_age ON risk(status, created, score);
)sql",

    // 8: risk_age without the score. Risks imported together share their creation time, so
    // with the score in the key each new entry landed in the middle of the index (behind the
    // others of its score), a seek from the root every time: a third of a 10^6-row import.
    // Keyed by (status, created) alone, new entries append in ID order. risk.untreated reads
    // the score from the row of each old open risk, which measured no slower.
    R"sql(
DROP INDEX risk_age;
CREATE INDEX risk_age ON risk(status, created);
)sql",

    // 9: a finding may follow up an incident (its post-incident review lists it).
    R"sql(
ALTER TABLE finding ADD COLUMN incident TEXT;
CREATE INDEX finding_incident ON finding(incident) WHERE incident IS NOT NULL;
)sql",
};

}  // namespace

int latest_schema_version() {
  return static_cast<int>(k_migrations.size());
}

int schema_version(SQLite::Database& db) {
  return db.execAndGet("PRAGMA user_version").getInt();
}

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
