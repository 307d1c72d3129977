#pragma once
// Every kind of record (risk, staff, …) is described once by a KindDef: its fields, their
// types and what each may be used for. Records are rows of Values in the order of those
// fields, so one piece of shared code derives --fields, --sort, filters, table/JSON/CSV
// output, CSV import, SQL and the journal's canonical JSON for every kind (STYLE §13).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cso {

enum class FieldType {
  id,        ///< the record's number, shown with the kind's prefix ("RSK-12")
  text,      ///< one line
  longtext,  ///< descriptions, plans, notes
  integer,
  date,      ///< "YYYY-MM-DD"
  instant,   ///< RFC 3339 UTC
  duration,  ///< "90d"
  choice,    ///< one of FieldDef::choices
  handle,    ///< a staff handle
};

enum FieldFlag : unsigned {
  k_filter = 1u << 0,    ///< may appear in a generic equality filter
  k_sort = 1u << 1,      ///< may be used with --sort
  k_import = 1u << 2,    ///< a CSV import column
  k_required = 1u << 3,  ///< required on import
  k_derived = 1u << 4,   ///< computed when read (not stored, not journalled)
  k_key = 1u << 5,       ///< identifies the record
  k_nonempty = 1u << 6,  ///< text that may not be empty (titles): parse_field_value refuses ""
};

struct FieldDef {
  std::string_view name;
  FieldType type;
  unsigned flags = 0;
  std::span<const std::string_view> choices = {};
  bool has(FieldFlag f) const { return (flags & f) != 0; }
};

/// A record's key is its numbered ID ("RSK-12") or, for kinds without a prefix, the text of
/// field 0: a staff handle, or the key of a part of another record, which begins with that
/// record's key and a slash and is unique among all records: "POL-3/v2" (a policy version),
/// "POL-3/v2/ack/bob", "alice/cert/CISSP", "INC-4/note/2". A record's history (and `cso log
/// KEY`) includes its parts' entries.
struct KindDef {
  std::string_view name;    ///< "risk"
  std::string_view prefix;  ///< "RSK"; empty for staff and parts, whose key is field 0's text
  std::string_view table;   ///< SQL table name (storage only)
  std::span<const FieldDef> fields;
  /// Fields whose value combinations storage keeps counts of, so overviews (`cso status`)
  /// need not read every record.
  std::span<const std::size_t> tally_by = {};
  /// For a kind without a prefix, the shape of its keys, so a journal entry's record key names
  /// its kind: literal text where "{n}" is one or more digits, "{handle}" a staff handle and
  /// "{rest}" the rest of the key ("POL-{n}/v{n}/ack/{handle}"). A numbered kind's keys are
  /// PREFIX-{n}.
  std::string_view key_shape = {};

  std::optional<std::size_t> index_of(std::string_view field) const;
};

using Value = std::variant<std::monostate, std::int64_t, std::string>;

struct Record {
  std::vector<Value> values;

  bool is_null(std::size_t i) const { return std::holds_alternative<std::monostate>(values[i]); }
  const std::string& text(std::size_t i) const;  ///< "" when null
  std::int64_t integer(std::size_t i) const;     ///< 0 when null
  std::optional<std::int64_t> opt_integer(std::size_t i) const;
  void set(std::size_t i, Value v) { values[i] = std::move(v); }
  void set_null(std::size_t i) { values[i] = std::monostate{}; }
};

Record empty_record(const KindDef& kind);

/// The record's key as users see it: "RSK-12", or the handle for staff.
std::string display_key(const KindDef& kind, const Record& r);
std::string display_id(const KindDef& kind, std::int64_t number);
/// display_id appended to `out`.
void append_display_id(std::string& out, const KindDef& kind, std::int64_t number);

/// Parses "RSK-12", "rsk-12" or "12" for `kind`; a usage Error naming `what` otherwise.
std::int64_t parse_id(const KindDef& kind, std::string_view text, std::string_view what);

/// The record as canonical JSON: stored fields only, sorted keys, nulls omitted,
/// no whitespace. This is what the journal records and what verify compares.
std::string canonical_json(const KindDef& kind, const Record& r);
/// canonical_json appended to `out` (a caller writing many records reuses one buffer).
void append_canonical_json(std::string& out, const KindDef& kind, const Record& r);

/// A kind's statuses are an `enum class Status` beside `k_statuses`, the names its status field
/// lists in the same order; the kind says where they are with `names_of(Status)` and
/// `field_of(Status)`, and these read them for every kind.
template <class Status>
constexpr std::string_view status_name(Status s) {
  return names_of(s)[static_cast<std::size_t>(s)];
}
template <class Status>
Value status_value(Status s) {
  return Value{std::string(status_name(s))};
}
template <class Status>
bool has_status(const Record& r, Status s) {
  return r.text(field_of(s)) == status_name(s);
}

/// Empty, or only spaces, tabs and line breaks: no title or name at all.
bool blank(std::string_view text);

/// Validates the note or reason given with a change (journalled with it): UTF-8, at most
/// 1 MiB. A usage Error naming `what` otherwise.
std::string parse_note(std::string_view text, std::string_view what);

/// Validates and converts user text for one field (enum membership, integers, dates as
/// stored form, UTF-8, size limits). Errors name `what` and say what is accepted.
Value parse_field_value(const KindDef& kind, std::size_t field, std::string_view text, std::string_view what,
                        const struct Clock& clock);

}  // namespace cso
