#!/usr/bin/env bash
# cso completion fish: the generated script, sourced into fish, answers `complete -C` with
# nouns, verbs (with their summaries), flags, enum values, staff handles and record IDs, and
# not hidden commands, a value as a command, or flags after --.
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" risk add "Vendor breach" --likelihood 3 --impact 4 --owner alice >/dev/null
"$CSO" risk add "Laptop theft" --likelihood 2 --impact 2 >/dev/null
"$CSO" incident open "Phishing" --severity sev3 >/dev/null
mkdir -p "$TMP/bin"
ln -s "$CSO" "$TMP/bin/cso"
export PATH=$TMP/bin:$PATH

ok cso completion fish
cp "$TMP/out" "$TMP/cso.fish"
fish -n "$TMP/cso.fish" || fail "the fish script does not parse"
if [ -f "$(dirname "$CSO")/completions/cso.fish" ]; then
  cmp -s "$(dirname "$CSO")/completions/cso.fish" "$TMP/cso.fish" || fail "build/completions/cso.fish is stale"
fi

# fish_complete LINE: the candidates (without descriptions), sorted, in $TMP/out.
fish_complete() {
  checks=$((checks + 1))
  fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$TMP/cso.fish" "$1" >"$TMP/fish.out" 2>"$TMP/err" ||
    fail "fish failed on '$1': $(cat "$TMP/err")"
  [ ! -s "$TMP/err" ] || fail "fish printed errors on '$1': $(cat "$TMP/err")"
  cut -f1 "$TMP/fish.out" | sort >"$TMP/out"
}
words() { tr '\n' ' ' <"$TMP/out" | sed 's/ $//'; }
expect() {
  fish_complete "$1"
  [ "$(words)" == "$2" ] || fail "fish '$1' offers '$(words)', expected '$2'"
}

expect "cso ri" "risk"
expect "cso risk " "accept add assess close edit history import list matrix reopen review rm show treat"
grep -qP '^show\tshow one risk$' "$TMP/fish.out" || fail "verbs lack their summaries: $(cat "$TMP/fish.out")"
expect "cso risk list --format " "csv json jsonl table tsv"
expect "cso risk list --status " "accepted closed open treating"
expect "cso risk list --level high,c" "high,critical"
expect "cso risk add x --owner " "alice bob"
expect "cso staff offboard bob --reassign-to " "alice bob"
expect "cso risk show " "RSK-1 RSK-2"
expect "cso incident close " "INC-1"
expect "cso incident close INC-1 --outcome t" "true_positive"
expect "cso audit finding add x --incident " "INC-1"
expect "cso risk list --for" "--format"
expect "cso --format risk" ""
expect "cso --json -q risk sh" "show"
expect "cso risk show -- -" ""
expect "cso __" ""
expect "cso --db $TMP/none.db risk show " ""
fish_complete "cso "
out_has "policy"
out_has "completion"
out_lacks "__complete"
out_lacks "__man"

done_ok
