#!/usr/bin/env bash
# report risk-register: every risk in Markdown (one valid table), HTML (self-contained, escaped),
# CSV (RFC 4180, formula guard) and JSON (the template's data, as --data prints it); hostile
# titles break none of them; --output replaces the file whole; bad options change nothing.
source "$(dirname "$0")/lib.bash"
fresh

cso risk add "Ransomware | encrypts <script>alert(1)</script> & \"files\"" --likelihood 4 --impact 5 --owner alice >/dev/null
cso risk add "=HYPERLINK(\"http://x\")" --likelihood 2 --impact 2 >/dev/null
cso risk add "# heading \`code\` invoice$(printf '\u202e')fdp.exe$(printf '\x1b')[31m" --likelihood 1 --impact 3 >/dev/null
cso risk add "$(printf 'two\nlines')" --likelihood 3 --impact 3 >/dev/null
long=$(printf 'L%.0s' $(seq 1 1000))  # the longest title there can be
cso risk add "$long" --likelihood 1 --impact 1 >/dev/null
cso risk treat 1 --strategy mitigate --plan "EDR everywhere" --due 2027-01-31 >/dev/null

# Markdown: one table with a header, a rule and a row per risk; every row has the header's cells.
ok cso report risk-register
out_has "# Risk register"
out_has "Generated 2026-11-27. 5 risks."
awk '/^\| ID \|/{t=1} t&&/^$/{exit} t' "$TMP/out" >"$TMP/table"
[ "$(wc -l <"$TMP/table")" -eq 7 ] || fail "the risk table has $(wc -l <"$TMP/table") lines, expected 7"
checks=$((checks + 1))
cells() { sed 's/\\|//g' | awk -F'|' '{print NF}' | sort -u; }
[ "$(cells <"$TMP/table")" == "13" ] || fail "rows with other than 11 cells: $(cells <"$TMP/table" | tr '\n' ' ')"
checks=$((checks + 1))
out_has '| RSK-1 | Ransomware \| encrypts &lt;script&gt;alert(1)&lt;/script&gt; &amp; "files" | alice | treating | critical | 20 |'
out_has '| RSK-3 | \# heading \`code\` invoice'
out_has '| RSK-4 | two<br>lines |'
out_lacks '<script>'
grep -q $'\x1b' "$TMP/out" && fail "an escape character reached the Markdown"
grep -q $'\u202e' "$TMP/out" && fail "a right-to-left override reached the Markdown"
checks=$((checks + 2))

# HTML: one file, no script, no external reference, the hostile title escaped.
ok cso report risk-register --format html
out_has '<!DOCTYPE html>'
out_has '<td>Ransomware | encrypts &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;files&quot;</td>'
out_lacks '<script'
out_lacks 'src='
out_lacks 'href='
out_has '<span class="level critical">critical</span>'

# CSV: a header and five records, each title back as it was (a formula guarded).
ok cso report risk-register --format csv
python3 - "$TMP/out" "$long" <<'PY' || fail "the CSV does not read back"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
assert len(rows) == 5, len(rows)
assert rows[0]["title"] == 'Ransomware | encrypts <script>alert(1)</script> & "files"', rows[0]["title"]
assert rows[0]["owner"] == "alice" and rows[0]["score"] == "20" and rows[0]["treatment"] == "mitigate"
assert rows[1]["title"] == "'=HYPERLINK(\"http://x\")", rows[1]["title"]
assert rows[3]["title"] == "two\nlines"
assert rows[4]["title"] == sys.argv[2]
PY
checks=$((checks + 1))

# JSON: --format json and --data print the data the templates receive.
ok cso report risk-register --format json
[ "$(json '.report')" == "risk-register" ] || fail "report is $(json '.report')"
[ "$(json '.risks | length')" == "5" ] || fail "risks: $(json '.risks | length')"
[ "$(json '.risks[0].level')" == "critical" ] || fail "level: $(json '.risks[0].level')"
[ "$(json '.by_status[] | select(.name == "open") | .count')" == "4" ] || fail "open count"
[ "$(json '.period.since')" == "2026-08-29" ] || fail "the default period starts $(json '.period.since')"
checks=$((checks + 5))
cp "$TMP/out" "$TMP/json"
ok cso report risk-register --data --format md
cmp -s "$TMP/out" "$TMP/json" || fail "--data differs from --format json"
ok cso report risk-register --json --since 2026-11-01
[ "$(json '.period.since')" == "2026-11-01" ] || fail "--since: $(json '.period.since')"
ok cso report risk-register --json --since 30d
[ "$(json '.period.since')" == "2026-10-28" ] || fail "--since 30d: $(json '.period.since')"
checks=$((checks + 3))

# --output: the file whole (format from its extension), replaced in place, no temporary left.
ok cso report risk-register --output "$TMP/register.html"
out_is ""
grep -q '<!DOCTYPE html>' "$TMP/register.html" || fail "--output register.html is not HTML"
echo old >"$TMP/register.md"
ok cso report risk-register --output "$TMP/register.md"
grep -q '^# Risk register' "$TMP/register.md" || fail "--output did not replace the old file"
ls -a "$TMP" | grep -q '\.tmp-' && fail "a temporary file was left: $(ls -a "$TMP")"
checks=$((checks + 3))
mkdir "$TMP/dir.md"
expect_exit 1 cso report risk-register --output "$TMP/dir.md"
err_has "--output: cannot write $TMP/dir.md: is a directory"
expect_exit 1 cso report risk-register --output "$TMP/missing/register.md"
err_has "--output: cannot write $TMP/missing/register.md"
[ -e "$TMP/missing" ] && fail "--output created a folder"
checks=$((checks + 1))

# Bad input: exit 2, named, nothing written.
snapshot
expect_exit 2 cso report risk-register --format docx
err_has "--format docx: 'cso report' prints md, html, txt, csv, json or pdf"
expect_exit 2 cso report risk-register --format txt
err_has "--format txt: there is no txt template for 'risk-register'"
expect_exit 2 cso report risk-regster
err_has "no report 'risk-regster': the reports are"
expect_exit 2 cso report risk-register RSK-1
err_has "'cso report risk-register' takes no ID"
expect_exit 2 cso report risk-register --since tomorrow
err_has "--since: tomorrow is in the future"
expect_exit 2 cso report risk-register --since someday
err_has "--since"
expect_exit 2 cso report
err_has "name a report (cso report list shows them)"
expect_exit 2 cso report risk-register --format html --output "$TMP/x.html" --bogus
[ -e "$TMP/x.html" ] && fail "a refused report wrote its file"
checks=$((checks + 1))
unchanged
verified
done_ok
