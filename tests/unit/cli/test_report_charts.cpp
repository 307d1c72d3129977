#include <doctest/doctest.h>
#include <fmt/format.h>

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

namespace {

Data month(const std::string& key, const std::string& label, std::int64_t sev1, std::int64_t sev2, std::int64_t sev3,
           std::int64_t sev4) {
  Data d = Data::object();
  d.set("month", key);
  d.set("label", label);
  d.set("sev1", sev1);
  d.set("sev2", sev2);
  d.set("sev3", sev3);
  d.set("sev4", sev4);
  d.set("total", sev1 + sev2 + sev3 + sev4);
  return d;
}

Data bucket(const std::string& age, std::int64_t critical, std::int64_t high, std::int64_t medium, std::int64_t low) {
  Data d = Data::object();
  d.set("age", age);
  d.set("critical", critical);
  d.set("high", high);
  d.set("medium", medium);
  d.set("low", low);
  d.set("total", critical + high + medium + low);
  return d;
}

/// The integer value of attribute `name` in the first element that starts with `start`, or -1.
int attribute_of(const std::string& svg, const std::string& start, const std::string& name) {
  const auto at = svg.find(start);
  if (at == std::string::npos) {
    return -1;
  }
  const auto end = svg.find('>', at);
  const auto attr = svg.find(" " + name + "=\"", at);
  if (attr == std::string::npos || attr > end) {
    return -1;
  }
  return std::stoi(svg.substr(attr + name.size() + 3));
}

/// One <svg> element, whole, with a positive width and height and the same viewBox.
void check_one_sized_svg(const std::string& svg) {
  CHECK(svg.rfind("<svg class=\"chart ", 0) == 0);
  CHECK(occurrences(svg, "<svg") == 1);
  CHECK(svg.size() - svg.rfind("</svg>") == 6);
  const int width = attribute_of(svg, "<svg", "width");
  const int height = attribute_of(svg, "<svg", "height");
  CHECK(width > 0);
  CHECK(height > 0);
  CHECK(svg.find(fmt::format("viewBox=\"0 0 {} {}\"", width, height)) != std::string::npos);
  CHECK(svg.find("role=\"img\" aria-label=\"") != std::string::npos);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("href") == std::string::npos);
}

}  // namespace

TEST_CASE("incidents_by_month_svg charts and stacks each month's incidents by severity, to scale") {
  Data months = Data::List{};
  months.push(month("2026-08", "Aug", 2, 0, 0, 0));
  months.push(month("2026-09", "Sep", 4, 1, 0, 3));
  const std::string svg = incidents_by_month_svg(months);
  check_one_sized_svg(svg);
  const int aug = attribute_of(svg, "<rect class=\"segment sev1\"", "height");
  const int sep =
      attribute_of(svg.substr(svg.find("<g class=\"month\"><title>2026-09")), "<rect class=\"segment sev1\"", "height");
  CHECK(aug > 0);
  CHECK(sep == 2 * aug);
  CHECK(attribute_of(svg, "<rect class=\"segment sev4\"", "height") * 4 == sep * 3);
  CHECK(occurrences(svg, "<rect class=\"segment") == 4);  // none for a zero count
  CHECK(svg.find("fill=\"#b71c1c\"") != std::string::npos);
  CHECK(svg.find("fill=\"#607d8b\"") != std::string::npos);
  CHECK(svg.find("fill=\"#1d2433\">8</text>") != std::string::npos);  // Sep's total above its bar
  CHECK(svg.find("fill=\"#1d2433\">2</text>") != std::string::npos);
  CHECK(svg.find(">Aug</text>") != std::string::npos);
  CHECK(svg.find(">2026</text>") != std::string::npos);
  CHECK(svg.find("no incidents") == std::string::npos);
  for (const char* sev : {">sev1</text>", ">sev2</text>", ">sev3</text>", ">sev4</text>"}) {
    CHECK(svg.find(sev) != std::string::npos);  // the legend
  }
}

TEST_CASE("incidents_by_month_svg charts the axis and months of a period without incidents, and nothing for none") {
  Data months = Data::List{};
  months.push(month("2026-08", "Aug", 0, 0, 0, 0));
  months.push(month("2026-09", "Sep", 0, 0, 0, 0));
  const std::string svg = incidents_by_month_svg(months);
  check_one_sized_svg(svg);
  CHECK(occurrences(svg, "<rect class=\"segment") == 0);
  CHECK(svg.find(">0</text>") != std::string::npos);  // the axis, 0 to 1
  CHECK(svg.find(">1</text>") != std::string::npos);
  CHECK(svg.find(">Aug</text>") != std::string::npos);
  CHECK(svg.find(">Sep</text>") != std::string::npos);
  CHECK(svg.find("<line") != std::string::npos);
  CHECK(svg.find(">no incidents</text>") != std::string::npos);
  CHECK(incidents_by_month_svg(Data::List{}).empty());
  CHECK(incidents_by_month_svg(Data()).empty());
}

