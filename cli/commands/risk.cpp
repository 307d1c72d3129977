// `cso risk add|list|show|edit|rm`; the other verbs are in risk_verbs.cpp, matrix and import
// in their own files.
#include "core/risk.h"

#include <array>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/risk_view.h"
#include "cli/record_commands.h"
#include "cli/record_edit.h"
#include "cli/values.h"
#include "core/error.h"

namespace cso::cli {
namespace {

struct AddOptions {
  std::string title, likelihood, impact;
  TextOption owner, category, description, description_file, review_every;
};

void run_add(Context& ctx, const AddOptions& o) {
  risk::NewRisk n;
  n.title = std::get<std::string>(parse_field_value(risk::kind(), risk::title, o.title, "TITLE", ctx.clock));
  n.likelihood = risk::parse_rating(o.likelihood, "--likelihood", ctx.config);
  n.impact = risk::parse_rating(o.impact, "--impact", ctx.config);
  if (o.owner.given()) {
    n.owner = active_staff(ctx, o.owner.value, "--owner");
  }
  if (o.category.given()) {
    n.category = std::get<std::string>(
        parse_field_value(risk::kind(), risk::category, o.category.value, "--category", ctx.clock));
  }
  n.description = long_text(o.description, o.description_file, "description");
  if (n.description) {
    parse_field_value(risk::kind(), risk::description, *n.description, "--description", ctx.clock);
  }
  if (o.review_every.given()) {
    n.review_every = parse_duration(o.review_every.value, "--review-every");
  }
  Record r = risk::make(n, ctx.config, ctx.clock);
  auto tx = ctx.store().begin(ctx.actor());
  tx->insert(risk::kind(), r, "risk.add");
  tx->commit();
  print_changed(ctx, risk_view(ctx), std::move(r));
}

struct ListFilters {
  TextOption status, owner, level, category, min_score, review_due;
};

void bind_filters(CLI::App* l, ListFilters& f) {
  bind(l, f.status, "--status", "open,treating,accepted,closed");
  bind(l, f.owner, "--owner", "staff handles");
  bind(l, f.level, "--level", "low,medium,high,critical");
  bind(l, f.category, "--category", "categories");
  bind(l, f.min_score, "--min-score", "lowest score");
  bind(l, f.review_due, "--review-due", "next review within, e.g. 14d");
}

Query list_query(Context& ctx, const ListFilters& o) {
  risk::ListFilter f;
  f.status = field_values(ctx, risk::kind(), risk::status, o.status, "--status");
  f.owner = field_values(ctx, risk::kind(), risk::owner, o.owner, "--owner");
  f.category = field_values(ctx, risk::kind(), risk::category, o.category, "--category");
  if (o.level.given()) {
    f.level = split_list(o.level.value, "--level");
  }
  if (o.min_score.given()) {
    f.min_score = positive_integer(o.min_score.value, "--min-score");
  }
  if (o.review_due.given()) {
    f.review_due_before = add(ctx.clock.now, parse_duration(o.review_due.value, "--review-due"));
  }
  return risk::make_query(f, ctx.config);
}

constexpr std::array<EditOption, 7> k_edit_options{{
    {risk::title, "new title"},
    {risk::owner, "an active staff handle", active_handle},
    {risk::category, "category"},
    {risk::description, "longer text", field_value, true},
    {risk::review_every, "review period"},
    {risk::due, "treatment due date"},
    {risk::plan, "treatment plan"},
}};

void apply_edit(Context& ctx, Transaction&, Record& r, const Changes& changes) {
  risk::edit(r, changes, ctx.clock);
}

}  // namespace

const Noun& risk_noun() {
  static const Noun k_noun{risk::kind(), "risk", "RSK-n or n", "risks", risk_view};
  return k_noun;
}

View risk_view(const Context& ctx) {
  const Config* config = &ctx.config;
  return View{risk::kind(),
              {"id", "title", "owner", "status", "score", "level", "next_review"},
              [config](Record& r) { risk::derive(r, *config); },
              {"score"},
              [](std::size_t field, const Record& r) {
                return field == risk::level ? level_style(r.text(risk::level)) : Style::none;
              }};
}

void setup_risk(CLI::App& app, Context& ctx) {
  CLI::App* risk = add_command(app, "risk", "the risk register");
  risk->require_subcommand(1);

  auto add = std::make_shared<AddOptions>();
  CLI::App* a = add_command(*risk, "add", "add a risk; prints its ID");
  a->add_option("TITLE", add->title, "what could go wrong")->required();
  a->add_option("--likelihood", add->likelihood, "1..N (risk.matrix)")->required();
  a->add_option("--impact", add->impact, "1..N (risk.matrix)")->required();
  bind(a, add->owner, "--owner", "an active staff handle");
  bind(a, add->category, "--category", "free text, e.g. vendor, access, data");
  bind(a, add->description, "--description", "longer text");
  bind(a, add->description_file, "--description-file", "read the description from a file (- for stdin)");
  bind(a, add->review_every, "--review-every", "review period, e.g. 90d (default risk.review_every)");
  a->callback([&ctx, add] { run_add(ctx, *add); });

  add_list(*risk, ctx, risk_noun(), "list risks", bind_filters, list_query);
  add_show(*risk, ctx, risk_noun(), "show one risk");

  add_edit(*risk, ctx, risk_noun(), "change a risk's title, owner, category, description, period, due date or plan",
           k_edit_options, apply_edit);

  add_rm(*risk, ctx, risk_noun(), "remove a risk entered by mistake (the journal keeps it)");
  setup_risk_verbs(risk, ctx);
  add_history(*risk, ctx, risk_noun(), "the journal entries of one risk, oldest first");
  setup_risk_matrix(risk, ctx);
  setup_risk_import(risk, ctx);
}

}  // namespace cso::cli
