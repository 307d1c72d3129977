#!/usr/bin/env bash
# `init --demo` seeds two audits (a closed certification audit, a pentest in fieldwork) and findings
# in every state, some overdue (a high one, an expired acceptance), some without an audit; verifiers
# are never the owners; the journal has each step.
source "$(dirname "$0")/lib.bash"

ok cso init --demo
ok cso audit list --format json
[ "$(json length)" == 2 ] || fail "two audits"
[ "$(json 'map(.status) | sort | join(",")')" == "closed,fieldwork" ] || fail "one closed, one in fieldwork"
[ "$(json 'map(.kind) | sort | join(",")')" == "certification,pentest" ] || fail "kinds"
[ "$(json '[.[] | select(.status == "closed") | .end != null] | all')" == true ] || fail "the closed one has an end"

ok cso audit finding list --format json
n=$(json length)
[ "$n" -ge 8 ] || fail "at least 8 findings, got $n"
for s in open remediating resolved verified accepted; do
  [ "$(json "map(select(.status == \"$s\")) | length")" -ge 1 ] || fail "a finding that is $s"
done
[ "$(json 'map(select(.audit == null)) | length')" -ge 1 ] || fail "a finding without an audit"

ok cso audit finding list --status verified --fields id,owner,verified_by --format json
[ "$(json 'map(select(.verified_by == null or .verified_by == .owner)) | length')" == 0 ] ||
  fail "verifiers differ from owners"

expect_exit 2 cso check --only finding.overdue --format json
[ "$(json '[.problems[] | select(.severity == "CRITICAL")] | length')" -ge 1 ] || fail "a CRITICAL overdue finding"
[ "$(json '[.problems[] | select(.message | test("acceptance expired"))] | length')" -ge 1 ] ||
  fail "an expired acceptance"
ok cso audit show 1 --json
[ "$(json '.findings | length')" -ge 3 ] || fail "the closed audit has findings"
ok cso status --json
[ "$(json .findings.overdue)" -ge 2 ] || fail "status counts overdue findings"
ok cso audit history 1 --format json
[ "$(json 'map(.action) | join(",")')" == "audit.plan,audit.start,audit.report-phase,audit.close" ] ||
  fail "the demo journals each step"
ok cso log --action finding.verify --format json
[ "$(json length)" -ge 1 ] || fail "verifications are journalled"
verified
done_ok
