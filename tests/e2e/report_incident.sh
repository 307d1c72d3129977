#!/usr/bin/env bash
# report incident ID: the post-incident review — phases with their durations, containment against
# the severity's SLA (met, breached), the notification deadline (met, missed, pending), the
# timeline, root cause and lessons, the findings that follow it up; hostile text escaped;
# Markdown, HTML and PDF.
source "$(dirname "$0")/lib.bash"
fresh
# INC-1: sev2 (SLA 24h by default) contained in 3h, notified late, closed with lessons.
cso incident open "Leak | <script>x</script>" --severity sev2 --lead alice --occurred 2026-11-20T06:00:00Z \
  --detected 2026-11-20T08:00:00Z --notify-within 72h >/dev/null
cso incident triage 1 --at 2026-11-20T08:30:00Z >/dev/null
cso incident contain 1 --at 2026-11-20T11:00:00Z --note "Bucket | closed" >/dev/null
cso incident notified 1 --at 2026-11-24T09:00:00Z >/dev/null
cso incident close 1 --at 2026-11-25T10:00:00Z --outcome true_positive --root-cause "Public ACL | =1+1" \
  --lessons "$(printf 'Scan buckets daily\nAlert on ACL changes')" >/dev/null
# INC-2: sev1 (SLA 4h) not contained after a day; a deadline still ahead.
cso incident open "Ransomware" --severity sev1 --lead bob --detected 2026-11-26T09:00:00Z --notify-within 72h >/dev/null

ok cso report incident INC-1
out_has '# Post-incident review: INC-1 Leak \| &lt;script&gt;x&lt;/script&gt;'
out_has '| detect (occurred to detected) | 2h 0m |'
out_has '| contain (detected to contained) | 3h 0m |'
out_has '| recover (detected to recovered) | not recorded |'
out_has 'Containment SLA 24h (by 2026-11-21T08:00:00Z): met.'
out_has 'Notification within 72h, by 2026-11-23T08:00:00Z: **missed** (notified 2026-11-24T09:00:00Z).'
out_has '| 2026-11-20T11:00:00Z | tester | note | Bucket \| closed |'
out_has 'Public ACL \| =1+1'
out_has 'Scan buckets daily<br>Alert on ACL changes'
out_lacks '<script>'
ok cso report incident 2
out_has 'Containment SLA 4h (by 2026-11-26T13:00:00Z): **breached**.'
out_has 'Notification within 72h, by 2026-11-29T09:00:00Z: pending.'
out_has 'Not recorded yet.'
ok cso report incident 1 --format html
out_has '<h1>Post-incident review: INC-1 Leak | &lt;script&gt;x&lt;/script&gt;</h1>'
out_has '<span class="late">missed</span>'
out_lacks '<script>'
ok cso report incident 1 --data
[ "$(json '.sla.met')" == true ] || fail "sla.met: $(json '.sla.met')"
[ "$(json '.notification.missed')" == true ] || fail "notification.missed"
[ "$(json '.phases[2].seconds')" == 10800 ] || fail "contain seconds: $(json '.phases[2].seconds')"
checks=$((checks + 3))
# Follow-up findings: `audit finding add --incident`, listed by the review and by --incident.
ok cso report incident INC-1
out_has "None recorded (cso audit finding add TITLE --incident ID)."
ok cso audit finding add "Bucket ACLs not | scanned" --severity high --owner bob --due 2026-12-31 --incident inc-1
out_is "FND-1"
ok cso audit finding add "Unrelated" --severity low --owner bob --due 2026-12-31
ok cso report incident INC-1
out_has '| FND-1 | Bucket ACLs not \| scanned | high | bob | 2026-12-31 | open |'
out_lacks "Unrelated"
ok cso report incident INC-1 --format html
out_has '<td class="id">FND-1</td><td>Bucket ACLs not | scanned</td>'
ok cso audit finding list --incident INC-1 --format json
[ "$(json '[.[].id] | join(",")')" == "FND-1" ] || fail "list --incident: $(cat "$TMP/out")"
[ "$(json '.[0].incident')" == "INC-1" ] || fail "the finding's incident field: $(cat "$TMP/out")"
checks=$((checks + 2))
snapshot
expect_exit 3 cso audit finding add "Ghost" --severity low --owner bob --due 2026-12-31 --incident INC-9
err_has "no incident INC-9"
expect_exit 2 cso audit finding add "Ghost" --severity low --owner bob --due 2026-12-31 --incident AUD-1
err_has "--incident"
expect_exit 3 cso audit finding edit FND-2 --incident 9
err_has "no incident INC-9"
# An incident its follow-ups point at stays until they point elsewhere.
expect_exit 4 cso incident rm INC-1 --force
err_has "INC-1 has 1 finding"
unchanged
ok cso audit finding edit FND-2 --incident INC-2
ok cso audit finding list --incident 1,2 --format json
[ "$(json '[.[].id] | join(",")')" == "FND-1,FND-2" ] || fail "list --incident 1,2: $(cat "$TMP/out")"
checks=$((checks + 1))
ok cso report incident 1 --output pir.pdf
pdftotext pir.pdf - | grep -q "Post-incident review" || fail "the PDF lacks its heading"
checks=$((checks + 1))

snapshot
expect_exit 3 cso report incident 9
err_has "INC-9"
expect_exit 2 cso report incident
err_has "needs the ID of the incident"
unchanged
verified
done_ok