TEST_CASE("incidents_by_month_svg escapes the labels of its chart") {
  Data months = Data::List{};
  months.push(month("<script>&\"", "<script>&\"", 1, 0, 0, 0));
  const std::string svg = incidents_by_month_svg(months);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;&amp;&quot;") != std::string::npos);
  CHECK(svg.find("&\"") == std::string::npos);
}

TEST_CASE("finding_ageing_svg charts and stacks each bucket's findings by severity, to scale, with its total") {
  Data buckets = Data::List{};
  buckets.push(bucket("0–30 days", 2, 0, 0, 0));
  buckets.push(bucket("over 90 days", 4, 0, 4, 2));
  const std::string svg = finding_ageing_svg(buckets);
  check_one_sized_svg(svg);
  const int young = attribute_of(svg, "<rect class=\"segment critical\"", "width");
  const std::string old_row = svg.substr(svg.find("<g class=\"bucket\"><title>over 90 days"));
  const int old = attribute_of(old_row, "<rect class=\"segment critical\"", "width");
  CHECK(young > 0);
  CHECK(old == 2 * young);
  CHECK(attribute_of(old_row, "<rect class=\"segment medium\"", "width") == old);
  CHECK(attribute_of(old_row, "<rect class=\"segment low\"", "width") == young);
  CHECK(attribute_of(old_row, "<rect class=\"segment medium\"", "x") ==
        attribute_of(old_row, "<rect class=\"segment critical\"", "x") + old);
  CHECK(occurrences(svg, "<rect class=\"segment") == 4);
  CHECK(svg.find("fill=\"#2e7d32\"") != std::string::npos);  // low
  CHECK(svg.find(">0–30 days</text>") != std::string::npos);
  CHECK(svg.find("fill=\"#1d2433\">2</text>") != std::string::npos);  // the totals
  CHECK(svg.find("fill=\"#1d2433\">10</text>") != std::string::npos);
  for (const char* level : {">critical</text>", ">high</text>", ">medium</text>", ">low</text>"}) {
    CHECK(svg.find(level) != std::string::npos);  // the legend
  }
}

TEST_CASE("finding_ageing_svg charts empty rows for buckets without findings, and nothing for none") {
  Data buckets = Data::List{};
  buckets.push(bucket("0–30 days", 0, 0, 0, 0));
  buckets.push(bucket("31–90 days", 0, 0, 0, 0));
  const std::string svg = finding_ageing_svg(buckets);
  check_one_sized_svg(svg);
  CHECK(occurrences(svg, "<rect class=\"segment") == 0);
  CHECK(svg.find(">0–30 days</text>") != std::string::npos);
  CHECK(svg.find(">31–90 days</text>") != std::string::npos);
  CHECK(occurrences(svg, "fill=\"#1d2433\">0</text>") == 2);
  CHECK(finding_ageing_svg(Data::List{}).empty());
  CHECK(finding_ageing_svg(Data()).empty());
}

TEST_CASE("finding_ageing_svg escapes the labels of its chart and shortens long ones") {
  Data buckets = Data::List{};
  buckets.push(bucket("<script>&\"", 1, 0, 0, 0));
  buckets.push(bucket(std::string(60, 'x'), 1, 0, 0, 0));
  const std::string svg = finding_ageing_svg(buckets);
  CHECK(svg.find("<script") == std::string::npos);
  CHECK(svg.find("&lt;script&gt;&amp;&quot;") != std::string::npos);
  const auto cut = svg.find("…</text>");
  REQUIRE(cut != std::string::npos);
  CHECK(svg.rfind(">xxxxxxxxxx", cut) != std::string::npos);
  CHECK(svg.find(std::string(60, 'x') + "</text>") == std::string::npos);
  CHECK(svg.find(std::string(60, 'x') + ": 1 finding") != std::string::npos);  // in full in the tooltip
}

TEST_CASE("with_charts adds the incident and finding charts only when the data has them") {
  Data d = Data::object();
  const Data none = with_charts(d);
  CHECK(none.find("charts")->find("incidents_by_month") == nullptr);
  CHECK(none.find("charts")->find("finding_ageing") == nullptr);
  Data months = Data::List{};
  months.push(month("2026-09", "Sep", 1, 0, 0, 0));
  d.set("incidents_by_month", months);
  const Data some = with_charts(d);
  REQUIRE(some.find("charts")->find("incidents_by_month") != nullptr);
  CHECK(*some.find("charts")->find("incidents_by_month")->text() == incidents_by_month_svg(months));
  CHECK(some.find("charts")->find("finding_ageing") == nullptr);
  Data buckets = Data::List{};
  buckets.push(bucket("0–30 days", 1, 0, 0, 0));
  d.set("findings_by_age", buckets);
  const Data both = with_charts(d);
  REQUIRE(both.find("charts")->find("finding_ageing") != nullptr);
  CHECK(*both.find("charts")->find("finding_ageing")->text() == finding_ageing_svg(buckets));
  CHECK(both.find("charts")->find("incidents_by_month") != nullptr);
}
