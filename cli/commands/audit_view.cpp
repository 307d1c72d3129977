// How audits and findings print: views, finding lists (with --overdue), findings as JSON.
#include "cli/commands/audit_view.h"

#include <nlohmann/json.hpp>

#include "core/audit.h"
#include "core/finding.h"
#include "core/selectors.h"
#include "core/store.h"

namespace cso::cli {

View audit_view() {
  return View{audit::kind(),
              {"id", "title", "kind", "lead", "status", "start", "end"},
              nullptr,
              {},
              [](std::size_t field, const Record& r) {
                return field == audit::status && has_status(r, audit::Status::closed) ? Style::dim : Style::none;
              }};
}

View finding_view(const Context& ctx) {
  const Clock* clock = &ctx.clock;
  return View{finding::kind(),
              {"id", "audit", "title", "severity", "owner", "due", "status"},
              nullptr,
              {"status", "due", "accepted_until"},
              [clock](std::size_t field, const Record& r) {
                if (field == finding::severity) {
                  return level_style(r.text(finding::severity));
                }
                if ((field == finding::due || field == finding::accepted_until) &&
                    finding::overdue_date(r, *clock) == r.text(field)) {
                  return Style::red;
                }
                return Style::none;
              }};
}

void write_findings(Context& ctx, const View& view, Query q, const std::vector<std::size_t>& columns,
                    bool overdue_only) {
  std::vector<std::string> names;
  for (const auto i : columns) {
    names.emplace_back(view.kind.fields[i].name);
  }
  q.fields = columns;
  for (const auto name : view.derive_from) {
    q.fields.push_back(*view.kind.index_of(name));
  }
  const auto limit = q.limit;
  if (overdue_only) {
    q.limit.reset();  // applies to the findings kept
  }
  std::int64_t n = 0;
  RowWriter writer(ctx.out, ctx.output, names);
  ctx.store().each(view.kind, q, [&](Record& r) {
    if (overdue_only && (!finding::overdue_date(r, ctx.clock) || (limit && n >= *limit))) {
      return;
    }
    ++n;
    std::vector<Cell> cells;
    for (const auto i : columns) {
      Cell c = cell_of(view.kind, i, r);
      c.style = view.style(i, r);
      cells.push_back(std::move(c));
    }
    writer.row(std::move(cells));
  });
  writer.finish();
}

}  // namespace cso::cli
