#!/usr/bin/env bash
# cso completion zsh: the generated _cso, found through fpath by compinit, driven in a real
# interactive zsh in a pseudo-terminal (zsh/zpty, tests/e2e/zsh_complete.zsh): TAB offers
# nouns, verbs, flags, enum values, staff handles and record IDs, and not hidden commands.
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" risk add "Vendor breach" --likelihood 3 --impact 4 --owner alice >/dev/null
"$CSO" risk add "Laptop theft" --likelihood 2 --impact 2 >/dev/null
"$CSO" incident open "Phishing" --severity sev3 >/dev/null
mkdir -p "$TMP/bin" "$TMP/zfunc"
ln -s "$CSO" "$TMP/bin/cso"
export PATH=$TMP/bin:$PATH

ok cso completion zsh
cp "$TMP/out" "$TMP/zfunc/_cso"
head -n 1 "$TMP/zfunc/_cso" | grep -qx '#compdef cso' || fail "_cso does not start with #compdef cso"
zsh -n "$TMP/zfunc/_cso" || fail "_cso does not parse"
if [ -f "$(dirname "$CSO")/completions/_cso" ]; then
  cmp -s "$(dirname "$CSO")/completions/_cso" "$TMP/zfunc/_cso" || fail "build/completions/_cso is stale"
fi

lines=("cso ri" "cso risk " "cso risk list --format " "cso --format=j" "cso risk list --status "
  "cso risk add x --owner " "cso risk show " "cso incident close " "cso incident close INC-1 --outcome "
  "cso risk list --for" "cso " "cso --format risk" "cso --json -q risk sh" "cso risk show -- -"
  "cso audit finding add x --incident " "cso --db $TMP/none.db risk show ")
zsh "$CSO_TESTS_DIR/e2e/zsh_complete.zsh" "$TMP/zfunc" "$TMP/zsh.out" "${lines[@]}" ||
  fail "the zsh session did not complete"
# matches LINE: the matches offered for LINE, space-separated.
matches() { awk -v want="== $1" '/^== /{on = ($0 == want); next} on' "$TMP/zsh.out" | tr '\n' ' ' | sed 's/ $//'; }
expect() {
  checks=$((checks + 1))
  [ "$(matches "$1")" == "$2" ] || fail "zsh '$1' offers '$(matches "$1")', expected '$2'"
}
expect "cso ri" "risk"
expect "cso risk " "accept add assess close edit history import list matrix reopen review rm show treat"
expect "cso risk list --format " "csv json jsonl table tsv"
expect "cso --format=j" "json jsonl"
expect "cso risk list --status " "accepted closed open treating"
expect "cso risk add x --owner " "alice bob"
expect "cso risk show " "RSK-1 RSK-2"
expect "cso incident close " "INC-1"
expect "cso incident close INC-1 --outcome " "benign duplicate false_positive indeterminate true_positive"
expect "cso risk list --for" "--format"
expect "cso --format risk" ""
expect "cso --json -q risk sh" "show"
expect "cso risk show -- -" ""
expect "cso audit finding add x --incident " "INC-1"
expect "cso --db $TMP/none.db risk show " ""
checks=$((checks + 1))
all=$(matches "cso ")
[[ " $all " == *" policy "* && " $all " == *" completion "* ]] || fail "zsh 'cso ' offers '$all'"
[[ $all != *__complete* && $all != *__man* ]] || fail "zsh offers a hidden command: $all"

done_ok
