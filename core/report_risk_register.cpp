// The risk register (`cso report risk-register`): every risk, in ID order, with the counts by
// status and by level that `status` shows.
#include "core/reports.h"
#include "core/risk.h"
#include "core/risk_matrix.h"

namespace cso {
namespace {

Data risk_row(const Record& r) {
  using namespace risk;
  Data d = record_data(kind(), r);
  d.set("residual_score", r.is_null(residual_likelihood) || r.is_null(residual_impact)
                              ? std::string()
                              : std::to_string(r.integer(residual_likelihood) * r.integer(residual_impact)));
  return d;
}

}  // namespace

Data heatmap_data(const risk::Matrix& m, const Config& config) {
  Data rows = Data::List{};
  for (std::int64_t impact = m.size; impact >= 1; --impact) {
    Data cells = Data::List{};
    for (std::int64_t likelihood = 1; likelihood <= m.size; ++likelihood) {
      Data cell = Data::object();
      cell.set("likelihood", likelihood);
      cell.set("count", m.at(likelihood, impact));
      cell.set("level", std::string(risk::level_of(likelihood * impact, config.risk_bands)));
      cells.push(std::move(cell));
    }
    Data row = Data::object();
    row.set("impact", impact);
    row.set("cells", std::move(cells));
    rows.push(std::move(row));
  }
  Data columns = Data::List{};
  for (std::int64_t likelihood = 1; likelihood <= m.size; ++likelihood) {
    Data column = Data::object();
    column.set("likelihood", likelihood);
    columns.push(std::move(column));
  }
  Data d = Data::object();
  d.set("size", m.size);
  d.set("columns", std::move(columns));
  d.set("counted", m.total());
  d.set("rows", std::move(rows));
  return d;
}

Data risk_register_report(const ReportInput& in) {
  Data d = report_header(in, "risk-register");
  Data rows = Data::List{};
  risk::Matrix matrix(in.config.risk_matrix, false);
  in.store.each(risk::kind(), Query{}, [&](Record& r) {
    risk::derive(r, in.config);
    matrix.add(r);
    rows.push(risk_row(r));
  });
  const auto [by_status, by_level] = risk::status_and_level_counts(in.store.tally(risk::kind()), in.config);
  d.set("total", by_status.total);
  d.set("any", by_status.total > 0);
  d.set("risks", std::move(rows));
  d.set("by_status", counts_data(by_status));
  d.set("by_level", counts_data(by_level));
  d.set("heatmap", heatmap_data(matrix, in.config));
  return d;
}

}  // namespace cso
