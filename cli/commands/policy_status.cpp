// Policies: their section of `cso status`.
#include "cli/commands/status_sections.h"
#include "core/wording.h"

namespace cso::cli {

StatusSection policy_status(const Context& ctx, const status::Policies& f) {
  const auto& acks = f.acknowledgements;
  StatusSection s;
  s.json_key = "policies";
  s.json = {{"total", f.by_status.total},
            {"by_status", json_counts(f.by_status.items)},
            {"in_review", f.in_review},
            {"review_due", f.review_due},
            {"acknowledgements", {{"acknowledged", acks.acknowledged}, {"expected", acks.expected}}}};
  s.lines.emplace_back("policies", fmt::format("{} in all: {}", f.by_status.total, text_counts(f.by_status.items)));
  s.lines.emplace_back("", fmt::format("{} in review, {} due within {}", counted(f.in_review, "version"),
                                       counted(f.review_due, "review"), format_duration(ctx.config.check_warn_within)));
  s.lines.emplace_back("", fmt::format("acknowledgements: {}", policy::coverage_text(acks)));
  return s;
}

}  // namespace cso::cli
