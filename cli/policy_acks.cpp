// `cso policy ack|acks`: acknowledgements of the version in force, and who in the audience
// has not given one.
#include "cli/commands.h"
#include "cli/policy_view.h"
#include "core/audience.h"
#include "core/error.h"
#include "core/policy.h"
#include "core/staff.h"

#include <algorithm>
#include <map>

namespace cso::cli {
namespace {

struct AckOptions {
  std::string id, staff;
  TextOption on;
  bool missing = false;
};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    out += (out.empty() ? "" : ", ") + s;
  }
  return out;
}

void run_ack(Context& ctx, const AckOptions& o) {
  std::vector<std::string> handles;
  for (const auto& h : split_list(o.staff, "--staff")) {
    const std::string handle = staff::parse_handle(h, "--staff");
    if (std::find(handles.begin(), handles.end(), handle) == handles.end()) {
      handles.push_back(handle);
    }
  }
  const Instant on = o.on.given() ? parse_when(o.on.value, ctx.clock, "--on") : ctx.clock.now;
  const std::string date = format_date(on);
  if (date > format_date(ctx.clock.now)) {
    throw usage_error("--on: {} is in the future; an acknowledgement is dated when it was given", date);
  }
  auto tx = ctx.store().begin(ctx.actor());
  Record p = get_policy(*tx, o.id);
  const std::string key = display_key(policy::kind(), p);
  policy::require_status(p, "ack");
  const Record v = get_version(*tx, p, p.integer(policy::version));
  // Publication may be recorded after the fact (--effective in the past): the earlier counts.
  const std::string since = std::min(v.text(policy_version::published).substr(0, 10), v.text(policy_version::effective));
  if (date < since) {
    throw usage_error("--on: {} is before v{} of {} was published ({})", date, v.integer(policy_version::version), key,
                      since);
  }
  std::vector<std::string> added, already;
  for (const auto& h : handles) {
    active_staff(ctx, h, "--staff");
  }
  for (const auto& h : handles) {
    const auto existing = tx->get(policy_ack::kind(),
                                  Value{policy_ack::key_of(key, v.integer(policy_version::version), h)});
    if (existing) {
      already.push_back(fmt::format("{} (on {})", h, existing->text(policy_ack::acknowledged)));
      continue;
    }
    Record a = policy_ack::make(v, h, date);
    tx->insert(policy_ack::kind(), a, "policy.ack");
    added.push_back(h);
  }
  tx->commit();
  const std::int64_t number = v.integer(policy_version::version);
  if (!added.empty()) {
    ctx.info(fmt::format("{} v{} acknowledged by {}", key, number, join(added)));
  }
  if (!already.empty()) {
    ctx.info(fmt::format("{} v{} was already acknowledged by {}; nothing recorded for them", key, number, join(already)));
  }
  print_changed(ctx, policy_view(), std::move(p));
}

void run_acks(Context& ctx, const AckOptions& o) {
  const Record p = get_policy(ctx.store(), o.id);
  policy::require_status(p, "acks");
  const std::string key = display_key(policy::kind(), p);
  const std::int64_t number = p.integer(policy::version);
  std::map<std::string, std::string> acked;  // handle → date
  Query acks;
  acks.unordered = true;
  acks.where.push_back({policy_ack::policy, Op::eq, {key}, {}});
  acks.where.push_back({policy_ack::version, Op::eq, {number}, {}});
  ctx.store().each(policy_ack::kind(), acks,
                   [&](Record& a) { acked[a.text(policy_ack::staff)] = a.text(policy_ack::acknowledged); });
  RowWriter writer(ctx.out, ctx.output, {"handle", "name", "status", "version", "acknowledged"});
  policy::Coverage c;
  ctx.store().each(staff::kind(), audience_query(p.text(policy::audience)), [&](Record& s) {
    const auto it = acked.find(s.text(staff::handle));
    const bool has = it != acked.end();
    c.expected += 1;
    c.acknowledged += has ? 1 : 0;
    if (has && o.missing) {
      return;
    }
    writer.row({Cell{s.values[staff::handle]}, Cell{s.values[staff::name]},
                Cell{std::string(has ? "acknowledged" : "missing"), has ? Style::green : Style::red},
                has ? Cell{number} : Cell{}, has ? Cell{it->second} : Cell{}});
  });
  writer.finish();
  ctx.info(fmt::format("{} v{} ({}): acknowledged by {}", key, number, p.text(policy::audience), policy::coverage_text(c)));
}

}  // namespace

void setup_policy_acks(CLI::App* policy, Context& ctx) {
  auto o = std::make_shared<AckOptions>();

  CLI::App* a = add_command(*policy, "ack", "record that people acknowledged the version in force (with its hash)");
  a->add_option("ID", o->id, "POL-n or n")->required();
  a->add_option("--staff", o->staff, "active staff handles, comma-separated")->required();
  bind(a, o->on, "--on", "when they acknowledged it (default today)");
  a->callback([&ctx, o] { run_ack(ctx, *o); });

  CLI::App* l = add_command(*policy, "acks", "who in the audience has and has not acknowledged the version in force");
  l->add_option("ID", o->id, "POL-n or n")->required();
  l->add_flag("--missing", o->missing, "only those who have not");
  l->callback([&ctx, o] { run_acks(ctx, *o); });
}

}  // namespace cso::cli
