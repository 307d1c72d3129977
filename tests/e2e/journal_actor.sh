#!/usr/bin/env bash
# Who is acting: --as > CSO_ACTOR > config user.handle > the login name made into a handle.
source "$(dirname "$0")/lib.bash"
fresh

ok cso --as bob risk add "One" --likelihood 1 --impact 1
ok cso log RSK-1 --format jsonl
[ "$(json .actor)" == "bob" ] || fail "--as"

ok cso risk add "Two" --likelihood 1 --impact 1
ok cso log RSK-2 --format jsonl
[ "$(json .actor)" == "tester" ] || fail "CSO_ACTOR"

mkdir -p "$XDG_CONFIG_HOME/cso"
printf '[user]\nhandle = "carol"\n' >"$XDG_CONFIG_HOME/cso/config.toml"
unset CSO_ACTOR
ok cso risk add "Three" --likelihood 1 --impact 1
ok cso log RSK-3 --format jsonl
[ "$(json .actor)" == "carol" ] || fail "user.handle"
rm "$XDG_CONFIG_HOME/cso/config.toml"

# A login name that is not a handle is made into one; commands never fail because of it.
USER=John.Doe ok cso risk add "Four" --likelihood 1 --impact 1
ok cso log RSK-4 --format jsonl
[ "$(json .actor)" == "john.doe" ] || fail "login name: $(json .actor)"
USER='Jane Q' ok cso status
ok cso log --limit 1 --format jsonl

# An explicit actor must be a handle: exit 2, nothing written.
snapshot
expect_exit 2 cso --as "Not A Handle" risk add "Five" --likelihood 1 --impact 1
err_has "--as"
CSO_ACTOR='Bad Name' expect_exit 2 cso risk add "Five" --likelihood 1 --impact 1
err_has "CSO_ACTOR"
unchanged

# risk accept records the actor as the approver.
ok cso --as alice risk accept RSK-1 --until +90d --reason "Cheap to live with"
ok cso risk show RSK-1 --format json
[ "$(json .accepted_by)" == "alice" ] || fail "accepted_by"
verified
done_ok
