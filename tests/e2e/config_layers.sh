#!/usr/bin/env bash
# Config layers ($XDG_CONFIG_HOME/cso/config.toml, then .cso/config.toml, then --config / CSO_CONFIG)
# merge key by key; bad files exit 2 naming file:line:column or the unknown key; the values take effect
# (the matrix size bounds ratings, the bands decide levels, review_every and user.handle are used).
source "$(dirname "$0")/lib.bash"
unset CSO_DB
user_cfg=$XDG_CONFIG_HOME/cso/config.toml
mkdir -p "$(dirname "$user_cfg")" "$TMP/ws/sub"
cd "$TMP/ws"
ok cso init --here
ws_cfg=$TMP/ws/.cso/config.toml
CSO_DB=$TMP/ws/.cso/cso.db # for snapshot/unchanged only: not exported, cso finds the workspace itself
: >"$ws_cfg"
cd "$TMP/ws/sub"
get() { expect_exit 0 cso config get "$@"; }

# Defaults.
get risk.matrix
out_is "5"
get risk.review_every
out_is "90d"
get check.warn_within
out_is "14d"
get risk.bands
out_has "medium = 5"

# The user's file.
cat >"$user_cfg" <<'EOF'
# my defaults
[user]
handle = "carol"
[risk]
matrix = 4
review_every = "30d"
[check]
warn_within = "7d"
EOF
get risk.matrix
out_is "4"
get risk.review_every
out_is "30d"
get user.handle
out_is "carol"

# The workspace file overrides one key, the others stay.
printf '[risk]\nmatrix = 6\n' >"$ws_cfg"
get risk.matrix
out_is "6"
get risk.review_every
out_is "30d"
get check.warn_within
out_is "7d"

# --config / CSO_CONFIG are read last; --config wins over CSO_CONFIG.
printf '[risk]\nmatrix = 3\nbands = { medium = 3, high = 6, critical = 9 }\n' >"$TMP/three.toml"
printf '[check]\nwarn_within = "21d"\n' >"$TMP/warn.toml"
ok cso --config "$TMP/three.toml" config get risk.matrix
out_is "3"
ok cso config get risk.matrix --config "$TMP/three.toml"
out_is "3"
CSO_CONFIG=$TMP/three.toml ok cso config get risk.matrix
out_is "3"
CSO_CONFIG=$TMP/three.toml ok cso config get risk.review_every
out_is "30d"
CSO_CONFIG=$TMP/warn.toml ok cso --config "$TMP/three.toml" config get risk.matrix
out_is "3"
CSO_CONFIG=$TMP/warn.toml ok cso --config "$TMP/three.toml" config get check.warn_within
out_is "7d"

# config list shows the merged result.
ok cso --config "$TMP/warn.toml" config list
grep -Eq '^risk\.matrix +6$' "$TMP/out" || fail "list: risk.matrix 6: $(cat "$TMP/out")"
grep -Eq '^risk\.review_every +"?30d"?$' "$TMP/out" || fail "list: risk.review_every"
grep -Eq '^check\.warn_within +"?21d"?$' "$TMP/out" || fail "list: check.warn_within"
grep -Eq '^user\.handle +"?carol"?$' "$TMP/out" || fail "list: user.handle"
ok cso config list --format json
[ "$(json '[.[] | select(.key == "risk.matrix")] | length')" == 1 ] || fail "json list"
expect_exit 2 cso config get risk.nonsense
err_has "risk.nonsense"
expect_exit 2 cso config get risk

# Bands merge key by key, also across files.
sed -i 's/^review_every = "30d"$/&\nbands = { medium = 3, high = 6, critical = 9 }/' "$user_cfg"
printf '[risk]\nmatrix = 6\nbands = { critical = 12 }\n' >"$ws_cfg"
get risk.bands
out_has "medium = 3"
out_has "high = 6"
out_has "critical = 12"

# The values take effect: review_every and user.handle.
ok env -u CSO_ACTOR "$CSO" staff add alice --name "Alice Moreau"
ok env -u CSO_ACTOR "$CSO" risk add "Config-driven" --likelihood 3 --impact 3 --owner alice
ok cso risk show RSK-1 --format json
[ "$(json .next_review)" == "2026-12-27" ] || fail "review_every 30d: next_review $(json .next_review)"
[ "$(json .score)" == "9" ] || fail "score"
[ "$(json .level)" == "high" ] || fail "bands {3,6,12}: 9 is high, got $(json .level)"
ok cso log RSK-1 --format jsonl
[ "$(json .actor)" == "carol" ] || fail "user.handle is the actor: $(json .actor)"
CSO_ACTOR=erin ok cso risk assess RSK-1 --likelihood 3 --impact 3
ok cso log --limit 1 --format jsonl
[ "$(json .actor)" == "erin" ] || fail "CSO_ACTOR beats user.handle"

