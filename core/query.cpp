#include "core/query.h"

#include <algorithm>

#include "core/error.h"

namespace cso {
namespace {

std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? text.size() : comma;
    parts.push_back(text.substr(start, end - start));
    if (comma == std::string_view::npos) {
      break;
    }
    start = comma + 1;
  }
  return parts;
}

std::string field_names(const KindDef& kind, FieldFlag flag) {
  std::string out;
  for (const auto& f : kind.fields) {
    if (flag == 0 || f.has(flag)) {
      out += out.empty() ? "" : ", ";
      out += f.name;
    }
  }
  return out;
}

}  // namespace

std::vector<SortKey> parse_sort(const KindDef& kind, std::string_view text) {
  std::vector<SortKey> keys;
  for (std::string_view part : split_commas(text)) {
    SortKey key;
    if (!part.empty() && (part.front() == '-' || part.front() == '+')) {
      key.descending = part.front() == '-';
      part.remove_prefix(1);
    }
    const auto i = kind.index_of(part);
    if (!i || !kind.fields[*i].has(k_sort)) {
      throw usage_error("--sort: '{}' is not a sortable {} field; use {} (prefix - for descending)", part, kind.name,
                        field_names(kind, k_sort));
    }
    key.field = *i;
    keys.push_back(key);
  }
  return keys;
}

Condition one_of(std::size_t field, const std::vector<std::string>& values) {
  Condition c{field, Op::in, {}, {}};
  for (const auto& v : values) {
    c.values.emplace_back(v);
  }
  return c;
}

void where_one_of(Query& q, std::size_t field, const std::vector<std::string>& values) {
  if (!values.empty()) {
    q.where.push_back(one_of(field, values));
  }
}

std::vector<std::size_t> parse_fields(const KindDef& kind, std::string_view text) {
  std::vector<std::size_t> out;
  for (const std::string_view part : split_commas(text)) {
    const auto i = kind.index_of(part);
    if (!i) {
      throw usage_error("--fields: '{}' is not a {} field; use {}", part, kind.name, field_names(kind, FieldFlag{}));
    }
    add_field(out, *i, part);
  }
  return out;
}

void add_field(std::vector<std::size_t>& fields, std::size_t index, std::string_view name) {
  if (std::find(fields.begin(), fields.end(), index) != fields.end()) {
    throw usage_error("--fields: '{}' is given twice", name);
  }
  fields.push_back(index);
}

}  // namespace cso
