#!/usr/bin/env bash
# report policies: every policy with the version in force, its next review (overdue marked) and
# the acknowledgement coverage of its audience, in Markdown, HTML and CSV; hostile titles escaped.
source "$(dirname "$0")/lib.bash"
fresh
cso --as alice policy add "Access | <b>Control</b> =1+1" --owner alice --body "Use SSO." --review-every 1m >/dev/null
cso --as alice policy add "Draft only" --owner bob --kind standard >/dev/null
cso --as alice policy submit 1 >/dev/null
cso --as bob policy approve 1 >/dev/null
CSO_NOW=2026-09-01T09:00:00Z cso --as alice policy publish 1 >/dev/null
cso -q --as bob policy ack 1 --staff bob >/dev/null

ok cso report policies
out_has "2 policies; acknowledgements of those in force: 1 of 2 (50%); 1 past their review."
out_has '| POL-1 | Access \| &lt;b&gt;Control&lt;/b&gt; =1+1 | policy | alice | published | 1 | 2026-09-01 | 2026-10-01 (overdue) | all | 1 of 2 (50%) |'
out_has '| POL-2 | Draft only | standard | bob | draft | 1 |  |  | all |  |'
ok cso report policies --format html
out_has '<td>Access | &lt;b&gt;Control&lt;/b&gt; =1+1</td>'
out_has '<span class="late">overdue</span>'
out_lacks '<b>Control'
ok cso report policies --format csv
python3 - "$TMP/out" <<'PY' || fail "the CSV does not read back"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
assert [r["id"] for r in rows] == ["POL-1", "POL-2"], rows
assert rows[0]["title"] == "Access | <b>Control</b> =1+1", rows[0]["title"]
assert rows[0]["review_overdue"] == "yes" and rows[1]["review_overdue"] == "no"
assert rows[0]["acknowledged"] == "1" and rows[0]["expected"] == "2"
assert rows[1]["acknowledged"] == ""
PY
checks=$((checks + 1))
ok cso report policies --data
[ "$(json '.reviews_overdue')" == 1 ] || fail "reviews_overdue: $(json '.reviews_overdue')"
[ "$(json '.by_status[] | select(.name == "published") | .count')" == 1 ] || fail "published count"
checks=$((checks + 2))
verified
done_ok
