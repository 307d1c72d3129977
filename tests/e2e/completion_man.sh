#!/usr/bin/env bash
# The man page (cso __man, written to build/man/cso.1 by the build) is valid roff that
# mandoc lints clean and man renders, with every visible command and the required sections;
# cso help covers every topic of SPEC §1, lists them alone, and names them on a typo.
source "$(dirname "$0")/lib.bash"

ok cso __man
cp "$TMP/out" "$TMP/cso.1"
if [ -f "$(dirname "$CSO")/man/cso.1" ]; then
  cmp -s "$(dirname "$CSO")/man/cso.1" "$TMP/cso.1" || fail "build/man/cso.1 is stale"
fi
checks=$((checks + 1))
mandoc -Tlint -Wall "$TMP/cso.1" >"$TMP/lint" 2>&1 || true
[ ! -s "$TMP/lint" ] || fail "mandoc -Tlint: $(head -20 "$TMP/lint")"
checks=$((checks + 1))
MANWIDTH=100 man -l "$TMP/cso.1" 2>"$TMP/err" | col -b >"$TMP/page" || fail "man -l failed: $(cat "$TMP/err")"
[ ! -s "$TMP/err" ] || fail "man -l warned: $(cat "$TMP/err")"
cp "$TMP/page" "$TMP/out"
for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES \
  POLICY RISK INCIDENT AUDIT TRAIN STAFF CONFIG; do
  checks=$((checks + 1))
  grep -qx "$section" "$TMP/page" || fail "the man page lacks the section $section"
done
out_has "cso risk add TITLE"
out_has "--likelihood TEXT"
out_has "--owner HANDLE"
out_has "--audit AUD-n"
out_has "CSO_DB"
out_has "monitoring-plugin"
out_lacks "__complete"
out_lacks "__man"
# Every visible command has its heading: the verbs of every noun from the command tree.
ok cso completion bash
cp "$TMP/out" "$TMP/cso.bash"
# shellcheck disable=SC2016
bash -c 'source "$1"; for k in "${!_cso_subs[@]}"; do for s in ${_cso_subs[$k]}; do echo "$k $s"; done; done' \
  _ "$TMP/cso.bash" | sort -u >"$TMP/paths"
[ "$(wc -l <"$TMP/paths")" -gt 100 ] || fail "too few commands in the tables: $(wc -l <"$TMP/paths")"
while read -r path; do
  checks=$((checks + 1))
  [ "$path" == cso ] || grep -qF -- "$path" "$TMP/page" || fail "the man page lacks '$path'"
done <"$TMP/paths"
# Roff escapes: a dash is \-, text never starts a line with . or '.
checks=$((checks + 1))
! grep -nE "^[^.\\\\].*[^\\\\]-" "$TMP/cso.1" | grep -v '^[0-9]*:\.' | head -1 | grep -q . ||
  fail "an unescaped '-': $(grep -nE "^[^.\\\\].*[^\\\\]-" "$TMP/cso.1" | head -3)"

# cso help: every topic of SPEC §1.
ok cso help
out_has "Topics: cso help dates|formats|exit-codes|config|checks|templates"
for topic in dates formats exit-codes config templates checks; do
  ok cso help "$topic"
  checks=$((checks + 1))
  [ -s "$TMP/out" ] || fail "cso help $topic is empty"
done
expect_exit 2 cso help nosuch
err_has "dates, formats, exit-codes, config, checks, templates"
ok cso help risk add
out_has "--likelihood"

done_ok
