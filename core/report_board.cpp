// The board report (`cso report board`): the executive summary in the same shape every
// period (SPEC §5). Its key figures are read twice by board::figures, from today's records and
// from the records as the journal had them at the start of the period (Store::as_of).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <tuple>

#include "core/board.h"
#include "core/cert.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/incident_metrics.h"
#include "core/reports.h"
#include "core/risk.h"
#include "core/risk_matrix.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/status.h"
#include "core/training.h"

namespace cso {
namespace {

constexpr std::size_t k_top_risks = 5;
/// The period's incidents listed, most serious first; the rest are counted (incidents_more).
constexpr std::size_t k_incidents_listed = 20;

enum class Shape { count, percent, duration };

std::string figure_text(Shape shape, std::int64_t v) {
  switch (shape) {
    case Shape::percent:
      return std::to_string(v) + "%";
    case Shape::duration:
      return incident::human_duration(v);
    case Shape::count:
      break;
  }
  return std::to_string(v);
}

std::string change_text(Shape shape, std::int64_t delta) {
  if (delta == 0) {
    return "no change";
  }
  const std::string sign = delta > 0 ? "+" : "−";
  const std::int64_t size = delta > 0 ? delta : -delta;
  if (shape == Shape::percent) {
    return sign + std::to_string(size) + " pts";
  }
  return sign + figure_text(shape, size);
}

/// One key figure: now and at the start, the change, and whether that is better or worse.
Data figure(std::string_view key, std::string_view label, Shape shape, bool lower_is_better,
            std::optional<std::int64_t> now, std::optional<std::int64_t> start) {
  Data d = Data::object();
  d.set("key", std::string(key));
  d.set("label", std::string(label));
  d.set("now", now ? figure_text(shape, *now) : std::string("—"));
  d.set("start", start ? figure_text(shape, *start) : std::string("—"));
  std::string change;
  std::string trend;
  if (now && start) {
    const std::int64_t delta = *now - *start;
    change = change_text(shape, delta);
    trend = delta == 0 ? "same" : ((delta < 0) == lower_is_better ? "better" : "worse");
  }
  d.set("change", change);
  d.set("trend", trend);
  d.set("better", trend == "better");
  d.set("worse", trend == "worse");
  return d;
}

Data figures_data(const board::Figures& now, const board::Figures& start) {
  Data list = Data::List{};
  list.push(figure("risks_critical_high", "Open critical and high risks", Shape::count, true, now.risks_critical_high,
                   start.risks_critical_high));
  list.push(figure("reviews_overdue", "Policy and risk reviews overdue", Shape::count, true, now.reviews_overdue,
                   start.reviews_overdue));
  list.push(figure("incidents_major", "Open sev1 and sev2 incidents", Shape::count, true, now.incidents_major,
                   start.incidents_major));
  list.push(figure("contain_median", "Median time to contain", Shape::duration, true, now.contain_median,
                   start.contain_median));
  list.push(figure("findings_overdue", "Audit findings overdue", Shape::count, true, now.findings_overdue,
                   start.findings_overdue));
  list.push(figure("acknowledgements", "Policy acknowledgement coverage", Shape::percent, false,
                   training::percent(now.acknowledgements.acknowledged, now.acknowledgements.expected),
                   training::percent(start.acknowledgements.acknowledged, start.acknowledgements.expected)));
  list.push(figure("training", "Training completion", Shape::percent, false,
                   training::percent(now.training_complete, now.training_assigned),
                   training::percent(start.training_complete, start.training_assigned)));
  list.push(
      figure("certs_expired", "Certifications expired", Shape::count, true, now.certs_expired, start.certs_expired));
  list.push(figure("checks_failing", "Check problems (critical + warning)", Shape::count, true,
                   now.checks.critical + now.checks.warning, start.checks.critical + start.checks.warning));
  return list;
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

/// The posture in one sentence, from today's check result and figures.
Data posture_data(const board::Figures& now, const board::Figures& start, std::string_view since) {
  const CheckResult& c = now.checks;
  const std::string_view level = c.critical > 0 ? "at-risk" : c.warning > 0 ? "watch" : "on-track";
  const std::string_view label = c.critical > 0 ? "At risk" : c.warning > 0 ? "Watch" : "On track";
  std::string sentence =
      fmt::format("{}: {} and {}; {} and {} open.", label, plural(c.critical, "critical problem", "critical problems"),
                  plural(c.warning, "warning", "warnings"),
                  plural(now.risks_critical_high, "critical or high risk", "critical or high risks"),
                  plural(now.incidents_major, "sev1/sev2 incident", "sev1/sev2 incidents"));
  const std::int64_t was = start.checks.critical;
  sentence += was == c.critical ? fmt::format(" As many critical problems as on {}.", since)
                                : fmt::format(" On {}: {} critical.", since, was);
  Data d = Data::object();
  d.set("level", std::string(level));
  d.set("label", std::string(label));
  d.set("sentence", sentence);
  return d;
}

/// The five highest risks not closed (score, then ID) and the heat map, in one pass.
void risks_data(const ReportInput& in, Data& d) {
  risk::Matrix matrix(in.config.risk_matrix, false);
  std::vector<Record> top;
  const auto higher = [](const Record& a, const Record& b) {
    return a.integer(risk::score) != b.integer(risk::score) ? a.integer(risk::score) > b.integer(risk::score)
                                                            : a.integer(risk::id) < b.integer(risk::id);
  };
  in.store.each(risk::kind(), select::risks_not_closed(), [&](Record& r) {
    matrix.add(r);
    if (top.size() < k_top_risks || higher(r, top.back())) {
      top.insert(std::upper_bound(top.begin(), top.end(), r, higher), r);
      if (top.size() > k_top_risks) {
        top.pop_back();
      }
    }
  });
  Data rows = Data::List{};
  for (Record& r : top) {
    risk::derive(r, in.config);
    rows.push(record_data(risk::kind(), r));
  }
  d.set("any_top_risks", !top.empty());
  d.set("top_risks", std::move(rows));
  d.set("heatmap", heatmap_data(matrix, in.config));
}

/// Risks accepted in the period: who accepted them (the journal's actor) and until when.
void acceptances_data(const ReportInput& in, Data& d) {
  LogFilter f;
  f.action = "risk.accept";
  f.since = format_instant(in.since);
  f.newest_first = false;
  Data rows = Data::List{};
  in.store.each_entry(f, [&](const JournalEntry& e) {
    if (e.action != "risk.accept") {
      return;
    }
    Data row = Data::object();
    row.set("id", e.record);
    row.set("by", e.actor);
    row.set("on", e.at.substr(0, 10));
    const auto r = in.store.get(risk::kind(), Value{parse_id(risk::kind(), e.record, "journal entry")});
    row.set("title", r ? r->text(risk::title) : std::string());
    row.set("until", r ? r->text(risk::accepted_until) : std::string());
    row.set("status", r ? r->text(risk::status) : std::string("removed"));
    rows.push(std::move(row));
  });
  d.set("any_acceptances", !rows.list()->empty());
  d.set("acceptances", std::move(rows));
}

std::string month_label(int month) {
  static constexpr std::array<std::string_view, 12> k_months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::string(k_months[static_cast<std::size_t>(month - 1)]);
}

/// The incidents of the period with their outcome and containment against the SLA, and the
/// incidents detected per month of the period by severity.
void incidents_data(const ReportInput& in, Data& d) {
  using namespace incident;
  const std::string since = format_instant(in.since);
  // Months from the period's first to today's: "2026-09" → counts by severity.
  std::vector<std::string> months;
  for (std::string m = format_date(in.since).substr(0, 7); m <= format_date(in.clock.now).substr(0, 7);) {
    months.push_back(m);
    const int year = std::stoi(m.substr(0, 4));
    const int month = std::stoi(m.substr(5, 2));
    m = month == 12 ? fmt::format("{:04}-01", year + 1) : fmt::format("{:04}-{:02}", year, month + 1);
  }
  std::map<std::string, std::map<std::string, std::int64_t>> per_month;
  // The most serious kept as they come (severity, then detection, then number), trimmed as
  // the list doubles, so a period of many incidents never holds them all.
  struct Listed {
    std::string severity, detected;
    std::int64_t id;
    Data row;
  };
  std::vector<Listed> listed;
  const auto trim = [&listed] {
    std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
      return std::tie(a.severity, a.detected, a.id) < std::tie(b.severity, b.detected, b.id);
    });
    if (listed.size() > k_incidents_listed) {
      listed.erase(listed.begin() + static_cast<std::ptrdiff_t>(k_incidents_listed), listed.end());
    }
  };
  std::int64_t in_period = 0;
  std::int64_t breaches = 0;
  in.store.each(kind(), select::incidents_of_period(since), [&](Record& r) {
    ++in_period;
    const bool breached = sla_breached(r, in.config, in.clock);
    breaches += breached ? 1 : 0;
    if (r.text(detected_at) >= since) {
      ++per_month[r.text(detected_at).substr(0, 7)][r.text(severity)];
    }
    Data row = record_data(kind(), r);
    const auto contain = span_of(r, detected_at, contained_at);
    const auto limit = sla_of(in.config, r.text(severity));
    row.set("detected", r.text(detected_at).substr(0, 10));
    row.set("time_to_contain", contain && *contain >= 0 ? human_duration(*contain) : std::string());
    row.set("sla", limit ? format_duration(*limit) : std::string());
    const bool closed = has_status(r, Status::closed);
    row.set("sla_state", !limit                     ? "no SLA"
                         : breached                 ? "missed"
                         : !r.is_null(contained_at) ? "met"
                         : closed                   ? "not needed"
                                                    : "running");
    row.set("sla_missed", breached);
    listed.push_back(Listed{r.text(severity), r.text(detected_at), r.integer(id), std::move(row)});
    if (listed.size() >= 2 * k_incidents_listed) {
      trim();
    }
  });
  trim();
  Data rows = Data::List{};
  for (Listed& l : listed) {
    rows.push(std::move(l.row));
  }
  const std::int64_t more = in_period - static_cast<std::int64_t>(listed.size());
  d.set("any_incidents", in_period > 0);
  d.set("incidents", std::move(rows));
  d.set("incidents_total", in_period);
  d.set("incidents_more", more > 0 ? Data(more) : Data());
  d.set("incidents_sla_missed", breaches);
  Data by_month = Data::List{};
  for (const std::string& m : months) {
    Data row = Data::object();
    row.set("month", m);
    row.set("label", month_label(std::stoi(m.substr(5, 2))));
    std::int64_t total = 0;
    for (const auto* sev : {"sev1", "sev2", "sev3", "sev4"}) {
      const std::int64_t n = per_month[m][sev];
      row.set(sev, n);
      total += n;
    }
    row.set("total", total);
    by_month.push(std::move(row));
  }
  d.set("incidents_by_month", std::move(by_month));
}

/// Open findings by age (days since they were raised) and severity.
void findings_data(const ReportInput& in, Data& d) {
  struct Bucket {
    std::string_view label;
    std::int64_t up_to;  ///< days, inclusive
  };
  static constexpr std::array<Bucket, 4> k_buckets{{{"0–30 days", 30},
                                                    {"31–90 days", 90},
                                                    {"91–180 days", 180},
                                                    {"over 180 days", std::numeric_limits<std::int64_t>::max()}}};
  static constexpr std::array<std::string_view, 4> k_severities{"critical", "high", "medium", "low"};
  std::array<std::array<std::int64_t, 4>, 4> counts{};
  std::int64_t open = 0;
  Query q = select::findings_open();
  q.unordered = true;
  q.fields = {finding::id, finding::severity, finding::created};
  in.store.each(finding::kind(), q, [&](const Record& r) {
    const auto created = parse_stored(r.text(finding::created));
    const std::int64_t age = created ? days_between(*created, in.clock.now) : 0;
    std::size_t b = 0;
    while (age > k_buckets[b].up_to) {
      ++b;
    }
    const auto sev = std::find(k_severities.begin(), k_severities.end(), r.text(finding::severity));
    if (sev != k_severities.end()) {
      ++counts[b][static_cast<std::size_t>(sev - k_severities.begin())];
      ++open;
    }
  });
  Data rows = Data::List{};
  for (std::size_t b = 0; b < k_buckets.size(); ++b) {
    Data row = Data::object();
    row.set("age", std::string(k_buckets[b].label));
    std::int64_t total = 0;
    for (std::size_t s = 0; s < k_severities.size(); ++s) {
      row.set(k_severities[s], counts[b][s]);
      total += counts[b][s];
    }
    row.set("total", total);
    rows.push(std::move(row));
  }
  d.set("findings_open", open);
  d.set("findings_by_age", std::move(rows));
}

/// Training completion per team, as `status` counts it.
void training_data(const ReportInput& in, Data& d) {
  Data rows = Data::List{};
  for (const status::TeamTraining& t : status::training_by_team(in.store)) {
    Data row = Data::object();
    row.set("team", t.team.empty() ? std::string("(no team)") : t.team);
    row.set("assigned", t.assigned);
    row.set("complete", t.complete);
    row.set("percent", percent_text(t.complete, t.assigned));
    rows.push(std::move(row));
  }
  d.set("any_teams", !rows.list()->empty());
  d.set("by_team", std::move(rows));
}

/// Certifications expired, of the people the certs_expired figure counts.
void certs_data(const ReportInput& in, Data& d) {
  Data rows = Data::List{};
  for (const Record& r : status::expired_certifications(in.store, in.clock)) {
    rows.push(record_data(cert::kind(), r));
  }
  d.set("any_certs_expired", !rows.list()->empty());
  d.set("certs_expired", std::move(rows));
}

/// The check problems of today: the critical ones first, the first board::k_problems_kept.
void checks_data(const CheckResult& c, Data& d) {
  Data checks = Data::object();
  checks.set("status", std::string(severity_name(c.status)));
  checks.set("critical", c.critical);
  checks.set("warning", c.warning);
  Data listed = Data::List{};
  for (std::size_t i = 0; i < c.problems.size(); ++i) {
    const Problem& p = c.problems[i];
    Data row = Data::object();
    row.set("severity", std::string(severity_name(p.severity)));
    row.set("rule", p.rule);
    row.set("id", p.id);
    row.set("title", p.title);
    row.set("message", p.message);
    listed.push(std::move(row));
  }
  const std::int64_t more = c.critical + c.warning - static_cast<std::int64_t>(listed.list()->size());
  checks.set("any", !c.problems.empty());
  checks.set("problems", std::move(listed));
  checks.set("more", more > 0 ? Data(more) : Data());
  d.set("checks", std::move(checks));
}

}  // namespace

Data board_report(const ReportInput& in) {
  const Instant window = in.clock.now - in.since;
  const board::Figures now = board::figures(in.store, in.config, in.clock, in.clock.now - window);
  const auto past = in.store.as_of(in.since);
  const board::Figures start = board::figures(*past, in.config, Clock{in.since}, in.since - window);

  Data d = report_header(in, "board");
  d.set("posture", posture_data(now, start, format_date(in.since)));
  d.set("figures", figures_data(now, start));
  risks_data(in, d);
  acceptances_data(in, d);
  incidents_data(in, d);
  findings_data(in, d);
  Data policies = Data::object();
  policies.set("coverage", policy::coverage_text(now.acknowledgements));
  d.set("policies", std::move(policies));
  Data training = Data::object();
  training.set("percent", percent_text(now.training_complete, now.training_assigned));
  training.set("complete", now.training_complete);
  training.set("assigned", now.training_assigned);
  d.set("training", std::move(training));
  training_data(in, d);
  certs_data(in, d);
  checks_data(now.checks, d);
  return d;
}

}  // namespace cso
