#include <doctest/doctest.h>

#include "cli/commands/policy_view.h"

using cso::cli::unified_diff;

TEST_CASE("policy diff: equal bodies give nothing") {
  CHECK(unified_diff("", "", "a", "b").empty());
  CHECK(unified_diff("x\ny\n", "x\ny\n", "a", "b").empty());
}

TEST_CASE("policy diff: hunks as diff -u prints them") {
  CHECK(unified_diff("", "one\ntwo\n", "/dev/null", "P v1") ==
        "--- /dev/null\n+++ P v1\n@@ -0,0 +1,2 @@\n+one\n+two\n");
  CHECK(unified_diff("one\n", "", "P v1", "P v2") == "--- P v1\n+++ P v2\n@@ -1 +0,0 @@\n-one\n");
  CHECK(unified_diff("a\nb\nc\n", "a\nB\nc\n", "P v1", "P v2") ==
        "--- P v1\n+++ P v2\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  // Changes more than six lines apart make two hunks, each with three lines of context.
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
  const std::string after = "one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n";
  CHECK(unified_diff(before, after, "a", "b") ==
        "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+twelve\n");
  // Six common lines or fewer between changes: one hunk.
  const std::string near = "one\n2\n3\n4\n5\n6\n7\neight\n";
  CHECK(unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n", near, "a", "b") ==
        "--- a\n+++ b\n@@ -1,8 +1,8 @@\n-1\n+one\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+eight\n");
}

TEST_CASE("policy diff: a missing final newline is marked; control characters are neutralised") {
  CHECK(unified_diff("a\n", "a", "x", "y") == "--- x\n+++ y\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n");
  CHECK(unified_diff("", "\x1b[2J\n", "x", "y") == "--- x\n+++ y\n@@ -0,0 +1 @@\n+^[[2J\n");
}
