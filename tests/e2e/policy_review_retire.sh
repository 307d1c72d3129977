#!/usr/bin/env bash
# policy review (no change; advances next_review by review_every from today) and retire (the
# version in force and any open one retire with it; nothing more can happen to it).
source "$(dirname "$0")/lib.bash"
fresh

field() { "$CSO" policy show "$1" --format json | jq -r ".$2"; }
has() {
  checks=$((checks + 1))
  local got
  got=$(field "$1" "$2")
  [ "$got" == "$3" ] || fail "$1 $2 is '$got', expected '$3'"
}

CSO_NOW=2025-10-01T09:00:00Z ok cso --as alice policy add "Backup Procedure" --owner alice --kind procedure \
  --body "Nightly." --review-every 12m
CSO_NOW=2025-10-01T09:00:00Z ok cso --as alice policy submit 1
CSO_NOW=2025-10-02T09:00:00Z ok cso --as bob policy approve 1
CSO_NOW=2025-10-03T09:00:00Z ok cso --as alice policy publish 1
has 1 next_review 2026-10-03

# Review: overdue today; the review moves it a period on from today, nothing else changes.
ok cso --as alice policy review 1 --note "Still right; owners confirmed"
out_is "POL-1"
has 1 next_review 2027-11-27
has 1 version 1
has 1 status published
ok cso policy history 1 --format json
[ "$(json '.[-1].action')" == policy.review ] || fail "review journalled"
[ "$(json '.[-1].note')" == "Still right; owners confirmed" ] || fail "review note"
ok cso policy edit 1 --review-every 6m
ok cso --as alice policy review 1 --format json
[ "$(json .next_review)" == 2027-05-27 ] || fail "review uses the policy's period"
ok cso policy list --review-due 200d --format json
[ "$(json length)" == 1 ] || fail "--review-due includes it"
ok cso policy list --review-due 30d --format json
[ "$(json length)" == 0 ] || fail "--review-due excludes it"
expect_exit 2 cso policy list --review-due soon
err_has "--review-due"

# Retire with a draft open: both retire; the policy leaves reviews and acknowledgements.
ok cso --as alice policy edit 1 --body "Nightly, kept 35 days."
ok cso --as alice policy retire 1 --note "Merged into the IT handbook"
out_is "POL-1"
has 1 status retired
has 1 next_review null
has 1 pending_version null
ok cso policy show 1 --version 1 --format json
[ "$(json .status)" == retired ] || fail "v1 retired"
ok cso policy show 1 --version 2 --format json
[ "$(json .status)" == retired ] || fail "v2 retired"
ok cso policy list --status retired --format json
[ "$(json 'map(.id) | join(",")')" == POL-1 ] || fail "list --status retired"

snapshot
expect_exit 4 cso --as alice policy retire 1
err_has "POL-1 is retired; 'policy retire' needs a policy that is draft, in_review, approved or published"
expect_exit 4 cso --as alice policy review 1
err_has "needs a policy that is published"
expect_exit 4 cso policy edit 1 --title "Back"
err_has "'policy edit' needs a policy that is draft, in_review, approved or published"
expect_exit 4 cso policy submit 1
err_has "POL-1 is retired"
expect_exit 4 cso policy ack 1 --staff bob
expect_exit 3 cso --as alice policy retire 2
unchanged

# A draft that was never published can be retired (abandoned) too.
ok cso --as alice policy add "Abandoned idea" --owner alice --body "Maybe."
ok cso --as alice policy retire 2
has 2 status retired
verified
done_ok
