#!/usr/bin/env bash
# `edit` is one command built from each kind's table of editable fields: every noun refuses an
# edit with nothing to change (naming its flags), an empty title or name, inline text given
# with its file, and a record that does not exist; each changes nothing then. A long text may
# come from standard input, and each edit is journalled as NOUN.edit in the same transaction.
source "$(dirname "$0")/lib.bash"
fresh

ok cso risk add "Phishing" --likelihood 3 --impact 3 --owner alice
ok cso policy add "Acceptable use" --owner alice --body "Be kind."
ok cso incident open "Lost laptop" --severity sev3
ok cso audit plan "ISO 27001 internal"
ok cso audit finding add "No MFA on VPN" --severity high --owner bob --due +30d
ok cso train add "Phishing awareness"
ok cso staff cert add alice CISSP --expires +1y

# noun, record, the action journalled, the title flag, its long-text flag
while IFS='|' read -r noun id action title long; do
  snapshot
  expect_exit 2 cso $noun edit "$id"
  err_has "$noun edit: nothing to change; give $title"
  unchanged
  for blank in "" "   " "$(printf ' \t ')"; do
    expect_exit 2 cso $noun edit "$id" "$title" "$blank"
    err_has "$title:"
    unchanged
  done
  expect_exit 3 cso $noun edit 99 "$title" "x"
  unchanged
  if [ -n "$long" ]; then
    expect_exit 2 cso $noun edit "$id" "$long" "inline" "$long-file" -
    err_has "$long and $long-file were both given; use one"
    unchanged
    expect_exit 2 cso $noun edit "$id" "$long-file" "$TMP/missing.txt"
    err_has "$long-file: cannot read $TMP/missing.txt"
    unchanged
    ok cso $noun edit "$id" "$long-file" - <<<"from standard input"
    ok cso $noun show "$id" --format json
    [ "$(json ".${long#--}")" == "from standard input" ] || fail "$noun: $long from stdin is not stored"
  fi
  ok cso $noun edit "$id" "$title" "Renamed $noun"
  ok cso log --action "$action" --limit 1 --format json
  [ "$(json '.[0].action')" == "$action" ] || fail "$noun: the edit is not journalled as $action"
done <<'TABLE'
risk|RSK-1|risk.edit|--title|--description
policy|POL-1|policy.edit|--title|
incident|INC-1|incident.edit|--title|--lessons
audit|AUD-1|audit.edit|--title|
audit finding|FND-1|finding.edit|--title|--description
train|TRN-1|train.edit|--title|--description
staff|bob|staff.edit|--name|
TABLE

# A body is a part's field (the policy's open version): from stdin, and journalled with the policy.
ok cso policy edit POL-1 --body-file - <<<"Be kind, and lock your screen."
ok cso policy show POL-1 --format json
# Timeline events of an incident edit land with it.
ok cso incident edit INC-1 --severity sev1 --lead bob
ok cso incident timeline INC-1 --format json
[ "$(json '[.[] | select(.kind == "severity" or .kind == "lead")] | length')" == 2 ] || fail "severity and lead not in the timeline"
# A finding moved to an audit that does not exist is refused before anything changes.
snapshot
expect_exit 3 cso audit finding edit FND-1 --audit AUD-9
unchanged
expect_exit 2 cso audit finding edit FND-1 --audit nonsense
err_has "--audit:"
unchanged
# Certifications are keyed HANDLE NAME; the same fields table serves add and edit.
expect_exit 2 cso staff cert edit alice CISSP
err_has "staff cert edit: nothing to change; give --issuer, --number, --earned or --expires"
ok cso staff cert edit alice CISSP --issuer ""
ok cso staff cert edit alice CISSP --issuer ISC2 --earned 2020-01-01
verified
done_ok
