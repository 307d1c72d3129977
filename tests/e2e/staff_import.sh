#!/usr/bin/env bash
# staff import FILE.csv: insert or update by handle, all rows or none; a bad row exits 2 naming
# file, line and column and changes nothing; prints added/updated/unchanged counts.
source "$(dirname "$0")/lib.bash"
fresh

# bob's manager (carol) comes later in the file; absent columns (role, team) are left alone.
cat >hr.csv <<'CSV'
handle,name,email,manager,started
alice,Alice Moreau,alice@example.org,,2024-03-01
bob,Bob Okafor,,carol,
carol,"Nguyen, Carol",carol@example.org,alice,2025-01-06
dan,Dan Kowalski,dan@example.org,bob,today
CSV
ok cso staff import hr.csv
out_is "added 2, updated 2, unchanged 0"
ok cso staff list --fields handle,name,email,role,team,manager,started --format csv
[ "$(cat "$TMP/out")" == 'handle,name,email,role,team,manager,started
alice,Alice Moreau,alice@example.org,ciso,security,,2024-03-01
bob,Bob Okafor,,engineer,security,carol,
carol,"Nguyen, Carol",carol@example.org,,,alice,2025-01-06
dan,Dan Kowalski,dan@example.org,,,bob,2026-11-27' ] || fail "after import: $(cat "$TMP/out")"
ok cso log --format json
[ "$(json 'map(select(.note == "import hr.csv")) | map([.action, .record] | join(" ")) | reverse | join(",")')" == \
  "staff.edit alice,staff.edit bob,staff.add carol,staff.add dan" ] || fail "journal: $(json 'map([.action, .record, .note])')"
ok cso staff show carol --format json
[ "$(json .status)" == "active" ] || fail "added staff are active"

# Re-import: all unchanged, nothing journalled.
ok cso log --format json
entries=$(json length)
ok cso staff import hr.csv
out_is "added 0, updated 0, unchanged 4"
ok cso log --format json
[ "$(json length)" == "$entries" ] || fail "unchanged rows are not journalled"

# An update: an empty cell clears; one row changed, one added (from stdin).
printf 'handle,name,team,email\nbob,Bob Okafor,platform,\nalice,Alice Moreau,security,alice@example.org\nerin,Erin Walsh,,\n' >upd.csv
ok cso staff import - <upd.csv
out_is "added 1, updated 1, unchanged 1"
ok cso staff show bob --format json
[ "$(json '[.team, .manager] | join("|")')" == "platform|carol" ] || fail "bob updated: $(json .)"
ok cso log bob --format json
[ "$(json '.[0].note')" == "import stdin" ] || fail "stdin note"

# Bad files: exit 2 naming file, line and column; the database unchanged.
snapshot
bad() {  # bad CONTENT EXPECTED-MESSAGE
  printf '%b' "$1" >bad.csv
  expect_exit 2 cso staff import bad.csv
  err_has "$2"
  unchanged
}
bad 'handle,name\nfrank,Frank\nBad Handle,X\n' "bad.csv:3: column 1 (handle): 'Bad Handle' is not a handle"
bad 'handle,name,started\nfrank,Frank,2024-13-01\n' "bad.csv:2: column 3 (started): '2024-13-01' is not a valid date"
bad 'handle,name,salary\nfrank,Frank,1\n' "bad.csv:1: column 3 ('salary') is not a staff field that can be imported; use handle, name, email, role, team, manager, started"
bad 'handle,email\nfrank,f@example.org\n' "bad.csv:1: the header has no 'name' column, which is required"
bad 'handle,name\nfrank,Frank\ngus,\n' "bad.csv:3: column 2 (name): a value is required"
bad 'name,handle\nFrank,\n' "bad.csv:2: column 2 (handle): a value is required"
bad 'handle,name,manager\nfrank,Frank,zed\n' "bad.csv:2: column 3 (manager): no staff member 'zed' in the database or the file"
bad 'handle,name,manager\nfrank,Frank,frank\n' "bad.csv:2: column 3 (manager): 'frank' cannot be their own manager"
bad 'handle,name,manager\nfrank,Frank,Zed\n' "bad.csv:2: column 3 (manager): 'Zed' is not a handle"
bad 'handle,name\nfrank,Frank\nfrank,Frank Again\n' "bad.csv:3: column 1 (handle): 'frank' is also on line 2"
bad 'handle,name\nfrank,Frank,extra\n' "bad.csv:2: 3 fields, but the header has 2"
bad 'handle,name,name\nfrank,Frank,F\n' "column 3 ('name') appears twice"
bad 'handle,name\nfrank,"Frank\n' "bad.csv:2"
bad '' "bad.csv: the file is empty"
expect_exit 2 cso staff import missing.csv
err_has "cannot read missing.csv"
unchanged

# A header alone imports nothing.
printf 'handle,name\n' >empty.csv
ok cso staff import empty.csv
out_is "added 0, updated 0, unchanged 0"
verified
done_ok
