#pragma once
#include <functional>

#include "cli/render.h"
#include "cli/values.h"
#include "core/incident.h"

namespace cso::cli {

/// How incidents print: default list columns, severity colours.
View incident_view();

/// Reads incident `id` in a write transaction, applies `mutate` (which adds the timeline events
/// of the change), journals the incident as `action` with `note` and its events, commits, and
/// prints the incident as print_changed does.
void change_incident(Context& ctx, std::int64_t id, std::string_view action, std::string_view note,
                     const std::function<void(Record&, std::vector<incident::Event>&)>& mutate);

/// A phase or event time: the option's value (parse_when), or now when not given.
Instant time_option(const Context& ctx, const TextOption& opt, std::string_view what);
/// A severity sev1..sev4, in any case.
std::string parse_severity(const Context& ctx, const std::string& text, std::string_view what);

void setup_incident_verbs(CLI::App* incident, Context& ctx);     ///< triage … reopen, notified
void setup_incident_timeline(CLI::App* incident, Context& ctx);  ///< note, timeline
void setup_incident_metrics(CLI::App* incident, Context& ctx);

}  // namespace cso::cli
