#!/usr/bin/env bash
# risk matrix: counts per likelihood × impact (closed risks excluded, --residual uses the residual
# ratings), as a table or as cells in json; colour only when asked for or on a terminal, never
# with NO_COLOR.
source "$(dirname "$0")/lib.bash"
fresh

add() { cso risk add "$@" >/dev/null; }
add "Ransomware"   --likelihood 4 --impact 5   # RSK-1
add "Wiper"        --likelihood 4 --impact 5   # RSK-2
add "DDoS"         --likelihood 3 --impact 3   # RSK-3
add "Typo squat"   --likelihood 1 --impact 1   # RSK-4
add "Lost badge"   --likelihood 2 --impact 2   # RSK-5
add "Old server"   --likelihood 4 --impact 5   # RSK-6, closed below
add "Vendor"       --likelihood 5 --impact 2   # RSK-7, treated below
cso risk assess 5 --likelihood 1 --impact 2 --residual >/dev/null
cso risk assess 6 --likelihood 1 --impact 1 --residual >/dev/null
cso risk assess 7 --likelihood 1 --impact 2 --residual >/dev/null
cso risk treat 7 --strategy transfer --plan "contract clause" >/dev/null
cso risk close 6 --reason "decommissioned" >/dev/null

# cell L I: the count the table shows at likelihood L, impact I ("·" for none).
cell() {
  grep -v impact "$TMP/out" | awk -v l="$1" -v i="$2" 'NF == 6 && $1 == l { print $(i + 1) }'
}
cell_is() {
  checks=$((checks + 1))
  local got
  got=$(cell "$1" "$2")
  [ "$got" == "$3" ] || fail "table cell $1×$2 is '$got', expected '$3'"
}

ok cso risk matrix
out_has "6 risks not closed"
out_has "likelihood"
out_has "impact"
cell_is 4 5 2
cell_is 3 3 1
cell_is 1 1 1
cell_is 2 2 1
cell_is 5 2 1
cell_is 5 5 "·"
cell_is 1 2 "·"
out_has "critical"
[ "$(grep -c $'\x1b' "$TMP/out")" == 0 ] || fail "no colour without a terminal by default"

ok cso risk matrix --format json
[ "$(json 'length')" == 25 ] || fail "25 cells on a 5×5 matrix"
[ "$(json 'map(.count) | add')" == 6 ] || fail "closed risks are not counted"
[ "$(json '.[] | select(.likelihood == 4 and .impact == 5) | [.score, .level, .count] | join(" ")')" == "20 critical 2" ] ||
  fail "cell 4×5"
[ "$(json '.[] | select(.likelihood == 3 and .impact == 3) | [.score, .level, .count] | join(" ")')" == "9 medium 1" ] ||
  fail "cell 3×3"
[ "$(json '.[] | select(.likelihood == 2 and .impact == 5) | [.score, .level, .count] | join(" ")')" == "10 high 0" ] ||
  fail "cell 2×5: high starts at 10"
[ "$(json '.[] | select(.likelihood == 1 and .impact == 5) | .level')" == "medium" ] || fail "cell 1×5: medium starts at 5"
[ "$(json '.[] | select(.likelihood == 2 and .impact == 2) | .level')" == "low" ] || fail "cell 2×2 is low"
[ "$(json '.[0] | keys_unsorted | join(",")')" == "likelihood,impact,score,level,count" ] || fail "cell keys"
[ "$(json 'map(.likelihood | type) | unique | join(",")')" == "number" ] || fail "ratings are numbers"
ok cso risk matrix --format jsonl
[ "$(wc -l <"$TMP/out")" == 25 ] || fail "jsonl: a line per cell"
ok cso risk matrix --format csv
[ "$(head -1 "$TMP/out")" == "likelihood,impact,score,level,count" ] || fail "csv header"
out_has "4,5,20,critical,2"

# --residual: the residual ratings of risks that are not closed; unrated risks are left out.
ok cso risk matrix --residual --format json
[ "$(json 'map(.count) | add')" == 2 ] || fail "two open risks have residual ratings"
[ "$(json '.[] | select(.likelihood == 1 and .impact == 2) | .count')" == 2 ] || fail "residual cell 1×2"
[ "$(json '.[] | select(.likelihood == 1 and .impact == 1) | .count')" == 0 ] || fail "a closed risk's residual is not counted"
[ "$(json '.[] | select(.likelihood == 4 and .impact == 5) | .count')" == 0 ] || fail "inherent ratings are not used"
ok cso risk matrix --residual
out_has "Residual"
cell_is 1 2 2
cell_is 4 5 "·"

