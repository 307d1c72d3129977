#!/usr/bin/env bash
# The output contract of SPEC §2: a list's JSON objects are the objects `show --json` prints
# (every field) unless --fields narrows them; a repeated field is an error; a command refuses a
# --format it does not have (exit 2, naming the formats it has, changing nothing); a failed write
# to stdout exits 1, and a creating command whose ID was lost names it.
source "$(dirname "$0")/lib.bash"
"$CSO" init --demo >/dev/null 2>&1

# Every kind: the list's first object has the keys and values of `show --json` of that record
# (show adds the parts it holds: an audit's findings, a policy's versions).
for kind in "risk" "policy" "incident" "audit finding" "staff" "train" "audit"; do
  # shellcheck disable=SC2086
  ok cso $kind list --json
  cp "$TMP/out" "$TMP/list.json"
  key=$(jq -r '.[0] | (.id // .handle)' "$TMP/list.json")
  [ -n "$key" ] && [ "$key" != null ] || fail "$kind list --json: no first record"
  # shellcheck disable=SC2086
  ok cso $kind show "$key" --json
  checks=$((checks + 1))
  jq -S 'del(.findings, .versions)' "$TMP/out" >"$TMP/show.sorted"
  jq -S '.[0]' "$TMP/list.json" >"$TMP/list.sorted"
  cmp -s "$TMP/show.sorted" "$TMP/list.sorted" ||
    fail "$kind: list --json object differs from show --json: $(diff "$TMP/list.sorted" "$TMP/show.sorted" | head -5)"
  # shellcheck disable=SC2086
  ok cso $kind list --format jsonl
  checks=$((checks + 1))
  head -1 "$TMP/out" | jq -S . | cmp -s - "$TMP/list.sorted" || fail "$kind: jsonl object differs from json"
done

# The README's example: a field that is not a table column is there.
ok cso risk list --json
[ "$(json '.[0] | has("description") and has("created") and has("due")')" == true ] || fail "risk list: every field"
[ "$(json '.[0].created')" != null ] || fail "risk list: created is set"
ok cso policy list --json
[ "$(json '.[0] | has("created") and has("audience")')" == true ] || fail "policy list: every field"
ok cso incident list --json
[ "$(json '.[0] | has("description") and has("detected_at")')" == true ] || fail "incident list: every field"
ok cso staff list --json
[ "$(json '.[0] | has("email") and has("started")')" == true ] || fail "staff list: every field"
# Table and csv keep the default columns.
ok cso risk list --format csv
[ "$(head -1 "$TMP/out")" == "id,title,owner,status,score,level,next_review" ] || fail "csv keeps the table's columns"
ok cso risk list
out_lacks "description"

# --fields narrows json, jsonl and csv alike.
ok cso risk list --fields id,description --json
[ "$(json '.[0] | keys_unsorted | join(",")')" == "id,description" ] || fail "--fields narrows json"
ok cso risk list --fields id,description --format jsonl
[ "$(head -1 "$TMP/out" | jq -r 'keys_unsorted | join(",")')" == "id,description" ] || fail "--fields narrows jsonl"

# A repeated field exits 2 naming it, before any output.
snapshot
for args in "risk list --fields id,title,id" "risk show 1 --fields id,title,id" "policy list --fields id,id" \
  "log --fields seq,action,seq" "incident timeline 1 --fields at,kind,at"; do
  # shellcheck disable=SC2086
  expect_exit 2 cso $args --json
  err_has "is given twice"
  [ ! -s "$TMP/out" ] || fail "$args: output before the --fields error"
done
expect_exit 2 cso risk list --fields title,id,title
err_has "--fields: 'title' is given twice"
expect_exit 2 cso log --fields seq,at,seq
err_has "--fields: 'seq' is given twice"
unchanged

# A format the command does not have: exit 2, saying which it has; nothing written.
snapshot
expect_exit 2 cso status --format csv
err_has "--format csv: 'cso status' prints table or json"
[ ! -s "$TMP/out" ] || fail "status --format csv printed something"
expect_exit 2 cso status --format jsonl
expect_exit 2 cso policy diff 1 --json
err_has "'cso policy diff' prints table"
[ ! -s "$TMP/out" ] || fail "policy diff --json printed a diff"
expect_exit 2 cso verify --format csv
err_has "--format csv: 'cso verify' prints table, json or jsonl"
expect_exit 2 cso version --json
expect_exit 2 cso help --format tsv
expect_exit 2 cso config get risk.matrix --json
expect_exit 3 cso check --format csv
err_has "--format csv: 'cso check' prints text or json"
head -1 "$TMP/out" | grep -q '^CSO UNKNOWN' || fail "check: an UNKNOWN line"
# A write command refuses the format before it writes.
expect_exit 2 cso risk rm 1 --force --json
err_has "'cso risk rm' prints table"
printf 'handle,name\nzed,Zed\n' >"$TMP/staff.csv"
expect_exit 2 cso staff import "$TMP/staff.csv" --format csv
unchanged
ok cso status --json
[ "$(json '.risks.total')" -gt 0 ] || fail "status --json still works"
ok cso verify --format json
[ "$(json .ok)" == true ] || fail "verify --format json still works"
# --fields selects the keys of status's and check's JSON (SPEC §2).
ok cso status --json --fields risks,now
[ "$(json 'keys_unsorted | join(",")')" == "risks,now" ] || fail "status --fields"
expect_exit 2 cso status --json --fields risks,bogus
err_has "--fields: 'bogus' is not a key of 'cso status'"
expect_exit 2 cso check --json --fields status  # the demo program is CRITICAL
[ "$(json 'keys_unsorted | join(",")')" == "status" ] || fail "check --fields"
expect_exit 3 cso check --json --fields status,status
err_has "--fields: 'status' is given twice"

# A failed write to stdout is a runtime failure (exit 1), with the reason.
full() { "$CSO" "$@" >/dev/full; }
for args in "risk list" "risk list --json" "verify" "log" "status" "policy show 1 --body" "risk show 1"; do
  # shellcheck disable=SC2086
  expect_exit 1 full $args
  err_has "cannot write to standard output: No space left on device"
done
expect_exit 3 full check
err_has "cannot write to standard output"
# A creating command whose ID was lost: exit 1 naming the ID; the record exists.
next=$(( $(cso risk list --fields id --format jsonl | jq -r '.id | ltrimstr("RSK-") | tonumber' | sort -n | tail -1) + 1 ))
expect_exit 1 full risk add "Lost ID" --likelihood 2 --impact 2
err_has "RSK-$next was saved, but its ID could not be written to standard output: No space left on device"
ok cso risk show "RSK-$next" --fields title
out_is "title: Lost ID"
expect_exit 1 full risk assess "RSK-$next" --likelihood 3 --impact 3
err_has "RSK-$next was saved"
ok cso risk show "RSK-$next" --fields score
out_is "score: 9"
verified
done_ok
