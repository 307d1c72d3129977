// `cso incident open|list|show|edit|rm|history`; the phase verbs are in incident_verbs.cpp,
// notes and the timeline in incident_timeline.cpp, metrics in incident_metrics.cpp.
#include <array>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/incident_view.h"
#include "cli/record_commands.h"
#include "cli/record_edit.h"
#include "core/error.h"

namespace cso::cli {
namespace {

Style severity_style(std::string_view sev) {
  if (sev == "sev1") {
    return Style::magenta;
  }
  if (sev == "sev2") {
    return Style::red;
  }
  return sev == "sev3" ? Style::yellow : Style::none;
}

std::string text_value(const Context& ctx, std::size_t field, const std::string& text, std::string_view what) {
  return std::get<std::string>(parse_field_value(incident::kind(), field, text, what, ctx.clock));
}

struct OpenOptions {
  std::string title, severity;
  TextOption category, occurred, detected, reporter, lead, notify_within, description, description_file;
};

void run_open(Context& ctx, const OpenOptions& o) {
  incident::NewIncident n;
  n.title = text_value(ctx, incident::title, o.title, "TITLE");
  n.severity = parse_severity(ctx, o.severity, "--severity");
  if (o.category.given()) {
    n.category = text_value(ctx, incident::category, o.category.value, "--category");
  }
  n.description = long_text(o.description, o.description_file, "description");
  if (n.description) {
    n.description = text_value(ctx, incident::description, *n.description, "--description");
  }
  if (o.detected.given()) {
    n.detected = parse_when(o.detected.value, ctx.clock, "--detected");
  }
  if (o.occurred.given()) {
    n.occurred = parse_when(o.occurred.value, ctx.clock, "--occurred");
  }
  if (o.notify_within.given()) {
    n.notify_within = parse_duration(o.notify_within.value, "--notify-within");
  }
  if (o.reporter.given()) {
    n.reporter = active_staff(ctx, o.reporter.value, "--reporter");
  }
  if (o.lead.given()) {
    n.lead = active_staff(ctx, o.lead.value, "--lead");
  }
  std::vector<incident::Event> events;
  Record r = incident::make(n, ctx.clock, events);
  auto tx = ctx.store().begin(ctx.actor());
  tx->insert(incident::kind(), r, "incident.open");
  incident_event::append(*tx, display_key(incident::kind(), r), events, ctx.actor_handle(), "incident.open");
  tx->commit();
  print_changed(ctx, incident_view(), std::move(r));
}

struct ListFilters {
  bool open = false;
  TextOption severity, status, lead, since;
};

void bind_filters(CLI::App* l, ListFilters& f) {
  l->add_flag("--open", f.open, "only incidents not closed");
  bind(l, f.severity, "--severity", "sev1,sev2,sev3,sev4");
  bind(l, f.status, "--status", "new,triaged,contained,eradicated,recovered,closed");
  bind(l, f.lead, "--lead", "staff handles");
  bind(l, f.since, "--since", "detected on or after a date, or within a duration (30d)");
}

Query list_query(Context& ctx, const ListFilters& o) {
  incident::ListFilter f;
  f.open_only = o.open;
  f.severity = field_values(ctx, incident::kind(), incident::severity, o.severity, "--severity");
  f.status = field_values(ctx, incident::kind(), incident::status, o.status, "--status");
  f.lead = field_values(ctx, incident::kind(), incident::lead, o.lead, "--lead");
  if (o.since.given()) {
    f.since = parse_since(o.since.value, ctx.clock, "--since");
  }
  return incident::make_query(f);
}

constexpr std::array<EditOption, 9> k_edit_options{{
    {incident::title, "new title"},
    {incident::description, "longer text", field_value, true},
    {incident::category, "category"},
    {incident::reporter, "who reported it (an active staff handle)", active_handle},
    {incident::severity, "sev1..sev4 (recorded in the timeline)"},
    {incident::lead, "who leads the response (recorded in the timeline)", active_handle},
    {incident::notify_within, "notification deadline after detection, e.g. 72h"},
    {incident::root_cause, "the root cause found", field_value, true},
    {incident::lessons, "lessons learned", field_value, true},
}};

void apply_edit(Context& ctx, Transaction& tx, Record& r, const Changes& changes) {
  std::vector<incident::Event> events;
  incident::edit(r, changes, ctx.clock, events);
  incident_event::append(tx, display_key(incident::kind(), r), events, ctx.actor_handle(), "incident.edit");
}

}  // namespace

View incident_view() {
  return View{incident::kind(),
              {"id", "severity", "status", "title", "lead", "detected_at"},
              nullptr,
              {},
              [](std::size_t field, const Record& r) {
                return field == incident::severity ? severity_style(r.text(incident::severity)) : Style::none;
              }};
}

std::string parse_severity(const Context& ctx, const std::string& text, std::string_view what) {
  return text_value(ctx, incident::severity, text, what);
}

namespace {

const Noun& incident_noun() {
  static const Noun k_noun{incident::kind(), "incident", "INC-n or n", "incidents",
                           [](const Context&) { return incident_view(); }};
  return k_noun;
}

}  // namespace

void setup_incident(CLI::App& app, Context& ctx) {
  CLI::App* cmd = add_command(app, "incident", "incident response, from detection to lessons learned");
  cmd->require_subcommand(1);

  auto open = std::make_shared<OpenOptions>();
  CLI::App* o = add_command(*cmd, "open", "record a detected incident (status new); prints its ID");
  o->add_option("TITLE", open->title, "what happened")->required();
  o->add_option("--severity", open->severity, "sev1 (worst) .. sev4")->required();
  bind(o, open->category, "--category", "free text, e.g. malware, phishing, data-leak");
  bind(o, open->occurred, "--occurred", "when it happened (default: when detected)");
  bind(o, open->detected, "--detected", "when it was detected (default now; not in the future)");
  bind(o, open->reporter, "--reporter", "who reported it (an active staff handle)");
  bind(o, open->lead, "--lead", "who leads the response (an active staff handle)");
  bind(o, open->notify_within, "--notify-within", "a regulatory notification deadline after detection, e.g. 72h");
  bind(o, open->description, "--description", "longer text");
  bind(o, open->description_file, "--description-file", "read the description from a file (- for stdin)");
  o->callback([&ctx, open] { run_open(ctx, *open); });

  add_list(*cmd, ctx, incident_noun(), "list incidents", bind_filters, list_query);
  add_show(*cmd, ctx, incident_noun(), "show one incident");

  add_edit(*cmd, ctx, incident_noun(), "change an incident's details, severity, lead or review findings",
           k_edit_options, apply_edit);

  add_rm(*cmd, ctx, incident_noun(), "remove an incident entered by mistake, with its timeline (the journal keeps it)");
  add_history(*cmd, ctx, incident_noun(), "the journal entries of one incident and its timeline, oldest first");

  setup_incident_verbs(cmd, ctx);
  setup_incident_timeline(cmd, ctx);
  setup_incident_metrics(cmd, ctx);
}

}  // namespace cso::cli
