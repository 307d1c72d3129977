#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/templates.h"
#include "core/error.h"

using namespace cso;
using namespace cso::cli;

namespace {

std::string problem(const std::string& text) {
  return template_problem(text).value_or("none");
}

/// A fresh directory under the build's temporary directory, removed afterwards.
struct Folder {
  std::filesystem::path path;
  explicit Folder(const std::string& name)
      : path(std::filesystem::temp_directory_path() / ("cso-templates-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~Folder() { std::filesystem::remove_all(path); }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;
  void write(const std::string& file, const std::string& text) const { std::ofstream(path / file) << text; }
};

Data one(const std::string& key, Data value) {
  Data d = Data::object();
  d.set(key, std::move(value));
  return d;
}

}  // namespace

TEST_CASE("template_problem names the line and what does not parse") {
  CHECK(problem("plain {{name}} {{#a}}x{{/a}} {{^b}}y{{/b}} {{! note }} {{{raw}}} {{&raw}}") == "none");
  CHECK(problem("a\n{{#risks}}\nrow\n") == "line 2: section 'risks' is not closed");
  CHECK(problem("{{#a}}\n{{#b}}\n{{/a}}") == "line 3: '{{/a}}' closes section 'b', opened on line 2");
  CHECK(problem("x\n\n{{/a}}") == "line 3: '{{/a}}' closes no section");
  CHECK(problem("one\ntwo {{name") == "line 2: '{{' is not closed by '}}'");
  CHECK(problem("{{{raw}}") == "line 1: '{{{' is not closed by '}}}'");
  CHECK(problem("{{}}") == "line 1: an empty tag");
  CHECK(problem("{{first last}}") == "line 1: 'first last' is not one name");
  CHECK(problem("{{#}}{{/}}") == "line 1: a section tag '{{#' needs one name");
  CHECK(problem("{{=<%=}}") ==
        "line 1: a delimiter change is written {{=OPEN CLOSE=}}, two delimiters without '=' or spaces");
  // After a delimiter change the new delimiters count, and the old ones are text.
  CHECK(problem("{{=<% %>=}}<%#a%>{{not a tag<%/a%>") == "none");
  CHECK(problem("{{=<% %>=}}\n<%#a%>") == "line 2: section 'a' is not closed");
  std::vector<std::string> partials;
  CHECK_FALSE(template_problem("{{> style}} {{#x}}{{>row}}{{/x}}", &partials));
  CHECK(partials == std::vector<std::string>{"style", "row"});
}

TEST_CASE("escape_for escapes hostile text for the format it lands in") {
  const std::string hostile = "<script>alert(\"x\")</script> & 'q' | `c`";
  CHECK(escape_for("html", hostile) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; | `c`");
  CHECK(escape_for("md", hostile) == "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'q' \\| \\`c\\`");
  CHECK(escape_for("md", "# not a heading\nsecond | line\r\nthird") == "\\# not a heading<br>second \\| line<br>third");
  CHECK(escape_for("md", "a\\|b") == "a\\\\\\|b");
  CHECK(escape_for("csv", "=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
  CHECK(escape_for("csv", "a,\"b\"") == "\"a,\"\"b\"\"\"");
  CHECK(escape_for("csv", "plain") == "plain");
  CHECK(escape_for("txt", "bell\x07 esc\x1b[31m") == "bell^G esc^[[31m");
  // Right-to-left overrides and isolates never reach a reader, in any format but csv.
  const std::string rlo = "invoice\u202Etxt.exe\u2066";
  for (const char* format : {"txt", "md", "html"}) {
    CHECK(escape_for(format, rlo) == "invoice\uFFFDtxt.exe\uFFFD");
  }
}

TEST_CASE("render escapes every interpolation for its format, and raw tags are raw") {
  const Data data = one("title", "a|b <i>");
  CHECK(render("| {{title}} |", data, "md", {}) == "| a\\|b &lt;i&gt; |");
  CHECK(render("<td>{{title}}</td>", data, "html", {}) == "<td>a|b &lt;i&gt;</td>");
  CHECK(render("{{{title}}}", data, "html", {}) == "a|b <i>");
  CHECK(render("{{title}},x", one("title", "-1+1"), "csv", {}) == "'-1+1,x");
  // Integers, flags, lists, objects and null.
  Data rows = Data::List{};
  rows.push(one("n", 1));
  rows.push(one("n", 2));
  Data d = Data::object();
  d.set("rows", std::move(rows));
  d.set("yes", true);
  d.set("none", Data());
  CHECK(render("{{#rows}}[{{n}}]{{/rows}}{{#yes}}y{{/yes}}{{^none}}-{{/none}}", d, "txt", {}) == "[1][2]y-");
  // Standalone section lines leave no blank line: a Markdown table stays one table.
  CHECK(render("| a |\n| --- |\n{{#rows}}\n| {{n}} |\n{{/rows}}\n", d, "md", {}) == "| a |\n| --- |\n| 1 |\n| 2 |\n");
}

TEST_CASE("templates resolve from the first folder that has them, then the built-in set") {
  const Folder workspace("workspace");
  const Folder user("user");
  const Templates templates({workspace.path.string(), user.path.string(), "/nonexistent/cso/templates"});
  auto built_in = templates.find("risk-register", "md");
  REQUIRE(built_in);
  CHECK(built_in->origin == "built-in");
  CHECK(built_in->name == "risk-register.md");
  CHECK_FALSE(templates.find("risk-register", "docx"));

  user.write("risk-register.md.mustache", "user {{total}}");
  CHECK(templates.find("risk-register", "md")->origin == (user.path / "risk-register.md.mustache").string());
  workspace.write("risk-register.md.mustache", "workspace {{total}}");
  const auto found = templates.find("risk-register", "md");
  CHECK(found->text == "workspace {{total}}");
  CHECK(found->origin == (workspace.path / "risk-register.md.mustache").string());
}

TEST_CASE("render_template checks the template and every partial it includes, naming the file") {
  const Folder dir("partials");
  const Templates templates({dir.path.string()});
  dir.write("r.html.mustache", "<b>{{> head}}</b>");
  dir.write("head.html.mustache", "{{title}}");
  auto file = templates.find("r", "html");
  REQUIRE(file);
  CHECK(render_template(templates, *file, one("title", "<x>"), "html") == "<b>&lt;x&gt;</b>");

  dir.write("head.html.mustache", "first\n{{#open}}");
  const std::string head = (dir.path / "head.html.mustache").string();
  CHECK_THROWS_WITH_AS(render_template(templates, *file, Data::object(), "html"),
                       ("template " + head + ": line 2: section 'open' is not closed").c_str(), Error);

  dir.write("r.html.mustache", "{{> nothing}}");
  file = templates.find("r", "html");
  const std::string r = (dir.path / "r.html.mustache").string();
  CHECK_THROWS_WITH_AS(
      render_template(templates, *file, Data::object(), "html"),
      ("template " + r + ": it includes the partial 'nothing', but there is no nothing.html.mustache").c_str(), Error);
  // A partial that includes itself is rendered as Mustache renders recursion, not looped on.
  dir.write("r.html.mustache", "{{> tree}}");
  dir.write("tree.html.mustache", "({{#kids}}{{> tree}}{{/kids}})");
  file = templates.find("r", "html");
  Data kids = Data::List{};
  kids.push(one("kids", Data::List{}));
  CHECK(render_template(templates, *file, one("kids", std::move(kids)), "html") == "(())");
}
