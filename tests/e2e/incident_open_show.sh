#!/usr/bin/env bash
# incident open, show, list (filters), edit, history and rm: defaults, every option, bad input
# (exit 2, nothing changed), missing records (exit 3).
source "$(dirname "$0")/lib.bash"
fresh
cso staff add carol --name "Carol Nguyen" >/dev/null

# Defaults: detected now, occurred = detected, status new.
ok cso incident open "Suspicious login" --severity sev3
out_is "INC-1"
ok cso incident show INC-1 --format json
[ "$(json .status)" == "new" ] || fail "a new incident is new"
[ "$(json .detected_at)" == "2026-11-27T09:00:00Z" ] || fail "detected defaults to now"
[ "$(json .occurred_at)" == "2026-11-27T09:00:00Z" ] || fail "occurred defaults to detected"
[ "$(json .severity)" == "sev3" ] || fail "severity"
[ "$(json .lead)" == "null" ] || fail "no lead"
[ "$(json .triaged_at)" == "null" ] || fail "not triaged"
[ "$(json .created)" == "2026-11-27T09:00:00Z" ] || fail "created"

# Every option; relative and RFC 3339 times with offsets; severity in any case.
ok cso incident open "Ransomware on file server" --severity SEV1 --category malware --occurred -6h \
  --detected 2026-11-27T05:00:00+02:00 --reporter bob --lead alice --notify-within 72h --description "fs-01 encrypted"
out_is "INC-2"
ok cso incident show 2 --format json
[ "$(json .severity)" == "sev1" ] || fail "severity is lower-cased"
[ "$(json .occurred_at)" == "2026-11-27T03:00:00Z" ] || fail "occurred -6h"
[ "$(json .detected_at)" == "2026-11-27T03:00:00Z" ] || fail "detected converted to UTC"
[ "$(json .category)" == "malware" ] || fail "category"
[ "$(json .reporter)" == "bob" ] || fail "reporter"
[ "$(json .lead)" == "alice" ] || fail "lead"
[ "$(json .notify_within)" == "72h" ] || fail "notify_within"
[ "$(json .notify_by)" == "2026-11-30T03:00:00Z" ] || fail "notify_by = detected + 72h"
[ "$(json .description)" == "fs-01 encrypted" ] || fail "description"
ok cso incident show inc-2
out_has "title:         Ransomware on file server"
out_has "notify_by:     2026-11-30T03:00:00Z"
ok cso incident open "Data leak" --severity sev2 --detected 2026-11-20 --lead carol --format json
[ "$(json .id)" == "INC-3" ] || fail "open --format json prints the record"
echo "from a file" >"$TMP/desc"
ok cso incident open "Lost phone" --severity sev4 --detected 2026-10-01 --description-file "$TMP/desc"
ok cso incident show 4 --format json
[ "$(json .description)" == "from a file" ] || fail "--description-file"

snapshot
expect_exit 2 cso incident open "x" --severity sev5
err_has "--severity"
err_has "sev1, sev2, sev3 or sev4"
expect_exit 2 cso incident open "x"
expect_exit 2 cso incident open "" --severity sev1
err_has "TITLE"
expect_exit 2 cso incident open "x" --severity sev1 --detected tomorrow
err_has "--detected"
err_has "in the future"
expect_exit 2 cso incident open "x" --severity sev1 --detected -2h --occurred -1h
err_has "--occurred"
err_has "2026-11-27T08:00:00Z"
err_has "2026-11-27T07:00:00Z"
expect_exit 2 cso incident open "x" --severity sev1 --detected someday
err_has "--detected"
expect_exit 2 cso incident open "x" --severity sev1 --notify-within 3
err_has "--notify-within"
expect_exit 2 cso incident open "x" --severity sev1 --lead "Not A Handle"
err_has "--lead"
expect_exit 3 cso incident open "x" --severity sev1 --lead zed
err_has "zed"
expect_exit 3 cso incident open "x" --severity sev1 --reporter zed
err_has "--reporter"
expect_exit 2 cso incident open "x" --severity sev1 --description a --description-file "$TMP/desc"
expect_exit 2 cso incident open "$(printf 'bad \xff')" --severity sev1
expect_exit 3 cso incident show 9
err_has "INC-9"
expect_exit 2 cso incident show RSK-1
err_has "INC-N"
unchanged

