// Incidents: their section of `cso status` — counts per status and open per severity, the
// open sev1/sev2 incidents by name, the containment SLA clocks still running and the
// notification deadlines not yet met.
#include "cli/commands/status_sections.h"
#include "core/incident_metrics.h"

namespace cso::cli {
namespace {

/// "breached 2h 0m ago" or "3h 10m left".
std::string left_text(Instant due, Instant now) {
  return due <= now ? "breached " + incident::human_duration(now - due) + " ago"
                    : incident::human_duration(due - now) + " left";
}

}  // namespace

StatusSection incident_status(const Context& ctx, const status::Incidents& f) {
  const auto& by_status = f.by_status;
  const auto& open = f.open_by_severity;
  StatusSection s;
  s.json_key = "incidents";
  s.lines.emplace_back("incidents", fmt::format("{} in all: {}", by_status.total, text_counts(by_status.items)));
  s.lines.emplace_back("", fmt::format("open by severity: {}", text_counts(open.items)));
  Json majors = Json::array();
  for (const auto& m : f.major) {
    s.lines.emplace_back("", fmt::format("{} {} {} ({})", m.severity, m.id, m.title, m.status));
    majors.push_back({{"id", m.id}, {"severity", m.severity}, {"status", m.status}, {"title", m.title}});
  }

  const Instant now = ctx.clock.now;
  const auto& clocks = f.sla;
  const auto& notices = f.notifications;
  Json sla_json = Json::array();
  Json notify_json = Json::array();
  std::string sla_text, notify_text;
  for (std::size_t i = 0; i < clocks.size(); ++i) {
    const auto& c = clocks[i];
    sla_json.push_back(
        {{"id", c.id}, {"severity", c.severity}, {"deadline", format_instant(c.due)}, {"seconds_left", c.due - now}});
    if (i < k_status_lines) {
      sla_text += fmt::format("{}{} {} {}", i == 0 ? "" : "; ", c.id, c.severity, left_text(c.due, now));
    }
  }
  for (std::size_t i = 0; i < notices.size(); ++i) {
    const auto& c = notices[i];
    notify_json.push_back({{"id", c.id}, {"notify_by", format_instant(c.due)}, {"seconds_left", c.due - now}});
    if (i < k_status_lines) {
      notify_text += fmt::format("{}{} due {} ({})", i == 0 ? "" : "; ", c.id, format_instant(c.due),
                                 c.due <= now ? incident::human_duration(now - c.due) + " late"
                                              : "in " + incident::human_duration(c.due - now));
    }
  }
  const auto more = [](std::size_t n) {
    return n > k_status_lines ? fmt::format("; and {} more", n - k_status_lines) : std::string();
  };
  if (!clocks.empty()) {
    s.lines.emplace_back("", "SLA: " + sla_text + more(clocks.size()));
  }
  if (!notices.empty()) {
    s.lines.emplace_back("", "notify: " + notify_text + more(notices.size()));
  }
  s.json = {{"total", by_status.total},
            {"by_status", json_counts(by_status.items)},
            {"open_by_severity", json_counts(open.items)},
            {"open_sev1_sev2", std::move(majors)},
            {"sla_clocks", std::move(sla_json)},
            {"notifications_pending", std::move(notify_json)}};
  return s;
}

}  // namespace cso::cli
