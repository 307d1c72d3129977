#!/usr/bin/env bash
# risk.max_acceptance (default 1y) bounds --until of risk accept and finding accept (issue 10):
# +99y exits 2 naming the setting and changes nothing; config may lengthen or shorten it.
source "$(dirname "$0")/lib.bash"
fresh
ok cso risk add "Phishing" --likelihood 3 --impact 3 --owner alice
ok cso audit finding add "No MFA on VPN" --severity high --owner bob --due +30d
snapshot
expect_exit 2 cso --as bob risk accept 1 --until +99y --reason "forever"
err_has "--until: 2125-11-27 is more than 1y away (risk.max_acceptance); accept for at most that long"
expect_exit 2 cso --as alice audit finding accept 1 --until +13m --reason "later"
err_has "(risk.max_acceptance)"
unchanged
ok cso --as bob risk accept 1 --until +1y --reason "budget next year"
ok cso config get risk.max_acceptance
out_is "1y"
printf '[risk]\nmax_acceptance = "90d"\n' >"$TMP/short.toml"
CSO_CONFIG=$TMP/short.toml expect_exit 2 cso --as alice audit finding accept 1 --until +91d --reason "later"
err_has "more than 90d away"
CSO_CONFIG=$TMP/short.toml ok cso --as alice audit finding accept 1 --until +90d --reason "next quarter"
verified
done_ok
