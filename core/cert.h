#pragma once
// Staff certifications (SPEC §4 staff): a part of a staff record, keyed "alice/cert/CISSP".
#include <optional>
#include <string>

#include "core/edit.h"
#include "core/record.h"
#include "core/time.h"

namespace cso::cert {

enum F : std::size_t { key, staff, name, issuer, number, earned, expires, created, state, field_count };

const KindDef& kind();

/// "alice/cert/CISSP".
std::string key_of(std::string_view handle, std::string_view name);

/// Validates a certification name: one line of UTF-8 without control characters, not blank,
/// no surrounding spaces, at most 100 bytes. Usage Error naming `what`.
std::string parse_name(std::string_view text, std::string_view what);

/// ASCII case-insensitive equality of two names ("CISSP" and "cissp" are the same certification).
bool same_name(std::string_view a, std::string_view b);

struct NewCert {
  std::string staff, name;
  std::optional<std::string> issuer, number, earned, expires;  ///< dates as stored
};
Record make(const NewCert& n, const Clock& clock);

/// The dates make sense: `earned` not in the future, `expires` not before `earned`.
/// Usage Error naming the flags otherwise.
void check_dates(const Record& r, const Clock& clock);
/// `staff cert add` and `staff cert edit`: sets what changed and checks the dates.
void edit(Record& r, const Changes& changes, const Clock& clock);

/// "expired" (before today), "expiring" (on or before `horizon`, a stored date), else "valid"
/// (also when there is no expiry date).
std::string_view state_of(const Record& r, const std::string& today, const std::string& horizon);
/// Fills the derived `state` field.
void derive(Record& r, const Clock& clock, const Duration& warn_within);

}  // namespace cso::cert
