#!/usr/bin/env bash
# Sign-offs need a real, active person (SPEC §1): policy approve/request-changes/publish/retire/
# review, risk accept/review and finding verify/accept exit 4 unless the acting person (--as,
# CSO_ACTOR or user.handle) is active staff, naming the handle and how to set it; an owner may
# not accept their own risk or finding. Other writes record the actor as given. Refusals change
# nothing.
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" staff add carol --name "Carol Nguyen" >/dev/null
"$CSO" staff add leaver --name "Lee Leaver" >/dev/null

# The actor of everyday writes is recorded as given: tester is not on the staff list.
ok cso policy add "Access Control" --owner bob --kind policy --audience all --body "# Access"
ok cso policy submit POL-1
ok cso risk add "Ransomware" --likelihood 4 --impact 5 --owner bob
ok cso audit finding add "No MFA" --severity high --owner bob --due +30d
ok cso audit finding resolve FND-1 --note "MFA on"
ok cso audit finding add "Old TLS" --severity low --owner bob --due +30d
ok cso staff offboard leaver
ok cso log --format json
[ "$(jq -r '[.[] | select(.actor == "tester")] | length' "$TMP/out")" -ge 6 ] || fail "writes record tester"

# refused ARGS...: exit 4, naming the actor and the three ways to say who is acting; nothing changes.
refused() {
  local who=$1
  shift
  snapshot
  expect_exit 4 "$@"
  err_has "'$who'"
  err_has "a sign-off needs an acting person who is active staff"
  err_has "--as HANDLE, CSO_ACTOR or user.handle"
  unchanged
}

# Someone not on the staff list, by each way of naming them.
refused tester cso policy approve POL-1
err_has "'tester' is not on the staff list"
refused ghost cso --as ghost policy approve POL-1
refused ghost cso --as ghost policy request-changes POL-1 --note "Shorter"
refused nobody env CSO_ACTOR=nobody "$CSO" risk accept RSK-1 --until +30d --reason "Appetite"
refused nobody cso --as nobody risk review RSK-1
refused ghost cso --as ghost audit finding verify FND-1
refused ghost cso --as ghost audit finding accept FND-2 --until +30d --reason "Low"
mkdir -p "$XDG_CONFIG_HOME/cso"
printf '[user]\nhandle = "phantom"\n' >"$XDG_CONFIG_HOME/cso/config.toml"
refused phantom env -u CSO_ACTOR "$CSO" policy approve POL-1
rm "$XDG_CONFIG_HOME/cso/config.toml"

# Someone who was offboarded.
refused leaver cso --as leaver policy approve POL-1
err_has "'leaver' was offboarded"
refused leaver cso --as leaver audit finding verify FND-1

# The record is looked up first: a missing one is still exit 3.
expect_exit 3 cso --as ghost risk accept RSK-9 --until +30d --reason "x"

# Active staff sign; the journal names them.
ok cso --as alice policy approve POL-1 --note "Fine"
refused ghost cso --as ghost policy publish POL-1
ok cso --as alice policy publish POL-1
refused ghost cso --as ghost policy review POL-1
ok cso --as carol policy review POL-1 --note "Still right"
ok cso --as carol risk review RSK-1
ok cso risk history RSK-1 --format json
[ "$(jq -r '.[-1].actor' "$TMP/out")" == "carol" ] || fail "the review is journalled as carol"

# An owner may not accept their own risk or finding (nor verify it).
refused_owner() {
  snapshot
  expect_exit 4 "$@"
  err_has "is owned by bob; its owner cannot"
  unchanged
}
refused_owner cso --as bob risk accept RSK-1 --until +30d --reason "Appetite"
err_has "RSK-1 is owned by bob; its owner cannot accept it: someone else must ('--as HANDLE')"
refused_owner cso --as bob audit finding accept FND-2 --until +30d --reason "Low"
err_has "FND-2 is owned by bob; its owner cannot accept it"
refused_owner cso --as bob audit finding verify FND-1
ok cso --as alice risk accept RSK-1 --until +30d --reason "Appetite"
ok cso risk show RSK-1 --format json
[ "$(json .accepted_by)" == "alice" ] || fail "alice accepted RSK-1"
ok cso --as carol audit finding accept FND-2 --until +30d --reason "Low"
ok cso --as carol audit finding verify FND-1
ok cso audit finding show FND-1 --format json
[ "$(json .verified_by)" == "carol" ] || fail "carol verified FND-1"

# Retiring is a sign-off too.
refused ghost cso --as ghost policy retire POL-1
ok cso --as alice policy retire POL-1 --note "Replaced"
verified

done_ok
