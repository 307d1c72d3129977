#!/usr/bin/env bash
# Output formats (SPEC §2): json/jsonl/csv/tsv shapes, RFC 4180 quoting, --fields order, --json,
# the CSV formula guard, control characters neutralised for people but kept for machines, JSON value
# types, and creating commands printing the ID alone.
source "$(dirname "$0")/lib.bash"
fresh

# Empty lists.
ok cso risk list --format json
out_is "[]"
ok cso risk list --json
out_is "[]"
ok cso risk list --format jsonl
out_is ""
ok cso risk list --format csv
out_is "id,title,owner,status,score,level,next_review"
ok cso risk list --format tsv
out_is $'id\ttitle\towner\tstatus\tscore\tlevel\tnext_review'

# A creating command prints the ID alone, so $(...) captures it.
id=$(cso risk add 'Vendor "Acme", Inc. breach' --likelihood 3 --impact 4 --owner alice)
checks=$((checks + 1))
[ "$id" == "RSK-1" ] || fail "risk add printed '$id'"
ok cso risk add "Plain title" --likelihood 1 --impact 2 --category people
out_is "RSK-2"
[ ! -s "$TMP/err" ] || fail "risk add wrote to stderr: $(cat "$TMP/err")"
[ "$(wc -c <"$TMP/out")" == 6 ] || fail "risk add prints 'RSK-2' and a newline only"
ok cso risk assess 2 --likelihood 2 --impact 2
out_is "RSK-2"
ok cso staff add carol --name "Carol"
out_is "carol"

# json: an array of objects; IDs strings, numbers numbers, dates YYYY-MM-DD, instants RFC 3339 Z,
# absent values null.
ok cso risk list --format json
[ "$(json 'type')" == "array" ] || fail "json list is an array"
[ "$(json 'length')" == 2 ] || fail "two risks"
[ "$(json '.[0].id | type')" == "string" ] || fail "IDs are strings"
[ "$(json '.[0].id')" == "RSK-1" ] || fail "ID text"
[ "$(json '.[0].score | type')" == "number" ] || fail "score is a number"
[ "$(json '.[0].title')" == 'Vendor "Acme", Inc. breach' ] || fail "title round trip"
[ "$(json '.[1].owner')" == "null" ] || fail "absent owner is null"
[ "$(json '.[1].owner | type')" == "null" ] || fail "absent owner is JSON null"
keys=$(json '.[0] | keys_unsorted | join(",")')
ok cso risk show 1 --format json
[ "$(json 'keys_unsorted | join(",")')" == "$keys" ] || fail "list keys are show's keys (SPEC §2): $keys"
[ "$(json 'type')" == "object" ] || fail "json show is an object"
checks=$((checks + 1))
json '.next_review, .created, .updated' >"$TMP/values"
grep -qxE '[0-9]{4}-[0-9]{2}-[0-9]{2}' <(sed -n 1p "$TMP/values") || fail "next_review is a date"
[ "$(sed -n 2p "$TMP/values")" == "2026-11-27T09:00:00Z" ] || fail "created is an RFC 3339 instant"
[ "$(json '.likelihood | type')" == "number" ] || fail "likelihood is a number"
[ "$(json '.residual_likelihood | type')" == "null" ] || fail "absent residual is null"
[ "$(json '.closed_at')" == "null" ] || fail "closed_at is null"
[ "$(json '.description')" == "null" ] || fail "absent description is null"
ok cso risk treat 1 --strategy mitigate --plan "Contract review" --due 2027-01-15T18:00:00Z
CSO_NOW=2026-11-28T10:30:00+02:00 ok cso --as bob risk accept 1 --until 2027-06-30 --reason "ok"
ok cso risk show 1 --format json
[ "$(json .due)" == "2027-01-15" ] || fail "a due date given as an instant is a date"
[ "$(json .accepted_until)" == "2027-06-30" ] || fail "accepted_until is a date"
[ "$(json .updated)" == "2026-11-28T08:30:00Z" ] || fail "instants are stored and printed in UTC: $(json .updated)"
ok cso risk list --format json
[ "$(json '.[0].id')" == "RSK-1" ] || fail "list after changes"

# jsonl: one compact object per line.
ok cso risk list --format jsonl
[ "$(wc -l <"$TMP/out")" == 2 ] || fail "jsonl: two lines"
checks=$((checks + 1))
while IFS= read -r line; do
  [ "$(jq -r 'type' <<<"$line")" == "object" ] || fail "jsonl line is not an object: $line"
