#!/usr/bin/env bash
# train add|list|show|edit|retire|history: courses with their defaults, validation (exit 2,
# nothing changed), a retired course refusing edits (exit 4 naming the allowed status), and
# the history including the course's assignments.
source "$(dirname "$0")/lib.bash"
fresh

ok cso train add "Security awareness" --every 12m --min-score 80 --description "Phishing and passwords"
out_is "TRN-1"
ok cso train add "Secure coding" --audience team:engineering --due-within 60d --format json
[ "$(json .id)" == "TRN-2" ] || fail "add --format json prints the record"
[ "$(json .audience)" == "team:engineering" ] || fail "audience kept"
[ "$(json .due_within)" == "60d" ] || fail "due_within kept"
[ "$(json .every)" == "null" ] || fail "a one-off course has no recurrence"
[ "$(json .min_score)" == "null" ] || fail "no passing score unless given"
ok cso train show TRN-1 --format json
[ "$(json '[.title, .every, .audience, .due_within, .min_score, .status, .description] | map(tostring) | join("|")')" == \
  "Security awareness|12m|all|30d|80|active|Phishing and passwords" ] || fail "defaults: $(json .)"
ok cso train show 1
out_has "title:       Security awareness"
ok cso train list
out_has "TRN-1  Security awareness  12m"
out_has "TRN-2  Secure coding"
ok cso train list --format json
[ "$(json 'length')" == 2 ] || fail "two courses"

# The configured default due_within.
mkdir -p "$XDG_CONFIG_HOME/cso"
printf '[training]\ndue_within = "14d"\n' >"$XDG_CONFIG_HOME/cso/config.toml"
ok cso train add "Privacy basics" --every none
ok cso train show 3 --format json
[ "$(json .due_within)" == "14d" ] || fail "training.due_within from config"
rm "$XDG_CONFIG_HOME/cso/config.toml"

# Bad values: exit 2 naming the flag, nothing changed.
snapshot
expect_exit 2 cso train add ""
err_has "TITLE"
expect_exit 2 cso train add "X" --every yearly
err_has "--every"
err_has "none"
expect_exit 2 cso train add "X" --min-score 101
err_has "--min-score: '101' is not a score"
expect_exit 2 cso train add "X" --min-score -5
err_has "--min-score"
expect_exit 2 cso train add "X" --audience everyone
err_has "--audience"
expect_exit 2 cso train add "X" --due-within 0d
err_has "--due-within"
expect_exit 2 cso train edit 1
err_has "nothing to change"
expect_exit 2 cso train edit 1 --min-score 1.5
err_has "--min-score"
expect_exit 2 cso train show TRN-x
err_has "ID"
expect_exit 3 cso train show TRN-99
err_has "no course TRN-99"
expect_exit 3 cso train edit 99 --title Y
expect_exit 3 cso train retire 99
expect_exit 3 cso train history 99
unchanged

# Edit: each field, and "none" clears the recurrence and the passing score.
ok cso train edit 2 --title "Secure coding 101" --every 24m --min-score 70 --due-within 45d --audience role:developer
out_is "TRN-2"
ok cso train show 2 --format json
[ "$(json '[.title, .every, .min_score, .due_within, .audience] | map(tostring) | join("|")')" == \
  "Secure coding 101|24m|70|45d|role:developer" ] || fail "edited: $(json .)"
ok cso train edit 2 --every none --min-score none
ok cso train show 2 --format json
[ "$(json .every)" == "null" ] && [ "$(json .min_score)" == "null" ] || fail "none clears: $(json .)"

# Retire: once; a retired course refuses edits, a second retire and assignments.
ok cso train retire TRN-2
out_is "TRN-2"
ok cso train list --status retired
out_has "TRN-2"
out_lacks "TRN-1 "
snapshot
expect_exit 4 cso train retire 2
err_has "TRN-2 is retired; 'train retire' needs a course that is active"
expect_exit 4 cso train edit 2 --title Z
err_has "'train edit' needs a course that is active"
expect_exit 4 cso train assign 2 --staff bob
err_has "'train assign' needs a course that is active"
expect_exit 2 cso train list --status gone
err_has "--status"
unchanged

# History: the course's entries and its assignments', oldest first.
ok cso train assign 1 --staff bob
ok cso train history TRN-1 --format json
[ "$(json '[.[].action] | join(",")')" == "train.add,train.assign" ] || fail "history: $(json '[.[].action]')"
[ "$(json '.[1].record')" == "TRN-1/bob/1" ] || fail "the assignment's entry"
ok cso train history 2 --format json
[ "$(json '[.[].action] | join(",")')" == "train.add,train.edit,train.edit,train.retire" ] || fail "TRN-2 history"

# rm: only with --force; the course and its assignments go, the journal keeps them.
snapshot
expect_exit 2 cso train rm 1
err_has "retire it instead, or add --force"
expect_exit 3 cso train rm 99 --force
unchanged
ok cso train rm TRN-1 --force
out_is "TRN-1"
expect_exit 3 cso train show 1
ok cso log --action train.rm --format json
[ "$(json '[.[].record] | sort | join(",")')" == "TRN-1,TRN-1/bob/1" ] || fail "rm journalled: $(json .)"
ok cso train add "Next"
out_is "TRN-4"
verified
done_ok
