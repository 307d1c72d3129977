#include "cli/train_view.h"

#include "core/training.h"

namespace cso::cli {

View assignment_view(const Context& ctx) {
  const std::string today = format_date(ctx.clock.now);
  return View{training::assignment::kind(),
              {"key", "staff", "cycle", "assigned_on", "due", "completed_on", "score", "attempts", "state"},
              [today](Record& a) { training::derive(a, today); },
              {"completed_on", "due", "attempts"}};
}

std::map<std::string, Record> latest_assignments(Reader& reader, const std::string& course_key) {
  namespace a = training::assignment;
  Query q;
  q.unordered = true;  // the (course, staff, cycle) index
  q.where.push_back(Condition{a::course, Op::eq, {course_key}, {}});
  std::map<std::string, Record> out;
  reader.each(a::kind(), q, [&](const Record& r) {
    auto [it, fresh] = out.try_emplace(r.text(a::staff), r);
    if (!fresh && it->second.integer(a::cycle) < r.integer(a::cycle)) {
      it->second = r;
    }
  });
  return out;
}

std::optional<Record> latest_assignment(Reader& reader, const std::string& course_key, const std::string& handle) {
  namespace a = training::assignment;
  Query q;
  q.where.push_back(Condition{a::course, Op::eq, {course_key}, {}});
  q.where.push_back(Condition{a::staff, Op::eq, {handle}, {}});
  q.unordered = true;  // the (course, staff, cycle) index; few rows, so the highest cycle is picked here
  std::optional<Record> out;
  reader.each(a::kind(), q, [&](const Record& r) {
    if (!out || out->integer(a::cycle) < r.integer(a::cycle)) {
      out = r;
    }
  });
  return out;
}

}  // namespace cso::cli
