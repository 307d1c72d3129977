#!/usr/bin/env bash
# train import: an LMS export (handle or email, completed_on, score) records completions and
# failed attempts for the course, all rows or none; prints counts (completed, failed attempts,
# unchanged), so importing the same file again changes nothing; a bad row exits 2 naming its
# line and column and imports nothing.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add carol --name "Carol Nguyen" --email Carol@Kestrel.example >/dev/null
cso staff add dan --name "Dan Kowalski" --email dan@kestrel.example >/dev/null
cso train add "Security awareness" --every 12m --min-score 80 >/dev/null
cso train add "Secure coding" >/dev/null
cso train sync >/dev/null

cat >"$TMP/lms.csv" <<'CSV'
handle,completed_on,score
alice,2026-11-20,92
bob,2026-11-21,55
carol,2026-11-22,80
CSV
ok cso train import TRN-1 "$TMP/lms.csv"
out_is "2 completed, 1 failed attempt, 0 unchanged"
ok cso train status 1 --format json
[ "$(json '.people | map(.staff + ":" + .assignments["TRN-1"].state) | join(",")')" == \
  "alice:complete,bob:failed,carol:complete,dan:pending" ] || fail "states: $(json .people)"
[ "$(json '.people[0].assignments["TRN-1"] | [.completed_on, .score] | map(tostring) | join(",")')" == "2026-11-20,92" ] ||
  fail "alice's completion"
ok cso log --action train.import --format json
[ "$(json 'length')" == 3 ] || fail "each change journalled"

# The same file again: nothing changes.
snapshot
ok cso train import 1 "$TMP/lms.csv"
out_is "0 completed, 0 failed attempts, 3 unchanged"
unchanged

# By e-mail (any case), from stdin, with a retake after a failure in the same file, and a person
# never assigned (an assignment is opened for the completion).
expect_exit 2 cso train import 1 - <<'CSV'
email,completed_on,score
bob@example.invalid,2026-11-01,90
CSV
err_has "stdin:2: column 1 (email): no staff member with the e-mail address 'bob@example.invalid'"
cso staff edit bob --email bob@kestrel.example >/dev/null
ok cso train import 1 - --format json <<'CSV'
email,completed_on,score
BOB@kestrel.example,2026-11-23,60
bob@kestrel.example,2026-11-24,85
carol@kestrel.example,2026-11-22,80
CSV
[ "$(json '[.completed, .failed, .unchanged] | map(tostring) | join(",")')" == "1,1,1" ] || fail "counts: $(json .)"
ok cso train status 1 --format json
[ "$(json '.people[1].assignments["TRN-1"] | [.state, .attempts, .score] | map(tostring) | join(",")')" == "complete,2,85" ] ||
  fail "bob: $(json '.people[1]')"
cso staff add erin --name "Erin Walsh" >/dev/null
printf 'handle,completed_on\nerin,2026-11-25\n' >"$TMP/coding.csv"
ok cso train import 2 "$TMP/coding.csv"
out_is "1 completed, 0 failed attempts, 0 unchanged"
ok cso train status 2 --format json
[ "$(json '.people[] | select(.staff == "erin") | .assignments["TRN-2"] | .key + "," + .state')" == "TRN-2/erin/1,complete" ] ||
  fail "erin's unassigned completion"
verified

# Bad files: exit 2 naming the line and column, nothing imported even after good rows.
snapshot
bad_import() {  # bad_import WANT CONTENT [COURSE]
  printf '%b' "$2" >"$TMP/bad.csv"
  expect_exit 2 cso train import "${3:-1}" "$TMP/bad.csv"
  err_has "$1"
  [ ! -s "$TMP/out" ] || fail "a failed import printed counts"
}
good='handle,completed_on,score\ndan,2026-11-20,90\n'
bad_import "bad.csv:3: column 1 (handle): no staff member 'nobody'" "${good}nobody,2026-11-20,90\n"
bad_import "bad.csv:3: column 1 (handle)" "${good}Not A Handle,2026-11-20,90\n"
bad_import "bad.csv:3: column 1 (handle): a value is required" "${good},2026-11-20,90\n"
bad_import "bad.csv:3: column 2 (completed_on)" "${good}carol,2026-13-01,90\n"
bad_import "bad.csv:3: column 2 (completed_on): a value is required" "${good}carol,,90\n"
bad_import "bad.csv:3: column 2 (completed_on): 2027-01-01 is in the future" "${good}carol,2027-01-01,90\n"
bad_import "bad.csv:3: column 3 (score): '101' is not a score" "${good}carol,2026-11-20,101\n"
bad_import "bad.csv:3: column 3 (score): '9x' is not a score" "${good}carol,2026-11-20,9x\n"
bad_import "bad.csv:3: column 3 (score): TRN-1 has a passing score (80)" "${good}carol,2026-11-20,\n"
bad_import "bad.csv:3:" "${good}carol,2026-11-20\n"
bad_import "bad.csv:1:" 'completed_on,score\n2026-11-20,90\n'
err_has "'handle' or an 'email' column"
bad_import "bad.csv:1:" 'handle,email,completed_on,score\ndan,dan@kestrel.example,2026-11-20,90\n'
err_has "one of them"
bad_import "bad.csv:1:" 'handle,completed_on\ndan,2026-11-20\n'
err_has "no 'score' column, which TRN-1 needs (passing score 80)"
bad_import "bad.csv:1: column 4 ('name')" 'handle,completed_on,score,name\ndan,2026-11-20,90,Dan\n'
err_has "handle, email, completed_on, score"
bad_import "bad.csv:1:" 'handle,score\ndan,90\n'
err_has "completed_on"
bad_import "empty" ''
cso staff add dan2 --name "Dan's other account" --email DAN@kestrel.example >/dev/null
snapshot
bad_import "bad.csv:2: column 1 (email): the e-mail address 'dan@kestrel.example' belongs to more than one staff member (dan, dan2)" \
  'email,completed_on,score\ndan@kestrel.example,2026-11-20,90\n'
expect_exit 2 cso train import 1 "$TMP/missing.csv"
err_has "missing.csv"
expect_exit 3 cso train import 9 "$TMP/lms.csv"
unchanged

# A retired course takes no imports.
ok cso train retire 2
snapshot
expect_exit 4 cso train import 2 "$TMP/coding.csv"
err_has "TRN-2 is retired; 'train import' needs a course that is active"
unchanged
verified
done_ok
