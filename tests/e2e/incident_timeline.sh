#!/usr/bin/env bash
# incident note and timeline: notes plus an automatic entry for every change of status, severity,
# lead and notification, in the order of the event times (not the order they were recorded),
# with who recorded each.
source "$(dirname "$0")/lib.bash"
fresh

CSO_ACTOR=bob ok cso incident open "Phishing wave" --severity sev3 --occurred 2026-11-26T20:00:00Z \
  --detected 2026-11-26T22:00:00Z --lead bob
CSO_ACTOR=alice ok cso incident triage 1 --at 2026-11-26T23:00:00Z --severity sev2 --lead alice --notify-within 72h
ok cso --as alice incident contain 1 --at 2026-11-27T02:00:00Z --note "sender blocked"
# Recorded last, but happened first: a note back-dated to before detection (after occurrence).
ok cso --as bob incident note 1 "first user report" --at 2026-11-26T21:30:00Z
out_is "INC-1/event/8"
ok cso incident note INC-1 "mailboxes purged" --at 2026-11-27T01:00:00Z --format json
[ "$(json .key)" == "INC-1/event/9" ] || fail "note --format json prints the entry"
[ "$(json .kind)" == "note" ] || fail "note kind"
ok cso incident note 1 "now"

ok cso incident timeline 1
out_has "at                    actor   kind      what"
out_has "2026-11-26T21:30:00Z  bob     note      first user report"
out_has "2026-11-26T22:00:00Z  bob     status    opened as sev3, lead bob"
out_has "2026-11-26T23:00:00Z  alice   severity  sev3 → sev2"
ok cso incident timeline 1 --limit 2 --format json
[ "$(json 'map(.kind) | join(",")')" == "note,status" ] || fail "--limit 2: the first two"
expect_exit 2 cso incident timeline 1 --limit x
ok cso incident timeline 1 --format json
[ "$(json 'map(.at) | join(",")')" == "2026-11-26T21:30:00Z,2026-11-26T22:00:00Z,2026-11-26T23:00:00Z,2026-11-26T23:00:00Z,2026-11-26T23:00:00Z,2026-11-26T23:00:00Z,2026-11-27T01:00:00Z,2026-11-27T02:00:00Z,2026-11-27T02:00:00Z,2026-11-27T09:00:00Z" ] ||
  fail "time order: $(json 'map(.at) | join(",")')"
[ "$(json 'map(.kind) | join(",")')" == "note,status,status,severity,lead,notify,note,status,note,note" ] ||
  fail "kinds: $(json 'map(.kind) | join(",")')"
[ "$(json 'map(.actor) | join(",")')" == "bob,bob,alice,alice,alice,alice,tester,alice,alice,tester" ] ||
  fail "actors: $(json 'map(.actor) | join(",")')"
[ "$(json '.[2].what')" == "new → triaged" ] || fail "status text"
[ "$(json '.[4].what')" == "bob → alice" ] || fail "lead text"
[ "$(json '.[5].what')" == "notification due by 2026-11-29T22:00:00Z (72h after detection)" ] || fail "notify text"
[ "$(json '.[7].what')" == "triaged → contained" ] || fail "contain text"
[ "$(json '.[8].what')" == "sender blocked" ] || fail "contain --note is a timeline note"
ok cso incident timeline 1 --format csv --fields at,what
[ "$(head -1 "$TMP/out")" == "at,what" ] || fail "csv header"
[ "$(sed -n 2p "$TMP/out")" == "2026-11-26T21:30:00Z,first user report" ] || fail "csv row"
ok cso incident timeline 1 --format jsonl
[ "$(wc -l <"$TMP/out")" == 10 ] || fail "jsonl: one line per entry"

# Close, reopen, and a note on a closed incident, in order.
ok cso incident close 1 --outcome true_positive --at 2026-11-27T08:00:00Z --root-cause "Phish" --lessons "Report button"
ok cso incident note 1 "post-incident review booked"
ok cso incident reopen 1
ok cso incident timeline 1 --format json
[ "$(json '.[-4].what')" == "contained → closed (true_positive)" ] || fail "close text: $(json '.[-4].what')"
[ "$(json '.[-1].what')" == "closed → triaged (reopened)" ] || fail "reopen text"

# Control characters are neutralised in the table, kept in JSON.
ok cso incident note 1 "$(printf 'esc \033[31m red')"
ok cso incident timeline 1
out_has "esc ^[[31m red"
ok cso incident timeline 1 --format json
[ "$(json '.[-1].what')" == "$(printf 'esc \033[31m red')" ] || fail "json keeps the text"

snapshot
expect_exit 2 cso incident note 1 ""
err_has "TEXT"
expect_exit 2 cso incident note 1 "too early" --at 2026-11-26T19:00:00Z
err_has "2026-11-26T19:00:00Z is before 2026-11-26T20:00:00Z"
expect_exit 2 cso incident note 1 "later" --at +1h
err_has "in the future"
expect_exit 2 cso incident note 1 "$(printf 'bad \xff')"
expect_exit 2 cso incident note 1
expect_exit 3 cso incident note 7 "x"
err_has "INC-7"
expect_exit 3 cso incident timeline 7
expect_exit 2 cso incident timeline 1 --fields at,colour
err_has "--fields"
unchanged

# An incident with no other events has its opening entry only.
ok cso incident open "Quiet" --severity sev4
ok cso incident timeline 2 --format json
[ "$(json 'length')" == 1 ] || fail "one entry"
verified
done_ok
