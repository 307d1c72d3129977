#include "core/board.h"

#include "core/incident.h"
#include "core/incident_metrics.h"
#include "core/risk.h"
#include "core/selectors.h"
#include "core/status.h"

namespace cso::board {

Figures figures(Store& store, const Config& config, const Clock& clock, Instant window_start) {
  Figures f;
  const status::Risks risks = status::risks(store, config);
  for (const auto& [level, n] : risks.open_by_level.items) {
    f.risks_critical_high += level == "critical" || level == "high" ? n : 0;
  }
  // Past due: a next review on or before yesterday.
  const std::string yesterday = format_date(clock.now - 86400);
  f.reviews_overdue = store.count(policy::kind(), select::policies_review_due(yesterday)) +
                      store.count(risk::kind(), select::risks_review_due(yesterday));
  const status::Incidents incidents = status::incidents(store, config, 0);
  for (const auto& [severity, n] : incidents.open_by_severity.items) {
    f.incidents_major += severity == "sev1" || severity == "sev2" ? n : 0;
  }
  incident::MetricsBuilder metrics(config, clock);
  store.each(incident::kind(),
             select::incidents_contained_between(format_instant(window_start), format_instant(clock.now)),
             [&](const Record& r) { metrics.add(r); });
  const incident::Metrics m = metrics.finish();
  f.contain_median = m.contain.median;
  f.contained = m.contain.count;
  f.findings_overdue = status::findings(store, clock).overdue;
  f.acknowledgements = status::policies(store, config, clock).acknowledgements;
  const status::Training training = status::training(store, clock);
  f.training_complete = training.complete;
  f.training_assigned = training.assigned;
  f.certs_expired = status::certifications(store, config, clock).expired;
  f.checks = status::attention(store, config, clock, k_problems_kept);
  return f;
}

}  // namespace cso::board
