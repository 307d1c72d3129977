// `cso audit finding remediate|resolve|verify|accept|reopen|history`: the finding's state machine.
#include "cli/commands.h"
#include "cli/commands/audit_view.h"
#include "cli/values.h"
#include "core/acceptance.h"
#include "core/error.h"
#include "core/finding.h"

namespace cso::cli {
namespace {

struct VerbOptions {
  std::string id, until;
  TextOption plan, note, reason;
};

std::int64_t finding_id(const VerbOptions& o) {
  return parse_id(finding::kind(), o.id, "ID");
}

void run_remediate(Context& ctx, const VerbOptions& o) {
  std::string plan = finding::parse_plan(o.plan.value, "--plan");
  change_record(ctx, finding_view(ctx), finding_id(o), "finding.remediate", "", [&](Record& r) {
    finding::require_status(r, "remediate");
    finding::remediate(r, plan, ctx.clock);
  });
}

void run_resolve(Context& ctx, const VerbOptions& o) {
  std::string note = finding::parse_resolution(o.note.value, "--note");
  change_record(ctx, finding_view(ctx), finding_id(o), "finding.resolve", "", [&](Record& r) {
    finding::require_status(r, "resolve");
    finding::resolve(r, note, ctx.clock);
  });
}

void run_verify(Context& ctx, const VerbOptions& o) {
  const std::string note = parse_note(o.note.value, "--note");
  sign_record(ctx, finding_view(ctx), finding_id(o), "finding.verify", note, [&](Record& r, const std::string& signer) {
    finding::require_status(r, "verify");
    finding::verify(r, signer, ctx.clock);
  });
}

void run_accept(Context& ctx, const VerbOptions& o) {
  const Acceptance a = check_acceptance(parse_when(o.until, ctx.clock, "--until"), o.reason.value, ctx.clock,
                                        ctx.config.risk_max_acceptance);
  const std::string reason = std::get<std::string>(
      parse_field_value(finding::kind(), finding::accept_reason, a.reason, "--reason", ctx.clock));
  sign_record(ctx, finding_view(ctx), finding_id(o), "finding.accept", "", [&](Record& r, const std::string& signer) {
    finding::require_status(r, "accept");
    finding::accept(r, a.until, signer, reason, ctx.clock);
  });
}

void run_reopen(Context& ctx, const VerbOptions& o) {
  const std::string note = parse_note(o.note.value, "--note");
  change_record(ctx, finding_view(ctx), finding_id(o), "finding.reopen", note, [&](Record& r) {
    finding::require_status(r, "reopen");
    finding::reopen(r, ctx.clock);
  });
}

CLI::App* verb(CLI::App* finding, const char* name, const char* summary, VerbOptions& o) {
  CLI::App* v = add_command(*finding, name, summary);
  v->add_option("ID", o.id, "FND-n or n")->required();
  return v;
}

}  // namespace

void setup_finding_verbs(CLI::App* finding, Context& ctx) {
  auto o = std::make_shared<VerbOptions>();

  CLI::App* m = verb(finding, "remediate", "start remediating (open → remediating), or revise the plan", *o);
  bind(m, o->plan, "--plan", "what will be done").option->required();
  m->callback([&ctx, o] { run_remediate(ctx, *o); });

  CLI::App* r = verb(finding, "resolve", "mark it fixed (open or remediating → resolved), awaiting verification", *o);
  bind(r, o->note, "--note", "how it was resolved (kept as its resolution)").option->required();
  r->callback([&ctx, o] { run_resolve(ctx, *o); });

  CLI::App* v = verb(finding, "verify", "confirm the fix (resolved → verified); you must not be its owner", *o);
  bind(v, o->note, "--note", "how the fix was checked (journalled)");
  v->callback([&ctx, o] { run_verify(ctx, *o); });

  CLI::App* a = verb(finding, "accept",
                     "accept it until a date (you are the approver, not its owner); also renews an acceptance", *o);
  a->add_option("--until", o->until, "when the acceptance expires (in the future)")->required();
  bind(a, o->reason, "--reason", "why it is accepted").option->required();
  a->callback([&ctx, o] { run_accept(ctx, *o); });

  CLI::App* re = verb(finding, "reopen", "reopen a resolved, verified or accepted finding (→ open)", *o);
  bind(re, o->note, "--note", "why (journalled)");
  re->callback([&ctx, o] { run_reopen(ctx, *o); });
}

}  // namespace cso::cli
