#!/usr/bin/env bash
# The check rule finding.overdue: an open or remediating finding past due, or an accepted one past
# accepted_until; CRITICAL for high and critical findings, WARNING for low and medium. Exit codes
# follow the monitoring-plugin convention; resolved and verified findings are never overdue.
source "$(dirname "$0")/lib.bash"
fresh

ok cso check --only finding.overdue
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"

# Due today, or in the future: not overdue.
ok cso audit finding add "Due today" --severity critical --owner bob --due today
ok cso audit finding add "Due later" --severity high --owner bob --due +1d
ok cso check --only finding.overdue
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"

# A low and a medium one past due: WARNING (exit 1).
CSO_NOW=2026-10-01 ok cso audit finding add "Low late" --severity low --owner alice --due 2026-11-20
CSO_NOW=2026-10-01 ok cso audit finding add "Medium late" --severity medium --owner alice --due 2026-11-26
ok cso audit finding remediate 4 --plan "p"
expect_exit 1 cso check --only finding.overdue
out_is "$(printf '%s\n' 'CSO WARNING - 0 critical, 2 warning | critical=0;;;0 warning=2;;;0' \
  'WARNING finding.overdue FND-3 "Low late" low finding due 2026-11-20 (7 days ago)' \
  'WARNING finding.overdue FND-4 "Medium late" medium finding due 2026-11-26 (1 day ago)')"

# A high one past due: CRITICAL (exit 2), listed first.
CSO_NOW=2026-10-01 ok cso audit finding add "High late" --severity high --owner bob --due 2026-11-01
expect_exit 2 cso check --only finding.overdue
out_has "CSO CRITICAL - 1 critical, 2 warning | critical=1;;;0 warning=2;;;0"
[ "$(sed -n 2p "$TMP/out")" == 'CRITICAL finding.overdue FND-5 "High late" high finding due 2026-11-01 (26 days ago)' ] ||
  fail "the critical problem comes first: $(sed -n 2p "$TMP/out")"

# JSON problems carry the date.
expect_exit 2 cso check --only finding.overdue --format json
[ "$(json '.problems[0].id')" == "FND-5" ] || fail "json id"
[ "$(json '.problems[0].severity')" == "CRITICAL" ] || fail "json severity"
[ "$(json '.problems[0].due')" == "2026-11-01" ] || fail "json due"
[ "$(json '.problems[0].message')" == "high finding due 2026-11-01 (26 days ago)" ] || fail "json message"

# Resolving or verifying ends the problem; accepting until later does too.
ok cso audit finding resolve 5 --note "fixed"
ok cso --as bob audit finding accept 3 --until +7d --reason "Waiting for the vendor"
ok cso --as bob audit finding accept 4 --until 2026-12-10 --reason "r"
ok cso check --only finding.overdue
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"
ok cso --as alice audit finding verify 5
ok cso check --only finding.overdue

# An acceptance past its date is overdue again (a critical finding: CRITICAL).
ok cso --as alice audit finding accept 1 --until +5d --reason "r"
CSO_NOW=2026-12-02T09:00:00Z expect_exit 2 "$CSO" check --only finding.overdue
out_lacks "FND-1"
out_has 'CRITICAL finding.overdue FND-2 "Due later" high finding due 2026-11-28 (4 days ago)'
CSO_NOW=2026-12-03T09:00:00Z expect_exit 2 "$CSO" check --only finding.overdue
out_is "$(printf '%s\n' 'CSO CRITICAL - 2 critical, 0 warning | critical=2;;;0 warning=0;;;0' \
  'CRITICAL finding.overdue FND-1 "Due today" critical finding acceptance expired 2026-12-02 (1 day ago)' \
  'CRITICAL finding.overdue FND-2 "Due later" high finding due 2026-11-28 (5 days ago)')"
CSO_NOW=2026-12-12T09:00:00Z expect_exit 2 "$CSO" check --only finding.overdue
out_has "WARNING finding.overdue FND-3 \"Low late\" low finding acceptance expired 2026-12-04 (8 days ago)"
out_has "WARNING finding.overdue FND-4 \"Medium late\" medium finding acceptance expired 2026-12-10 (2 days ago)"
out_has "CRITICAL finding.overdue FND-2 \"Due later\" high finding due 2026-11-28 (14 days ago)"
# Renewing the acceptance clears it; reopening makes due count again.
CSO_NOW=2026-12-12T09:00:00Z ok cso --as alice audit finding accept 1 --until +30d --reason "renewed"
CSO_NOW=2026-12-12T09:00:00Z ok cso audit finding reopen 3
CSO_NOW=2026-12-12T09:00:00Z expect_exit 2 "$CSO" check --only finding.overdue --format json
[ "$(json '[.problems[] | .id + " " + .message] | join("; ")')" == "FND-2 high finding due 2026-11-28 (14 days ago); FND-3 low finding due 2026-11-20 (22 days ago); FND-4 medium finding acceptance expired 2026-12-10 (2 days ago)" ] ||
  fail "after renewal and reopening: $(json '[.problems[] | .id + " " + .message] | join("; ")')"

# Config: switched off, or downgraded.
printf '[check.rules."finding.overdue"]\nseverity = "off"\n' >"$TMP/off.toml"
CSO_NOW=2026-12-12T09:00:00Z ok cso --config "$TMP/off.toml" check --only finding.overdue
printf '[check.rules."finding.overdue"]\nseverity = "warning"\n' >"$TMP/down.toml"
CSO_NOW=2026-12-12T09:00:00Z expect_exit 1 "$CSO" --config "$TMP/down.toml" check --only finding.overdue

ok cso help checks
out_has "finding.overdue"
verified
done_ok
