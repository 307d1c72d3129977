#!/usr/bin/env bash
# Sixteen cso processes writing at once all succeed: 16 × 20 risks, distinct IDs, one journal entry
# each, an intact chain.
source "$(dirname "$0")/lib.bash"
fresh

writer() {
  local p=$1 i rc=0
  for i in $(seq 20); do
    "$CSO" risk add "Writer $p risk $i" --likelihood $((i % 5 + 1)) --impact $((p % 5 + 1)) --owner alice \
      >>"$TMP/ids.$p" 2>>"$TMP/err.$p" || rc=$?
  done
  echo "$rc" >"$TMP/rc.$p"
}
for p in $(seq 16); do
  writer "$p" &
done
wait

for p in $(seq 16); do
  checks=$((checks + 1))
  [ "$(cat "$TMP/rc.$p")" == 0 ] || fail "writer $p failed (exit $(cat "$TMP/rc.$p")): $(head -c 500 "$TMP/err.$p")"
  [ ! -s "$TMP/err.$p" ] || fail "writer $p printed errors: $(head -c 500 "$TMP/err.$p")"
  [ "$(wc -l <"$TMP/ids.$p")" == 20 ] || fail "writer $p printed $(wc -l <"$TMP/ids.$p") IDs"
done
checks=$((checks + 1))
[ "$(cat "$TMP"/ids.* | sort -u | wc -l)" == 320 ] || fail "IDs are not distinct"
[ "$(cat "$TMP"/ids.* | sort -t- -k2 -n | paste -sd' ')" == "$(seq -f 'RSK-%g' 320 | paste -sd' ')" ] ||
  fail "IDs are not RSK-1..RSK-320"
[ "$(sqlite3 "$CSO_DB" "select count(*) from risk")" == 320 ] || fail "risk count"
ok cso risk list --format jsonl
[ "$(wc -l <"$TMP/out")" == 320 ] || fail "risk list shows $(wc -l <"$TMP/out")"
# Each writer's risks are all there, under the IDs it was told.
for p in 1 8 16; do
  checks=$((checks + 1))
  [ "$(grep -c "\"Writer $p risk" "$TMP/out")" == 20 ] || fail "writer $p's risks"
  id=$(sed -n 7p "$TMP/ids.$p")
  "$CSO" risk show "$id" --format json | jq -e --arg t "Writer $p risk 7" '.title == $t' >/dev/null ||
    fail "$id is not writer $p's 7th risk"
done
ok cso log --action risk.add --format jsonl
[ "$(wc -l <"$TMP/out")" == 320 ] || fail "one journal entry per risk"
[ "$(jq -r .seq "$TMP/out" | sort -n | uniq | wc -l)" == 320 ] || fail "journal seqs are distinct"
verified

# Readers while writers write: verify and check see one consistent snapshot, never a false alarm.
{
  echo "title,likelihood,impact"
  for i in $(seq 3000); do echo "Imported $i,1,1"; done
} >"$TMP/bulk.csv"
ok cso risk import "$TMP/bulk.csv"
(
  for i in $(seq 100); do
    [ ! -e "$TMP/stop" ] || break
    "$CSO" risk add "Late $i" --likelihood 1 --impact 1 >/dev/null || echo "add $i failed"
  done
) >"$TMP/late.out" 2>&1 &
late=$!
trap 'touch "$TMP/stop"; wait; rm -rf "$TMP"' EXIT
for i in $(seq 10); do
  ok cso verify
  ok cso check --only journal.integrity
  ok cso risk list --limit 5
done
wait "$late"
checks=$((checks + 1))
[ ! -s "$TMP/late.out" ] || fail "writers failed beside readers: $(head -c 500 "$TMP/late.out")"
verified
done_ok
