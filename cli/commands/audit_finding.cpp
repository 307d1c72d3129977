// `cso audit finding add|list|show|edit|rm`; the state machine's verbs are in
// audit_finding_verbs.cpp.
#include <array>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/audit_view.h"
#include "cli/record_commands.h"
#include "cli/record_edit.h"
#include "cli/values.h"
#include "core/audit.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/incident.h"

namespace cso::cli {
namespace {

Value parse(Context& ctx, std::size_t field, const std::string& text, const char* what) {
  return parse_field_value(finding::kind(), field, text, what, ctx.clock);
}

struct AddOptions {
  std::string title, severity, owner, due;
  TextOption audit, incident, grade, description, description_file;
};

void run_add(Context& ctx, const AddOptions& o) {
  finding::NewFinding n;
  n.title = std::get<std::string>(parse(ctx, finding::title, o.title, "TITLE"));
  n.severity = std::get<std::string>(parse(ctx, finding::severity, o.severity, "--severity"));
  n.due = std::get<std::string>(parse(ctx, finding::due, o.due, "--due"));
  if (o.grade.given()) {
    n.grade = std::get<std::string>(parse(ctx, finding::grade, o.grade.value, "--grade"));
  }
  n.description = long_text(o.description, o.description_file, "description");
  if (n.description) {
    parse(ctx, finding::description, *n.description, "--description");
  }
  n.owner = active_staff(ctx, o.owner, "--owner");
  auto tx = ctx.store().begin(ctx.actor());
  if (o.audit.given()) {
    n.audit = finding::open_audit(*tx, o.audit.value);
  }
  if (o.incident.given()) {
    n.incident = finding::followed_incident(*tx, o.incident.value, "--incident");
  }
  Record r = finding::make(n, ctx.clock);
  tx->insert(finding::kind(), r, "finding.add");
  tx->commit();
  print_changed(ctx, finding_view(ctx), std::move(r));
}

struct ListFilters {
  TextOption audit, incident, owner, severity, status, grade;
  bool open = false, overdue = false;
};

void bind_filters(CLI::App* l, ListFilters& f) {
  bind(l, f.audit, "--audit", "audit IDs");
  bind(l, f.incident, "--incident", "incident IDs: the follow-ups of their reviews");
  l->add_flag("--open", f.open, "only open or remediating findings");
  l->add_flag("--overdue", f.overdue, "only open or remediating past due, or accepted past accepted_until");
  bind(l, f.owner, "--owner", "staff handles");
  bind(l, f.severity, "--severity", "low,medium,high,critical");
  bind(l, f.status, "--status", "open,remediating,resolved,verified,accepted");
  bind(l, f.grade, "--grade", "major_nc,minor_nc,observation,ofi");
}

Query list_query(Context& ctx, const ListFilters& o) {
  finding::ListFilter f;
  if (o.audit.given()) {
    for (const auto& item : split_list(o.audit.value, "--audit")) {
      f.audit.push_back(display_id(audit::kind(), parse_id(audit::kind(), item, "--audit")));
    }
  }
  if (o.incident.given()) {
    for (const auto& item : split_list(o.incident.value, "--incident")) {
      f.incident.push_back(display_id(incident::kind(), parse_id(incident::kind(), item, "--incident")));
    }
  }
  f.owner = field_values(ctx, finding::kind(), finding::owner, o.owner, "--owner");
  f.severity = field_values(ctx, finding::kind(), finding::severity, o.severity, "--severity");
  f.status = field_values(ctx, finding::kind(), finding::status, o.status, "--status");
  f.grade = field_values(ctx, finding::kind(), finding::grade, o.grade, "--grade");
  f.open = o.open;
  f.overdue = o.overdue;
  return finding::make_query(f, ctx.clock);
}

/// --overdue keeps the findings overdue_date says are (the query narrows by status only).
void print_findings(Context& ctx, const ListFilters& o, const Query& q) {
  const View view = finding_view(ctx);
  write_findings(ctx, view, q, list_columns(ctx, view), o.overdue);
}

/// --audit AUD-n, checked as typed; the audit is read when the finding is.
Value audit_key(Context&, const KindDef&, std::size_t, std::string_view text, std::string_view what) {
  return Value{display_id(audit::kind(), parse_id(audit::kind(), text, what))};
}

/// --incident INC-n, checked as typed; the incident is read when the finding is.
Value incident_key(Context&, const KindDef&, std::size_t, std::string_view text, std::string_view what) {
  return Value{display_id(incident::kind(), parse_id(incident::kind(), text, what))};
}

constexpr std::array<EditOption, 9> k_edit_options{{
    {finding::title, "new title"},
    {finding::description, "longer text", field_value, true},
    {finding::severity, "low, medium, high or critical"},
    {finding::grade, "major_nc, minor_nc, observation or ofi"},
    {finding::owner, "an active staff handle", active_handle},
    {finding::due, "new due date"},
    {finding::plan, "the remediation plan"},
    {finding::audit, "move it to another audit (AUD-n; not closed)", audit_key},
    {finding::incident, "the incident whose review it follows up (INC-n)", incident_key},
}};

void apply_edit(Context& ctx, Transaction& tx, Record& r, const Changes& changes) {
  finding::edit(tx, r, changes, ctx.clock);
}

const Noun& finding_noun() {
  static const Noun k_noun{finding::kind(), "audit finding", "FND-n or n", "findings", finding_view};
  return k_noun;
}

}  // namespace

void setup_audit_findings(CLI::App* audit, Context& ctx) {
  CLI::App* cmd = add_command(*audit, "finding", "findings: from audits, pentests or self-assessments");
  cmd->require_subcommand(1);

  auto add = std::make_shared<AddOptions>();
  CLI::App* a = add_command(*cmd, "add", "record a finding (status open); prints its ID");
  a->add_option("TITLE", add->title, "what was found")->required();
  a->add_option("--severity", add->severity, "low, medium, high or critical")->required();
  a->add_option("--owner", add->owner, "the active staff handle who remediates it")->required();
  a->add_option("--due", add->due, "when it must be remediated")->required();
  bind(a, add->audit, "--audit", "the audit that found it (AUD-n; not closed); none for a self-assessment");
  bind(a, add->incident, "--incident", "the incident whose review it follows up (INC-n)");
  bind(a, add->grade, "--grade", "major_nc, minor_nc, observation or ofi");
  bind(a, add->description, "--description", "longer text");
  bind(a, add->description_file, "--description-file", "read the description from a file (- for stdin)");
  a->callback([&ctx, add] { run_add(ctx, *add); });

  add_list(*cmd, ctx, finding_noun(), "list findings", bind_filters, list_query, print_findings);

  add_show(*cmd, ctx, finding_noun(), "show one finding");

  add_edit(*cmd, ctx, finding_noun(), "change a finding that is not verified", k_edit_options, apply_edit);

  add_rm(*cmd, ctx, finding_noun(), "remove a finding entered by mistake (the journal keeps it)");

  setup_finding_verbs(cmd, ctx);
  add_history(*cmd, ctx, finding_noun(), "the journal entries of one finding, oldest first");
}

}  // namespace cso::cli
