// The risk register's section of `cso status`.
#include "cli/commands/status_sections.h"

namespace cso::cli {

StatusSection risk_status(const status::Risks& f) {
  StatusSection s;
  s.json_key = "risks";
  s.json = {{"total", f.by_status.total},
            {"by_status", json_counts(f.by_status.items)},
            {"by_level", json_counts(f.open_by_level.items)}};
  s.lines.emplace_back("risks", fmt::format("{} in all: {}", f.by_status.total, text_counts(f.by_status.items)));
  s.lines.emplace_back("", fmt::format("not closed by level: {}", text_counts(f.open_by_level.items)));
  return s;
}

}  // namespace cso::cli
