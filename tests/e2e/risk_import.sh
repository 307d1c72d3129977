#!/usr/bin/env bash
# risk import: a CSV whose header names the fields (title, likelihood, impact required) imports
# every row and prints the count; any bad row exits 2 naming its line (and column) and imports
# nothing; stdin with -, RFC 4180 quoting, CRLF and a BOM are accepted.
source "$(dirname "$0")/lib.bash"
fresh

count() { "$CSO" risk list --format jsonl | wc -l; }
count_is() {
  checks=$((checks + 1))
  local got
  got=$(count)
  [ "$got" == "$1" ] || fail "$got risks, expected $1"
}

cat >"$TMP/register.csv" <<'CSV'
title,likelihood,impact,owner,category,description,due,status,treatment,plan,review_every
Phishing,3,4,alice,people,,2027-01-31,treating,mitigate,Awareness training,30d
"Vendor breach, via SSO",2,5,bob,vendor,"Says ""trusted"" vendor",,open,,,
"Multi-line
title",1,2,,,"line one
line two",,,,,
Ransomware,4,5,,malware,,,,,,
CSV
ok cso risk import "$TMP/register.csv"
out_is "4"
[ ! -s "$TMP/err" ] || fail "a successful import is quiet on stderr without a terminal"
count_is 4
ok cso risk show 1 --format json
[ "$(json '[.title, .likelihood, .impact, .score, .owner, .category, .due, .status, .treatment, .plan, .review_every] | map(tostring) | join("|")')" == \
  "Phishing|3|4|12|alice|people|2027-01-31|treating|mitigate|Awareness training|30d" ] || fail "row 1 fields: $(json .)"
[ "$(json .next_review)" == "2026-12-27" ] || fail "next_review from created (now) + review_every"
[ "$(json .created)" == "2026-11-27T09:00:00Z" ] || fail "created defaults to now"
ok cso risk show 2 --format json
[ "$(json .title)" == "Vendor breach, via SSO" ] || fail "a quoted field keeps its comma"
[ "$(json .description)" == 'Says "trusted" vendor' ] || fail "doubled quotes"
[ "$(json .status)" == "open" ] || fail "status given"
[ "$(json .treatment)" == "null" ] || fail "an empty cell is null"
ok cso risk show 3 --format json
[ "$(json .title)" == $'Multi-line\ntitle' ] || fail "a quoted newline is kept: $(json .title)"
[ "$(json .description)" == $'line one\nline two' ] || fail "a quoted newline in a description"
[ "$(json .status)" == "open" ] || fail "status defaults to open"
[ "$(json .review_every)" == "90d" ] || fail "review_every defaults to the config"
ok cso risk show 4 --format json
[ "$(json .level)" == "critical" ] || fail "score and level derived"
ok cso log --action risk.import --format json
[ "$(json 'length')" == 4 ] || fail "each imported risk is journalled"
verified

# stdin with -, CRLF line endings, and a UTF-8 BOM before the header.
ok cso risk import - <<<$'likelihood,title,impact\n2,From stdin,2'
out_is "1"
ok cso risk show 5 --format json
[ "$(json .title)" == "From stdin" ] || fail "columns in any order"
printf 'title,likelihood,impact\r\nWindows line ends,2,3\r\nSecond,1,1\r\n' >"$TMP/crlf.csv"
ok cso risk import "$TMP/crlf.csv"
out_is "2"
ok cso risk show 6 --format json
[ "$(json .title)" == "Windows line ends" ] || fail "CRLF stripped from the title"
[ "$(json .impact)" == "3" ] || fail "CRLF stripped from the last field"
printf '\xef\xbb\xbftitle,likelihood,impact\nExcel export,2,2\n' >"$TMP/bom.csv"
ok cso risk import "$TMP/bom.csv"
out_is "1"
ok cso risk show 8 --format json
[ "$(json .title)" == "Excel export" ] || fail "the BOM is not part of the first column name"
printf 'title,likelihood,impact\n' >"$TMP/header-only.csv"
ok cso risk import "$TMP/header-only.csv"
out_is "0"
count_is 8
verified

