#!/usr/bin/env bash
# A record changed, inserted or deleted behind cso's back (with the sqlite3 shell) makes `cso verify`
# exit 5 naming the record; restoring the row makes it pass again.
source "$(dirname "$0")/lib.bash"
fresh
ok cso risk add "Ransomware on file servers" --likelihood 4 --impact 5 --owner alice
ok cso risk add "Phishing" --likelihood 2 --impact 3 --owner bob
ok cso risk assess RSK-1 --likelihood 3 --impact 5 --note "EDR"
ok cso risk add "Lost laptop" --likelihood 2 --impact 2
ok cso verify
good_head=$(cat "$TMP/out")
[[ $good_head =~ ^[0-9a-f]{64}$ ]] || fail "verify prints the head hash, got '$good_head'"

sqlite3 "$CSO_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$CSO_DB" "$TMP/good.db"
restore() {
  rm -f "$CSO_DB-wal" "$CSO_DB-shm"
  cp "$TMP/good.db" "$CSO_DB"
}
tamper() { sqlite3 "$CSO_DB" "$1"; }

# An edited risk row.
tamper "update risk set title='x' where id=1"
expect_exit 5 cso verify
err_has "RSK-1"
err_has "changed outside cso"
restore
verified

# A column nobody looks at often.
tamper "update risk set score=1 where id=2"
expect_exit 5 cso verify
err_has "RSK-2"
restore

# Setting a column back to the same value is not a change.
tamper "update risk set title=title where id=1"
verified
restore

# An edited staff row.
tamper "update staff set email='eve@evil.example' where handle='alice'"
expect_exit 5 cso verify
err_has "alice"
restore
tamper "update staff set status='inactive' where handle='bob'"
expect_exit 5 cso verify
err_has "bob"
restore

# A risk row inserted behind cso's back.
tamper "insert into risk(title, status, likelihood, impact, score, created, updated)
        values('Sneaky', 'open', 1, 1, 1, '2026-11-27T09:00:00Z', '2026-11-27T09:00:00Z')"
expect_exit 5 cso verify
err_has "RSK-4"
restore

# A staff row inserted behind cso's back.
tamper "insert into staff(handle, name, status) values('eve', 'Eve', 'active')"
expect_exit 5 cso verify
err_has "eve"
restore

# A risk row deleted behind cso's back.
tamper "delete from risk where id=2"
expect_exit 5 cso verify
err_has "RSK-2"
restore

# A staff row deleted behind cso's back (nobody owns anything: no foreign key in the way).
ok cso staff add carol --name "Carol Diaz"
sqlite3 "$CSO_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$CSO_DB" "$TMP/good.db"
tamper "delete from staff where handle='carol'"
expect_exit 5 cso verify
err_has "carol"
restore

# A deleted row put back under a new ID is still a mismatch.
tamper "update risk set id=9 where id=3"
expect_exit 5 cso verify
err_has "RSK-3"
restore
verified

# The counts kept for `cso status` edited behind cso's back: verify names them.
snapshot_db=$TMP/before-tally.db
cp "$CSO_DB" "$snapshot_db"
ok cso verify
sqlite3 "$CSO_DB" "update tally set n = n + 5 where kind = 'risk'"
expect_exit 5 cso verify
err_has "counts kept for status"
cp "$snapshot_db" "$CSO_DB"

# The journal itself was untouched throughout: the head is what it was (plus carol's entry).
ok cso log --limit 1 --format jsonl
[ "$(json .prev)" == "$good_head" ] || fail "the journal head moved"
done_ok
