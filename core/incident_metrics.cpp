#include "core/incident_metrics.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/incident.h"

namespace cso::incident {
namespace {

/// Appends `to − from` in seconds when both times are set.
void span(std::vector<std::int64_t>& out, const Record& r, std::size_t from, std::size_t to) {
  if (const auto seconds = span_of(r, from, to)) {
    out.push_back(*seconds);
  }
}

}  // namespace

std::string human_duration(std::int64_t seconds) {
  const char* sign = seconds < 0 ? "-" : "";
  const std::int64_t s = seconds < 0 ? -seconds : seconds;
  if (s < 60) {
    return fmt::format("{}{}s", sign, s);
  }
  if (s < 3600) {
    return fmt::format("{}{}m", sign, s / 60);
  }
  if (s < 86400) {
    return fmt::format("{}{}h {}m", sign, s / 3600, s % 3600 / 60);
  }
  return fmt::format("{}{}d {}h", sign, s / 86400, s % 86400 / 3600);
}

std::int64_t nearest_rank(const std::vector<std::int64_t>& sorted, int pct) {
  const auto n = static_cast<std::int64_t>(sorted.size());
  const std::int64_t rank = std::max<std::int64_t>(1, (pct * n + 99) / 100);  // ceil(pct·n/100)
  return sorted[static_cast<std::size_t>(rank - 1)];
}

std::int64_t median(const std::vector<std::int64_t>& sorted) {
  const std::size_t n = sorted.size();
  if (n % 2 == 1) {
    return sorted[n / 2];
  }
  const std::int64_t a = sorted[n / 2 - 1];
  const std::int64_t b = sorted[n / 2];
  const std::int64_t sum = a + b;  // durations are far from overflow
  return sum >= 0 ? sum / 2 : -((-sum + 1) / 2);
}

Stat summarize(std::vector<std::int64_t> seconds) {
  Stat s;
  s.count = static_cast<std::int64_t>(seconds.size());
  if (seconds.empty()) {
    return s;
  }
  std::sort(seconds.begin(), seconds.end());
  s.median = median(seconds);
  s.p90 = nearest_rank(seconds, 90);
  return s;
}

std::optional<Duration> sla_of(const Config& config, std::string_view severity) {
  const auto it = config.incident_sla.find(std::string(severity));
  return it == config.incident_sla.end() ? std::nullopt : std::optional<Duration>(it->second);
}

std::optional<Instant> sla_deadline(const Record& r, const Config& config) {
  const auto sla = sla_of(config, r.text(severity));
  const auto detected = time_of(r, detected_at);
  if (!sla || !detected) {
    return std::nullopt;
  }
  return add(*detected, *sla);
}

bool sla_breached(const Record& r, const Config& config, const Clock& clock) {
  const auto deadline = sla_deadline(r, config);
  if (!deadline) {
    return false;
  }
  if (const auto contained = containment_time(r)) {
    return *contained > *deadline;
  }
  return !has_status(r, Status::closed) && clock.now > *deadline;
}

std::optional<Severity> sla_clock(const Record& r, const Config& config, const Clock& clock) {
  const auto deadline = sla_deadline(r, config);
  const auto detected = time_of(r, detected_at);
  if (!deadline || !detected || !uncontained(r)) {
    return std::nullopt;
  }
  if (clock.now >= *deadline) {
    return Severity::critical;
  }
  const std::int64_t sla = *deadline - *detected;
  if ((clock.now - *detected) * 4 >= sla * 3) {
    return Severity::warning;
  }
  return std::nullopt;
}

std::optional<Severity> notify_clock(const Record& r, const Config& config, const Clock& clock) {
  const auto by = time_of(r, notify_by);
  if (!by || !notification_pending(r)) {
    return std::nullopt;
  }
  if (clock.now > *by) {
    return Severity::critical;
  }
  const Instant from = time_of(r, detected_at).value_or(*by);
  const std::int64_t window = std::min(approximate_seconds(config.check_warn_within), (*by - from) / 2);
  if (*by - clock.now <= window) {
    return Severity::warning;
  }
  return std::nullopt;
}

void MetricsBuilder::add(const Record& r) {
  ++m_count;
  span(m_detect, r, occurred_at, detected_at);
  span(m_acknowledge, r, detected_at, triaged_at);
  span(m_contain, r, detected_at, contained_at);
  span(m_recover, r, detected_at, recovered_at);
  if (sla_breached(r, m_config, m_clock)) {
    m_breaches.push_back(display_key(kind(), r));
  }
}

Metrics MetricsBuilder::finish() {
  Metrics m;
  m.count = m_count;
  m.detect = summarize(std::move(m_detect));
  m.acknowledge = summarize(std::move(m_acknowledge));
  m.contain = summarize(std::move(m_contain));
  m.recover = summarize(std::move(m_recover));
  m.breaches = std::move(m_breaches);
  return m;
}

}  // namespace cso::incident
