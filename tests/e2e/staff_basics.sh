#!/usr/bin/env bash
# staff add/list/show/edit/history: handles are validated and unique, a manager must exist, list
# shows active staff unless --all and filters by team and role; risk owners must be active staff.
source "$(dirname "$0")/lib.bash"
"$CSO" init >/dev/null 2>&1

ok cso staff add alice --name "Alice Moreau" --email alice@example.org --role ciso --team security --started 2024-03-01
out_is "alice"
ok cso staff add bob --name "Bob Okafor" --role engineer --team security --manager alice
out_is "bob"
ok cso staff add j.doe_2-x --name "Jane Doe" --role analyst --team it --manager alice --started today
out_is "j.doe_2-x"
ok cso staff add 9lives --name "Nine Lives" --role engineer --team it --format json
[ "$(json .handle)" == "9lives" ] || fail "add --format json prints the record"
[ "$(json .status)" == "active" ] || fail "a new staff member is active"
[ "$(json .manager)" == "null" ] || fail "absent manager is null"

ok cso staff show alice --format json
[ "$(json '[.handle, .name, .email, .role, .team, .started, .status] | join("|")')" == \
  "alice|Alice Moreau|alice@example.org|ciso|security|2024-03-01|active" ] || fail "show alice: $(json .)"
[ "$(json .left)" == "null" ] || fail "left is null"
ok cso staff show j.doe_2-x --format json
[ "$(json .started)" == "2026-11-27" ] || fail "--started today"
[ "$(json .manager)" == "alice" ] || fail "manager"
ok cso staff show bob
out_has "Bob Okafor"
out_has "engineer"

ok cso staff list --format json
[ "$(json 'map(.handle) | join(",")')" == "9lives,alice,bob,j.doe_2-x" ] || fail "list: $(json 'map(.handle) | join(",")')"
ok cso staff list
out_has "handle"
out_has "Alice Moreau"
[ "$(wc -l <"$TMP/out")" == 5 ] || fail "table: header and four rows"
ok cso staff list --team security --format json
[ "$(json 'map(.handle) | join(",")')" == "alice,bob" ] || fail "--team"
ok cso staff list --role engineer --format json
[ "$(json 'map(.handle) | join(",")')" == "9lives,bob" ] || fail "--role"
ok cso staff list --role engineer --team it --format json
[ "$(json 'map(.handle) | join(",")')" == "9lives" ] || fail "--role and --team"
ok cso staff list --team nowhere --format json
out_is "[]"
ok cso staff list --sort -name --format json
[ "$(json 'map(.handle) | join(",")')" == "9lives,j.doe_2-x,bob,alice" ] || fail "--sort -name"
expect_exit 2 cso staff list --sort salary
err_has "--sort"

# edit: each field, clearing with an empty value, journalled.
ok cso staff edit bob --name "Robert Okafor"
out_is "bob"
ok cso staff edit bob --email bob@example.org --role lead --team platform --started 2025-01-15
ok cso staff edit bob --manager j.doe_2-x
ok cso staff show bob --format json
[ "$(json '[.name, .email, .role, .team, .manager, .started] | join("|")')" == \
  "Robert Okafor|bob@example.org|lead|platform|j.doe_2-x|2025-01-15" ] || fail "edited bob: $(json .)"
ok cso staff edit bob --manager "" --email ""
ok cso staff show bob --format json
[ "$(json .manager)" == "null" ] || fail "--manager '' clears the manager"
[ "$(json .email)" == "null" ] || fail "--email '' clears the email"
ok cso staff history bob --format json
[ "$(json 'map(.action) | join(",")')" == "staff.add,staff.edit,staff.edit,staff.edit,staff.edit" ] || fail "staff history"
ok cso staff history bob
out_has "staff.edit"

# Bad input: exit 2 (usage), 3 (no such person), 4 (duplicate); nothing changes.
snapshot
expect_exit 4 cso staff add alice --name "Another Alice"
err_has "alice"
expect_exit 4 cso staff add bob --name "Bob Again" --team x
for h in Alice "-bob" "bo b" "x@y" "ünï" "$(printf 'a%.0s' {1..65})"; do
  expect_exit 2 cso staff add "$h" --name "Bad Handle"
  err_has "HANDLE"
