#pragma once
// A list query in domain terms: conditions on fields (ANDed, each may be an OR of
// alternatives), sort keys and a limit. storage/ turns it into SQL with bound parameters;
// field indexes come from a KindDef, so no user text ever reaches SQL as a name.
#include <optional>
#include <vector>

#include "core/record.h"

namespace cso {

enum class Op { eq, ne, lt, le, gt, ge, is_null, not_null, in };

struct Condition {
  std::size_t field = 0;
  Op op = Op::eq;
  std::vector<Value> values;   ///< one value, or several for Op::in
  std::vector<Condition> any;  ///< when not empty: true if any alternative holds (field/op ignored)
};

struct SortKey {
  std::size_t field = 0;
  bool descending = false;
};

struct Query {
  std::vector<Condition> where;
  std::vector<SortKey> sort;
  std::optional<std::int64_t> limit;
  /// Records come in `sort` order, then by key, unless the caller orders them itself: then a
  /// store may hand them over in whatever order it reads them fastest.
  bool unordered = false;
  /// The fields to read (the others stay null); empty reads every stored field.
  std::vector<std::size_t> fields;
};

/// "field IN (values)": one of several text values.
Condition one_of(std::size_t field, const std::vector<std::string>& values);
/// Adds one_of(field, values) to `q` unless `values` is empty (a list filter not given).
void where_one_of(Query& q, std::size_t field, const std::vector<std::string>& values);

/// Parses "--sort" text ("-score,due") against the kind's sortable fields.
std::vector<SortKey> parse_sort(const KindDef& kind, std::string_view text);
/// Parses "--fields" text against the kind's fields; returns indexes in the order given.
std::vector<std::size_t> parse_fields(const KindDef& kind, std::string_view text);
/// Appends field `index` (named `name` on the command line) to `fields`; a usage Error when it is
/// already there (SPEC §2: a repeated field is an error, not a repeated JSON key).
void add_field(std::vector<std::size_t>& fields, std::size_t index, std::string_view name);

}  // namespace cso
