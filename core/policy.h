#pragma once
// Policies, standards and procedures (SPEC §4 policy): versioned, approved and acknowledged.
//
// A policy record says what is in force; its versions and acknowledgements are parts of it
// (record.h), keyed "POL-3/v2" and "POL-3/v2/ack/bob". A version moves draft → in_review →
// approved → published (→ superseded when a newer one is published, or retired), with
// in_review/approved → draft when changes are requested. At most one version is open (draft,
// in_review or approved) at a time, and a published version is never edited: a new body opens
// the next version as a draft while the published one stays in force.
//
// The policy's `status` is its lifecycle: the status of its only version until one is
// published, then `published` (even with a newer version open, which `pending_version` and
// `pending_status` show), or `retired`. `version` is the version in force, or the newest when
// none was published.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/counts.h"
#include "core/query.h"
#include "core/record.h"
#include "core/time.h"

namespace cso {
class CheckSource;
}

namespace cso::policy {

/// Field positions in a policy Record, in the order of kind().fields.
enum F : std::size_t {
  id,
  title,
  doc_kind,
  owner,
  status,
  version,
  pending_version,
  pending_status,
  review_every,
  effective,
  published,
  next_review,
  audience,
  tags,
  created,
  updated,
  field_count
};

const KindDef& kind();

/// The statuses, in the order the status field lists them: code names a status through
/// Status, so a misspelt one does not compile.
enum class Status : std::uint8_t { draft, in_review, approved, published, retired };
inline constexpr std::array<std::string_view, 5> k_statuses{"draft", "in_review", "approved", "published", "retired"};
/// Where Status's names and field are (see status_name in core/record.h).
constexpr const auto& names_of(Status) {
  return k_statuses;
}
constexpr std::size_t field_of(Status) {
  return status;
}

/// The policy statuses, in lifecycle order (for counts).
std::vector<std::string> statuses();

struct NewPolicy {
  std::string title, owner, audience = "all";
  std::string doc_kind = "policy";
  std::optional<std::string> tags;
  std::optional<Duration> review_every;
};
/// A new policy whose version 1 is a draft (status draft, version 1).
Record make(const NewPolicy& n, const Config& config, const Clock& clock);

/// The number of the version being worked on (draft, in_review or approved), if any.
std::optional<std::int64_t> open_version(const Record& p);

/// Which policy statuses allow a verb that acts on the policy itself (edit, review, retire,
/// ack); a conflict Error naming them otherwise.
void require_status(const Record& p, std::string_view verb);
/// Which statuses of the open version allow a verb of the approval flow (submit, approve,
/// request-changes, publish, edit-body); a conflict Error naming them (or saying no version
/// is open) otherwise. `v` is the open version, or nullptr when there is none.
void require_version_status(const Record& p, const Record* v, std::string_view verb);

void touch(Record& p, const Clock& clock);  ///< sets `updated`

}  // namespace cso::policy

namespace cso::policy_version {

enum F : std::size_t {
  key,
  policy,
  version,
  status,
  body,
  sha256,
  author,
  summary,
  approver,
  approval_note,
  created,
  submitted,
  approved_at,
  published,
  effective,
  field_count
};

const KindDef& kind();

/// The statuses, in the order the status field lists them: code names a status through
/// Status, so a misspelt one does not compile.
enum class Status : std::uint8_t { draft, in_review, approved, published, superseded, retired };
inline constexpr std::array<std::string_view, 6> k_statuses{"draft",     "in_review",  "approved",
                                                            "published", "superseded", "retired"};
/// Where Status's names and field are (see status_name in core/record.h).
constexpr const auto& names_of(Status) {
  return k_statuses;
}
constexpr std::size_t field_of(Status) {
  return status;
}

/// "POL-3/v2".
std::string key_of(std::string_view policy_key, std::int64_t number);
/// Parses "2" or "v2" (a version number); a usage Error naming `what` otherwise.
std::int64_t parse_number(std::string_view text, std::string_view what);

/// A new draft version of `p` with `body` (already validated) and its SHA-256 hex digest.
Record make(const Record& p, std::int64_t number, std::string body, std::string sha256, std::string author,
            std::optional<std::string> summary, const Clock& clock);

}  // namespace cso::policy_version

namespace cso::policy_ack {

enum F : std::size_t { key, policy, version, staff, sha256, acknowledged, field_count };

const KindDef& kind();

/// "POL-3/v2/ack/bob".
std::string key_of(std::string_view policy_key, std::int64_t version, std::string_view handle);
/// An acknowledgement of the version in force `v` by `handle` on `date` ("YYYY-MM-DD").
Record make(const Record& v, std::string_view handle, std::string date);

}  // namespace cso::policy_ack

namespace cso::policy {

/// The transitions. Each changes the policy `p` and its version `v` together (the caller has
/// checked the statuses with require_version_status); `now` dates them.

/// A new body for the open draft `v` (edited in place) with an optional summary.
void edit_draft(Record& p, Record& v, std::string body, std::string sha256, std::optional<std::string> summary,
                const Clock& clock);
/// Opens version `next` of a published policy as a draft; the published one stays in force.
void open_next(Record& p, const Record& next, const Clock& clock);
void submit(Record& p, Record& v, const Clock& clock);
/// Refuses (conflict) when `approver` wrote the version.
void approve(Record& p, Record& v, std::string_view approver, std::optional<std::string> note, const Clock& clock);
void request_changes(Record& p, Record& v, const Clock& clock);
/// Publishes `v` effective `effective` ("YYYY-MM-DD"); `in_force` (the previously published
/// version, if any) becomes superseded. next_review = effective + review_every.
void publish(Record& p, Record& v, Record* in_force, const std::string& effective, const Config& config,
             const Clock& clock);
/// A periodic review without change: next_review = today + review_every.
void review(Record& p, const Config& config, const Clock& clock);
/// Retires the policy; `versions` (its version in force and its open one) become retired.
void retire(Record& p, const std::vector<Record*>& versions, const Clock& clock);

/// The date acknowledgements of the version in force are due: its publication + ack_within.
std::optional<std::string> ack_due(const Record& p, const Config& config);

/// Filters of `policy list`; empty means "any". A status matches the policy's status or that
/// of its pending version (a published policy with a draft open is listed under draft too).
struct ListFilter {
  std::vector<std::string> status, owner, doc_kind;
  std::optional<Instant> review_due_before;
};
Query make_query(const ListFilter& f);

/// Coverage of acknowledgements: how many people in an audience acknowledged the version in
/// force, of how many.
struct Coverage {
  std::int64_t acknowledged = 0;
  std::int64_t expected = 0;
};
/// "41 of 52 (79%)".
std::string coverage_text(const Coverage& c);
/// The coverage of the version in force of published policy `p`, read through `source`;
/// `members` caches each audience's active members (sorted handles) between calls.
Coverage ack_coverage(CheckSource& source, const Record& p, std::map<std::string, std::vector<std::string>>& members);

}  // namespace cso::policy
