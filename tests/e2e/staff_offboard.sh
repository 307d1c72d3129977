#!/usr/bin/env bash
# staff offboard: inactive with `left`; open items the person owns move to --reassign-to in one
# transaction, one journal entry each; without it and with open items, exit 4 listing them.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add carol --name "Carol Nguyen" --manager alice --started 2025-01-06 >/dev/null
cso staff add dan --name "Dan Kowalski" --manager alice >/dev/null
cso staff add erin --name "Erin Walsh" >/dev/null
CSO_NOW=2026-10-01T08:00:00Z cso risk add "Ransomware encrypts file servers" --likelihood 4 --impact 5 --owner carol >/dev/null
cso risk add "Phishing leads to credential theft" --likelihood 4 --impact 4 --owner carol >/dev/null
cso risk add "Backups fail to restore" --likelihood 2 --impact 5 --owner bob >/dev/null
cso risk add "Old laptop fleet" --likelihood 2 --impact 2 --owner carol >/dev/null
cso risk close RSK-4 --reason "Fleet replaced" >/dev/null

# Without --reassign-to: refused, listing the open items (closed ones stay), nothing changed.
snapshot
expect_exit 4 cso staff offboard carol
err_has "carol owns or leads 2 open items; move them with --reassign-to HANDLE:"
err_has "RSK-1  risk  Ransomware encrypts file servers"
err_has "RSK-2  risk  Phishing leads to credential theft"
if grep -q "RSK-4" "$TMP/err"; then fail "a closed risk is not an open item"; fi
# --reassign-to must be someone active other than them; --on a date not before they started.
expect_exit 3 cso staff offboard carol --reassign-to zed
err_has "--reassign-to: no staff member 'zed'"
expect_exit 2 cso staff offboard carol --reassign-to carol
err_has "--reassign-to: carol is the person leaving"
expect_exit 2 cso staff offboard carol --reassign-to Bob
err_has "--reassign-to: 'Bob' is not a handle"
expect_exit 2 cso staff offboard carol --reassign-to bob --on someday
err_has "--on: 'someday' is not a date"
expect_exit 2 cso staff offboard carol --reassign-to bob --on 2025-01-05
err_has "--on: 2025-01-05 is before carol started (2025-01-06)"
expect_exit 2 cso staff offboard carol --reassign-to bob --on +7d
err_has "--on: 2026-12-04 is in the future"
expect_exit 3 cso staff offboard zed
err_has "no staff"
expect_exit 2 cso staff offboard
unchanged

# With --reassign-to: the items move, each journalled, with the person's offboarding.
ok cso staff offboard carol --reassign-to bob --on 2026-11-20
out_is "carol"
err_has "moved 2 items to bob"
ok cso staff show carol --format json
[ "$(json '[.status, .left, .manager] | join("|")')" == "inactive|2026-11-20|alice" ] || fail "carol: $(json .)"
ok cso risk list --owner bob --format json --fields id,owner
[ "$(json 'map(.id) | join(",")')" == "RSK-1,RSK-2,RSK-3" ] || fail "bob's risks: $(json .)"
ok cso risk show RSK-1 --format json
[ "$(json '[.owner, .updated] | join("|")')" == "bob|2026-11-27T09:00:00Z" ] || fail "RSK-1 moved: $(json .)"
ok cso risk show RSK-4 --format json
[ "$(json .owner)" == "carol" ] || fail "a closed risk keeps its owner"
ok cso log --action risk.reassign --format json
[ "$(json 'map([.record, .note] | join(" ")) | join(",")')" == "RSK-2 offboarding carol,RSK-1 offboarding carol" ] \
  || fail "journal: $(json .)"
ok cso log carol --format json
[ "$(json '.[0].action')" == "staff.offboard" ] || fail "offboard journalled"
ok cso risk history RSK-1 --format json
[ "$(json '.[-1].action')" == "risk.reassign" ] || fail "in the risk's history"

# An inactive person cannot be offboarded again, nor receive items; list hides them.
snapshot
expect_exit 4 cso staff offboard carol --reassign-to bob
err_has "carol is inactive (left 2026-11-20); 'staff offboard' needs an active staff member"
expect_exit 4 cso staff offboard bob --reassign-to carol
err_has "--reassign-to: 'carol' is not active"
unchanged
ok cso staff list --format json
out_lacks '"carol"'

# Nothing open: no --reassign-to needed, left defaults to today; people they manage are reported.
ok cso staff offboard alice
out_is "alice"
err_has "warning: alice still manages dan; give them a new manager"
ok cso staff show alice --format json
[ "$(json '[.status, .left] | join("|")')" == "inactive|2026-11-27" ] || fail "alice: $(json .)"
# -q silences the count, not the warning; --format json prints the record.
ok cso -q staff offboard erin --reassign-to bob --format json
[ "$(json '[.handle, .status] | join("|")')" == "erin|inactive" ] || fail "json: $(json .)"
if grep -q "moved" "$TMP/err"; then fail "-q silences 'moved'"; fi

# Offboarded by mistake: reactivate makes them active again, left cleared; journalled.
ok cso staff reactivate erin
out_is "erin"
ok cso staff show erin --format json
[ "$(json '[.status, .left] | tostring')" == '["active",null]' ] || fail "erin: $(json .)"
ok cso log erin --limit 1 --format json
[ "$(json '.[0].action')" == "staff.reactivate" ] || fail "reactivate journalled"
snapshot
expect_exit 4 cso staff reactivate erin
err_has "erin is active; 'staff reactivate' needs someone who was offboarded"
expect_exit 3 cso staff reactivate nobody
expect_exit 2 cso staff reactivate "Not A Handle"
unchanged
verified
done_ok
