#!/usr/bin/env bash
# A title or name that is only whitespace is no title (issue 10): every kind refuses it on
# creation as it refuses an empty one, and an import refuses a blank required column; nothing
# changes.
source "$(dirname "$0")/lib.bash"
fresh
snapshot
for blank in "" "   " "$(printf '\t \n')"; do
  expect_exit 2 cso risk add "$blank" --likelihood 1 --impact 1
  err_has "TITLE: a risk needs a non-empty title"
  expect_exit 2 cso policy add "$blank" --owner alice
  err_has "TITLE: a policy needs a non-empty title"
  expect_exit 2 cso incident open "$blank" --severity sev3
  err_has "TITLE: an incident needs a non-empty title"
  expect_exit 2 cso audit plan "$blank"
  err_has "TITLE: an audit needs a non-empty title"
  expect_exit 2 cso audit finding add "$blank" --severity low --owner bob --due +1m
  err_has "TITLE: a finding needs a non-empty title"
  expect_exit 2 cso train add "$blank"
  err_has "TITLE: a course needs a non-empty title"
  expect_exit 2 cso staff add carol --name "$blank"
  err_has "--name: a staff member needs a name"
  expect_exit 2 cso staff cert add alice "$blank"
  err_has "NAME: a certification needs a name"
  unchanged
done
printf 'title,likelihood,impact\n   ,2,2\n' >"$TMP/risks.csv"
expect_exit 2 cso risk import "$TMP/risks.csv"
err_has "risks.csv:2: column 1 (title): a value is required"
printf 'handle,name\ncarol,  \n' >"$TMP/staff.csv"
expect_exit 2 cso staff import "$TMP/staff.csv"
err_has "staff.csv:2: column 2 (name): a value is required"
unchanged
done_ok
