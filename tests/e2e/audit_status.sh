#!/usr/bin/env bash
# The audits and findings section of `cso status`: findings by status, open ones by severity, the
# overdue count (as check counts them) and audits by status, in text and JSON ("findings").
source "$(dirname "$0")/lib.bash"
fresh

ok cso status --json
[ "$(json .findings.total)" == 0 ] || fail "no findings"
[ "$(json .findings.overdue)" == 0 ] || fail "none overdue"
[ "$(json '.findings.audits | add')" == 0 ] || fail "no audits"
ok cso status
out_has "findings  0 in all: 0 open, 0 remediating, 0 resolved, 0 verified, 0 accepted"

ok cso audit plan "Pentest" --kind pentest
ok cso audit plan "ISO" --kind certification
ok cso audit start 2
CSO_NOW=2026-10-01 ok cso audit finding add "A" --severity high --owner bob --due 2026-11-01 --audit 1
CSO_NOW=2026-10-01 ok cso audit finding add "B" --severity low --owner bob --due 2026-11-01
ok cso audit finding remediate 2 --plan "p"
ok cso audit finding add "C" --severity critical --owner bob --due +10d
ok cso audit finding add "D" --severity medium --owner bob --due +10d
ok cso audit finding resolve 4 --note "n"
CSO_NOW=2026-10-01 ok cso audit finding add "E" --severity high --owner bob --due 2026-10-10
CSO_NOW=2026-10-02 ok cso --as alice audit finding accept 5 --until 2026-11-01 --reason "r"
ok cso audit finding add "F" --severity low --owner bob --due +10d
ok cso audit finding resolve 6 --note "n"
ok cso --as alice audit finding verify 6

snapshot
ok cso status
out_has "findings  6 in all: 2 open, 1 remediating, 1 resolved, 1 verified, 1 accepted"
out_has "open by severity: 1 critical, 1 high, 0 medium, 1 low; 3 overdue"
out_has "audits    2 in all: 1 planned, 1 fieldwork, 0 reporting, 0 closed"
out_has "FND-1"
ok cso status --json
[ "$(json .findings.total)" == 6 ] || fail "total"
[ "$(json '.findings.by_status | to_entries | map("\(.key)=\(.value)") | join(",")')" == "open=2,remediating=1,resolved=1,verified=1,accepted=1" ] ||
  fail "by_status"
[ "$(json '.findings.open_by_severity | to_entries | map("\(.key)=\(.value)") | join(",")')" == "critical=1,high=1,medium=0,low=1" ] ||
  fail "open_by_severity"
[ "$(json .findings.overdue)" == 3 ] || fail "overdue"
[ "$(json .findings.audits.planned)" == 1 ] || fail "audits planned"
[ "$(json .findings.audits.fieldwork)" == 1 ] || fail "audits fieldwork"
unchanged

# The overdue count agrees with list --overdue and check.
ok cso audit finding list --overdue --format json
[ "$(json length)" == 3 ] || fail "list --overdue agrees"
expect_exit 2 cso check --only finding.overdue --format json
[ "$(json '.problems | length')" == 3 ] || fail "check agrees"

# Counts follow changes (tallies kept by every write, including rm).
ok cso audit finding rm 1 --force
ok cso status --json
[ "$(json .findings.total)" == 5 ] || fail "total after rm"
[ "$(json .findings.overdue)" == 2 ] || fail "overdue after rm"
[ "$(json .findings.open_by_severity.high)" == 0 ] || fail "high after rm"
verified
done_ok
