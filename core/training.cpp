#include "core/training.h"

#include <array>
#include <stdexcept>

#include "core/error.h"

namespace cso::training {
namespace {

constexpr std::array<std::string_view, 4> k_states{"pending", "overdue", "complete", "failed"};
constexpr unsigned k_list = k_filter | k_sort;

constexpr std::array<FieldDef, course::field_count> k_course_fields{{
    {"id", FieldType::id, k_sort | k_key},
    {"title", FieldType::text, k_sort | k_nonempty},
    {"description", FieldType::longtext},
    {"every", FieldType::duration},
    {"audience", FieldType::text, k_list},
    {"due_within", FieldType::duration},
    {"min_score", FieldType::integer, k_sort},
    {"status", FieldType::choice, k_list, course::k_statuses},
    {"created", FieldType::instant, k_sort},
    {"updated", FieldType::instant, k_sort},
}};
constexpr std::array<std::size_t, 1> k_course_tally{course::status};
constexpr KindDef k_course{"course", "TRN", "course", k_course_fields, k_course_tally};

constexpr std::array<FieldDef, assignment::field_count> k_assignment_fields{{
    {"key", FieldType::text, k_sort | k_key},
    {"course", FieldType::text, k_list},
    {"staff", FieldType::handle, k_list},
    {"cycle", FieldType::integer, k_sort},
    {"assigned_on", FieldType::date, k_sort},
    {"due", FieldType::date, k_sort},
    {"completed_on", FieldType::date, k_sort},
    {"score", FieldType::integer, k_sort},
    {"attempts", FieldType::integer, k_sort},
    {"attempted_on", FieldType::date, k_sort},
    {"state", FieldType::choice, k_derived, k_states},
}};
constexpr KindDef k_assignment{"assignment", "", "assignment", k_assignment_fields, {}, "TRN-{n}/{handle}/{n}"};

constexpr std::array<FieldDef, file_field_count> k_file_fields{{
    {"handle", FieldType::handle, k_import},
    {"email", FieldType::text, k_import},
    {"completed_on", FieldType::date, k_import | k_required},
    {"score", FieldType::integer, k_import},
}};
constexpr KindDef k_file{"completion", "", "", k_file_fields};

std::string today_of(const Clock& clock) {
  return format_date(clock.now);
}

}  // namespace

const KindDef& course::kind() {
  return k_course;
}
const KindDef& assignment::kind() {
  return k_assignment;
}
const KindDef& completion_file_kind() {
  return k_file;
}

Record make_course(const NewCourse& n, const Config& config, const Clock& clock) {
  Record r = empty_record(k_course);
  r.set(course::title, n.title);
  if (n.description) {
    r.set(course::description, *n.description);
  }
  if (n.every) {
    r.set(course::every, format_duration(*n.every));
  }
  r.set(course::audience, n.audience);
  r.set(course::due_within, format_duration(n.due_within.value_or(config.training_due_within)));
  if (n.min_score) {
    r.set(course::min_score, *n.min_score);
  }
  r.set(course::status, status_value(course::Status::active));
  r.set(course::created, format_instant(clock.now));
  touch(r, clock);
  return r;
}

void touch(Record& c, const Clock& clock) {
  c.set(course::updated, format_instant(clock.now));
}

void edit(Record& c, const Changes& changes, const Clock& clock) {
  require_status(c, "edit");
  changes.apply(course::kind(), c);
  touch(c, clock);
}

void require_status(const Record& c, std::string_view verb) {
  if (verb != "edit" && verb != "retire" && verb != "assign") {
    throw std::logic_error("training::require_status: unknown verb " + std::string(verb));
  }
  if (!has_status(c, course::Status::active)) {
    throw conflict_error("{} is {}; 'train {}' needs a course that is active", display_key(k_course, c),
                         c.text(course::status), verb);
  }
}

void retire(Record& c, const Clock& clock) {
  c.set(course::status, status_value(course::Status::retired));
  touch(c, clock);
}

std::optional<Duration> parse_every(std::string_view text, std::string_view what) {
  if (text == "none") {
    return std::nullopt;
  }
  try {
    return parse_duration(text, what);
  } catch (const Error& e) {
    throw usage_error("{}; or none for a one-off course", e.what());
  }
}

std::int64_t parse_score(std::string_view text, std::string_view what) {
  std::int64_t v = 0;
  bool ok = !text.empty() && text.size() <= 3;
  for (const char c : text) {
    ok = ok && c >= '0' && c <= '9';
    v = ok ? v * 10 + (c - '0') : v;
  }
  if (!ok || v > 100) {
    throw usage_error("{}: '{}' is not a score; use a whole number from 0 to 100", what, text);
  }
  return v;
}

std::string_view state_name(State s) {
  return k_states[static_cast<std::size_t>(s)];
}

std::string assignment_key(std::string_view course_key, std::string_view handle, std::int64_t cycle) {
  return fmt::format("{}/{}/{}", course_key, handle, cycle);
}

Record make_assignment(const Record& c, std::string_view handle, std::int64_t cycle, const std::string& assigned_on,
                       const std::string& due) {
  const std::string course_key = display_key(k_course, c);
  Record a = empty_record(k_assignment);
  a.set(assignment::key, assignment_key(course_key, handle, cycle));
  a.set(assignment::course, course_key);
  a.set(assignment::staff, std::string(handle));
  a.set(assignment::cycle, cycle);
  a.set(assignment::assigned_on, assigned_on);
  a.set(assignment::due, due);
  a.set(assignment::attempts, std::int64_t{0});
  return a;
}

std::string due_for(const Record& c, const std::string& assigned_on, const Config& config) {
  const Duration within = try_parse_duration(c.text(course::due_within)).value_or(config.training_due_within);
  return format_date(add(parse_stored(assigned_on).value_or(0), within));
}

bool is_open(const Record& a) {
  return a.is_null(assignment::completed_on);
}

bool is_overdue(const Record& a, const std::string& today) {
  return is_open(a) && a.text(assignment::due) < today;
}

State state_of(const Record& a, const std::string& today) {
  if (!is_open(a)) {
    return State::complete;
  }
  if (a.integer(assignment::attempts) > 0) {
    return State::failed;
  }
  return is_overdue(a, today) ? State::overdue : State::pending;
}

void derive(Record& a, const std::string& today) {
  a.set(assignment::state, std::string(state_name(state_of(a, today))));
}

std::optional<std::int64_t> cycle_needed(const Record& c, const Record* latest, const Clock& clock) {
  if (latest == nullptr) {
    return 1;
  }
  if (is_open(*latest)) {
    return std::nullopt;
  }
  const auto every = try_parse_duration(c.text(course::every));
  const auto completed = parse_stored(latest->text(assignment::completed_on));
  if (!every || !completed || add(*completed, *every) > clock.now) {
    return std::nullopt;
  }
  return latest->integer(assignment::cycle) + 1;
}

std::vector<Record> sync_course(const Record& c, const std::vector<std::string>& audience,
                                const std::map<std::string, Record>& latest, const Config& config, const Clock& clock) {
  std::vector<Record> out;
  const std::string today = today_of(clock);
  for (const auto& handle : audience) {
    const auto it = latest.find(handle);
    const auto cycle = cycle_needed(c, it == latest.end() ? nullptr : &it->second, clock);
    if (cycle) {
      out.push_back(make_assignment(c, handle, *cycle, today, due_for(c, today, config)));
    }
  }
  return out;
}

Attempt record_attempt(const Record& c, const std::optional<Record>& latest, std::string_view handle,
                       const std::string& on, std::optional<std::int64_t> score, const Config& config,
                       std::string_view score_what, Repeat repeat) {
  const auto min = c.opt_integer(course::min_score);
  if (min && !score) {
    throw usage_error("{}: {} has a passing score ({}); give the score of the attempt", score_what,
                      display_key(k_course, c), *min);
  }
  Attempt out;
  if (latest && !is_open(*latest) && latest->text(assignment::completed_on) >= on) {
    out.assignment = *latest;
    return out;
  }
  if (latest && is_open(*latest)) {
    out.assignment = *latest;
  } else {
    const std::int64_t cycle = latest ? latest->integer(assignment::cycle) + 1 : 1;
    out.assignment = make_assignment(c, handle, cycle, on, due_for(c, on, config));
    out.created = true;
  }
  Record& a = out.assignment;
  if (min && *score < *min) {
    if (repeat == Repeat::same_attempt && !out.created && a.text(assignment::attempted_on) == on &&
        a.opt_integer(assignment::score) == score) {
      return out;  // the same failed attempt, recorded before (an LMS export imported twice)
    }
    a.set(assignment::attempts, a.integer(assignment::attempts) + 1);
    a.set(assignment::attempted_on, on);
    a.set(assignment::score, *score);
    out.outcome = Outcome::failed;
    return out;
  }
  a.set(assignment::completed_on, on);
  a.set(assignment::attempted_on, on);
  if (score) {
    a.set(assignment::score, *score);
  } else {
    a.set_null(assignment::score);
  }
  out.outcome = Outcome::completed;
  return out;
}

void Tally::add(const Record& a, const std::string& today) {
  ++assigned;
  switch (state_of(a, today)) {
    case State::complete:
      ++complete;
      break;
    case State::pending:
      ++pending;
      break;
    case State::overdue:
      ++overdue;
      break;
    case State::failed:
      ++failed;
      break;
  }
  past_due += is_overdue(a, today) ? 1 : 0;
}

std::optional<std::int64_t> percent(std::int64_t complete, std::int64_t assigned) {
  if (assigned <= 0) {
    return std::nullopt;
  }
  return complete * 100 / assigned;
}

Query course::make_query(const course::ListFilter& f) {
  Query q;
  where_one_of(q, course::status, f.status);
  return q;
}

}  // namespace cso::training
