#include <doctest/doctest.h>

#include <vector>

#include "core/incident.h"
#include "core/incident_metrics.h"

using namespace cso;

namespace {

constexpr Instant k_now = 1795770000;  // 2026-11-27T09:00:00Z
constexpr Instant k_hour = 3600;

Record incident_at(const char* sev, const char* status, Instant detected) {
  Record r = empty_record(incident::kind());
  r.set(incident::id, std::int64_t{1});
  r.set(incident::severity, std::string(sev));
  r.set(incident::status, std::string(status));
  r.set(incident::detected_at, format_instant(detected));
  return r;
}

}  // namespace

TEST_CASE("metrics: nearest-rank P90 and the median") {
  using V = std::vector<std::int64_t>;
  CHECK(incident::nearest_rank(V{5}, 90) == 5);
  CHECK(incident::nearest_rank(V{1, 2, 3, 4, 5}, 90) == 5);                       // rank ceil(4.5) = 5
  CHECK(incident::nearest_rank(V{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90) == 9);       // rank 9 exactly
  CHECK(incident::nearest_rank(V{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 90) == 10);  // ceil(9.9) = 10
  CHECK(incident::nearest_rank(V{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 50) == 5);
  CHECK(incident::median(V{7}) == 7);
  CHECK(incident::median(V{1, 3, 100}) == 3);
  CHECK(incident::median(V{1, 3, 6, 100}) == 4);  // (3 + 6) / 2 = 4.5, rounded down
  CHECK(incident::median(V{2, 4}) == 3);

  const incident::Stat s = incident::summarize({7200, 600, 3600, 1800});
  CHECK(s.count == 4);
  CHECK(s.median == 2700);
  CHECK(s.p90 == 7200);
  const incident::Stat none = incident::summarize({});
  CHECK(none.count == 0);
  CHECK(!none.median);
  CHECK(!none.p90);
}

TEST_CASE("metrics: human durations") {
  CHECK(incident::human_duration(0) == "0s");
  CHECK(incident::human_duration(59) == "59s");
  CHECK(incident::human_duration(60) == "1m");
  CHECK(incident::human_duration(3599) == "59m");
  CHECK(incident::human_duration(3600) == "1h 0m");
  CHECK(incident::human_duration(12000) == "3h 20m");
  CHECK(incident::human_duration(86400 + 4 * 3600 + 59) == "1d 4h");
  CHECK(incident::human_duration(-90) == "-1m");
}

TEST_CASE("metrics: SLA clock of an open incident not yet contained") {
  const Config config;                          // sev1 4h
  const Instant detected = k_now - 3 * k_hour;  // 75% of 4h used exactly
  Record r = incident_at("sev1", "triaged", detected);
  CHECK(incident::sla_deadline(r, config) == detected + 4 * k_hour);
  CHECK(incident::sla_clock(r, config, Clock{k_now - 1}) == std::nullopt);
  CHECK(incident::sla_clock(r, config, Clock{k_now}) == Severity::warning);
  CHECK(incident::sla_clock(r, config, Clock{k_now + k_hour - 1}) == Severity::warning);
  CHECK(incident::sla_clock(r, config, Clock{k_now + k_hour}) == Severity::critical);
  CHECK(!incident::sla_breached(r, config, Clock{k_now + k_hour}));  // exceeded means longer than the SLA
  CHECK(incident::sla_breached(r, config, Clock{k_now + k_hour + 1}));
  r.set(incident::status, std::string("contained"));
  r.set(incident::contained_at, format_instant(k_now + 2 * k_hour));
  CHECK(incident::sla_clock(r, config, Clock{k_now + 9 * k_hour}) == std::nullopt);
  CHECK(incident::sla_breached(r, config, Clock{k_now}));  // contained 5h after detection
  r.set(incident::contained_at, format_instant(k_now));
  CHECK(!incident::sla_breached(r, config, Clock{k_now + 100 * k_hour}));
  // Closed without containment (a false positive): no breach.
  Record fp = incident_at("sev1", "closed", k_now - 50 * k_hour);
  CHECK(!incident::sla_breached(fp, config, Clock{k_now}));
  // An unknown severity in config has no SLA.
  Config custom;
  custom.incident_sla.erase("sev4");
  CHECK(!incident::sla_deadline(incident_at("sev4", "new", k_now), custom));
}

TEST_CASE("metrics: notification clock") {
  Config config;  // check.warn_within 14d
  Record r = incident_at("sev2", "contained", k_now - 10 * k_hour);
  r.set(incident::notify_by, format_instant(k_now + 62 * k_hour));  // a 72h window: near within 36h
  CHECK(incident::notify_clock(r, config, Clock{k_now}) == std::nullopt);
  CHECK(incident::notify_clock(r, config, Clock{k_now + 26 * k_hour - 1}) == std::nullopt);
  CHECK(incident::notify_clock(r, config, Clock{k_now + 26 * k_hour}) == Severity::warning);
  CHECK(incident::notify_clock(r, config, Clock{k_now + 62 * k_hour}) == Severity::warning);
  CHECK(incident::notify_clock(r, config, Clock{k_now + 62 * k_hour + 1}) == Severity::critical);
  // A long window: near within check.warn_within.
  r.set(incident::notify_by, format_instant(k_now + 60 * 86400));
  config.check_warn_within = Duration{14, 'd'};
  CHECK(incident::notify_clock(r, config, Clock{k_now + 46 * 86400 - 1}) == std::nullopt);
  CHECK(incident::notify_clock(r, config, Clock{k_now + 46 * 86400}) == Severity::warning);
  r.set(incident::notified_at, format_instant(k_now));
  CHECK(incident::notify_clock(r, config, Clock{k_now + 70 * 86400}) == std::nullopt);
}

TEST_CASE("metrics: the builder measures each span over the incidents that have both times") {
  const Config config;
  incident::MetricsBuilder b(config, Clock{k_now});
  Record a = incident_at("sev1", "closed", k_now - 20 * k_hour);
  a.set(incident::occurred_at, format_instant(k_now - 21 * k_hour));
  a.set(incident::triaged_at, format_instant(k_now - 19 * k_hour));
  a.set(incident::contained_at, format_instant(k_now - 14 * k_hour));  // 6h: a breach
  b.add(a);
  Record c = incident_at("sev3", "new", k_now - 2 * k_hour);
  c.set(incident::id, std::int64_t{2});
  c.set(incident::occurred_at, format_instant(k_now - 5 * k_hour));
  b.add(c);
  const incident::Metrics m = b.finish();
  CHECK(m.count == 2);
  CHECK(m.detect.count == 2);
  CHECK(m.detect.median == (3600 + 3 * 3600) / 2);
  CHECK(m.detect.p90 == 3 * 3600);
  CHECK(m.acknowledge.count == 1);
  CHECK(m.contain.median == 6 * 3600);
  CHECK(m.recover.count == 0);
  CHECK(m.breaches == std::vector<std::string>{"INC-1"});
}
