#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "cli/output.h"
#include "core/error.h"

using namespace cso;
using namespace cso::cli;
using namespace std::string_literals;

namespace {

Cell text(std::string s, Style style = Style::none) {
  return Cell{Value{std::move(s)}, style};
}
Cell integer(std::int64_t n) {
  return Cell{Value{n}, Style::none};
}
Cell null() {
  return Cell{Value{}, Style::none};
}

OutputOptions options(Format format, bool color = false, int width = 0) {
  OutputOptions o;
  o.format = format;
  o.color = color;
  o.terminal_width = width;
  return o;
}

std::string list(const OutputOptions& opts, const std::vector<std::string>& columns,
                 const std::vector<std::vector<Cell>>& rows) {
  std::ostringstream out;
  RowWriter writer(out, opts, columns);
  for (const auto& r : rows) {
    writer.row(r);
  }
  writer.finish();
  return out.str();
}

std::string object(const OutputOptions& opts, const std::vector<std::string>& columns, const std::vector<Cell>& cells) {
  std::ostringstream out;
  write_object(out, opts, columns, cells);
  return out.str();
}

const std::vector<std::string> k_columns = {"id", "title", "score"};
const std::vector<std::vector<Cell>> k_rows = {
    {text("RSK-1"), text("Phishing"), integer(12)},
    {text("RSK-12"), text("Laptop theft"), integer(3)},
    {text("RSK-100"), null(), null()},
};

}  // namespace

