#pragma once
// Audit findings (SPEC §4 audit): from an audit or on their own (a pentest, a self-assessment),
// with the state machine open → remediating → resolved → verified, or accepted until a date.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/counts.h"
#include "core/edit.h"
#include "core/query.h"
#include "core/record.h"
#include "core/store.h"
#include "core/time.h"

namespace cso::finding {

/// Field positions in a finding Record, in the order of kind().fields.
enum F : std::size_t {
  id,
  audit,
  incident,
  title,
  description,
  severity,
  grade,
  owner,
  due,
  status,
  plan,
  resolution,
  verified_by,
  verified_at,
  accepted_by,
  accepted_until,
  accept_reason,
  created,
  updated,
  field_count
};

const KindDef& kind();

/// The statuses, in the order the status field lists them: code names a status through
/// Status, so a misspelt one does not compile.
enum class Status : std::uint8_t { open, remediating, resolved, verified, accepted };
inline constexpr std::array<std::string_view, 5> k_statuses{"open", "remediating", "resolved", "verified", "accepted"};
/// Where Status's names and field are (see status_name in core/record.h).
constexpr const auto& names_of(Status) {
  return k_statuses;
}
constexpr std::size_t field_of(Status) {
  return status;
}

std::span<const std::string_view> statuses();    ///< open, remediating, resolved, verified, accepted
std::span<const std::string_view> severities();  ///< critical first
/// The statuses of a finding still to be dealt with: open, remediating.
std::span<const std::string_view> open_statuses();

struct NewFinding {
  std::string title, severity, owner, due;  ///< due as a stored date
  std::optional<std::string> audit;         ///< "AUD-3"
  std::optional<std::string> incident;      ///< "INC-4": the incident whose review it follows up
  std::optional<std::string> grade, description;
};
Record make(const NewFinding& n, const Clock& clock);
/// The key of the incident `text` names (INC-n, any status: a review's follow-ups come after
/// it closes); a not_found Error when there is none, a usage Error naming `what` when `text`
/// is not an incident ID.
std::string followed_incident(Reader& reader, std::string_view text, std::string_view what);

/// Throws a conflict Error naming the statuses that allow `verb` if `r` is in another.
void require_status(const Record& r, std::string_view verb);

/// A remediation plan and a resolution are text that says something: not blank.
std::string parse_plan(std::string_view text, std::string_view what);
std::string parse_resolution(std::string_view text, std::string_view what);
void remediate(Record& r, std::string plan, const Clock& clock);      ///< → remediating
void resolve(Record& r, std::string resolution, const Clock& clock);  ///< → resolved
/// resolved → verified by `verifier`; a conflict Error if the verifier is the owner.
void verify(Record& r, std::string_view verifier, const Clock& clock);
/// → accepted until `until` (a stored date) by `approver`, for `reason`.
void accept(Record& r, std::string until, std::string_view approver, std::string reason, const Clock& clock);
/// resolved, verified or accepted → open; the resolution, verification and acceptance go
/// (the journal keeps them).
void reopen(Record& r, const Clock& clock);
void touch(Record& r, const Clock& clock);
/// The audit a finding is added to or moved to (`text` as typed: AUD-n or n), as "AUD-n":
/// it must exist and not be closed.
std::string open_audit(Reader& reader, std::string_view text);
/// `audit finding edit`: not once verified; a finding moved to another audit needs one that
/// exists and is not closed (read from `reader`, the write transaction).
void edit(Reader& reader, Record& r, const Changes& changes, const Clock& clock);

/// Overdue: open or remediating past `due`, or accepted past `accepted_until` (dates before
/// today). The date that makes it overdue, if it is.
std::optional<std::string> overdue_date(const Record& r, const Clock& clock);
/// Either date past: with a status condition, a superset of the overdue findings that storage
/// can select (conditions are ANDed at the top level only); overdue_date decides.
Condition overdue_condition(const Clock& clock);

/// Findings per status, and the open ones (open, remediating) per severity, from counts
/// grouped by status and severity.
std::pair<Counts, Counts> status_and_severity_counts(const std::vector<GroupCount>& by_status_and_severity);

struct ListFilter {
  std::vector<std::string> audit, incident, owner, severity, status, grade;
  bool open = false;     ///< open or remediating
  bool overdue = false;  ///< selects a superset: keep the records overdue_date accepts
};
Query make_query(const ListFilter& f, const Clock& clock);

}  // namespace cso::finding
