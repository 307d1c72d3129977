#pragma once
// The charts of HTML reports, drawn by cso as inline SVG (no script, no external reference)
// from the report's data: the risk heat map and completion bars. They reach templates as
// `charts.NAME`, raw ({{{charts.heatmap}}}), and only in html (and so pdf).
#include <string>

#include "core/report_data.h"

namespace cso::cli {

/// The likelihood × impact heat map of a report's `heatmap` data: counts in cells coloured by
/// band, impact up, likelihood across.
std::string heatmap_svg(const Data& heatmap);
/// Horizontal bars, one per item of `items`, labelled by `label_key`: as long as the share of
/// `done_key` in `of_key` (counts), with the item's `percent` text beside ("nothing assigned"
/// when `of_key` is 0).
std::string bars_svg(const Data& items, std::string_view label_key, std::string_view done_key, std::string_view of_key);

/// `data` with `charts` added: heatmap when it has a heatmap, by_team when it has by_team.
Data with_charts(Data data);

}  // namespace cso::cli
