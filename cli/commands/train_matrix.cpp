// `cso train status [ID] [--team T] [--overdue]`: the completion matrix (people × courses, the
// state of each person's latest assignment) and the completion rate of each course.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/train_view.h"
#include "cli/values.h"
#include "core/json_text.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/training.h"
#include "core/training_matrix.h"

namespace cso::cli {
namespace {

namespace course = training::course;
namespace assignment = training::assignment;

struct Options {
  TextOption id, team;
  bool overdue = false;
};

/// A table cell: done, due, OVERDUE, failed (FAILED past due), or - when not assigned.
Cell short_cell(const std::optional<Record>& a, const std::string& today) {
  if (!a) {
    return Cell{std::string("-"), Style::dim};
  }
  const bool late = training::is_overdue(*a, today);
  switch (training::state_of(*a, today)) {
    case training::State::complete:
      return Cell{std::string("done"), Style::green};
    case training::State::pending:
      return Cell{std::string("due")};
    case training::State::overdue:
      return Cell{std::string("OVERDUE"), Style::red};
    case training::State::failed:
      return Cell{std::string(late ? "FAILED" : "failed"), late ? Style::red : Style::yellow};
  }
  return Cell{std::string("-")};
}

std::string rate_line(const Record& c, const training::Tally& t) {
  const std::string head = fmt::format("{} {}", display_key(course::kind(), c), c.text(course::title));
  if (t.assigned == 0) {
    return head + ": nothing assigned";
  }
  std::string line = fmt::format("{}: {} of {} complete ({}%)", head, t.complete, t.assigned,
                                 *training::percent(t.complete, t.assigned));
  std::string late;  // "2 overdue, 1 failed", leaving out zeros
  if (t.overdue > 0) {
    late = fmt::format("{} overdue", t.overdue);
  }
  if (t.failed > 0) {
    late += fmt::format("{}{} failed", late.empty() ? "" : ", ", t.failed);
  }
  if (!late.empty()) {
    line += "; " + late;
  }
  return line;
}

void print_json(Context& ctx, const training::Matrix& m) {
  Json courses = Json::array();
  for (std::size_t i = 0; i < m.courses.size(); ++i) {
    const auto& c = m.courses[i];
    const auto& t = m.tallies[i];
    const auto pct = training::percent(t.complete, t.assigned);
    courses.push_back({{"id", display_key(course::kind(), c)},
                       {"title", json_of(c.values[course::title])},
                       {"status", json_of(c.values[course::status])},
                       {"assigned", t.assigned},
                       {"complete", t.complete},
                       {"pending", t.pending},
                       {"overdue", t.overdue},
                       {"failed", t.failed},
                       {"past_due", t.past_due},
                       {"percent", pct ? Json(*pct) : Json(nullptr)}});
  }
  const std::string today = format_date(ctx.clock.now);
  Json people = Json::array();
  for (std::size_t p = 0; p < m.people.size(); ++p) {
    Json cells = Json::object();
    for (std::size_t i = 0; i < m.courses.size(); ++i) {
      const auto& a = m.cells[p][i];
      Json& cell = cells[display_key(course::kind(), m.courses[i])];
      if (a) {
        cell = {{"key", json_of(a->values[assignment::key])},
                {"state", json_of(a->values[assignment::state])},
                {"due", json_of(a->values[assignment::due])},
                {"completed_on", json_of(a->values[assignment::completed_on])},
                {"score", json_of(a->values[assignment::score])},
                {"attempts", a->integer(assignment::attempts)},
                {"overdue", training::is_overdue(*a, today)}};
      }
    }
    const auto& who = m.people[p];
    people.push_back({{"staff", who.handle},
                      {"name", who.name},
                      {"team", who.team.empty() ? Json(nullptr) : Json(who.team)},
                      {"assignments", std::move(cells)}});
  }
  write_json(ctx.out, {{"courses", std::move(courses)}, {"people", std::move(people)}}, JsonLayout::pretty);
}

void print_matrix(Context& ctx, const training::Matrix& m) {
  const bool table = ctx.output.format == Format::table;
  const std::string today = format_date(ctx.clock.now);
  std::vector<std::string> columns{"staff"};
  for (const auto& c : m.courses) {
    columns.push_back(display_key(course::kind(), c));
  }
  RowWriter writer(ctx.out, ctx.output, columns);
  for (std::size_t p = 0; p < m.people.size(); ++p) {
    std::vector<Cell> row{Cell{m.people[p].handle}};
    for (const auto& a : m.cells[p]) {
      row.push_back(table ? short_cell(a, today) : Cell{a ? a->values[assignment::state] : Value{}});
    }
    writer.row(std::move(row));
  }
  writer.finish();
  if (table) {
    ctx.out << '\n';
    for (std::size_t i = 0; i < m.courses.size(); ++i) {
      ctx.out << sanitize(rate_line(m.courses[i], m.tallies[i])) << '\n';
    }
  }
}

void print_overdue(Context& ctx, const training::Matrix& m) {
  RowWriter writer(ctx.out, ctx.output, {"staff", "course", "title", "assignment", "due", "days_overdue", "state"});
  for (std::size_t i = 0; i < m.courses.size(); ++i) {
    for (std::size_t p = 0; p < m.people.size(); ++p) {
      const auto& a = m.cells[p][i];
      if (!a || !training::is_overdue(*a, format_date(ctx.clock.now))) {
        continue;
      }
      const auto due = parse_stored(a->text(assignment::due)).value_or(ctx.clock.now);
      writer.row({Cell{m.people[p].handle}, Cell{display_key(course::kind(), m.courses[i])},
                  Cell{m.courses[i].values[course::title]}, Cell{a->values[assignment::key]},
                  Cell{a->values[assignment::due]}, Cell{days_between(due, ctx.clock.now)},
                  Cell{a->values[assignment::state], Style::red}});
    }
  }
  writer.finish();
}

}  // namespace

void setup_train_status(CLI::App* train, Context& ctx) {
  auto o = std::make_shared<Options>();
  CLI::App* s =
      add_command(*train, "status", "the completion matrix (people × courses) and each course's completion rate");
  o->id.option = s->add_option("ID", o->id.value, "one course (TRN-n or n); default: every active course");
  bind(s, o->team, "--team", "only the people of this team");
  s->add_flag("--overdue", o->overdue, "list only the assignments past due and not complete");
  s->callback([&ctx, o] {
    const auto snapshot = ctx.store().read_snapshot();
    const training::Matrix m =
        training::read_matrix(ctx.store(), ctx.clock, o->id.given() ? std::optional(o->id.value) : std::nullopt,
                              o->team.given() ? std::optional(o->team.value) : std::nullopt);
    if (o->overdue) {
      print_overdue(ctx, m);
    } else if (ctx.output.format == Format::json) {
      print_json(ctx, m);
    } else {
      print_matrix(ctx, m);
    }
  });
}

}  // namespace cso::cli
