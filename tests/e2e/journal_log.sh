#!/usr/bin/env bash
# Every change appends exactly one journal entry (noun.verb, the acting person, the record); `cso log`
# lists them newest first, filters by record, action, actor, date and count, and chains prev → hash.
source "$(dirname "$0")/lib.bash"
fresh

entries() { "$CSO" log --format jsonl | wc -l; }
# seqs: the seq column of the last (jsonl) stdout, space-separated.
seqs() { jq -r .seq "$TMP/out" | paste -sd' '; }
expect_entries() {
  checks=$((checks + 1))
  local n
  n=$(entries)
  [ "$n" == "$1" ] || fail "the journal has $n entries, expected $1 (after: $2)"
}

expect_entries 2 "fresh: two staff.add"
ok cso risk add "Ransomware on file servers" --likelihood 4 --impact 5 --owner alice
out_is "RSK-1"
expect_entries 3 "risk add"
ok cso --as bob risk assess RSK-1 --likelihood 3 --impact 4 --note "EDR rolled out"
expect_entries 4 "risk assess"
CSO_ACTOR=carol ok cso risk treat 1 --strategy mitigate --plan "Immutable backups" --due 2027-01-31
expect_entries 5 "risk treat"
CSO_NOW=2026-12-10T10:00:00Z ok cso risk add "Phishing" --likelihood 2 --impact 2
out_is "RSK-2"
expect_entries 6 "second risk add"
CSO_NOW=2026-12-15T08:00:00Z ok cso staff edit bob --team red
expect_entries 7 "staff edit"
# --as after the subcommand, and it wins over CSO_ACTOR.
CSO_NOW=2026-12-15T09:00:00Z CSO_ACTOR=carol ok cso risk review RSK-1 --note "quarterly" --as alice
expect_entries 8 "risk review"

# Refused or failed commands and read-only commands append nothing.
expect_exit 2 cso risk add "Bad" --likelihood 9 --impact 1
expect_exit 3 cso risk assess RSK-99 --likelihood 1 --impact 1
expect_exit 3 cso risk add "Nobody's" --likelihood 1 --impact 1 --owner nobody
expect_exit 4 cso staff add alice --name "Alice again"
ok cso risk list
ok cso risk show 1
ok cso log
ok cso status
verified
"$CSO" check >/dev/null 2>&1 || true
expect_entries 8 "failed and read-only commands"

# Actions are noun.verb, newest first, with the acting person and the record.
ok cso log --format jsonl
[ "$(jq -r .action "$TMP/out" | paste -sd,)" == \
  "risk.review,staff.edit,risk.add,risk.treat,risk.assess,risk.add,staff.add,staff.add" ] ||
  fail "actions are $(jq -r .action "$TMP/out" | paste -sd,)"
[ "$(seqs)" == "8 7 6 5 4 3 2 1" ] || fail "newest first: $(seqs)"
[ "$(jq -r .actor "$TMP/out" | paste -sd,)" == "alice,tester,tester,carol,bob,tester,tester,tester" ] ||
  fail "actors are $(jq -r .actor "$TMP/out" | paste -sd,)"
[ "$(jq -r .record "$TMP/out" | paste -sd,)" == "RSK-1,bob,RSK-2,RSK-1,RSK-1,RSK-1,bob,alice" ] ||
  fail "records are $(jq -r .record "$TMP/out" | paste -sd,)"
[ "$(jq -r 'select(.seq == 4) | .note' "$TMP/out")" == "EDR rolled out" ] || fail "the note is kept"
[ "$(jq -r 'select(.seq == 6) | .at' "$TMP/out")" == "2026-12-10T10:00:00Z" ] || fail "at follows CSO_NOW"
[ "$(jq -r 'select(.seq == 3) | .note' "$TMP/out")" == "null" ] || fail "an absent note is null"
# data is the record's full state after the change.
ok cso log RSK-1 --action risk.assess --format json
[ "$(json '.[0].data.score')" == "12" ] || fail "data after the assessment: $(json '.[0].data')"
[ "$(json '.[0].data.owner')" == "alice" ] || fail "data is the full record: $(json '.[0].data')"

# The table shows the same entries.
ok cso log --limit 1
out_has "risk.review"
out_has "alice"
out_has "quarterly"

# One record: by ID, case-insensitive, or by handle.
ok cso log RSK-1 --format jsonl
[ "$(seqs)" == "8 5 4 3" ] || fail "log RSK-1: $(seqs)"
ok cso log rsk-1 --format jsonl
[ "$(seqs)" == "8 5 4 3" ] || fail "log rsk-1: $(seqs)"
ok cso log bob --format jsonl
[ "$(seqs)" == "7 2" ] || fail "log bob: $(seqs)"
ok cso log RSK-77 --format jsonl
out_is ""

# --action: a noun is a prefix up to the dot, a full name is exact.
ok cso log --action risk --format jsonl
[ "$(seqs)" == "8 6 5 4 3" ] || fail "--action risk: $(seqs)"
ok cso log --action risk.assess --format jsonl
[ "$(seqs)" == "4" ] || fail "--action risk.assess: $(seqs)"
ok cso log --action staff --format jsonl
[ "$(seqs)" == "7 2 1" ] || fail "--action staff: $(seqs)"
ok cso log --action ris --format jsonl
out_is ""
ok cso log --action risk.add --format jsonl
[ "$(seqs)" == "6 3" ] || fail "--action risk.add: $(seqs)"

