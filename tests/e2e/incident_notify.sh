#!/usr/bin/env bash
# Regulatory notification clocks: --notify-within on open or triage sets notify_by = detected +
# within; `incident notified` records when it was met (once; exit 4 without a deadline or twice).
source "$(dirname "$0")/lib.bash"
fresh

field() { "$CSO" incident show "$1" --format json | jq -r ".$2"; }
has() {
  checks=$((checks + 1))
  local got
  got=$(field "$1" "$2")
  [ "$got" == "$3" ] || fail "INC-$1 $2 is '$got', expected '$3'"
}

ok cso incident open "Personal data breach" --severity sev2 --detected 2026-11-26T10:00:00Z
has 1 notify_by null
snapshot
expect_exit 4 cso incident notified 1
err_has "INC-1 has no notification deadline"
err_has "--notify-within"
unchanged
# Set at triage, counted from detection (not from triage).
ok cso incident triage 1 --at 2026-11-26T12:00:00Z --notify-within 72h
has 1 notify_within 72h
has 1 notify_by 2026-11-29T10:00:00Z
has 1 notified_at null
ok cso incident show 1
out_has "notify_by:     2026-11-29T10:00:00Z"
ok cso status --format json
[ "$(json '.incidents.notifications_pending[0].id')" == "INC-1" ] || fail "status lists the pending deadline"
[ "$(json '.incidents.notifications_pending[0].seconds_left')" == "176400" ] || fail "49h left"

snapshot
expect_exit 2 cso incident notified 1 --at +1h
err_has "in the future"
expect_exit 2 cso incident notified 1 --at 2026-11-20T00:00:00Z
err_has "before 2026-11-26T10:00:00Z, when INC-1 occurred"
expect_exit 2 cso incident notified 1 --at nope
err_has "--at"
expect_exit 3 cso incident notified 5
unchanged
ok cso incident notified 1 --at 2026-11-27T08:00:00Z
out_is "INC-1"
has 1 notified_at 2026-11-27T08:00:00Z
ok cso incident timeline 1 --format json
[ "$(json '.[-1].what')" == "notification made, 2d 2h before the deadline (2026-11-29T10:00:00Z)" ] ||
  fail "timeline: $(json '.[-1].what')"
[ "$(json '.[-1].kind')" == "notify" ] || fail "notify kind"
snapshot
expect_exit 4 cso incident notified 1
err_has "already recorded, at 2026-11-27T08:00:00Z"
unchanged
ok cso status --format json
[ "$(json '.incidents.notifications_pending | length')" == "0" ] || fail "met deadlines are not pending"

# A late notification says so.
ok cso incident open "Late one" --severity sev3 --detected 2026-11-20T00:00:00Z --notify-within 24h
has 2 notify_by 2026-11-21T00:00:00Z
ok cso incident notified 2 --at 2026-11-21T05:30:00Z
ok cso incident timeline 2 --format json
[ "$(json '.[-1].what')" == "notification made, 5h 30m after the deadline (2026-11-21T00:00:00Z)" ] || fail "late"
# Notification can be recorded in any state, including closed.
ok cso incident open "Closed one" --severity sev3 --detected -1d --notify-within 3d
ok cso incident close 3 --outcome true_positive
ok cso incident notified 3
has 3 notified_at 2026-11-27T09:00:00Z
verified
done_ok
