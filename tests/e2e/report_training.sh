#!/usr/bin/env bash
# report training: completion per active course and per team, and who is overdue (days past due),
# in Markdown, HTML and CSV; a program without courses says so.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add carol --name "Carol <i>|Diaz" --team "fin|ance" >/dev/null

ok cso report training
out_has "No training course is active."
ok cso report training --format csv
out_is "staff,name,team,course,title,due,days_overdue"

cso train add "Phishing | <b>basics</b>" >/dev/null
CSO_NOW=2026-11-01T09:00:00Z cso -q train assign 1 --staff alice,bob,carol --due 2026-11-20 >/dev/null
cso -q train complete 1 --staff alice --on 2026-11-10 >/dev/null
ok cso report training
out_has "1 of 3 assignments complete (33%); 2 people overdue."
out_has '| TRN-1 | Phishing \| &lt;b&gt;basics&lt;/b&gt; | 3 | 1 | 2 | 0 | 33% |'
out_has '| security | 2 | 2 | 1 | 50% |'
out_has '| fin\|ance | 1 | 1 | 0 | 0% |'
out_has '| Carol &lt;i&gt;\|Diaz (carol) | fin\|ance | TRN-1 Phishing \| &lt;b&gt;basics&lt;/b&gt; | 2026-11-20 | 7 |'
ok cso report training --format html
out_has '<td>Carol &lt;i&gt;|Diaz (carol)</td>'
out_lacks '<b>basics'
ok cso report training --format csv
python3 - "$TMP/out" <<'PY' || fail "the CSV does not read back"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
assert [r["staff"] for r in rows] == ["bob", "carol"], rows
assert rows[1]["name"] == "Carol <i>|Diaz" and rows[1]["team"] == "fin|ance" and rows[1]["days_overdue"] == "7", rows[1]
PY
checks=$((checks + 1))
verified
done_ok
