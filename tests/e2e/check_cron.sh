#!/usr/bin/env bash
# `cso check` as cron runs it (env -i: no HOME, no USER, no TTY): monitoring-plugin exit codes
# 0/1/2/3, the summary line and one line per problem, JSON, --only, each risk rule with its
# severities and windows, rules switched off or downgraded in config, and it never writes.
source "$(dirname "$0")/lib.bash"

# cron CMD...: cso in an empty environment (CSO_NOW aside, so dates are fixed), stdin not a terminal.
cron() { env -i CSO_NOW="$CSO_NOW" "$CSO" --db "$CSO_DB" "$@" </dev/null; }
line() {
  checks=$((checks + 1))
  grep -qxF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "no line '$1'"; }
}
first_line() {
  checks=$((checks + 1))
  [ "$(head -n1 "$TMP/out")" == "$1" ] || fail "summary line is '$(head -n1 "$TMP/out")', expected '$1'"
}
ids_are() {
  checks=$((checks + 1))
  local got
  got=$(grep -v '^CSO ' "$TMP/out" | awk '{ print $1 " " $3 }' | paste -sd,)
  [ "$got" == "$1" ] || fail "problems are '$got', expected '$1'"
}

# A program with staff only is OK, even with nothing fixed at all (the real clock, no CSO_NOW).
fresh
expect_exit 0 env -i "$CSO" --db "$CSO_DB" check
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"
ok cron check
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"
ok cron check --format json
[ "$(json .status)" == "OK" ] || fail "json status"
[ "$(json '.counts.critical + .counts.warning')" == "0" ] || fail "json counts"
[ "$(json '.problems | length')" == "0" ] || fail "json problems"
ok cron check --json
[ "$(json .status)" == "OK" ] || fail "--json"

# Only warnings: a review due within check.warn_within (14d) → exit 1.
CSO_NOW=2026-09-01T09:00:00Z ok cso risk add "Review soon" --likelihood 1 --impact 1 --owner alice --review-every 90d
expect_exit 1 cron check
first_line "CSO WARNING - 0 critical, 1 warning | critical=0;;;0 warning=1;;;0"
line 'WARNING risk.review_overdue RSK-1 "Review soon" review due 2026-11-30 (in 3 days)'
[ "$(wc -l <"$TMP/out")" == 2 ] || fail "one line per problem"

# A past review is CRITICAL → exit 2; critical problems are listed first.
CSO_NOW=2026-08-01T09:00:00Z ok cso risk add "Old review" --likelihood 1 --impact 1 --owner bob --review-every 90d
expect_exit 2 cron check
first_line "CSO CRITICAL - 1 critical, 1 warning | critical=1;;;0 warning=1;;;0"
line 'CRITICAL risk.review_overdue RSK-2 "Old review" review due 2026-10-30 (28 days ago)'
[ "$(sed -n 2p "$TMP/out" | cut -d' ' -f1)" == CRITICAL ] || fail "CRITICAL first"
[ "$(sed -n 3p "$TMP/out" | cut -d' ' -f1)" == WARNING ] || fail "then WARNING"
expect_exit 2 cron check --format json
[ "$(json .status)" == "CRITICAL" ] || fail "json status"
[ "$(json .counts.critical)" == "1" ] && [ "$(json .counts.warning)" == "1" ] || fail "json counts"
[ "$(json '.problems[0] | [.rule, .severity, .id, .due] | join(" ")')" == \
  "risk.review_overdue CRITICAL RSK-2 2026-10-30" ] || fail "json problem: $(json '.problems[0]')"
json '.problems[0].message' | grep -q "2026-10-30" || fail "json message"
[ "$(json '.problems[1] | [.rule, .severity, .id, .due] | join(" ")')" == \
  "risk.review_overdue WARNING RSK-1 2026-11-30" ] || fail "json problem: $(json '.problems[1]')"
[ "$(json '[.problems[] | has("rule") and has("severity") and has("id") and has("message") and has("due")] | all')" == true ] ||
  fail "every problem has rule, severity, id, message, due"

