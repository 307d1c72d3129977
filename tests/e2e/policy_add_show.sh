#!/usr/bin/env bash
# policy add|show|list|history|rm: a new policy is a draft v1 with its body's SHA-256; bodies come
# inline, from a file or stdin (at most 1 MiB); show prints the policy, a version (--version) or a
# body (--body). Bad input exits 2 (an unknown owner 3) and changes nothing; rm needs --force.
source "$(dirname "$0")/lib.bash"
fresh

printf '# Access control\n\nUse SSO.\n' >body.md
ok cso --as alice policy add "Access Control Policy" --owner alice --kind standard --body-file body.md \
  --summary "First version" --audience team:security --review-every 6m --tags iso27001,access
out_is "POL-1"
ok cso policy show POL-1 --format json
[ "$(json .id)" == POL-1 ] || fail "id"
[ "$(json .title)" == "Access Control Policy" ] || fail "title"
[ "$(json .kind)" == standard ] || fail "kind"
[ "$(json .owner)" == alice ] || fail "owner"
[ "$(json .status)" == draft ] || fail "a new policy is a draft"
[ "$(json .version)" == 1 ] || fail "version 1"
[ "$(json .pending_version)" == null ] || fail "no pending version"
[ "$(json .review_every)" == 6m ] || fail "review_every"
[ "$(json .audience)" == team:security ] || fail "audience"
[ "$(json .tags)" == iso27001,access ] || fail "tags"
[ "$(json .next_review)" == null ] || fail "no review before publication"

# The version: body, hash, author, summary.
ok cso policy show 1 --version 1 --format json
[ "$(json .key)" == POL-1/v1 ] || fail "version key"
[ "$(json .status)" == draft ] || fail "version status"
[ "$(json .author)" == alice ] || fail "author is the actor"
[ "$(json .summary)" == "First version" ] || fail "summary"
[ "$(json .sha256)" == "$(sha256sum body.md | cut -d' ' -f1)" ] || fail "sha256 of the body"
[ "$(json .body)" == null ] || fail "the body is left out without --body"
ok cso policy show 1 --version v1
out_has "sha256:"
out_lacks "Use SSO"
ok cso policy show 1 --body
cmp -s "$TMP/out" body.md || fail "show --body prints the body exactly"
ok cso policy show 1 --body --format json
[ "$(json .body)" == "$(cat body.md)" ] || fail "show --body --format json has the body"
expect_exit 3 cso policy show 1 --version 2
err_has "POL-1 has no version 2"
expect_exit 2 cso policy show 1 --version two
err_has "--version"
expect_exit 3 cso policy show 9
err_has "POL-9"

# Body from stdin; no body at all is an empty draft.
printf 'From stdin\n' | ok cso --as bob policy add "Acceptable Use" --owner bob --body-file -
out_is "POL-2"
ok cso policy show 2 --body
out_is "From stdin"
ok cso policy add "Empty" --owner bob
out_is "POL-3"
ok cso policy add "Inline" --owner bob --body "Short text" --format json
[ "$(json .id)" == POL-4 ] || fail "add --format json prints the record"

# Bad input changes nothing.
snapshot
head -c 1048577 /dev/zero | tr '\0' 'a' >big.md
expect_exit 2 cso policy add "Too big" --owner alice --body-file big.md
err_has "1048576"
head -c 1048577 /dev/zero | tr '\0' 'a' | expect_exit 2 cso policy add "Too big" --owner alice --body-file -
err_has "--body-file"
printf '\xff\xfe' >bad.md
expect_exit 2 cso policy add "Bad UTF-8" --owner alice --body-file bad.md
err_has "UTF-8"
expect_exit 2 cso policy add "Missing" --owner alice --body-file nowhere.md
err_has "nowhere.md"
expect_exit 2 cso policy add "Both" --owner alice --body x --body-file body.md
err_has "--body"
expect_exit 2 cso policy add "Kind" --owner alice --kind guideline
err_has "--kind"
expect_exit 2 cso policy add "Audience" --owner alice --audience everyone
err_has "--audience"
expect_exit 2 cso policy add "Period" --owner alice --review-every soon
err_has "--review-every"
expect_exit 2 cso policy add "" --owner alice
err_has "TITLE"
expect_exit 2 cso policy add "No owner"
expect_exit 3 cso policy add "Ghost" --owner ghost
err_has "ghost"
expect_exit 2 cso policy add "Tags" --owner alice --tags a,,b
err_has "--tags"
unchanged
# Exactly 1 MiB is accepted.
head -c 1048576 /dev/zero | tr '\0' 'a' >max.md
ok cso policy add "Biggest" --owner alice --body-file max.md
out_is "POL-5"

