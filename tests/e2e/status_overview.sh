#!/usr/bin/env bash
# `cso status` summarises the program (staff and risk counts) and what needs attention, in text and
# JSON, agreeing with list and check; an empty program needs nothing; init --demo seeds only an empty
# database (exit 4 otherwise).
source "$(dirname "$0")/lib.bash"

# An empty program.
ok cso init
snapshot
ok cso status
out_has "$CSO_DB"
out_has "Nothing needs attention"
out_lacks "Needs attention"
ok cso status --json
[ "$(json .staff.active)" == 0 ] || fail "no staff"
[ "$(json .risks.total)" == 0 ] || fail "no risks"
[ "$(json .attention.status)" == OK ] || fail "attention OK"
[ "$(json '.attention.problems | length')" == 0 ] || fail "no problems"
unchanged

# A small program with one problem of each severity.
"$CSO" staff add alice --name "Alice Moreau" >/dev/null
"$CSO" staff add bob --name "Bob Okafor" >/dev/null
CSO_NOW=2026-08-01T09:00:00Z ok cso risk add "Old review" --likelihood 1 --impact 1 --owner alice --review-every 90d
CSO_NOW=2026-09-01T09:00:00Z ok cso risk add "Review soon" --likelihood 1 --impact 1 --owner bob --review-every 90d
ok cso risk add "Fresh and critical" --likelihood 5 --impact 5 --owner alice
ok cso risk add "Closed" --likelihood 2 --impact 2
ok cso risk close RSK-4 --reason "Gone"
snapshot
ok cso status
out_has "2 active"
out_has "4 in all"
out_has "Needs attention"
out_has "RSK-1"
out_has "RSK-2"
out_lacks "RSK-3 "
out_lacks "Nothing needs attention"
ok cso status --json
[ "$(json .staff.active)" == 2 ] || fail "staff.active"
[ "$(json .risks.total)" == 4 ] || fail "risks.total"
[ "$(json .risks.by_status.open)" == 3 ] || fail "by_status.open"
[ "$(json .risks.by_status.closed)" == 1 ] || fail "by_status.closed"
[ "$(json .risks.by_level.critical)" == 1 ] || fail "by_level.critical"
[ "$(json .risks.by_level.low)" == 2 ] || fail "by_level.low (not closed)"
[ "$(json .attention.status)" == CRITICAL ] || fail "attention.status"
[ "$(json .attention.critical)" == 1 ] && [ "$(json .attention.warning)" == 1 ] || fail "attention counts"
[ "$(json '[.attention.problems[].id] | join(",")')" == "RSK-1,RSK-2" ] || fail "attention ids"
unchanged

# The demo program: a fresh database seeded with a fictional company.
export CSO_DB=$TMP/demo.db
ok cso init --demo
out_is "$CSO_DB"
verified
snapshot
ok cso status
out_has "Needs attention"
grep -Eq '^ *staff +[0-9]+ active' "$TMP/out" || fail "staff line: $(cat "$TMP/out")"
grep -Eq '^ *risks +[0-9]+ in all' "$TMP/out" || fail "risks line"
ok cso status --json
cp "$TMP/out" "$TMP/status.json"
staff_active=$(jq -r .staff.active "$TMP/status.json")
risks_total=$(jq -r .risks.total "$TMP/status.json")
[ "$staff_active" -ge 10 ] && [ "$risks_total" -ge 20 ] || fail "the demo is too small: $staff_active staff, $risks_total risks"
ok cso staff list --format jsonl
[ "$(wc -l <"$TMP/out")" == "$staff_active" ] || fail "status staff count ≠ staff list"
ok cso risk list --format jsonl
[ "$(wc -l <"$TMP/out")" == "$risks_total" ] || fail "status risk count ≠ risk list"
for s in open treating accepted closed; do
  n=$(jq -r ".risks.by_status.$s" "$TMP/status.json")
  checks=$((checks + 1))
  [ "$(jq -r --arg s "$s" 'select(.status == $s) | .id' "$TMP/out" | wc -l)" == "$n" ] || fail "by_status.$s"
  [ "$n" -ge 1 ] || fail "the demo has no $s risk"
done
[ "$(jq -r '.risks.by_status | add' "$TMP/status.json")" == "$risks_total" ] || fail "by_status adds up"
not_closed=$(jq -r 'select(.status != "closed") | .id' "$TMP/out" | wc -l)
[ "$(jq -r '.risks.by_level | add' "$TMP/status.json")" == "$not_closed" ] || fail "by_level counts the risks not closed"
# Attention agrees with check.
expect_exit 2 cso check --format json
[ "$(jq -r .attention.critical "$TMP/status.json")" == "$(json .counts.critical)" ] || fail "critical ≠ check"
[ "$(jq -r .attention.warning "$TMP/status.json")" == "$(json .counts.warning)" ] || fail "warning ≠ check"
[ "$(jq -r .attention.status "$TMP/status.json")" == "$(json .status)" ] || fail "status ≠ check"
first=$(json '.problems[0].id')
ok cso status
out_has "$first"
ok cso status --format json
[ "$(json .risks.total)" == "$risks_total" ] || fail "--format json is --json"
unchanged

# --demo on a database that has records: exit 4, nothing changes.
expect_exit 4 cso init --demo
err_has "$CSO_DB"
unchanged
export CSO_DB=$TMP/cso.db
snapshot
expect_exit 4 cso init --demo
unchanged
verified
done_ok