# Bad files: exit 2, naming the line (and column), and nothing imported even when earlier rows
# were good (all or none).
snapshot
# bad_import WANT FILE-CONTENT: importing the content exits 2 and stderr names WANT.
bad_import() {
  local want=$1
  printf '%b' "$2" >"$TMP/bad.csv"
  expect_exit 2 cso risk import "$TMP/bad.csv"
  err_has "$want"
  [ ! -s "$TMP/out" ] || fail "a failed import printed a count"
}
good='title,likelihood,impact,owner,due\nFirst,1,1,alice,\nSecond,2,2,bob,2027-01-01\n'
bad_import "bad.csv:4: column 2 (likelihood)" "${good}Third,9,2,,\n"
err_has "'9'"
bad_import "bad.csv:4: column 3 (impact)" "${good}Third,2,x,,\n"
bad_import "bad.csv:4: column 4 (owner)" "${good}Third,2,2,nobody,\n"
err_has "nobody"
bad_import "bad.csv:4: column 4 (owner)" "${good}Third,2,2,Not A Handle,\n"
bad_import "bad.csv:4: column 5 (due)" "${good}Third,2,2,,2027-02-30\n"
bad_import "bad.csv:4: column 5 (due)" "${good}Third,2,2,,next week\n"
bad_import "bad.csv:5:" "${good}Third,2,2,,\nFourth,2,2\n"
err_has "fields"
bad_import "bad.csv:4:" "${good}Fourth,2,2,,,extra\n"
bad_import "bad.csv:4:" "${good}\"Unterminated,2,2,,\nFifth,1,1,,\n"
err_has "quote"
bad_import "bad.csv:4:" "${good}Bad \xff byte,2,2,,\n"
err_has "UTF-8"
bad_import "bad.csv:4: column 1 (title)" "${good},2,2,,\n"
bad_import "bad.csv:2: the row's residual impact (3) would be above its inherent impact (2)" \
  'title,likelihood,impact,residual_likelihood,residual_impact\nA,2,2,1,3\n'
bad_import "bad.csv:1: column 3 ('colour')" 'title,likelihood,colour,impact\nA,1,red,1\n'
bad_import "bad.csv:1:" 'title,likelihood\nA,1\n'
err_has "impact"
bad_import "bad.csv:1:" 'title,impact,likelihood,title\nA,1,1,B\n'
err_has "title"
bad_import "bad.csv:1: column 1 ('id')" 'id,title,likelihood,impact\n7,A,1,1\n'
bad_import "bad.csv:1: column 4 ('score')" 'title,likelihood,impact,score\nA,1,1,1\n'
bad_import "bad.csv:3: column 4 (status)" 'title,likelihood,impact,status\nA,1,1,open\nB,1,1,pending\n'
bad_import "bad.csv:3: column 4 (treatment)" 'title,likelihood,impact,treatment\nA,1,1,avoid\nB,1,1,pray\n'
bad_import "bad.csv:3: column 4 (review_every)" 'title,likelihood,impact,review_every\nA,1,1,30d\nB,1,1,soon\n'
# A quoted newline earlier in the file does not throw the line count off.
bad_import "bad.csv:5: column 2 (likelihood)" 'title,likelihood,impact\n"two\nlines",1,1\nOK,1,1\nBad,0,1\n'
bad_import "empty" ''
expect_exit 2 cso risk import "$TMP/does-not-exist.csv"
err_has "does-not-exist.csv"
expect_exit 2 cso risk import - <<<$'title,likelihood,impact\nA,1,1\nB,1,6'
err_has "stdin:3: column 3 (impact)"
unchanged
count_is 8

# A period past 100 years is refused with its column; values that only fail once combined
# (next_review = created + review_every past 9999-12-31) still name the line.
bad_import "bad.csv:3: column 4 (review_every)" 'title,likelihood,impact,review_every\nA,1,1,30d\nB,1,1,9000y\n'
bad_import "bad.csv:2: 9999-12-01" 'title,likelihood,impact,created\nB,1,1,9999-12-01\n'
unchanged

verified
done_ok
