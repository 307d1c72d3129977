#!/usr/bin/env bash
# Wording and layout people read: one tense per date, `cso help NOUN VERB`, parser errors in
# cso's words, status columns that hold with long IDs, and instants a narrow terminal never cuts.
source "$(dirname "$0")/lib.bash"
fresh
CSO_NOW=2026-11-01T09:00:00Z "$CSO" risk add "Supplier breach" --likelihood 2 --impact 2 --owner bob >/dev/null
CSO_NOW=2026-11-01T09:00:00Z "$CSO" risk add "Old laptops" --likelihood 2 --impact 2 --owner bob >/dev/null
CSO_NOW=2026-11-01T09:00:00Z "$CSO" --as alice risk accept RSK-1 --until 2026-11-20 --reason "insured" >/dev/null
CSO_NOW=2026-11-01T09:00:00Z "$CSO" --as alice risk accept RSK-2 --until 2026-12-01 --reason "replaced soon" >/dev/null
"$CSO" staff cert add bob Security+ --earned 2022-11-01 --expires 2026-11-01 >/dev/null

# Consistent tense: a date that has passed is told in the past, one still ahead in the present.
expect_exit 2 cso check
out_has 'RSK-1 "Supplier breach" acceptance expired 2026-11-20 (7 days ago)'
out_has 'RSK-2 "Old laptops" acceptance expires 2026-12-01 (in 4 days)'
out_has 'bob/cert/Security+ "Security+" expired 2026-11-01 (26 days ago)'
out_lacks "acceptance expires 2026-11-20"

# status: labels in one column ("incidents" is the widest), the attention list's ID column as
# wide as its widest ID, so a certificate's ID does not push the titles.
ok cso status
out_has "  staff     2 active, 0 inactive"
out_has "  incidents 0 in all"
out_has "  CRITICAL bob/cert/Security+ Security+: expired 2026-11-01 (26 days ago)"
out_has "  CRITICAL RSK-1              Supplier breach: acceptance expired 2026-11-20 (7 days ago)"
out_has "  WARNING  RSK-2              Old laptops: acceptance expires 2026-12-01 (in 4 days)"

# `cso help NOUN VERB` is `cso NOUN VERB --help`.
for words in "risk list" "staff cert list" "policy" "audit finding verify"; do
  # shellcheck disable=SC2086
  ok cso $words --help
  cp "$TMP/out" "$TMP/want"
  # shellcheck disable=SC2086
  ok cso help $words
  checks=$((checks + 1))
  cmp -s "$TMP/out" "$TMP/want" || fail "cso help $words differs from cso $words --help"
done
ok cso help risk list
out_has "Usage: cso risk list [OPTIONS]"
expect_exit 2 cso help risk lsit
err_has "cso: error: help: 'lsit' is not a cso risk command; did you mean 'list'?"
expect_exit 2 cso help dates extra
err_has "help: 'dates extra' is neither a topic nor a command"
ok cso help config
out_has "Configuration"

# Parser errors in cso's own words, exit 2, nothing changed.
snapshot
expect_exit 2 cso risk list 1
err_has "cso: error: unexpected argument '1' (see 'cso risk list --help')"
expect_exit 2 cso risk list 1 2
err_has "unexpected argument '1' (see"
expect_exit 2 cso risk list --bogus
err_has "cso: error: unknown option '--bogus' (see 'cso risk list --help')"
expect_exit 2 cso risk add "A title" --likelihood
err_has "cso: error: --likelihood needs a value (see 'cso risk add --help')"
expect_exit 2 cso risk add "A title" --likelihood 1 --likelihood 2 --impact 1
err_has "cso: error: --likelihood was given more than once (see 'cso risk add --help')"
expect_exit 2 cso risk
err_has "cso: error: 'cso risk' needs a command: add, list, show"
expect_exit 2 cso risk show RSK-1 RSK-2
err_has "unexpected argument 'RSK-2' (see 'cso risk show --help')"
expect_exit 2 cso risk ""
err_has "cso: error: '' is not a cso risk command; use one of: add, list"
unchanged
checks=$((checks + 1))
! grep -q "not expected\|At Most\|required TEXT" "$TMP/err" || fail "CLI11's wording leaked"

# A narrow terminal narrows text, never an instant, a date or an ID.
if command -v script >/dev/null; then
  NO_COLOR=1 script -qec "stty cols 40; $CSO log --limit 3" /dev/null >"$TMP/out" 2>&1 </dev/null
  out_has "2026-11-27T09:00:00Z"
  out_has "bob/cert/Security+"
  NO_COLOR=1 script -qec "stty cols 40; $CSO risk list --fields id,title,owner,created" /dev/null >"$TMP/out" 2>&1 </dev/null
  out_has "2026-11-01T09:00:00Z"
  out_has "…"
  NO_COLOR=1 script -qec "stty cols 30; $CSO staff cert list" /dev/null >"$TMP/out" 2>&1 </dev/null
  out_has "2022-11-01"
  out_has "2026-11-01"
fi
verified
done_ok
