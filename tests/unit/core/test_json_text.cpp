#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "core/json_text.h"

using namespace cso;
using namespace std::string_literals;

namespace {

/// U+FFFD as UTF-8: what append_json_string writes for each byte it cannot use.
const std::string k_fffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("valid_utf8 accepts well-formed UTF-8") {
  CHECK(valid_utf8(""));
  CHECK(valid_utf8("plain ASCII, with punctuation: {}[]\"\\/"));
  CHECK(valid_utf8("\x7F"));                       // DEL is ASCII
  CHECK(valid_utf8(std::string_view("a\0b", 3)));  // NUL too
  CHECK(valid_utf8("\xC2\x80"));                   // U+0080, smallest 2-byte
  CHECK(valid_utf8("Z\xC3\xBCrich"));              // ü
  CHECK(valid_utf8("\xDF\xBF"));                   // U+07FF, largest 2-byte
  CHECK(valid_utf8("\xE0\xA0\x80"));               // U+0800, smallest 3-byte
  CHECK(valid_utf8("\xE2\x82\xAC"));               // €
  CHECK(valid_utf8("\xED\x9F\xBF"));               // U+D7FF, just below the surrogates
  CHECK(valid_utf8("\xEE\x80\x80"));               // U+E000, just above them
  CHECK(valid_utf8("\xEF\xBF\xBF"));               // U+FFFF
  CHECK(valid_utf8("\xF0\x90\x80\x80"));           // U+10000, smallest 4-byte
  CHECK(valid_utf8("\xF0\x9F\x98\x80"));           // 😀
  CHECK(valid_utf8("\xF4\x8F\xBF\xBF"));           // U+10FFFF, the last code point
  for (unsigned c = 0; c < 0x20; ++c) {
    CAPTURE(c);
    CHECK(valid_utf8(std::string(1, static_cast<char>(c))));
  }
}

TEST_CASE("valid_utf8 rejects malformed UTF-8") {
  SUBCASE("overlong forms") {
    for (const auto* bad :
         {"\xC0\x80", "\xC0\xAF", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF"}) {
      CAPTURE(std::string(bad));
      CHECK_FALSE(valid_utf8(bad));
    }
  }
  SUBCASE("UTF-16 surrogates") {
    CHECK_FALSE(valid_utf8("\xED\xA0\x80"));              // U+D800
    CHECK_FALSE(valid_utf8("\xED\xAF\xBF"));              // U+DBFF
    CHECK_FALSE(valid_utf8("\xED\xB0\x80"));              // U+DC00
    CHECK_FALSE(valid_utf8("\xED\xBF\xBF"));              // U+DFFF
    CHECK_FALSE(valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));  // a CESU-8 pair
  }
  SUBCASE("past U+10FFFF") {
    CHECK_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // U+110000
    CHECK_FALSE(valid_utf8("\xF5\x80\x80\x80"));
    CHECK_FALSE(valid_utf8("\xF7\xBF\xBF\xBF"));
    CHECK_FALSE(valid_utf8("\xF8\x88\x80\x80\x80"));  // 5-byte form
    CHECK_FALSE(valid_utf8("\xFC\x84\x80\x80\x80\x80"));
    CHECK_FALSE(valid_utf8("\xFE"));
    CHECK_FALSE(valid_utf8("\xFF"));
  }
  SUBCASE("truncated sequences") {
    for (const auto* bad : {"\xC3", "\xE2\x82", "\xF0\x9F\x98", "a\xC3",
                            "\xE2\x82"
                            "A",
                            "\xF0\x9F\x98"
                            "A",
                            "\xC3 ", "\xE2\x82\xAC\xE2"}) {
      CAPTURE(std::string(bad));
      CHECK_FALSE(valid_utf8(bad));
    }
  }
  SUBCASE("lone continuation bytes") {
    CHECK_FALSE(valid_utf8("\x80"));
    CHECK_FALSE(valid_utf8("\xBF"));
    CHECK_FALSE(valid_utf8("a\x80z"));
    CHECK_FALSE(valid_utf8("\xE2\x82\xAC\xAC"));  // one continuation too many
  }
}

TEST_CASE("append_json_string escapes what JSON requires") {
  SUBCASE("empty and plain text") {
    CHECK(json_string("") == R"("")");
    CHECK(json_string("Phishing / spear") == R"("Phishing / spear")");
  }
  SUBCASE("quotes and backslashes") {
    CHECK(json_string(R"(say "hi")") == R"("say \"hi\"")");
    CHECK(json_string(R"(C:\temp\)") == R"("C:\\temp\\")");
    CHECK(json_string(R"(\")") == R"("\\\"")");
  }
  SUBCASE("short escapes") {
    CHECK(json_string("a\nb") == R"("a\nb")");
    CHECK(json_string("a\tb") == R"("a\tb")");
    CHECK(json_string("a\rb") == R"("a\rb")");
    CHECK(json_string("a\bb") == R"("a\bb")");
    CHECK(json_string("a\fb") == R"("a\fb")");
  }
  SUBCASE("other C0 controls and DEL as \\u00XX, lower-case hex") {
    CHECK(json_string(std::string_view("\0", 1)) == R"("\u0000")");
    CHECK(json_string("\x01") == R"("\u0001")");
    CHECK(json_string("\x0B") == R"("\u000b")");
    CHECK(json_string("\x1B[31m") == R"("\u001b[31m")");
    CHECK(json_string("\x1F") == R"("\u001f")");
    CHECK(json_string("\x7F") == R"("\u007f")");
  }
  SUBCASE("every C0 control is escaped, never written raw") {
    for (unsigned c = 0; c < 0x20; ++c) {
      CAPTURE(c);
      const std::string out = json_string(std::string(1, static_cast<char>(c)));
      CHECK(out.size() >= 4);
      CHECK(out[1] == '\\');
      for (const char k : out) {
        CHECK(static_cast<unsigned char>(k) >= 0x20);
      }
    }
  }
  SUBCASE("valid UTF-8 is kept as is, C1 controls included") {
    CHECK(json_string("Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x98\x80") ==
          "\"Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x98\x80\"");
    CHECK(json_string("\xC2\x85") == "\"\xC2\x85\"");
    CHECK(json_string("\xF4\x8F\xBF\xBF") == "\"\xF4\x8F\xBF\xBF\"");
  }
  SUBCASE("appends to what is already there") {
    std::string out = "{\"k\":";
    append_json_string(out, "v");
    CHECK(out == R"({"k":"v")");
  }
}

TEST_CASE("append_json_string replaces each unusable byte with U+FFFD") {
  CHECK(json_string("\xFF") == "\"" + k_fffd + "\"");
  CHECK(json_string("a\xC3") == "\"a" + k_fffd + "\"");
  CHECK(json_string("\xE2\x82"
                    "A") == "\"" + k_fffd + k_fffd + "A\"");
  CHECK(json_string("\xC0\x80") == "\"" + k_fffd + k_fffd + "\"");               // overlong NUL
  CHECK(json_string("\xED\xA0\x80") == "\"" + k_fffd + k_fffd + k_fffd + "\"");  // surrogate
  CHECK(json_string("\xF4\x90\x80\x80") == "\"" + k_fffd + k_fffd + k_fffd + k_fffd + "\"");
  CHECK(json_string("\x80\"") == "\"" + k_fffd + "\\\"\"");
  // The output is always valid UTF-8, whatever the input.
  CHECK(valid_utf8(json_string("\xFF\xC3\x28\xE2\x82\x28\xF0\x28\x8C\x28")));
}