done <"$TMP/out"
[ "$(head -1 "$TMP/out" | jq -r .id)" == "RSK-1" ] || fail "jsonl first id"

# csv and tsv: header row, RFC 4180 quoting of commas and quotes.
ok cso risk list --format csv
[ "$(head -1 "$TMP/out")" == "id,title,owner,status,score,level,next_review" ] || fail "csv header"
out_has 'RSK-1,"Vendor ""Acme"", Inc. breach",alice,accepted,12,high,'
out_has "RSK-2,Plain title,,open,4,low,"
[ "$(wc -l <"$TMP/out")" == 3 ] || fail "csv: header and two rows"
ok cso risk list --format tsv
[ "$(head -1 "$TMP/out")" == $'id\ttitle\towner\tstatus\tscore\tlevel\tnext_review' ] || fail "tsv header"
out_has $'RSK-1\t"Vendor ""Acme"", Inc. breach"\talice\taccepted\t12\thigh\t'
out_has $'RSK-2\tPlain title\t\topen\t4\tlow\t'
ok cso risk show 1 --format csv
[ "$(head -1 "$TMP/out")" == "id,title,description,category,owner,status,likelihood,impact,score,level,residual_likelihood,residual_impact,treatment,plan,due,review_every,next_review,accepted_by,accepted_until,created,updated,closed_at" ] ||
  fail "csv record header"
[ "$(wc -l <"$TMP/out")" == 2 ] || fail "csv record: header and one row"
# A description with a newline stays one CSV record (quoted).
ok cso risk edit 2 --description $'two\nlines'
ok cso risk list --fields id,description --format csv
out_is $'id,description\nRSK-1,\nRSK-2,"two\nlines"'

# --fields: that order in every format; unknown field exits 2.
ok cso risk list --fields score,title,id --format json
[ "$(json '.[0] | keys_unsorted | join(",")')" == "score,title,id" ] || fail "json keys in --fields order"
[ "$(json '.[1] | [.score, .title, .id] | map(tostring) | join("|")')" == "4|Plain title|RSK-2" ] || fail "json values"
ok cso risk list --fields score,title,id --format jsonl
[ "$(head -1 "$TMP/out" | jq -r 'keys_unsorted | join(",")')" == "score,title,id" ] || fail "jsonl keys in order"
ok cso risk list --fields score,title,id --format csv
out_is $'score,title,id\n12,"Vendor ""Acme"", Inc. breach",RSK-1\n4,Plain title,RSK-2'
ok cso risk list --fields score,title,id --format tsv
out_is $'score\ttitle\tid\n12\t"Vendor ""Acme"", Inc. breach"\tRSK-1\n4\tPlain title\tRSK-2'
ok cso risk list --fields score,title,id
[ "$(head -1 "$TMP/out" | tr -s ' ')" == "score title id" ] || fail "table header in --fields order"
[ "$(sed -n 3p "$TMP/out" | tr -s ' ' | sed 's/^ //')" == "4 Plain title RSK-2" ] || fail "table row in --fields order"
ok cso risk show 2 --fields title,id
out_is $'title: Plain title\nid:    RSK-2'
ok cso risk show 2 --fields level,created --format json
[ "$(json 'keys_unsorted | join(",")')" == "level,created" ] || fail "show --fields"
ok cso --fields id,accepted_by risk list --format json
[ "$(json '.[0].accepted_by')" == "bob" ] || fail "--fields before the subcommand"
snapshot
for f in "id,bogus" "nope" "id,,title" "id,TITLE" "id;title"; do
  expect_exit 2 cso risk list --fields "$f"
  err_has "--fields"
  [ ! -s "$TMP/out" ] || fail "--fields $f: partial output"
done
expect_exit 2 cso risk show 1 --fields bogus --format json
err_has "--fields"
expect_exit 2 cso risk list --format yaml
err_has "--format"
expect_exit 2 cso risk list --format JSON
unchanged

# --json is short for --format json, before or after the verb, for lists and records.
for args in "risk list" "risk show 1" "risk list --sort -score" "staff list" "staff show alice" "risk matrix"; do
  # shellcheck disable=SC2086
  ok cso $args --json
  cp "$TMP/out" "$TMP/short"
  # shellcheck disable=SC2086
  ok cso $args --format json
  cmp -s "$TMP/out" "$TMP/short" || fail "--json differs from --format json for '$args'"
  # shellcheck disable=SC2086
  ok cso --json $args
  cmp -s "$TMP/out" "$TMP/short" || fail "--json before the noun differs for '$args'"
