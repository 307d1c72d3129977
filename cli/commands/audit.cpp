// `cso audit plan|list|show|edit|rm`: audits and assessments. Their state machine's verbs are
// in audit_verbs.cpp, findings in audit_finding*.cpp.
#include "core/audit.h"

#include <array>
#include <numeric>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/audit_view.h"
#include "cli/record_commands.h"
#include "cli/record_edit.h"
#include "cli/values.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/selectors.h"

namespace cso::cli {
namespace {

struct PlanOptions {
  std::string title;
  TextOption kind, scope, lead, auditor, framework, start, end;
};

std::optional<std::string> text_of(Context& ctx, const TextOption& o, std::size_t field, const char* what) {
  if (!o.given()) {
    return std::nullopt;
  }
  return std::get<std::string>(parse_field_value(audit::kind(), field, o.value, what, ctx.clock));
}

void run_plan(Context& ctx, const PlanOptions& o) {
  audit::NewAudit n;
  n.title = std::get<std::string>(parse_field_value(audit::kind(), audit::title, o.title, "TITLE", ctx.clock));
  n.kind = text_of(ctx, o.kind, audit::kind_, "--kind").value_or("internal");
  n.scope = text_of(ctx, o.scope, audit::scope, "--scope");
  n.auditor = text_of(ctx, o.auditor, audit::auditor, "--auditor");
  n.framework = text_of(ctx, o.framework, audit::framework, "--framework");
  n.start = text_of(ctx, o.start, audit::start, "--start");
  n.end = text_of(ctx, o.end, audit::end, "--end");
  if (o.lead.given()) {
    n.lead = active_staff(ctx, o.lead.value, "--lead");
  }
  Record r = audit::make(n, ctx.clock);
  auto tx = ctx.store().begin(ctx.actor());
  tx->insert(audit::kind(), r, "audit.plan");
  tx->commit();
  print_changed(ctx, audit_view(), std::move(r));
}

struct ListFilters {
  TextOption status, kind, lead;
};

void bind_filters(CLI::App* l, ListFilters& f) {
  bind(l, f.status, "--status", "planned,fieldwork,reporting,closed");
  bind(l, f.kind, "--kind", "internal,external,certification,pentest,assessment");
  bind(l, f.lead, "--lead", "staff handles");
}

Query list_query(Context& ctx, const ListFilters& o) {
  audit::ListFilter f;
  f.status = field_values(ctx, audit::kind(), audit::status, o.status, "--status");
  f.kind = field_values(ctx, audit::kind(), audit::kind_, o.kind, "--kind");
  f.lead = field_values(ctx, audit::kind(), audit::lead, o.lead, "--lead");
  return audit::make_query(f);
}

/// The audit, then its findings: a table under it, or a "findings" array in JSON.
void show_with_findings(Context& ctx, const std::string& id_text) {
  const Record r = ctx.store().get_or_throw(audit::kind(), parse_id(audit::kind(), id_text, "ID"));
  const View findings = finding_view(ctx);
  std::vector<std::size_t> every_field(finding::kind().fields.size());
  std::iota(every_field.begin(), every_field.end(), 0);
  print_record_with(ctx, audit_view(), r,
                    {"findings",
                     findings,
                     ctx.store().all(finding::kind(), select::findings_of(display_key(audit::kind(), r))),
                     {"id", "title", "severity", "grade", "owner", "due", "status"},
                     every_field});
}

constexpr std::array<EditOption, 9> k_edit_options{{
    {audit::title, "new title"},
    {audit::kind_, "internal, external, certification, pentest or assessment"},
    {audit::scope, "what is in scope"},
    {audit::lead, "an active staff handle", active_handle},
    {audit::auditor, "who audits"},
    {audit::framework, "the framework audited against"},
    {audit::start, "start date"},
    {audit::end, "end date (not before the start)"},
    {audit::summary, "the outcome in a few lines"},
}};

void apply_edit(Context& ctx, Transaction&, Record& r, const Changes& changes) {
  audit::edit(r, changes, ctx.clock);
}

const Noun& audit_noun() {
  static const Noun k_noun{audit::kind(), "audit", "AUD-n or n", "audits", [](const Context&) { return audit_view(); }};
  return k_noun;
}

}  // namespace

void setup_audit(CLI::App& app, Context& ctx) {
  CLI::App* cmd = add_command(app, "audit", "audits, assessments and their findings");
  cmd->require_subcommand(1);

  auto plan = std::make_shared<PlanOptions>();
  CLI::App* p = add_command(*cmd, "plan", "plan an audit (status planned); prints its ID");
  p->add_option("TITLE", plan->title, "what is audited, e.g. \"ISO 27001 surveillance 2027\"")->required();
  bind(p, plan->kind, "--kind", "internal (default), external, certification, pentest or assessment");
  bind(p, plan->scope, "--scope", "what is in scope");
  bind(p, plan->lead, "--lead", "the staff handle leading it on our side");
  bind(p, plan->auditor, "--auditor", "who audits, e.g. the external firm");
  bind(p, plan->framework, "--framework", "e.g. ISO 27001, SOC 2, NIST CSF");
  bind(p, plan->start, "--start", "planned start date");
  bind(p, plan->end, "--end", "planned end date (not before --start)");
  p->callback([&ctx, plan] { run_plan(ctx, *plan); });

  add_list(*cmd, ctx, audit_noun(), "list audits", bind_filters, list_query);

  auto show_id = std::make_shared<std::string>();
  CLI::App* s = add_command(*cmd, "show", "show one audit and its findings (json: a \"findings\" array)");
  s->add_option("ID", *show_id, "AUD-n or n")->required();
  s->callback([&ctx, show_id] { show_with_findings(ctx, *show_id); });

  add_edit(*cmd, ctx, audit_noun(), "change an audit that is not closed", k_edit_options, apply_edit);

  add_rm(*cmd, ctx, audit_noun(), "remove an audit entered by mistake, without findings (the journal keeps it)");

  setup_audit_verbs(cmd, ctx);
  add_history(*cmd, ctx, audit_noun(), "the journal entries of one audit, oldest first");
  setup_audit_findings(cmd, ctx);
}

}  // namespace cso::cli