# Every risk rule, at and around its boundaries.
at() {
  local when=$1
  shift
  CSO_NOW=$when "$CSO" "$@" >/dev/null || fail "setup failed: $*"
}
at 2026-08-29T09:00:00Z risk add "Review today" --likelihood 1 --impact 1 --review-every 90d           # RSK-3
at 2026-09-12T09:00:00Z risk add "Review in 14 days" --likelihood 1 --impact 1 --review-every 90d      # RSK-4
at 2026-09-13T09:00:00Z risk add "Review in 15 days" --likelihood 1 --impact 1 --review-every 90d      # RSK-5
at 2026-01-01T09:00:00Z risk add "Closed, review long past" --likelihood 1 --impact 1 --review-every 30d # RSK-6
at 2026-01-05T09:00:00Z risk close RSK-6 --reason "Decommissioned"
at 2026-10-01T09:00:00Z risk add "Acceptance expired" --likelihood 2 --impact 2 --review-every 12m    # RSK-7
at 2026-10-01T09:00:00Z --as alice risk accept RSK-7 --until 2026-11-20 --reason "Budget next year"
at 2026-10-01T09:00:00Z risk add "Acceptance ends soon" --likelihood 2 --impact 2 --review-every 12m  # RSK-8
at 2026-10-01T09:00:00Z --as alice risk accept RSK-8 --until 2026-12-04 --reason "Vendor fix due"
at 2026-10-01T09:00:00Z risk add "Acceptance ends later" --likelihood 2 --impact 2 --review-every 12m # RSK-9
at 2026-10-01T09:00:00Z --as alice risk accept RSK-9 --until 2027-06-01 --reason "Low value"
at 2026-10-01T09:00:00Z risk add "High untreated" --likelihood 2 --impact 5 --review-every 12m        # RSK-10
at 2026-10-27T09:00:00Z risk add "Critical untreated" --likelihood 4 --impact 5 --review-every 12m    # RSK-11
at 2026-10-29T09:00:00Z risk add "Critical, recent" --likelihood 4 --impact 5 --review-every 12m      # RSK-12
at 2026-01-01T09:00:00Z risk add "Medium, old" --likelihood 3 --impact 3 --review-every 12m           # RSK-13
at 2026-01-01T09:00:00Z risk add "Critical in treatment" --likelihood 4 --impact 5 --review-every 12m # RSK-14
at 2026-01-10T09:00:00Z risk treat RSK-14 --strategy mitigate --plan "Segment the network" --due 2027-01-31
at 2026-10-01T09:00:00Z risk add "Treatment late" --likelihood 2 --impact 2 --review-every 12m        # RSK-15
at 2026-10-01T09:00:00Z risk treat RSK-15 --strategy transfer --plan "Cyber insurance" --due 2026-11-20
at 2026-10-01T09:00:00Z risk add "Treatment due today" --likelihood 2 --impact 2 --review-every 12m   # RSK-16
at 2026-10-01T09:00:00Z risk treat RSK-16 --strategy avoid --plan "Retire the service" --due 2026-11-27
at 2026-01-01T09:00:00Z risk add "Critical, accepted" --likelihood 5 --impact 5 --review-every 12m    # RSK-17
at 2026-07-01T09:00:00Z --as alice risk accept RSK-17 --until 2027-06-01 --reason "Board decision"

snapshot
entries=$("$CSO" log --format jsonl | wc -l)

expect_exit 2 cron check --only risk.review_overdue
first_line "CSO CRITICAL - 1 critical, 3 warning | critical=1;;;0 warning=3;;;0"
ids_are "CRITICAL RSK-2,WARNING RSK-1,WARNING RSK-3,WARNING RSK-4"
line 'WARNING risk.review_overdue RSK-3 "Review today" review due 2026-11-27 (today)'
line 'WARNING risk.review_overdue RSK-4 "Review in 14 days" review due 2026-12-11 (in 14 days)'

expect_exit 2 cron check --only risk.acceptance_expired
first_line "CSO CRITICAL - 1 critical, 1 warning | critical=1;;;0 warning=1;;;0"
ids_are "CRITICAL RSK-7,WARNING RSK-8"
grep -q '^CRITICAL risk.acceptance_expired RSK-7 "Acceptance expired" .*2026-11-20' "$TMP/out" || fail "acceptance line"
expect_exit 2 cron check --only risk.acceptance_expired --format json
[ "$(json '.problems[0].due')" == "2026-11-20" ] || fail "acceptance due"

expect_exit 2 cron check --only risk.untreated
first_line "CSO CRITICAL - 1 critical, 1 warning | critical=1;;;0 warning=1;;;0"
ids_are "CRITICAL RSK-11,WARNING RSK-10"
grep -q '^CRITICAL risk.untreated RSK-11 "Critical untreated" .*31 days' "$TMP/out" || fail "untreated line"

expect_exit 1 cron check --only risk.treatment_overdue
first_line "CSO WARNING - 0 critical, 1 warning | critical=0;;;0 warning=1;;;0"
ids_are "WARNING RSK-15"
grep -q '^WARNING risk.treatment_overdue RSK-15 "Treatment late" .*2026-11-20' "$TMP/out" || fail "treatment line"

ok cron check --only journal.integrity
expect_exit 1 cron check --only risk.treatment_overdue,journal.integrity
ids_are "WARNING RSK-15"
expect_exit 2 cron check --only risk.treatment_overdue,risk.untreated
ids_are "CRITICAL RSK-11,WARNING RSK-10,WARNING RSK-15"

expect_exit 2 cron check
first_line "CSO CRITICAL - 3 critical, 6 warning | critical=3;;;0 warning=6;;;0"
[ "$(wc -l <"$TMP/out")" == 10 ] || fail "one line per problem"
expect_exit 2 cron check --format json
[ "$(json '.problems | length')" == 9 ] || fail "json problems"
[ "$(json '[.problems[].severity] | join(",")')" == "CRITICAL,CRITICAL,CRITICAL,WARNING,WARNING,WARNING,WARNING,WARNING,WARNING" ] ||
  fail "json order"

