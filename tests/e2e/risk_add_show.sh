#!/usr/bin/env bash
# risk add prints the ID alone; show, list and JSON render it; bad input exits 2 and changes nothing.
source "$(dirname "$0")/lib.bash"
fresh

ok cso risk add "Ransomware on file servers" --likelihood 4 --impact 5 --owner alice --category malware
out_is "RSK-1"
ok cso risk show 1 --format json
[ "$(json .id)" == "RSK-1" ] || fail "id"
[ "$(json .score)" == "20" ] || fail "score"
[ "$(json .level)" == "critical" ] || fail "level"
[ "$(json .status)" == "open" ] || fail "status"
[ "$(json .next_review)" == "2027-02-25" ] || fail "next_review is $(json .next_review)"
[ "$(json .created)" == "2026-11-27T09:00:00Z" ] || fail "created"
[ "$(json .plan)" == "null" ] || fail "absent values are null"
ok cso risk show rsk-1
out_has "Ransomware on file servers"

snapshot
expect_exit 2 cso risk add "Bad" --likelihood 9 --impact 1
err_has "--likelihood"
expect_exit 2 cso risk add "Bad" --likelihood 2 --impact x
err_has "--impact"
expect_exit 2 cso risk add "Bad" --likelihood 2
expect_exit 2 cso risk add "Bad" --likelihood 2 --impact 2 --review-every soon
err_has "--review-every"
expect_exit 3 cso risk add "Bad" --likelihood 2 --impact 2 --owner nobody
err_has "nobody"
expect_exit 2 cso risk add "Bad" --likelihood 2 --impact 2 --owner "Not A Handle"
expect_exit 2 cso risk add "$(printf 'bad\xff')" --likelihood 2 --impact 2
err_has "UTF-8"
expect_exit 3 cso risk show RSK-99
err_has "RSK-99"
expect_exit 2 cso risk show POL-1
expect_exit 2 cso risk frobnicate
expect_exit 2 cso risk add "x" --likelihood 1 --impact 1 --bogus
unchanged

ok cso risk add "Phishing" --likelihood 2 --impact 2 --format json
[ "$(json .id)" == "RSK-2" ] || fail "json add prints the record"

# A review period that puts the first review past 9999-12-31 is refused, naming the flag.
snapshot
expect_exit 2 cso risk add "Far" --likelihood 2 --impact 2 --review-every 9000y
err_has "--review-every"
unchanged
verified
done_ok
