#!/usr/bin/env bash
# `cso verify` exits 5 naming the entry when a journal entry is edited, deleted, inserted or reordered;
# a truncated journal that is consistent with its records is caught by `--expect-head`.
source "$(dirname "$0")/lib.bash"
fresh                                                                    # entries 1, 2: staff.add
ok cso risk add "Ransomware on file servers" --likelihood 4 --impact 5 --owner alice   # 3
ok cso risk assess RSK-1 --likelihood 3 --impact 5 --note "EDR rolled out"              # 4
ok cso risk add "Phishing" --likelihood 2 --impact 3 --owner bob                       # 5
ok cso risk treat RSK-2 --strategy mitigate --plan "Awareness training" --due 2027-03-01 # 6
ok cso risk add "Lost laptop" --likelihood 2 --impact 2                                # 7
ok cso risk assess RSK-3 --likelihood 3 --impact 2                                     # 8
ok cso verify
head=$(cat "$TMP/out")
[[ $head =~ ^[0-9a-f]{64}$ ]] || fail "verify prints the head hash, got '$head'"
ok cso log --limit 1 --format jsonl
[ "$(json .hash)" == "$head" ] || fail "the head is the last entry's hash"

ok cso verify --format json
[ "$(json .ok)" == true ] && [ "$(json .head)" == "$head" ] && [ "$(json .entries)" == 8 ] ||
  fail "verify --format json: $(cat "$TMP/out")"

sqlite3 "$CSO_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$CSO_DB" "$TMP/good.db"
restore() {
  rm -f "$CSO_DB-wal" "$CSO_DB-shm"
  cp "$TMP/good.db" "$CSO_DB"
}
tamper() { sqlite3 "$CSO_DB" "$1"; }

# Each field of an entry is covered by its hash.
tamper "update journal set data=replace(data, 'Ransomware on file servers', 'Nothing to see') where seq=3"
expect_exit 5 cso verify
err_has "entry 3"
restore
tamper "update journal set actor='mallory' where seq=4"
expect_exit 5 cso verify
err_has "entry 4"
expect_exit 5 cso verify --format json
[ "$(json .ok)" == false ] || fail "json ok is false"
json '.problems[0]' | grep -q "entry 4" || fail "json names entry 4: $(cat "$TMP/out")"
restore
tamper "update journal set note='nothing happened' where seq=4"
expect_exit 5 cso verify
err_has "entry 4"
restore
tamper "update journal set note=NULL where seq=4"
expect_exit 5 cso verify
err_has "entry 4"
restore
tamper "update journal set at='2026-01-01T00:00:00Z' where seq=5"
expect_exit 5 cso verify
err_has "entry 5"
restore
tamper "update journal set action='risk.close' where seq=6"
expect_exit 5 cso verify
err_has "entry 6"
restore
tamper "update journal set record='RSK-9' where seq=7"
expect_exit 5 cso verify
err_has "entry 7"
restore
tamper "update journal set hash=zeroblob(32) where seq=2"
expect_exit 5 cso verify
err_has "entry 2"
restore
tamper "update journal set data=NULL where seq=1"
expect_exit 5 cso verify
err_has "entry 1"
restore
verified

# A middle entry deleted.
tamper "delete from journal where seq=5"
expect_exit 5 cso verify
err_has "entry 5"
restore

# The first entry deleted.
tamper "delete from journal where seq=1"
expect_exit 5 cso verify
err_has "entry 1"
restore

# Two entries swapped (their contents exchanged, seq kept).
tamper "create temp table t as select * from journal where seq in (4, 5);
        update journal set (at, actor, action, record, data, note, hash) =
          (select at, actor, action, record, data, note, hash from t where t.seq = 9 - journal.seq)
        where seq in (4, 5);"
[ "$(sqlite3 "$CSO_DB" "select action from journal where seq=4")" == "risk.add" ] || fail "the swap did not happen"
expect_exit 5 cso verify
err_has "entry 4"
restore

# Two entries renumbered (seq exchanged).
tamper "update journal set seq=-1 where seq=7; update journal set seq=7 where seq=8; update journal set seq=8 where seq=-1;"
expect_exit 5 cso verify
err_has "entry 7"
restore

# An entry moved to the end.
tamper "update journal set seq=20 where seq=3"
expect_exit 5 cso verify
err_has "entry 3"
restore

# A forged entry appended, with a made-up hash.
tamper "insert into journal(seq, at, actor, action, record, data, note, hash)
        select 9, at, 'mallory', 'risk.close', record, data, 'closed', randomblob(32) from journal where seq=8"
expect_exit 5 cso verify
err_has "entry 9"
restore

# The last entry deleted: the chain is intact but the record no longer matches it.
tamper "delete from journal where seq=8"
expect_exit 5 cso verify
err_has "RSK-3"
restore
verified

# Rewriting history consistently (the last entries, their records AND the counts kept for
# status) leaves a valid chain, which only the head hash kept elsewhere can catch.
tamper "delete from journal where seq >= 7; delete from tally where kind = 'risk' and key = (select status || char(31) || score from risk where id = 3) and n = 1; update tally set n = n - 1 where kind = 'risk' and key = (select status || char(31) || score from risk where id = 3); delete from risk where id = 3;"
ok cso verify
truncated_head=$(cat "$TMP/out")
[ "$truncated_head" != "$head" ] || fail "the head did not change"
expect_exit 5 cso verify --expect-head "$head"
err_has "$head"
ok cso verify --expect-head "$truncated_head"
restore

# The right head passes; any other head fails, even on an intact journal.
ok cso verify --expect-head "$head"
out_is "$head"
expect_exit 5 cso verify --expect-head "$(printf '0%.0s' {1..64})"
expect_exit 5 cso verify --expect-head "$truncated_head"
# ...and with a later change the old head no longer matches.
ok cso risk close RSK-3 --reason "Full-disk encryption everywhere"
expect_exit 5 cso verify --expect-head "$head"
restore

# A head that is not a SHA-256 in hex is a usage error, not tampering; hex is case-insensitive.
expect_exit 2 cso verify --expect-head zz
err_has "--expect-head"
expect_exit 2 cso verify --expect-head "${head:0:12}"
err_has "--expect-head"
ok cso verify --expect-head "${head^^}"
done_ok
