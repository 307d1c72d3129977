#include "cli/commands/train_view.h"

#include "core/training.h"

namespace cso::cli {

View assignment_view(const Context& ctx) {
  const std::string today = format_date(ctx.clock.now);
  return View{training::assignment::kind(),
              {"key", "staff", "cycle", "assigned_on", "due", "completed_on", "score", "attempts", "state"},
              [today](Record& a) { training::derive(a, today); },
              {"completed_on", "due", "attempts"}};
}

}  // namespace cso::cli