done

# Formula guard: a text cell starting with = + - @ tab or CR gets a leading ' in csv/tsv only.
ok cso risk add '=HYPERLINK("http://x","click")' --likelihood 1 --impact 1
out_is "RSK-3"
ok cso risk add "+1+1" --likelihood 1 --impact 1
ok cso risk add "-2+3" --likelihood 1 --impact 1
ok cso risk add "@SUM(A1)" --likelihood 1 --impact 1
ok cso risk add $'\tcmd' --likelihood 1 --impact 1
ok cso risk add "Safe = fine" --likelihood 1 --impact 1 --category "=cat"
ok cso risk list --fields id,title,category --format csv
out_has 'RSK-3,"'"'"'=HYPERLINK(""http://x"",""click"")",'
out_has "RSK-4,'+1+1,"
out_has "RSK-5,'-2+3,"
out_has "RSK-6,'@SUM(A1),"
out_has "RSK-7,'"$'\t'"cmd,"
out_has "RSK-8,Safe = fine,'=cat"
ok cso risk list --fields id,title --format tsv
out_has $'RSK-4\t\'+1+1'
out_has $'RSK-7\t"\'\tcmd"'
ok cso risk show 3 --format json
[ "$(json .title)" == '=HYPERLINK("http://x","click")' ] || fail "json keeps the formula intact"
ok cso risk list --fields id,title
out_has '=HYPERLINK("http://x","click")'
out_lacks "'=HYPERLINK"

# Control characters: neutralised in table output and show (no raw ESC), kept escaped in json,
# kept as data in csv.
evil=$'Evil \e]0;pwned\a title \e[31mred\e[0m \x7f del \xc2\x9b csi'
ok cso risk add "$evil" --likelihood 5 --impact 5 --category $'cat\e[2J' --description $'desc \e[1mbold\nnext line'
out_is "RSK-9"
no_escape() {
  checks=$((checks + 1))
  [ "$(grep -c $'\x1b' "$TMP/out")" == 0 ] || fail "$1: raw ESC in stdout"
  ! grep -q $'\a' "$TMP/out" || fail "$1: raw BEL in stdout"
  ! grep -q $'\x7f' "$TMP/out" || fail "$1: raw DEL in stdout"
  ! grep -q $'\xc2\x9b' "$TMP/out" || fail "$1: raw C1 CSI in stdout"
}
ok cso risk list
no_escape "risk list"
out_has "Evil"
out_has "pwned"
out_has "title"
ok cso risk list --fields id,title,category --sort -score --limit 1
no_escape "risk list --fields"
ok cso risk show 9
no_escape "risk show"
out_has "pwned"
out_has "next line"
ok cso risk history 9
no_escape "risk history"
ok cso log
no_escape "log"
ok cso risk show 9 --format json
[ "$(json .title)" == "$evil" ] || fail "json keeps the title, escaped"
grep -qF '\u001b]0;pwned\u0007' "$TMP/out" || fail "json escapes ESC and BEL as \\u001b and \\u0007"
[ "$(grep -c $'\x1b' "$TMP/out")" == 0 ] || fail "json: no raw ESC"
ok cso risk list --format jsonl
[ "$(grep -c $'\x1b' "$TMP/out")" == 0 ] || fail "jsonl: no raw ESC"
[ "$(tail -1 "$TMP/out" | jq -r .title)" == "$evil" ] || fail "jsonl keeps the title"
ok cso risk list --fields title --format csv --sort -id --limit 1
[ "$(tail -1 "$TMP/out")" == "$evil" ] || fail "csv keeps the data"
# Error messages quoting user input are neutralised too.
expect_exit 2 cso risk show $'\e]0;x\a'
[ "$(grep -c $'\x1b' "$TMP/err")" == 0 ] || fail "raw ESC in an error message"
expect_exit 2 cso risk list --status $'open\e[31m'
[ "$(grep -c $'\x1b' "$TMP/err")" == 0 ] || fail "raw ESC in an error message"

# Long text is truncated only on a terminal: into a file or pipe the table keeps it whole.
long=$(printf 'Very long title %.0s' {1..20})
ok cso risk add "$long" --likelihood 1 --impact 1 --owner alice
long_id=$(cat "$TMP/out")
ok cso risk list --fields id,title
out_has "$long_id  $long"
ok cso risk rm "$long_id" --force

verified
done_ok
