#!/usr/bin/env bash
# train complete: completes the person's open assignment; a score under min_score is a failed
# attempt (state failed, still due, and counted overdue once past due); without an open
# assignment one is opened for the completion; bad scores and dates exit 2 and change nothing.
source "$(dirname "$0")/lib.bash"
fresh
cso train add "Security awareness" --every 12m --min-score 80 >/dev/null
cso train add "Secure coding" >/dev/null
cso train sync >/dev/null

state_of() {  # state_of COURSE HANDLE: the state of the person's latest assignment
  "$CSO" train status "$1" --format json | jq -r --arg h "$2" --arg c "TRN-$1" '.people[] | select(.staff == $h) | .assignments[$c].state'
}
state_is() {
  checks=$((checks + 1))
  local got
  got=$(state_of "$1" "$2")
  [ "$got" == "$3" ] || fail "TRN-$1 $2 is $got, expected $3"
}

# A failed attempt: the assignment stays due.
ok cso train complete 1 --staff bob --score 60
out_is "TRN-1/bob/1"
err_has "bob scored 60 on TRN-1, under the passing score 80: a failed attempt; still due 2026-12-27"
state_is 1 bob failed
ok cso train complete 1 --staff bob --score 70 --format json
[ "$(json '[.state, .attempts, .score, .completed_on] | map(tostring) | join(",")')" == "failed,2,70,null" ] || fail "$(json .)"
# The same score again the same day is a third attempt, not "already completed".
ok cso train complete 1 --staff bob --score 70 --format json
[ "$(json '[.state, .attempts, .score] | map(tostring) | join(",")')" == "failed,3,70" ] || fail "$(json .)"
err_has "bob scored 70 on TRN-1, under the passing score 80: a failed attempt"

# Past due, a failed assignment is still failed, and counted overdue.
export CSO_NOW=2027-01-05T09:00:00Z
state_is 1 bob failed
ok cso train status 1 --overdue --format json
[ "$(json 'map(.staff + ":" + .state) | join(",")')" == "alice:overdue,bob:failed" ] || fail "overdue: $(json .)"
expect_exit 1 cso check --only training.overdue
out_has 'WARNING training.overdue TRN-1 "Security awareness" bob: due 2026-12-27 (9 days ago), 3 failed attempts'

# A passing score completes it.
ok cso train complete 1 --staff bob --score 80 --on 2027-01-04 --format json
[ "$(json '[.state, .completed_on, .score, .attempts] | map(tostring) | join(",")')" == "complete,2027-01-04,80,3" ] || fail "$(json .)"
state_is 1 bob complete
export CSO_NOW=2026-11-27T09:00:00Z

# No score needed without min_score.
ok cso train complete 2 --staff alice --on today --format json
[ "$(json '[.key, .completed_on, .score] | map(tostring) | join(",")')" == "TRN-2/alice/1,2026-11-27,null" ] || fail "$(json .)"

# Already complete: exit 4 naming the completion.
snapshot
expect_exit 4 cso train complete 2 --staff alice --on 2026-11-20
err_has "alice already completed TRN-2 on 2026-11-27 (TRN-2/alice/1); nothing to record"
unchanged

# An unassigned completion opens the assignment it completes (a new person, or a retake).
cso staff add carol --name "Carol Nguyen" >/dev/null
ok cso train complete 2 --staff carol --on 2026-11-25 --format json
[ "$(json '[.key, .assigned_on, .due, .completed_on, .state] | join(",")')" == \
  "TRN-2/carol/1,2026-11-25,2026-12-25,2026-11-25,complete" ] || fail "$(json .)"
CSO_NOW=2026-11-28T09:00:00Z ok cso train complete 2 --staff alice  # a retake the next day
out_is "TRN-2/alice/2"
ok cso train sync
out_is "created 1 assignment for 1 course"  # carol's TRN-1 only

# Bad input: exit 2 (or 3 for an unknown person), nothing changed.
snapshot
expect_exit 2 cso train complete 1 --staff alice
err_has "--score: TRN-1 has a passing score (80); give the score of the attempt"
for bad in 101 -1 abc 5.5 ""; do
  expect_exit 2 cso train complete 1 --staff alice --score "$bad"
  err_has "--score: '$bad' is not a score; use a whole number from 0 to 100"
done
expect_exit 2 cso train complete 1 --staff alice --score 90 --on tomorrow
err_has "--on: 2026-11-28 is in the future"
expect_exit 2 cso train complete 1 --staff alice --score 90 --on 2026-02-30
err_has "--on"
expect_exit 2 cso train complete 1 --staff alice --score 90 --on 2026-11-20
err_has "--on: 2026-11-20 is before alice was assigned TRN-1 (TRN-1/alice/1, on 2026-11-27)"
expect_exit 3 cso train complete 1 --staff nobody --score 90
err_has "no staff member 'nobody'"
expect_exit 3 cso train complete 9 --staff alice --score 90
expect_exit 2 cso train complete 1 --score 90
err_has "--staff"
unchanged

# A retired course: open assignments can still be completed, but nothing new is opened.
ok cso train retire 1
ok cso train complete 1 --staff alice --score 95
out_is "TRN-1/alice/1"
snapshot
expect_exit 4 cso train complete 1 --staff alice --score 95
err_has "TRN-1 is retired and alice has no open assignment of it"
unchanged
verified
done_ok