done
expect_exit 2 cso staff add "" --name "Empty"
expect_exit 2 cso staff add carol
expect_exit 2 cso staff add carol --name ""
err_has "--name"
expect_exit 2 cso staff add carol --name "Carol" --started 2025-02-30
err_has "--started"
expect_exit 2 cso staff add carol --name "$(printf 'Car\xffol')"
expect_exit 3 cso staff add carol --name "Carol" --manager zed
err_has "zed"
expect_exit 2 cso staff add carol --name "Carol" --manager "Zed Z"
err_has "--manager"
expect_exit 2 cso staff add carol --name "Carol" --manager carol
expect_exit 2 cso staff edit bob
err_has "nothing to change"
expect_exit 3 cso staff edit nobody --name "No One"
err_has "nobody"
expect_exit 3 cso staff edit bob --manager zed
err_has "zed"
expect_exit 2 cso staff edit bob --manager bob
err_has "--manager"
expect_exit 2 cso staff edit bob --name ""
expect_exit 2 cso staff edit bob --status inactive
expect_exit 3 cso staff show nobody
err_has "nobody"
expect_exit 2 cso staff show "Not A Handle"
expect_exit 3 cso staff history nobody
unchanged
ok cso staff list --format json
[ "$(json 'length')" == 4 ] || fail "nothing was added"

# Risk owners: an unknown handle is not found (3), a malformed one is usage (2).
expect_exit 3 cso risk add "Orphan" --likelihood 1 --impact 1 --owner carol
err_has "carol"
err_has "--owner"
expect_exit 2 cso risk add "Orphan" --likelihood 1 --impact 1 --owner "Carol C"
unchanged
ok cso risk add "Owned" --likelihood 1 --impact 1 --owner j.doe_2-x
out_is "RSK-1"
verified

# Inactive staff (offboarding is elsewhere; simulated on a copy): hidden from list unless --all,
# and cannot own a risk.
cp "$CSO_DB" "$TMP/copy.db"
sqlite3 "$TMP/copy.db" "UPDATE staff SET status = 'inactive', left = '2026-11-01' WHERE handle = 'bob'"
ok cso --db "$TMP/copy.db" staff list --format json
[ "$(json 'map(.handle) | join(",")')" == "9lives,alice,j.doe_2-x" ] || fail "list hides inactive staff"
ok cso --db "$TMP/copy.db" staff list --all --format json
[ "$(json 'map(.handle) | join(",")')" == "9lives,alice,bob,j.doe_2-x" ] || fail "--all includes inactive staff"
ok cso --db "$TMP/copy.db" staff list --all --team platform --format json
[ "$(json 'map(.handle) | join(",")')" == "bob" ] || fail "--all with --team"
expect_exit 4 cso --db "$TMP/copy.db" risk add "Orphan" --likelihood 1 --impact 1 --owner bob
err_has "bob"

# --team and --role take comma lists, like every list filter (SPEC §3).
ok cso staff list --team security,it --format json
[ "$(json 'map(.handle) | join(",")')" == "9lives,alice,j.doe_2-x" ] || fail "--team security,it: $(json 'map(.handle) | join(",")')"
ok cso staff list --role ciso,analyst --format json
[ "$(json 'map(.handle) | join(",")')" == "alice,j.doe_2-x" ] || fail "--role ciso,analyst: $(json 'map(.handle) | join(",")')"

# A manager who does not exist is named with the flag, as --owner is (SPEC §2).
snapshot
expect_exit 3 cso staff add carol --name "Carol" --manager zed
err_has "--manager"
expect_exit 3 cso staff edit bob --manager zed
err_has "--manager"
unchanged

# Every list takes --limit (the generic list): staff and certifications too.
ok cso staff list --sort handle --limit 2 --format json
[ "$(json length)" == 2 ] || fail "staff list --limit 2 prints two people"
expect_exit 2 cso staff list --limit 0
err_has "--limit: '0' is not a positive whole number"
cso staff cert add alice CISSP --expires 2028-01-01 >/dev/null
cso staff cert add alice OSCP --expires 2029-01-01 >/dev/null
ok cso staff cert list --format json
[ "$(json length)" == 2 ] || fail "alice holds two certifications"
ok cso staff cert list --limit 1 --format json
[ "$(json length)" == 1 ] || fail "staff cert list --limit 1 prints one"

verified
done_ok
