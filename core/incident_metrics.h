#pragma once
// Response metrics (`cso incident metrics`) and the SLA and notification clocks that
// `check` and `status` share.
//
// Percentiles use the nearest-rank method: over n values sorted ascending, P90 is the value at
// rank ceil(0.9·n) (so with fewer than ten values it is the largest but possibly one). The
// median of an odd count is the middle value; of an even count, the mean of the two middle
// values, rounded down to the whole second.
#include <optional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/config.h"
#include "core/record.h"
#include "core/time.h"

namespace cso::incident {

/// "45s", "20m", "3h 20m", "2d 4h": the two largest units, for people.
std::string human_duration(std::int64_t seconds);

/// The value at nearest rank ceil(pct/100 · n) of `sorted` (ascending, not empty).
std::int64_t nearest_rank(const std::vector<std::int64_t>& sorted, int pct);
/// The median as described above, of `sorted` (ascending, not empty).
std::int64_t median(const std::vector<std::int64_t>& sorted);

/// One measure over the incidents that have both of its times.
struct Stat {
  std::int64_t count = 0;
  std::optional<std::int64_t> median, p90;  ///< seconds; none without values
};
Stat summarize(std::vector<std::int64_t> seconds);

/// The containment SLA of a severity (config [incident.sla]); nullopt if not configured.
std::optional<Duration> sla_of(const Config& config, std::string_view severity);
/// The time by which an incident must be contained: detected_at + its SLA.
std::optional<Instant> sla_deadline(const Record& r, const Config& config);
/// Whether containment took longer than the SLA, or, for an open incident not yet contained,
/// whether the SLA has run out by now. Closed incidents never contained are not breaches.
bool sla_breached(const Record& r, const Config& config, const Clock& clock);

/// The check rules' verdicts (nullopt: no problem). SLA: an open incident not yet contained
/// that has used three quarters of its SLA (WARNING) or all of it (CRITICAL).
std::optional<Severity> sla_clock(const Record& r, const Config& config, const Clock& clock);
/// Notification: a pending deadline within the warning window (WARNING) or past (CRITICAL).
/// The window is check.warn_within, but at most half the time from detection to the deadline,
/// so a 72h deadline becomes near 36h before it rather than as soon as it is set.
std::optional<Severity> notify_clock(const Record& r, const Config& config, const Clock& clock);

struct Metrics {
  std::int64_t count = 0;
  Stat detect, acknowledge, contain, recover;
  std::vector<std::string> breaches;  ///< IDs, in the order the incidents were added
};

/// Accumulates incidents (in ID order) into Metrics.
class MetricsBuilder {
 public:
  MetricsBuilder(const Config& config, const Clock& clock) : m_config(config), m_clock(clock) {}
  void add(const Record& r);
  Metrics finish();

 private:
  const Config& m_config;
  Clock m_clock;  ///< by value: a temporary Clock is a natural argument
  std::int64_t m_count = 0;
  std::vector<std::int64_t> m_detect, m_acknowledge, m_contain, m_recover;
  std::vector<std::string> m_breaches;
};

}  // namespace cso::incident
