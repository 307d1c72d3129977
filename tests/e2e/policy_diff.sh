#!/usr/bin/env bash
# policy diff ID [V1 [V2]]: a unified diff of two versions' bodies, as diff -u prints it. Without
# versions: the version in force against the one in progress; V1 alone: V1 against the newest.
source "$(dirname "$0")/lib.bash"
fresh

publish() {
  "$CSO" --as alice policy submit "$1" >/dev/null
  "$CSO" --as bob policy approve "$1" >/dev/null
  "$CSO" --as alice policy publish "$1" >/dev/null
}

printf '# Passwords\n\nAt least 8 characters.\nNo reuse.\nRotate yearly.\nKeep them secret.\nUse a manager.\n' >v1.md
printf '# Passwords\n\nAt least 12 characters.\nNo reuse.\nRotate yearly.\nKeep them secret.\nUse a manager.\nEnable MFA.\n' >v2.md
printf '# Passwords\n\nAt least 14 characters.\nNo reuse.\nKeep them secret.\nUse a manager.\nEnable MFA.' >v3.md
ok cso --as alice policy add "Password Standard" --owner alice --body-file v1.md

# Nothing published yet: the whole draft is new.
ok cso policy diff 1
out_is "--- /dev/null
+++ POL-1 v1
@@ -0,0 +1,7 @@
+# Passwords
+
+At least 8 characters.
+No reuse.
+Rotate yearly.
+Keep them secret.
+Use a manager."

publish 1
ok cso --as alice policy edit 1 --body-file v2.md
# In force (v1) against the draft (v2).
ok cso policy diff POL-1
out_is "$(printf '%s\n' "--- POL-1 v1" "+++ POL-1 v2" "@@ -1,7 +1,8 @@" " # Passwords" " " "-At least 8 characters." \
  "+At least 12 characters." " No reuse." " Rotate yearly." " Keep them secret." " Use a manager." "+Enable MFA.")"
# The hunks agree with diff -u.
{ diff -u v1.md v2.md || true; } | tail -n +3 >expected
tail -n +3 "$TMP/out" | diff - expected >/dev/null || fail "same hunks as diff -u"

publish 1
ok cso --as alice policy edit 1 --body-file v3.md
ok cso policy diff 1 1 3
out_has "--- POL-1 v1"
out_has "+++ POL-1 v3"
out_has "\\ No newline at end of file"
out_has "-Rotate yearly."
ok cso policy diff 1 v2
out_has "--- POL-1 v2"
out_has "+++ POL-1 v3"
out_has "-At least 12 characters."
out_has "+At least 14 characters."
{ diff -u v2.md v3.md || true; } | tail -n +3 >expected
tail -n +3 "$TMP/out" | diff - expected >/dev/null || fail "v2 v3 hunks as diff -u"
ok cso policy diff 1
out_has "--- POL-1 v2"
out_has "+++ POL-1 v3"
# The same version twice: no difference, nothing printed.
ok cso policy diff 1 2 2
out_is ""

# Once v3 is in force, the default shows what it changed.
publish 1
ok cso policy diff 1
out_has "--- POL-1 v2"
out_has "+++ POL-1 v3"

# Control characters in a body are neutralised in the diff.
ok cso --as alice policy edit 1 --body "$(printf 'evil \033[31mred\n')"
ok cso policy diff 1
out_has "+evil ^[[31mred"

expect_exit 3 cso policy diff 1 9
err_has "POL-1 has no version 9"
expect_exit 2 cso policy diff 1 x
err_has "V1"
expect_exit 2 cso policy diff 1 1 2 3
expect_exit 3 cso policy diff 7
verified
done_ok
