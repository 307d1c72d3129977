#!/usr/bin/env bash
# train assign: explicit assignments (inside or outside the audience) print their keys; an open
# assignment is not duplicated (said on stderr); staff must exist and be active; --due must be
# a valid date, today or later; a retired course takes none.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add erin --name "Erin Walsh" --team engineering >/dev/null
cso train add "Secure coding" --audience team:engineering >/dev/null

ok cso train assign TRN-1 --staff alice,bob
out_is $'TRN-1/alice/1\nTRN-1/bob/1'
ok cso train status 1 --format json
[ "$(json '.people[0].assignments["TRN-1"].due')" == "2026-12-27" ] || fail "default due: today + due_within"

# Already open: not duplicated, said so; the others are still assigned.
ok cso train assign 1 --staff bob,erin --due 2027-01-15
out_is "TRN-1/erin/1"
err_has "bob already has an open assignment of TRN-1 (TRN-1/bob/1, due 2026-12-27); not assigned again"
ok cso train assign 1 --staff bob -q
out_is ""
[ ! -s "$TMP/err" ] || fail "--quiet: $(cat "$TMP/err")"
ok cso train status 1 --format json
[ "$(json '.people[2].assignments["TRN-1"].due')" == "2027-01-15" ] || fail "--due kept"

# After a completion, an explicit assignment opens the next cycle (a retake).
ok cso train complete 1 --staff alice
ok cso train assign 1 --staff alice,alice --format json
[ "$(json '.[0].key')" == "TRN-1/alice/2" ] || fail "next cycle: $(json .)"
[ "$(json '.[0].state')" == "pending" ] || fail "state derived"
[ "$(json 'length')" == 1 ] || fail "a handle given twice is assigned once"

# Errors: nothing changed.
snapshot
expect_exit 3 cso train assign 1 --staff nobody
err_has "--staff: no staff member 'nobody'"
expect_exit 2 cso train assign 1 --staff "Not A Handle"
err_has "--staff"
expect_exit 2 cso train assign 1 --staff bob,,erin
err_has "empty item"
expect_exit 2 cso train assign 1 --staff bob --due 2026-11-01
err_has "--due: 2026-11-01 is in the past"
expect_exit 2 cso train assign 1 --staff bob --due someday
err_has "--due"
expect_exit 3 cso train assign 7 --staff bob
err_has "no course TRN-7"
expect_exit 2 cso train assign 1
err_has "--staff"
unchanged

cso staff add gone --name "Gone Person" >/dev/null
cso staff offboard gone >/dev/null
snapshot
expect_exit 4 cso train assign 1 --staff gone
err_has "not active"
unchanged
verified
done_ok
