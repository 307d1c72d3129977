#!/usr/bin/env bash
# Findings: add (to an audit or on their own), remediate, resolve, verify (never by the owner),
# accept (until a future date, with a reason; renewable), reopen, edit, history, rm. Refused
# transitions exit 4 naming the statuses that allow the verb; bad input exits 2; neither changes
# anything.
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" staff add carol --name "Carol Nguyen" >/dev/null

# has ID NAME VALUE: the finding's NAME is VALUE.
has() {
  checks=$((checks + 1))
  local got
  got=$("$CSO" audit finding show "$1" --format json | jq -r ".$2")
  [ "$got" == "$3" ] || fail "$1 $2 is '$got', expected '$3'"
}

ok cso audit plan "ISO 27001 surveillance" --kind certification --lead alice
ok cso audit start 1

# add: with an audit, or on its own (a self-assessment).
ok cso audit finding add "No MFA on the VPN" --severity high --owner bob --due 2027-01-31 --audit AUD-1 \
  --grade major_nc --description "Found during fieldwork."
out_is "FND-1"
has 1 audit AUD-1
has 1 status open
has 1 severity high
has 1 grade major_nc
has 1 owner bob
has 1 due 2027-01-31
has 1 description "Found during fieldwork."
has 1 created 2026-11-27T09:00:00Z
ok cso audit finding add "Stale firewall rules" --severity LOW --owner alice --due +30d --format json
[ "$(json .id)" == "FND-2" ] || fail "add --format json prints the record"
[ "$(json .audit)" == "null" ] || fail "a finding without an audit"
[ "$(json .severity)" == "low" ] || fail "severity is case-insensitive"
[ "$(json .due)" == "2026-12-27" ] || fail "due +30d"
[ "$(json .grade)" == "null" ] || fail "no grade"
echo "From a file." >"$TMP/desc"
ok cso audit finding add "Old TLS" --severity medium --owner bob --due 2027-02-01 --audit 1 --description-file "$TMP/desc"
has 3 description "From a file."

# Bad values: exit 2, unknown references 3, a closed audit 4; nothing changed.
snapshot
expect_exit 2 cso audit finding add "x" --severity severe --owner bob --due +30d
err_has "--severity"
err_has "low, medium, high or critical"
expect_exit 2 cso audit finding add "x" --severity low --owner bob --due +30d --grade nc
err_has "--grade"
err_has "major_nc, minor_nc, observation or ofi"
expect_exit 2 cso audit finding add "x" --severity low --owner bob --due 2027-13-01
err_has "--due"
expect_exit 2 cso audit finding add "x" --severity low --owner bob --due whenever
err_has "--due"
expect_exit 2 cso audit finding add "x" --severity low --owner bob
expect_exit 2 cso audit finding add "x" --severity low --due +30d
expect_exit 2 cso audit finding add "x" --owner bob --due +30d
expect_exit 2 cso audit finding add "" --severity low --owner bob --due +30d
err_has "TITLE"
expect_exit 2 cso audit finding add "x" --severity low --owner bob --due +30d --audit RSK-1
err_has "--audit"
expect_exit 2 cso audit finding add "x" --severity low --owner bob --due +30d --description a --description-file "$TMP/desc"
expect_exit 3 cso audit finding add "x" --severity low --owner zed --due +30d
err_has "--owner"
expect_exit 3 cso audit finding add "x" --severity low --owner bob --due +30d --audit 9
err_has "AUD-9"
ok cso audit plan "Closed audit"
ok cso audit start 2
ok cso audit report-phase 2
ok cso audit close 2
[ ! -s "$TMP/err" ] || fail "closing an audit without open findings says nothing"
snapshot
expect_exit 4 cso audit finding add "x" --severity low --owner bob --due +30d --audit 2
err_has "AUD-2 is closed"
err_has "planned, fieldwork or reporting"
unchanged

# remediate: open → remediating; again to revise the plan.
ok cso audit finding remediate 1 --plan "Roll out MFA"
out_is "FND-1"
has 1 status remediating
has 1 plan "Roll out MFA"
ok cso audit finding remediate FND-1 --plan "Roll out MFA by January"
has 1 plan "Roll out MFA by January"
snapshot
expect_exit 2 cso audit finding remediate 1 --plan ""
err_has "--plan: a remediation needs a plan"
expect_exit 2 cso audit finding remediate 99 --plan "   "
err_has "--plan: a remediation needs a plan"
expect_exit 2 cso audit finding resolve 1 --note "  "
err_has "--note: say how it was resolved"
expect_exit 2 cso audit finding remediate 1
expect_exit 3 cso audit finding remediate 99 --plan "x"
err_has "FND-99"
unchanged

# resolve: the note is the resolution.
snapshot
expect_exit 2 cso audit finding resolve 1
expect_exit 2 cso audit finding resolve 1 --note ""
err_has "--note"
unchanged
ok cso audit finding resolve 1 --note "MFA enforced for all VPN users"
has 1 status resolved
has 1 resolution "MFA enforced for all VPN users"
# resolve straight from open works too.
ok cso audit finding resolve 3 --note "TLS 1.0 disabled"
has 3 status resolved

