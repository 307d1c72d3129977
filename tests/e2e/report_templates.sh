#!/usr/bin/env bash
# report templates: .cso/templates/ first, then $XDG_CONFIG_HOME/cso/templates/, then the built-in
# set, for reports and partials alike; `report list` says where each comes from; a template that
# does not parse exits 2 naming its file and line, and writes nothing.
source "$(dirname "$0")/lib.bash"
fresh
cso risk add "Ransomware" --likelihood 4 --impact 5 --owner alice >/dev/null

ok cso report list
out_has "risk-register"
out_has "md,html,csv,json,pdf"
out_has "built-in"
ok cso report list --format json
[ "$(json '.[] | select(.name == "risk-register") | .templates')" == "built-in" ] || fail "list json: $(cat "$TMP/out")"
checks=$((checks + 1))

# A user template (XDG) adds a format; a workspace one replaces the built-in Markdown.
mkdir -p "$XDG_CONFIG_HOME/cso/templates" .cso/templates
printf '{{#risks}}{{id}} {{title}} ({{owner}})\n{{/risks}}' >"$XDG_CONFIG_HOME/cso/templates/risk-register.txt.mustache"
ok cso report risk-register --format txt
out_is "RSK-1 Ransomware (alice)"
printf 'Register of {{total}}\n{{> line}}' >.cso/templates/risk-register.md.mustache
printf '{{#risks}}* {{id}}\n{{/risks}}' >"$XDG_CONFIG_HOME/cso/templates/line.md.mustache"
ok cso report risk-register
out_is "$(printf 'Register of 1\n* RSK-1')"
# The workspace's partial wins over the user's.
printf '{{#risks}}- {{id}}\n{{/risks}}' >.cso/templates/line.md.mustache
ok cso report risk-register
out_is "$(printf 'Register of 1\n- RSK-1')"
ok cso report list
out_has "md,html,txt,csv,json,pdf"
out_has "md: $TMP/.cso/templates/risk-register.md.mustache; html: built-in; txt: $XDG_CONFIG_HOME/cso/templates/risk-register.txt.mustache; csv: built-in"

# A broken template: exit 2 with its path and line; --output is left as it was.
printf 'Register\n\n{{#risks}}\n{{id}}\n' >.cso/templates/risk-register.md.mustache
echo "previous" >register.md
expect_exit 2 cso report risk-register --output register.md
err_has "cso: error: template $TMP/.cso/templates/risk-register.md.mustache: line 3: section 'risks' is not closed"
[ "$(cat register.md)" == "previous" ] || fail "a broken template changed --output"
checks=$((checks + 1))
printf '{{> line}}' >.cso/templates/risk-register.md.mustache
printf 'x {{/risks}}' >.cso/templates/line.md.mustache
expect_exit 2 cso report risk-register
err_has "template $TMP/.cso/templates/line.md.mustache: line 1: '{{/risks}}' closes no section"
printf '{{> nowhere}}' >.cso/templates/risk-register.md.mustache
expect_exit 2 cso report risk-register
err_has "it includes the partial 'nowhere', but there is no nowhere.md.mustache"
# A template that is a directory, or unreadable, is named too.
rm .cso/templates/risk-register.md.mustache
mkdir .cso/templates/risk-register.md.mustache
expect_exit 2 cso report risk-register
err_has "template: cannot read $TMP/.cso/templates/risk-register.md.mustache: is a directory"
verified
done_ok
