#!/usr/bin/env bash
# report board: the executive summary. Its start-of-period figures are the program as the
# journal recorded it at the start of --since, not today's records filtered by date: a risk
# closed since then still counts then, a risk rated critical since then did not. Acceptances
# of the period name who accepted; incidents show containment against the SLA; hostile record
# text stays inert in every format; an empty program still gets the whole report.
source "$(dirname "$0")/lib.bash"
fresh
at() { CSO_NOW="$1" "$CSO" -q "${@:2}" >/dev/null || fail "at $1: ${*:2} failed"; }

# The empty program: every section, nothing to show.
ok cso report board
out_has "# Security programme: board report"
out_has "**Posture.** On track: 0 critical problems and 0 warnings"
out_has "No open risks."
out_has "No incidents in the period."

# Before the period (--since 90d: 2026-08-29): RSK-1 critical, RSK-2 medium.
at 2026-06-01T10:00:00Z risk add "Ransomware encrypts file servers" --likelihood 5 --impact 5 --owner alice
at 2026-06-01T10:00:00Z risk add "Supplier <script>alert(1)</script> | =cmd \"&\" breach" --likelihood 2 --impact 2 --owner bob
# In the period: RSK-1 closed, RSK-2 rated critical and accepted by alice, RSK-3 added high.
at 2026-09-15T10:00:00Z risk close RSK-1 --reason "servers replaced"
at 2026-10-10T10:00:00Z risk assess RSK-2 --likelihood 4 --impact 5 --note "new supplier audit"
CSO_ACTOR=alice at 2026-10-20T10:00:00Z risk accept RSK-2 --until 2027-03-31 --reason "contract ends in March"
at 2026-10-25T10:00:00Z risk add "Laptop theft" --likelihood 4 --impact 4 --owner bob
# A sev1 contained in 2h (SLA 4h), a sev2 still running.
at 2026-11-26T08:00:00Z incident open "Ransomware on the file server" --severity sev1 --detected 2026-11-26T08:00:00Z
at 2026-11-26T10:00:00Z incident contain INC-1
at 2026-11-27T08:00:00Z incident open "Bucket exposed" --severity sev2

ok cso report board --data
figure() { jq -r --arg k "$1" '.figures[] | select(.key == $k) | "\(.start) \(.now) \(.change) \(.trend)"' "$TMP/out"; }
[ "$(figure risks_critical_high)" == "1 2 +1 worse" ] || fail "risks_critical_high: $(figure risks_critical_high)"
[ "$(figure incidents_major)" == "0 2 +2 worse" ] || fail "incidents_major: $(figure incidents_major)"
[ "$(figure contain_median)" == "— 2h 0m  " ] || fail "contain_median: '$(figure contain_median)'"
[ "$(json '.period.since')" == "2026-08-29" ] || fail "period.since: $(json '.period.since')"
checks=$((checks + 4))
[ "$(json '[.top_risks[].id] | join(",")')" == "RSK-2,RSK-3" ] || fail "top risks: $(json '[.top_risks[].id]')"
[ "$(json '.acceptances[0] | "\(.id) \(.by) \(.on) \(.until)"')" == "RSK-2 alice 2026-10-20 2027-03-31" ] ||
  fail "acceptances: $(json '.acceptances')"
[ "$(json '.incidents[] | select(.id == "INC-1") | "\(.time_to_contain) \(.sla) \(.sla_state)"')" == "2h 0m 4h met" ] ||
  fail "INC-1: $(json '.incidents[0]')"
[ "$(json '.incidents[] | select(.id == "INC-2") | .sla_state')" == "running" ] || fail "INC-2 is not running"
[ "$(json '[.incidents_by_month[] | "\(.month)=\(.total)"] | join(" ")')" == "2026-08=0 2026-09=0 2026-10=0 2026-11=2" ] ||
  fail "incidents_by_month: $(json '.incidents_by_month')"
checks=$((checks + 5))
# A shorter period (from 2026-10-28) starts after RSK-1 closed, RSK-2 was re-rated and RSK-3 added.
ok cso report board --since 30d --data
[ "$(figure risks_critical_high)" == "2 2 no change same" ] || fail "--since 30d: $(figure risks_critical_high)"
[ "$(json '.acceptances | length')" == "0" ] || fail "--since 30d lists an acceptance of October"
checks=$((checks + 2))

# Hostile text, every format.
ok cso report board --format html
out_has "Supplier &lt;script&gt;alert(1)&lt;/script&gt; | =cmd &quot;&amp;&quot; breach"
out_lacks "<script>"
ok cso report board
out_has 'Supplier &lt;script&gt;alert(1)&lt;/script&gt; \| =cmd "&amp;" breach'
ok cso report board --format txt
out_has 'Supplier <script>alert(1)</script> | =cmd "&" breach'
out_has "KEY FIGURES (2026-08-29 -> 2026-11-27)"
out_has "Open critical and high risks: 1 -> 2 (+1)"
# Reading the past changes nothing.
snapshot
ok cso report board --format html --output board.html
unchanged
grep -q 'class="chart incidents-by-month' board.html || fail "board.html has no incidents chart"
grep -q 'class="chart heatmap' board.html || fail "board.html has no heat map"
checks=$((checks + 2))
# Expired certifications: listed and counted alike, leavers' left out.
ok cso staff add carol --name "Carol Lee" --team it
ok cso staff cert add bob CISSP --issuer ISC2 --expires 2026-11-01
ok cso staff cert add carol CISM --issuer ISACA --expires 2026-10-01
ok cso staff offboard carol
ok cso report board --data
[ "$(json '[.certs_expired[].key] | join(",")')" == "bob/cert/CISSP" ] || fail "certs_expired: $(json '.certs_expired')"
[ "$(figure certs_expired)" == "0 1 +1 worse" ] || fail "certs_expired figure: $(figure certs_expired)"
checks=$((checks + 2))
# A period of many incidents: the 20 most serious are listed (severity, then detection), the
# rest counted; the chart and the SLA count still cover all of them.
ok cso report board --data
before=$(json '.incidents_total')
for i in $(seq 1 22); do
  ok cso incident open "Phish $i" --severity sev4 --detected "2026-11-0$((i % 9 + 1))T10:00:00Z"
done
ok cso incident open "Ransomware again" --severity sev1 --detected 2026-11-20T10:00:00Z
total=$((before + 23))
ok cso report board --data
[ "$(json '.incidents_total')" == "$total" ] || fail "incidents_total: $(json '.incidents_total'), expected $total"
[ "$(json '.incidents | length')" == 20 ] || fail "incidents listed: $(json '.incidents | length')"
[ "$(json '.incidents_more')" == $((total - 20)) ] || fail "incidents_more: $(json '.incidents_more')"
[ "$(json '[.incidents[].severity] | . == sort')" == true ] || fail "incidents not by severity: $(json '[.incidents[].severity]')"
[ "$(json '[.incidents_by_month[].total] | add')" -ge "$total" ] || fail "the chart does not count every incident"
checks=$((checks + 5))
ok cso report board
out_has "And $((total - 20)) more of the $total in the period: run \`cso incident list\`."
ok cso report board --format txt
out_has "and $((total - 20)) more of the $total in the period: run 'cso incident list'"
ok cso report board --format html
out_has "And $((total - 20)) more of the $total in the period"
expect_exit 2 cso report board --format csv
err_has "csv"
done_ok
