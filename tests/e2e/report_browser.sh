#!/usr/bin/env bash
# report --format html in a real headless Chromium: every built-in report with an html format
# (found with `cso report list`, so a new one is covered without editing this script) on the
# demo program renders with no console message, every <svg> chart has a non-zero rendered size
# (and the reports that should have charts have them), a screenshot is kept under
# $CSO_ARTIFACTS for a person to look at, and the HTML is self-contained (no script, nothing
# fetched from the network). Negative controls prove each browser check can fail.
#
# Chromium (156 on Debian 12) with --enable-logging=stderr --v=0 prints every console message,
# whatever its level, as one line like
#   [8061:8061:1203/182934.021520:INFO:CONSOLE:1] "Uncaught ReferenceError: undefined_fn is not defined", source: file:///.../bad.html (1)
# (the number after CONSOLE is the line; older versions print CONSOLE(1)). A resource that
# fails to load (a missing image) prints nothing there, so the measuring script reports
# broken images itself. The rest of stderr is noise (dbus, vaapi) and is not looked at.
source "$(dirname "$0")/lib.bash"
command -v chromium >/dev/null || fail "no chromium on PATH (apt-get install chromium)"
artifacts=${CSO_ARTIFACTS:-$TMP/artifacts}
mkdir -p "$artifacts" "$TMP/profile"
cso -q init --demo >/dev/null

# The charts a report must have: the word in its <svg class>.
declare -A want_chart=([risk-register]=heatmap [training]=bars [board]="heatmap incidents-by-month finding-ageing bars")

browser() {
  timeout 60 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$TMP/profile" \
    --window-size=1280,1800 "$@" </dev/null
}

# console_messages FILE.html SHOT.png: loads the page once, taking a screenshot; prints the
# console lines and returns 1 if there are any (0 if none).
console_messages() {
  local page=$1 shot=$2 log=$TMP/console.log
  browser --enable-logging=stderr --v=0 --screenshot="$shot" "file://$page" >/dev/null 2>"$log" ||
    { tail -5 "$log" >&2; fail "chromium failed on $page"; }
  ! grep -E ':CONSOLE[:(]' "$log"
}

# The measuring script: after load, a <pre id="measure"> with one line per svg
# ("svg|CLASS|WIDTH|HEIGHT", rounded up) and per image that did not load ("img|SRC"), then "end|N".
cat >"$TMP/measure.js" <<'EOF'
<script>
window.addEventListener("load", function () {
  var lines = [], svgs = document.querySelectorAll("svg");
  svgs.forEach(function (s) {
    var r = s.getBoundingClientRect();
    lines.push(["svg", s.getAttribute("class") || "(no class)", Math.ceil(r.width), Math.ceil(r.height)].join("|"));
  });
  document.querySelectorAll("img").forEach(function (i) {
    if (!i.complete || i.naturalWidth === 0) lines.push("img|" + i.getAttribute("src"));
  });
  lines.push("end|" + svgs.length);
  var pre = document.createElement("pre");
  pre.id = "measure";
  pre.textContent = "\n" + lines.join("\n") + "\n";
  document.body.appendChild(pre);
});
</script>
EOF

# measure FILE.html: prints the measure lines of a copy of FILE with the script appended.
measure() {
  local page=$1 copy=$TMP/measured.html
  cat "$page" "$TMP/measure.js" >"$copy"
  browser --dump-dom --virtual-time-budget=2000 "file://$copy" >"$TMP/dom" 2>"$TMP/dom.err" ||
    { tail -5 "$TMP/dom.err" >&2; fail "chromium --dump-dom failed on $page"; }
  sed -n '/<pre id="measure">/,/<\/pre>/p' "$TMP/dom" | grep -E '^(svg|img|end)\|'
}

# sizes_bad NAME FILE.html: prints what is wrong with the page's charts and images, returns 1 if
# anything is (the svg count measured must be the count of <svg in the file).
sizes_bad() {
  local name=$1 page=$2 bad=0 kind a b c n
  measure "$page" >"$TMP/sizes" || true
  grep -q '^end|' "$TMP/sizes" || { echo "$name: the measuring script did not run"; return 1; }
  while IFS='|' read -r kind a b c; do
    case $kind in
    svg) if [ "$b" -le 0 ] || [ "$c" -le 0 ]; then
        echo "$name: the chart <svg class=\"$a\"> renders ${b}x${c}"
        bad=1
      fi ;;
    img) echo "$name: the image $a does not load"; bad=1 ;;
    end) n=$(grep -o '<svg' "$page" | wc -l)
      [ "$a" == "$n" ] || { echo "$name: measured $a svgs, the file has $n"; bad=1; } ;;
    esac
  done <"$TMP/sizes"
  return $bad
}

