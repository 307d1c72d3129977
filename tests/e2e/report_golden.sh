#!/usr/bin/env bash
# report golden files: every built-in report in every format (pdf aside, see report_pdf.sh) on
# the demo program with CSO_NOW fixed is byte for byte the file in tests/golden/reports/
# (scripts/update-golden rewrites them). Markdown reports are valid tables: no blank line
# inside a table, every row with its header's cells, pipes in values escaped. Every key of
# the data is documented in `cso help templates`.
source "$(dirname "$0")/lib.bash"
golden=${CSO_TESTS_DIR:?}/golden/reports
cso -q init --demo >/dev/null

ok cso report list --format json
jq -r '.[] | .name + " " + .about + " " + .formats' "$TMP/out" >"$TMP/reports"
[ -s "$TMP/reports" ] || fail "report list is empty"
ok cso help templates
cp "$TMP/out" "$TMP/help"
while read -r name about formats; do
  id=()
  if [ "$about" != program ]; then
    ok cso "$about" list --format json
    id=("$(json '.[0].id')")
    # Without its ID the report says what it needs.
    expect_exit 2 cso report "$name"
    err_has "'cso report $name' needs the ID of the $about it is about"
  fi
  for format in ${formats//,/ }; do
    [ "$format" == pdf ] && continue
    ok cso report "$name" "${id[@]}" --format "$format"
    [ -f "$golden/$name.$format" ] || fail "no golden file $name.$format (run scripts/update-golden)"
    diff -u "$golden/$name.$format" "$TMP/out" >"$TMP/diff" || fail "$name.$format differs from its golden file:
$(head -40 "$TMP/diff")"
    checks=$((checks + 1))
    if [ "$format" == md ]; then
      # Each table: a header row, a rule, rows; all with the header's number of cells.
      awk '
        function cells(line) { gsub(/\\\|/, "", line); return gsub(/\|/, "|", line) }
        /^\|/ { if (!intable) { want = cells($0); intable = 1 } else if (cells($0) != want) {
                  print "line " NR ": " cells($0) " cells, the header has " want; bad = 1 } next }
        { intable = 0 }
        END { exit bad }' "$TMP/out" || fail "$name.md has a broken table"
      checks=$((checks + 1))
    fi
  done
  # Every key of the data (object members at any depth) is documented.
  ok cso report "$name" "${id[@]}" --data
  for key in $(jq -r '[paths | map(select(type == "string")) | last | select(. != null)] | unique[]' "$TMP/out"); do
    grep -qw -- "$key" "$TMP/help" || fail "the $name data key '$key' is not in cso help templates"
    checks=$((checks + 1))
  done
done <"$TMP/reports"
done_ok
