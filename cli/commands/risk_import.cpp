// `cso risk import FILE.csv`: spreadsheet registers, all rows or none.
#include <ostream>
#include <unordered_set>

#include "cli/commands.h"
#include "cli/commands/risk_view.h"
#include "cli/import.h"
#include "core/error.h"
#include "core/risk.h"
#include "core/selectors.h"
#include "core/staff.h"

namespace cso::cli {
namespace {

std::unordered_set<std::string> active_handles(Context& ctx) {
  std::unordered_set<std::string> out;
  ctx.store().each(staff::kind(), select::active_staff(), [&](const Record& r) { out.insert(r.text(staff::handle)); });
  return out;
}

void run_import(Context& ctx, const std::string& path) {
  const auto staff = active_handles(ctx);
  Record r = empty_record(risk::kind());
  const auto n = import_csv(ctx, risk::kind(), path, [&](Transaction& tx, const ImportRow& row) {
    for (std::size_t f = 1; f < risk::field_count; ++f) {
      if (!risk::kind().fields[f].has(k_import)) {
        r.set_null(f);
        continue;
      }
      const bool rating =
          f == risk::likelihood || f == risk::impact || f == risk::residual_likelihood || f == risk::residual_impact;
      if (rating && row.cells[f] && !row.cells[f]->empty()) {
        const auto field_name = risk::kind().fields[f].name;
        r.set(f, row.located(f, [&] { return risk::parse_rating(*row.cells[f], field_name, ctx.config); }));
        continue;
      }
      auto v = row.value(f, ctx.clock);
      r.set(f, v ? std::move(*v) : Value{});
    }
    if (!r.is_null(risk::owner) && !staff.contains(r.text(risk::owner))) {
      throw usage_error("{}: '{}' is not an active staff member", row.where(risk::owner), r.text(risk::owner));
    }
    if (r.text(risk::title).empty()) {
      throw usage_error("{}: a value is required", row.where(risk::title));
    }
    if (auto problem = risk::residual_above_inherent(r, "the row")) {
      throw usage_error("{}:{}: {}", row.source, row.line, *problem);
    }
    row.row_located([&] { risk::complete_imported(r, ctx.config, ctx.clock); });
    tx.insert(risk::kind(), r, "risk.import");
  });
  ctx.out << n << '\n';
}

}  // namespace

void setup_risk_import(CLI::App* risk, Context& ctx) {
  auto path = std::make_shared<std::string>();
  CLI::App* i = add_command(*risk, "import", "import risks from CSV (columns named as fields); all rows or none");
  i->add_option("FILE", *path, "a CSV file, - for stdin")->required();
  i->callback([&ctx, path] { run_import(ctx, *path); });
}

}  // namespace cso::cli
