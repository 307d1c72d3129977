#pragma once
// The built-in reports (SPEC §5 report): each a name, what it shows, and the function that
// builds its data. Templates (cli) turn the data into Markdown, HTML, text or CSV; a report is
// described once, here, and `report list`, `help templates` and the command read this table.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/config.h"
#include "core/counts.h"
#include "core/report_data.h"
#include "core/risk_matrix.h"
#include "core/store.h"
#include "core/time.h"

namespace cso {

struct ReportInput {
  Store& store;
  const Config& config;
  const Clock& clock;
  Instant since = 0;              ///< the start of the period (--since; default 90 days back)
  std::optional<std::string> id;  ///< the record a per-record report is about
};

struct ReportDef {
  std::string_view name;         ///< "risk-register"
  std::string_view description;  ///< one line, for `report list`
  std::string_view id_kind;      ///< "incident" when the report is about one record; empty otherwise
  /// The keys of its data beyond report_header's, one per line ("risks[]  …" for a list), for
  /// `cso help templates`.
  std::string_view keys;
  Data (*build)(const ReportInput&);
};

std::span<const ReportDef> all_reports();
/// The report called `name`; a usage Error naming the reports there are otherwise.
const ReportDef& find_report(std::string_view name);

/// The members every report's data starts with: report, generated, generated_date, period
/// {since, until}; k_header_keys documents them.
extern const std::string_view k_header_keys;
/// The members every report's data starts with.
Data report_header(const ReportInput& in, std::string_view name);

/// Counts as a list of {name, count}, in display order.
Data counts_data(const Counts& counts);

/// complete / assigned as "80%" (whole percent, rounded down); "" when nothing is assigned.
std::string percent_text(std::int64_t complete, std::int64_t assigned);
/// A record field as report text: integers in decimal, null as "" (a false section).
std::string report_text(const Record& r, std::size_t field);
/// Every field of a record as report text, by field name ("id": "RSK-3"), in the kind's order.
Data record_data(const KindDef& kind, const Record& r);

/// The heat map of risks not closed: rows by impact, highest first, each with its cells by
/// likelihood (count, level).
Data heatmap_data(const risk::Matrix& m, const Config& config);

Data board_report(const ReportInput& in);
Data risk_register_report(const ReportInput& in);
Data audit_report(const ReportInput& in);
Data policies_report(const ReportInput& in);
Data training_report(const ReportInput& in);
Data incident_report(const ReportInput& in);

}  // namespace cso
