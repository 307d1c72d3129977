#!/usr/bin/env bash
# The NIST SP 800-61 phases: triage, contain, eradicate, recover, close --outcome, reopen.
# Forward moves may skip phases (their times stay null); refused moves exit 4 naming the states
# that allow them; a phase time before the previous phase or in the future exits 2 naming both
# times; nothing changes on a refusal.
source "$(dirname "$0")/lib.bash"
fresh

# field ID NAME: the incident's field.
field() { "$CSO" incident show "$1" --format json | jq -r ".$2"; }
has() {
  checks=$((checks + 1))
  local got
  got=$(field "$1" "$2")
  [ "$got" == "$3" ] || fail "INC-$1 $2 is '$got', expected '$3'"
}

ok cso incident open "Ransomware" --severity sev2 --detected 2026-11-27T01:00:00Z --occurred 2026-11-26T23:00:00Z
# The full path, each phase at its own time.
ok cso incident triage 1 --at 2026-11-27T01:20:00Z --severity sev1 --lead alice
out_is "INC-1"
has 1 status triaged
has 1 triaged_at 2026-11-27T01:20:00Z
has 1 severity sev1
has 1 lead alice
ok cso incident contain 1 --at 2026-11-27T03:00:00Z --note "hosts isolated"
has 1 status contained
has 1 contained_at 2026-11-27T03:00:00Z
ok cso incident eradicate 1 --at 2026-11-27T05:00:00Z
has 1 status eradicated
has 1 eradicated_at 2026-11-27T05:00:00Z
ok cso incident recover 1 --at 2026-11-27T07:00:00Z --note "restored from backup"
has 1 status recovered
has 1 recovered_at 2026-11-27T07:00:00Z
ok cso incident close 1 --outcome true_positive --root-cause "RDP exposed" --lessons "No RDP on the internet"
has 1 status closed
has 1 closed_at 2026-11-27T09:00:00Z
has 1 outcome true_positive
has 1 root_cause "RDP exposed"
has 1 lessons "No RDP on the internet"
ok cso incident history 1
out_has "hosts isolated"

# Refused: every verb on a closed incident but reopen; exit 4 naming the allowed states.
snapshot
refused() {
  expect_exit 4 cso incident "$@"
  err_has "INC-1 is closed"
}
refused triage 1
err_has "needs an incident that is new"
refused contain 1
err_has "new or triaged"
refused eradicate 1
err_has "new, triaged or contained"
refused recover 1
err_has "new, triaged, contained or eradicated"
refused close 1 --outcome benign
err_has "new, triaged, contained, eradicated or recovered"
unchanged

# reopen: back to triaged; later phases cleared, triage time kept; the time may not precede closing.
expect_exit 2 cso incident reopen 1 --at 2026-11-27T08:00:00Z
err_has "2026-11-27T08:00:00Z"
err_has "2026-11-27T09:00:00Z"
expect_exit 2 cso incident reopen 1 --note ""
err_has "--note"
unchanged
ok cso incident reopen 1 --note "attacker still present"
out_is "INC-1"
has 1 status triaged
has 1 reopened_at 2026-11-27T09:00:00Z
has 1 triaged_at 2026-11-27T01:20:00Z
has 1 contained_at null
has 1 recovered_at null
has 1 closed_at null
has 1 outcome null
snapshot
expect_exit 4 cso incident reopen 1
err_has "INC-1 is triaged"
err_has "needs an incident that is closed"
expect_exit 4 cso incident triage 1
err_has "needs an incident that is new"
unchanged
# Contain again after the reopen, not before it.
expect_exit 2 cso incident contain 1 --at 2026-11-27T08:59:00Z
err_has "when INC-1 was reopened"
ok cso incident contain 1
has 1 contained_at 2026-11-27T09:00:00Z

