// `cso incident triage|contain|eradicate|recover|close|reopen|notified`: the NIST SP 800-61
// phases and the notification clock, each change written with its timeline events.
#include <array>

#include "cli/commands.h"
#include "cli/commands/incident_view.h"
#include "core/error.h"

namespace cso::cli {
namespace {

struct VerbOptions {
  std::string id;
  TextOption at, note, severity, lead, notify_within, outcome, root_cause, lessons;
};

std::int64_t incident_id(const VerbOptions& o) {
  return parse_id(incident::kind(), o.id, "ID");
}

void run_triage(Context& ctx, const VerbOptions& o) {
  const Instant at = time_option(ctx, o.at, "--at");
  const std::optional<std::string> sev =
      o.severity.given() ? std::optional(parse_severity(ctx, o.severity.value, "--severity")) : std::nullopt;
  const std::optional<Duration> within =
      o.notify_within.given() ? std::optional(parse_duration(o.notify_within.value, "--notify-within")) : std::nullopt;
  change_incident(ctx, incident_id(o), "incident.triage", "", [&](Record& r, std::vector<incident::Event>& events) {
    incident::advance(r, "triaged", at, ctx.clock, events);
    if (sev) {
      incident::set_severity(r, *sev, at, events);
    }
    if (o.lead.given()) {
      incident::set_lead(r, active_staff(ctx, o.lead.value, "--lead"), at, events);
    }
    if (within) {
      incident::set_notify(r, *within, at, events);
    }
  });
}

/// contain, eradicate, recover: a phase time and an optional note for the timeline.
void run_phase(Context& ctx, const VerbOptions& o, std::string_view verb, std::string_view to) {
  const Instant at = time_option(ctx, o.at, "--at");
  const std::string note = parse_note(o.note.value, "--note");
  if (o.note.given() && note.empty()) {
    throw usage_error("--note: the note is empty");
  }
  change_incident(ctx, incident_id(o), fmt::format("incident.{}", verb), note,
                  [&](Record& r, std::vector<incident::Event>& events) {
                    incident::advance(r, to, at, ctx.clock, events);
                    if (!note.empty()) {
                      events.push_back({at, "note", note});
                    }
                  });
}

void run_close(Context& ctx, const VerbOptions& o) {
  const Instant at = time_option(ctx, o.at, "--at");
  const Value outcome = parse_field_value(incident::kind(), incident::outcome, o.outcome.value, "--outcome", ctx.clock);
  const auto optional_text = [&](const TextOption& opt, std::size_t field, const char* what) {
    if (!opt.given()) {
      return std::optional<std::string>();
    }
    if (blank(opt.value)) {
      throw usage_error("{}: give the text; it cannot be empty", what);
    }
    return std::optional(std::get<std::string>(parse_field_value(incident::kind(), field, opt.value, what, ctx.clock)));
  };
  const incident::Closing closing{std::get<std::string>(outcome),
                                  optional_text(o.root_cause, incident::root_cause, "--root-cause"),
                                  optional_text(o.lessons, incident::lessons, "--lessons")};
  change_incident(ctx, incident_id(o), "incident.close", "", [&](Record& r, std::vector<incident::Event>& events) {
    incident::close(r, closing, at, ctx.clock, events);
  });
}

void run_reopen(Context& ctx, const VerbOptions& o) {
  const Instant at = time_option(ctx, o.at, "--at");
  const std::string note = parse_note(o.note.value, "--note");
  if (o.note.given() && note.empty()) {
    throw usage_error("--note: the note is empty");
  }
  change_incident(ctx, incident_id(o), "incident.reopen", note, [&](Record& r, std::vector<incident::Event>& events) {
    incident::reopen(r, at, ctx.clock, events);
    if (!note.empty()) {
      events.push_back({at, "note", note});
    }
  });
}

void run_notified(Context& ctx, const VerbOptions& o) {
  const Instant at = time_option(ctx, o.at, "--at");
  change_incident(ctx, incident_id(o), "incident.notified", "", [&](Record& r, std::vector<incident::Event>& events) {
    incident::notified(r, at, ctx.clock, events);
  });
}

}  // namespace

Instant time_option(const Context& ctx, const TextOption& opt, std::string_view what) {
  return opt.given() ? parse_when(opt.value, ctx.clock, what) : ctx.clock.now;
}

void change_incident(Context& ctx, std::int64_t id, std::string_view action, std::string_view note,
                     const std::function<void(Record&, std::vector<incident::Event>&)>& mutate) {
  auto tx = ctx.store().begin(ctx.actor());
  Record r = tx->get_or_throw(incident::kind(), id);
  std::vector<incident::Event> events;
  mutate(r, events);
  tx->update(incident::kind(), r, action, note);
  incident_event::append(*tx, display_key(incident::kind(), r), events, ctx.actor_handle(), action);
  tx->commit();
  print_changed(ctx, incident_view(), std::move(r));
}

void setup_incident_verbs(CLI::App* incident, Context& ctx) {
  // One options struct per verb: a TextOption knows whether it was given through its own option.
  const auto verb = [incident](const char* name, const char* summary, const char* at_help) {
    auto o = std::make_shared<VerbOptions>();
    CLI::App* v = add_command(*incident, name, summary);
    v->add_option("ID", o->id, "INC-n or n")->required();
    bind(v, o->at, "--at", at_help);
    return std::pair{v, o};
  };

  auto [t, triage] = verb("triage", "acknowledge a new incident (status triaged)", "when it was triaged (default now)");
  bind(t, triage->severity, "--severity", "sev1..sev4, if it changes");
  bind(t, triage->lead, "--lead", "who leads the response (an active staff handle)");
  bind(t, triage->notify_within, "--notify-within", "a regulatory notification deadline after detection, e.g. 72h");
  t->callback([&ctx, o = triage] { run_triage(ctx, *o); });

  const std::array<std::array<const char*, 4>, 3> phases{{
      {"contain", "contained", "stop the spread (status contained)", "when it was contained (default now)"},
      {"eradicate", "eradicated", "remove the cause (status eradicated)", "when it was eradicated (default now)"},
      {"recover", "recovered", "restore normal operation (status recovered)", "when it was recovered (default now)"},
  }};
  for (const auto& [name, to, summary, at_help] : phases) {
    auto [v, o] = verb(name, summary, at_help);
    bind(v, o->note, "--note", "a note for the timeline");
    v->callback([&ctx, o = o, name = std::string(name), to = std::string(to)] { run_phase(ctx, *o, name, to); });
  }

  auto [c, close] =
      verb("close", "close an incident with its outcome (status closed)", "when it was closed (default now)");
  bind(c, close->outcome, "--outcome", "true_positive, false_positive, duplicate, benign or indeterminate")
      .option->required();
  bind(c, close->root_cause, "--root-cause", "the root cause found");
  bind(c, close->lessons, "--lessons", "lessons learned");
  c->callback([&ctx, o = close] { run_close(ctx, *o); });

  auto [r, reopen] = verb("reopen", "take a closed incident back to triaged", "when it was reopened (default now)");
  bind(r, reopen->note, "--note", "why, for the timeline");
  r->callback([&ctx, o = reopen] { run_reopen(ctx, *o); });

  auto [n, notified] =
      verb("notified", "record that the regulatory notification was made", "when it was made (default now)");
  n->callback([&ctx, o = notified] { run_notified(ctx, *o); });
}

}  // namespace cso::cli
