#!/usr/bin/env bash
# A risk import SIGKILLed at any instant leaves a database that passes verify, holding either none or
# all of the file's rows and every change acknowledged before; running the import again completes.
# (Volume is the point: ~300k rows, several kills, then the whole import.)
source "$(dirname "$0")/lib.bash"
fresh
ok cso risk add "Acknowledged before the import" --likelihood 3 --impact 3 --owner alice
out_is "RSK-1"

rows=300000
awk -v n="$rows" 'BEGIN {
  print "title,likelihood,impact,category,description"
  for (i = 1; i <= n; i++) printf "Imported risk %d,%d,%d,cat%d,\"Row %d, quoted\"\n", i, i % 5 + 1, (i * 7) % 5 + 1, i % 10, i
}' >"$TMP/big.csv"

sqlite3 "$CSO_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$CSO_DB" "$TMP/base.db"
base_entries=$(sqlite3 "$CSO_DB" "select count(*) from journal")

# count_is_none_or_all: the risk table and the journal hold the state before the import or after it.
count_is_none_or_all() {
  local risks entries
  risks=$(sqlite3 "$CSO_DB" "select count(*) from risk")
  entries=$(sqlite3 "$CSO_DB" "select count(*) from journal")
  checks=$((checks + 1))
  case "$risks/$entries" in
  "1/$base_entries" | "$((rows + 1))/$((base_entries + rows))") ;;
  *) fail "after a kill at $1 s: $risks risks and $entries journal entries (neither none nor all)" ;;
  esac
  [ "$(sqlite3 "$CSO_DB" "select title from risk where id = 1")" == "Acknowledged before the import" ] ||
    fail "after a kill at $1 s: the change made before the import is gone"
}

for delay in 0.3 0.6 0.9 1.4 2.2; do
  rm -f "$CSO_DB-wal" "$CSO_DB-shm"
  cp "$TMP/base.db" "$CSO_DB"
  "$CSO" risk import "$TMP/big.csv" >"$TMP/import.out" 2>"$TMP/import.err" &
  pid=$!
  sleep "$delay"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  ok cso verify
  count_is_none_or_all "$delay"
  ok cso risk show RSK-1
done

# The interrupted import simply runs again, to completion.
rm -f "$CSO_DB-wal" "$CSO_DB-shm"
cp "$TMP/base.db" "$CSO_DB"
"$CSO" risk import "$TMP/big.csv" >"$TMP/import.out" 2>"$TMP/import.err" &
pid=$!
sleep 0.5
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
ok cso risk import "$TMP/big.csv"
out_has "$rows"
[ "$(sqlite3 "$CSO_DB" "select count(*) from risk")" == "$((rows + 1))" ] || fail "the second import is incomplete"
[ "$(sqlite3 "$CSO_DB" "select count(*) from journal")" == "$((base_entries + rows))" ] || fail "journal entries"
ok cso risk show "RSK-$((rows + 1))" --format json
[ "$(json .title)" == "Imported risk $rows" ] || fail "the last row is RSK-$((rows + 1)): $(json .title)"
[ "$(json .description)" == "Row $rows, quoted" ] || fail "description: $(json .description)"
verified
done_ok
