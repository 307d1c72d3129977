// `cso risk assess|treat|accept|review|close|reopen`: the state machine's verbs.
#include "cli/commands.h"
#include "cli/commands/risk_view.h"
#include "cli/completion_tree.h"
#include "cli/values.h"
#include "core/acceptance.h"
#include "core/error.h"
#include "core/risk.h"

namespace cso::cli {
namespace {

struct VerbOptions {
  std::string id, likelihood, impact, strategy, until;
  bool residual = false;
  TextOption note, plan, due, reason;
};

std::int64_t risk_id(const VerbOptions& o) {
  return parse_id(risk::kind(), o.id, "ID");
}

void run_assess(Context& ctx, const VerbOptions& o) {
  const auto l = risk::parse_rating(o.likelihood, "--likelihood", ctx.config);
  const auto i = risk::parse_rating(o.impact, "--impact", ctx.config);
  const std::string note = parse_note(o.note.value, "--note");
  change_record(ctx, risk_view(ctx), risk_id(o), "risk.assess", note, [&](Record& r) {
    risk::require_status(r, "assess");
    risk::assess(r, l, i, o.residual, ctx.clock);
  });
}

void run_treat(Context& ctx, const VerbOptions& o) {
  const Value strategy = parse_field_value(risk::kind(), risk::treatment, o.strategy, "--strategy", ctx.clock);
  if (std::get<std::string>(strategy) == "accept") {
    throw usage_error(
        "--strategy: use 'cso risk accept ID --until D --reason TEXT' to accept a risk; treat takes "
        "mitigate, transfer or avoid");
  }
  const Value plan = parse_field_value(risk::kind(), risk::plan, o.plan.value, "--plan", ctx.clock);
  if (o.plan.value.empty()) {
    throw usage_error("--plan: a treatment needs a plan");
  }
  std::optional<std::string> due;
  if (o.due.given()) {
    due = std::get<std::string>(parse_field_value(risk::kind(), risk::due, o.due.value, "--due", ctx.clock));
  }
  change_record(ctx, risk_view(ctx), risk_id(o), "risk.treat", "", [&](Record& r) {
    risk::require_status(r, "treat");
    risk::treat(r, std::get<std::string>(strategy), std::get<std::string>(plan), due, ctx.clock);
  });
}

void run_accept(Context& ctx, const VerbOptions& o) {
  const Acceptance a = check_acceptance(parse_when(o.until, ctx.clock, "--until"), o.reason.value, ctx.clock,
                                        ctx.config.risk_max_acceptance);
  sign_record(ctx, risk_view(ctx), risk_id(o), "risk.accept", a.reason, [&](Record& r, const std::string& signer) {
    risk::require_status(r, "accept");
    risk::accept(r, a.until, signer, ctx.clock);
  });
}

void run_simple(Context& ctx, const VerbOptions& o, std::string_view verb, std::string_view note,
                void (*apply)(Record&, const Context&)) {
  const std::string checked = parse_note(note, "--reason");
  change_record(ctx, risk_view(ctx), risk_id(o), fmt::format("risk.{}", verb), checked, [&](Record& r) {
    risk::require_status(r, verb);
    apply(r, ctx);
  });
}

CLI::App* verb(CLI::App* risk, const char* name, const char* summary, VerbOptions& o) {
  CLI::App* v = add_command(*risk, name, summary);
  v->add_option("ID", o.id, "RSK-n or n")->required();
  return v;
}

}  // namespace

void setup_risk_verbs(CLI::App* risk, Context& ctx) {
  auto o = std::make_shared<VerbOptions>();

  CLI::App* a = verb(risk, "assess", "record a new assessment (kept in history)", *o);
  a->add_option("--likelihood", o->likelihood, "1..N")->required();
  a->add_option("--impact", o->impact, "1..N")->required();
  a->add_flag("--residual", o->residual, "the residual rating, after treatment");
  bind(a, o->note, "--note", "why the rating changed");
  a->callback([&ctx, o] { run_assess(ctx, *o); });

  CLI::App* t = verb(risk, "treat", "start treating a risk (status treating)", *o);
  complete_choices(t->add_option("--strategy", o->strategy, "mitigate, transfer or avoid")->required(),
                   risk::kind().fields[risk::treatment].choices);
  bind(t, o->plan, "--plan", "what will be done").option->required();
  bind(t, o->due, "--due", "when the treatment is due");
  t->callback([&ctx, o] { run_treat(ctx, *o); });

  CLI::App* c = verb(risk, "accept", "accept a risk until a date (you are the approver, not its owner)", *o);
  c->add_option("--until", o->until, "when the acceptance expires")->required();
  bind(c, o->reason, "--reason", "why the risk is accepted").option->required();
  c->callback([&ctx, o] { run_accept(ctx, *o); });

  CLI::App* r = verb(risk, "review", "record a periodic review (you are the reviewer); advances next_review", *o);
  bind(r, o->note, "--note", "what the review found");
  r->callback([&ctx, o] {
    const std::string note = parse_note(o->note.value, "--note");
    sign_record(ctx, risk_view(ctx), risk_id(*o), "risk.review", note, [&](Record& rec, const std::string&) {
      risk::require_status(rec, "review");
      risk::review(rec, ctx.config, ctx.clock);
    });
  });

  CLI::App* cl = verb(risk, "close", "close a risk", *o);
  bind(cl, o->reason, "--reason", "why it is closed").option->required();
  cl->callback([&ctx, o] {
    if (o->reason.value.empty()) {
      throw usage_error("--reason: closing a risk needs a reason");
    }
    run_simple(ctx, *o, "close", o->reason.value, [](Record& rec, const Context& cx) { risk::close(rec, cx.clock); });
  });

  CLI::App* re = verb(risk, "reopen", "reopen a closed risk", *o);
  re->callback([&ctx, o] {
    run_simple(ctx, *o, "reopen", "", [](Record& rec, const Context& cx) { risk::reopen(rec, cx.clock); });
  });
}

}  // namespace cso::cli
