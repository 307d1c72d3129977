#!/usr/bin/env bash
# Which database: --db > CSO_DB > the nearest .cso/cso.db in the working directory or a parent >
# $XDG_DATA_HOME/cso/cso.db. Without one, every command exits 3 naming the path and creates nothing.
source "$(dirname "$0")/lib.bash"
unset CSO_DB
default=$XDG_DATA_HOME/cso/cso.db
mkdir -p "$TMP/ws/a/b"

# Nothing anywhere: every command that needs a database fails, names the path, creates nothing.
listing() { find "$HOME" "$TMP/ws" | sort; }
before=$(listing)
for cmd in "status" "risk list" "risk show RSK-1" "log" "verify" "staff list" \
  "risk add Orphan --likelihood 1 --impact 1" "staff add zoe --name Zoe" "risk import $TMP/none.csv"; do
  # shellcheck disable=SC2086
  (cd "$TMP/ws/a/b" && expect_exit 3 cso $cmd) || exit 1
  checks=$((checks + 1))
  err_has "$default"
  err_has "cso init"
  out_is ""
done
(cd "$TMP/ws/a/b" && expect_exit 3 cso check) || exit 1
checks=$((checks + 1))
err_has "$default"
[ "$(listing)" == "$before" ] || fail "a command created files: $(diff <(echo "$before") <(listing))"
[ ! -e "$XDG_DATA_HOME" ] || fail "$XDG_DATA_HOME was created"

# An explicit path that does not exist: the same, and no parent directory is made either.
for cmd in "status" "check" "risk list" "log" "verify"; do
  # shellcheck disable=SC2086
  expect_exit 3 cso --db "$TMP/nowhere/deep/cso.db" $cmd
  err_has "$TMP/nowhere/deep/cso.db"
  # shellcheck disable=SC2086
  CSO_DB=$TMP/elsewhere/cso.db expect_exit 3 cso $cmd
  err_has "$TMP/elsewhere/cso.db"
done
[ ! -e "$TMP/nowhere" ] && [ ! -e "$TMP/elsewhere" ] || fail "a missing --db/CSO_DB path was created"
# A directory is not a database: a usage error naming it (SPEC §2).
mkdir "$TMP/adir"
expect_exit 2 cso --db "$TMP/adir" risk list
err_has "$TMP/adir is a directory"

# The default place: cso init creates it (and its directories) and prints the path.
ok cso init
out_is "$default"
[ -f "$default" ] || fail "init did not create $default"
ok cso risk add "Personal register" --likelihood 1 --impact 1
ok cso risk list --format jsonl
[ "$(json .title)" == "Personal register" ] || fail "default database"

# A workspace: init --here makes ./.cso/ with the database, config.toml and templates/.
cd "$TMP/ws"
ok cso init --here
out_is "$TMP/ws/.cso/cso.db"
[ -f .cso/cso.db ] || fail "no .cso/cso.db"
[ -f .cso/config.toml ] || fail "no .cso/config.toml"
[ -d .cso/templates ] || fail "no .cso/templates/"
echo '[risk]' >>.cso/config.toml
echo 'review_every = "30d"' >>.cso/config.toml
# From a subdirectory, the nearest .cso/cso.db above is used, not the default one.
cd "$TMP/ws/a/b"
ok cso risk add "Workspace register" --likelihood 1 --impact 1
out_is "RSK-1"
ok cso risk list --format jsonl
[ "$(json .title)" == "Workspace register" ] || fail "the workspace database is used from a subdirectory"
[ "$(sqlite3 "$TMP/ws/.cso/cso.db" "select title from risk")" == "Workspace register" ] || fail "written elsewhere"
[ "$(sqlite3 "$default" "select count(*) from risk")" == "1" ] || fail "the default database changed"
ok cso config get risk.review_every
out_is "30d"
# init --here again: up to date, and the edited config.toml is kept.
cd "$TMP/ws"
ok cso init --here
grep -q 'review_every = "30d"' .cso/config.toml || fail "init --here overwrote config.toml"

# CSO_DB beats the workspace; --db beats CSO_DB.
cd "$TMP/ws/a/b"
ok cso --db "$TMP/env.db" init
out_is "$TMP/env.db"
ok cso --db "$TMP/flag.db" init
CSO_DB=$TMP/env.db ok cso risk add "Env register" --likelihood 1 --impact 1
[ "$(sqlite3 "$TMP/env.db" "select title from risk")" == "Env register" ] || fail "CSO_DB is not used"
CSO_DB=$TMP/env.db ok cso --db "$TMP/flag.db" risk add "Flag register" --likelihood 1 --impact 1
CSO_DB=$TMP/env.db ok cso risk add "Flag register too" --likelihood 1 --impact 1 --db "$TMP/flag.db"
[ "$(sqlite3 "$TMP/flag.db" "select count(*) from risk")" == "2" ] || fail "--db is not used"
[ "$(sqlite3 "$TMP/env.db" "select count(*) from risk")" == "1" ] || fail "--db does not beat CSO_DB"
# A missing --db is an error even when CSO_DB and a workspace exist: no silent fallback.
CSO_DB=$TMP/env.db expect_exit 3 cso --db "$TMP/typo.db" risk list
err_has "$TMP/typo.db"
expect_exit 3 env CSO_DB="$TMP/typo.db" "$CSO" risk list
[ ! -e "$TMP/typo.db" ] || fail "typo.db was created"

# Without XDG_DATA_HOME, the default is ~/.local/share/cso/cso.db.
cd "$TMP"
expect_exit 0 env -u XDG_DATA_HOME "$CSO" risk list --format jsonl
[ "$(json .title)" == "Personal register" ] || fail "HOME/.local/share/cso/cso.db is the default without XDG_DATA_HOME"
XDG_DATA_HOME=$TMP/other expect_exit 3 cso risk list
err_has "$TMP/other/cso/cso.db"
# A relative XDG_DATA_HOME is ignored, as the XDG spec says: the default applies.
expect_exit 0 env XDG_DATA_HOME=relative/dir "$CSO" risk list --format jsonl
[ "$(json .title)" == "Personal register" ] || fail "a relative XDG_DATA_HOME was used"
[ ! -e "$TMP/relative" ] || fail "a relative XDG_DATA_HOME created something"

# A nearer .cso/ that holds no database (say, only a config.toml) does not hide the workspace above
# it, and cso never falls back to the personal database from inside a workspace.
mkdir -p "$TMP/ws/a/.cso"
touch "$TMP/ws/a/.cso/config.toml"
cd "$TMP/ws/a/b"
ok cso risk list --format jsonl
[ "$(json .title)" == "Workspace register" ] ||
  fail "from ws/a/b with an empty ws/a/.cso/, risk list read '$(json .title)', not ws/.cso/cso.db"
done_ok
