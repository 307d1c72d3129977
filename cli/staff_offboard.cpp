// `cso staff offboard HANDLE [--on D] [--reassign-to H]`: inactive, and what they own moves on.
#include "cli/commands.h"
#include "cli/incident_view.h"
#include "cli/staff_view.h"
#include "cli/values.h"
#include "core/error.h"
#include "core/incident.h"
#include "core/ownership.h"
#include "core/staff.h"

namespace cso::cli {
namespace {

struct OffboardOptions {
  std::string handle;
  TextOption on, reassign_to;
};

struct OwnedItem {
  const OwnedKind* owned;
  Record record;
};

/// Every open item `handle` owns or leads, kind by kind in registry order, each by key.
std::vector<OwnedItem> open_items(Reader& reader, const std::vector<OwnedKind>& kinds, const std::string& handle) {
  std::vector<OwnedItem> out;
  for (const auto& k : kinds) {
    Query q;
    q.where = k.open;
    q.where.push_back({k.owner_field, Op::eq, {handle}, {}});
    reader.each(*k.kind, q, [&](const Record& r) { out.push_back({&k, r}); });
  }
  return out;
}

std::string item_lines(const std::vector<OwnedItem>& items) {
  std::string out;
  for (const auto& i : items) {
    out += fmt::format("\n  {}  {}  {}", display_key(*i.owned->kind, i.record), i.owned->kind->name,
                       sanitize_cell(i.record.text(i.owned->title_field)));
  }
  return out;
}

/// The active people whose manager is `handle`.
std::vector<std::string> reports_of(Reader& reader, const std::string& handle) {
  Query q = staff::make_query({});
  q.where.push_back({staff::manager, Op::eq, {handle}, {}});
  q.fields = {staff::handle};
  std::vector<std::string> out;
  reader.each(staff::kind(), q, [&](const Record& r) { out.push_back(r.text(staff::handle)); });
  return out;
}

void run_offboard(Context& ctx, const OffboardOptions& o) {
  const std::string handle = staff::parse_handle(o.handle, "HANDLE");
  const std::string left =
      o.on.given() ? format_date(parse_when(o.on.value, ctx.clock, "--on")) : format_date(ctx.clock.now);
  const auto kinds = owned_kinds();
  auto tx = ctx.store().begin(ctx.actor());
  Record person = tx->get_or_throw(staff::kind(), Value{handle});
  staff::offboard(person, left, format_date(ctx.clock.now));
  std::optional<std::string> to;
  if (o.reassign_to.given()) {
    to = active_staff(ctx, o.reassign_to.value, "--reassign-to");
    if (*to == handle) {
      throw usage_error("--reassign-to: {} is the person leaving; name someone who stays", handle);
    }
  }
  auto items = open_items(*tx, kinds, handle);
  if (!items.empty() && !to) {
    throw conflict_error("{} owns or leads {} open item{}; move {} with --reassign-to HANDLE:{}", handle, items.size(),
                         items.size() == 1 ? "" : "s", items.size() == 1 ? "it" : "them", item_lines(items));
  }
  const std::string note = fmt::format("offboarding {}", handle);
  for (auto& i : items) {
    const std::string action = fmt::format("{}.reassign", i.owned->kind->name);
    // An incident's timeline records every change of lead (SPEC §4 incident).
    std::vector<incident::Event> events;
    if (i.owned->kind == &incident::kind()) {
      incident::set_lead(i.record, *to, ctx.clock.now, events);
    }
    i.record.set(i.owned->owner_field, *to);
    if (i.owned->updated_field) {
      i.record.set(*i.owned->updated_field, format_instant(ctx.clock.now));
    }
    tx->update(*i.owned->kind, i.record, action, note);
    if (!events.empty()) {
      write_events(ctx, *tx, display_key(*i.owned->kind, i.record), events, action);
    }
  }
  tx->update(staff::kind(), person, "staff.offboard");
  const auto reports = reports_of(*tx, handle);
  tx->commit();
  print_changed(ctx, staff_view(), std::move(person));
  if (to) {
    ctx.info(fmt::format("moved {} item{} to {}", items.size(), items.size() == 1 ? "" : "s", *to));
  }
  if (!reports.empty()) {
    ctx.warn(fmt::format("{} still manages {}; give them a new manager with 'cso staff edit HANDLE --manager H'",
                         handle, fmt::join(reports, ", ")));
  }
}

}  // namespace

void setup_staff_offboard(CLI::App* staff_cmd, Context& ctx) {
  auto o = std::make_shared<OffboardOptions>();
  CLI::App* c = add_command(*staff_cmd, "offboard",
                            "mark a staff member inactive and move what they own or lead; prints the handle");
  c->add_option("HANDLE", o->handle, "the person leaving")->required();
  bind(c, o->on, "--on", "the day they left: today (the default) or earlier");
  bind(c, o->reassign_to, "--reassign-to",
       "an active staff member who takes over their open items (required when there are any)");
  c->callback([&ctx, o] { run_offboard(ctx, *o); });
}

}  // namespace cso::cli
