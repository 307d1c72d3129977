#pragma once
// Policy workflows over the store: finding a policy and its versions, acknowledging the
// version in force, and who in its audience has not.
#include <optional>
#include <string>
#include <vector>

#include "core/policy.h"
#include "core/store.h"

namespace cso::policy {

/// The policy named by ID text ("POL-3", "3"); usage Error if malformed, not_found if none.
Record get_policy(Reader& reader, const std::string& id_text);
/// Version `number` of `p`; not_found naming it if there is none.
Record get_version(Reader& reader, const Record& p, std::int64_t number);
/// The open draft or version in review of `p`, if any.
std::optional<Record> open_version_record(Reader& reader, const Record& p);
/// Every version of `p`, oldest first.
std::vector<Record> versions_of(Reader& reader, const Record& p);

struct Acknowledged {
  Record policy;
  std::int64_t version = 0;
  std::vector<std::string> added;    ///< handles recorded now
  std::vector<std::string> already;  ///< "bob (on 2026-11-02)": acknowledged before, not recorded again
};
/// Records that `handles` (valid, distinct) acknowledged the version in force of the policy on
/// `date` (a stored date, not after `today`, not before that version's publication); each
/// must be active staff (errors name --staff and --on).
Acknowledged acknowledge(Transaction& tx, const std::string& id_text, const std::vector<std::string>& handles,
                         const std::string& date, const std::string& today);

struct RosterLine {
  std::string handle, name;
  std::optional<std::string> acknowledged;  ///< the date, when they have
};
struct Roster {
  Record policy;
  std::int64_t version = 0;
  std::vector<RosterLine> lines;  ///< the audience's active members, by handle
  Coverage coverage;
};
/// Who in the audience of a published policy has and has not acknowledged the version in force.
Roster ack_roster(Reader& reader, const std::string& id_text);

}  // namespace cso::policy
