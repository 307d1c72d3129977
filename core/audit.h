#pragma once
// Audits and assessments (SPEC §4 audit): fields and the state machine
// planned → fieldwork → reporting → closed. Their findings are in core/finding.h.
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
#include "core/time.h"

namespace cso::audit {

/// Field positions in an audit Record, in the order of kind().fields.
enum F : std::size_t {
  id,
  title,
  kind_,
  scope,
  lead,
  auditor,
  framework,
  status,
  start,
  end,
  summary,
  created,
  updated,
  field_count
};

const KindDef& kind();

/// The statuses, in the order the status field lists them: code names a status through
/// Status, so a misspelt one does not compile.
enum class Status : std::uint8_t { planned, fieldwork, reporting, closed };
inline constexpr std::array<std::string_view, 4> k_statuses{"planned", "fieldwork", "reporting", "closed"};
/// Where Status's names and field are (see status_name in core/record.h).
constexpr const auto& names_of(Status) {
  return k_statuses;
}
constexpr std::size_t field_of(Status) {
  return status;
}

/// The statuses in order, and those before closed.
std::span<const std::string_view> statuses();

struct NewAudit {
  std::string title;
  std::string kind = "internal";
  std::optional<std::string> scope, lead, auditor, framework, start, end;  ///< dates as stored
};
/// A planned audit; a usage Error if `end` is before `start`.
Record make(const NewAudit& n, const Clock& clock);

/// Throws a conflict Error naming the statuses that allow `verb` if `r` is in another.
void require_status(const Record& r, std::string_view verb);

void start_fieldwork(Record& r, const Clock& clock);  ///< planned → fieldwork; start = today if unset
void report_phase(Record& r, const Clock& clock);     ///< fieldwork → reporting
void close(Record& r, std::optional<std::string> summary, const Clock& clock);  ///< → closed; end = today if unset
void touch(Record& r, const Clock& clock);                                      ///< sets `updated`
/// A usage Error naming `what` when the record's end date is before its start date.
void check_dates(const Record& r, std::string_view what);
/// `audit edit`: not once closed; sets what changed, keeps the dates in order, touches it.
void edit(Record& r, const Changes& changes, const Clock& clock);

struct ListFilter {
  std::vector<std::string> status, kind, lead;
};
Query make_query(const ListFilter& f);

}  // namespace cso::audit
