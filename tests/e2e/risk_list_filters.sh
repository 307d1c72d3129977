#!/usr/bin/env bash
# risk list: every filter, comma lists, multi-key sort, limit; a bad value for any of them exits 2
# naming the flag and changes nothing.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add carol --name "Carol Diaz" --team it >/dev/null

add() { cso risk add "$@" >/dev/null; }
add "Phishing"        --likelihood 2 --impact 2 --owner alice --category people  --review-every 15d  # RSK-1 4 low
add "Ransomware"      --likelihood 4 --impact 5 --owner bob   --category malware                     # RSK-2 20 critical
add "Vendor breach"   --likelihood 3 --impact 4 --owner alice --category vendor  --review-every 7d   # RSK-3 12 high
add "Laptop theft"    --likelihood 1 --impact 5               --category people  --review-every 14d  # RSK-4 5 medium
add "DDoS"            --likelihood 3 --impact 3 --owner bob   --category network --review-every 10d  # RSK-5 9 medium
add "Insider"         --likelihood 4 --impact 4 --owner alice --category people                      # RSK-6 16 high
add "Cloud misconfig" --likelihood 2 --impact 5 --owner carol --category cloud                       # RSK-7 10 high
add "Weak passwords"  --likelihood 1 --impact 1 --owner carol --category access                      # RSK-8 1 low
cso risk close 5 --reason "moved to CDN" >/dev/null
cso risk treat 6 --strategy mitigate --plan "DLP" --due 2027-03-01 >/dev/null
cso risk edit 3 --due 2027-01-15 >/dev/null
cso --as alice risk accept 7 --until +6m --reason "budget" >/dev/null

# is WANT ARGS...: `risk list ARGS` lists exactly the IDs WANT (comma-separated), in that order.
is() {
  local want=$1
  shift
  ok cso risk list --format json "$@"
  local got
  got=$(json 'map(.id) | join(",")')
  checks=$((checks + 1))
  [ "$got" == "$want" ] || fail "risk list $*: got '$got', expected '$want'"
}

is "RSK-1,RSK-2,RSK-3,RSK-4,RSK-5,RSK-6,RSK-7,RSK-8"
is "RSK-1,RSK-2,RSK-3,RSK-4,RSK-8" --status open
is "RSK-5,RSK-6,RSK-7" --status closed,treating,accepted
is "RSK-6" --status treating
is "RSK-1,RSK-3,RSK-6" --owner alice
is "RSK-2,RSK-5,RSK-7,RSK-8" --owner bob,carol
is "" --owner nobody
# Levels use the default bands: medium 5, high 10, critical 17.
is "RSK-1,RSK-8" --level low
is "RSK-4,RSK-5" --level medium
is "RSK-3,RSK-6,RSK-7" --level high
is "RSK-2" --level critical
is "RSK-2,RSK-3,RSK-6,RSK-7" --level high,critical
is "RSK-2,RSK-3,RSK-6,RSK-7" --min-score 10
is "RSK-2,RSK-6" --min-score 16
is "RSK-2" --min-score 17
is "" --min-score 25
is "RSK-1,RSK-4,RSK-6" --category people
is "RSK-2,RSK-7" --category malware,cloud
# --review-due 14d: next review on or before 2026-12-11, closed risks excluded.
is "RSK-3,RSK-4" --review-due 14d
is "RSK-1,RSK-3,RSK-4" --review-due 15d
is "RSK-3" --review-due 1w
# Bands come from config: with medium 3, high 8, critical 15 the levels move.
printf '[risk]\nbands = { medium = 3, high = 8, critical = 15 }\n' >"$TMP/bands.toml"
is "RSK-8" --config "$TMP/bands.toml" --level low
is "RSK-1,RSK-4" --config "$TMP/bands.toml" --level medium
is "RSK-3,RSK-5,RSK-7" --config "$TMP/bands.toml" --level high
is "RSK-2,RSK-6" --config "$TMP/bands.toml" --level critical
[ "$(json '.[1].level')" == "critical" ] || fail "a listed level follows the configured bands"