# list: default columns, filters.
ok cso incident list
out_has "id     severity  status  title"
out_has "INC-2  sev1      new     Ransomware on file server  alice  2026-11-27T03:00:00Z"
ok cso incident list --severity sev1,sev2 --format json
[ "$(json 'map(.id) | join(",")')" == "INC-2,INC-3" ] || fail "--severity"
ok cso incident list --since 2026-11-20 --format json
[ "$(json 'map(.id) | join(",")')" == "INC-1,INC-2,INC-3" ] || fail "--since a date (on or after)"
ok cso incident list --since 7d --format json
[ "$(json 'map(.id) | join(",")')" == "INC-1,INC-2" ] || fail "--since a duration"
ok cso incident list --lead carol --format json
[ "$(json 'map(.id) | join(",")')" == "INC-3" ] || fail "--lead"
ok cso incident close 4 --outcome benign
ok cso incident list --open --format json
[ "$(json 'map(.id) | join(",")')" == "INC-1,INC-2,INC-3" ] || fail "--open"
ok cso incident list --status closed --format json
[ "$(json 'map(.id) | join(",")')" == "INC-4" ] || fail "--status"
ok cso incident list --sort -detected_at --limit 2 --format json
[ "$(json 'map(.id) | join(",")')" == "INC-1,INC-2" ] || fail "--sort --limit"
ok cso incident list --fields id,severity --format csv
out_is "$(printf 'id,severity\nINC-1,sev3\nINC-2,sev1\nINC-3,sev2\nINC-4,sev4')"
snapshot
expect_exit 2 cso incident list --status open
err_has "--status"
expect_exit 2 cso incident list --severity high
err_has "--severity"
expect_exit 2 cso incident list --since whenever
err_has "--since"
expect_exit 2 cso incident list --sort color
unchanged

# edit: details; severity and lead changes go to the timeline; root cause and lessons after close.
ok cso incident edit 1 --title "Suspicious login from abroad" --category access --reporter carol
out_is "INC-1"
ok cso incident edit 1 --severity sev2 --lead bob --notify-within 24h
ok cso incident show 1 --format json
[ "$(json .title)" == "Suspicious login from abroad" ] || fail "edit --title"
[ "$(json .category)" == "access" ] || fail "edit --category"
[ "$(json .reporter)" == "carol" ] || fail "edit --reporter"
[ "$(json .severity)" == "sev2" ] || fail "edit --severity"
[ "$(json .lead)" == "bob" ] || fail "edit --lead"
[ "$(json .notify_by)" == "2026-11-28T09:00:00Z" ] || fail "edit --notify-within"
ok cso incident timeline 1 --format json
[ "$(json 'map(.kind) | join(",")')" == "status,severity,lead,notify" ] || fail "edit events: $(json 'map(.kind) | join(",")')"
[ "$(json '.[1].what')" == "sev3 → sev2" ] || fail "severity event"
[ "$(json '.[2].what')" == "none → bob" ] || fail "lead event"
ok cso incident edit 4 --root-cause "Left in a taxi" --lessons "Label devices"
ok cso incident show 4 --format json
[ "$(json .root_cause)" == "Left in a taxi" ] || fail "edit --root-cause on a closed incident"
[ "$(json .lessons)" == "Label devices" ] || fail "edit --lessons"
snapshot
expect_exit 2 cso incident edit 1
err_has "nothing to change"
expect_exit 2 cso incident edit 1 --title ""
expect_exit 2 cso incident edit 1 --severity sev0
expect_exit 3 cso incident edit 1 --lead zed
expect_exit 3 cso incident edit 8 --title "x"
unchanged

# history: the incident's entries and its timeline's.
ok cso incident history 1 --format json
[ "$(json 'map(.action) | unique | join(",")')" == "incident.edit,incident.open" ] || fail "history actions"
[ "$(json '[.[] | select(.record == "INC-1/event/2")] | length')" == "1" ] || fail "history includes timeline entries"
expect_exit 3 cso incident history 8

# rm: only with --force; the timeline goes with it; the journal keeps both.
snapshot
expect_exit 2 cso incident rm 1
err_has "--force"
unchanged
ok cso incident rm 1 --force
out_is "INC-1"
expect_exit 3 cso incident show 1
[ "$(sqlite3 "$CSO_DB" "select count(*) from incident_event where incident = 'INC-1'")" == 0 ] || fail "events removed"
ok cso log INC-1 --format json
[ "$(json '[.[] | select(.action == "incident.rm")] | length')" == 5 ] || fail "rm journals the incident and its 4 events"
ok cso incident open "Next" --severity sev4
out_is "INC-5"
verified
done_ok