# verify: never by the owner (--as, CSO_ACTOR), exit 4, nothing changed.
snapshot
expect_exit 4 cso --as bob audit finding verify 1
err_has "FND-1"
err_has "owner"
CSO_ACTOR=bob expect_exit 4 "$CSO" audit finding verify 1
err_has "owner"
unchanged
CSO_NOW=2026-12-02T11:00:00Z ok cso --as carol audit finding verify 1 --note "sampled 10 accounts"
out_is "FND-1"
has 1 status verified
has 1 verified_by carol
has 1 verified_at 2026-12-02T11:00:00Z
ok cso log FND-1 --limit 1 --format json
[ "$(json '.[0].actor')" == "carol" ] || fail "the verifier is the actor"
[ "$(json '.[0].note')" == "sampled 10 accounts" ] || fail "verify --note is journalled"

# accept: --until in the future and --reason, both required; the actor approves.
snapshot
expect_exit 2 cso audit finding accept 2 --reason "budget"
expect_exit 2 cso audit finding accept 2 --until +30d
expect_exit 2 cso audit finding accept 2 --until +30d --reason ""
err_has "--reason"
expect_exit 2 cso audit finding accept 2 --until yesterday --reason "x"
err_has "--until"
err_has "not in the future"
expect_exit 2 cso audit finding accept 2 --until 2026-11-27 --reason "x"
err_has "--until"
expect_exit 2 cso audit finding accept 2 --until never --reason "x"
err_has "--until"
unchanged
ok cso --as carol audit finding accept 2 --until 2027-03-31 --reason "Legacy firewall retired in Q1"
out_is "FND-2"
has 2 status accepted
has 2 accepted_by carol
has 2 accepted_until 2027-03-31
has 2 accept_reason "Legacy firewall retired in Q1"
# renewing an acceptance
ok cso --as bob audit finding accept 2 --until +6m --reason "Retirement slipped"
has 2 accepted_by bob
has 2 accepted_until 2027-05-27

# Refused transitions: exit 4, naming the statuses that allow the verb.
snapshot
refused() {
  expect_exit 4 cso --as carol audit finding "$@"
}
refused remediate 1 --plan "x"
err_has "FND-1 is verified"
err_has "'audit finding remediate' needs a finding that is open or remediating"
refused resolve 1 --note "x"
err_has "open or remediating"
refused verify 1
err_has "needs a finding that is resolved"
refused accept 1 --until +30d --reason "x"
err_has "open, remediating or accepted"
refused edit 1 --title "x"
err_has "open, remediating, resolved or accepted"
refused verify 2
err_has "FND-2 is accepted"
refused resolve 2 --note "x"
refused remediate 2 --plan "x"
refused accept 3 --until +30d --reason "x"
err_has "FND-3 is resolved"
refused remediate 3 --plan "x"
unchanged
ok cso audit finding add "Open one" --severity low --owner bob --due +30d
snapshot
refused reopen 4
err_has "FND-4 is open"
err_has "resolved, verified or accepted"
unchanged

# reopen: from resolved, verified or accepted; resolution, verification and acceptance go.
ok cso audit finding reopen 1 --note "MFA bypass found"
has 1 status open
has 1 verified_by null
has 1 resolution null
has 1 plan "Roll out MFA by January"
ok cso audit finding reopen 2
has 2 status open
has 2 accepted_until null
has 2 accepted_by null
has 2 accept_reason null
ok cso audit finding reopen 3
has 3 status open

# edit: any field of a finding not verified; moving to an open audit only.
ok cso audit finding edit 4 --title "Renamed" --severity critical --grade minor_nc --owner alice --due 2027-01-15 \
  --plan "p" --description "d" --audit AUD-1
out_is "FND-4"
has 4 title "Renamed"
has 4 severity critical
has 4 grade minor_nc
has 4 owner alice
has 4 due 2027-01-15
has 4 audit AUD-1
snapshot
expect_exit 2 cso audit finding edit 4
err_has "nothing to change"
expect_exit 2 cso audit finding edit 4 --severity huge
err_has "--severity"
expect_exit 2 cso audit finding edit 4 --grade big
err_has "--grade"
expect_exit 2 cso audit finding edit 4 --due 2027-02-31
err_has "--due"
expect_exit 2 cso audit finding edit 4 --title ""
expect_exit 3 cso audit finding edit 4 --owner zed
expect_exit 3 cso audit finding edit 4 --audit 8
expect_exit 4 cso audit finding edit 4 --audit 2
err_has "AUD-2 is closed"
unchanged

# history: every change in order.
ok cso audit finding history 1 --format json
[ "$(json 'map(.action) | join(",")')" == "finding.add,finding.remediate,finding.remediate,finding.resolve,finding.verify,finding.reopen" ] ||
  fail "history: $(json 'map(.action) | join(",")')"
[ "$(json '.[5].note')" == "MFA bypass found" ] || fail "reopen --note is journalled"
expect_exit 3 cso audit finding history 42

# rm needs --force.
snapshot
expect_exit 2 cso audit finding rm 4
err_has "--force"
unchanged
ok cso audit finding rm 4 --force
out_is "FND-4"
expect_exit 3 cso audit finding show 4
# Closing an audit with findings still open is allowed, and said on stderr (not with --quiet).
ok cso audit plan "Closes with open findings"
ok cso audit start 3
ok cso audit finding add "Left open" --severity low --owner bob --due +30d --audit 3
ok cso audit finding add "Also open" --severity low --owner bob --due +30d --audit 3
ok cso audit report-phase 3
ok cso audit close 3
out_is "AUD-3"
err_has "AUD-3 closed with 2 findings open or remediating"
ok cso audit plan "Quiet"
ok cso audit start 4
ok cso audit finding add "Left open" --severity low --owner bob --due +30d --audit 4
ok cso audit report-phase 4
ok cso --quiet audit close 4
[ ! -s "$TMP/err" ] || fail "--quiet says nothing"
verified
done_ok
