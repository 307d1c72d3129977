// `cso incident metrics`: how fast incidents are detected, acknowledged, contained and
// recovered (median and P90), and how many broke their containment SLA.
#include "core/incident_metrics.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/incident_view.h"

namespace cso::cli {
namespace {

struct MetricsOptions {
  TextOption since, severity;
};

Json stat_json(const incident::Stat& s) {
  const auto v = [](const std::optional<std::int64_t>& x) { return x ? Json(*x) : Json(nullptr); };
  return {{"count", s.count}, {"median", v(s.median)}, {"p90", v(s.p90)}};
}

void run_metrics(Context& ctx, const MetricsOptions& o) {
  incident::ListFilter f;
  f.since = parse_since(o.since.given() ? o.since.value : "90d", ctx.clock, "--since");
  if (o.severity.given()) {
    for (const auto& s : split_list(o.severity.value, "--severity")) {
      f.severity.push_back(parse_severity(ctx, s, "--severity"));
    }
  }
  incident::MetricsBuilder builder(ctx.config, ctx.clock);
  ctx.store().each(incident::kind(), incident::make_query(f), [&](Record& r) { builder.add(r); });
  const incident::Metrics m = builder.finish();
  const std::string since = format_instant(*f.since);

  if (ctx.output.format == Format::json) {
    const Json out = {{"since", since},
                      {"severity", f.severity.empty() ? Json(nullptr) : Json(f.severity)},
                      {"count", m.count},
                      {"detect", stat_json(m.detect)},
                      {"acknowledge", stat_json(m.acknowledge)},
                      {"contain", stat_json(m.contain)},
                      {"recover", stat_json(m.recover)},
                      {"sla_breaches", m.breaches.size()},
                      {"breached", m.breaches}};
    write_json(ctx.out, out, JsonLayout::pretty);
    return;
  }
  const bool table = ctx.output.format == Format::table;
  const auto duration = [&](const std::optional<std::int64_t>& s) {
    return !s ? Cell{} : table ? Cell{incident::human_duration(*s)} : Cell{*s};
  };
  if (table) {
    ctx.out << "incidents detected since " << since;
    for (std::size_t i = 0; i < f.severity.size(); ++i) {
      ctx.out << (i == 0 ? " (" : ", ") << f.severity[i] << (i + 1 == f.severity.size() ? ")" : "");
    }
    ctx.out << "\n\n";
  }
  RowWriter writer(ctx.out, ctx.output, {"metric", "count", "median", "p90"});
  writer.row({Cell{std::string("incidents")}, Cell{m.count}, Cell{}, Cell{}});
  for (const auto& [name, stat] : {std::pair{"detect", &m.detect}, std::pair{"acknowledge", &m.acknowledge},
                                   std::pair{"contain", &m.contain}, std::pair{"recover", &m.recover}}) {
    writer.row({Cell{std::string(name)}, Cell{stat->count}, duration(stat->median), duration(stat->p90)});
  }
  writer.row({Cell{std::string("sla_breaches")}, Cell{static_cast<std::int64_t>(m.breaches.size())}, Cell{}, Cell{}});
  writer.finish();
  if (table && !m.breaches.empty()) {
    std::string ids;
    for (const auto& id : m.breaches) {
      ids += (ids.empty() ? "" : ", ") + id;
    }
    ctx.out << "\nSLA breached: " << ids << '\n';
  }
}

}  // namespace

void setup_incident_metrics(CLI::App* incident, Context& ctx) {
  auto o = std::make_shared<MetricsOptions>();
  CLI::App* m =
      add_command(*incident, "metrics", "time to detect, acknowledge, contain and recover (median, P90); SLA breaches");
  bind(m, o->since, "--since", "incidents detected within a duration (default 90d) or since a date");
  bind(m, o->severity, "--severity", "only these severities, e.g. sev1,sev2");
  m->footer(
      "Durations: detect = occurred→detected, acknowledge = detected→triaged, contain = detected→contained,\n"
      "recover = detected→recovered, each over the incidents that have both times. Median: the middle value,\n"
      "or the mean of the two middle values (rounded down to the second); P90: nearest rank, the value at\n"
      "rank ceil(0.9·n). An SLA breach ([incident.sla]): containment later than detection + SLA, or an open\n"
      "incident not yet contained past it. JSON durations are seconds.");
  m->callback([&ctx, o] { run_metrics(ctx, *o); });
}

}  // namespace cso::cli
