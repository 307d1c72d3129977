#!/usr/bin/env bash
# `cso export` then `cso import` into a new database restores the demo program exactly: every
# list, several shows, the journal (`cso log`) and the `verify` head are the same, the tables hold
# the same rows, and exporting the import again gives the same bytes. `--output` writes 0600 and
# leaves no temporary file; `import -` reads stdin.
source "$(dirname "$0")/lib.bash"

ok cso init --demo
ok cso verify
head=$(cat "$TMP/out")

# Every view of the program worth comparing, written into directory $1.
views() {
  local dir=$1
  mkdir -p "$dir"
  local i=0
  while IFS= read -r line; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    "$CSO" $line >"$dir/$i.raw" 2>"$dir/$i.err" || echo "exit $?" >>"$dir/$i.raw"
    # The database's own path (status names it) is the one thing that differs.
    sed "s#$CSO_DB#DB#g" "$dir/$i.raw" >"$dir/$i.out"
    echo "$line" >>"$dir/index"
  done <<'VIEWS'
staff list --all --format json
staff show alice --format json
staff cert list --format json
risk list --format json
risk show RSK-1 --format json
risk show RSK-12 --format json
risk history RSK-1 --format json
risk matrix --format json
policy list --format json
policy show POL-1 --format json
policy show POL-1 --version 1 --body
policy acks POL-1 --format json
train list --format json
train status --format json
incident list --format json
incident show INC-1 --format json
incident timeline INC-2 --format json
audit list --format json
audit show AUD-1 --format json
audit finding list --format json
status --format json
check --format json
log --format jsonl
report board --format md
VIEWS
}
views "$TMP/before"
grep -q . "$TMP/before/4.out" || fail "risk list printed nothing"

# Export to stdout and to a file: the same document.
ok cso export
cp "$TMP/out" "$TMP/stdout.json"
err_has "exported"
umask 022
ok cso export --output "$TMP/dump.json"
cmp -s "$TMP/stdout.json" "$TMP/dump.json" || fail "--output and stdout differ"
[ "$(stat -c %a "$TMP/dump.json")" == 600 ] || fail "the export is mode $(stat -c %a "$TMP/dump.json"), not 600"
ls -a "$TMP" | grep -q '\.tmp-' && fail "a temporary file was left beside the export"
checks=$((checks + 1))

jq -e '.format == "cso-export" and .version == 1 and (.schema_version | type) == "number"' "$TMP/dump.json" >/dev/null ||
  fail "format, version and schema version"
[ "$(jq '.records.risk | length' "$TMP/dump.json")" == 30 ] || fail "30 risks exported"
[ "$(jq -r '.head' "$TMP/dump.json")" == "$head" ] || fail "the export names the journal head"
[ "$(jq '.journal | length' "$TMP/dump.json")" == "$(sqlite3 "$CSO_DB" 'select count(*) from journal')" ] ||
  fail "every journal entry exported"
for kind in $(sqlite3 "$CSO_DB" "select name from sqlite_master where type='table' and name not in ('tally','counter','journal')"); do
  [ "$(jq ".records.$kind | length" "$TMP/dump.json")" == "$(sqlite3 "$CSO_DB" "select count(*) from $kind")" ] ||
    fail "every $kind record exported"
  checks=$((checks + 1))
done

# Import into a new database.
orig=$CSO_DB
export CSO_DB=$TMP/copy.db
ok cso init
ok cso import "$TMP/dump.json"
out_is "$head"
err_has "imported"
ok cso verify
out_is "$head"
views "$TMP/after"
for f in "$TMP"/before/*.out; do
  checks=$((checks + 1))
  cmp -s "$f" "$TMP/after/$(basename "$f")" || {
    diff "$f" "$TMP/after/$(basename "$f")" | head -20 >&2
    fail "'$(sed -n "$(basename "$f" .out)p" "$TMP/before/index")' differs after the round trip"
  }
done

# The same rows in every table (the counts kept for status compared through `status` above).
rows() {
  for t in $(sqlite3 "$1" "select name from sqlite_master where type='table' and name != 'tally' order by name"); do
    echo "== $t"
    sqlite3 "$1" "select * from $t order by 1, 2"
  done
}
rows "$orig" >"$TMP/rows.before"
rows "$CSO_DB" >"$TMP/rows.after"
cmp -s "$TMP/rows.before" "$TMP/rows.after" || fail "the tables differ after the round trip"
checks=$((checks + 1))

# The import journalled nothing of its own, and IDs continue where the original's did.
ok cso log --limit 1 --format jsonl
[ "$(json .hash)" == "$head" ] || fail "the import added journal entries"
ok cso risk add "After the move" --likelihood 1 --impact 1
next=$(cat "$TMP/out")
CSO_DB=$orig ok cso risk add "After the move" --likelihood 1 --impact 1
out_is "$next"

# Export → import → export gives the same bytes.
export CSO_DB=$TMP/third.db
ok cso init
ok cso import "$TMP/dump.json"
ok cso export
cmp -s "$TMP/out" "$TMP/dump.json" || fail "export after import differs from the first export"
checks=$((checks + 1))

# stdin.
export CSO_DB=$TMP/stdin.db
ok cso init
expect_exit 0 bash -c '"$CSO" import - <"$1"' _ "$TMP/dump.json"
out_is "$head"
ok cso verify
out_is "$head"

# A read-only command's formats: export refuses --format json (it has its own).
expect_exit 2 cso export --format csv
done_ok
