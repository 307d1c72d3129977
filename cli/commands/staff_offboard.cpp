// `cso staff offboard HANDLE [--on D] [--reassign-to H]`: inactive, and what they own moves on;
// `cso staff reactivate HANDLE` undoes an offboarding made by mistake.
#include <algorithm>

#include "cli/commands.h"
#include "cli/commands/staff_view.h"
#include "cli/completion_tree.h"
#include "cli/values.h"
#include "core/error.h"
#include "core/ownership.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/staff_service.h"
#include "core/wording.h"

namespace cso::cli {
namespace {

struct OffboardOptions {
  std::string handle;
  TextOption on, reassign_to;
};

/// One line per item, in aligned columns: key, kind, title.
std::string item_lines(const std::vector<OwnedItem>& items) {
  std::size_t key_width = 0, kind_width = 0;
  for (const auto& i : items) {
    key_width = std::max(key_width, display_key(*i.owned->kind, i.record).size());
    kind_width = std::max(kind_width, i.owned->kind->name.size());
  }
  std::string out;
  for (const auto& i : items) {
    out += fmt::format("\n  {:<{}}  {:<{}}  {}", display_key(*i.owned->kind, i.record), key_width, i.owned->kind->name,
                       kind_width, sanitize_cell(i.record.text(i.owned->title_field)));
  }
  return out;
}

void run_offboard(Context& ctx, const OffboardOptions& o) {
  const std::string handle = staff::parse_handle(o.handle, "HANDLE");
  const std::string left =
      o.on.given() ? format_date(parse_when(o.on.value, ctx.clock, "--on")) : format_date(ctx.clock.now);
  auto tx = ctx.store().begin(ctx.actor());
  Record person = tx->get_or_throw(staff::kind(), Value{handle});
  staff::offboard(person, left, format_date(ctx.clock.now));
  std::optional<std::string> to;
  if (o.reassign_to.given()) {
    to = staff::require_active(*tx, o.reassign_to.value, "--reassign-to");
    if (*to == handle) {
      throw usage_error("--reassign-to: {} is the person leaving; name someone who stays", handle);
    }
  }
  auto items = open_items(*tx, owned_kinds(), handle);
  if (!items.empty() && !to) {
    throw conflict_error("{} owns or leads {}; move {} with --reassign-to HANDLE:{}", handle,
                         counted(static_cast<std::int64_t>(items.size()), "open item"),
                         items.size() == 1 ? "it" : "them", item_lines(items));
  }
  if (to) {
    reassign_all(*tx, items, *to, ctx.actor(), fmt::format("offboarding {}", handle));
  }
  tx->update(staff::kind(), person, "staff.offboard");
  const auto reports = tx->all(staff::kind(), select::reports_of(handle));
  tx->commit();
  print_changed(ctx, staff_view(), std::move(person));
  if (to) {
    ctx.info(fmt::format("moved {} to {}", counted(static_cast<std::int64_t>(items.size()), "item"), *to));
  }
  if (!reports.empty()) {
    std::vector<std::string> names;
    for (const auto& r : reports) {
      names.push_back(r.text(staff::handle));
    }
    ctx.warn(fmt::format("{} still manages {}; give them a new manager with 'cso staff edit HANDLE --manager H'",
                         handle, fmt::join(names, ", ")));
  }
}

void run_reactivate(Context& ctx, const std::string& handle_text) {
  const std::string handle = staff::parse_handle(handle_text, "HANDLE");
  auto tx = ctx.store().begin(ctx.actor());
  Record person = tx->get_or_throw(staff::kind(), Value{handle});
  staff::reactivate(person);
  tx->update(staff::kind(), person, "staff.reactivate");
  tx->commit();
  print_changed(ctx, staff_view(), std::move(person));
}

}  // namespace

void setup_staff_offboard(CLI::App* staff_cmd, Context& ctx) {
  auto o = std::make_shared<OffboardOptions>();
  CLI::App* c = add_command(*staff_cmd, "offboard",
                            "mark a staff member inactive and move what they own or lead; prints the handle");
  c->add_option("HANDLE", o->handle, "the person leaving")->required();
  bind(c, o->on, "--on", "the day they left: today (the default) or earlier");
  complete_handles(bind(c, o->reassign_to, "--reassign-to",
                        "an active staff member who takes over their open items (required when there are any)")
                       .option);
  c->callback([&ctx, o] { run_offboard(ctx, *o); });

  auto handle = std::make_shared<std::string>();
  CLI::App* r = add_command(*staff_cmd, "reactivate",
                            "make someone offboarded by mistake active again (left cleared); prints the handle");
  r->add_option("HANDLE", *handle, "the person")->required();
  r->callback([&ctx, handle] { run_reactivate(ctx, *handle); });
}

}  // namespace cso::cli
