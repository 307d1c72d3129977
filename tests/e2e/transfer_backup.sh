#!/usr/bin/env bash
# `cso backup PATH` copies the database through SQLite's online backup API while another process
# writes: the copy verifies on its own, is 0600, and no temporary file is left. An existing PATH
# is refused (4) unless --force; the database itself, a directory (2).
source "$(dirname "$0")/lib.bash"
fresh

# Some megabytes, so that the copy takes many steps while the writer commits between them.
{
  echo "title,likelihood,impact,owner,description"
  for i in $(seq 20000); do
    echo "Risk number $i,$((i % 5 + 1)),$((i % 3 + 1)),alice,$(printf 'a long description %.0s' 1 2 3 4 5)"
  done
} >"$TMP/risks.csv"
ok cso risk import "$TMP/risks.csv"

# A writer in the background until told to stop.
writer() {
  local i=0 rc=0
  while [ ! -e "$TMP/stop" ]; do
    i=$((i + 1))
    "$CSO" risk add "Written during the backup $i" --likelihood 2 --impact 2 >/dev/null 2>>"$TMP/writer.err" || rc=$?
  done
  echo "$i $rc" >"$TMP/writer.rc"
}
writer &
sleep 0.3
umask 022
copy=$TMP/copy1.db
ok cso backup "$copy"
backup_head=$(cat "$TMP/out")
[[ $backup_head =~ ^[0-9a-f]{64}$ ]] || fail "backup prints the copy's journal head, got '$backup_head'"
err_has "verified the copy"
err_has "$copy"
ok cso backup "$TMP/copy2.db"
touch "$TMP/stop"
wait
read -r writes rc <"$TMP/writer.rc"
checks=$((checks + 1))
[ "$rc" == 0 ] || fail "the writer failed during the backup: $(head -c 500 "$TMP/writer.err")"
[ "$writes" -gt 1 ] || fail "the writer did not get to write during the backup ($writes)"

# The copy is a database of its own that verifies, with the head the backup printed.
[ "$(stat -c %a "$copy")" == 600 ] || fail "the copy is mode $(stat -c %a "$copy"), not 600"
ls -a "$TMP" | grep -q '\.tmp-' && fail "a temporary file was left beside the copy"
checks=$((checks + 1))
CSO_DB=$copy ok cso verify
out_is "$backup_head"
CSO_DB=$copy ok cso risk list --format jsonl
[ "$(wc -l <"$TMP/out")" -ge 20002 ] || fail "the copy lacks risks"
# The original went on: it has at least as many entries as the copy.
ok cso verify
[ "$(sqlite3 "$CSO_DB" 'select count(*) from journal')" -ge "$(sqlite3 "$copy" 'select count(*) from journal')" ] ||
  fail "the copy is ahead of the original"

# An existing path is refused, and left as it was; --force replaces it.
echo "precious" >"$TMP/existing"
expect_exit 4 cso backup "$TMP/existing"
err_has "already exists"
err_has "--force"
[ "$(cat "$TMP/existing")" == precious ] || fail "the existing file was changed"
ok cso risk add "One more" --likelihood 1 --impact 1
ok cso backup --force "$TMP/existing"
ok cso verify
now_head=$(cat "$TMP/out")
CSO_DB=$TMP/existing ok cso verify
out_is "$now_head"
[ "$(stat -c %a "$TMP/existing")" == 600 ] || fail "the replaced copy is not 600"

# Neither the database itself nor a directory.
expect_exit 2 cso backup --force "$CSO_DB"
err_has "the database itself"
expect_exit 2 cso backup "$TMP"
err_has "is a directory"
# A missing database is still exit 3.
CSO_DB=$TMP/none.db expect_exit 3 cso backup "$TMP/x.db"
[ ! -e "$TMP/x.db" ] || fail "a copy of nothing was written"
checks=$((checks + 1))
done_ok
