#!/usr/bin/env bash
# report audit ID: one audit's scope and findings (grades, status, overdue) in Markdown and HTML,
# hostile text escaped; an audit without findings says so; a missing or malformed ID, or none,
# is refused.
source "$(dirname "$0")/lib.bash"
fresh
cso audit plan "SOC 2 | readiness <script>" --kind assessment --lead alice --auditor "Acme & Co" \
  --framework "SOC 2" --scope "$(printf 'Production\n# not a heading')" --start 2026-11-01 >/dev/null
cso audit start 1 >/dev/null
cso audit finding add "MFA | missing on <b>VPN</b>" --audit AUD-1 --severity high --owner bob --due 2026-11-20 \
  --grade major_nc >/dev/null
cso audit finding add "Logs kept 30 days" --audit AUD-1 --severity low --owner alice --due 2027-01-31 >/dev/null
cso audit plan "Empty audit" >/dev/null

ok cso report audit AUD-1
out_has '# AUD-1: SOC 2 \| readiness &lt;script&gt;'
out_has '| Auditor | Acme &amp; Co |'
out_has 'Production<br># not a heading'
out_has '| FND-1 | MFA \| missing on &lt;b&gt;VPN&lt;/b&gt; | high | major_nc | bob | 2026-11-20 | open, overdue since 2026-11-20 |'
out_has '| FND-2 | Logs kept 30 days | low |  | alice | 2027-01-31 | open |'
out_has '| open | 2 |'
ok cso report audit 1 --format html
out_has '<h1>AUD-1: SOC 2 | readiness &lt;script&gt;</h1>'
out_has 'MFA | missing on &lt;b&gt;VPN&lt;/b&gt;'
out_has 'overdue since 2026-11-20'
out_lacks '<script'
ok cso report audit 1 --data
[ "$(json '.findings | length')" == 2 ] || fail "findings: $(json '.findings | length')"
[ "$(json '.findings[0].overdue')" == true ] || fail "FND-1 is not overdue"
[ "$(json '.open_by_severity[] | select(.name == "high") | .count')" == 1 ] || fail "open high"
checks=$((checks + 3))
ok cso report audit AUD-2
out_has "The audit has no findings."

snapshot
expect_exit 3 cso report audit AUD-9
err_has "AUD-9"
expect_exit 2 cso report audit RSK-1
err_has "ID"
expect_exit 2 cso report audit
err_has "'cso report audit' needs the ID of the audit it is about"
expect_exit 2 cso report audit 1 --format csv
err_has "there is no csv template for 'audit'"
unchanged
verified
done_ok
