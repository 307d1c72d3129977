#!/usr/bin/env bash
# The incidents section of `cso status`: counts per status, open per severity, open sev1/sev2
# by name (at most 5), SLA clocks of open uncontained incidents, pending notification deadlines;
# and the demo's incidents (every phase and outcome, a sev1 past SLA, a pending notification).
source "$(dirname "$0")/lib.bash"
fresh

ok cso status
out_has "incidents 0 in all: 0 new, 0 triaged, 0 contained, 0 eradicated, 0 recovered, 0 closed"
out_has "open by severity: 0 sev1, 0 sev2, 0 sev3, 0 sev4"
out_lacks "SLA:"
ok cso status --format json
[ "$(json '.incidents.total')" == 0 ] || fail "empty total"
[ "$(json '.incidents.open_sev1_sev2 | length')" == 0 ] || fail "empty list"

ok cso incident open "Ransomware" --severity sev1 --detected -5h --lead alice
ok cso incident open "Bucket exposed" --severity sev2 --detected -2h --notify-within 72h
ok cso incident contain 2
ok cso incident open "Port scan" --severity sev4 --detected -1d
ok cso incident open "Lost phone" --severity sev3 --detected -3d
ok cso incident close 4 --outcome benign
for i in 1 2 3 4 5; do
  ok cso incident open "Flood $i" --severity sev2 --detected -1h
done

ok cso status
out_has "incidents 9 in all: 7 new, 0 triaged, 1 contained, 0 eradicated, 0 recovered, 1 closed"
out_has "open by severity: 1 sev1, 6 sev2, 0 sev3, 1 sev4"
out_has "sev1 INC-1 Ransomware (new)"
out_has "sev2 INC-2 Bucket exposed (contained)"
out_has "sev2 INC-5 Flood 1 (new)"
out_has "sev2 INC-7 Flood 3 (new)"
out_lacks "Flood 4"
out_has "SLA: INC-1 sev1 breached 1h 0m ago; INC-5 sev2 23h 0m left; INC-6 sev2 23h 0m left; INC-7 sev2 23h 0m left; INC-8 sev2 23h 0m left; and 2 more"
out_has "notify: INC-2 due 2026-11-30T07:00:00Z (in 2d 22h)"
out_has "CRITICAL INC-1 Ransomware: sev1 not contained 5h 0m after detection (SLA 4h)"
ok cso status --format json
[ "$(json '.incidents.by_status.new')" == 7 ] || fail "by_status"
[ "$(json '.incidents.open_by_severity.sev2')" == 6 ] || fail "open_by_severity"
[ "$(json '.incidents.open_sev1_sev2 | map(.id) | join(",")')" == "INC-1,INC-2,INC-5,INC-6,INC-7" ] ||
  fail "sev1/sev2: $(json '.incidents.open_sev1_sev2 | map(.id) | join(",")')"
[ "$(json '.incidents.open_sev1_sev2[0].title')" == "Ransomware" ] || fail "titles"
[ "$(json '.incidents.sla_clocks | length')" == 7 ] || fail "every running SLA clock in JSON"
[ "$(json '.incidents.sla_clocks[0] | [.id, .deadline, (.seconds_left | tostring)] | join(" ")')" == "INC-1 2026-11-27T08:00:00Z -3600" ] ||
  fail "breached clock"
[ "$(json '.incidents.sla_clocks[-1].id')" == "INC-3" ] || fail "sev4 clock last"
[ "$(json '.incidents.notifications_pending[0].notify_by')" == "2026-11-30T07:00:00Z" ] || fail "notification"
[ "$(json '.attention.problems | map(select(.rule == "incident.sla_breach")) | length')" == 1 ] || fail "attention"
verified

# The demo: every phase and outcome.
export CSO_DB=$TMP/demo.db
ok cso init --demo
ok cso incident list --format json
[ "$(json 'map(.status) | unique | join(",")')" == "closed,contained,eradicated,new,recovered,triaged" ] ||
  fail "demo phases: $(json 'map(.status) | unique | join(",")')"
ok cso incident list --status closed --format json --fields id,outcome
[ "$(json 'map(.outcome) | sort | join(",")')" == "benign,duplicate,false_positive,indeterminate,true_positive" ] ||
  fail "demo outcomes"
expect_exit 2 cso check --only incident.sla_breach,incident.notify_due
out_has "CRITICAL incident.sla_breach INC-1 \"Ransomware on the finance file server\" sev1 not contained 6h 0m after detection (SLA 4h)"
out_has "WARNING incident.notify_due INC-2"
ok cso incident timeline 1 --format json
[ "$(json 'map(.kind) | index("note") != null')" == "true" ] || fail "demo notes"
[ "$(json '.[0].actor')" == "jon" ] || fail "demo actors are staff"
ok cso incident metrics --format json
[ "$(json .count)" == 10 ] || fail "demo metrics"
verified
done_ok