# Bands change --level filtering and the level shown.
ok cso risk add "Small" --likelihood 1 --impact 2 --owner alice
ok cso risk add "Big" --likelihood 4 --impact 4 --owner alice
ok cso risk list --level high --format jsonl
[ "$(jq -r .id "$TMP/out" | paste -sd,)" == "RSK-1" ] || fail "--level high: $(jq -r .id "$TMP/out" | paste -sd,)"
ok cso risk list --level critical --format jsonl
[ "$(jq -r .id "$TMP/out" | paste -sd,)" == "RSK-3" ] || fail "--level critical"
ok cso risk list --level low --format jsonl
[ "$(jq -r .id "$TMP/out" | paste -sd,)" == "RSK-2" ] || fail "--level low"
ok cso risk list --level medium --format jsonl
out_is ""
ok cso risk list --level high,critical --format jsonl
[ "$(jq -r .id "$TMP/out" | paste -sd,)" == "RSK-1,RSK-3" ] || fail "--level high,critical"
printf '[risk]\nbands = { medium = 10, high = 15, critical = 20 }\n' >"$TMP/strict.toml"
ok cso --config "$TMP/strict.toml" risk show RSK-1 --format json
[ "$(json .level)" == "low" ] || fail "score 9 under {10,15,20} is low, got $(json .level)"
ok cso --config "$TMP/strict.toml" risk list --level high --format jsonl
[ "$(jq -r .id "$TMP/out" | paste -sd,)" == "RSK-3" ] || fail "score 16 under {10,15,20} is high"
ok cso --config "$TMP/strict.toml" risk list --level critical --format jsonl
out_is ""
ok cso --config "$TMP/strict.toml" risk list --fields id,level --format csv
out_is "$(printf 'id,level\nRSK-1,low\nRSK-2,low\nRSK-3,high')"

# risk.matrix bounds the ratings.
ok cso --config "$TMP/three.toml" risk add "Three by three" --likelihood 3 --impact 3
expect_exit 2 cso --config "$TMP/three.toml" risk add "Too likely" --likelihood 4 --impact 1
err_has "--likelihood"
err_has "3"
expect_exit 2 cso --config "$TMP/three.toml" risk add "Too bad" --likelihood 1 --impact 4
err_has "--impact"
expect_exit 2 cso --config "$TMP/three.toml" risk assess RSK-1 --likelihood 4 --impact 1
ok cso risk add "Six by six" --likelihood 6 --impact 6
expect_exit 2 cso risk add "Seven" --likelihood 7 --impact 1

# Errors: syntax (file:line:column), unknown keys (named), bad values; every layer; nothing changes.
snapshot
good_user=$(cat "$user_cfg")
printf '[risk]\nmatrix = \n' >"$ws_cfg"
expect_exit 2 cso config list
err_has "$ws_cfg:2:"
grep -Eq "$ws_cfg:2:[0-9]+" "$TMP/err" || fail "no column: $(cat "$TMP/err")"
expect_exit 2 cso risk list
err_has "$ws_cfg:2:"
expect_exit 2 cso risk add "Not added" --likelihood 1 --impact 1
printf '[risk\n' >"$ws_cfg"
expect_exit 2 cso status
err_has "$ws_cfg:1:"
printf 'title = "unterminated\n' >"$ws_cfg"
expect_exit 2 cso risk list
err_has "$ws_cfg:1:"
printf '[&' >"$ws_cfg"
expect_exit 2 cso risk list
err_has "$ws_cfg"
printf 'a = %s%s\n' "$(printf '[%.0s' {1..2000})" "$(printf ']%.0s' {1..2000})" >"$ws_cfg"
expect_exit 2 cso risk list
printf '\xff\xfe = 1\n' >"$ws_cfg"
expect_exit 2 cso risk list
err_has "$ws_cfg"
printf '[risk]\nmatrx = 5\n' >"$ws_cfg"
expect_exit 2 cso risk list
err_has "matrx"
err_has "$ws_cfg:2:"
printf '[risky]\nmatrix = 5\n' >"$ws_cfg"
expect_exit 2 cso risk list
err_has "risky"
printf '[risk]\nbands = { medium = 5, huge = 9 }\n' >"$ws_cfg"
expect_exit 2 cso risk list
err_has "huge"
printf '[risk]\nmatrix = 9\n' >"$ws_cfg"
expect_exit 2 cso risk list
err_has "risk.matrix"
printf '[risk]\nmatrix = "5"\n' >"$ws_cfg"
expect_exit 2 cso risk list
printf '[risk]\nbands = { medium = 12, high = 10, critical = 17 }\n' >"$ws_cfg"
expect_exit 2 cso risk list
err_has "risk.bands"
printf '[risk]\nreview_every = "soon"\n' >"$ws_cfg"
expect_exit 2 cso risk list
err_has "review_every"
printf '[user]\nhandle = "Not A Handle"\n' >"$ws_cfg"
expect_exit 2 cso risk list
: >"$ws_cfg"
printf '[risk]\nmatrix = 4\n[risk]\nmatrix = 5\n' >>"$user_cfg"
expect_exit 2 cso risk list
err_has "$user_cfg:"
echo "$good_user" >"$user_cfg"
printf '[check]\nwarn_within = 14\n' >"$TMP/bad.toml"
expect_exit 2 cso --config "$TMP/bad.toml" risk list
err_has "$TMP/bad.toml:2:"
CSO_CONFIG=$TMP/bad.toml expect_exit 2 cso risk list
err_has "$TMP/bad.toml:2:"
expect_exit 2 cso --config "$TMP/missing.toml" risk list
err_has "$TMP/missing.toml"
unchanged
ok cso risk list
verified

# A config naming a check rule that does not exist is an unknown key too.
printf '[check.rules."risk.untreatd"]\nseverity = "off"\n' >"$ws_cfg"
expect_exit 2 cso config list
err_has "risk.untreatd"
: >"$ws_cfg"

# JSON config values are the values themselves, not TOML text.
ok cso config list --format json
[ "$(json '.[] | select(.key == "risk.review_every") | .value')" == "30d" ] ||
  fail "config list --format json: risk.review_every is $(json '.[] | select(.key == "risk.review_every") | .value | tojson')"
done_ok