# A smaller matrix in config gives fewer cells.
printf '[risk]\nmatrix = 3\nbands = { medium = 3, high = 5, critical = 8 }\n' >"$TMP/small.toml"
ok cso --config "$TMP/small.toml" risk matrix --format json
[ "$(json 'length')" == 9 ] || fail "9 cells on a 3×3 matrix"
[ "$(json '.[] | select(.likelihood == 3 and .impact == 3) | [.score, .level, .count] | join(" ")')" == "9 critical 1" ] ||
  fail "3×3 cell with configured bands"
# Risks rated above the smaller matrix are counted and named, never dropped: matrix and status
# agree on the count (RSK-1 and RSK-2 4×5, RSK-7 5×2 do not fit).
err_has "3 risks are rated outside the 3×3 matrix (risk.matrix = 3), counted but not in a cell: RSK-1 (4×5), RSK-2 (4×5), RSK-7 (5×2)"
ok cso --config "$TMP/small.toml" risk matrix
out_has "Risk matrix (6 risks not closed)"
err_has "RSK-7 (5×2)"
ok cso --config "$TMP/small.toml" status --format json
[ "$(json '[.risks.by_level[]] | add')" == 6 ] || fail "status counts the same 6: $(json .risks)"
# Bands the matrix cannot reach are a config error, whichever layers set them; without bands
# the defaults scale to the matrix (3×3: medium 2, high 4, critical 6).
printf '[risk]\nmatrix = 3\n' >"$TMP/three.toml"
ok cso --config "$TMP/three.toml" config get risk.bands
out_is "{ medium = 2, high = 4, critical = 6 }"
mkdir -p "$XDG_CONFIG_HOME/cso"
printf '[risk]\nbands = { medium = 5, high = 10, critical = 17 }\n' >"$XDG_CONFIG_HOME/cso/config.toml"
ok cso risk matrix --format json
expect_exit 2 cso --config "$TMP/three.toml" risk matrix
err_has "risk.bands: high = 10 cannot be reached on a 3×3 matrix (risk.matrix = 3), whose highest score is 9"
expect_exit 3 cso --config "$TMP/three.toml" check
err_has "risk.bands"
rm "$XDG_CONFIG_HOME/cso/config.toml"

# Colour: --color always paints the bands; never and NO_COLOR (non-empty) do not.
ok cso risk matrix --color always
[ "$(grep -c $'\x1b\\[' "$TMP/out")" -gt 0 ] || fail "--color always: ANSI escapes"
out_has $'\x1b[35m'
out_has $'\x1b[0m'
ok cso --color always risk matrix
out_has $'\x1b['
ok cso risk matrix --color never
[ "$(grep -c $'\x1b' "$TMP/out")" == 0 ] || fail "--color never: no escapes"
NO_COLOR=1 ok cso risk matrix --color always
[ "$(grep -c $'\x1b' "$TMP/out")" == 0 ] || fail "NO_COLOR=1 wins over --color always"
NO_COLOR=1 ok cso risk matrix --color auto
[ "$(grep -c $'\x1b' "$TMP/out")" == 0 ] || fail "NO_COLOR=1, auto"
NO_COLOR='' ok cso risk matrix --color always
out_has $'\x1b['
ok cso risk matrix --format json --color always
[ "$(grep -c $'\x1b' "$TMP/out")" == 0 ] || fail "json is never coloured"
expect_exit 2 cso risk matrix --color sometimes
err_has "--color"
expect_exit 2 cso risk matrix --bogus

# On a terminal, auto colours; NO_COLOR still wins.
if command -v script >/dev/null; then
  script -qec "$CSO risk matrix" /dev/null >"$TMP/out" 2>&1 </dev/null
  checks=$((checks + 1))
  grep -q $'\x1b\\[3' "$TMP/out" || fail "auto on a terminal: colour"
  NO_COLOR=1 script -qec "$CSO risk matrix" /dev/null >"$TMP/out" 2>&1 </dev/null
  checks=$((checks + 1))
  ! grep -q $'\x1b' "$TMP/out" || fail "NO_COLOR on a terminal: no colour"
fi

verified
done_ok
