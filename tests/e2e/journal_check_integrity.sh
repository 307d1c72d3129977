#!/usr/bin/env bash
# `cso check --only journal.integrity` is OK on an intact journal and CRITICAL (exit 2) naming the
# entry once an entry is edited, deleted or reordered, or a record once it is edited, added or
# removed outside cso (what verify checks); cron sees it without running verify.
source "$(dirname "$0")/lib.bash"
fresh
ok cso risk add "Ransomware on file servers" --likelihood 1 --impact 2 --owner alice --review-every 12m
ok cso risk assess RSK-1 --likelihood 2 --impact 2 --note "re-rated"
ok cso risk add "Phishing" --likelihood 1 --impact 1 --review-every 12m

ok cso check --only journal.integrity
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"
ok cso check --only journal.integrity --format json
[ "$(json .status)" == "OK" ] || fail "status OK"
[ "$(json '.problems | length')" == "0" ] || fail "no problems"
# The whole check is OK too: nothing else is due.
ok cso check
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"

sqlite3 "$CSO_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$CSO_DB" "$TMP/good.db"
restore() {
  rm -f "$CSO_DB-wal" "$CSO_DB-shm"
  cp "$TMP/good.db" "$CSO_DB"
}

# An edited entry.
sqlite3 "$CSO_DB" "update journal set note='nothing to see' where seq=4"
snapshot
expect_exit 2 cso check --only journal.integrity
[ "$(head -n1 "$TMP/out")" == "CSO CRITICAL - 1 critical, 0 warning | critical=1;;;0 warning=0;;;0" ] ||
  fail "summary line: $(head -n1 "$TMP/out")"
out_has "CRITICAL journal.integrity"
grep -q '^CRITICAL journal.integrity .*entry 4' "$TMP/out" || fail "the problem names entry 4: $(cat "$TMP/out")"
[ "$(wc -l <"$TMP/out")" == "2" ] || fail "one line per problem"
expect_exit 2 cso check --only journal.integrity --format json
[ "$(json .status)" == "CRITICAL" ] || fail "json status"
[ "$(json .counts.critical)" == "1" ] || fail "json counts"
[ "$(json '.problems[0].rule')" == "journal.integrity" ] || fail "json rule"
[ "$(json '.problems[0].severity')" == "CRITICAL" ] || fail "json severity"
json '.problems[0].message' | grep -q "entry 4" || fail "json message names the entry"
# The full check reports it too, and it counts as critical.
expect_exit 2 cso check
out_has "CRITICAL journal.integrity"
# A rule that is not selected does not run.
ok cso check --only risk.review_overdue
out_lacks "journal.integrity"
# check is read-only, even on a tampered database.
unchanged
expect_exit 5 cso verify
restore

# caught SQL WANT: after SQL behind cso's back, check is CRITICAL naming WANT and verify exits 5
# naming the same (check runs what verify runs); then the good copy is restored.
caught() {
  sqlite3 "$CSO_DB" "$1"
  expect_exit 2 cso check --only journal.integrity
  out_has "CRITICAL journal.integrity"
  out_has "$2"
  expect_exit 5 cso verify
  err_has "$2"
  restore
}
caught "delete from journal where seq=3" "journal entry 3 is missing"
caught "update journal set seq=-1 where seq=4; update journal set seq=4 where seq=5; update journal set seq=5 where seq=-1;" \
  "journal entry 4"
# Records edited, inserted or deleted with the sqlite3 shell, the journal untouched.
caught "update risk set title='Nothing to see' where id=1" "RSK-1 differs from its last journalled state"
caught "insert into staff(handle, name, status) values ('mallory', 'Mallory', 'active')" \
  "staff mallory exists but the journal has no record of it"
caught "delete from risk where id=2" "RSK-2 is missing"

# Back to intact.
ok cso check --only journal.integrity
verified
done_ok