# Windows move with config: treat_within, warn_within.
printf '[risk]\ntreat_within = "60d"\n' >"$TMP/treat.toml"
ok cron --config "$TMP/treat.toml" check --only risk.untreated
printf '[check]\nwarn_within = "15d"\n' >"$TMP/warn.toml"
expect_exit 2 cron --config "$TMP/warn.toml" check --only risk.review_overdue
ids_are "CRITICAL RSK-2,WARNING RSK-1,WARNING RSK-3,WARNING RSK-4,WARNING RSK-5"

# A rule switched off, downgraded, upgraded.
printf '[check.rules."risk.untreated"]\nseverity = "off"\n' >"$TMP/off.toml"
ok cron --config "$TMP/off.toml" check --only risk.untreated
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"
expect_exit 2 cron --config "$TMP/off.toml" check
first_line "CSO CRITICAL - 2 critical, 5 warning | critical=2;;;0 warning=5;;;0"
out_lacks "risk.untreated"
printf '[check.rules."risk.untreated"]\nseverity = "warning"\n' >"$TMP/down.toml"
expect_exit 1 cron --config "$TMP/down.toml" check --only risk.untreated
ids_are "WARNING RSK-10,WARNING RSK-11"
printf '[check.rules."risk.treatment_overdue"]\nseverity = "critical"\n' >"$TMP/up.toml"
expect_exit 2 cron --config "$TMP/up.toml" check --only risk.treatment_overdue
ids_are "CRITICAL RSK-15"
printf '[check.rules."risk.review_overdue"]\nseverity = "off"\n[check.rules."risk.acceptance_expired"]\nseverity = "off"\n[check.rules."risk.untreated"]\nseverity = "off"\n[check.rules."risk.treatment_overdue"]\nseverity = "off"\n' >"$TMP/alloff.toml"
ok cron --config "$TMP/alloff.toml" check
# The workspace and user config files are read too (here through CSO_CONFIG).
CSO_CONFIG=$TMP/off.toml expect_exit 2 cso check
out_lacks "risk.untreated"
CSO_CONFIG=$TMP/off.toml ok cso help checks
out_has "off"

# UNKNOWN (3): a missing database (nothing created), a bad rule, a bad format, a bad config, a bad flag.
expect_exit 3 env -i "$CSO" --db "$TMP/missing.db" check
err_has "$TMP/missing.db"
[ ! -e "$TMP/missing.db" ] || fail "check created the database"
expect_exit 3 cron check --only risk.nonsense
err_has "risk.nonsense"
expect_exit 3 cron check --only ""
expect_exit 3 cron check --format yaml
err_has "yaml"
expect_exit 3 cron check --format csv
printf '[check.rules."risk.untreated"]\nseverity = "loud"\n' >"$TMP/bad.toml"
expect_exit 3 cron --config "$TMP/bad.toml" check
err_has "$TMP/bad.toml:2"
printf '[check\n' >"$TMP/syntax.toml"
expect_exit 3 cron --config "$TMP/syntax.toml" check
err_has "$TMP/syntax.toml:1"
expect_exit 3 cron check --bogus
expect_exit 3 env -i CSO_NOW=garbage "$CSO" --db "$CSO_DB" check
err_has "CSO_NOW"

# check never writes: not the records, not the journal.
unchanged
[ "$("$CSO" log --format jsonl | wc -l)" == "$entries" ] || fail "check wrote to the journal"
verified

# A config naming a rule that does not exist is an error, not a silently ignored setting.
printf '[check.rules."risk.untreatd"]\nseverity = "off"\n' >"$TMP/typo.toml"
expect_exit 3 cron --config "$TMP/typo.toml" check
err_has "risk.untreatd"

# An UNKNOWN still prints the plugin's one summary line on stdout, for the monitoring system.
expect_exit 3 env -i "$CSO" --db "$TMP/missing.db" check
checks=$((checks + 1))
grep -q '^CSO UNKNOWN - ' "$TMP/out" || fail "no 'CSO UNKNOWN - …' line on stdout: '$(cat "$TMP/out")'"

# Perfdata as the plugin guidelines have it: space-separated label=value;warn;crit;min;max, so a
# monitoring system reads two metrics, not one with a threshold.
expect_exit 2 env -i CSO_NOW=2026-11-27T09:00:00Z "$CSO" --db "$CSO_DB" check
perf=$(head -1 "$TMP/out" | sed 's/^[^|]*| //')
checks=$((checks + 1))
read -r -a metrics <<<"$perf"
[ "${#metrics[@]}" == 2 ] || fail "perfdata is not two metrics: '$perf'"
for m in "${metrics[@]}"; do
  [[ "$m" =~ ^(critical|warning)=[0-9]+\;\;\;0$ ]] || fail "'$m' is not label=value;warn;crit;min"
done
ok cso help checks
out_has "critical=2;;;0 warning=3;;;0"
done_ok