# list, with filters.
ok cso policy list
out_has "Access Control Policy"
out_has "pending_status"
ok cso policy list --owner bob --format json
[ "$(json 'map(.id) | join(",")')" == "POL-2,POL-3,POL-4" ] || fail "list --owner"
ok cso policy list --kind standard --format json
[ "$(json 'map(.id) | join(",")')" == "POL-1" ] || fail "list --kind"
ok cso policy list --status draft --sort -id --limit 2 --format json
[ "$(json 'map(.id) | join(",")')" == "POL-5,POL-4" ] || fail "list --status --sort --limit"
expect_exit 2 cso policy list --status open
err_has "--status"

# history includes the version.
ok cso policy history 1 --format json
[ "$(json 'map(.record) | join(",")')" == "POL-1,POL-1/v1" ] || fail "history has the policy and its version"

# rm needs --force and removes the versions too.
expect_exit 2 cso policy rm 5
err_has "--force"
ok cso policy rm 5 --force
out_is "POL-5"
expect_exit 3 cso policy show 5
[ "$(sqlite3 "$CSO_DB" "select count(*) from policy_version where policy = 'POL-5'")" == 0 ] || fail "rm removes versions"
ok cso policy add "Next" --owner alice
out_is "POL-6"

# rm checks --force before it reads anything: a missing policy without --force is a usage error
# naming the way out, with --force it is not found; neither changes the database.
snapshot
expect_exit 2 cso policy rm 99
err_has "policy rm POL-99: removing a record is for mistakes; retire it instead, or add --force"
expect_exit 3 cso policy rm 99 --force
unchanged
# Control characters: byte for byte into a file, so show --body > f; edit --body-file f keeps the
# hash; neutralised only on a terminal.
printf '# Raw\r\n\033[31mred\033[0m\tend\n' >raw.md
ok cso --as alice policy add "Raw" --owner alice --body-file raw.md
raw=$(cat "$TMP/out")
ok cso policy show "$raw" --body
cmp -s "$TMP/out" raw.md || fail "show --body into a file is byte for byte"
cp "$TMP/out" again.md
ok cso policy show "$raw" --version 1 --format json
sha=$(json .sha256)
ok cso policy edit "$raw" --body-file again.md --summary "same"
ok cso policy show "$raw" --version 1 --format json
[ "$(json .sha256)" == "$sha" ] || fail "the round trip keeps the hash"
script -qec "$CSO policy show $raw --body" /dev/null >"$TMP/tty" 2>&1 </dev/null
checks=$((checks + 1))
! grep -q $'\033\[31m' "$TMP/tty" || fail "on a terminal the escape is neutralised"
ok cso policy show 1 --versions
out_has "versions: 1"
out_has "First version"
ok cso policy show 1 --format json
[ "$(json '.versions | map(.key) | join(",")')" == "POL-1/v1" ] || fail "show --json has the versions"
[ "$(json '.versions[0].body')" == null ] || fail "version objects leave the body out"
ok cso policy show 1
out_lacks "versions:"
expect_exit 2 cso policy show 1 --versions --body
err_has "--versions"
verified
done_ok
