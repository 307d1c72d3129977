#include "cli/report_charts.h"

#include <fmt/format.h>

#include <algorithm>

#include "cli/templates.h"

namespace cso::cli {
namespace {

std::string fill_of(std::string_view level) {
  if (level == "critical") {
    return "#b71c1c";
  }
  if (level == "high") {
    return "#d35400";
  }
  if (level == "medium") {
    return "#b08900";
  }
  return "#2e7d32";
}

std::int64_t integer_of(const Data* d) {
  return d != nullptr && d->integer() != nullptr ? *d->integer() : 0;
}

std::string text_of(const Data* d) {
  return d != nullptr && d->text() != nullptr ? *d->text() : std::string();
}

}  // namespace

std::string heatmap_svg(const Data& heatmap) {
  const std::int64_t n = integer_of(heatmap.find("size"));
  const Data* rows = heatmap.find("rows");
  if (n <= 0 || rows == nullptr || rows->list() == nullptr) {
    return "";
  }
  constexpr int cell_w = 58, cell_h = 42, left = 74, top = 10, bottom = 46;
  const int width = left + static_cast<int>(n) * cell_w + 10;
  const int height = top + static_cast<int>(n) * cell_h + bottom;
  std::string svg = fmt::format(
      R"svg(<svg class="chart heatmap" xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="Risk heat map: likelihood across, impact up">)svg",
      width, height);
  int y = top;
  for (const Data& row : *rows->list()) {
    svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="end" class="axis">{}</text>)svg", left - 10,
                       y + cell_h / 2 + 5, integer_of(row.find("impact")));
    const Data* cells = row.find("cells");
    int x = left;
    for (const Data& cell : cells != nullptr && cells->list() != nullptr ? *cells->list() : Data::List{}) {
      const std::int64_t count = integer_of(cell.find("count"));
      svg +=
          fmt::format(R"svg(<rect x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}" fill-opacity="{}"/>)svg", x + 1,
                      y + 1, cell_w - 2, cell_h - 2, fill_of(text_of(cell.find("level"))), count > 0 ? "1" : "0.18");
      if (count > 0) {
        svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle" class="count">{}</text>)svg", x + cell_w / 2,
                           y + cell_h / 2 + 6, count);
      }
      x += cell_w;
    }
    y += cell_h;
  }
  for (std::int64_t l = 1; l <= n; ++l) {
    svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle" class="axis">{}</text>)svg",
                       left + static_cast<int>(l - 1) * cell_w + cell_w / 2, y + 18, l);
  }
  svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle" class="label">likelihood</text>)svg",
                     left + static_cast<int>(n) * cell_w / 2, y + 38);
  svg += fmt::format(
      R"svg(<text x="14" y="{0}" text-anchor="middle" class="label" transform="rotate(-90 14 {0})">impact</text>)svg",
      top + static_cast<int>(n) * cell_h / 2);
  return svg + "</svg>";
}

std::string bars_svg(const Data& items, std::string_view label_key, std::string_view done_key,
                     std::string_view of_key) {
  if (items.list() == nullptr || items.list()->empty()) {
    return "";
  }
  constexpr int label_w = 170, bar_w = 320, row_h = 28, top = 6;
  const int width = label_w + bar_w + 110;
  const int height = top * 2 + static_cast<int>(items.list()->size()) * row_h;
  std::string svg = fmt::format(
      R"svg(<svg class="chart bars" xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="Completion">)svg",
      width, height);
  int y = top;
  for (const Data& item : *items.list()) {
    const std::int64_t done = integer_of(item.find(done_key));
    const std::int64_t of = integer_of(item.find(of_key));
    const int length = of > 0 ? static_cast<int>(bar_w * std::clamp<std::int64_t>(done, 0, of) / of) : 0;
    svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="end" class="axis">{}</text>)svg", label_w - 10, y + 18,
                       escape_for("html", text_of(item.find(label_key))));
    svg += fmt::format(R"svg(<rect x="{}" y="{}" width="{}" height="16" rx="2" fill="#e4e8ef"/>)svg", label_w, y + 6,
                       bar_w);
    svg += fmt::format(R"svg(<rect x="{}" y="{}" width="{}" height="16" rx="2" fill="#1f4e8c"/>)svg", label_w, y + 6,
                       length);
    svg += fmt::format(R"svg(<text x="{}" y="{}" class="axis">{}</text>)svg", label_w + bar_w + 8, y + 18,
                       of == 0 ? std::string("nothing assigned") : escape_for("html", text_of(item.find("percent"))));
    y += row_h;
  }
  return svg + "</svg>";
}

Data with_charts(Data data) {
  Data charts = Data::object();
  if (const Data* heatmap = data.find("heatmap")) {
    charts.set("heatmap", heatmap_svg(*heatmap));
  }
  if (const Data* by_team = data.find("by_team")) {
    charts.set("by_team", bars_svg(*by_team, "team", "complete", "assigned"));
  }
  data.set("charts", std::move(charts));
  return data;
}

}  // namespace cso::cli
