// Audits and findings: their section of `cso status`.
#include "cli/commands/status_sections.h"

namespace cso::cli {

StatusSection finding_status(const status::Findings& f) {
  StatusSection s;
  s.json_key = "findings";
  s.json = {{"total", f.by_status.total},
            {"by_status", json_counts(f.by_status.items)},
            {"open_by_severity", json_counts(f.open_by_severity.items)},
            {"overdue", f.overdue},
            {"audits", json_counts(f.audits.items)}};
  s.lines.emplace_back("findings", fmt::format("{} in all: {}", f.by_status.total, text_counts(f.by_status.items)));
  s.lines.emplace_back(
      "", fmt::format("open by severity: {}; {} overdue", text_counts(f.open_by_severity.items), f.overdue));
  s.lines.emplace_back("audits", fmt::format("{} in all: {}", f.audits.total, text_counts(f.audits.items)));
  return s;
}

}  // namespace cso::cli
