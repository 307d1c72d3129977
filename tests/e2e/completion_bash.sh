#!/usr/bin/env bash
# cso completion bash: the generated script, sourced into bash with bash-completion loaded,
# completes nouns, verbs, flags, enum values, staff handles and record IDs from the database
# (through the hidden `cso __complete`), and not what it must not (hidden commands, a
# value-taking flag's value as a command, flags after --). Unknown shells exit 2.
source "$(dirname "$0")/lib.bash"
fresh
"$CSO" risk add "Vendor breach" --likelihood 3 --impact 4 --owner alice >/dev/null
"$CSO" risk add "Laptop theft" --likelihood 2 --impact 2 >/dev/null
for i in $(seq 3 12); do "$CSO" risk add "Risk $i" --likelihood 1 --impact 1 >/dev/null; done
"$CSO" incident open "Phishing" --severity sev3 >/dev/null
mkdir -p "$TMP/bin"
ln -s "$CSO" "$TMP/bin/cso"
export PATH=$TMP/bin:$PATH

ok cso completion bash
cp "$TMP/out" "$TMP/cso.bash"
bash -n "$TMP/cso.bash" || fail "the bash script does not parse"
if [ -f "$(dirname "$CSO")/completions/cso.bash" ]; then
  cmp -s "$(dirname "$CSO")/completions/cso.bash" "$TMP/cso.bash" || fail "build/completions/cso.bash is stale"
fi
expect_exit 2 cso completion tcsh
err_has "bash, zsh, fish"
expect_exit 2 cso completion
expect_exit 2 cso --format json completion bash

set +eu
source /usr/share/bash-completion/bash_completion
source "$TMP/cso.bash"

# complete WORD...: completes the last word (give "" for a new one) as bash would split the
# line; the candidates, sorted, land in $TMP/out for out_has/out_is.
complete_words() {
  COMP_WORDS=(cso "$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  # The line as typed: bash splits "--format=c" into "--format" "=" "c".
  COMP_LINE=cso
  local i
  for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
    if [ "${COMP_WORDS[i]}" == "=" ] || [ "${COMP_WORDS[i - 1]}" == "=" ]; then
      COMP_LINE+=${COMP_WORDS[i]}
    else
      COMP_LINE+=" ${COMP_WORDS[i]}"
    fi
  done
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _cso
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort >"$TMP/out"
}
words() { tr '\n' ' ' <"$TMP/out" | sed 's/ $//'; }

complete_words ri
out_is "risk"
complete_words ""
out_has "policy"
out_has "completion"
out_lacks "__complete"
out_lacks "__man"
complete_words __
out_is ""
complete_words risk ""
[ "$(words)" == "accept add assess close edit history import list matrix reopen review rm show treat" ] ||
  fail "risk verbs: $(words)"
complete_words audit finding v
out_is "verify"
complete_words risk list --format ""
[ "$(words)" == "csv json jsonl table tsv" ] || fail "formats: $(words)"
complete_words risk list --format j
[ "$(words)" == "json jsonl" ] || fail "formats j: $(words)"
complete_words risk list --format = c
out_is "csv"
complete_words risk list --status ""
[ "$(words)" == "accepted closed open treating" ] || fail "risk statuses: $(words)"
complete_words risk list --level high,c
out_is "high,critical"
complete_words incident open x --severity ""
[ "$(words)" == "sev1 sev2 sev3 sev4" ] || fail "severities: $(words)"
complete_words incident close INC-1 --outcome f
out_is "false_positive"
complete_words audit finding add x --grade ""
out_has "major_nc"
complete_words risk treat RSK-1 --strategy m
out_is "mitigate"
complete_words --color a
[ "$(words)" == "always auto" ] || fail "colors: $(words)"
complete_words help ex
out_is "exit-codes"

# Staff handles after owner-like flags, from the database.
complete_words risk add x --owner ""
[ "$(words)" == "alice bob" ] || fail "owners: $(words)"
complete_words risk add x --owner a
out_is "alice"
complete_words incident open x --lead ""
[ "$(words)" == "alice bob" ] || fail "leads: $(words)"
complete_words staff offboard bob --reassign-to ""
[ "$(words)" == "alice bob" ] || fail "reassign-to: $(words)"
complete_words policy ack POL-1 --staff alice,b
out_is "alice,bob"
complete_words --as ""
[ "$(words)" == "alice bob" ] || fail "--as: $(words)"
complete_words staff show ""
[ "$(words)" == "alice bob" ] || fail "staff show: $(words)"
complete_words staff add ""
out_is ""

# Record IDs after verbs that take one.
complete_words risk show ""
[ "$(words)" == "$(printf 'RSK-%s\n' $(seq 1 12) | sort | tr '\n' ' ' | sed 's/ $//')" ] || fail "risk IDs: $(words)"
complete_words risk show RSK-1
[ "$(words)" == "RSK-1 RSK-10 RSK-11 RSK-12" ] || fail "RSK-1 prefix: $(words)"
complete_words risk close 1
[ "$(words)" == "1 10 11 12" ] || fail "bare numbers: $(words)"
complete_words incident close ""
out_is "INC-1"
complete_words audit finding add x --incident ""
out_is "INC-1"
complete_words policy approve ""
out_is ""

# A value is not a command; flags are not offered after --; options fall through to globals.
complete_words --db "$CSO_DB" risk show RSK-2
out_is "RSK-2"
complete_words --format risk
out_is ""
complete_words --json -q risk sh
out_is "show"
complete_words --format=json risk sh
out_is "show"
complete_words risk add x --owner alice -- --o
out_lacks "--owner"
complete_words risk add x --owner alice --
out_has "--owner"
complete_words risk show -- -
out_is ""
complete_words risk add x --own
out_is "--owner"
complete_words risk list --for
out_is "--format"
complete_words risk show RSK-1 ""
out_lacks "RSK-1"

# --db on the line is the database asked; no database at all: nothing, no error.
"$CSO" --db "$TMP/other.db" init >/dev/null 2>&1
complete_words --db "$TMP/other.db" risk show ""
out_is ""
complete_words --db "$TMP/none.db" risk show ""
out_is ""
set -eu

# __complete itself: keys one a line; silent exit 0 without a database or with nonsense.
ok cso __complete handles ""
out_is "$(printf 'alice\nbob')"
ok cso __complete ids INC ""
out_is "INC-1"
ok cso __complete ids INC inc-
out_is "inc-1"
ok cso --db "$TMP/none.db" __complete ids RSK ""
out_is ""
[ ! -s "$TMP/err" ] || fail "__complete without a database printed an error"
[ ! -e "$TMP/none.db" ] || fail "__complete created a database"
CSO_DB=$TMP ok cso __complete handles ""
out_is ""
[ ! -s "$TMP/err" ] || fail "__complete on a directory printed an error"
ok cso __complete ids XYZ 1
ok cso __complete --bogus
ok cso --config "$TMP/missing.toml" __complete handles ""
[ ! -s "$TMP/err" ] || fail "__complete with a missing config printed an error"
expect_exit 2 cso risk add __complete
err_has "--likelihood"
ok cso help
out_lacks "__complete"
out_lacks "__man"

done_ok
