#!/usr/bin/env bash
# train sync: every active person in an active course's audience without an open assignment of
# the current cycle gets one (due after due_within); a second run creates nothing; new staff
# get theirs on the next run; a year later the recurring course starts its next cycle and the
# one-off does not; retired courses are ignored; quiet, one-line output for cron.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add erin --name "Erin Walsh" --team engineering >/dev/null
cso train add "Security awareness" --every 12m >/dev/null
cso train add "Secure coding" --audience team:engineering --due-within 60d >/dev/null
cso train add "SOC runbooks" --audience role:engineer >/dev/null

ok cso train sync </dev/null
out_is "created 5 assignments for 3 courses"
[ ! -s "$TMP/err" ] || fail "sync is quiet on stderr"
ok cso train status --format json
[ "$(json '.people | map(.staff) | join(",")')" == "alice,bob,erin" ] || fail "rows: $(json '.people')"
[ "$(json '.people[2].assignments["TRN-2"].due')" == "2027-01-26" ] || fail "due = today + due_within (60d)"
[ "$(json '.people[0].assignments["TRN-1"].due')" == "2026-12-27" ] || fail "due = today + 30d"
[ "$(json '.people[0].assignments["TRN-2"]')" == "null" ] || fail "alice is not in engineering"
[ "$(json '.people[1].assignments["TRN-3"].key')" == "TRN-3/bob/1" ] || fail "role:engineer is bob"
ok cso log --action train.sync --format json
[ "$(json 'length')" == 5 ] || fail "each assignment journalled"

# Idempotent.
snapshot
ok cso train sync
out_is "0 assignments created"
unchanged
ok cso train sync --format json
[ "$(json '[.created, .courses, (.assignments | length)] | map(tostring) | join(",")')" == "0,0,0" ] || fail "json"

# New staff in the audience get assignments on the next sync; others nothing new.
cso staff add grace --name "Grace Lindqvist" --team engineering >/dev/null
ok cso train sync --format json
[ "$(json '.assignments | join(",")')" == "TRN-1/grace/1,TRN-2/grace/1" ] || fail "new staff: $(json .)"
[ "$(json .courses)" == 2 ] || fail "two courses got assignments"
ok cso train sync
out_is "0 assignments created"

# Completed assignments stay complete until the recurrence is due.
ok cso train complete 1 --staff alice --on 2026-11-27
ok cso train complete 2 --staff erin
ok cso train sync
out_is "0 assignments created"

# A retired course gets nothing from sync.
ok cso train retire 3
cso staff add hank --name "Hank Engineer" --role engineer >/dev/null
ok cso train sync
out_is "created 1 assignment for 1 course"
ok cso train status 3 --format json
[ "$(json '.people | map(.staff) | join(",")')" == "bob" ] || fail "no assignment of a retired course for hank"

# A year later: the recurring course's next cycle for alice (completed 2026-11-27, now a year
# old); the one-off course does not recur for erin; open assignments are not duplicated.
export CSO_NOW=2027-11-27T09:00:00Z
ok cso train sync --format json
[ "$(json '.assignments | join(",")')" == "TRN-1/alice/2" ] || fail "next cycle: $(json .)"
ok cso train status 1 --format json
[ "$(json '.people[0].assignments["TRN-1"].due')" == "2027-12-27" ] || fail "cycle 2 due after due_within"
[ "$(json '.people[0].assignments["TRN-1"].state')" == "pending" ] || fail "cycle 2 pending"
[ "$(json '.people[1].assignments["TRN-1"].state')" == "overdue" ] || fail "bob's cycle 1 is overdue"
ok cso train sync
out_is "0 assignments created"

expect_exit 1 cso check --only training.overdue
out_has "bob: due"
ok cso staff offboard bob
expect_exit 1 cso check --only training.overdue
out_lacks "bob:"
ok cso train status --format json
[ "$(json '.people | map(.staff) | index("bob")')" == "null" ] || fail "an offboarded person is not a row"
ok cso train sync
out_is "0 assignments created"
verified
done_ok