# Skipping phases: a false positive goes new → closed; skipped times stay null.
ok cso incident open "Odd login" --severity sev4 --detected -2h
ok cso incident close 2 --outcome false_positive --at -1h
has 2 status closed
has 2 triaged_at null
has 2 contained_at null
has 2 closed_at 2026-11-27T08:00:00Z
has 2 outcome false_positive
# new → recovered, and triaged → eradicated.
ok cso incident open "Outage" --severity sev3 --detected -3h
ok cso incident recover 3 --at -1h
has 3 status recovered
has 3 contained_at null
ok cso incident open "Worm" --severity sev2 --detected -3h
ok cso incident triage 4 --at -2h
ok cso incident eradicate 4 --at -1h
has 4 status eradicated
has 4 contained_at null
# contain on a recovered or eradicated incident, triage on a contained one, reopen on a new one.
snapshot
expect_exit 4 cso incident contain 3
err_has "INC-3 is recovered"
err_has "new or triaged"
expect_exit 4 cso incident eradicate 3
expect_exit 4 cso incident contain 4
err_has "INC-4 is eradicated"
ok cso incident open "New one" --severity sev3
snapshot
expect_exit 4 cso incident reopen 5
err_has "INC-5 is new"
err_has "closed"
ok cso incident contain 5
expect_exit 4 cso incident triage 5
err_has "INC-5 is contained"
err_has "new"
ok cso incident open "Later" --severity sev4 --detected -1h
snapshot

# Time order: before detection / the previous phase → 2 naming both times; the future → 2.
expect_exit 2 cso incident triage 6 --at -2h
err_has "2026-11-27T07:00:00Z is before 2026-11-27T08:00:00Z, when INC-6 was detected"
expect_exit 2 cso incident contain 6 --at +1h
err_has "in the future"
err_has "2026-11-27T10:00:00Z"
expect_exit 2 cso incident close 6 --outcome benign --at tomorrow
err_has "in the future"
expect_exit 2 cso incident contain 6 --at never
err_has "--at"
# Bad values: outcome, note, missing outcome, unknown incident.
expect_exit 2 cso incident close 6 --outcome maybe
err_has "--outcome"
err_has "true_positive, false_positive, duplicate, benign or indeterminate"
expect_exit 2 cso incident close 6
# A sev1 or sev2 true positive closes only with its post-incident review: root cause and lessons.
ok cso incident open "Serious" --severity sev2 --detected -1h
expect_exit 2 cso incident close 7 --outcome true_positive
err_has "--root-cause and --lessons: INC-7 is a sev2 true positive; closing it needs the root cause and the lessons learned"
expect_exit 2 cso incident close 7 --outcome true_positive --root-cause "Phish"
err_has "--lessons: INC-7 is a sev2 true positive"
expect_exit 2 cso incident close 7 --outcome true_positive --root-cause " " --lessons "x"
err_has "--root-cause: give the text; it cannot be empty"
ok cso incident edit 7 --root-cause "Phish"
ok cso incident close 7 --outcome true_positive --lessons "Report button"
ok cso incident show 7 --format json
[ "$(json '[.status, .root_cause, .lessons] | join(",")')" == "closed,Phish,Report button" ] || fail "$(json .)"
ok cso incident open "Serious, benign" --severity sev1 --detected -1h
ok cso incident close 8 --outcome benign
snapshot
expect_exit 2 cso incident contain 6 --note ""
err_has "--note"
expect_exit 2 cso incident contain 6 --note "$(printf 'bad \xff')"
err_has "--note"
expect_exit 2 cso incident triage 6 --severity sev9
err_has "--severity"
expect_exit 3 cso incident triage 6 --lead zed
expect_exit 2 cso incident triage 6 --notify-within soon
err_has "--notify-within"
expect_exit 3 cso incident contain 99
err_has "INC-99"
expect_exit 2 cso incident contain X-1
unchanged
# A phase at the same instant as the previous one is fine.
ok cso incident triage 6 --at 2026-11-27T08:00:00Z
has 6 triaged_at 2026-11-27T08:00:00Z
ok cso incident contain 6 --format json
[ "$(json .status)" == "contained" ] || fail "--format json prints the record"
verified
done_ok
