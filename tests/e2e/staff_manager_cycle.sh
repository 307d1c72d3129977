#!/usr/bin/env bash
# Managers never form a cycle: `staff edit --manager` and `staff import` exit 4 naming it
# (a → b → a), whether the cycle is in the file or closes against the database; nothing changes.
source "$(dirname "$0")/lib.bash"
fresh
ok cso staff add carol --name "Carol Nguyen" --manager bob
ok cso staff edit bob --manager alice

snapshot
expect_exit 4 cso staff edit alice --manager carol
err_has "--manager: managers would form a cycle (alice → carol → bob → alice); someone in it must report to someone else"
unchanged
expect_exit 4 cso staff edit bob --manager carol
err_has "(bob → carol → bob)"
unchanged

printf 'handle,name,manager\nfrank,Frank,gus\ngus,Gus,frank\n' >cycle.csv
expect_exit 4 cso staff import cycle.csv
err_has "cycle.csv:2: column 3 (manager): managers would form a cycle (frank → gus → frank)"
unchanged
printf 'handle,name,manager\nalice,Alice Moreau,carol\n' >closes.csv
expect_exit 4 cso staff import closes.csv
err_has "closes.csv:2: column 3 (manager): managers would form a cycle (alice → carol → bob → alice)"
unchanged

# The file's managers are the ones that count: moving bob away in the same file breaks the cycle.
printf 'handle,name,manager\nalice,Alice Moreau,carol\nbob,Bob Okafor,\n' >moves.csv
ok cso staff import moves.csv
out_is "added 0, updated 2, unchanged 0"
ok cso staff edit alice --manager ""
ok cso staff edit carol --manager alice
expect_exit 4 cso staff edit alice --manager carol
err_has "(alice → carol → alice)"
verified

done_ok
