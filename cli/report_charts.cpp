#include "cli/report_charts.h"

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

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

/// The series of a stacked chart, bottom (or left) first: each the data key, also the legend's
/// label, with its fill.
using Series = std::vector<std::pair<std::string, std::string>>;

Series incident_series() {
  return {{"sev1", "#b71c1c"}, {"sev2", "#d35400"}, {"sev3", "#b08900"}, {"sev4", "#607d8b"}};
}

Series finding_series() {
  Series series;
  for (const char* level : {"critical", "high", "medium", "low"}) {
    series.emplace_back(level, fill_of(level));
  }
  return series;
}

std::int64_t count_of(const Data& item, std::string_view key) {
  return std::max<std::int64_t>(0, integer_of(item.find(key)));
}

std::int64_t sum_of(const Data& item, const Series& series) {
  std::int64_t sum = 0;
  for (const auto& [key, fill] : series) {
    sum += count_of(item, key);
  }
  return sum;
}

/// The item's `total` when it has one, else the sum of its series.
std::int64_t total_of(const Data& item, const Series& series) {
  const Data* total = item.find("total");
  return total != nullptr && total->integer() != nullptr ? std::max<std::int64_t>(0, *total->integer())
                                                         : sum_of(item, series);
}

/// Roughly how wide `c`, the first byte of a character, is in the charts' 12px Helvetica (or a
/// font of its metrics), in tenths of a pixel: for layout only.
int tenths_of(char c) {
  if (std::string_view("ijl'|.,:;!").find(c) != std::string_view::npos) {
    return 27;
  }
  if (std::string_view("frt -()[]/").find(c) != std::string_view::npos) {
    return 37;
  }
  if (c == 'm' || c == 'M' || c == 'W') {
    return 100;
  }
  if (c == 'w' || (c >= 'A' && c <= 'Z')) {
    return 85;
  }
  if (std::string_view("cksvxyz\"").find(c) != std::string_view::npos) {
    return 60;
  }
  return 67;
}

