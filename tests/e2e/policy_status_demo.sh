#!/usr/bin/env bash
# The policies section of `cso status` (counts per status, versions in review, reviews due,
# acknowledgement coverage; JSON key "policies"), and the demo's policies: every state, a draft
# open over a published version, an overdue review, missing acknowledgements.
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" staff add carol --name "Carol Nguyen" >/dev/null

ok cso status --json
[ "$(json .policies.total)" == 0 ] || fail "no policies"
[ "$(json .policies.acknowledgements.expected)" == 0 ] || fail "nothing expected"
ok cso status
out_has "acknowledgements: 0 of 0"

ok cso --as alice policy add "One" --owner alice --body "1"
ok cso --as alice policy add "Two" --owner alice --body "2" --review-every 1w
ok cso --as alice policy submit 2
ok cso --as bob policy approve 2
ok cso --as alice policy publish 2
ok cso policy ack 2 --staff alice,bob
ok cso --as alice policy add "Three" --owner alice --body "3"
ok cso --as alice policy submit 3
ok cso --as carol policy edit 2 --body "2, revised"
ok cso --as carol policy submit 2
ok cso status --json
[ "$(json '.policies.by_status | [.draft, .in_review, .approved, .published, .retired] | join(",")')" == "1,1,0,1,0" ] ||
  fail "by status"
[ "$(json .policies.total)" == 3 ] || fail "total"
[ "$(json .policies.in_review)" == 2 ] || fail "versions in review, including the one over a published version"
[ "$(json .policies.review_due)" == 1 ] || fail "review due within 14d"
[ "$(json .policies.acknowledgements.acknowledged)" == 2 ] || fail "acknowledged"
[ "$(json .policies.acknowledgements.expected)" == 3 ] || fail "expected"
ok cso status
out_has "policies  3 in all: 1 draft, 1 in_review, 0 approved, 1 published, 0 retired"
out_has "2 versions in review, 1 review due within 14d"
out_has "acknowledgements: 2 of 3 (67%)"
out_has "Two: review due 2026-12-04 (in 7 days)"
verified

# The demo.
rm -f "$CSO_DB"
ok cso init --demo
ok cso policy list --format json
[ "$(json 'map(.status) | unique | join(",")')" == "approved,draft,in_review,published,retired" ] || fail "every state"
[ "$(json 'map(select(.pending_status == "draft")) | length')" == 1 ] || fail "a draft over a published version"
expect_exit 2 cso check --only policy.review_overdue,policy.ack_missing
out_has "CRITICAL policy.review_overdue"
out_has "WARNING policy.ack_missing"
out_has "have not acknowledged"
ok cso status --json
[ "$(json '.policies.acknowledgements.acknowledged < .policies.acknowledgements.expected')" == true ] ||
  fail "some acknowledgements missing"
# Authors never approved their own versions.
[ "$(sqlite3 "$CSO_DB" "select count(*) from policy_version where approver = author")" == 0 ] || fail "self-approval"
[ "$(sqlite3 "$CSO_DB" "select count(*) from policy_version where approver = 'alice'")" -ge 3 ] || fail "alice approves"
ok cso policy diff 1 1 2
out_has "+- Multi-factor authentication everywhere."
verified
done_ok
