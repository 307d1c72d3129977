#pragma once
// The risk register (SPEC §4 risk): its fields, score bands and state machine.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/counts.h"
#include "core/edit.h"
#include "core/query.h"
#include "core/record.h"
#include "core/time.h"

namespace cso::risk {

/// Field positions in a risk Record, in the order of kind().fields.
enum F : std::size_t {
  id,
  title,
  description,
  category,
  owner,
  status,
  likelihood,
  impact,
  score,
  level,
  residual_likelihood,
  residual_impact,
  treatment,
  plan,
  due,
  review_every,
  next_review,
  accepted_by,
  accepted_until,
  created,
  updated,
  closed_at,
  field_count
};

const KindDef& kind();

/// The statuses, in the order the status field lists them: code names a status through
/// Status, so a misspelt one does not compile.
enum class Status : std::uint8_t { open, treating, accepted, closed };
inline constexpr std::array<std::string_view, 4> k_statuses{"open", "treating", "accepted", "closed"};
/// Where Status's names and field are (see status_name in core/record.h).
constexpr const auto& names_of(Status) {
  return k_statuses;
}
constexpr std::size_t field_of(Status) {
  return status;
}

/// "low", "medium", "high", "critical" for a score under the configured bands.
std::string_view level_of(std::int64_t score, const RiskBands& bands);
/// The score range [lo, hi] of a level name; a usage Error for an unknown level.
std::pair<std::int64_t, std::int64_t> score_range(std::string_view level, const Config& config);
/// Risks per status, and those not closed per level (with the configured bands), from counts
/// grouped by status and score.
std::pair<Counts, Counts> status_and_level_counts(const std::vector<GroupCount>& by_status_and_score,
                                                  const Config& config);

/// Fills the derived `level` field from `score`.
void derive(Record& r, const Config& config);

/// Validates a likelihood/impact value against the matrix size (1..N).
std::int64_t parse_rating(std::string_view text, std::string_view what, const Config& config);

struct NewRisk {
  std::string title;
  std::int64_t likelihood = 0;
  std::int64_t impact = 0;
  std::optional<std::string> owner, category, description;
  std::optional<Duration> review_every;
};
Record make(const NewRisk& n, const Config& config, const Clock& clock);

/// Which statuses allow a verb; throws a conflict Error naming them if `r` is in another.
void require_status(const Record& r, std::string_view verb);

/// A new inherent or (with `residual`) residual rating. The residual rating is the one after
/// treatment, so never above the inherent one: a conflict Error naming the part otherwise.
void assess(Record& r, std::int64_t likelihood, std::int64_t impact, bool residual, const Clock& clock);
/// What breaks that rule in `r` (`subject` names it: "RSK-3", "the row"), if anything: a
/// conflict for assess, bad input for an import.
std::optional<std::string> residual_above_inherent(const Record& r, std::string_view subject);
void treat(Record& r, std::string_view strategy, std::string plan, std::optional<std::string> due, const Clock& clock);
void accept(Record& r, std::string until, std::string_view approver, const Clock& clock);
void review(Record& r, const Config& config, const Clock& clock);
void close(Record& r, const Clock& clock);
void reopen(Record& r, const Clock& clock);
void touch(Record& r, const Clock& clock);  ///< sets `updated`
/// `risk edit`: not once closed; sets what changed and touches the risk.
void edit(Record& r, const Changes& changes, const Clock& clock);

/// Filters of `risk list` in domain terms; empty means "any".
struct ListFilter {
  std::vector<std::string> status, owner, level, category;
  std::optional<std::int64_t> min_score;
  std::optional<Instant> review_due_before;
};
Query make_query(const ListFilter& f, const Config& config);

}  // namespace cso::risk

namespace cso::risk {

/// Completes a record read from an import: status open unless given, score, created and
/// updated (now unless given), review_every (config default) and next_review.
void complete_imported(Record& r, const Config& config, const Clock& clock);

}  // namespace cso::risk
