#!/usr/bin/env bash
# The approval flow: submit (draft → in_review), approve (not by the version's author: exit 4),
# request-changes (back to draft, with a note), publish (next_review = effective + review_every).
# Refused transitions exit 4 naming the statuses that allow the verb, and change nothing.
source "$(dirname "$0")/lib.bash"
fresh

# field ID NAME / vfield ID N NAME: a policy's / a version's field.
field() { "$CSO" policy show "$1" --format json | jq -r ".$2"; }
vfield() { "$CSO" policy show "$1" --version "$2" --format json | jq -r ".$3"; }
has() {
  checks=$((checks + 1))
  local got
  got=$(field "$1" "$2")
  [ "$got" == "$3" ] || fail "$1 $2 is '$got', expected '$3'"
}
vhas() {
  checks=$((checks + 1))
  local got
  got=$(vfield "$1" "$2" "$3")
  [ "$got" == "$4" ] || fail "$1 v$2 $3 is '$got', expected '$4'"
}

ok cso --as alice policy add "Access Control Policy" --owner alice --body "Use SSO." --review-every 12m
ok cso --as alice policy add "Empty draft" --owner alice

# Transitions from draft other than submit are refused.
snapshot
expect_exit 4 cso --as bob policy approve 1
err_has "POL-1 v1 is draft; 'policy approve' needs a version that is in_review"
expect_exit 4 cso --as alice policy publish 1
err_has "needs a version that is approved"
expect_exit 4 cso --as alice policy request-changes 1 --note "why"
err_has "POL-1 v1 is draft; 'policy request-changes' needs a version that is in_review"
expect_exit 4 cso --as alice policy review 1
err_has "POL-1 is draft; 'policy review' needs a policy that is published"
expect_exit 4 cso policy submit 2
err_has "no body"
expect_exit 3 cso policy submit 9
unchanged

ok cso --as alice policy submit 1
out_is "POL-1"
has 1 status in_review
vhas 1 1 status in_review
vhas 1 1 submitted 2026-11-27T09:00:00Z
snapshot
expect_exit 4 cso policy submit 1
err_has "POL-1 v1 is in_review; 'policy submit' needs a version that is draft"
# The author may not approve their own version.
expect_exit 4 cso --as alice policy approve 1
err_has "POL-1 v1 was written by alice; someone else must approve it"
CSO_ACTOR=alice expect_exit 4 cso --as alice policy approve 1
expect_exit 2 cso --as bob policy request-changes 1
expect_exit 2 cso --as bob policy request-changes 1 --note ""
err_has "--note"
unchanged

# Changes requested: back to draft, the note journalled.
ok cso --as bob policy request-changes 1 --note "Cover contractors too"
has 1 status draft
vhas 1 1 status draft
vhas 1 1 submitted null
ok cso policy history 1 --format json
[ "$(json '[.[] | select(.action == "policy.request-changes")][0].note')" == "Cover contractors too" ] ||
  fail "request-changes journals its note"
ok cso --as alice policy edit 1 --body "Use SSO, contractors too." --summary "Contractors"
vhas 1 1 body null
ok cso policy show 1 --body
out_is "Use SSO, contractors too."
ok cso --as alice policy submit 1

# Approved by someone else, with a note; approved can still be sent back.
ok cso --as bob policy approve 1 --note "Looks right"
has 1 status approved
vhas 1 1 status approved
vhas 1 1 approver bob
vhas 1 1 approval_note "Looks right"
vhas 1 1 approved_at 2026-11-27T09:00:00Z
snapshot
expect_exit 4 cso --as bob policy approve 1
err_has "POL-1 v1 is approved; 'policy approve' needs a version that is in_review"
expect_exit 4 cso --as alice policy edit 1 --body "Sneaky change"
err_has "POL-1 v1 is approved; 'policy edit' needs a version that is draft"
expect_exit 2 cso --as alice policy publish 1 --effective someday
err_has "--effective"
unchanged
# An approved version is not sent back (SPEC §4: request-changes only from in_review).
expect_exit 4 cso --as bob policy request-changes 1 --note "One more thing"
err_has "POL-1 v1 is approved; 'policy request-changes' needs a version that is in_review"
unchanged
vhas 1 1 approver bob
ok cso policy show 1 --format json
[ "$(json .status)" == approved ] || fail "approve --format json prints the policy"

# Publish: in force, effective date, next review one period after it.
ok cso --as alice policy publish 1 --effective 2026-12-01
out_is "POL-1"
has 1 status published
has 1 effective 2026-12-01
has 1 published 2026-11-27
has 1 next_review 2027-12-01
vhas 1 1 status published
vhas 1 1 effective 2026-12-01
vhas 1 1 published 2026-11-27T09:00:00Z
snapshot
expect_exit 4 cso --as alice policy publish 1
err_has "POL-1 has no version in progress (v1 is published)"
expect_exit 4 cso policy submit 1
unchanged

# Publish without --effective: today.
ok cso --as alice policy add "Second" --owner alice --body "Text" --review-every 30d
ok cso --as alice policy submit 3
ok cso --as bob policy approve 3
ok cso --as alice policy publish 3
has 3 effective 2026-11-27
has 3 next_review 2026-12-27

ok cso log --action policy --format json
[ "$(json 'map(.action) | unique | join(",")')" == "policy.add,policy.approve,policy.edit,policy.publish,policy.request-changes,policy.submit" ] ||
  fail "every step is journalled"
verified
done_ok
