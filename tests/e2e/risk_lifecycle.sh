#!/usr/bin/env bash
# The risk state machine: assess (history kept, --residual), treat, accept (the actor approves),
# review, close, reopen. Refused transitions exit 4 naming the statuses that allow the verb; bad
# input exits 2; neither changes anything.
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" staff add carol --name "Carol Nguyen" >/dev/null

# field NAME: the risk's field, from `risk show 1 --format json`.
field() {
  "$CSO" risk show 1 --format json | jq -r ".$1"
}
# has NAME VALUE: RSK-1's NAME is VALUE.
has() {
  checks=$((checks + 1))
  local got
  got=$(field "$1")
  [ "$got" == "$2" ] || fail "RSK-1 $1 is '$got', expected '$2'"
}

ok cso risk add "Credential stuffing" --likelihood 3 --impact 4 --owner alice --review-every 30d
out_is "RSK-1"
has next_review 2026-12-27

# assess: a new rating, kept in history with its note.
ok cso risk assess 1 --likelihood 4 --impact 4 --note "public exploit kit"
out_is "RSK-1"
has likelihood 4
has impact 4
has score 16
has level high
has residual_likelihood null
# --residual sets residual_* only.
ok cso risk assess RSK-1 --likelihood 2 --impact 3 --residual --note "after MFA pilot"
has residual_likelihood 2
has residual_impact 3
has likelihood 4
has score 16
# The residual rating, after treatment, is never above the inherent one: exit 4 naming the part.
snapshot
expect_exit 4 cso risk assess RSK-1 --likelihood 5 --impact 3 --residual
err_has "RSK-1's residual likelihood (5) would be above its inherent likelihood (4)"
expect_exit 4 cso risk assess RSK-1 --likelihood 2 --impact 5 --residual --note "x"
err_has "RSK-1's residual impact (5) would be above its inherent impact (4)"
expect_exit 4 cso risk assess RSK-1 --likelihood 4 --impact 2
err_has "RSK-1's residual impact (3) would be above its inherent impact (2)"
unchanged
ok cso risk assess rsk-1 --likelihood 4 --impact 5 --format json
[ "$(json .score)" == "20" ] || fail "assess --format json prints the record"
[ "$(json .level)" == "critical" ] || fail "assess --format json prints the derived level"
ok cso risk history 1
out_has "risk.add"
out_has "public exploit kit"
out_has "after MFA pilot"
[ "$(grep -c 'risk.assess' "$TMP/out")" == 3 ] || fail "history shows each assessment"
ok cso risk history 1 --format json
[ "$(json 'map(.action) | join(",")')" == "risk.add,risk.assess,risk.assess,risk.assess" ] || fail "history order"
[ "$(json '.[1].note')" == "public exploit kit" ] || fail "first assessment's note"
[ "$(json '.[1].data.score')" == "16" ] || fail "first assessment's data"
[ "$(json '.[2].note')" == "after MFA pilot" ] || fail "residual assessment's note"
[ "$(json '.[2].data.residual_likelihood')" == "2" ] || fail "residual assessment's data"
[ "$(json '.[3].note')" == "null" ] || fail "an assessment without a note has a null note"

snapshot
expect_exit 2 cso risk assess 1 --likelihood 6 --impact 2
err_has "--likelihood"
expect_exit 2 cso risk assess 1 --likelihood 2 --impact 0
err_has "--impact"
expect_exit 2 cso risk assess 1 --likelihood 2
expect_exit 3 cso risk assess 7 --likelihood 2 --impact 2
err_has "RSK-7"
unchanged

# treat → treating, with strategy, plan and due date.
ok cso risk treat 1 --strategy mitigate --plan "Enforce MFA" --due 2027-01-31
out_is "RSK-1"
has status treating
has treatment mitigate
has plan "Enforce MFA"
has due 2027-01-31
ok cso risk treat 1 --strategy transfer --plan "Cyber insurance" --due +30d
has treatment transfer
has due 2026-12-27
snapshot
expect_exit 2 cso risk treat 1 --strategy pray --plan "x"
err_has "--strategy"
expect_exit 2 cso risk treat 1 --strategy accept --plan "x"
err_has "--strategy"
expect_exit 2 cso risk treat 1 --strategy avoid --plan ""
err_has "--plan"
expect_exit 2 cso risk treat 1 --strategy avoid --plan "x" --due 2027-02-30
err_has "--due"
expect_exit 2 cso risk treat 1 --strategy avoid --plan "x" --due someday
err_has "--due"
expect_exit 2 cso risk treat 1 --strategy avoid
unchanged