# --actor is exact.
ok cso log --actor bob --format jsonl
[ "$(seqs)" == "4" ] || fail "--actor bob: $(seqs)"
ok cso log --actor tester --format jsonl
[ "$(seqs)" == "7 6 3 2 1" ] || fail "--actor tester: $(seqs)"
ok cso log --actor bo --format jsonl
out_is ""

# --since: at or after the instant; dates are the start of the UTC day; offsets count from CSO_NOW.
ok cso log --since 2026-12-10 --format jsonl
[ "$(seqs)" == "8 7 6" ] || fail "--since 2026-12-10: $(seqs)"
ok cso log --since 2026-12-10T10:00:00Z --format jsonl
[ "$(seqs)" == "8 7 6" ] || fail "--since is inclusive: $(seqs)"
ok cso log --since 2026-12-10T10:00:01Z --format jsonl
[ "$(seqs)" == "8 7" ] || fail "--since an instant: $(seqs)"
CSO_NOW=2026-12-16T12:00:00Z ok cso log --since -7d --format jsonl
[ "$(seqs)" == "8 7 6" ] || fail "--since -7d: $(seqs)"
CSO_NOW=2026-12-16T12:00:00Z ok cso log --since yesterday --format jsonl
[ "$(seqs)" == "8 7" ] || fail "--since yesterday: $(seqs)"
ok cso log --since 2027-01-01 --format jsonl
out_is ""

# --limit: the newest N, after the other filters.
ok cso log --limit 2 --format jsonl
[ "$(seqs)" == "8 7" ] || fail "--limit 2: $(seqs)"
ok cso log --action risk --limit 2 --format jsonl
[ "$(seqs)" == "8 6" ] || fail "--action risk --limit 2: $(seqs)"
ok cso log RSK-1 --actor tester --format jsonl
[ "$(seqs)" == "3" ] || fail "ID and --actor together: $(seqs)"
ok cso log --limit 100 --format jsonl
[ "$(seqs)" == "8 7 6 5 4 3 2 1" ] || fail "--limit past the end: $(seqs)"

# The chain: prev of entry n is the hash of entry n-1, the first prev is zeros, the head is verify's.
ok cso log --format json
[ "$(json 'length')" == "8" ] || fail "json is an array of every entry"
[ "$(json '[.[] | .hash | test("^[0-9a-f]{64}$")] | all')" == "true" ] || fail "hashes are 64 hex"
[ "$(json '[range(0; length - 1) as $i | .[$i].prev == .[$i + 1].hash] | all')" == "true" ] ||
  fail "prev of each entry is the hash of the one before"
[ "$(json '.[-1].prev')" == "$(printf '0%.0s' {1..64})" ] || fail "the first entry's prev is zeros"
[ "$(json '[.[] | .hash] | unique | length')" == "8" ] || fail "hashes are distinct"
head=$(json '.[0].hash')
ok cso verify
out_is "$head"

# Bad values exit 2 and print nothing.
for bad in "--limit 0" "--limit -3" "--limit x" "--limit 2.5" "--since garbage" "--since 2026-13-45" \
  "--since 2026-02-30"; do
  # shellcheck disable=SC2086
  expect_exit 2 cso log $bad
  out_is ""
done
expect_exit 2 cso log --since garbage
err_has "--since"
expect_exit 2 cso log --limit 0
err_has "--limit"
expect_exit 2 cso log --action 'x;y'
err_has "--action"
expect_exit 2 cso log --action "risk' OR 1=1 --"
expect_exit 2 cso log --action ''
expect_exit 2 cso log --bogus
expect_exit 2 cso log --format yaml

# The global --fields picks the columns, as for every other listing.
ok cso log --fields seq,action --format csv --limit 1
out_is "$(printf 'seq,action\n8,risk.review')"
expect_exit 2 cso log --fields bogus
err_has "bogus"
expect_entries 8 "log and verify"

# --until: entries up to a day (all of it) or an instant; with --since, a window.
fresh_window() {
  CSO_NOW=2026-11-01T10:00:00Z "$CSO" risk add "November first" --likelihood 1 --impact 1 >/dev/null
  CSO_NOW=2026-11-02T23:59:59Z "$CSO" risk add "November second" --likelihood 1 --impact 1 >/dev/null
  CSO_NOW=2026-11-03T00:00:00Z "$CSO" risk add "November third" --likelihood 1 --impact 1 >/dev/null
}
fresh_window
ok cso log --action risk.add --since 2026-11-01 --until 2026-11-02 --format json
[ "$(json 'map(.data.title) | join(",")')" == "November second,November first" ] || fail "--until a day: $(cat "$TMP/out")"
ok cso log --action risk.add --since 2026-11-01 --until 2026-11-02T23:59:58Z --format json
[ "$(json 'map(.data.title) | join(",")')" == "November first" ] || fail "--until an instant: $(cat "$TMP/out")"
ok cso log --action risk.add --since 2026-11-01 --until 2026-11-03T00:00:00Z --format json
[ "$(json 'length')" == 3 ] || fail "--until an instant includes it"
expect_exit 2 cso log --until garbage
err_has "--until"
expect_exit 2 cso log --since 2026-11-03 --until 2026-11-01
err_has "--until: 2026-11-01 is not after --since 2026-11-03"
done_ok
