#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli/fixture.h"
#include "core/error.h"

using namespace cso;
using namespace cso::cli;

namespace {

constexpr Instant k_now = 1795770000;  // 2026-11-27T09:00:00Z
constexpr Instant k_day = 86400;

std::vector<std::string> words(std::string_view line) {
  const auto lines = parse_fixture(line, k_now, "t.cso");
  REQUIRE(lines.size() == 1);
  return lines[0].args;
}

std::string error_of(std::string_view text) {
  try {
    parse_fixture(text, k_now, "t.cso");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::runtime);
    return e.what();
  }
  FAIL("no error for: " << text);
  return "";
}

}  // namespace

TEST_CASE("fixture: words, quotes and escapes") {
  CHECK(words("risk add  Title\t--impact 3") == std::vector<std::string>{"risk", "add", "Title", "--impact", "3"});
  CHECK(words(R"(a "two words" 'single {x} \n' b)") ==
        std::vector<std::string>{"a", "two words", "single {x} \\n", "b"});
  CHECK(words(R"("line\none" "tab\t" "q\"uote" "back\\slash" "\{brace}")") ==
        std::vector<std::string>{"line\none", "tab\t", "q\"uote", "back\\slash", "{brace}"});
  CHECK(words(R"(un\ quoted \'x \{y})") == std::vector<std::string>{"un quoted", "'x", "{y}"});
  CHECK(words(R"(joined"half"'s' "")") == std::vector<std::string>{"joinedhalfs", ""});
}

TEST_CASE("fixture: comments and blank lines are skipped; line numbers are the file's") {
  const auto lines =
      parse_fixture("# a comment\n\n   \nstaff list # trailing\n  # indented\nrisk list a#b\n", k_now, "t.cso");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].number == 4);
  CHECK(lines[0].args == std::vector<std::string>{"staff", "list"});
  CHECK(lines[1].number == 6);
  CHECK(lines[1].args == std::vector<std::string>{"risk", "list", "a#b"});
  CHECK(lines[0].now == k_now);
  CHECK(parse_fixture("", k_now, "t.cso").empty());
  CHECK(parse_fixture("a\r\n", k_now, "t.cso")[0].args == std::vector<std::string>{"a"});
}

TEST_CASE("fixture: a time prefix sets the line's now") {
  CHECK(parse_fixture("@-200d risk list", k_now, "t")[0].now == k_now - 200 * k_day);
  CHECK(parse_fixture("@-3d+4h x", k_now, "t")[0].now == k_now - 3 * k_day + 4 * 3600);
  CHECK(parse_fixture("  @-6h+30m x", k_now, "t")[0].now == k_now - 6 * 3600 + 30 * 60);
  CHECK(parse_fixture("@+1d x", k_now, "t")[0].args == std::vector<std::string>{"x"});
  // Only the first word is a prefix.
  CHECK(words("x @-1d") == std::vector<std::string>{"x", "@-1d"});
}

TEST_CASE("fixture: tokens are dates and instants from the fixture's now, not the line's") {
  CHECK(words("--due {+30d}") == std::vector<std::string>{"--due", format_date(k_now + 30 * k_day)});
  CHECK(words("--due {-12d}") == std::vector<std::string>{"--due", format_date(k_now - 12 * k_day)});
  CHECK(words("--at {-2d+3h@}") == std::vector<std::string>{"--at", format_instant(k_now - 2 * k_day + 3 * 3600)});
  CHECK(parse_fixture("@-100d x {+1d}", k_now, "t")[0].args[1] == format_date(k_now + k_day));
  CHECK(words(R"("due {+1d}!")") == std::vector<std::string>{"due " + format_date(k_now + k_day) + "!"});
}

TEST_CASE("fixture: malformed lines name the file and line") {
  CHECK(error_of("ok\n\"unterminated") == "t.cso line 2: a \" without its closing \"");
  CHECK(error_of("'open") == "t.cso line 1: a ' without its closing '");
  CHECK(error_of("a \\") == "t.cso line 1: a backslash at the end of the line (lines do not continue)");
  CHECK(error_of(R"("\q")").find("'\\q' is not an escape") != std::string::npos);
  CHECK(error_of("x {+30}").find("'{+30}' is not a token") != std::string::npos);
  CHECK(error_of("x {30d}").find("is not a token") != std::string::npos);
  CHECK(error_of("x {+3w}").find("is not a token") != std::string::npos);
  CHECK(error_of("x {+1d").find("'{' without '}'") != std::string::npos);
  CHECK(error_of("@-2x risk").find("'@-2x' is not a time prefix") != std::string::npos);
  CHECK(error_of("@ risk").find("is not a time prefix") != std::string::npos);
  CHECK(error_of("@-1d").find("a time prefix without a command") != std::string::npos);
  CHECK(error_of("@-1d # only a comment").find("without a command") != std::string::npos);
}
