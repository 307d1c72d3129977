#!/usr/bin/env bash
# `audit show`: the audit, then its findings and their states (a table under it; in JSON a
# "findings" array of whole findings; jsonl one line); an audit without findings says so.
source "$(dirname "$0")/lib.bash"
fresh

ok cso audit plan "ISO 27001 surveillance" --kind certification --lead alice --auditor "Northbridge Ltd" \
  --start 2026-11-20 --end 2026-11-24
ok cso audit plan "Empty"
ok cso audit finding add "No MFA on the VPN" --severity high --owner bob --due 2026-11-01 --audit 1 --grade major_nc
ok cso audit finding add "Stale accounts" --severity low --owner alice --due +30d --audit 1
ok cso audit finding add "Unrelated" --severity low --owner alice --due +30d
ok cso audit finding resolve 2 --note "Removed"

ok cso audit show AUD-1
out_has "id:        AUD-1"
out_has "title:     ISO 27001 surveillance"
out_has "auditor:   Northbridge Ltd"
out_has "status:    planned"
out_has "findings: 2"
out_has "id     title              severity  grade     owner  due         status"
out_has "FND-1  No MFA on the VPN  high      major_nc  bob    2026-11-01  open"
out_has "FND-2  Stale accounts     low       -         alice  2026-12-27  resolved"
out_lacks "Unrelated"

ok cso audit show 1 --format json
[ "$(json .id)" == "AUD-1" ] || fail "json id"
[ "$(json .lead)" == "alice" ] || fail "json lead"
[ "$(json '.findings | length')" == 2 ] || fail "two findings"
[ "$(json '.findings | map(.id + ":" + .status) | join(",")')" == "FND-1:open,FND-2:resolved" ] || fail "findings and states"
[ "$(json '.findings[0].severity')" == "high" ] || fail "whole findings"
[ "$(json '.findings[1].resolution')" == "Removed" ] || fail "whole findings: resolution"
[ "$(json '.findings[0].audit')" == "AUD-1" ] || fail "finding's audit"
ok cso audit show 1 --format jsonl
[ "$(wc -l <"$TMP/out")" == 1 ] || fail "jsonl is one line"
[ "$(json '.findings | length')" == 2 ] || fail "jsonl findings"
ok cso audit show 1 --json --fields id,status
[ "$(json 'keys | join(",")')" == "findings,id,status" ] || fail "--fields picks the audit's fields; findings follow"
ok cso audit show 1 --format csv
out_has "id,title,kind,scope,lead,auditor,framework,status,start,end,summary,created,updated"
out_has "AUD-1,ISO 27001 surveillance,certification"

ok cso audit show 2
out_has "findings: none"
ok cso audit show 2 --json
[ "$(json '.findings | length')" == 0 ] || fail "an empty findings array"

# A title with control characters is neutralised in the table.
ok cso audit finding add "$(printf 'Evil \033]0;title\007 finding')" --severity low --owner bob --due +1d --audit 2
ok cso audit show 2
out_has "Evil ^[]0;title^G finding"
ok cso audit show 2 --json
[ "$(json '.findings[0].title')" == "$(printf 'Evil \033]0;title\007 finding')" ] || fail "json keeps the data"

expect_exit 3 cso audit show 9
err_has "AUD-9"
expect_exit 2 cso audit show FND-1
expect_exit 2 cso audit show 1 --fields nope
err_has "nope"
ok cso audit finding show FND-1
out_has "title:          No MFA on the VPN"
verified
done_ok
