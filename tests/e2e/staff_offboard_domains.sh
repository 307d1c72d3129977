#!/usr/bin/env bash
# staff offboard across the domains: the open policies, risks, incidents, findings and audits a
# person owns or leads are listed when they leave without --reassign-to, and all move with it;
# an incident's timeline records the change of lead; closed items stay; training stops.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add carol --name "Carol Nguyen" --team security >/dev/null
cso policy add "Access Control Policy" --owner carol >/dev/null
cso policy add "Old Fax Policy" --owner carol >/dev/null
cso --as alice policy retire POL-2 >/dev/null
cso risk add "Ransomware encrypts file servers" --likelihood 4 --impact 5 --owner carol >/dev/null
CSO_NOW=2026-11-27T07:00:00Z cso incident open "Phishing wave" --severity sev2 --lead carol >/dev/null
cso audit plan "ISO 27001 internal audit" --lead carol >/dev/null
cso audit finding add "No MFA on VPN" --severity high --owner carol --due +30d >/dev/null
cso audit finding add "Stale firewall rules" --severity low --owner carol --due +30d >/dev/null
cso audit finding resolve FND-2 --note "Rules reviewed" >/dev/null
cso train add "Security awareness" --audience team:security >/dev/null
cso train sync >/dev/null

snapshot
expect_exit 4 cso staff offboard carol
err_has "carol owns or leads 5 open items; move them with --reassign-to HANDLE:"
err_has "POL-1  policy    Access Control Policy"
err_has "RSK-1  risk      Ransomware encrypts file servers"
err_has "INC-1  incident  Phishing wave"
# The columns line up: kinds are padded to the longest (incident).
err_has "FND-1  finding   No MFA on VPN"
err_has "AUD-1  audit     ISO 27001 internal audit"
if grep -qE "POL-2|FND-2" "$TMP/err"; then fail "retired policies and resolved findings are not open items"; fi
unchanged

ok cso staff offboard carol --reassign-to bob
err_has "moved 5 items to bob"
ok cso policy show POL-1 --format json
[ "$(json .owner)" == "bob" ] || fail "policy owner: $(json .owner)"
ok cso incident show INC-1 --format json
[ "$(json .lead)" == "bob" ] || fail "incident lead: $(json .lead)"
ok cso audit show AUD-1 --format json
[ "$(json .lead)" == "bob" ] || fail "audit lead: $(json .lead)"
ok cso audit finding show FND-1 --format json
[ "$(json .owner)" == "bob" ] || fail "finding owner: $(json .owner)"
ok cso audit finding show FND-2 --format json
[ "$(json .owner)" == "carol" ] || fail "a resolved finding keeps its owner"
ok cso policy show POL-2 --format json
[ "$(json .owner)" == "carol" ] || fail "a retired policy keeps its owner"
ok cso log --action incident.reassign --format json
[ "$(json 'map(.record) | sort | join(",")')" == "INC-1,INC-1/event/2" ] || fail "incident journal: $(json .)"
ok cso incident timeline INC-1 --format json
[ "$(json '.[-1].what')" == "carol → bob" ] || fail "the timeline records the new lead: $(json .)"
ok cso log --action finding.reassign --format json
[ "$(json 'length')" == 1 ] || fail "one entry per moved finding"

# Training: the person who left gets no new assignments and is out of the completion matrix.
ok cso train sync
ok cso train status --format json
if grep -q '"carol"' "$TMP/out"; then fail "carol is out of training status: $(cat "$TMP/out")"; fi

verified
done_ok
