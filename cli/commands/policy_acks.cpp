// `cso policy ack|acks`: acknowledgements of the version in force, and who in the audience
// has not given one.
#include <algorithm>

#include "cli/commands.h"
#include "cli/commands/policy_view.h"
#include "cli/completion_tree.h"
#include "core/error.h"
#include "core/policy.h"
#include "core/policy_service.h"
#include "core/staff.h"

namespace cso::cli {
namespace {

struct AckOptions {
  std::string id, staff;
  TextOption on, limit;
  bool missing = false;
};

void run_ack(Context& ctx, const AckOptions& o) {
  std::vector<std::string> handles;
  for (const auto& h : split_list(o.staff, "--staff")) {
    const std::string handle = staff::parse_handle(h, "--staff");
    if (std::find(handles.begin(), handles.end(), handle) == handles.end()) {
      handles.push_back(handle);
    }
  }
  const Instant on = o.on.given() ? parse_when(o.on.value, ctx.clock, "--on") : ctx.clock.now;
  auto tx = ctx.store().begin(ctx.actor());
  auto done = policy::acknowledge(*tx, o.id, handles, format_date(on), format_date(ctx.clock.now));
  tx->commit();
  const std::string key = display_key(policy::kind(), done.policy);
  if (!done.added.empty()) {
    ctx.info(fmt::format("{} v{} acknowledged by {}", key, done.version, fmt::join(done.added, ", ")));
  }
  if (!done.already.empty()) {
    ctx.info(fmt::format("{} v{} was already acknowledged by {}; nothing recorded for them", key, done.version,
                         fmt::join(done.already, ", ")));
  }
  print_changed(ctx, policy_view(), std::move(done.policy));
}

void run_acks(Context& ctx, const AckOptions& o) {
  const policy::Roster roster = policy::ack_roster(ctx.store(), o.id);
  const std::int64_t limit = o.limit.given() ? positive_integer(o.limit.value, "--limit") : -1;
  RowWriter writer(ctx.out, ctx.output, {"handle", "name", "status", "version", "acknowledged"});
  std::int64_t written = 0;
  for (const auto& line : roster.lines) {
    const bool has = line.acknowledged.has_value();
    if (has && o.missing) {
      continue;
    }
    if (written++ == limit) {
      break;
    }
    writer.row({Cell{line.handle}, Cell{line.name},
                Cell{std::string(has ? "acknowledged" : "missing"), has ? Style::green : Style::red},
                has ? Cell{roster.version} : Cell{}, has ? whole_cell(*line.acknowledged) : Cell{}});
  }
  writer.finish();
  ctx.info(fmt::format("{} v{} ({}): acknowledged by {}", display_key(policy::kind(), roster.policy), roster.version,
                       roster.policy.text(policy::audience), policy::coverage_text(roster.coverage)));
}

}  // namespace

void setup_policy_acks(CLI::App* policy, Context& ctx) {
  auto o = std::make_shared<AckOptions>();

  CLI::App* a = add_command(*policy, "ack", "record that people acknowledged the version in force (with its hash)");
  a->add_option("ID", o->id, "POL-n or n")->required();
  complete_handles(a->add_option("--staff", o->staff, "active staff handles, comma-separated")->required());
  bind(a, o->on, "--on", "when they acknowledged it (default today)");
  a->callback([&ctx, o] { run_ack(ctx, *o); });

  CLI::App* l = add_command(*policy, "acks", "who in the audience has and has not acknowledged the version in force");
  l->add_option("ID", o->id, "POL-n or n")->required();
  l->add_flag("--missing", o->missing, "only those who have not");
  bind(l, o->limit, "--limit", "at most N people");
  l->callback([&ctx, o] { run_acks(ctx, *o); });
}

}  // namespace cso::cli
