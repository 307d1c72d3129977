#!/usr/bin/env bash
# check rules incident.sla_breach (an open incident not yet contained: WARNING at 75% of its
# severity's SLA, CRITICAL at 100%) and incident.notify_due (a pending notification deadline:
# WARNING within check.warn_within but at most half its window, CRITICAL past).
source "$(dirname "$0")/lib.bash"
fresh

rules=incident.sla_breach,incident.notify_due
ok cso incident open "Ransomware" --severity sev1 --detected 2026-11-27T06:00:00Z
# At 2h59m of a 4h SLA: fine.
CSO_NOW=2026-11-27T08:59:00Z expect_exit 0 cso check --only $rules
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"
# At 3h (75%): WARNING.
expect_exit 1 cso check --only $rules
out_is "$(printf 'CSO WARNING - 0 critical, 1 warning | critical=0;;;0 warning=1;;;0\nWARNING incident.sla_breach INC-1 "Ransomware" sev1 not contained 3h 0m after detection (SLA 4h)')"
# Triage does not stop the clock; at 4h: CRITICAL.
ok cso incident triage 1 --at 2026-11-27T06:30:00Z
CSO_NOW=2026-11-27T10:00:00Z expect_exit 2 cso check --only $rules
out_has "CRITICAL incident.sla_breach INC-1 \"Ransomware\" sev1 not contained 4h 0m after detection (SLA 4h)"
CSO_NOW=2026-11-27T16:10:00Z expect_exit 2 cso check --only incident.sla_breach --format json
[ "$(json '.problems[0].message')" == "sev1 not contained 10h 10m after detection (SLA 4h)" ] || fail "json message"
[ "$(json '.problems[0].due')" == "2026-11-27T10:00:00Z" ] || fail "due is the SLA deadline"
[ "$(json '.problems[0].id')" == "INC-1" ] || fail "json id"
# Containment stops the clock.
ok cso incident contain 1
CSO_NOW=2026-11-28T16:10:00Z expect_exit 0 cso check --only $rules
# The SLA per severity comes from config; a rule can be switched off or made critical.
ok cso incident open "Vendor leak" --severity sev3 --detected 2026-11-26T09:00:00Z
expect_exit 0 cso check --only $rules
printf '[incident.sla]\nsev3 = "30h"\n' >"$TMP/sla.toml"
expect_exit 1 cso --config "$TMP/sla.toml" check --only $rules
out_has "WARNING incident.sla_breach INC-2 \"Vendor leak\" sev3 not contained 1d 0h after detection (SLA 30h)"
printf '[incident.sla]\nsev3 = "30h"\n[check.rules."incident.sla_breach"]\nseverity = "critical"\n' >"$TMP/crit.toml"
expect_exit 2 cso --config "$TMP/crit.toml" check --only $rules
out_has "CRITICAL incident.sla_breach INC-2"
printf '[incident.sla]\nsev3 = "30h"\n[check.rules."incident.sla_breach"]\nseverity = "off"\n' >"$TMP/off.toml"
expect_exit 0 cso --config "$TMP/off.toml" check
# Closed: never a problem.
ok cso incident close 2 --outcome benign
expect_exit 0 cso --config "$TMP/sla.toml" check --only $rules

# Notification: 72h from detection at 2026-11-27T00:00:00Z, due 2026-11-30T00:00:00Z.
ok cso incident open "Bucket exposed" --severity sev2 --detected 2026-11-27T00:00:00Z --notify-within 72h
ok cso incident contain 3 --at 2026-11-27T02:00:00Z
# 63h left: more than half the window, not near.
expect_exit 0 cso check --only $rules
# 36h left (half the window): WARNING.
CSO_NOW=2026-11-28T12:00:00Z expect_exit 1 cso check --only $rules
out_has "WARNING incident.notify_due INC-3 \"Bucket exposed\" notification due 2026-11-30T00:00:00Z (in 1d 12h)"
CSO_NOW=2026-11-28T11:59:59Z expect_exit 0 cso check --only $rules
# Past: CRITICAL.
CSO_NOW=2026-11-30T01:00:00Z expect_exit 2 cso check --only incident.notify_due --format json
[ "$(json '.problems[0].message')" == "notification was due 2026-11-30T00:00:00Z (1h 0m ago)" ] || fail "past message"
[ "$(json '.problems[0].severity')" == "CRITICAL" ] || fail "past is critical"
[ "$(json '.problems[0].due')" == "2026-11-30T00:00:00Z" ] || fail "due is the deadline"
# Met: no problem, even later.
ok cso incident notified 3 --at 2026-11-27T08:00:00Z
CSO_NOW=2026-12-05T00:00:00Z expect_exit 0 cso check --only incident.notify_due
# A long deadline is near within check.warn_within (14d), not half of it.
ok cso incident open "Slow burn" --severity sev4 --detected 2026-11-27T00:00:00Z --notify-within 60d
CSO_NOW=2027-01-11T23:59:59Z expect_exit 0 cso check --only incident.notify_due
CSO_NOW=2027-01-12T00:00:00Z expect_exit 1 cso check --only incident.notify_due
out_has "WARNING incident.notify_due INC-4 \"Slow burn\" notification due 2027-01-26T00:00:00Z (in 14d 0h)"
# Closed as a false positive: no notification needed.
ok cso incident close 4 --outcome false_positive
CSO_NOW=2027-03-01T00:00:00Z expect_exit 0 cso check --only incident.notify_due

ok cso help checks
out_has "incident.sla_breach"
out_has "incident.notify_due"
verified
done_ok
