#!/usr/bin/env bash
# Certifications expiring: `staff cert list --expiring-within` (expired ones included, soonest
# first, active staff only unless --all), the staff.cert_expiring check rule (WARNING within
# check.cert_warn_within, CRITICAL expired, inactive people ignored) and the status section.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add carol --name "Carol Nguyen" >/dev/null
cso staff add zoe --name "Zoe Leaver" >/dev/null

ok cso check --only staff.cert_expiring
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"

cso staff cert add alice CISSP --earned 2020-01-01 --expires 2027-06-01 >/dev/null   # 186 days: fine
cso staff cert add alice CISM --earned 2021-01-01 --expires 2026-12-20 >/dev/null    # 23 days: WARNING
cso staff cert add bob OSCP --earned 2023-08-15 >/dev/null                            # no expiry
cso staff cert add bob Security+ --earned 2022-11-01 --expires 2026-11-01 >/dev/null  # expired: CRITICAL
cso staff cert add carol CISA --earned 2024-01-01 --expires 2027-02-15 >/dev/null    # 80 days
cso staff cert add zoe GCIH --earned 2022-01-01 --expires 2026-10-01 >/dev/null      # expired, but zoe leaves
cso staff offboard zoe >/dev/null

ok cso staff cert list --expiring-within 90d --fields key,expires,state --format csv
[ "$(cat "$TMP/out")" == "key,expires,state
bob/cert/Security+,2026-11-01,expired
alice/cert/CISM,2026-12-20,expiring
carol/cert/CISA,2027-02-15,valid" ] || fail "--expiring-within 90d: $(cat "$TMP/out")"
# The window selects; the state is what check says (check.cert_warn_within, 60d): CISA is valid.
ok cso staff cert list --expiring-within 30d --fields key --format csv
[ "$(tr '\n' ' ' <"$TMP/out")" == "key bob/cert/Security+ alice/cert/CISM " ] || fail "30d: $(cat "$TMP/out")"
ok cso staff cert list --expiring-within 90d --all --fields key --format csv
[ "$(tr '\n' ' ' <"$TMP/out")" == "key zoe/cert/GCIH bob/cert/Security+ alice/cert/CISM carol/cert/CISA " ] \
  || fail "--all: $(cat "$TMP/out")"
ok cso staff cert list zoe --expiring-within 1w --fields key --format csv
[ "$(tr '\n' ' ' <"$TMP/out")" == "key zoe/cert/GCIH " ] || fail "HANDLE of an inactive person"
ok cso staff cert list --expiring-within 90d
out_has "expired"
out_has "expiring"
# Without --expiring-within, the same: CISA (80 days) is valid.
ok cso staff cert list carol --fields state --format csv
[ "$(sed -n 2p "$TMP/out")" == "valid" ] || fail "state with the default window"

# The check rule.
expect_exit 2 cso check --only staff.cert_expiring
[ "$(cat "$TMP/out")" == 'CSO CRITICAL - 1 critical, 1 warning | critical=1;;;0 warning=1;;;0
CRITICAL staff.cert_expiring bob/cert/Security+ "Security+" expired 2026-11-01 (26 days ago)
WARNING staff.cert_expiring alice/cert/CISM "CISM" expires 2026-12-20 (in 23 days)' ] || fail "check: $(cat "$TMP/out")"
expect_exit 2 cso check --only staff.cert_expiring --format json
[ "$(json '.problems | map([.id, .severity, .due] | join(" ")) | join(",")')" == \
  "bob/cert/Security+ CRITICAL 2026-11-01,alice/cert/CISM WARNING 2026-12-20" ] || fail "check json: $(json .)"

# check.cert_warn_within widens the window; the rule can be switched off.
mkdir -p "$XDG_CONFIG_HOME/cso"
printf '[check]\ncert_warn_within = "90d"\n' >"$XDG_CONFIG_HOME/cso/config.toml"
expect_exit 2 cso check --only staff.cert_expiring
out_has "critical=1;;;0 warning=2;;;0"
out_has 'carol/cert/CISA "CISA" expires 2027-02-15 (in 80 days)'
printf '[check.rules."staff.cert_expiring"]\nseverity = "off"\n' >"$XDG_CONFIG_HOME/cso/config.toml"
ok cso check --only staff.cert_expiring
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"
rm "$XDG_CONFIG_HOME/cso/config.toml"

# Renewing clears the problem; another day, another result (CSO_NOW).
ok cso staff cert edit bob Security+ --expires 2029-11-01
expect_exit 1 cso check --only staff.cert_expiring
out_is 'CSO WARNING - 0 critical, 1 warning | critical=0;;;0 warning=1;;;0
WARNING staff.cert_expiring alice/cert/CISM "CISM" expires 2026-12-20 (in 23 days)'
CSO_NOW=2026-12-21 expect_exit 2 cso check --only staff.cert_expiring
out_has 'CRITICAL staff.cert_expiring alice/cert/CISM "CISM" expired 2026-12-20 (1 day ago)'

# The status section: active people only.
ok cso status --json
[ "$(json '.certifications | [.held, .expiring, .expired, .warn_within] | map(tostring) | join(" ")')" == "5 1 0 60d" ] \
  || fail "status json: $(json .certifications)"
[ "$(json '.attention.problems | map(select(.rule == "staff.cert_expiring")) | map(.id) | join(",")')" == "alice/cert/CISM" ] \
  || fail "status attention"
ok cso status
out_has "  certs     5 held"
out_has "5 held by active staff, 1 expiring within 60d, 0 expired"
CSO_NOW=2026-12-21 expect_exit 0 cso status --json
[ "$(json '.certifications | [.held, .expiring, .expired] | map(tostring) | join(" ")')" == "5 1 1" ] \
  || fail "status later: $(json .certifications)"
verified
done_ok
