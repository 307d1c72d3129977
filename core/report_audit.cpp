// One audit (`cso report audit ID`): its scope and its findings with grades and status.
#include "core/audit.h"
#include "core/finding.h"
#include "core/reports.h"
#include "core/selectors.h"

namespace cso {

Data audit_report(const ReportInput& in) {
  const Record audit = in.store.get_or_throw(audit::kind(), parse_id(audit::kind(), *in.id, "ID"));
  const std::string key = display_key(audit::kind(), audit);
  Data d = report_header(in, "audit");
  d.set("audit", record_data(audit::kind(), audit));
  Data findings = Data::List{};
  in.store.each(finding::kind(), select::findings_of(key), [&](Record& f) {
    Data row = record_data(finding::kind(), f);
    const auto overdue = finding::overdue_date(f, in.clock);
    row.set("overdue", overdue.has_value());
    row.set("overdue_since", overdue.value_or(""));
    findings.push(std::move(row));
  });
  const auto [by_status, open_by_severity] = finding::status_and_severity_counts(
      in.store.count_by(finding::kind(), {finding::status, finding::severity}, select::findings_of(key).where));
  d.set("any", by_status.total > 0);
  d.set("total", by_status.total);
  d.set("findings", std::move(findings));
  d.set("by_status", counts_data(by_status));
  d.set("open_by_severity", counts_data(open_by_severity));
  return d;
}

}  // namespace cso