# Filters combine with AND.
is "RSK-1,RSK-6" --owner alice --category people
is "RSK-6" --owner alice --level high --status treating
is "RSK-3,RSK-6" --owner alice --min-score 10

# Sorting: one key, descending, several keys, then --limit.
is "RSK-2,RSK-6,RSK-3,RSK-7,RSK-5,RSK-4,RSK-1,RSK-8" --sort -score
is "RSK-8,RSK-1,RSK-4,RSK-5,RSK-7,RSK-3,RSK-6,RSK-2" --sort score
is "RSK-8,RSK-7,RSK-6,RSK-5,RSK-4,RSK-3,RSK-2,RSK-1" --sort -id
is "RSK-6,RSK-3,RSK-1,RSK-2,RSK-5,RSK-7,RSK-8" --owner alice,bob,carol --sort owner,-score
is "RSK-8,RSK-7,RSK-5,RSK-2,RSK-1,RSK-3,RSK-6" --owner alice,bob,carol --sort -owner,score
is "RSK-3,RSK-5,RSK-4,RSK-1,RSK-2,RSK-6,RSK-7,RSK-8" --sort next_review,-likelihood,id
# Absent values sort last either way; ties keep ID order.
is "RSK-1,RSK-3,RSK-6,RSK-2,RSK-5,RSK-7,RSK-8,RSK-4" --sort owner
is "RSK-7,RSK-8,RSK-2,RSK-5,RSK-1,RSK-3,RSK-6,RSK-4" --sort -owner
is "RSK-3,RSK-6,RSK-1,RSK-2,RSK-4,RSK-5,RSK-7,RSK-8" --sort due
is "RSK-6,RSK-3,RSK-1,RSK-2,RSK-4,RSK-5,RSK-7,RSK-8" --sort -due
is "RSK-2,RSK-6" --sort -score --limit 2
is "RSK-2" --sort -score --limit 1
is "RSK-1,RSK-2,RSK-3,RSK-4,RSK-5,RSK-6,RSK-7,RSK-8" --limit 100
is "RSK-6,RSK-3" --owner alice --sort -score --limit 2
ok cso risk list --sort -score --limit 3
[ "$(wc -l <"$TMP/out")" == 4 ] || fail "table: header plus 3 rows"
out_has "Ransomware"
out_has "Vendor breach"
out_lacks "Cloud misconfig"

# Bad values: exit 2, the message names the flag, nothing changes.
snapshot
bad() {
  local flag=$1
  shift
  expect_exit 2 cso risk list "$@"
  err_has "$flag"
  err_has "cso: error:"
  [ ! -s "$TMP/out" ] || fail "risk list $*: printed on stdout"
}
bad --status --status bogus
bad --status --status open,bogus
bad --status --status open,,closed
bad --status --status open,
bad --status --status ""
bad --owner --owner "Not A Handle"
bad --owner --owner alice,
bad --level --level extreme
bad --level --level high,severe
bad --level --level HIGH,
bad --min-score --min-score x
bad --min-score --min-score -3
bad --min-score --min-score 2.5
bad --category --category ""
bad --category --category people,,vendor
bad --review-due --review-due soon
bad --review-due --review-due 14
bad --review-due --review-due 2026-12-01x
bad --sort --sort bogus
bad --sort --sort score,nonsense
bad --sort --sort -description
bad --sort --sort ""
bad --sort --sort "score,"
bad --limit --limit 0
bad --limit --limit -1
bad --limit --limit ten
expect_exit 2 cso risk list --sort "score;drop table risks"
err_has "--sort"
expect_exit 2 cso risk list --frobnicate
unchanged

# An overdue review (next_review already past) is due too.
CSO_NOW=2026-01-10T00:00:00Z cso risk add "Forgotten" --likelihood 2 --impact 3 >/dev/null  # RSK-9, review 2026-04-10
is "RSK-9" --review-due 1d
is "RSK-9,RSK-3,RSK-4" --review-due 14d --sort next_review

# A window reaching past 9999-12-31 is refused, naming the flag like any other bad value.
snapshot
bad --review-due --review-due 9000y
unchanged

verified
done_ok
