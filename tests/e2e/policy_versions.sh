#!/usr/bin/env bash
# Versions: a published version is never edited; a new body opens the next version as a draft
# while the published one stays in force; editing again edits that open draft (at most one);
# publishing it supersedes the old one. Every version keeps its body, hash, author and summary.
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" staff add carol --name "Carol Nguyen" >/dev/null

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
publish() {  # publish ID: submit (alice), approve (bob), publish
  "$CSO" --as alice policy submit "$1" >/dev/null
  "$CSO" --as bob policy approve "$1" >/dev/null
  "$CSO" --as alice policy publish "$1" >/dev/null
}

ok cso --as alice policy add "Access Control Policy" --owner alice --body "v1 text" --summary "First"
publish 1
has 1 status published
has 1 version 1

# Metadata edits change the policy, not its version.
ok cso policy edit 1 --title "Access Control" --owner bob --audience role:ciso --review-every 6m --tags a,b
has 1 title "Access Control"
has 1 owner bob
has 1 audience role:ciso
has 1 review_every 6m
has 1 tags a,b
has 1 version 1
has 1 pending_version null

# A new body opens v2 as a draft; v1 stays in force.
printf 'v2 text\n' | ok cso --as carol policy edit 1 --body-file - --summary "Second"
out_is "POL-1"
has 1 status published
has 1 version 1
has 1 pending_version 2
has 1 pending_status draft
vhas 1 1 status published
vhas 1 2 status draft
vhas 1 2 author carol
vhas 1 2 summary Second
vhas 1 2 sha256 "$(printf 'v2 text\n' | sha256sum | cut -d' ' -f1)"
ok cso policy show 1
out_has "version:         1"
out_has "pending_version: 2"
out_has "pending_status:  draft"
ok cso policy show 1 --body
out_is "v1 text"
ok cso policy show 1 --version 2 --body
out_is "v2 text"
ok cso policy list --status draft --format json
[ "$(json 'map(.id) | join(",")')" == "POL-1" ] || fail "list --status draft matches the pending draft"

# Editing again edits the open draft: still two versions.
ok cso --as carol policy edit 1 --body "v2 text, revised" --summary "Second, revised"
vhas 1 2 summary "Second, revised"
ok cso policy show 1 --version 2 --body
out_is "v2 text, revised"
ok cso policy edit 1 --summary "Second (final)"
vhas 1 2 summary "Second (final)"
expect_exit 3 cso policy show 1 --version 3
[ "$(sqlite3 "$CSO_DB" "select count(*) from policy_version")" == 2 ] || fail "at most one open draft"

# The draft in review cannot be edited; metadata still can.
ok cso --as carol policy submit 1
has 1 pending_status in_review
has 1 status published
snapshot
expect_exit 4 cso --as carol policy edit 1 --body "late change"
err_has "POL-1 v2 is in_review; 'policy edit' needs a version that is draft"
expect_exit 4 cso --as carol policy approve 1
err_has "written by carol"
expect_exit 2 cso policy edit 1
err_has "nothing to change"
unchanged
ok cso --as alice policy approve 1
has 1 pending_status approved

# Publishing v2 supersedes v1.
ok cso --as alice policy publish 1 --effective 2027-01-01
has 1 version 2
has 1 pending_version null
has 1 pending_status null
has 1 next_review 2027-07-01
vhas 1 1 status superseded
vhas 1 2 status published
vhas 1 2 approver alice
ok cso policy show 1 --body
out_is "v2 text, revised"
# v1 keeps its own body and hash.
ok cso policy show 1 --version 1 --body
out_is "v1 text"
vhas 1 1 sha256 "$(printf 'v1 text' | sha256sum | cut -d' ' -f1)"

# The same body as the version in force opens nothing; --summary alone needs a body.
snapshot
expect_exit 4 cso policy edit 1 --body "v2 text, revised"
err_has "the same as v2"
expect_exit 2 cso policy edit 1 --summary "just a summary"
err_has "--summary"
expect_exit 3 cso policy edit 1 --owner ghost
expect_exit 2 cso policy edit 1 --title ""
unchanged

# A third version, journalled with the policy's history.
ok cso --as carol policy edit 1 --body "v3 text"
has 1 pending_version 3
ok cso policy history 1 --format json
[ "$(json '[.[] | .record] | unique | join(",")')" == "POL-1,POL-1/v1,POL-1/v2,POL-1/v3" ] || fail "history has every version"
verified
done_ok
