#include "core/staff.h"

#include <algorithm>
#include <array>

#include "core/error.h"
#include "core/time.h"

namespace cso::staff {
namespace {

constexpr unsigned k_list = k_filter | k_sort;

constexpr std::array<FieldDef, field_count> k_fields{{
    {"handle", FieldType::text, k_sort | k_key | k_import | k_required},
    {"name", FieldType::text, k_sort | k_import | k_required},
    {"email", FieldType::text, k_sort | k_import},
    {"role", FieldType::text, k_list | k_import},
    {"team", FieldType::text, k_list | k_import},
    {"manager", FieldType::handle, k_list | k_import},
    {"started", FieldType::date, k_sort | k_import},
    {"left", FieldType::date, k_sort},
    {"status", FieldType::choice, k_list, k_statuses},
}};

constexpr std::array<std::size_t, 1> k_tally{status};
constexpr KindDef k_kind{"staff", "", "staff", k_fields, k_tally, "{handle}"};

}  // namespace

const KindDef& kind() {
  return k_kind;
}

Query make_query(const ListFilter& f) {
  Query q;
  if (!f.include_inactive) {
    q.where.push_back(Condition{status, Op::eq, {status_value(Status::active)}, {}});
  }
  where_one_of(q, team, f.teams);
  where_one_of(q, role, f.roles);
  return q;
}

std::string parse_handle(std::string_view text, std::string_view what) {
  bool ok = !text.empty() && text.size() <= 64;
  for (std::size_t i = 0; ok && i < text.size(); ++i) {
    const char c = text[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    ok = alnum || (i > 0 && (c == '.' || c == '_' || c == '-'));
  }
  if (!ok) {
    throw usage_error(
        "{}: '{}' is not a handle; use lowercase letters, digits, '.', '_' and '-', starting with a "
        "letter or digit (at most 64)",
        what, text);
  }
  return std::string(text);
}

std::string parse_name(std::string_view text, std::string_view what) {
  if (blank(text)) {
    throw usage_error("{}: a staff member needs a name", what);
  }
  return std::get<std::string>(parse_field_value(k_kind, name, text, what, Clock{}));
}

void require_no_manager_cycle(const std::string& person, const ManagerOf& manager_of, std::string_view what) {
  std::vector<std::string> chain{person};
  for (std::string m = manager_of(person); !m.empty(); m = manager_of(m)) {
    const bool back = m == person;
    chain.push_back(m);
    if (back) {
      std::string path;
      for (const auto& h : chain) {
        path += path.empty() ? h : " → " + h;
      }
      throw conflict_error("{}: managers would form a cycle ({}); someone in it must report to someone else", what,
                           path);
    }
    if (std::find(chain.begin(), chain.end() - 1, m) != chain.end() - 1) {
      return;  // a cycle above `person`, not through them: reported for whoever closes it
    }
  }
}

void offboard(Record& person, const std::string& left_on, const std::string& today) {
  const std::string& who = person.text(handle);
  if (!has_status(person, Status::active)) {
    throw conflict_error("{} is {}{}; 'staff offboard' needs an active staff member", who, person.text(status),
                         person.is_null(left) ? "" : fmt::format(" (left {})", person.text(left)));
  }
  if (!person.is_null(started) && left_on < person.text(started)) {
    throw usage_error("--on: {} is before {} started ({})", left_on, who, person.text(started));
  }
  if (left_on > today) {
    throw usage_error(
        "--on: {} is in the future; offboard {} on or after the day they leave (until then they "
        "stay active)",
        left_on, who);
  }
  person.set(status, status_value(Status::inactive));
  person.set(left, left_on);
}

void reactivate(Record& person) {
  if (has_status(person, Status::active)) {
    throw conflict_error("{} is active; 'staff reactivate' needs someone who was offboarded", person.text(handle));
  }
  person.set(status, status_value(Status::active));
  person.set_null(left);
}

}  // namespace cso::staff
