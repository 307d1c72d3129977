#!/usr/bin/env bash
# risk edit changes each editable field (and nothing else); edit with nothing to change exits 2;
# rm needs --force, keeps the journal, and numbers are never reused.
source "$(dirname "$0")/lib.bash"
fresh

field() { "$CSO" risk show "$1" --format json | jq -r ".$2"; }
has() {
  checks=$((checks + 1))
  local got
  got=$(field "$1" "$2")
  [ "$got" == "$3" ] || fail "$1 $2 is '$got', expected '$3'"
}

ok cso risk add "Phishing" --likelihood 3 --impact 3 --owner alice --category people
ok cso risk add "Lost laptop" --likelihood 2 --impact 4

CSO_NOW=2026-12-01T10:00:00Z ok cso risk edit 1 --title "Spear phishing of finance"
out_is "RSK-1"
has 1 title "Spear phishing of finance"
has 1 updated 2026-12-01T10:00:00Z
has 1 created 2026-11-27T09:00:00Z
ok cso risk edit RSK-1 --owner bob
has 1 owner bob
ok cso risk edit rsk-1 --category social
has 1 category social
ok cso risk edit 1 --description "Targeted mails to AP staff"
has 1 description "Targeted mails to AP staff"
printf 'Line one\nLine two\n' >"$TMP/desc.txt"
ok cso risk edit 1 --description-file "$TMP/desc.txt"
has 1 description "$(printf 'Line one\nLine two\n')"
ok cso risk edit 1 --description-file - <<<"From stdin"
has 1 description "From stdin"
ok cso risk edit 1 --review-every 30d
has 1 review_every 30d
ok cso risk edit 1 --due 2027-03-31
has 1 due 2027-03-31
ok cso risk edit 1 --plan "Awareness campaign"
has 1 plan "Awareness campaign"
ok cso risk edit 1 --title "Phishing" --owner alice --category people --due +1m --format json
[ "$(json .title)" == "Phishing" ] || fail "edit --format json prints the record"
[ "$(json .owner)" == "alice" ] || fail "several fields at once"
[ "$(json .due)" == "2026-12-27" ] || fail "relative due date: $(json .due)"
# Editing never touches the rating or the status.
has 1 score 9
has 1 status open
has 1 likelihood 3
ok cso risk history 1
[ "$(grep -c 'risk.edit' "$TMP/out")" == 10 ] || fail "every edit is journalled"
has 2 title "Lost laptop"

snapshot
expect_exit 2 cso risk edit 1
err_has "nothing to change"
expect_exit 2 cso risk edit 1 --title ""
err_has "--title"
expect_exit 3 cso risk edit 1 --owner nobody
err_has "nobody"
expect_exit 2 cso risk edit 1 --owner "Alice M"
err_has "--owner"
expect_exit 2 cso risk edit 1 --review-every often
err_has "--review-every"
expect_exit 2 cso risk edit 1 --due 31/12/2026
err_has "--due"
expect_exit 2 cso risk edit 1 --description "x" --description-file "$TMP/desc.txt"
err_has "--description"
expect_exit 2 cso risk edit 1 --description-file "$TMP/missing.txt"
err_has "missing.txt"
printf 'bad\xff\n' >"$TMP/bad.txt"
expect_exit 2 cso risk edit 1 --description-file "$TMP/bad.txt"
err_has "UTF-8"
expect_exit 2 cso risk edit 1 --title "$(printf 'bad\xfe')"
expect_exit 2 cso risk edit 1 --likelihood 5
expect_exit 2 cso risk edit 1 --status closed
expect_exit 3 cso risk edit 9 --title "x"
err_has "RSK-9"
expect_exit 2 cso risk edit POL-1 --title "x"
unchanged

# rm without --force: exit 2, nothing removed.
expect_exit 2 cso risk rm 2
err_has "--force"
unchanged
ok cso risk show 2
expect_exit 3 cso risk rm 9 --force
err_has "RSK-9"
unchanged

# rm --force removes the risk; the journal keeps every entry, including the removal.
ok cso risk rm RSK-2 --force
out_is "RSK-2"
expect_exit 3 cso risk show 2
err_has "RSK-2"
ok cso risk list --format json
[ "$(json 'map(.id) | join(",")')" == "RSK-1" ] || fail "the removed risk is not listed"
ok cso log RSK-2
out_has "risk.add"
out_has "risk.rm"
ok cso log RSK-2 --format json
[ "$(json 'map(.action) | join(",")')" == "risk.rm,risk.add" ] || fail "log of a removed risk, newest first"
[ "$(json '.[1].data.title')" == "Lost laptop" ] || fail "the journal keeps what was removed"
# history of a removed risk still prints its entries, oldest first (SPEC §3).
ok cso risk history RSK-2 --format json
[ "$(json 'map(.action) | join(",")')" == "risk.add,risk.rm" ] || fail "history of a removed risk: $(cat "$TMP/out")"
ok cso risk history 2
out_has "risk.rm"
expect_exit 3 cso risk history 9
err_has "no risk RSK-9"
ok cso log --action risk.rm --format json
[ "$(json '.[0].record')" == "RSK-2" ] || fail "the removal is findable by action"
[ "$(json '.[0].actor')" == "tester" ] || fail "the removal records who did it"
snapshot
expect_exit 3 cso risk rm 2 --force
unchanged
verified

# Numbers are never reused, not even the highest one after it is removed.
ok cso risk add "Shadow IT" --likelihood 2 --impact 2
out_is "RSK-3"
ok cso risk rm 3 --force
ok cso risk add "USB drops" --likelihood 1 --impact 2
out_is "RSK-4"
ok cso risk show 4
out_has "USB drops"
expect_exit 3 cso risk show 3
verified

# A review period no review could ever use (past 9999-12-31) is refused like at add, instead of
# leaving a risk that every later 'risk review' fails on.
snapshot
expect_exit 2 cso risk edit 4 --review-every 9000y
err_has "--review-every"
unchanged
ok cso --as alice risk review 4
verified
done_ok
