#include "core/cert.h"

#include <array>

#include "core/error.h"

namespace cso::cert {
namespace {

constexpr std::array<std::string_view, 3> k_states{"valid", "expiring", "expired"};

constexpr std::array<FieldDef, field_count> k_fields{{
    {"key", FieldType::text, k_sort | k_key},
    {"staff", FieldType::handle, k_filter | k_sort},
    {"name", FieldType::text, k_filter | k_sort},
    {"issuer", FieldType::text, k_filter | k_sort},
    {"number", FieldType::text, 0},
    {"earned", FieldType::date, k_sort},
    {"expires", FieldType::date, k_sort},
    {"created", FieldType::instant, k_sort},
    {"state", FieldType::choice, k_derived, k_states},
}};

constexpr KindDef k_kind{"certification", "", "certification", k_fields, {}, "{handle}/cert/{rest}"};

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

const KindDef& kind() {
  return k_kind;
}

std::string key_of(std::string_view handle, std::string_view name) {
  return fmt::format("{}/cert/{}", handle, name);
}

std::string parse_name(std::string_view text, std::string_view what) {
  const std::string v = std::get<std::string>(parse_field_value(k_kind, name, text, what, Clock{}));
  if (blank(v)) {
    throw usage_error("{}: a certification needs a name, e.g. CISSP", what);
  }
  if (v.size() > 100) {
    throw usage_error("{}: the name is {} bytes long; at most 100 are accepted", what, v.size());
  }
  if (v.front() == ' ' || v.back() == ' ') {
    throw usage_error("{}: '{}' begins or ends with a space", what, v);
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto c = static_cast<unsigned char>(v[i]);
    const bool c1 = c == 0xC2 && i + 1 < v.size() && static_cast<unsigned char>(v[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(v[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7F || c1) {
      throw usage_error("{}: the name contains a control character; use one line of printable text", what);
    }
  }
  return v;
}

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

Record make(const NewCert& n, const Clock& clock) {
  Record r = empty_record(k_kind);
  r.set(key, key_of(n.staff, n.name));
  r.set(staff, n.staff);
  r.set(name, n.name);
  for (const auto& [field, value] : {std::pair{issuer, &n.issuer}, std::pair{number, &n.number},
                                     std::pair{earned, &n.earned}, std::pair{expires, &n.expires}}) {
    if (*value) {
      r.set(field, **value);
    }
  }
  r.set(created, format_instant(clock.now));
  return r;
}

void check_dates(const Record& r, const Clock& clock) {
  const std::string today = format_date(clock.now);
  if (!r.is_null(earned) && r.text(earned) > today) {
    throw usage_error("--earned: {} is in the future; give the date the certification was earned", r.text(earned));
  }
  if (!r.is_null(earned) && !r.is_null(expires) && r.text(expires) < r.text(earned)) {
    throw usage_error("--expires: {} is before --earned {}; a certification cannot expire before it is earned",
                      r.text(expires), r.text(earned));
  }
}

void edit(Record& r, const Changes& changes, const Clock& clock) {
  changes.apply(k_kind, r);
  check_dates(r, clock);
}

std::string_view state_of(const Record& r, const std::string& today, const std::string& horizon) {
  if (r.is_null(expires)) {
    return "valid";
  }
  const std::string& e = r.text(expires);
  if (e < today) {
    return "expired";
  }
  return e <= horizon ? "expiring" : "valid";
}

void derive(Record& r, const Clock& clock, const Duration& warn_within) {
  r.set(state, std::string(state_of(r, format_date(clock.now), format_date(add(clock.now, warn_within)))));
}

}  // namespace cso::cert
