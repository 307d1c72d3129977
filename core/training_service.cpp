#include "core/training_service.h"

#include "core/error.h"
#include "core/selectors.h"
#include "core/staff_service.h"

namespace cso::training {

namespace a = assignment;

Record course_or_throw(Reader& reader, const std::string& id_text) {
  return reader.get_or_throw(course::kind(), parse_id(course::kind(), id_text, "ID"));
}

std::map<std::string, Record> latest_assignments(Reader& reader, const std::string& course_key) {
  std::map<std::string, Record> out;
  reader.each(a::kind(), select::assignments_of(course_key), [&](const Record& r) {
    auto [it, fresh] = out.try_emplace(r.text(a::staff), r);
    if (!fresh && it->second.integer(a::cycle) < r.integer(a::cycle)) {
      it->second = r;
    }
  });
  return out;
}

std::optional<Record> latest_assignment(Reader& reader, const std::string& course_key, const std::string& handle) {
  Query q = select::assignments_of(course_key);
  q.where.push_back(Condition{a::staff, Op::eq, {handle}, {}});
  std::optional<Record> out;
  reader.each(a::kind(), q, [&](const Record& r) {
    if (!out || out->integer(a::cycle) < r.integer(a::cycle)) {
      out = r;
    }
  });
  return out;
}

Assigned assign(Transaction& tx, const Record& course, const std::vector<std::string>& handles,
                const std::optional<std::string>& due, const Config& config, const Clock& clock) {
  require_status(course, "assign");
  const std::string today = format_date(clock.now);
  const std::string key = display_key(course::kind(), course);
  Assigned out;
  for (const auto& handle : handles) {
    const auto latest = latest_assignment(tx, key, handle);
    if (latest && is_open(*latest)) {
      out.already_open.push_back(*latest);
      continue;
    }
    const std::int64_t cycle = latest ? latest->integer(a::cycle) + 1 : 1;
    Record r = make_assignment(course, handle, cycle, today, due.value_or(due_for(course, today, config)));
    tx.insert(a::kind(), r, "train.assign");
    out.created.push_back(std::move(r));
  }
  return out;
}

Synced sync(Transaction& tx, const Config& config, const Clock& clock) {
  Synced out;
  for (const auto& c : tx.all(course::kind(), select::active_courses())) {
    const auto audience = staff::audience_members(tx, c.text(course::audience));
    const auto latest = latest_assignments(tx, display_key(course::kind(), c));
    auto fresh = sync_course(c, audience, latest, config, clock);
    out.courses += fresh.empty() ? 0 : 1;
    for (auto& r : fresh) {
      tx.insert(a::kind(), r, "train.sync");
      out.created.push_back(r.text(a::key));
    }
  }
  return out;
}

Attempt complete(Transaction& tx, const Record& course, const std::string& handle, const std::string& on,
                 std::optional<std::int64_t> score, const Config& config) {
  const std::string key = display_key(course::kind(), course);
  const auto latest = latest_assignment(tx, key, handle);
  if ((!latest || !is_open(*latest)) && !has_status(course, course::Status::active)) {
    throw conflict_error(
        "{} is {} and {} has no open assignment of it; 'train complete' records an unassigned "
        "completion only for a course that is active",
        key, course.text(course::status), handle);
  }
  if (latest && is_open(*latest) && on < latest->text(a::assigned_on)) {
    throw usage_error("--on: {} is before {} was assigned {} ({}, on {})", on, handle, key, latest->text(a::key),
                      latest->text(a::assigned_on));
  }
  auto attempt = record_attempt(course, latest, handle, on, score, config, "--score", Repeat::another_attempt);
  if (attempt.outcome == Outcome::unchanged) {
    throw conflict_error("{} already completed {} on {} ({}); nothing to record", handle, key,
                         attempt.assignment.text(a::completed_on), attempt.assignment.text(a::key));
  }
  if (attempt.created) {
    tx.insert(a::kind(), attempt.assignment, "train.complete");
  } else {
    tx.update(a::kind(), attempt.assignment, "train.complete");
  }
  return attempt;
}

}  // namespace cso::training
