#pragma once
// `cso status` as a value (SPEC §5): each domain's figures, read through the same selectors
// as the check rules, for cli/ to render and for reports to reuse. Counts come from the
// store's tallies where they can, so status stays fast on large programs.
#include <optional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/config.h"
#include "core/counts.h"
#include "core/policy.h"
#include "core/store.h"
#include "core/time.h"

namespace cso::status {

struct People {
  std::int64_t active = 0, inactive = 0;
};

struct Certifications {
  std::int64_t held = 0, expiring = 0, expired = 0;  ///< of active staff
};

struct Risks {
  Counts by_status;
  Counts open_by_level;  ///< not closed
};

struct Policies {
  Counts by_status;
  std::int64_t in_review = 0;   ///< versions
  std::int64_t review_due = 0;  ///< published, next review within check.warn_within
  policy::Coverage acknowledgements;
};

struct Training {
  Counts courses;
  std::int64_t assigned = 0, complete = 0, overdue_people = 0;
  std::optional<std::int64_t> percent;
};

struct IncidentLine {
  std::string id, severity, status, title;
};
struct Deadline {
  std::string id, severity, title;
  Instant due = 0;
};
struct Incidents {
  Counts by_status, open_by_severity;
  std::vector<IncidentLine> major;           ///< open sev1/sev2, by severity (at most major_limit)
  std::vector<Deadline> sla, notifications;  ///< running containment clocks and notification deadlines, soonest first
};

struct Findings {
  Counts by_status, open_by_severity, audits;
  std::int64_t overdue = 0;
};

struct Overview {
  People staff;
  Certifications certifications;
  Risks risks;
  Policies policies;
  Training training;
  Incidents incidents;
  Findings findings;
  CheckResult attention;  ///< every check rule but journal.integrity (status does not replay the journal)
};

struct TeamTraining {
  std::string team;  ///< "" for people without one
  std::int64_t assigned = 0, complete = 0;
};

People people(Reader& reader);
Certifications certifications(Reader& reader, const Config& config, const Clock& clock);
Risks risks(Reader& reader, const Config& config);
Policies policies(Store& store, const Config& config, const Clock& clock);
Training training(Reader& reader, const Clock& clock);
/// Training's assigned and complete per team of active staff, by team name.
std::vector<TeamTraining> training_by_team(Reader& reader);
/// The expired certifications of people not inactive (as Certifications counts them), by key.
std::vector<Record> expired_certifications(Reader& reader, const Clock& clock);
Incidents incidents(Reader& reader, const Config& config, std::size_t major_limit);
Findings findings(Reader& reader, const Clock& clock);
/// Every check rule but journal.integrity; with `keep`, only the first `keep` problems (run_checks).
CheckResult attention(Store& store, const Config& config, const Clock& clock,
                      std::optional<std::size_t> keep = std::nullopt);

/// Everything above (hold a read snapshot around it for a consistent view).
Overview overview(Store& store, const Config& config, const Clock& clock, std::size_t major_limit);

}  // namespace cso::status
