#pragma once
// Incident response (SPEC §4 incident): the NIST SP 800-61 phases as a state machine, the
// times of each phase, regulatory notification deadlines, and the timeline of events.
//
// States: new → triaged → contained → eradicated → recovered → closed. A forward move may skip
// phases (their times stay null); `reopen` takes a closed incident back to triaged, clearing
// the times of the phases after triage so that they describe the current run (the journal and
// the timeline keep the earlier ones). A phase's time may not precede the time the incident
// entered its current state, nor lie in the future.
//
// The timeline is a part kind, `incident_event` ("INC-4/event/N"): one entry per change of
// status, severity, lead or notification, and the notes, each at the time it happened (the
// phase time, not the wall clock), with who recorded it. Every verb returns the events of its
// change so that the caller writes them in the same transaction.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/edit.h"
#include "core/query.h"
#include "core/record.h"
#include "core/store.h"
#include "core/time.h"

namespace cso::incident {

/// Field positions in an incident Record, in the order of kind().fields.
enum F : std::size_t {
  id,
  title,
  description,
  severity,
  category,
  status,
  lead,
  reporter,
  occurred_at,
  detected_at,
  triaged_at,
  contained_at,
  eradicated_at,
  recovered_at,
  closed_at,
  reopened_at,
  outcome,
  root_cause,
  lessons,
  notify_within,
  notify_by,
  notified_at,
  created,
  updated,
  field_count
};

const KindDef& kind();

/// The statuses, in the order the status field lists them: code names a status through
/// Status, so a misspelt one does not compile.
enum class Status : std::uint8_t { new_, triaged, contained, eradicated, recovered, closed };
inline constexpr std::array<std::string_view, 6> k_statuses{"new",        "triaged",   "contained",
                                                            "eradicated", "recovered", "closed"};
/// Where Status's names and field are (see status_name in core/record.h).
constexpr const auto& names_of(Status) {
  return k_statuses;
}
constexpr std::size_t field_of(Status) {
  return status;
}

/// One entry of an incident's timeline, before it gets its key and actor.
struct Event {
  Instant at = 0;
  std::string kind;  ///< status, severity, lead, notify or note
  std::string text;
};

/// Which statuses allow a verb; throws a conflict Error naming them if `r` is in another.
void require_status(const Record& r, std::string_view verb);

/// When the incident entered its current state: the latest of its phase times.
Instant state_time(const Record& r);

/// Checks a phase time given with `what` (e.g. "--at"): not after now, and not before the
/// time the incident entered its current state. A usage Error naming both times otherwise.
void check_phase_time(const Record& r, Instant at, const Clock& clock, std::string_view what);
/// Checks the time of a note or notification: not after now, not before the incident occurred.
void check_event_time(const Record& r, Instant at, const Clock& clock, std::string_view what);

struct NewIncident {
  std::string title;
  std::string severity;  ///< sev1..sev4
  std::optional<std::string> category, description, reporter, lead;
  std::optional<Instant> occurred, detected;  ///< detected defaults to now, occurred to detected
  std::optional<Duration> notify_within;
};
/// A new incident (status new) and its first timeline events; usage Errors for bad times.
Record make(const NewIncident& n, const Clock& clock, std::vector<Event>& events);

/// Sets severity/lead, recording an event for each actual change.
void set_severity(Record& r, const std::string& sev, Instant at, std::vector<Event>& events);
void set_lead(Record& r, const std::string& handle, Instant at, std::vector<Event>& events);
/// A notification deadline counted from detection: notify_by = detected_at + within.
void set_notify(Record& r, const Duration& within, Instant at, std::vector<Event>& events);

/// Moves to `to` (triaged, contained, eradicated, recovered or closed) at `at`, after
/// require_status(verb) and check_phase_time.
void advance(Record& r, std::string_view to, Instant at, const Clock& clock, std::vector<Event>& events);
/// How an incident is closed: its outcome and, from the post-incident review, what caused it
/// and what was learned (kept when not given).
struct Closing {
  std::string outcome;
  std::optional<std::string> root_cause, lessons;
};
/// A sev1 or sev2 true positive needs its root cause and lessons, given now or recorded
/// before: a usage Error naming the missing flags otherwise.
void close(Record& r, const Closing& c, Instant at, const Clock& clock, std::vector<Event>& events);
void reopen(Record& r, Instant at, const Clock& clock, std::vector<Event>& events);
/// Records that the notification was made; a conflict Error without a deadline or if already made.
void notified(Record& r, Instant at, const Clock& clock, std::vector<Event>& events);
void touch(Record& r, const Clock& clock);  ///< sets `updated`
/// `incident edit` (closed ones too: reviews add root cause and lessons). A new severity,
/// lead or notification deadline is an event of the timeline.
void edit(Record& r, const Changes& changes, const Clock& clock, std::vector<Event>& events);

/// The instant in a time field of an incident, or nullopt when it is not set.
std::optional<Instant> time_of(const Record& r, std::size_t field);
/// `to − from` in seconds when both times are set.
std::optional<std::int64_t> span_of(const Record& r, std::size_t from, std::size_t to);
/// True when the status is new or triaged: not yet contained.
bool uncontained(const Record& r);
/// When the incident was contained, or nullopt: contained_at, else the first later phase's
/// time (eradicating or recovering implies containment).
std::optional<Instant> containment_time(const Record& r);
/// Whether a pending notification deadline still matters: not notified, and not closed as
/// false_positive, duplicate or benign.
bool notification_pending(const Record& r);

/// Filters of `incident list`; empty means "any".
struct ListFilter {
  bool open_only = false;
  std::vector<std::string> severity, status, lead;
  std::optional<Instant> since;  ///< detected_at on or after
};
Query make_query(const ListFilter& f);

}  // namespace cso::incident

namespace cso::incident_event {

/// Field positions in an incident_event Record ("INC-4/event/3").
enum F : std::size_t { key, incident, at, actor, event_kind, text, field_count };

const KindDef& kind();

/// "INC-4/event/3".
std::string key_of(std::string_view incident_key, std::int64_t n);
/// The event record; `n` is its number within the incident (1, 2, …).
Record make(std::string_view incident_key, std::int64_t n, const incident::Event& e, std::string_view actor);
/// Orders a timeline: by time, then by number (the order they were recorded).
void sort_timeline(std::vector<Record>& events);
/// The incident's timeline entries, in timeline order.
std::vector<Record> timeline(Reader& reader, std::string_view incident_key);
/// Records `events` on the incident's timeline in `tx`, numbered after those it has, each
/// journalled as `action`; returns the last one written (an empty record when none).
Record append(Transaction& tx, std::string_view incident_key, const std::vector<incident::Event>& events,
              std::string_view actor, std::string_view action);

}  // namespace cso::incident_event
