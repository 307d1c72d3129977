#!/usr/bin/env bash
# risk import at volume: 100000 generated rows import in one go, every one is listed and journalled,
# and verify passes; a bad last row still imports nothing.
source "$(dirname "$0")/lib.bash"
fresh

n=100000
awk -v n="$n" 'BEGIN {
  print "title,likelihood,impact,owner,category,description,due"
  for (i = 1; i <= n; i++) {
    owner = (i % 3 == 0) ? "alice" : (i % 3 == 1) ? "bob" : ""
    printf "\"Risk %d, generated\",%d,%d,%s,cat%d,\"Row %d says \"\"hi\"\"\",2027-%02d-%02d\n", \
      i, i % 5 + 1, (i / 5) % 5 + 1, owner, i % 7, i, i % 12 + 1, i % 28 + 1
  }
}' >"$TMP/big.csv"
[ "$(wc -l <"$TMP/big.csv")" == $((n + 1)) ] || fail "generator"

# All or none at volume: a bad final row leaves the register empty.
cp "$TMP/big.csv" "$TMP/big-bad.csv"
echo '"Last one",3,6,,,,' >>"$TMP/big-bad.csv"
snapshot
expect_exit 2 cso risk import "$TMP/big-bad.csv"
err_has "big-bad.csv:$((n + 2)): column 3 (impact)"
unchanged

ok cso risk import "$TMP/big.csv"
out_is "$n"
checks=$((checks + 1))
[ "$("$CSO" risk list --format jsonl | wc -l)" == "$n" ] || fail "risk list does not list $n risks"
ok cso risk show "RSK-$n" --format json
[ "$(json .title)" == "Risk $n, generated" ] || fail "last row's title"
[ "$(json .description)" == "Row $n says \"hi\"" ] || fail "last row's description"
ok cso risk list --owner alice --category cat0 --format jsonl
[ "$(wc -l <"$TMP/out")" == "$(awk -v n="$n" 'BEGIN { c = 0; for (i = 1; i <= n; i++) if (i % 3 == 0 && i % 7 == 0) c++; print c }')" ] ||
  fail "a filtered count"
ok cso log --action risk.import --limit 3 --format json
[ "$(json 'length')" == 3 ] || fail "the journal has the imported rows"
ok cso risk add "One more" --likelihood 1 --impact 1
out_is "RSK-$((n + 1))"
verified
done_ok
