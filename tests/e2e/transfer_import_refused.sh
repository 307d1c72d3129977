#!/usr/bin/env bash
# `cso import` refuses, writing nothing: a database that is not empty (4); a file that is not a
# cso export — truncated, foreign JSON, another version, a value of the wrong type, a missing
# field, an unknown kind — (2, naming the JSON path); an export whose journal does not verify (5,
# unless --force).
source "$(dirname "$0")/lib.bash"

fresh
ok cso risk add "Ransomware" --likelihood 4 --impact 5 --owner alice
ok cso risk add "Phishing" --likelihood 2 --impact 3 --owner bob
ok cso risk assess RSK-2 --likelihood 3 --impact 3 --note "more campaigns"
ok cso export --output "$TMP/good.json"
ok cso verify
head=$(cat "$TMP/out")

# Into the database it came from: not empty.
snapshot
expect_exit 4 cso import "$TMP/good.json"
err_has "is not empty"
err_has "cso init"
unchanged

# A new database; every refusal below leaves it empty.
export CSO_DB=$TMP/new.db
ok cso init
snapshot
refused() {  # refused CODE FILE TEXT...
  local code=$1 file=$2
  shift 2
  expect_exit "$code" cso import "$file"
  for text in "$@"; do
    err_has "$text"
  done
  unchanged
}

# Truncated anywhere: in the records, in the journal, after the last entry.
size=$(stat -c %s "$TMP/good.json")
for cut in 20 200 $((size / 2)) $((size - 30)) $((size - 2)); do
  head -c "$cut" "$TMP/good.json" >"$TMP/cut.json"
  refused 2 "$TMP/cut.json" "import: $TMP/cut.json: \$" "malformed JSON"
done
: >"$TMP/empty.json"
refused 2 "$TMP/empty.json" "malformed JSON"

# Foreign JSON.
echo '{"staff": []}' >"$TMP/foreign.json"
refused 2 "$TMP/foreign.json" "$TMP/foreign.json: \$: not a cso export"
echo '[1, 2]' >"$TMP/array.json"
refused 2 "$TMP/array.json" "not a cso export"
echo '{"format": "sarif", "version": 1}' >"$TMP/sarif.json"
refused 2 "$TMP/sarif.json" '$.format: "sarif" is not a cso export'

edit() {  # edit JQ: good.json through jq, into bad.json
  jq -c "$1" "$TMP/good.json" >"$TMP/bad.json"
}
edit '.version = 2'
refused 2 "$TMP/bad.json" '$.version: version 2 of cso-export is not known'
edit '.schema_version = 1'
refused 2 "$TMP/bad.json" '$.schema_version: the export is of database schema 1'
edit '.records.risk[1].impact = "high"'
refused 2 "$TMP/bad.json" "import: $TMP/bad.json: \$.records.risk[1].impact: expected an integer"
edit '.records.risk[0].title = 7'
refused 2 "$TMP/bad.json" '$.records.risk[0].title: expected a string'
edit '.records.risk[0].id = "POL-1"'
refused 2 "$TMP/bad.json" '$.records.risk[0].id: expected an ID like "RSK-1"'
edit '.records.staff[1] |= del(.name)'
refused 2 "$TMP/bad.json" "\$.records.staff[1]: missing field 'name'"
edit '.records.staff[0].shoe_size = 42'
refused 2 "$TMP/bad.json" "\$.records.staff[0].shoe_size: unknown field 'shoe_size' of a staff"
edit '.records.gadget = []'
refused 2 "$TMP/bad.json" "\$.records.gadget: unknown kind of record 'gadget'"
edit '.journal[2].seq = "three"'
refused 2 "$TMP/bad.json" '$.journal[2].seq: expected a positive integer'
edit '.journal[1].hash = "abc"'
refused 2 "$TMP/bad.json" '$.journal[1].hash: expected 64 hex digits'
edit 'del(.journal)'
refused 2 "$TMP/bad.json" '$: missing "journal"'
edit '.records.risk[0].title = null'
refused 2 "$TMP/bad.json" '$.records.risk[0]: the risk RSK-1 cannot be stored'

# A journal that does not verify: exit 5 naming the entry, unless --force.
edit '.journal[3].actor = "mallory"'
refused 5 "$TMP/bad.json" "does not verify" "journal entry 4" "--force"
edit '.journal[3].hash = "'"$(printf '0%.0s' {1..64})"'"'
refused 5 "$TMP/bad.json" "journal entry 4"
edit '.records.risk[0].title = "Not what the journal says"'
refused 5 "$TMP/bad.json" "RSK-1 differs from its last journalled state"
edit 'del(.journal[-1])'
refused 5 "$TMP/bad.json" "does not verify" "RSK-2"
edit '.head = "'"$(printf 'a%.0s' {1..64})"'"'
refused 5 "$TMP/bad.json" "but the export says aaaa" "entries were removed or changed"

edit '.journal[3].actor = "mallory"'
expect_exit 0 cso import --force "$TMP/bad.json"
err_has "warning: import --force"
expect_exit 5 cso verify
err_has "journal entry 4"
ok cso risk list --format json
[ "$(json length)" == 2 ] || fail "--force imported the records"

# A good export still goes in afterwards, into another new database.
export CSO_DB=$TMP/third.db
ok cso init
ok cso import "$TMP/good.json"
out_is "$head"
verified

# No such file, a directory.
expect_exit 2 cso import "$TMP/nothing.json"
err_has "nothing.json"
expect_exit 2 cso import "$TMP"
err_has "is a directory"
done_ok
