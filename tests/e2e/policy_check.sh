#!/usr/bin/env bash
# The policy check rules: policy.review_overdue (a published policy's next_review near: WARNING,
# past: CRITICAL) and policy.ack_missing (people in the audience without an acknowledgement of the
# version in force policy.ack_within after its publication: one WARNING per policy).
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" staff add carol --name "Carol Nguyen" --team it >/dev/null

line() {
  checks=$((checks + 1))
  grep -qxF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "no line '$1'"; }
}
first_line() {
  checks=$((checks + 1))
  [ "$(head -n1 "$TMP/out")" == "$1" ] || fail "summary line is '$(head -n1 "$TMP/out")', expected '$1'"
}
publish_on() {  # publish_on ID DATE
  CSO_NOW=$2T09:00:00Z "$CSO" --as alice policy submit "$1" >/dev/null
  CSO_NOW=$2T09:00:00Z "$CSO" --as bob policy approve "$1" >/dev/null
  CSO_NOW=$2T09:00:00Z "$CSO" --as alice policy publish "$1" >/dev/null
}

# Drafts are never a problem.
ok cso --as alice policy add "Draft only" --owner alice --body "x" --review-every 1d
ok cso check
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"

# POL-2: review past (CRITICAL), two of three acknowledgements missing past their due date.
ok cso --as alice policy add "Access Control Policy" --owner alice --body "Use SSO." --review-every 1m
publish_on 2 2026-10-01
CSO_NOW=2026-10-02T09:00:00Z ok cso policy ack 2 --staff alice
# POL-3: review near (WARNING); published a week ago, so acknowledgements are not due yet.
ok cso --as alice policy add "Backup Procedure" --owner alice --body "Nightly." --review-every 2w
publish_on 3 2026-11-20

expect_exit 2 cso check
first_line "CSO CRITICAL - 1 critical, 2 warning | critical=1;;;0 warning=2;;;0"
line 'CRITICAL policy.review_overdue POL-2 "Access Control Policy" review due 2026-11-01 (26 days ago)'
line 'WARNING policy.review_overdue POL-3 "Backup Procedure" review due 2026-12-04 (in 7 days)'
line 'WARNING policy.ack_missing POL-2 "Access Control Policy" 2 of 3 people have not acknowledged v1 (published 2026-10-01, due 2026-10-31)'
expect_exit 1 cso check --only policy.ack_missing --format json
[ "$(json '.problems[0].due')" == 2026-10-31 ] || fail "ack_missing due date"
[ "$(json '.problems[0].id')" == POL-2 ] || fail "ack_missing id"

# The review fixes the CRITICAL; one acknowledgement missing left.
ok cso --as alice policy review 2
CSO_NOW=2026-11-27T08:00:00Z ok cso policy ack 2 --staff bob
expect_exit 1 cso check
first_line "CSO WARNING - 0 critical, 2 warning | critical=0;;;0 warning=2;;;0"
line 'WARNING policy.ack_missing POL-2 "Access Control Policy" 1 of 3 people has not acknowledged v1 (published 2026-10-01, due 2026-10-31)'

# policy.ack_within from config: 60 days after publication, POL-2's are not due yet.
mkdir -p "$XDG_CONFIG_HOME/cso"
printf '[policy]\nack_within = "60d"\n' >"$XDG_CONFIG_HOME/cso/config.toml"
expect_exit 1 cso check
first_line "CSO WARNING - 0 critical, 1 warning | critical=0;;;0 warning=1;;;0"
printf '[check.rules."policy.review_overdue"]\nseverity = "off"\n' >"$XDG_CONFIG_HOME/cso/config.toml"
expect_exit 1 cso check
first_line "CSO WARNING - 0 critical, 1 warning | critical=0;;;0 warning=1;;;0"
line 'WARNING policy.ack_missing POL-2 "Access Control Policy" 1 of 3 people has not acknowledged v1 (published 2026-10-01, due 2026-10-31)'
rm "$XDG_CONFIG_HOME/cso/config.toml"

# Everyone acknowledged, the review done: only POL-3's review remains; after retiring it, OK.
ok cso policy ack 2 --staff carol
expect_exit 1 cso check
first_line "CSO WARNING - 0 critical, 1 warning | critical=0;;;0 warning=1;;;0"
ok cso --as alice policy retire 3
expect_exit 0 cso check
out_is "CSO OK - 0 critical, 0 warning | critical=0;;;0 warning=0;;;0"

# A new version in force needs new acknowledgements: due again ack_within after it.
ok cso --as alice policy edit 2 --body "Use SSO and MFA."
publish_on 2 2026-11-27
CSO_NOW=2027-01-01T09:00:00Z expect_exit 2 cso check
line 'CRITICAL policy.review_overdue POL-2 "Access Control Policy" review due 2026-12-27 (5 days ago)'
line 'WARNING policy.ack_missing POL-2 "Access Control Policy" 3 of 3 people have not acknowledged v2 (published 2026-11-27, due 2026-12-27)'
ok cso help checks
out_has "policy.ack_missing"
out_has "policy.ack_within"
verified
done_ok
