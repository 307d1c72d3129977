// `cso policy submit|approve|request-changes|publish|review|retire`: the approval flow of a
// policy's open version, and the policy's periodic review and retirement.
#include "cli/commands.h"
#include "cli/commands/policy_view.h"
#include "core/error.h"
#include "core/policy.h"
#include "core/policy_service.h"
#include "core/staff_service.h"

namespace cso::cli {
namespace {

struct VerbOptions {
  std::string id;
  TextOption note, effective;
};

/// Whether a verb is a sign-off (SPEC §1), which needs an acting person who is active staff.
enum class Signoff : bool { no, yes };

/// The acting person: for a sign-off, checked against the staff list in `tx`.
std::string acting(Context& ctx, Reader& tx, Signoff signoff) {
  return signoff == Signoff::yes ? staff::require_signer(tx, ctx.actor_handle()) : ctx.actor_handle();
}

/// Applies `change` to the policy and its open version in one transaction, journalled as
/// `policy.<verb>` (both records) with `note`; `change` gets the acting person.
void change_open(Context& ctx, const VerbOptions& o, std::string_view verb, std::string_view note, Signoff signoff,
                 const std::function<void(Record& p, Record& v, Transaction& tx, const std::string& by)>& change) {
  auto tx = ctx.store().begin(ctx.actor());
  Record p = policy::get_policy(*tx, o.id);
  const std::string by = acting(ctx, *tx, signoff);
  auto v = policy::open_version_record(*tx, p);
  policy::require_version_status(p, v ? &*v : nullptr, verb);
  change(p, *v, *tx, by);
  const std::string action = fmt::format("policy.{}", verb);
  tx->update(policy_version::kind(), *v, action, note);
  tx->update(policy::kind(), p, action, note);
  tx->commit();
  print_changed(ctx, policy_view(), std::move(p));
}

/// The verbs share one options struct, so a note is looked at by its value, not given().
std::optional<std::string> optional_note(const TextOption& o, const char* what) {
  if (o.value.empty()) {
    return std::nullopt;
  }
  return parse_note(o.value, what);
}

void run_publish(Context& ctx, const VerbOptions& o) {
  const std::string effective = !o.effective.value.empty()
                                    ? format_date(parse_when(o.effective.value, ctx.clock, "--effective"))
                                    : format_date(ctx.clock.now);
  change_open(ctx, o, "publish", "", Signoff::yes, [&](Record& p, Record& v, Transaction& tx, const std::string&) {
    std::optional<Record> in_force;
    if (has_status(p, policy::Status::published)) {
      in_force = policy::get_version(tx, p, p.integer(policy::version));
    }
    policy::publish(p, v, in_force ? &*in_force : nullptr, effective, ctx.config, ctx.clock);
    if (in_force) {
      tx.update(policy_version::kind(), *in_force, "policy.publish");
    }
  });
}

void run_retire(Context& ctx, const VerbOptions& o) {
  const auto note = optional_note(o.note, "--note");
  auto tx = ctx.store().begin(ctx.actor());
  Record p = policy::get_policy(*tx, o.id);
  staff::require_signer(*tx, ctx.actor_handle());
  policy::require_status(p, "retire");
  std::vector<Record> versions;
  if (has_status(p, policy::Status::published)) {
    versions.push_back(policy::get_version(*tx, p, p.integer(policy::version)));
  }
  if (auto open = policy::open_version_record(*tx, p)) {
    versions.push_back(std::move(*open));
  }
  std::vector<Record*> changed;
  for (auto& v : versions) {
    changed.push_back(&v);
  }
  policy::retire(p, changed, ctx.clock);
  for (const auto& v : versions) {
    tx->update(policy_version::kind(), v, "policy.retire", note.value_or(""));
  }
  tx->update(policy::kind(), p, "policy.retire", note.value_or(""));
  tx->commit();
  print_changed(ctx, policy_view(), std::move(p));
}

void run_review(Context& ctx, const VerbOptions& o) {
  const auto note = optional_note(o.note, "--note");
  auto tx = ctx.store().begin(ctx.actor());
  Record p = policy::get_policy(*tx, o.id);
  staff::require_signer(*tx, ctx.actor_handle());
  policy::require_status(p, "review");
  policy::review(p, ctx.config, ctx.clock);
  tx->update(policy::kind(), p, "policy.review", note.value_or(""));
  tx->commit();
  print_changed(ctx, policy_view(), std::move(p));
}

CLI::App* verb(CLI::App* policy, const char* name, const char* summary, VerbOptions& o) {
  CLI::App* v = add_command(*policy, name, summary);
  v->add_option("ID", o.id, "POL-n or n")->required();
  return v;
}

}  // namespace

void setup_policy_verbs(CLI::App* policy, Context& ctx) {
  auto o = std::make_shared<VerbOptions>();

  CLI::App* s = verb(policy, "submit", "submit the draft version for approval (in_review)", *o);
  s->callback([&ctx, o] {
    change_open(ctx, *o, "submit", "", Signoff::no, [&](Record& p, Record& v, Transaction&, const std::string&) {
      if (v.text(policy_version::body).empty()) {
        throw conflict_error("{} v{} has no body; give one with 'policy edit {} --body-file F'",
                             display_key(policy::kind(), p), v.integer(policy_version::version),
                             display_key(policy::kind(), p));
      }
      policy::submit(p, v, ctx.clock);
    });
  });

  CLI::App* a = verb(policy, "approve", "approve the version in review (you are the approver; not its author)", *o);
  bind(a, o->note, "--note", "the approval note, kept with the version");
  a->callback([&ctx, o] {
    const auto note = optional_note(o->note, "--note");
    change_open(
        ctx, *o, "approve", note.value_or(""), Signoff::yes,
        [&](Record& p, Record& v, Transaction&, const std::string& by) { policy::approve(p, v, by, note, ctx.clock); });
  });

  CLI::App* r = verb(policy, "request-changes", "send the version in review back to draft (you are the reviewer)", *o);
  bind(r, o->note, "--note", "what must change").option->required();
  r->callback([&ctx, o] {
    if (o->note.value.empty()) {
      throw usage_error("--note: requesting changes needs a note saying what must change");
    }
    const std::string note = parse_note(o->note.value, "--note");
    change_open(
        ctx, *o, "request-changes", note, Signoff::yes,
        [&](Record& p, Record& v, Transaction&, const std::string&) { policy::request_changes(p, v, ctx.clock); });
  });

  CLI::App* p =
      verb(policy, "publish", "put the approved version in force (you sign it); the previous one is superseded", *o);
  bind(p, o->effective, "--effective", "the date it takes effect (default today)");
  p->callback([&ctx, o] { run_publish(ctx, *o); });

  CLI::App* rv = verb(policy, "review",
                      "record a periodic review without change (you are the reviewer); advances next_review", *o);
  bind(rv, o->note, "--note", "what the review found");
  rv->callback([&ctx, o] { run_review(ctx, *o); });

  CLI::App* rt = verb(policy, "retire", "retire a policy (you sign it): its version in force and any open version", *o);
  bind(rt, o->note, "--note", "why it is retired");
  rt->callback([&ctx, o] { run_retire(ctx, *o); });
}

}  // namespace cso::cli
