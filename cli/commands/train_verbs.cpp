// `cso train assign|sync|complete`: assignments and completions.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/train_view.h"
#include "cli/completion_tree.h"
#include "cli/values.h"
#include "core/audience.h"
#include "core/error.h"
#include "core/staff.h"
#include "core/training.h"
#include "core/training_service.h"
#include "core/wording.h"

namespace cso::cli {
namespace {

namespace course = training::course;
namespace assignment = training::assignment;

struct AssignOptions {
  std::string id, staff;
  TextOption due;
};

/// New assignments: their keys one per line, or the records with --format json/jsonl.
void print_assignments(Context& ctx, std::vector<Record>& created) {
  if (ctx.output.format != Format::json && ctx.output.format != Format::jsonl) {
    for (const auto& a : created) {
      ctx.out << a.text(assignment::key) << '\n';
    }
    return;
  }
  const View view = assignment_view(ctx);
  std::vector<std::string> columns;
  for (const auto& f : view.kind.fields) {
    columns.emplace_back(f.name);
  }
  RowWriter writer(ctx.out, ctx.output, columns);
  for (auto& a : created) {
    view.derive(a);
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      cells.push_back(cell_of(view.kind, i, a));
    }
    writer.row(std::move(cells));
  }
  writer.finish();
}

void run_assign(Context& ctx, const AssignOptions& o) {
  std::vector<std::string> handles;
  for (const auto& h : split_list(o.staff, "--staff")) {
    const std::string handle = active_staff(ctx, h, "--staff");
    if (std::find(handles.begin(), handles.end(), handle) == handles.end()) {
      handles.push_back(handle);
    }
  }
  const std::string today = format_date(ctx.clock.now);
  std::optional<std::string> due;
  if (o.due.given()) {
    due = format_date(parse_when(o.due.value, ctx.clock, "--due"));
    if (*due < today) {
      throw usage_error("--due: {} is in the past; an assignment is due today or later", *due);
    }
  }
  auto tx = ctx.store().begin(ctx.actor());
  const Record c = training::course_or_throw(*tx, o.id);
  auto done = training::assign(*tx, c, handles, due, ctx.config, ctx.clock);
  tx->commit();
  const std::string key = display_key(course::kind(), c);
  for (const auto& open : done.already_open) {
    ctx.info(fmt::format("{} already has an open assignment of {} ({}, due {}); not assigned again",
                         open.text(assignment::staff), key, open.text(assignment::key), open.text(assignment::due)));
  }
  print_assignments(ctx, done.created);
}

void run_sync(Context& ctx) {
  auto tx = ctx.store().begin(ctx.actor());
  const training::Synced done = training::sync(*tx, ctx.config, ctx.clock);
  tx->commit();
  const auto& created = done.created;
  const std::int64_t touched = done.courses;
  if (ctx.output.format == Format::json || ctx.output.format == Format::jsonl) {
    write_json(ctx.out, {{"created", created.size()}, {"courses", touched}, {"assignments", created}},
               json_layout(ctx.output.format));
  } else if (created.empty()) {
    ctx.out << "0 assignments created\n";
  } else {
    ctx.out << fmt::format("created {} for {}\n", counted(static_cast<std::int64_t>(created.size()), "assignment"),
                           counted(touched, "course"));
  }
}

struct CompleteOptions {
  std::string id, staff;
  TextOption on, score;
};

void run_complete(Context& ctx, const CompleteOptions& o) {
  const std::string handle = staff::parse_handle(o.staff, "--staff");
  if (!ctx.store().get(staff::kind(), Value{handle})) {
    throw not_found_error("--staff: no staff member '{}'", handle);
  }
  const Instant on = o.on.given() ? parse_when(o.on.value, ctx.clock, "--on") : ctx.clock.now;
  if (format_date(on) > format_date(ctx.clock.now)) {
    throw usage_error("--on: {} is in the future; record a completion once it has happened", format_date(on));
  }
  std::optional<std::int64_t> score;
  if (o.score.given()) {
    score = training::parse_score(o.score.value, "--score");
  }
  auto tx = ctx.store().begin(ctx.actor());
  const Record c = training::course_or_throw(*tx, o.id);
  const std::string key = display_key(course::kind(), c);
  auto attempt = training::complete(*tx, c, handle, format_date(on), score, ctx.config);
  tx->commit();
  if (attempt.outcome == training::Outcome::failed) {
    ctx.info(fmt::format("{} scored {} on {}, under the passing score {}: a failed attempt; still due {}", handle,
                         *score, key, c.integer(course::min_score), attempt.assignment.text(assignment::due)));
  }
  print_changed(ctx, assignment_view(ctx), std::move(attempt.assignment));
}

}  // namespace

void setup_train_verbs(CLI::App* train, Context& ctx) {
  auto as = std::make_shared<AssignOptions>();
  CLI::App* a = add_command(*train, "assign", "assign a course to people; prints the new assignments");
  a->add_option("ID", as->id, "TRN-n or n")->required();
  complete_handles(a->add_option("--staff", as->staff, "active staff handles, comma-separated")->required());
  bind(a, as->due, "--due", "due date (default: today + the course's due_within)");
  a->callback([&ctx, as] { run_assign(ctx, *as); });

  CLI::App* s = add_command(*train, "sync",
                            "create the assignments the audiences and recurrences of active courses call for "
                            "(idempotent; for cron)");
  s->callback([&ctx] { run_sync(ctx); });

  auto co = std::make_shared<CompleteOptions>();
  CLI::App* c = add_command(*train, "complete",
                            "record a completion (or a failed attempt, under min_score); without an open "
                            "assignment one is opened for it");
  c->add_option("ID", co->id, "TRN-n or n")->required();
  complete_handles(c->add_option("--staff", co->staff, "who completed it")->required());
  bind(c, co->on, "--on", "when (default today)");
  bind(c, co->score, "--score", "0..100; required when the course has a min_score");
  c->callback([&ctx, co] { run_complete(ctx, *co); });
}

}  // namespace cso::cli
