#include <doctest/doctest.h>

#include <string>

#include "cli/report_charts.h"

using namespace cso;
using namespace cso::cli;

namespace {

Data item(const std::string& team, std::int64_t complete, std::int64_t assigned, const std::string& percent) {
  Data d = Data::object();
  d.set("team", team);
  d.set("complete", complete);
  d.set("assigned", assigned);
  d.set("percent", percent);
  return d;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("heatmap_svg draws one cell per rating with its count, coloured by band, sized") {
  Data rows = Data::List{};
  for (std::int64_t impact = 3; impact >= 1; --impact) {
    Data cells = Data::List{};
    for (std::int64_t l = 1; l <= 3; ++l) {
      Data cell = Data::object();
      cell.set("likelihood", l);
      cell.set("count", l == 3 && impact == 3 ? 7 : 0);
      cell.set("level", l * impact >= 9 ? "critical" : "low");
      cells.push(std::move(cell));
    }
    Data row = Data::object();
    row.set("impact", impact);
    row.set("cells", std::move(cells));
    rows.push(std::move(row));
  }
  Data heatmap = Data::object();
  heatmap.set("size", 3);
  heatmap.set("rows", std::move(rows));
  const std::string svg = heatmap_svg(heatmap);
  CHECK(svg.rfind("<svg class=\"chart heatmap\"", 0) == 0);
  CHECK(svg.find("width=\"258\" height=\"182\"") != std::string::npos);
  CHECK(occurrences(svg, "<rect") == 9);
  CHECK(occurrences(svg, "fill=\"#b71c1c\" fill-opacity=\"1\"") == 1);
  CHECK(svg.find(">7</text>") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(heatmap_svg(Data::object()).empty());
}

TEST_CASE("bars_svg escapes its labels and draws each bar to its percent") {
  Data items = Data::List{};
  items.push(item("<script>alert(1)</script>", 1, 2, "50%"));
  items.push(item("ops & it", 0, 0, ""));
  const std::string svg = bars_svg(items, "team", "complete", "assigned");
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("ops &amp; it") != std::string::npos);
  CHECK(svg.find("width=\"160\" height=\"16\" rx=\"2\" fill=\"#1f4e8c\"") != std::string::npos);  // 50% of 320
  CHECK(svg.find("nothing assigned") != std::string::npos);
  CHECK(svg.find(">50%</text>") != std::string::npos);
  CHECK(bars_svg(Data::List{}, "team", "complete", "assigned").empty());
}

TEST_CASE("with_charts adds the charts a report's data has, and only those") {
  Data d = Data::object();
  d.set("by_team", Data::List{});
  const Data out = with_charts(d);
  REQUIRE(out.find("charts") != nullptr);
  CHECK(out.find("charts")->find("by_team") != nullptr);
  CHECK(out.find("charts")->find("heatmap") == nullptr);
}
