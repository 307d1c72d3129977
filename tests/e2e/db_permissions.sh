#!/usr/bin/env bash
# The database is private whatever the umask (file and -wal/-shm 0600, new directories 0700), in WAL
# mode; init on an up-to-date database changes nothing; a file that is not a cso database is refused.
source "$(dirname "$0")/lib.bash"
mode() { stat -c %a "$1"; }
expect_mode() {
  checks=$((checks + 1))
  [ -e "$2" ] || fail "$2 does not exist"
  [ "$(mode "$2")" == "$1" ] || fail "$2 has mode $(mode "$2"), expected $1"
}

umask 000
export CSO_DB=$TMP/private/nested/cso.db
ok cso init
out_is "$CSO_DB"
expect_mode 600 "$CSO_DB"
expect_mode 700 "$TMP/private/nested"
expect_mode 700 "$TMP/private"
[ "$(sqlite3 "$CSO_DB" "PRAGMA journal_mode")" == "wal" ] || fail "journal_mode is not wal"
[ "$(sqlite3 "$CSO_DB" "PRAGMA user_version")" -ge 1 ] || fail "no schema version"

# A write: no file it leaves behind is readable by others.
ok cso staff add alice --name "Alice Moreau"
for f in "$CSO_DB" "$CSO_DB-wal" "$CSO_DB-shm"; do
  [ ! -e "$f" ] || expect_mode 600 "$f"
done

# While cso is writing (a long import: rollback journal when it has the file to itself, WAL
# otherwise), every companion file it has is 0600; afterwards the file is back in WAL mode.
awk 'BEGIN { print "title,likelihood,impact"; for (i = 1; i <= 20000; i++) printf "Risk %d,%d,%d\n", i, i % 5 + 1, i % 3 + 1 }' \
  >"$TMP/risks.csv"
"$CSO" risk import "$TMP/risks.csv" >"$TMP/import.out" 2>&1 &
pid=$!
seen=0
for _ in $(seq 400); do
  for f in "$CSO_DB-journal" "$CSO_DB-wal" "$CSO_DB-shm"; do
    m=$(mode "$f" 2>/dev/null || echo gone)
    if [ "$m" != gone ]; then
      checks=$((checks + 1))
      [ "$m" == 600 ] || fail "$f has mode $m while cso writes"
      seen=1
    fi
  done
  [ "$seen" == 1 ] && break
  sleep 0.01
done
wait "$pid" || fail "the import failed: $(cat "$TMP/import.out")"
[ "$seen" == 1 ] || fail "never saw a -journal, -wal or -shm file during the import"
[ "$(sqlite3 "$CSO_DB" "PRAGMA journal_mode")" == "wal" ] || fail "journal_mode is not wal after an import"
expect_mode 600 "$CSO_DB"
[ "$(sqlite3 "$CSO_DB" "select count(*) from risk")" == "20000" ] || fail "import count"

# The default place and a workspace get the same treatment.
unset CSO_DB
ok cso init
expect_mode 600 "$XDG_DATA_HOME/cso/cso.db"
expect_mode 700 "$XDG_DATA_HOME/cso"
mkdir "$TMP/ws"
(cd "$TMP/ws" && "$CSO" init --here >/dev/null 2>&1) || fail "init --here"
expect_mode 600 "$TMP/ws/.cso/cso.db"
expect_mode 700 "$TMP/ws/.cso"
export CSO_DB=$TMP/private/nested/cso.db
umask 022

# init on an existing, current database says so and changes nothing.
snapshot
ok cso init
out_is "$CSO_DB"
err_has "up to date"
unchanged
expect_exit 4 cso init --demo
unchanged
verified

# A SQLite file that is not a cso database is refused, not used, and left alone.
sqlite3 "$TMP/other.db" "create table notes(body text); insert into notes values ('keep me')"
other_before=$(sqlite3 "$TMP/other.db" .dump | sha256sum)
for cmd in "risk list" "status" "log" "verify" "risk add Intruder --likelihood 1 --impact 1"; do
  # shellcheck disable=SC2086
  expect_exit 1 cso --db "$TMP/other.db" $cmd
  err_has "not a cso database"
  err_has "$TMP/other.db"
done
expect_exit 3 cso --db "$TMP/other.db" check
err_has "not a cso database"
# A file that is not SQLite at all.
echo "just text" >"$TMP/text.db"
expect_exit 1 cso --db "$TMP/text.db" risk list
err_has "$TMP/text.db"
[ "$(cat "$TMP/text.db")" == "just text" ] || fail "the text file was changed"
expect_exit 1 cso --db "$TMP/text.db" init
[ "$(cat "$TMP/text.db")" == "just text" ] || fail "init changed the text file"
[ "$(sqlite3 "$TMP/other.db" .dump | sha256sum)" == "$other_before" ] || fail "another application's database changed"

# A database from a newer cso is refused, by every command, init included.
cp "$CSO_DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 999"
expect_exit 1 cso --db "$TMP/newer.db" risk list
err_has "999"
expect_exit 1 cso --db "$TMP/newer.db" init
err_has "999"

# init does not turn another application's database into a cso database.
expect_exit 1 cso --db "$TMP/other.db" init
err_has "$TMP/other.db"
[ "$(sqlite3 "$TMP/other.db" .dump | sha256sum)" == "$other_before" ] || fail "init changed another application's database"
done_ok