TEST_CASE("parse_format accepts the five formats and names --format otherwise") {
  CHECK(parse_format("table") == Format::table);
  CHECK(parse_format("json") == Format::json);
  CHECK(parse_format("jsonl") == Format::jsonl);
  CHECK(parse_format("csv") == Format::csv);
  CHECK(parse_format("tsv") == Format::tsv);
  try {
    parse_format("xml");
    FAIL("expected a usage error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()) == "--format: 'xml' is not a format; use table, json, jsonl, csv or tsv");
  }
  CHECK_THROWS_AS(parse_format("JSON"), Error);
  CHECK_THROWS_AS(parse_format(""), Error);
}

TEST_CASE("table: aligned columns, integers right-aligned, null as -") {
  CHECK(list(options(Format::table), k_columns, k_rows) ==
        "id       title         score\n"
        "RSK-1    Phishing         12\n"
        "RSK-12   Laptop theft      3\n"
        "RSK-100  -                 -\n");
}

TEST_CASE("table: an empty list prints the header only") {
  CHECK(list(options(Format::table), k_columns, {}) == "id  title  score\n");
}

TEST_CASE("table: colour only when asked") {
  const std::vector<std::vector<Cell>> rows = {{text("RSK-1"), text("open", Style::green)}};
  CHECK(list(options(Format::table), {"id", "status"}, rows) == "id     status\nRSK-1  open\n");
  CHECK(list(options(Format::table, true), {"id", "status"}, rows) ==
        "\x1b[1mid\x1b[0m     \x1b[1mstatus\x1b[0m\nRSK-1  \x1b[32mopen\x1b[0m\n");
}

TEST_CASE("table: text is neutralised and kept on one line") {
  const std::vector<std::vector<Cell>> rows = {{text("a\x1b]0;pwned\x07"
                                                     "b"),
                                                text("two\nlines\tand\rcr")}};
  CHECK(list(options(Format::table), {"x", "y"}, rows) ==
        "x               y\n"
        "a^[]0;pwned^Gb  two lines and cr\n");
}

TEST_CASE("table: truncation only with a terminal width, widest text columns first") {
  const std::vector<std::string> columns = {"id", "title", "owner", "score"};
  const std::vector<std::vector<Cell>> rows = {
      {text("RSK-1"), text("A very long risk title that goes on and on"), text("alice"), integer(123456)},
      {text("RSK-2"), text("Short"), text("bob"), integer(7)},
  };
  const std::string wide = list(options(Format::table), columns, rows);
  CHECK(wide.find("goes on and on") != std::string::npos);

  const std::string narrow = list(options(Format::table, false, 40), columns, rows);
  CHECK(narrow ==
        "id     title               owner   score\n"
        "RSK-1  A very long risk\xE2\x80\xA6   alice  123456\n"
        "RSK-2  Short               bob         7\n");
  std::istringstream lines(narrow);
  std::string line;
  while (std::getline(lines, line)) {
    CHECK(display_width(line) <= 40);
  }
  CHECK(narrow.find("A very long risk") != std::string::npos);
  CHECK(narrow.find("\xE2\x80\xA6") != std::string::npos);
  CHECK(narrow.find("123456") != std::string::npos);  // integers are never cut
  CHECK(narrow.find("alice") != std::string::npos);   // the narrow column is left alone
}

TEST_CASE("table: exact truncation") {
  const std::vector<std::vector<Cell>> rows = {{text("abcdefghijklmnopqrst"), integer(5)}};
  CHECK(list(options(Format::table, false, 15), {"title", "n"}, rows) ==
        "title         n\n"
        "abcdefghijk…  5\n");
  // Wide characters count two columns and are never cut in half.
  const std::vector<std::vector<Cell>> cjk = {{text("日本語のテキストです"), integer(5)}};
  CHECK(list(options(Format::table, false, 12), {"title", "n"}, cjk) ==
        "title      n\n"
        "日本語の…  5\n");
}

TEST_CASE("table: a narrow terminal never cuts IDs, dates and instants") {
  const std::vector<std::vector<Cell>> rows = {
      {whole_cell(std::string("alice/cert/CISSP")), text("A long title that must give way"),
       whole_cell(std::string("2026-11-27T09:00:00Z"))},
  };
  const std::string out = list(options(Format::table, false, 40), {"id", "title", "at"}, rows);
  CHECK(out.find("alice/cert/CISSP  ") != std::string::npos);
  CHECK(out.find("  2026-11-27T09:00:00Z\n") != std::string::npos);
  CHECK(out.find("A lon…") != std::string::npos);
  // Without the mark the instant, the widest column, is the one cut.
  const std::vector<std::vector<Cell>> plain = {{text("2026-11-27T09:00:00Z"), text("short")}};
  CHECK(list(options(Format::table, false, 20), {"at", "title"}, plain).find("2026-11-27T09:00:00Z") ==
        std::string::npos);
}

TEST_CASE("padded: to a display width, never shortened") {
  CHECK(padded("RSK-1", 8) == "RSK-1   ");
  CHECK(padded("日本", 6) == "日本  ");
  CHECK(padded("dan/cert/GCIH", 8) == "dan/cert/GCIH");
}

TEST_CASE("table: too narrow a terminal keeps the headers whole") {
  const std::vector<std::vector<Cell>> rows = {{text("description text"), text("another long text")}};
  const std::string out = list(options(Format::table, false, 5), {"description", "summary"}, rows);
  CHECK(out.substr(0, out.find('\n')) == "description  summary");
}

TEST_CASE("json: a streamed array of objects") {
  CHECK(list(options(Format::json), k_columns, k_rows) ==
        "[\n"
        "{\"id\":\"RSK-1\",\"title\":\"Phishing\",\"score\":12},\n"
        "{\"id\":\"RSK-12\",\"title\":\"Laptop theft\",\"score\":3},\n"
        "{\"id\":\"RSK-100\",\"title\":null,\"score\":null}\n"
        "]\n");
  CHECK(list(options(Format::json), k_columns, {}) == "[]\n");
}

TEST_CASE("json: rows are written as they come") {
  std::ostringstream out;
  RowWriter writer(out, options(Format::json), {"id"});
  writer.row({text("RSK-1")});
  CHECK(out.str() == "[\n{\"id\":\"RSK-1\"}");
  writer.finish();
  writer.finish();  // idempotent
  CHECK(out.str() == "[\n{\"id\":\"RSK-1\"}\n]\n");
}

TEST_CASE("RowWriter finishes in its destructor, but not while an exception unwinds") {
  std::ostringstream done;
  { RowWriter writer(done, options(Format::json), {"id"}); }
  CHECK(done.str() == "[]\n");
  std::ostringstream failed;
  try {
    RowWriter writer(failed, options(Format::json), {"id"});
    writer.row({integer(1)});
    throw std::runtime_error("database gone");
  } catch (const std::runtime_error&) {
  }
  CHECK(failed.str() == "[\n{\"id\":1}");
}

TEST_CASE("a row with the wrong number of cells is a programming error") {
  std::ostringstream out;
  RowWriter writer(out, options(Format::jsonl), {"a", "b"});
  CHECK_THROWS_AS(writer.row({text("x")}), std::logic_error);
}

TEST_CASE("jsonl: one object per line") {
  CHECK(list(options(Format::jsonl), k_columns, k_rows) ==
        "{\"id\":\"RSK-1\",\"title\":\"Phishing\",\"score\":12}\n"
        "{\"id\":\"RSK-12\",\"title\":\"Laptop theft\",\"score\":3}\n"
        "{\"id\":\"RSK-100\",\"title\":null,\"score\":null}\n");
  CHECK(list(options(Format::jsonl), k_columns, {}).empty());
}

TEST_CASE("json_text of json_of escapes as JSON does, and never throws on invalid UTF-8") {
  const auto j = [](const Value& v) { return json_text(json_of(v), JsonLayout::compact); };
  CHECK(j(Value{}) == "null");
  CHECK(j(Value{std::int64_t{-42}}) == "-42");
  CHECK(j(Value{"plain"s}) == "\"plain\"");
  CHECK(j(Value{"q\"b\\s/"s}) == "\"q\\\"b\\\\s/\"");
  CHECK(j(Value{"\n\r\t\b\f"s}) == "\"\\n\\r\\t\\b\\f\"");
  CHECK(j(Value{"\x1b[31m\x01"s}) == "\"\\u001b[31m\\u0001\"");
  CHECK(j(Value{std::string("nul\0byte", 8)}) == "\"nul\\u0000byte\"");
  CHECK(j(Value{"caf\xC3\xA9 \xE6\x97\xA5"s}) == "\"caf\xC3\xA9 \xE6\x97\xA5\"");
  CHECK(j(Value{"bad\xFF\xC3"s}) == "\"bad\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(j(Value{"\xED\xA0\x80"s}) == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
  std::ostringstream out;
  write_json(out, Json{{"title", "bad\xFF"}}, JsonLayout::pretty);
  CHECK(out.str() == "{\n  \"title\": \"bad\xEF\xBF\xBD\"\n}\n");
}

TEST_CASE("json layouts: pretty for json, compact for jsonl; keys keep their order") {
  CHECK(json_layout(Format::json) == JsonLayout::pretty);
  CHECK(json_layout(Format::jsonl) == JsonLayout::compact);
  const Json value = {{"status", "OK"}, {"counts", {{"critical", 0}, {"warning", 2}}}, {"problems", Json::array()}};
  CHECK(json_text(value, JsonLayout::compact) ==
        R"({"status":"OK","counts":{"critical":0,"warning":2},"problems":[]})");
  CHECK(json_text(value, JsonLayout::pretty) ==
        "{\n  \"status\": \"OK\",\n  \"counts\": {\n    \"critical\": 0,\n    \"warning\": 2\n  },\n"
        "  \"problems\": []\n}");
}

TEST_CASE("json_object: raw JSON cells are embedded as JSON, text that is not JSON stays text") {
  const Cell data{Value{R"({"b":1,"a":[true,null]})"s}, Style::none, true};
  const Cell broken{Value{"{not json"s}, Style::none, true};
  CHECK(json_text(json_object({"seq", "data", "bad"}, {integer(3), data, broken}), JsonLayout::compact) ==
        R"({"seq":3,"data":{"b":1,"a":[true,null]},"bad":"{not json"})");
  CHECK(list(options(Format::jsonl), {"data"}, {{data}}) == "{\"data\":{\"b\":1,\"a\":[true,null]}}\n");
  CHECK_THROWS_AS(json_object({"a", "b"}, {integer(1)}), std::logic_error);
}

TEST_CASE("select_keys: --fields picks a report's keys, in order; unknown or repeated keys are usage errors") {
  const Json report = {{"status", "OK"}, {"counts", {{"critical", 0}}}, {"problems", Json::array()}};
  CHECK(json_text(select_keys(report, "", "cso check"), JsonLayout::compact) == json_text(report, JsonLayout::compact));
  CHECK(json_text(select_keys(report, "problems,status", "cso check"), JsonLayout::compact) ==
        R"({"problems":[],"status":"OK"})");
  const auto message = [&](std::string_view fields) {
    try {
      select_keys(report, fields, "cso check");
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::usage);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message("status,bogus") == "--fields: 'bogus' is not a key of 'cso check'; use status, counts, problems");
  CHECK(message("status,,counts") == "--fields: '' is not a key of 'cso check'; use status, counts, problems");
  CHECK(message("status,status") == "--fields: 'status' is given twice");
}

TEST_CASE("FormatSet and require_format: a command's formats, named in the usage error") {
  CHECK(k_record_formats.names() == "table, json, jsonl, csv or tsv");
  CHECK(k_table_json.names() == "table or json");
  CHECK(k_table_only.names() == "table");
  CHECK(k_table_json.has(Format::json));
  CHECK_FALSE(k_table_json.has(Format::jsonl));
  CHECK_NOTHROW(require_format(Format::json, k_table_json, "cso status"));
  try {
    require_format(Format::csv, k_table_json, "cso status");
    FAIL("expected a usage error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()) == "--format csv: 'cso status' prints table or json");
  }
  CHECK(format_name(Format::tsv) == "tsv");
}

/// A stream buffer that fails every write, as stdout on a full disk does.
class FullBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type) override {
    errno = ENOSPC;
    return traits_type::eof();
  }
  std::streamsize xsputn(const char*, std::streamsize) override {
    errno = ENOSPC;
    return 0;
  }
};

TEST_CASE("a failed write: flush_failure gives the reason, RowWriter and flush_or_throw throw a runtime Error") {
  std::ostringstream fine;
  fine << "x";
  CHECK_FALSE(flush_failure(fine).has_value());
  CHECK_NOTHROW(flush_or_throw(fine));

  FullBuffer full;
  std::ostream out(&full);
  out << "RSK-1\n";
  CHECK(flush_failure(out) == std::optional<std::string>(std::strerror(ENOSPC)));
  try {
    flush_or_throw(out);
    FAIL("expected a runtime error");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::runtime);
    CHECK(std::string(e.what()) == "cannot write to standard output: "s + std::strerror(ENOSPC));
  }

  std::ostream list_out(&full);
  RowWriter writer(list_out, options(Format::jsonl), {"id"});
  CHECK_THROWS_AS(writer.row({text("RSK-1")}), Error);  // the first failed row stops the list
  std::ostream table_out(&full);
  RowWriter table(table_out, options(Format::table), {"id"});
  table.row({text("RSK-1")});  // buffered
  CHECK_THROWS_AS(table.finish(), Error);
}

TEST_CASE("csv: header, RFC 4180 quoting, nulls empty") {
  CHECK(list(options(Format::csv), k_columns, k_rows) ==
        "id,title,score\n"
        "RSK-1,Phishing,12\n"
        "RSK-12,Laptop theft,3\n"
        "RSK-100,,\n");
  CHECK(list(options(Format::csv), k_columns, {}) == "id,title,score\n");
  const std::vector<std::vector<Cell>> rows = {{text("a,b"), text("say \"hi\""), text("two\nlines")},
                                               {text("cr\rhere"), text(""), text("tab\tok")}};
  CHECK(list(options(Format::csv), {"x", "y", "z"}, rows) ==
        "x,y,z\n"
        "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
        "\"cr\rhere\",,tab\tok\n");
}

TEST_CASE("tsv: tabs separate, fields with tab, newline or quote are quoted") {
  CHECK(list(options(Format::tsv), k_columns, k_rows) ==
        "id\ttitle\tscore\n"
        "RSK-1\tPhishing\t12\n"
        "RSK-12\tLaptop theft\t3\n"
        "RSK-100\t\t\n");
  const std::vector<std::vector<Cell>> rows = {{text("a\tb"), text("a,b"), text("l1\nl2"), text("\"q\"")}};
  CHECK(list(options(Format::tsv), {"w", "x", "y", "z"}, rows) ==
        "w\tx\ty\tz\n"
        "\"a\tb\"\ta,b\t\"l1\nl2\"\t\"\"\"q\"\"\"\n");
}

TEST_CASE("csv_field guards formulas in text, never in integers") {
  CHECK(csv_field(text("=1+2"), ',') == "'=1+2");
  CHECK(csv_field(text("+cmd"), ',') == "'+cmd");
  CHECK(csv_field(text("-2"), ',') == "'-2");
  CHECK(csv_field(text("@SUM(A1)"), ',') == "'@SUM(A1)");
  CHECK(csv_field(text("\tx"), ',') == "'\tx");
  CHECK(csv_field(text("\tx"), '\t') == "\"'\tx\"");
  CHECK(csv_field(text("\rx"), ',') == "\"'\rx\"");
  CHECK(csv_field(text("=HYPERLINK(\"http://x\",\"y\")"), ',') == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_field(text("a=b"), ',') == "a=b");
  CHECK(csv_field(text(""), ',') == "");
  CHECK(csv_field(integer(-5), ',') == "-5");
  CHECK(csv_field(null(), ',') == "");
  CHECK(csv_field(text("\x1b[31m"), ',') == "\x1b[31m");  // CSV keeps the data
}

TEST_CASE("write_object: table lines, names padded, multi-line text indented") {
  const std::vector<std::string> columns = {"id", "title", "description", "score", "owner"};
  const std::vector<Cell> cells = {text("RSK-1"), text("Phishing\x1b[2J"), text("line one\nline two\n\nline four"),
                                   integer(12), null()};
  CHECK(object(options(Format::table), columns, cells) ==
        "id:          RSK-1\n"
        "title:       Phishing^[[2J\n"
        "description: line one\n"
        "             line two\n"
        "\n"
        "             line four\n"
        "score:       12\n"
        "owner:       -\n");
  CHECK(object(options(Format::table), {"a", "b"}, {text(""), text("x")}) == "a:\nb: x\n");
  CHECK(object(options(Format::table, true), {"a"}, {text("x", Style::red)}) == "\x1b[1ma:\x1b[0m \x1b[31mx\x1b[0m\n");
}

TEST_CASE("write_object: json, jsonl, csv, tsv") {
  const std::vector<std::string> columns = {"id", "title", "score"};
  const std::vector<Cell> cells = {text("RSK-1"), text("a \"b\""), null()};
  CHECK(object(options(Format::json), columns, cells) ==
        "{\n  \"id\": \"RSK-1\",\n  \"title\": \"a \\\"b\\\"\",\n  \"score\": null\n}\n");
  CHECK(object(options(Format::jsonl), columns, cells) ==
        "{\"id\":\"RSK-1\",\"title\":\"a \\\"b\\\"\",\"score\":null}\n");
  CHECK(object(options(Format::csv), columns, cells) == "id,title,score\nRSK-1,\"a \"\"b\"\"\",\n");
  CHECK(object(options(Format::tsv), columns, cells) == "id\ttitle\tscore\nRSK-1\t\"a \"\"b\"\"\"\t\n");
  CHECK(object(options(Format::json), {}, {}) == "{}\n");
}

TEST_CASE("sanitize neutralises control characters") {
  CHECK(sanitize("plain text") == "plain text");
  CHECK(sanitize("keep\ttab\nand newline") == "keep\ttab\nand newline");
  CHECK(sanitize("\x1b[31mred\x1b[0m") == "^[[31mred^[[0m");
  CHECK(sanitize("bell\x07") == "bell^G");
  CHECK(sanitize("\x1b]0;window title\x07") == "^[]0;window title^G");
  CHECK(sanitize("\x1b]2;title\x1b\\") == "^[]2;title^[\\");
  CHECK(sanitize("cr\r") == "cr^M");
  CHECK(sanitize(std::string("nul\0", 4)) == "nul^@");
  CHECK(sanitize("\x1f") == "^_");
  CHECK(sanitize("del\x7f") == "del^?");
  CHECK(sanitize("csi\xC2\x9B"
                 "31m") ==
        "csi\xEF\xBF\xBD"
        "31m");  // U+009B, the C1 CSI
  CHECK(sanitize("\xC2\x80\xC2\x9F\xC2\xA0") == "\xEF\xBF\xBD\xEF\xBF\xBD\xC2\xA0");
  CHECK(sanitize("bad\xFF"
                 "byte") ==
        "bad\xEF\xBF\xBD"
        "byte");
  CHECK(sanitize("cut\xE6\x97") == "cut\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(sanitize("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(sanitize("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x94\x92") ==
        "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x94\x92");
}

TEST_CASE("sanitize_cell also flattens line breaks and tabs") {
  CHECK(sanitize_cell("a\nb\tc\rd") == "a b c d");
  CHECK(sanitize_cell("\x1b[1m\n") == "^[[1m ");
  CHECK(sanitize_cell("ok") == "ok");
}

TEST_CASE("paint") {
  CHECK(paint("x", Style::red, false) == "x");
  CHECK(paint("x", Style::none, true) == "x");
  CHECK(paint("x", Style::red, true) == "\x1b[31mx\x1b[0m");
  CHECK(paint("x", Style::bold, true) == "\x1b[1mx\x1b[0m");
  CHECK(paint("x", Style::cyan, true) == "\x1b[36mx\x1b[0m");
}

TEST_CASE("display_width") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("caf\xC3\xA9") == 4);
  CHECK(display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本
  CHECK(display_width("\xED\x95\x9C") == 2);              // 한
  CHECK(display_width("\xEF\xBC\xA1") == 2);              // fullwidth A
  CHECK(display_width("\xF0\x9F\x94\x92") == 2);          // an emoji
  CHECK(display_width("e\xCC\x81") == 1);                 // e + combining acute
  CHECK(display_width("\xE2\x80\xA6") == 1);              // …
  CHECK(display_width("a\xFF"
                      "b") == 3);  // an invalid byte shows as one U+FFFD
}
