#!/usr/bin/env bash
# Global options work before or after the subcommand; unknown commands exit 2 with a hint;
# --version and version; help topics; -q silences informational messages but not errors.
source "$(dirname "$0")/lib.bash"
fresh
cso risk add "Phishing" --likelihood 3 --impact 4 --owner alice >/dev/null
cso risk add "Ransomware" --likelihood 4 --impact 5 >/dev/null

# same A -- B: the two command lines (split on spaces) print the same stdout and both exit 0.
same() {
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  ok cso "${a[@]}"
  cp "$TMP/out" "$TMP/first"
  ok cso "${b[@]}"
  checks=$((checks + 1))
  cmp -s "$TMP/first" "$TMP/out" || fail "'${a[*]}' and '${b[*]}' differ"
  [ -s "$TMP/out" ] || fail "'${b[*]}' printed nothing"
}
same --format json risk list -- risk list --format json
same --format json risk list -- risk --format json list
same --format csv risk show 1 -- risk show --format csv 1
same --json risk list -- risk list --json
same --fields id,score risk list -- risk list --fields id,score
same --fields id,score --format tsv risk list -- risk list --format tsv --fields id,score
same --color never risk list -- risk list --color never
same --db "$CSO_DB" risk list -- risk list --db "$CSO_DB"
same --format jsonl staff list -- staff list --format jsonl
ok cso risk list --format json --db "$CSO_DB" --sort -score --limit 1
[ "$(json '.[0].id')" == "RSK-2" ] || fail "global options mixed with the verb's"

# --db after the verb picks the database, over CSO_DB.
"$CSO" --db "$TMP/other.db" init >/dev/null 2>&1
ok cso risk add "Elsewhere" --likelihood 1 --impact 1 --db "$TMP/other.db"
out_is "RSK-1"
ok cso risk list --db "$TMP/other.db" --format json
[ "$(json 'map(.title) | join(",")')" == "Elsewhere" ] || fail "--db after the verb"
ok cso risk list --format json
[ "$(json 'map(.title) | join(",")')" == "Phishing,Ransomware" ] || fail "CSO_DB untouched by --db elsewhere"
expect_exit 3 cso risk list --db "$TMP/missing.db"
err_has "missing.db"
[ ! -e "$TMP/missing.db" ] || fail "a missing database is never created"
expect_exit 3 cso --db "$TMP/missing.db" risk list
# --as after the verb names the actor.
ok cso risk review 1 --as bob
ok cso log RSK-1 --limit 1 --format json
[ "$(json '.[0].actor')" == "bob" ] || fail "--as after the verb"
ok cso --as alice risk review 1
ok cso log RSK-1 --limit 1 --format json
[ "$(json '.[0].actor')" == "alice" ] || fail "--as before the noun"

# Unknown commands and flags: exit 2, with a hint.
snapshot
expect_exit 2 cso rsik list
err_has "rsik"
err_has "did you mean 'risk'"
expect_exit 2 cso stauts
err_has "did you mean 'status'"
expect_exit 2 cso --bogus risk list
err_has "--bogus"
expect_exit 2 cso risk list --bogus
err_has "--bogus"
expect_exit 2 cso risk list --format
expect_exit 2 cso risk
err_has "cso risk --help"
unchanged

# Versions.
ok cso --version
grep -qxE 'cso [0-9]+\.[0-9]+\.[0-9]+' "$TMP/out" || fail "--version: $(cat "$TMP/out")"
cp "$TMP/out" "$TMP/version"
ok cso version
cmp -s "$TMP/out" "$TMP/version" || fail "'cso version' differs from 'cso --version'"

# Help topics.
topic() {
  ok cso help "$1"
  [ "$(wc -l <"$TMP/out")" -ge 5 ] || fail "help $1: a few lines of text expected"
  out_has "$2"
}
topic dates "+30d"
topic formats "jsonl"
topic exit-codes "conflict"
topic config "risk"
topic checks "risk.review_overdue"
ok cso --help
out_has "Usage"
ok cso risk list --help
out_has "--min-score"
printf '[check.rules."risk.untreated"]\nseverity = "off"\n' >"$TMP/off.toml"
ok cso --config "$TMP/off.toml" help checks
grep -A3 '^risk.untreated' "$TMP/out" | grep -q 'off' || fail "help checks shows the current settings"
expect_exit 2 cso help nonsense
err_has "nonsense"
err_has "dates"
[ ! -s "$TMP/out" ] || fail "help nonsense printed on stdout"

# -q: no informational messages on stderr, errors still shown; stdout unchanged.
ok cso verify
[ -s "$TMP/err" ] || fail "verify says what it verified"
cp "$TMP/out" "$TMP/head"
ok cso -q verify
[ ! -s "$TMP/err" ] || fail "-q verify wrote to stderr: $(cat "$TMP/err")"
cmp -s "$TMP/out" "$TMP/head" || fail "-q changes stdout"
ok cso verify --quiet
[ ! -s "$TMP/err" ] || fail "verify --quiet wrote to stderr"
ok cso verify -q
[ ! -s "$TMP/err" ] || fail "verify -q wrote to stderr"
ok cso init -q
[ ! -s "$TMP/err" ] || fail "init -q wrote to stderr"
ok cso -q --db "$TMP/third.db" init
[ ! -s "$TMP/err" ] || fail "-q init of a new database wrote to stderr"
[ -e "$TMP/third.db" ] || fail "init created the database"
expect_exit 3 cso -q risk show 99
err_has "RSK-99"
expect_exit 2 cso -q risk add "x" --likelihood 0 --impact 1
err_has "--likelihood"

# `cso help` alone is the program's help (the commands), and `cso help COMMAND` is the command's --help.
ok cso --help
cp "$TMP/out" "$TMP/main-help"
ok cso help
out_has "Subcommands:"
out_has "risk register"
out_has "$(sed -n 2p "$TMP/main-help")"
ok cso risk --help
grep '^Usage:' "$TMP/out" >"$TMP/risk-usage"
ok cso help risk
out_has "$(cat "$TMP/risk-usage")"
out_has "matrix"

# An unknown verb is named, with a suggestion, like an unknown noun.
snapshot
expect_exit 2 cso risk lsit
err_has "lsit"
err_has "did you mean 'list'"
expect_exit 2 cso frobnicate
err_has "frobnicate"
err_has "help"
unchanged

# CSO_NOW is read once, by the command's context: a malformed one exits 2 naming it, and an
# empty one means the system clock.
snapshot
CSO_NOW=soon expect_exit 2 cso risk add "Late" --likelihood 1 --impact 1
err_has "CSO_NOW: 'soon' is not a date; use YYYY-MM-DD or an RFC 3339 instant"
unchanged
CSO_NOW=2026-02-30 expect_exit 2 cso status
err_has "CSO_NOW: '2026-02-30' is not a valid date"
CSO_NOW= ok cso risk list

verified
done_ok
