#include "core/record.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "core/error.h"
#include "core/json_text.h"
#include "core/kinds.h"
#include "core/staff.h"
#include "core/time.h"
#include "core/transitions.h"

namespace cso {
namespace {

constexpr std::size_t k_max_text = 1000;          ///< bytes in a one-line text field
constexpr std::size_t k_max_longtext = 1u << 20;  ///< bytes in a description, plan or body

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  std::int64_t v = 0;
  if (s.size() > 1 && s[0] == '+' && s[1] != '-') {
    s.remove_prefix(1);
  }
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) {
    return std::nullopt;
  }
  return v;
}

std::string parse_text(std::string_view text, std::string_view what, std::size_t limit) {
  if (!valid_utf8(text)) {
    throw usage_error("{}: the text is not valid UTF-8", what);
  }
  if (text.size() > limit) {
    throw usage_error("{}: the text is {} bytes long; at most {} are accepted", what, text.size(), limit);
  }
  return std::string(text);
}

void append_integer(std::string& out, std::int64_t n) {
  char digits[24];
  const auto [end, ec] = std::to_chars(std::begin(digits), std::end(digits), n);
  out.append(digits, end);
}

}  // namespace

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\v\f") == std::string_view::npos;
}

std::optional<std::size_t> KindDef::index_of(std::string_view field_name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) {
      return i;
    }
  }
  return std::nullopt;
}

const std::string& Record::text(std::size_t i) const {
  static const std::string k_empty;
  const auto* s = std::get_if<std::string>(&values[i]);
  return s ? *s : k_empty;
}

std::int64_t Record::integer(std::size_t i) const {
  const auto* v = std::get_if<std::int64_t>(&values[i]);
  return v ? *v : 0;
}

std::optional<std::int64_t> Record::opt_integer(std::size_t i) const {
  const auto* v = std::get_if<std::int64_t>(&values[i]);
  return v ? std::optional<std::int64_t>(*v) : std::nullopt;
}

Record empty_record(const KindDef& kind) {
  Record r;
  r.values.resize(kind.fields.size());
  return r;
}

std::string display_id(const KindDef& kind, std::int64_t number) {
  std::string out;
  append_display_id(out, kind, number);
  return out;
}

void append_display_id(std::string& out, const KindDef& kind, std::int64_t number) {
  out.append(kind.prefix);
  out.push_back('-');
  append_integer(out, number);
}

std::string display_key(const KindDef& kind, const Record& r) {
  if (kind.prefix.empty()) {
    return r.text(0);
  }
  return display_id(kind, r.integer(0));
}

std::int64_t parse_id(const KindDef& kind, std::string_view text, std::string_view what) {
  std::string_view digits = text;
  const std::string prefix = lower(kind.prefix) + "-";
  if (lower(text.substr(0, prefix.size())) == prefix) {
    digits.remove_prefix(prefix.size());
  }
  const bool all_digits = !digits.empty() && digits.size() <= 18 &&
                          std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
  const auto n = all_digits ? parse_int(digits) : std::nullopt;
  if (!n || *n <= 0) {
    throw usage_error("{}: '{}' is not a {} ID; use {}-N or the bare number N", what, text, kind.name, kind.prefix);
  }
  return *n;
}

namespace {

/// The kind's stored fields sorted by name: the key order of canonical JSON.
std::vector<std::size_t> sorted_stored_fields(const KindDef& kind) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (!kind.fields[i].has(k_derived)) {
      order.push_back(i);
    }
  }
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return kind.fields[a].name < kind.fields[b].name; });
  return order;
}

/// sorted_stored_fields of every kind in all_kinds(), computed once (thread-safe: verify writes
/// canonical JSON on two threads); null for a kind outside them (a test's).
const std::vector<std::size_t>* cached_order(const KindDef& kind) {
  static const std::map<const KindDef*, std::vector<std::size_t>> orders = [] {
    std::map<const KindDef*, std::vector<std::size_t>> out;
    for (const KindDef* k : all_kinds()) {
      out.emplace(k, sorted_stored_fields(*k));
    }
    return out;
  }();
  const auto it = orders.find(&kind);
  return it != orders.end() ? &it->second : nullptr;
}

}  // namespace

std::string canonical_json(const KindDef& kind, const Record& r) {
  std::string out;
  out.reserve(512);
  append_canonical_json(out, kind, r);
  return out;
}

void append_canonical_json(std::string& out, const KindDef& kind, const Record& r) {
  const std::vector<std::size_t>* cached = cached_order(kind);
  const std::vector<std::size_t> order = cached != nullptr ? std::vector<std::size_t>{} : sorted_stored_fields(kind);
  out.push_back('{');
  bool first = true;
  for (const std::size_t i : cached != nullptr ? *cached : order) {
    if (r.is_null(i)) {
      continue;
    }
    if (!first) {
      out.push_back(',');
    }
    first = false;
    out.push_back('"');
    out.append(kind.fields[i].name);
    out.append("\":");
    const FieldDef& f = kind.fields[i];
    if (f.type == FieldType::id) {  // display_id(), which needs no escaping
      out.push_back('"');
      append_display_id(out, kind, r.integer(i));
      out.push_back('"');
    } else if (const auto* n = std::get_if<std::int64_t>(&r.values[i])) {
      append_integer(out, *n);
    } else {
      append_json_string(out, r.text(i));
    }
  }
  out.push_back('}');
}

std::string parse_note(std::string_view text, std::string_view what) {
  return parse_text(text, what, k_max_longtext);
}

Value parse_field_value(const KindDef& kind, std::size_t field, std::string_view text, std::string_view what,
                        const Clock& clock) {
  const FieldDef& f = kind.fields[field];
  switch (f.type) {
    case FieldType::id:
      return parse_id(kind, text, what);
    case FieldType::text:
      if (f.has(k_nonempty) && blank(text)) {
        const bool vowel = std::string_view("aeiou").find(kind.name.front()) != std::string_view::npos;
        throw usage_error("{}: {} {} needs a non-empty {}", what, vowel ? "an" : "a", kind.name, f.name);
      }
      return parse_text(text, what, k_max_text);
    case FieldType::longtext:
      return parse_text(text, what, k_max_longtext);
    case FieldType::integer: {
      const auto n = parse_int(text);
      if (!n) {
        throw usage_error("{}: '{}' is not a whole number", what, text);
      }
      return *n;
    }
    case FieldType::date:
      return format_date(parse_when(text, clock, what));
    case FieldType::instant:
      return format_instant(parse_when(text, clock, what));
    case FieldType::duration:
      return format_duration(parse_duration(text, what));
    case FieldType::choice: {
      const std::string v = lower(text);
      for (const auto c : f.choices) {
        if (c == v) {
          return v;
        }
      }
      throw usage_error("{}: '{}' is not accepted; use {}", what, text, or_list(f.choices));
    }
    case FieldType::handle:
      return staff::parse_handle(text, what);
  }
  throw usage_error("{}: unsupported field", what);
}

}  // namespace cso
