#pragma once
// The questions the domain asks of a store, each defined once (STYLE §3): the check rules,
// `cso status`, the commands and the reports select records through these, so "an overdue
// finding" means the same thing everywhere. Each returns a Query for Reader::each/count or
// CheckSource::each; records come ordered by key unless a selector says otherwise.
#include <string>
#include <string_view>

#include "core/query.h"

namespace cso::select {

// staff
Query all_staff();                               ///< everyone, leavers too
Query active_staff();                            ///< status active
Query inactive_staff();                          ///< status not active
Query reports_of(std::string_view manager);      ///< active people whose manager is `manager`
Query certs_of(std::string_view handle);         ///< a person's certifications
Query certs_expiring_by(std::string_view date);  ///< certifications expiring on or before `date`

// policies
Query published_policies();
Query policies_review_due(std::string_view horizon);  ///< published, next_review on or before `horizon`
Query policies_published_by(std::string_view date);   ///< published on or before `date`
Query versions_of(std::string_view policy_key);       ///< a policy's versions, by number
Query acks_of(std::string_view policy_key);           ///< every acknowledgement of a policy
Query acks_of_version(std::string_view policy_key, std::int64_t version);

// risks
Query risks_not_closed();
Query risks_review_due(std::string_view horizon);      ///< not closed, next_review on or before `horizon`
Query risks_acceptance_due(std::string_view horizon);  ///< accepted, accepted_until on or before `horizon`
Query risks_untreated(std::int64_t min_score, std::string_view created_by);  ///< open, score ≥, created ≤
Query risks_treatment_overdue(std::string_view today);                       ///< treating, due before `today`

// incidents
Query incidents_running();                       ///< new or triaged: the containment clock runs
Query incidents_major_open();                    ///< not closed, sev1 or sev2, by severity
Query notifications_pending();                   ///< a deadline set and not yet met
Query events_of(std::string_view incident_key);  ///< an incident's timeline entries
/// Detected or closed at or after `from`, or not closed: the incidents of a period from `from`.
Query incidents_of_period(std::string_view from);
/// Contained at or after `from` and at or before `to` (instants).
Query incidents_contained_between(std::string_view from, std::string_view to);

// audits and findings
Query findings_of(std::string_view audit_key);
Query findings_open_of(std::string_view audit_key);         ///< open or remediating
Query findings_open();                                      ///< open or remediating, of every audit
Query findings_following(std::string_view incident_key);    ///< the follow-ups of an incident's review
Query findings_past_due(std::string_view today);            ///< open or remediating, due before `today`
Query findings_acceptance_expired(std::string_view today);  ///< accepted, accepted_until before `today`

// training
Query active_courses();
Query assignments_of(std::string_view course_key);
Query assignments_overdue(std::string_view today);  ///< not completed, due before `today`

}  // namespace cso::select
