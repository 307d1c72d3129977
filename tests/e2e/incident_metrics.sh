#!/usr/bin/env bash
# incident metrics against hand-computed values (CSO_NOW 2026-11-27T09:00:00Z). Median: middle
# value, or the mean of the two middle ones; P90: nearest rank ceil(0.9·n). SLA breaches from
# [incident.sla] (sev1 4h, sev2 24h, sev3 72h, sev4 14d by default).
source "$(dirname "$0")/lib.bash"
fresh

# INC-1 sev1: detect 2h, acknowledge 30m, contain 5h (SLA 4h: a breach), recover 12h.
ok cso incident open "A" --severity sev1 --occurred 2026-11-20T00:00:00Z --detected 2026-11-20T02:00:00Z
ok cso incident triage 1 --at 2026-11-20T02:30:00Z
ok cso incident contain 1 --at 2026-11-20T07:00:00Z
ok cso incident recover 1 --at 2026-11-20T14:00:00Z
ok cso incident close 1 --outcome true_positive --at 2026-11-21T00:00:00Z --root-cause "RDP" --lessons "No RDP"
# INC-2 sev2: detect 10m, acknowledge 1h, contain 10h, recover 24h.
ok cso incident open "B" --severity sev2 --occurred 2026-11-21T10:00:00Z --detected 2026-11-21T10:10:00Z
ok cso incident triage 2 --at 2026-11-21T11:10:00Z
ok cso incident contain 2 --at 2026-11-21T20:10:00Z
ok cso incident recover 2 --at 2026-11-22T10:10:00Z
# INC-3 sev3: detect 24h, acknowledge 4h, contain 48h (SLA 72h), not recovered.
ok cso incident open "C" --severity sev3 --occurred 2026-11-22T00:00:00Z --detected 2026-11-23T00:00:00Z
ok cso incident triage 3 --at 2026-11-23T04:00:00Z
ok cso incident contain 3 --at 2026-11-25T00:00:00Z
# INC-4 sev2: detect 0, acknowledge 20m, open and not contained 48h after detection: a breach.
ok cso incident open "D" --severity sev2 --detected 2026-11-25T09:00:00Z
ok cso incident triage 4 --at 2026-11-25T09:20:00Z
# INC-5 sev4: detect 1h, a false positive closed without containment: no breach.
ok cso incident open "E" --severity sev4 --occurred 2026-11-26T08:00:00Z --detected 2026-11-26T09:00:00Z
ok cso incident close 5 --outcome false_positive --at 2026-11-26T10:00:00Z
# INC-6 sev1: detected before the default 90 days (since 2026-08-29T09:00:00Z), never triaged.
ok cso incident open "F" --severity sev1 --detected 2026-08-01T00:00:00Z

# metric name count median p90 (JSON seconds)
stat() {
  checks=$((checks + 1))
  local got
  got=$(json ".$1 | [.count, .median, .p90] | map(tostring) | join(\" \")")
  [ "$got" == "$2" ] || fail "$1 is '$got', expected '$2'"
}

ok cso incident metrics --format json
[ "$(json .since)" == "2026-08-29T09:00:00Z" ] || fail "default window 90d"
[ "$(json .count)" == 5 ] || fail "count $(json .count)"
stat detect "5 3600 86400"           # [0, 10m, 1h, 2h, 24h]: median 1h, P90 rank 5 = 24h
stat acknowledge "4 2700 14400"      # [20m, 30m, 1h, 4h]: median (30m+1h)/2 = 45m, P90 rank 4 = 4h
stat contain "3 36000 172800"        # [5h, 10h, 48h]: median 10h, P90 rank 3 = 48h
stat recover "2 64800 86400"         # [12h, 24h]: median 18h, P90 rank 2 = 24h
[ "$(json .sla_breaches)" == 2 ] || fail "breaches"
[ "$(json '.breached | join(",")')" == "INC-1,INC-4" ] || fail "breached: $(json '.breached | join(",")')"
[ "$(json .severity)" == "null" ] || fail "no severity filter"

ok cso incident metrics
out_has "incidents detected since 2026-08-29T09:00:00Z"
out_has "metric        count  median  p90"
out_has "incidents         5  -       -"
out_has "detect            5  1h 0m   1d 0h"
out_has "acknowledge       4  45m     4h 0m"
out_has "contain           3  10h 0m  2d 0h"
out_has "recover           2  18h 0m  1d 0h"
out_has "sla_breaches      2  -       -"
out_has "SLA breached: INC-1, INC-4"
ok cso incident metrics --format csv
out_has "metric,count,median,p90"
out_has "detect,5,3600,86400"
out_has "acknowledge,4,2700,14400"
out_has "sla_breaches,2,,"

ok cso incident metrics --severity sev2 --format json
[ "$(json .count)" == 2 ] || fail "sev2 count"
[ "$(json '.severity | join(",")')" == "sev2" ] || fail "severity echoed"
stat detect "2 300 600"              # [0, 10m]: median 5m, P90 rank 2
stat acknowledge "2 2400 3600"       # [20m, 1h]: median 40m
stat contain "1 36000 36000"
stat recover "1 86400 86400"
[ "$(json '.breached | join(",")')" == "INC-4" ] || fail "sev2 breaches"
ok cso incident metrics --severity sev2
out_has "incidents detected since 2026-08-29T09:00:00Z (sev2)"
out_has "detect            2  5m      10m"

ok cso incident metrics --since 2026-11-22 --format json
[ "$(json .count)" == 3 ] || fail "since a date"
stat detect "3 3600 86400"           # [0, 1h, 24h]
[ "$(json '.breached | join(",")')" == "INC-4" ] || fail "since breaches"

ok cso incident metrics --since 200d --format json
[ "$(json .count)" == 6 ] || fail "since 200d"
stat detect "6 2100 86400"           # [0, 0, 10m, 1h, 2h, 24h]: median (10m+1h)/2 = 35m, P90 rank 6
[ "$(json '.breached | join(",")')" == "INC-1,INC-4,INC-6" ] || fail "an old open sev1 is a breach"

# The SLA targets come from config.
printf '[incident.sla]\nsev1 = "6h"\nsev2 = "3d"\n' >"$TMP/sla.toml"
ok cso --config "$TMP/sla.toml" incident metrics --format json
[ "$(json .sla_breaches)" == 0 ] || fail "config SLA: $(json '.breached | join(",")')"

# Nothing in the window: counts of zero, no durations.
ok cso incident metrics --since 2026-11-27T08:00:00Z --format json
[ "$(json .count)" == 0 ] || fail "empty window"
stat detect "0 null null"
ok cso incident metrics --since 2026-11-27T08:00:00Z
out_has "detect            0  -       -"

snapshot
expect_exit 2 cso incident metrics --since whenever
err_has "--since"
expect_exit 2 cso incident metrics --severity sev7
err_has "--severity"
unchanged
verified
done_ok
