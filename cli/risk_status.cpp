// The risk register's section of `cso status`.
#include "cli/status_sections.h"
#include "core/risk.h"
#include "core/store.h"

namespace cso::cli {

StatusSection risk_status(Context& ctx) {
  const auto [risks, levels] = risk::status_and_level_counts(ctx.store().tally(risk::kind()), ctx.config);
  StatusSection s;
  s.json_key = "risks";
  s.json = {{"total", risks.total}, {"by_status", json_counts(risks.items)}, {"by_level", json_counts(levels.items)}};
  s.lines.emplace_back("risks", fmt::format("{} in all: {}", risks.total, text_counts(risks.items)));
  s.lines.emplace_back("", fmt::format("not closed by level: {}", text_counts(levels.items)));
  return s;
}

}  // namespace cso::cli
