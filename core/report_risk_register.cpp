// The risk register (`cso report risk-register`): every risk, in ID order, with the counts by
// status and by level that `status` shows.
#include "core/reports.h"
#include "core/risk.h"

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

Data risk_register_report(const ReportInput& in) {
  Data d = report_header(in, "risk-register");
  Data rows = Data::List{};
  in.store.each(risk::kind(), Query{}, [&](Record& r) {
    risk::derive(r, in.config);
    rows.push(risk_row(r));
  });
  const auto [by_status, by_level] = risk::status_and_level_counts(in.store.tally(risk::kind()), in.config);
  d.set("total", by_status.total);
  d.set("any", by_status.total > 0);
  d.set("risks", std::move(rows));
  d.set("by_status", counts_data(by_status));
  d.set("by_level", counts_data(by_level));
  return d;
}

}  // namespace cso