bool continues(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

int text_width(std::string_view text) {
  int tenths = 0;
  for (const char c : text) {
    tenths += continues(c) ? 0 : tenths_of(c);
  }
  return (tenths + 9) / 10;
}

/// `text`, or as much of it as fits in `width` pixels with an ellipsis, so that a long label
/// cannot run off the chart.
std::string fitted(std::string_view text, int width) {
  if (text_width(text) <= width) {
    return std::string(text);
  }
  const int room = width * 10 - tenths_of('.') * 3;
  int tenths = 0;
  std::size_t at = 0;
  for (; at < text.size(); ++at) {
    if (!continues(text[at])) {
      if (tenths + tenths_of(text[at]) > room) {
        break;
      }
      tenths += tenths_of(text[at]);
    }
  }
  return std::string(text.substr(0, at)) + "\xe2\x80\xa6";  // …
}

constexpr int k_swatch = 12, k_swatch_gap = 5, k_legend_gap = 18;

int legend_width(const Series& series) {
  int width = 0;
  for (const auto& [label, fill] : series) {
    width += k_swatch + k_swatch_gap + text_width(label) + k_legend_gap;
  }
  return width - k_legend_gap;
}

std::string legend_svg(const Series& series, int x, int y) {
  std::string svg = R"svg(<g class="legend">)svg";
  for (const auto& [label, fill] : series) {
    svg += fmt::format(R"svg(<rect x="{}" y="{}" width="{}" height="{}" rx="2" fill="{}"/>)svg", x, y, k_swatch,
                       k_swatch, fill);
    svg += fmt::format(R"svg(<text x="{}" y="{}" class="axis">{}</text>)svg", x + k_swatch + k_swatch_gap, y + 10,
                       escape_for("html", label));
    x += k_swatch + k_swatch_gap + text_width(label) + k_legend_gap;
  }
  return svg + "</g>";
}

/// "sev1 2, sev2 0, …": an item's counts, for its tooltip.
std::string breakdown(const Data& item, const Series& series) {
  std::string text;
  for (const auto& [key, fill] : series) {
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", key, count_of(item, key));
  }
  return text;
}

/// The step between an axis's ticks: 1, 2 or 5 times a power of ten, for at most 5 steps to `max`.
std::int64_t tick_step(std::int64_t max) {
  for (std::int64_t magnitude = 1;; magnitude *= 10) {
    for (const std::int64_t m : {1, 2, 5}) {
      if ((max + m * magnitude - 1) / (m * magnitude) <= 5) {
        return m * magnitude;
      }
    }
  }
}

/// `value` of `of` as pixels of `length`, rounded.
int scaled(std::int64_t value, std::int64_t of, int length) {
  return static_cast<int>((2 * value * length + of) / (2 * of));
}

/// The year of a month "2026-09", or "" when it is not one.
std::string year_of(std::string_view month) {
  return month.size() >= 7 && month[4] == '-' ? std::string(month.substr(0, 4)) : std::string();
}

/// A vertical axis of counts from 0 to `axis_max` by `step`, with gridlines across the plot and
/// `title` (plain text) beside.
std::string value_axis_svg(int left, int right, int bottom, int height, std::int64_t axis_max, std::int64_t step,
                           std::string_view title) {
  std::string svg;
  for (std::int64_t v = 0; v <= axis_max; v += step) {
    const int y = bottom - scaled(v, axis_max, height);
    if (v > 0) {
      svg += fmt::format(R"svg(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="#e4e8ef"/>)svg", left, right, y);
    }
    svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="end" class="axis">{}</text>)svg", left - 8, y + 4, v);
  }
  return svg +
         fmt::format(
             R"svg(<text x="14" y="{0}" text-anchor="middle" class="label" transform="rotate(-90 14 {0})">{1}</text>)svg",
             bottom - height / 2, title);
}

constexpr std::string_view k_total_style = R"svg(class="total" font-size="12" font-weight="700" fill="#1d2433")svg";
constexpr std::string_view k_axis_line = "#9aa3b2";

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

std::string incidents_by_month_svg(const Data& months) {
  if (months.list() == nullptr || months.list()->empty()) {
    return "";
  }
  const Data::List& list = *months.list();
  const Series series = incident_series();
  const int n = static_cast<int>(list.size());
  std::int64_t max_sum = 0;
  std::int64_t max_total = 0;
  bool years = false;
  int label_w = 0;
  for (const Data& month : list) {
    max_sum = std::max(max_sum, sum_of(month, series));
    max_total = std::max(max_total, total_of(month, series));
    years = years || !year_of(text_of(month.find("month"))).empty();
    label_w = std::max(label_w, text_width(text_of(month.find("label"))));
  }
  const std::int64_t max = std::max<std::int64_t>(max_sum, 1);  // an axis even for a quiet period
  const std::int64_t step = tick_step(max);
  const std::int64_t axis_max = (max + step - 1) / step * step;
  constexpr int left = 58, right = 12, top = 44, plot_h = 200;
  const int slot = std::clamp(560 / n, 12, 56);
  const int bar_w = std::clamp(slot * 3 / 5, 6, 34);
  // Many months: a label every few months, so that none runs into the next.
  const int every = std::max(1, (std::min(label_w, 40) + 8 + slot - 1) / slot);
  const bool totals = text_width(std::to_string(max_total)) + 2 <= slot;  // for every month, or none
  const int bottom = top + plot_h;
  const int plot_right = left + n * slot;
  const int width = std::max(plot_right + right, left + legend_width(series) + right);
  const int height = bottom + (years ? 42 : 28);
  const std::string first = escape_for("html", text_of(list.front().find("month")));
  const std::string last = escape_for("html", text_of(list.back().find("month")));
  std::string svg = fmt::format(
      R"svg(<svg class="chart incidents-by-month" xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="Incidents per month by severity{2}">)svg",
      width, height, first.empty() ? std::string() : fmt::format(", {} to {}", first, last));
  svg += legend_svg(series, left, 4);
  svg += value_axis_svg(left, plot_right, bottom, plot_h, axis_max, step, "incidents");
  if (max_sum == 0) {
    svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle" class="axis">no incidents</text>)svg",
                       (left + plot_right) / 2, top + plot_h / 2 + 4);
  }
  std::string year;
  for (int i = 0; i < n; ++i) {
    const Data& month = list[static_cast<std::size_t>(i)];
    const std::string key = text_of(month.find("month"));
    const int x = left + i * slot + (slot - bar_w) / 2;
    const int middle = x + bar_w / 2;
    const std::int64_t total = total_of(month, series);
    svg += fmt::format(R"svg(<g class="month"><title>{}: {} incident{} ({})</title>)svg",
                       escape_for("html", key.empty() ? text_of(month.find("label")) : key), total,
                       total == 1 ? "" : "s", breakdown(month, series));
    std::int64_t stacked = 0;
    for (const auto& [sev, fill] : series) {
      const std::int64_t count = count_of(month, sev);
      if (count > 0) {
        const int y0 = bottom - scaled(stacked, axis_max, plot_h);
        const int y1 = bottom - scaled(stacked + count, axis_max, plot_h);
        svg += fmt::format(
            R"svg(<rect class="segment {}" x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#fff" stroke-width="1"/>)svg",
            sev, x, y1, bar_w, y0 - y1, fill);
      }
      stacked += count;
    }
    svg += "</g>";
    if (totals && total > 0) {
      svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle" {}>{}</text>)svg", middle,
                         bottom - scaled(stacked, axis_max, plot_h) - 6, k_total_style, total);
    }
    if (i % every != 0) {
      continue;
    }
    svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle" class="axis">{}</text>)svg", middle, bottom + 18,
                       escape_for("html", fitted(text_of(month.find("label")), every * slot - 6)));
    if (!year_of(key).empty() && year_of(key) != year) {
      year = year_of(key);
      svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle" class="axis year">{}</text>)svg", middle,
                         bottom + 34, escape_for("html", year));
    }
  }
  svg += fmt::format(R"svg(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="{3}"/>)svg", left, plot_right, bottom,
                     k_axis_line);
  return svg + "</svg>";
}

