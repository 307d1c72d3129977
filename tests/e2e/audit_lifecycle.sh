#!/usr/bin/env bash
# Audits: plan (defaults, every option, bad values), start → fieldwork → report-phase → close with
# the dates they set, edit, history, rm. Refused transitions exit 4 naming the statuses that allow
# the verb; bad input exits 2; neither changes anything.
source "$(dirname "$0")/lib.bash"
fresh

# has ID NAME VALUE: the audit's NAME is VALUE.
has() {
  checks=$((checks + 1))
  local got
  got=$("$CSO" audit show "$1" --format json | jq -r ".$2")
  [ "$got" == "$3" ] || fail "$1 $2 is '$got', expected '$3'"
}

ok cso audit plan "Internal ISMS audit"
out_is "AUD-1"
has 1 kind internal
has 1 status planned
has 1 start null
has 1 lead null
has 1 created 2026-11-27T09:00:00Z
ok cso audit plan "ISO 27001 surveillance" --kind certification --scope "Head office" --lead alice \
  --auditor "Northbridge Ltd" --framework "ISO 27001" --start 2027-01-10 --end 2027-01-14 --format json
[ "$(json .id)" == "AUD-2" ] || fail "plan --format json prints the record"
[ "$(json .kind)" == "certification" ] || fail "kind"
[ "$(json .lead)" == "alice" ] || fail "lead"
[ "$(json .auditor)" == "Northbridge Ltd" ] || fail "auditor"
[ "$(json .framework)" == "ISO 27001" ] || fail "framework"
[ "$(json .start)" == "2027-01-10" ] || fail "start"
[ "$(json .end)" == "2027-01-14" ] || fail "end"
[ "$(json .scope)" == "Head office" ] || fail "scope"
ok cso audit plan "Same day" --kind PENTEST --start 2027-02-01 --end 2027-02-01
has 3 kind pentest

# Bad values: exit 2 (a lead who is not staff: 3), nothing changed.
snapshot
expect_exit 2 cso audit plan "Backwards" --start 2027-01-14 --end 2027-01-10
err_has "--end"
err_has "before the start"
expect_exit 2 cso audit plan "Bad kind" --kind review
err_has "--kind"
err_has "internal, external, certification, pentest or assessment"
expect_exit 2 cso audit plan "Bad date" --start 2027-02-30
err_has "--start"
expect_exit 2 cso audit plan "Bad date" --end soon
err_has "--end"
expect_exit 2 cso audit plan ""
err_has "TITLE"
expect_exit 2 cso audit plan
expect_exit 3 cso audit plan "Nobody leads" --lead zed
err_has "--lead"
expect_exit 2 cso audit plan "Bad lead" --lead "Not A Handle"
err_has "--lead"
unchanged

# start: planned → fieldwork, sets start if unset (keeps a planned one).
CSO_NOW=2026-12-01T10:00:00Z ok cso audit start 1
out_is "AUD-1"
has 1 status fieldwork
has 1 start 2026-12-01
has 1 updated 2026-12-01T10:00:00Z
ok cso audit start AUD-2
has 2 start 2027-01-10

# Refused transitions.
snapshot
expect_exit 4 cso audit start 1
err_has "AUD-1 is fieldwork"
err_has "'audit start' needs an audit that is planned"
expect_exit 4 cso audit close 1
err_has "needs an audit that is reporting"
expect_exit 4 cso audit report-phase 3
err_has "AUD-3 is planned"
err_has "needs an audit that is fieldwork"
expect_exit 4 cso audit close 3 --summary "x"
err_has "reporting"
expect_exit 3 cso audit start 9
err_has "AUD-9"
expect_exit 2 cso audit start RSK-1
err_has "ID"
unchanged

# report-phase, close: end set if unset, summary kept.
ok cso audit report-phase 1
has 1 status reporting
expect_exit 4 cso audit report-phase 1
err_has "fieldwork"
CSO_NOW=2026-12-20T16:00:00Z ok cso audit close 1 --summary "Two minor nonconformities."
out_is "AUD-1"
has 1 status closed
has 1 end 2026-12-20
has 1 summary "Two minor nonconformities."
ok cso audit report-phase 2
ok cso audit close 2
has 2 end 2027-01-14
has 2 summary null
snapshot
expect_exit 2 cso audit close 3 --summary "$(printf 'bad \xff')"
err_has "--summary"
expect_exit 4 cso audit close 1
err_has "AUD-1 is closed"
expect_exit 4 cso audit start 1
expect_exit 4 cso audit report-phase 1
expect_exit 4 cso audit edit 1 --title "Renamed"
err_has "planned, fieldwork or reporting"
unchanged

# edit: any field of an audit not closed; the dates stay in order.
ok cso audit edit 3 --title "External pentest" --lead bob --auditor "Redline" --framework "OWASP ASVS" \
  --scope "Web apps" --kind external --start 2027-02-02 --end 2027-02-05 --summary "tbd"
out_is "AUD-3"
has 3 title "External pentest"
has 3 lead bob
has 3 kind external
has 3 start 2027-02-02
has 3 summary tbd
snapshot
expect_exit 2 cso audit edit 3
err_has "nothing to change"
expect_exit 2 cso audit edit 3 --end 2027-02-01
err_has "before the start"
expect_exit 2 cso audit edit 3 --start 2027-03-01
err_has "before the start"
expect_exit 2 cso audit edit 3 --kind nope
err_has "--kind"
expect_exit 2 cso audit edit 3 --title ""
err_has "--title"
expect_exit 3 cso audit edit 3 --lead zed
expect_exit 3 cso audit edit 8 --title "x"
unchanged

# history: every change, in order.
ok cso audit history 1 --format json
[ "$(json 'map(.action) | join(",")')" == "audit.plan,audit.start,audit.report-phase,audit.close" ] ||
  fail "history: $(json 'map(.action) | join(",")')"
ok cso audit history AUD-3
out_has "audit.edit"
expect_exit 3 cso audit history 7

# rm: only with --force, and only without findings.
snapshot
expect_exit 2 cso audit rm 3
err_has "--force"
ok cso audit finding add "Weak TLS" --severity low --owner bob --due +30d --audit 3
expect_exit 4 cso audit rm 3 --force
err_has "AUD-3 has 1 finding"
ok cso audit finding rm FND-1 --force
ok cso audit rm 3 --force
out_is "AUD-3"
expect_exit 3 cso audit show 3
ok cso log AUD-3 --format json
[ "$(json '.[0].action')" == "audit.rm" ] || fail "the journal keeps the removal"
ok cso audit plan "After rm"
out_is "AUD-4"
verified
done_ok
