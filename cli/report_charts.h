#pragma once
// The charts of HTML reports, drawn by cso as inline SVG (no script, no external reference)
// from the report's data. They reach templates as `charts.NAME`, raw ({{{charts.heatmap}}}),
// and only in html (and so pdf):
//   heatmap             the risk heat map, from `heatmap`
//   by_team             completion bars per team, from `by_team`
//   incidents_by_month  incidents per month stacked by severity, from `incidents_by_month`
//   finding_ageing      open findings per age bucket stacked by severity, from `findings_by_age`
// Counts are drawn to scale, every text is escaped for html.
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

/// Vertical bars, one per month of `months` (oldest first: month "2026-09", label "Sep", sev1..sev4,
/// total), stacked sev1 at the bottom, on an axis of incident counts; "" when there are none.
std::string incidents_by_month_svg(const Data& months);
/// Horizontal bars, one per bucket of `buckets` (age "0–30 days", critical, high, medium, low,
/// total), stacked critical first, with the total at the end; "" when there are none.
std::string finding_ageing_svg(const Data& buckets);

/// `data` with `charts` added: each chart above whose data `data` has.
Data with_charts(Data data);

}  // namespace cso::cli
