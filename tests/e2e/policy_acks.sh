#!/usr/bin/env bash
# policy ack|acks: acknowledgements of the version in force (with its body hash), only by active
# staff, idempotent; acks lists the audience (active staff of all/team/role) acknowledged or
# missing. A newly published version needs new acknowledgements.
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" staff add carol --name "Carol Nguyen" --team it >/dev/null
"$CSO" staff add dan --name "Dan Kowalski" --team security >/dev/null

publish() {
  "$CSO" --as alice policy submit "$1" >/dev/null
  "$CSO" --as bob policy approve "$1" >/dev/null
  "$CSO" --as alice policy publish "$1" "${@:2}" >/dev/null
}

ok cso --as alice policy add "Acceptable Use" --owner alice --body "Be nice." --audience all
# Nothing in force yet: nothing to acknowledge.
snapshot
expect_exit 4 cso policy ack 1 --staff bob
err_has "POL-1 is draft; 'policy ack' needs a policy that is published"
expect_exit 4 cso policy acks 1
unchanged
publish 1 --effective 2026-11-20

ok cso policy ack 1 --staff bob,carol --on 2026-11-26
out_is "POL-1"
err_has "POL-1 v1 acknowledged by bob, carol"
ok cso policy acks 1 --format json
[ "$(json 'map(.handle) | join(",")')" == "alice,bob,carol,dan" ] || fail "the audience is every active person"
[ "$(json 'map(.status) | join(",")')" == "missing,acknowledged,acknowledged,missing" ] || fail "statuses"
[ "$(json '.[1].version')" == 1 ] || fail "acknowledged version"
[ "$(json '.[1].acknowledged')" == 2026-11-26 ] || fail "acknowledged date"
[ "$(json '.[0].version')" == null ] || fail "missing has no version"
err_has "acknowledged by 2 of 4 (50%)"
ok cso policy acks 1 --limit 2 --format json
[ "$(json 'map(.handle) | join(",")')" == "alice,bob" ] || fail "--limit 2: $(json .)"
ok cso policy acks 1 --missing --limit 1 --format json
[ "$(json 'map(.handle) | join(",")')" == "alice" ] || fail "--missing --limit 1: $(json .)"
expect_exit 2 cso policy acks 1 --limit 0
err_has "--limit"
ok cso policy acks 1 --missing
out_has "alice"
out_has "Alice Moreau"
out_has "missing"
out_lacks "bob"
# The acknowledgement keeps the hash of the body acknowledged.
sha=$(printf 'Be nice.' | sha256sum | cut -d' ' -f1)
[ "$(sqlite3 "$CSO_DB" "select sha256 from policy_ack where key = 'POL-1/v1/ack/bob'")" == "$sha" ] || fail "ack hash"

# Twice the same: idempotent, and said so.
snapshot
ok cso policy ack 1 --staff bob
err_has "already acknowledged by bob (on 2026-11-26)"
unchanged
ok cso policy ack 1 --staff bob,dan
err_has "acknowledged by dan"
err_has "already acknowledged by bob"
[ "$(sqlite3 "$CSO_DB" "select count(*) from policy_ack")" == 3 ] || fail "no duplicate acknowledgement"

# Refused: unknown staff (3), bad handle or date (2), future or before publication (2).
snapshot
expect_exit 3 cso policy ack 1 --staff alice,ghost
err_has "ghost"
expect_exit 2 cso policy ack 1 --staff "Not A Handle"
err_has "--staff"
expect_exit 2 cso policy ack 1 --staff alice --on tomorrow
err_has "in the future"
expect_exit 2 cso policy ack 1 --staff alice --on 2026-11-19
err_has "before v1 of POL-1 was published"
expect_exit 2 cso policy ack 1 --staff alice --on nonsense
err_has "--on"
expect_exit 2 cso policy ack 1 --staff alice,,bob
expect_exit 2 cso policy ack 1
unchanged

# An inactive person can neither acknowledge nor be counted. (A copy of the database with carol
# made inactive behind cso's back, until staff offboarding exists.)
sqlite3 "$CSO_DB" ".backup '$TMP/inactive.db'"
sqlite3 "$TMP/inactive.db" "update staff set status = 'inactive' where handle = 'carol'"
CSO_DB=$TMP/inactive.db expect_exit 4 cso policy ack 1 --staff alice,carol
err_has "'carol' is not active"
[ "$(sqlite3 "$TMP/inactive.db" "select count(*) from policy_ack where staff = 'alice'")" == 0 ] || fail "all or none"
sqlite3 "$TMP/inactive.db" "update staff set status = 'active' where handle = 'carol'; update staff set status = 'inactive' where handle = 'dan'"
CSO_DB=$TMP/inactive.db ok cso policy acks 1 --format json
[ "$(json 'map(.handle) | join(",")')" == "alice,bob,carol" ] || fail "inactive staff are out of the audience"

# A team audience.
ok cso policy edit 1 --audience team:security
ok cso policy acks 1 --format json
[ "$(json 'map(.handle) | join(",")')" == "alice,bob,dan" ] || fail "team audience"
[ "$(json 'map(.status) | join(",")')" == "missing,acknowledged,acknowledged" ] || fail "team statuses"

# A new version in force needs new acknowledgements: everyone is missing again.
ok cso --as carol policy edit 1 --body "Be kind."
ok cso policy acks 1 --missing --format json
[ "$(json 'map(.handle) | join(",")')" == "alice" ] || fail "a draft does not reset acknowledgements"
publish 1
ok cso policy acks 1 --missing --format json
[ "$(json 'map(.handle) | join(",")')" == "alice,bob,dan" ] || fail "a new version needs new acknowledgements"
ok cso policy ack 1 --staff bob
ok cso policy acks 1 --format json
[ "$(json '.[1].version')" == 2 ] || fail "acknowledged v2"
[ "$(sqlite3 "$CSO_DB" "select sha256 from policy_ack where key = 'POL-1/v2/ack/bob'")" == "$(printf 'Be kind.' | sha256sum | cut -d' ' -f1)" ] ||
  fail "v2 ack hash"
ok cso policy history 1
out_has "POL-1/v2/ack/bob"
out_has "policy.ack"
verified
done_ok
