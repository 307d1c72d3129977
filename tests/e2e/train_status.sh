#!/usr/bin/env bash
# train status: the completion matrix (rows people, columns courses: done, due, OVERDUE, failed,
# FAILED past due, - not assigned) and each course's rate; --team, one course, --overdue, json
# and csv; the training.overdue check rule and the training section of `cso status`.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add erin --name "Erin Walsh" --team engineering >/dev/null
cso staff add grace --name "Grace Lindqvist" --team engineering >/dev/null

ok cso status --format json
[ "$(json '.training | [.courses.active, .assigned, .percent, .overdue_people] | map(tostring) | join(",")')" == "0,0,null,0" ] ||
  fail "empty section: $(json .training)"
ok cso status
out_has "training  no active courses"

# Assigned two months ago (due a month ago), then: alice done, bob failed, erin nothing.
export CSO_NOW=2026-09-27T09:00:00Z
cso train add "Security awareness" --every 12m --min-score 80 >/dev/null
cso train sync >/dev/null
cso train complete 1 --staff alice --score 90 >/dev/null
cso train complete 1 --staff bob --score 50 2>/dev/null >/dev/null
export CSO_NOW=2026-11-27T09:00:00Z
cso train add "Secure coding" --audience team:engineering >/dev/null
cso train sync >/dev/null
cso train complete 2 --staff erin >/dev/null
cso train add "Old course" >/dev/null
cso train retire 3 >/dev/null

ok cso train status
out_is "staff  TRN-1    TRN-2
alice  done     -
bob    FAILED   -
erin   OVERDUE  done
grace  OVERDUE  due

TRN-1 Security awareness: 1 of 4 complete (25%); 2 overdue, 1 failed
TRN-2 Secure coding: 1 of 2 complete (50%)"
ok cso train status --team engineering
out_has "erin   OVERDUE  done"
out_lacks "alice"
out_has "TRN-1 Security awareness: 0 of 2 complete (0%); 2 overdue"
out_lacks "failed"
ok cso train status TRN-2
out_is "staff  TRN-2
erin   done
grace  due

TRN-2 Secure coding: 1 of 2 complete (50%)"
ok cso train status 3
out_has "TRN-3 Old course: nothing assigned"
ok cso train status --format csv
out_is "staff,TRN-1,TRN-2
alice,complete,
bob,failed,
erin,overdue,complete
grace,overdue,pending"
ok cso train status --format json
[ "$(json '.courses[0] | [.id, .assigned, .complete, .pending, .overdue, .failed, .past_due, .percent] | map(tostring) | join(",")')" == \
  "TRN-1,4,1,0,2,1,3,25" ] || fail "course json: $(json '.courses[0]')"
[ "$(json '.people[1].assignments["TRN-1"] | [.key, .state, .overdue, .score, .attempts] | map(tostring) | join(",")')" == \
  "TRN-1/bob/1,failed,true,50,1" ] || fail "cell json: $(json '.people[1]')"
[ "$(json '.people[0].assignments["TRN-2"]')" == "null" ] || fail "not assigned: null"

# --overdue: only the assignments past due and not complete (failed ones included).
ok cso train status --overdue
out_is "staff  course  title               assignment     due         days_overdue  state
bob    TRN-1   Security awareness  TRN-1/bob/1    2026-10-27            31  failed
erin   TRN-1   Security awareness  TRN-1/erin/1   2026-10-27            31  overdue
grace  TRN-1   Security awareness  TRN-1/grace/1  2026-10-27            31  overdue"
ok cso train status --overdue --team security --format json
[ "$(json 'map(.assignment) | join(",")')" == "TRN-1/bob/1" ] || fail "--overdue --team: $(json .)"
ok cso train status 2 --overdue --format json
[ "$(json 'length')" == 0 ] || fail "TRN-2 has none overdue"
expect_exit 3 cso train status 9
expect_exit 2 cso train status nine

# The check rule: one WARNING per overdue assignment, naming the person.
expect_exit 1 cso check --only training.overdue
out_is 'CSO WARNING - 0 critical, 3 warning | critical=0;;;0 warning=3;;;0
WARNING training.overdue TRN-1 "Security awareness" bob: due 2026-10-27 (31 days ago), 1 failed attempt
WARNING training.overdue TRN-1 "Security awareness" erin: due 2026-10-27 (31 days ago)
WARNING training.overdue TRN-1 "Security awareness" grace: due 2026-10-27 (31 days ago)'
expect_exit 1 cso check --only training.overdue --format json
[ "$(json '.problems[0] | [.rule, .severity, .id, .title, .due] | join(",")')" == \
  "training.overdue,WARNING,TRN-1,Security awareness,2026-10-27" ] || fail "check json: $(json .problems[0])"
ok cso help checks
out_has "training.overdue"

# The status section: rate across active courses (latest assignments), people overdue.
ok cso status
out_has "training  2 active courses: 2 of 6 assignments complete (33%); 3 people overdue"
ok cso status --format json
[ "$(json '.training | [.courses.active, .courses.retired, .assigned, .complete, .percent, .overdue_people] | map(tostring) | join(",")')" == \
  "2,1,6,2,33,3" ] || fail "status json: $(json .training)"

# Completing clears them; retiring a course drops its overdue assignments from check and status.
cso train complete 1 --staff erin --score 85 >/dev/null
cso train complete 1 --staff bob --score 85 >/dev/null
expect_exit 1 cso check --only training.overdue
out_has "warning=1"
cso train retire 1 >/dev/null
ok cso check --only training.overdue
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"
ok cso status
out_has "training  1 active course: 1 of 2 assignments complete (50%); 0 people overdue"
verified

# The demo: both courses, completions, a failure and people overdue; sync has nothing to add.
export CSO_DB=$TMP/demo.db
ok cso init --demo
ok cso train list --format json
[ "$(json 'map(.title) | join(",")')" == "Security awareness,Secure coding" ] || fail "demo courses"
ok cso train status
out_has "hiro   FAILED   OVERDUE"
out_has "TRN-1 Security awareness:"
ok cso train sync
out_is "0 assignments created"
expect_exit 1 cso check --only training.overdue
out_has "WARNING training.overdue TRN-1 \"Security awareness\" omar: due"
ok cso status
out_has "people overdue"
verified
done_ok
