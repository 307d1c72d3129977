#!/usr/bin/env bash
# `audit finding list` filters: --audit, --open, --overdue (open/remediating past due, accepted past
# accepted_until; due today is not overdue), --owner, --severity, --status, --grade, --sort, --limit;
# and `audit list` filters. Bad filter values exit 2.
source "$(dirname "$0")/lib.bash"
fresh

# ids ARGS…: the IDs `audit finding list ARGS` prints, comma-separated.
ids() {
  "$CSO" audit finding list "$@" --format json | jq -r 'map(.id) | join(",")'
}
# is EXPECTED ARGS…
is() {
  checks=$((checks + 1))
  local want=$1 got
  shift
  got=$(ids "$@")
  [ "$got" == "$want" ] || fail "list $* gave '$got', expected '$want'"
}

ok cso audit plan "Pentest" --kind pentest
ok cso audit plan "ISO audit" --kind certification --lead alice
ok cso audit start 2
# FND-1 open, past due (high)
CSO_NOW=2026-10-01 ok cso audit finding add "A" --severity high --owner bob --due 2026-11-01 --audit 1
# FND-2 remediating, past due (low)
CSO_NOW=2026-10-01 ok cso audit finding add "B" --severity low --owner alice --due 2026-11-20 --audit 1 --grade minor_nc
ok cso audit finding remediate 2 --plan "p"
# FND-3 open, due today: not overdue
ok cso audit finding add "C" --severity medium --owner bob --due today --audit 2 --grade major_nc
# FND-4 accepted until the past (accepted back then), due long ago
CSO_NOW=2026-10-01 ok cso audit finding add "D" --severity critical --owner bob --due 2026-10-15
CSO_NOW=2026-10-02 ok cso --as alice audit finding accept 4 --until 2026-11-20 --reason "r"
# FND-5 accepted until the future, due in the past: not overdue
CSO_NOW=2026-10-01 ok cso audit finding add "E" --severity high --owner alice --due 2026-10-15 --audit 2
ok cso --as bob audit finding accept 5 --until +30d --reason "r"
# FND-6 resolved, due in the past: not overdue; FND-7 verified
CSO_NOW=2026-10-01 ok cso audit finding add "F" --severity low --owner bob --due 2026-10-15 --audit 2
ok cso audit finding resolve 6 --note "n"
ok cso audit finding add "G" --severity medium --owner bob --due +10d --grade ofi
ok cso audit finding resolve 7 --note "n"
ok cso --as alice audit finding verify 7

is "FND-1,FND-2,FND-3,FND-4,FND-5,FND-6,FND-7"
is "FND-1,FND-2" --audit AUD-1
is "FND-1,FND-2,FND-3,FND-5,FND-6" --audit 1,2
is "FND-1,FND-2,FND-3" --open
is "FND-1,FND-2,FND-4" --overdue
is "FND-1,FND-2" --overdue --open
is "FND-2" --overdue --severity low
is "FND-1,FND-4" --overdue --owner bob
is "FND-4" --overdue --limit 1 --sort -id
is "FND-1,FND-2" --overdue --limit 2
is "FND-1,FND-3,FND-4,FND-6,FND-7" --owner bob
is "FND-1,FND-5" --severity high
is "FND-1,FND-4,FND-5" --severity high,critical
is "FND-4,FND-5" --status accepted
is "FND-2,FND-3" --grade minor_nc,major_nc
is "FND-7,FND-6" --status resolved,verified --sort -id
is "FND-3,FND-1" --open --owner bob --sort -due
is "FND-1,FND-2" --limit 2
# Enumerated fields sort by rank, not the alphabet: critical, high, medium, low; open … accepted.
is "FND-4,FND-1,FND-5,FND-3,FND-7,FND-2,FND-6" --sort -severity,id
is "FND-2,FND-6,FND-3,FND-7,FND-1,FND-5,FND-4" --sort severity
ok cso audit finding list --sort status,id --format json
[ "$(json 'map(.status) | join(",")')" == "open,open,remediating,resolved,verified,accepted,accepted" ] ||
  fail "--sort status: $(json 'map(.status) | join(",")')"
is "" --audit 3

# The day after a still-future acceptance expires it is overdue again (on the day, not yet).
CSO_NOW=2026-12-28T09:00:00Z is "FND-1,FND-2,FND-3,FND-4,FND-5" --overdue
ok cso audit finding show 5 --format json
[ "$(json .accepted_until)" == "2026-12-27" ] || fail "FND-5 accepted until 2026-12-27"
CSO_NOW=2026-12-27T09:00:00Z is "FND-1,FND-2,FND-3,FND-4" --overdue

# Table output: default columns.
ok cso audit finding list --audit 1
out_has "id     audit  title  severity  owner  due         status"
out_has "FND-2  AUD-1  B      low       alice  2026-11-20  remediating"
ok cso audit finding list --overdue --fields id,due,accepted_until --format csv
out_is "$(printf 'id,due,accepted_until\nFND-1,2026-11-01,\nFND-2,2026-11-20,\nFND-4,2026-10-15,2026-11-20')"

# Bad filters: exit 2.
snapshot
expect_exit 2 cso audit finding list --severity severe
err_has "--severity"
expect_exit 2 cso audit finding list --status closed
err_has "--status"
expect_exit 2 cso audit finding list --grade x
err_has "--grade"
expect_exit 2 cso audit finding list --audit RSK-1
err_has "--audit"
expect_exit 2 cso audit finding list --owner "Not A Handle"
err_has "--owner"
expect_exit 2 cso audit finding list --sort nope
err_has "nope"
expect_exit 2 cso audit finding list --limit 0
err_has "--limit"
expect_exit 2 cso audit finding list --severity low,,high
unchanged

# audit list and its filters.
ok cso audit list --format json
[ "$(json 'map(.id) | join(",")')" == "AUD-1,AUD-2" ] || fail "audit list"
ok cso audit list --status fieldwork --format json
[ "$(json 'map(.id) | join(",")')" == "AUD-2" ] || fail "audit list --status"
ok cso audit list --kind pentest,external --format json
[ "$(json 'map(.id) | join(",")')" == "AUD-1" ] || fail "audit list --kind"
ok cso audit list --lead alice --format json
[ "$(json 'map(.id) | join(",")')" == "AUD-2" ] || fail "audit list --lead"
ok cso audit list --sort -id --limit 1 --format json
[ "$(json 'map(.id) | join(",")')" == "AUD-2" ] || fail "audit list --sort --limit"
ok cso audit list
out_has "id     title      kind           lead   status     start       end"
out_has "AUD-2  ISO audit  certification  alice  fieldwork  2026-11-27  -"
expect_exit 2 cso audit list --status open
err_has "--status"
expect_exit 2 cso audit list --kind audit
err_has "--kind"
verified
done_ok