# not_self_contained FILE.html: prints what the page loads or runs, returns 1 if anything.
not_self_contained() {
  ! grep -noiE "<script|(src|href)=[\"']?https?:|@import|url\([\"']?https?:" "$1"
}

# Negative controls: each check catches what it is for.
printf '<!doctype html><html><body><p>broken</p><script>undefined_fn()</script></body></html>\n' >"$TMP/broken.html"
checks=$((checks + 1))
console_messages "$TMP/broken.html" "$TMP/broken.png" >"$TMP/got" && fail "the console check missed undefined_fn()"
grep -qF 'Uncaught ReferenceError: undefined_fn is not defined' "$TMP/got" ||
  fail "the console check caught something else: $(cat "$TMP/got")"
cat >"$TMP/flat.html" <<'EOF'
<!doctype html><html><body><p>flat</p>
<svg class="chart flat" xmlns="http://www.w3.org/2000/svg" width="0" height="100"><rect width="10" height="10"/></svg>
<svg class="chart fine" xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="10" height="10"/></svg>
<img src="missing.png" alt="missing">
</body></html>
EOF
checks=$((checks + 1))
sizes_bad control "$TMP/flat.html" >"$TMP/got" && fail "the size check missed a 0-wide svg"
grep -qF 'the chart <svg class="chart flat"> renders 0x100' "$TMP/got" || fail "the size check: $(cat "$TMP/got")"
grep -qF 'the image missing.png does not load' "$TMP/got" || fail "the size check: $(cat "$TMP/got")"
! grep -q 'chart fine' "$TMP/got" || fail "the size check flagged a 100x100 svg: $(cat "$TMP/got")"
printf '<link rel="stylesheet" href="https://cdn.example/x.css"><style>@import "y.css";</style>\n' >"$TMP/remote.html"
checks=$((checks + 1))
not_self_contained "$TMP/remote.html" >"$TMP/got" && fail "the self-contained check missed a remote stylesheet"
[ "$(wc -l <"$TMP/got")" == 2 ] || fail "the self-contained check: $(cat "$TMP/got")"

# Every built-in report with an html format.
ok cso report list --format json
jq -r '.[] | select(.formats | split(",") | index("html")) | .name + " " + .about' "$TMP/out" >"$TMP/reports"
[ -s "$TMP/reports" ] || fail "no report has an html format"
covered=()
while read -r name about <&3; do
  id=()
  if [ "$about" != program ]; then
    ok cso "$about" list --format json
    id=("$(json '.[0].id')")
    [ -n "${id[0]}" ] && [ "${id[0]}" != null ] || fail "the demo has no $about for 'cso report $name'"
  fi
  page=$TMP/$name.html
  ok cso report "$name" "${id[@]}" --format html --output "$page"
  out_is ""
  [ -s "$page" ] || fail "$name.html is empty"

  checks=$((checks + 1))
  not_self_contained "$page" >"$TMP/got" || fail "$name.html is not self-contained:
$(cat "$TMP/got")"

  checks=$((checks + 1))
  console_messages "$page" "$artifacts/$name.png" >"$TMP/got" || fail "$name.html logs to the console:
$(cat "$TMP/got")"
  checks=$((checks + 1))
  [ "$(head -c 4 "$artifacts/$name.png" | od -An -c | tr -d ' ')" == '211PNG' ] ||
    fail "no screenshot $artifacts/$name.png"

  checks=$((checks + 1))
  sizes_bad "$name" "$page" >"$TMP/got" || fail "$(cat "$TMP/got")"
  for chart in ${want_chart[$name]:-}; do
    checks=$((checks + 1))
    grep -qE "^svg\|([^|]* )?${chart}( [^|]*)?\|" "$TMP/sizes" ||
      fail "$name.html has no $chart chart (measured: $(tr '\n' ' ' <"$TMP/sizes"))"
  done
  covered+=("$name${id[0]:+ ${id[0]}}: $(grep -c '^svg|' "$TMP/sizes" || true) svg")
done 3<"$TMP/reports"
# The reports that must have charts were all rendered.
for name in "${!want_chart[@]}"; do
  grep -q "^$name " "$TMP/reports" || fail "report $name is no longer listed with an html format"
  checks=$((checks + 1))
done
printf '  %s\n' "${covered[@]}"

# The board pack printed to PDF by the same browser: its headings are in the PDF's text.
ok cso report board --output board.pdf
pdftotext -layout board.pdf board.txt
for heading in "Security programme: board report" "Posture" "Key figures" "Top risks" "Risks accepted in the period" \
  "Incidents" "Audit findings by age" "Policies and training" "Certifications expired" "Failing checks"; do
  grep -qiF -- "$heading" board.txt || fail "board.pdf's text lacks the heading '$heading'"
  checks=$((checks + 1))
done
cp board.pdf "$artifacts/board.pdf"
done_ok
