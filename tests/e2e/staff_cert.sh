#!/usr/bin/env bash
# staff cert add/edit/list/rm: a certification is a part of a staff record ("alice/cert/CISSP"),
# unique per person (any case), dated sensibly, journalled and shown in the person's history.
source "$(dirname "$0")/lib.bash"
fresh
cso staff add carol --name "Carol Nguyen" --team security >/dev/null

ok cso staff cert add alice CISSP --issuer ISC2 --number 712804 --earned 2024-03-01 --expires 2027-03-01
out_is "alice/cert/CISSP"
ok cso staff cert add alice "AWS Security Specialty" --expires +2y --format json
[ "$(json .key)" == "alice/cert/AWS Security Specialty" ] || fail "key: $(json .key)"
[ "$(json .expires)" == "2028-11-27" ] || fail "--expires +2y: $(json .expires)"
[ "$(json '[.issuer, .number, .earned] | map(tostring) | join("|")')" == "null|null|null" ] || fail "absent fields are null"
[ "$(json .state)" == "valid" ] || fail "state"
[ "$(json .created)" == "2026-11-27T09:00:00Z" ] || fail "created"
ok cso staff cert add bob CIPP/E --earned 2025-02-15
out_is "bob/cert/CIPP/E"
ok cso staff cert add bob OSCP --earned 2023-08-15 --expires 2023-08-15
out_is "bob/cert/OSCP"

ok cso staff cert list --fields key,state --format json
[ "$(json 'map(.key) | join(",")')" == "alice/cert/AWS Security Specialty,alice/cert/CISSP,bob/cert/CIPP/E,bob/cert/OSCP" ] \
  || fail "list: $(json 'map(.key) | join(",")')"
[ "$(json 'map(.state) | join(",")')" == "valid,valid,valid,expired" ] || fail "states: $(json 'map(.state) | join(",")')"
ok cso staff cert list alice
out_has "staff"
out_has "CISSP"
out_has "ISC2"
out_lacks "OSCP"
[ "$(wc -l <"$TMP/out")" == 3 ] || fail "table: header and alice's two"
ok cso staff cert list carol --format json
out_is "[]"
ok cso staff cert list --sort -expires --fields key,expires --format csv
[ "$(sed -n 2p "$TMP/out")" == "alice/cert/AWS Security Specialty,2028-11-27" ] || fail "--sort -expires: $(cat "$TMP/out")"

# Errors: each exits with its code and changes nothing.
snapshot
expect_exit 4 cso staff cert add alice CISSP
err_has "alice already holds 'CISSP' (alice/cert/CISSP)"
err_has "cso staff cert edit alice \"CISSP\""
expect_exit 4 cso staff cert add alice cissp --expires +1y
err_has "already holds 'CISSP'"
expect_exit 2 cso staff cert add alice CEH --earned 2026-01-01 --expires 2025-12-31
err_has "--expires: 2025-12-31 is before --earned 2026-01-01"
expect_exit 2 cso staff cert add alice CEH --earned tomorrow
err_has "--earned: 2026-11-28 is in the future"
expect_exit 2 cso staff cert add alice CEH --expires soon
err_has "--expires: 'soon' is not a date"
expect_exit 2 cso staff cert add alice ""
err_has "NAME: a certification needs a name"
expect_exit 2 cso staff cert add alice $'CE\x1bH'
err_has "control character"
expect_exit 2 cso staff cert add Alice CEH
err_has "HANDLE: 'Alice' is not a handle"
expect_exit 3 cso staff cert add zed CEH
err_has "no staff member 'zed'"
expect_exit 3 cso staff cert rm alice CEH
err_has "alice holds no certification 'CEH'; see 'cso staff cert list alice'"
expect_exit 3 cso staff cert rm zed CISSP
expect_exit 3 cso staff cert list zed
expect_exit 3 cso staff cert edit alice CEH --expires +1y
expect_exit 2 cso staff cert edit alice CISSP
err_has "nothing to change"
expect_exit 2 cso staff cert edit alice CISSP --expires 2020-01-01
err_has "before --earned 2024-03-01"
expect_exit 2 cso staff cert list --expiring-within soon
err_has "--expiring-within"
expect_exit 2 cso staff cert list --sort salary
expect_exit 2 cso staff cert frobnicate
unchanged

# edit (a renewal; any case finds it; an empty value clears) and rm (any case).
ok cso staff cert edit alice cissp --expires 2030-03-01 --number ""
out_is "alice/cert/CISSP"
ok cso staff cert list alice --fields name,number,expires --format json
[ "$(json '.[] | select(.name == "CISSP") | [.expires, (.number | tostring)] | join("|")')" == "2030-03-01|null" ] \
  || fail "edit: $(json .)"
ok cso staff cert rm bob oscp
out_is "bob/cert/OSCP"
ok cso staff cert list bob --format json
[ "$(json 'map(.name) | join(",")')" == "CIPP/E" ] || fail "rm: $(json 'map(.name) | join(",")')"

# An inactive person cannot gain a certification; theirs can still be listed and removed.
ok cso staff cert add carol CISA
ok cso staff cert add carol CISM
ok cso staff offboard carol
expect_exit 4 cso staff cert add carol CEH
err_has "HANDLE: 'carol' is not active"
ok cso staff cert list --format json
out_lacks "carol"
ok cso staff cert list --all --fields key --format json
out_has "carol/cert/CISA"
ok cso staff cert list carol --fields key --format json
[ "$(json 'map(.key) | join(",")')" == "carol/cert/CISA,carol/cert/CISM" ] || fail "list HANDLE of an inactive person"
ok cso staff cert rm carol CISM

# Journalled, in the person's history and in the log.
ok cso staff history alice --format json
[ "$(json 'map(.action) | join(",")')" == "staff.add,staff.cert.add,staff.cert.add,staff.cert.edit" ] \
  || fail "history: $(json 'map(.action) | join(",")')"
ok cso staff history bob --format json
[ "$(json 'map(.action) | join(",")')" == "staff.add,staff.cert.add,staff.cert.add,staff.cert.rm" ] \
  || fail "history bob: $(json 'map(.action) | join(",")')"
ok cso log bob/cert/OSCP --format json
[ "$(json 'map(.action) | join(",")')" == "staff.cert.rm,staff.cert.add" ] || fail "log KEY"
ok cso log --action staff.cert.add --format json
[ "$(json length)" == 6 ] || fail "log --action staff.cert.add"
verified
done_ok
