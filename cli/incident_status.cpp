// Incidents: their section of `cso status` — counts per status and open per severity (from
// the tally), the open sev1/sev2 incidents by name, the containment SLA clocks still running
// and the notification deadlines not yet met.
#include "cli/status_sections.h"
#include "core/counts.h"
#include "core/incident.h"
#include "core/incident_metrics.h"
#include "core/store.h"

#include <algorithm>

namespace cso::cli {
namespace {

constexpr std::size_t k_lines = 5;  ///< incidents named per list

struct Clocked {
  std::string id, severity, title;
  Instant due = 0;
};

/// "breached 2h 0m ago" or "3h 10m left".
std::string left_text(Instant due, Instant now) {
  return due <= now ? "breached " + incident::human_duration(now - due) + " ago"
                    : incident::human_duration(due - now) + " left";
}

std::vector<Clocked> read_clocked(Context& ctx, const Query& q, bool notification) {
  std::vector<Clocked> out;
  ctx.store().each(incident::kind(), q, [&](Record& r) {
    const auto due = notification ? (incident::notification_pending(r) ? parse_stored(r.text(incident::notify_by))
                                                                        : std::nullopt)
                                  : incident::sla_deadline(r, ctx.config);
    if (due) {
      out.push_back({display_key(incident::kind(), r), r.text(incident::severity), r.text(incident::title), *due});
    }
  });
  std::stable_sort(out.begin(), out.end(), [](const Clocked& a, const Clocked& b) { return a.due < b.due; });
  return out;
}

}  // namespace

StatusSection incident_status(Context& ctx) {
  const auto groups = ctx.store().tally(incident::kind());
  const Counts by_status =
      counts_by_first(groups, {"new", "triaged", "contained", "eradicated", "recovered", "closed"});
  Counts open;
  for (const auto* sev : {"sev1", "sev2", "sev3", "sev4"}) {
    std::int64_t n = 0;
    for (const auto& g : groups) {
      const auto* s = std::get_if<std::string>(&g.values[0]);
      const auto* v = g.values.size() > 1 ? std::get_if<std::string>(&g.values[1]) : nullptr;
      n += s != nullptr && *s != "closed" && v != nullptr && *v == sev ? g.count : 0;
    }
    open.items.emplace_back(sev, n);
    open.total += n;
  }

  Query major;
  major.where.push_back({incident::status, Op::ne, {std::string("closed")}, {}});
  major.where.push_back({incident::severity, Op::in, {std::string("sev1"), std::string("sev2")}, {}});
  major.sort = {{incident::severity, false}};
  major.limit = k_lines;
  major.fields = {incident::id, incident::title, incident::severity, incident::status};
  Query running;
  running.unordered = true;
  running.where.push_back({incident::status, Op::in, {std::string("new"), std::string("triaged")}, {}});
  running.fields = {incident::id, incident::title, incident::severity, incident::status, incident::detected_at};
  Query pending;
  pending.unordered = true;
  pending.where.push_back({incident::notify_by, Op::not_null, {}, {}});
  pending.where.push_back({incident::notified_at, Op::is_null, {}, {}});

  StatusSection s;
  s.json_key = "incidents";
  s.lines.emplace_back("incident", fmt::format("{} in all: {}", by_status.total, text_counts(by_status.items)));
  s.lines.emplace_back("", fmt::format("open by severity: {}", text_counts(open.items)));
  Json majors = Json::array();
  ctx.store().each(incident::kind(), major, [&](Record& r) {
    const std::string id = display_key(incident::kind(), r);
    s.lines.emplace_back("", fmt::format("{} {} {} ({})", r.text(incident::severity), id, r.text(incident::title),
                                         r.text(incident::status)));
    majors.push_back({{"id", id},
                      {"severity", r.text(incident::severity)},
                      {"status", r.text(incident::status)},
                      {"title", r.text(incident::title)}});
  });

  const Instant now = ctx.clock.now;
  const auto clocks = read_clocked(ctx, running, false);
  const auto notices = read_clocked(ctx, pending, true);
  Json sla_json = Json::array();
  Json notify_json = Json::array();
  std::string sla_text, notify_text;
  for (std::size_t i = 0; i < clocks.size(); ++i) {
    const auto& c = clocks[i];
    sla_json.push_back(
        {{"id", c.id}, {"severity", c.severity}, {"deadline", format_instant(c.due)}, {"seconds_left", c.due - now}});
    if (i < k_lines) {
      sla_text += fmt::format("{}{} {} {}", i == 0 ? "" : "; ", c.id, c.severity, left_text(c.due, now));
    }
  }
  for (std::size_t i = 0; i < notices.size(); ++i) {
    const auto& c = notices[i];
    notify_json.push_back({{"id", c.id}, {"notify_by", format_instant(c.due)}, {"seconds_left", c.due - now}});
    if (i < k_lines) {
      notify_text += fmt::format("{}{} due {} ({})", i == 0 ? "" : "; ", c.id, format_instant(c.due),
                                 c.due <= now ? incident::human_duration(now - c.due) + " late"
                                              : "in " + incident::human_duration(c.due - now));
    }
  }
  const auto more = [](std::size_t n) { return n > k_lines ? fmt::format("; and {} more", n - k_lines) : std::string(); };
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
