#!/usr/bin/env bash
# The README's tour runs as shown on a fresh database: the same commands, the same output.
source "$(dirname "$0")/lib.bash"
unset CSO_ACTOR
ok cso init
ok cso staff add alice --name "Alice Moreau" --role ciso --team security
out_is "alice"
ok cso staff add bob --name "Bob Okafor" --role security-engineer --team security --manager alice
out_is "bob"
id=$("$CSO" risk add "Ransomware encrypts file servers" --likelihood 4 --impact 5 --owner bob --category malware)
[ "$id" == "RSK-1" ] || fail "risk add prints RSK-1, got $id"
ok cso risk assess "$id" --likelihood 3 --impact 5 --note "EDR rolled out"
out_is "RSK-1"
ok cso risk treat "$id" --strategy mitigate --plan "Immutable backups, tested monthly" --due +60d
out_is "RSK-1"
ok cso --as alice risk accept "$id" --until +6m --reason "Within appetite; insurer covers it"
out_is "RSK-1"
# The README shows these lines; they must not drift from what is run here.
for line in 'cso staff add bob --name "Bob Okafor" --role security-engineer --team security --manager alice' \
  'cso --as alice risk accept $id --until +6m --reason "Within appetite; insurer covers it"'; do
  checks=$((checks + 1))
  grep -qF -- "$ $line" "$CSO_TESTS_DIR/../README.md" || fail "README lacks: $line"
done
verified
done_ok