# accept → accepted; the acting person (--as, else CSO_ACTOR) is the approver.
ok cso --as carol risk accept 1 --until 2027-06-30 --reason "budget next year"
out_is "RSK-1"
has status accepted
has treatment accept
has accepted_by carol
has accepted_until 2027-06-30
ok cso log RSK-1 --limit 1 --format json
[ "$(json '.[0].actor')" == "carol" ] || fail "the journal records --as"
[ "$(json '.[0].action')" == "risk.accept" ] || fail "risk.accept entry"
[ "$(json '.[0].note')" == "budget next year" ] || fail "the reason is kept"
CSO_ACTOR=bob ok cso risk accept 1 --until +3m --reason "re-approved"
has accepted_by bob
has accepted_until 2027-02-27
snapshot
expect_exit 2 cso --as alice risk accept 1 --until 2026-01-01 --reason "late"
err_has "--until"
expect_exit 2 cso --as alice risk accept 1 --until yesterday --reason "late"
err_has "--until"
expect_exit 2 cso --as alice risk accept 1 --until -1d --reason "late"
err_has "--until"
expect_exit 2 cso --as alice risk accept 1 --until whenever --reason "x"
err_has "--until"
expect_exit 2 cso --as alice risk accept 1 --until 2027-01-01 --reason ""
err_has "--reason"
expect_exit 2 cso --as alice risk accept 1 --until 2027-01-01
expect_exit 2 cso --as "Not A Handle" risk accept 1 --until 2027-01-01 --reason "x"
err_has "--as"
unchanged

# review: next_review = now + review_every (30d), whatever it was before.
CSO_NOW=2027-01-10T10:00:00Z ok cso --as alice risk review 1 --note "still valid"
out_is "RSK-1"
has next_review 2027-02-09
has status accepted
CSO_NOW=2027-01-20 ok cso --as alice risk review 1
has next_review 2027-02-19
ok cso risk history 1
out_has "risk.review"
out_has "still valid"

# close → closed with closed_at; reopen → open.
snapshot
expect_exit 2 cso risk close 1
expect_exit 2 cso risk close 1 --reason ""
err_has "--reason"
unchanged
CSO_NOW=2027-01-21T08:30:00Z ok cso risk close 1 --reason "MFA everywhere"
out_is "RSK-1"
has status closed
has closed_at 2027-01-21T08:30:00Z
has updated 2027-01-21T08:30:00Z
ok cso risk history 1
out_has "MFA everywhere"

# Refused transitions: exit 4, the message names the statuses that allow the verb.
snapshot
refused() {
  expect_exit 4 cso --as carol risk "$@"
  err_has "RSK-1"
}
refused close 1 --reason "again"
err_has "open, treating or accepted"
refused assess 1 --likelihood 1 --impact 1
err_has "open, treating or accepted"
refused assess 1 --likelihood 1 --impact 1 --residual
refused treat 1 --strategy mitigate --plan "x"
err_has "open, treating or accepted"
refused accept 1 --until 2027-06-30 --reason "x"
err_has "open, treating or accepted"
refused review 1
err_has "open, treating or accepted"
refused edit 1 --title "Renamed"
err_has "open, treating or accepted"
unchanged

ok cso risk reopen 1
out_is "RSK-1"
has status open
has closed_at null
snapshot
refused reopen 1
err_has "closed"
err_has "open"
unchanged
ok cso risk treat 1 --strategy avoid --plan "Drop the legacy portal"
snapshot
refused reopen 1
err_has "closed"
unchanged
ok cso --as carol risk accept 1 --until +1y --reason "x"
refused reopen 1
ok cso risk close 1 --reason "gone"
ok cso risk reopen 1
has status open

ok cso risk history 1 --format json
[ "$(json 'map(.action) | join(",")')" == "risk.add,risk.assess,risk.assess,risk.assess,risk.treat,risk.treat,risk.accept,risk.accept,risk.review,risk.review,risk.close,risk.reopen,risk.treat,risk.accept,risk.close,risk.reopen" ] ||
  fail "history is every change in order: $(json 'map(.action) | join(",")')"

# Notes and reasons are journalled, so they are checked like any text: bad ones change nothing.
snapshot
bad=$(printf 'bad \xff note')
expect_exit 2 cso risk assess 1 --likelihood 2 --impact 2 --note "$bad"
err_has "--note"
expect_exit 2 cso --as alice risk accept 1 --until +30d --reason "$bad"
err_has "--reason"
expect_exit 2 cso --as alice risk review 1 --note "$bad"
err_has "--note"
expect_exit 2 cso risk close 1 --reason "$bad"
err_has "--reason"
unchanged
verified
done_ok
