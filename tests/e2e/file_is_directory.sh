#!/usr/bin/env bash
# A directory where a file is expected is named with the reason and exits 2, changing nothing
# (SPEC §2): --body-file, --description-file, an import file, --config. A stream would open a
# directory and read it as empty: a policy with no body.
source "$(dirname "$0")/lib.bash"
fresh
mkdir "$TMP/adir"
snapshot
expect_exit 2 cso policy add "Acceptable use" --owner alice --body-file "$TMP/adir"
err_has "--body-file: cannot read $TMP/adir: is a directory"
unchanged
expect_exit 2 cso risk add "Phishing" --likelihood 3 --impact 3 --description-file "$TMP/adir"
err_has "--description-file: cannot read $TMP/adir: is a directory"
unchanged
ok cso train add "Phishing awareness"
snapshot
for args in "staff import" "risk import" "train import TRN-1"; do
  # shellcheck disable=SC2086
  expect_exit 2 cso $args "$TMP/adir"
  err_has "cannot read $TMP/adir: is a directory"
  unchanged
done
expect_exit 2 cso --config "$TMP/adir" risk list
err_has "$TMP/adir: cannot read config file: Is a directory"
expect_exit 2 cso --config "" risk list
err_has "--config: the path is empty"
mkdir -p "$XDG_CONFIG_HOME/cso/config.toml"
expect_exit 2 cso risk list
err_has "$XDG_CONFIG_HOME/cso/config.toml: cannot read config file: Is a directory"
unchanged
done_ok
