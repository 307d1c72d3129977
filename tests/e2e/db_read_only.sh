#!/usr/bin/env bash
# A database the user may read but not write (SPEC §2): reading commands work, opened
# read-only; a write fails saying the file is read-only and changes nothing. `--db` naming a
# directory, or empty, is a usage error; `verify` on a file that is not a database exits 5.
source "$(dirname "$0")/lib.bash"
fresh
ok cso risk add "Phishing" --likelihood 3 --impact 3 --owner alice
ok cso policy add "Acceptable use" --owner alice --body "Be kind."

# Someone else's program, readable by all, in a directory only its owner writes. As root
# (CI), the reader is nobody; as anyone else, the files lose their write bits.
mkdir "$TMP/shared"
cp "$CSO_DB" "$TMP/shared/cso.db"
db=$TMP/shared/cso.db
if [ "$(id -u)" == 0 ]; then
  chmod 711 "$TMP"
  chmod 755 "$TMP/shared"
  chmod 644 "$db"
  # The build tree may sit where nobody cannot reach (a clone under /root): run a copy.
  cp "$CSO" "$TMP/cso-reader"
  chmod 755 "$TMP/cso-reader"
  reader() {
    setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/ CSO_DB="$db" CSO_NOW="$CSO_NOW" \
      "$TMP/cso-reader" "$@"
  }
else
  chmod 555 "$TMP/shared"
  chmod 444 "$db"
  reader() { CSO_DB="$db" "$CSO" "$@"; }
fi
before=$(sha256sum <"$db")
for cmd in "risk list" "risk show RSK-1" "policy list" "status" "log" "verify" "risk history RSK-1"; do
  # shellcheck disable=SC2086
  ok reader $cmd
done
ok reader risk list --format json
[ "$(json '.[0].id')" == "RSK-1" ] || fail "the read-only list lacks RSK-1"
ok reader check --only risk.review_overdue
out_has "CSO OK"
expect_exit 1 reader risk add "Intruder" --likelihood 1 --impact 1
err_has "$db is read-only for you: cso can read it but not change it"
[ "$(sha256sum <"$db")" == "$before" ] || fail "the read-only database changed"
[ ! -e "$db-wal" ] || fail "a -wal file was made beside the read-only database"

# A directory where the database file belongs, and an empty --db.
mkdir "$TMP/adir"
expect_exit 2 cso --db "$TMP/adir" risk list
err_has "$TMP/adir is a directory, not a database file"
CSO_DB=$TMP/adir expect_exit 2 cso status
err_has "is a directory"
expect_exit 2 cso --db "$TMP/adir" init
err_has "is a directory"
expect_exit 2 cso --db "" risk list
err_has "--db: the path is empty"
CSO_DB= expect_exit 3 cso risk list  # an empty CSO_DB is unset, as for every variable
err_has "no database at $HOME/.local/share/cso/cso.db"

# verify: a file that is not a database at all, or a truncated one, is damage (exit 5).
echo "just text" >"$TMP/text.db"
expect_exit 5 cso --db "$TMP/text.db" verify
err_has "file is not a database"
head -c 8192 "$CSO_DB" >"$TMP/cut.db"
expect_exit 5 cso --db "$TMP/cut.db" verify
err_has "malformed"
done_ok
