#!/usr/bin/env bash
# A database made by an older cso: every command but init refuses it (exit 1, naming the command
# that migrates it); init migrates it in place, keeping every record and the journal, and the
# result verifies and works. The old state is schema 7 (risk_age keyed with the score).
source "$(dirname "$0")/lib.bash"

ok cso init --demo
latest=$(sqlite3 "$CSO_DB" "PRAGMA user_version")
[ "$latest" -ge 8 ] || fail "schema version $latest, expected at least 8"
ok cso verify
head=$(tail -n 1 "$TMP/out" | grep -oE '[0-9a-f]{64}' || true)
ok cso risk list --format csv
cp "$TMP/out" "$TMP/risks-before.csv"
expect_exit 2 cso check
cp "$TMP/out" "$TMP/check-before.txt"

# Back to schema 7 as the landed binary left it.
sqlite3 "$CSO_DB" "DROP INDEX risk_age; CREATE INDEX risk_age ON risk(status, created, score); DROP INDEX finding_incident; ALTER TABLE finding DROP COLUMN incident; PRAGMA user_version = 7"
snapshot
expect_exit 1 cso risk list
err_has "schema version 7; run 'cso init' to migrate it to $latest"
expect_exit 1 cso status
unchanged

ok cso init
err_has "migrated $CSO_DB from schema version 7 to $latest"
[ "$(sqlite3 "$CSO_DB" "PRAGMA user_version")" == "$latest" ] || fail "not migrated to $latest"
[ "$(sqlite3 "$CSO_DB" "SELECT sql FROM sqlite_master WHERE name = 'risk_age'")" == \
  "CREATE INDEX risk_age ON risk(status, created)" ] || fail "risk_age not rebuilt"
ok cso verify
[ -z "$head" ] || out_has "$head"
ok cso risk list --format csv
cmp -s "$TMP/out" "$TMP/risks-before.csv" || fail "the risks changed in the migration"
expect_exit 2 cso check
cmp -s "$TMP/out" "$TMP/check-before.txt" || fail "check reports otherwise after the migration"
out_has "CRITICAL risk.untreated RSK-3"

# init again: nothing to do, nothing changed.
snapshot
ok cso init
unchanged

done_ok
