#!/usr/bin/env bash
# `init --demo` runs the compiled-in fixture (cli/demo/kestrel.cso) through the real commands:
# every domain has its records in their states, the journal verifies and carries each line's
# time, a second `init --demo` exits 4 and changes nothing, and nothing is left beside the file.
source "$(dirname "$0")/lib.bash"

ok cso init --demo
err_has "seeded the Kestrel Logistics demo program"
[ "$(cat "$TMP/out")" == "$CSO_DB" ] || fail "prints the database path"
ls "$TMP" | grep -q 'demo-' && fail "a temporary database was left behind"

# states: "count per state" of a list, sorted by state
states() { json 'group_by(.status) | map("\(.[0].status)=\(length)") | join(",")'; }

ok cso staff list --format json
[ "$(json length)" == 15 ] || fail "15 staff"
[ "$(json 'map(.email | endswith("@kestrel.example")) | all')" == true ] || fail "staff e-mail addresses"
ok cso staff cert list --format json
[ "$(json length)" == 13 ] || fail "13 certifications"

ok cso risk list --format json
[ "$(json length)" == 30 ] || fail "30 risks"
[ "$(states)" == "accepted=4,closed=4,open=12,treating=10" ] || fail "risk states: $(states)"
ok cso risk show RSK-1 --format json
[ "$(json .title)" == "Ransomware encrypts file servers" ] || fail "RSK-1 is the ransomware risk"

ok cso policy list --format json
[ "$(json length)" == 8 ] || fail "8 policies"
[ "$(states)" == "approved=1,draft=1,in_review=1,published=4,retired=1" ] || fail "policy states: $(states)"
ok cso policy acks POL-1 --missing --format json
[ "$(json 'map(.handle) | sort | join(",")')" == "hiro,leo" ] || fail "POL-1 v2 is missing hiro's and leo's acknowledgements"

ok cso train list --format json
[ "$(json length)" == 2 ] || fail "2 courses"

ok cso incident list --format json
[ "$(json length)" == 10 ] || fail "10 incidents"
[ "$(states)" == "closed=5,contained=1,eradicated=1,new=1,recovered=1,triaged=1" ] || fail "incident states: $(states)"
ok cso incident list --fields id,outcome --format json
[ "$(json 'map(.outcome // empty) | sort | join(",")')" == \
  "benign,duplicate,false_positive,indeterminate,true_positive" ] || fail "every outcome"

ok cso audit list --format json
[ "$(states)" == "closed=1,fieldwork=1" ] || fail "audit states: $(states)"
ok cso audit finding list --format json
[ "$(states)" == "accepted=2,open=3,remediating=2,resolved=1,verified=2" ] || fail "finding states: $(states)"
ok cso audit finding list --overdue --format json
[ "$(json length)" == 3 ] || fail "3 overdue findings"

verified

# The journal carries the lines' times: RSK-1 was added 200 days before now, its review 30.
ok cso risk history RSK-1 --format json
[ "$(json '.[0].action')" == "risk.add" ] || fail "RSK-1's history starts with risk.add"
[ "$(json '.[0].at')" == "2026-05-11T09:00:00Z" ] || fail "risk.add of RSK-1 is 200 days back: $(json '.[0].at')"
[ "$(json 'map(.action) | join(",")')" == "risk.add,risk.treat,risk.review" ] || fail "RSK-1's steps"
[ "$(json '.[2].at')" == "2026-10-28T09:00:00Z" ] || fail "RSK-1 was reviewed 30 days back"
# ... and the actor where separation of duties needs one: the approver, the verifier.
ok cso log --action policy.approve --format json
[ "$(json 'map(.actor) | unique | join(",")')" == "alice,ines" ] || fail "approvers: $(json 'map(.actor) | unique')"
ok cso log --action risk.add --format json
[ "$(json 'map(.actor) | unique | join(",")')" == "tester" ] || fail "other lines are journalled as who ran init"

# Twice: exit 4, nothing changes.
snapshot
expect_exit 4 cso init --demo
err_has "already has records"
unchanged

# `init --here --demo` seeds the workspace's database.
mkdir "$TMP/ws"
(cd "$TMP/ws" && CSO_DB= "$CSO" init --here --demo >"$TMP/out" 2>"$TMP/err") || fail "init --here --demo"
CSO_DB=$TMP/ws/.cso/cso.db ok cso risk list --format json
[ "$(json length)" == 30 ] || fail "the workspace database has the demo"
done_ok
