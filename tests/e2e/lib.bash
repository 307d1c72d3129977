# Shared helpers for end-to-end tests: each script runs the real binary ($CSO) on a fresh
# temporary database with CSO_NOW fixed, one behaviour per script.
set -euo pipefail

CSO=${CSO:?set CSO to the cso binary}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/cso-e2e.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
export HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config XDG_DATA_HOME=$TMP/home/.local/share
mkdir -p "$HOME"
export CSO_DB=$TMP/cso.db
export CSO_NOW=2026-11-27T09:00:00Z
export CSO_ACTOR=tester
unset CSO_CONFIG NO_COLOR
export LC_ALL=C.UTF-8

TEST_NAME=$(basename "$0" .sh)
checks=0

fail() {
  echo "FAIL [$TEST_NAME]: $*" >&2
  exit 1
}

cso() { "$CSO" "$@"; }

# expect_exit CODE CMD...: runs CMD (stdout to $TMP/out, stderr to $TMP/err), checks the exit code.
expect_exit() {
  local want=$1
  shift
  local got=0
  "$@" >"$TMP/out" 2>"$TMP/err" || got=$?
  checks=$((checks + 1))
  if [ "$got" != "$want" ]; then
    echo "--- stdout:" >&2
    head -c 2000 "$TMP/out" >&2
    echo "--- stderr:" >&2
    head -c 2000 "$TMP/err" >&2
    fail "expected exit $want, got $got: $*"
  fi
}

# ok CMD...: expects exit 0.
ok() { expect_exit 0 "$@"; }

# out_is TEXT: stdout of the last command is exactly TEXT.
out_is() {
  checks=$((checks + 1))
  local got
  got=$(cat "$TMP/out")
  [ "$got" == "$1" ] || fail "stdout is '$got', expected '$1'"
}

# out_has / err_has TEXT: the last command's stdout / stderr contains TEXT.
out_has() {
  checks=$((checks + 1))
  grep -qF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "stdout lacks '$1'"; }
}
err_has() {
  checks=$((checks + 1))
  grep -qF -- "$1" "$TMP/err" || { cat "$TMP/err" >&2; fail "stderr lacks '$1'"; }
}
out_lacks() {
  checks=$((checks + 1))
  ! grep -qF -- "$1" "$TMP/out" || fail "stdout has '$1'"
}

# snapshot / unchanged: the database's content (every table) is the same as at the snapshot.
snapshot() { sqlite3 "$CSO_DB" .dump | sha256sum >"$TMP/snapshot"; }
unchanged() {
  checks=$((checks + 1))
  sqlite3 "$CSO_DB" .dump | sha256sum | cmp -s - "$TMP/snapshot" || fail "the database changed"
}

# json EXPR: evaluates jq EXPR on the last stdout and prints the result.
json() { jq -r "$1" "$TMP/out"; }

# verified: `cso verify` passes.
verified() {
  expect_exit 0 "$CSO" verify
}

# fresh: a new empty database with a few staff.
fresh() {
  "$CSO" init >/dev/null 2>&1
  "$CSO" staff add alice --name "Alice Moreau" --role ciso --team security >/dev/null
  "$CSO" staff add bob --name "Bob Okafor" --role engineer --team security >/dev/null
}

done_ok() { echo "$checks passed, 0 failed: $TEST_NAME"; }