std::string finding_ageing_svg(const Data& buckets) {
  if (buckets.list() == nullptr || buckets.list()->empty()) {
    return "";
  }
  const Data::List& list = *buckets.list();
  const Series series = finding_series();
  constexpr int longest_label = 200;
  std::int64_t max = 1;
  int label_w = 0;
  for (const Data& bucket : list) {
    max = std::max(max, sum_of(bucket, series));
    label_w = std::max(label_w, text_width(fitted(text_of(bucket.find("age")), longest_label)));
  }
  label_w = std::clamp(label_w + 20, 80, longest_label + 20);
  constexpr int bar_w = 380, row_h = 30, bar_h = 18, top = 30, right = 56;
  const int n = static_cast<int>(list.size());
  const int width = std::max(label_w + bar_w + right, label_w + legend_width(series) + 12);
  const int height = top + n * row_h + 6;
  std::string svg = fmt::format(
      R"svg(<svg class="chart finding-ageing" xmlns="http://www.w3.org/2000/svg" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="Open findings by age and severity">)svg",
      width, height);
  svg += legend_svg(series, label_w, 4);
  int y = top;
  for (const Data& bucket : list) {
    const std::string age = text_of(bucket.find("age"));
    const std::int64_t total = total_of(bucket, series);
    const int bar_y = y + (row_h - bar_h) / 2;
    svg += fmt::format(R"svg(<text x="{}" y="{}" text-anchor="end" class="axis">{}</text>)svg", label_w - 10,
                       bar_y + bar_h / 2 + 4, escape_for("html", fitted(age, longest_label)));
    svg += fmt::format(R"svg(<g class="bucket"><title>{}: {} finding{} ({})</title>)svg", escape_for("html", age),
                       total, total == 1 ? "" : "s", breakdown(bucket, series));
    std::int64_t stacked = 0;
    for (const auto& [level, fill] : series) {
      const std::int64_t count = count_of(bucket, level);
      if (count > 0) {
        const int x0 = label_w + scaled(stacked, max, bar_w);
        const int x1 = label_w + scaled(stacked + count, max, bar_w);
        svg += fmt::format(
            R"svg(<rect class="segment {}" x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="#fff" stroke-width="1"/>)svg",
            level, x0, bar_y, x1 - x0, bar_h, fill);
      }
      stacked += count;
    }
    svg += "</g>";
    svg += fmt::format(R"svg(<text x="{}" y="{}" {}>{}</text>)svg", label_w + scaled(stacked, max, bar_w) + 6,
                       bar_y + bar_h / 2 + 4, k_total_style, total);
    y += row_h;
  }
  svg += fmt::format(R"svg(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}"/>)svg", label_w, top, y, k_axis_line);
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
  if (const Data* months = data.find("incidents_by_month")) {
    charts.set("incidents_by_month", incidents_by_month_svg(*months));
  }
  if (const Data* buckets = data.find("findings_by_age")) {
    charts.set("finding_ageing", finding_ageing_svg(*buckets));
  }
  data.set("charts", std::move(charts));
  return data;
}

}  // namespace cso::cli
