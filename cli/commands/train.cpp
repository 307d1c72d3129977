// `cso train add|list|show|edit|retire|history|rm`: courses. Assignments and completions are in
// train_verbs.cpp, the LMS import in train_import.cpp, the completion matrix in train_matrix.cpp.
#include <array>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/train_view.h"
#include "cli/record_commands.h"
#include "cli/record_edit.h"
#include "cli/values.h"
#include "core/audience.h"
#include "core/error.h"
#include "core/training.h"

namespace cso::cli {
namespace {

namespace course = training::course;

struct CourseOptions {
  std::string title;
  TextOption description, description_file, every, audience, due_within, min_score;
};

std::string course_title(std::string_view text, std::string_view what, const Clock& clock) {
  return std::get<std::string>(parse_field_value(course::kind(), course::title, text, what, clock));
}

std::optional<std::int64_t> min_score(const TextOption& o) {
  if (o.value == "none") {
    return std::nullopt;
  }
  return training::parse_score(o.value, "--min-score");
}

std::optional<std::string> description(const CourseOptions& o, const Clock& clock) {
  auto text = long_text(o.description, o.description_file, "description");
  if (text) {
    parse_field_value(course::kind(), course::description, *text, "--description", clock);
  }
  return text;
}

void run_add(Context& ctx, const CourseOptions& o) {
  training::NewCourse n;
  n.title = course_title(o.title, "TITLE", ctx.clock);
  n.description = description(o, ctx.clock);
  if (o.every.given()) {
    n.every = training::parse_every(o.every.value, "--every");
  }
  if (o.audience.given()) {
    n.audience = parse_audience(o.audience.value, "--audience");
  }
  if (o.due_within.given()) {
    n.due_within = parse_duration(o.due_within.value, "--due-within");
  }
  if (o.min_score.given()) {
    n.min_score = min_score(o.min_score);
  }
  Record r = training::make_course(n, ctx.config, ctx.clock);
  auto tx = ctx.store().begin(ctx.actor());
  tx->insert(course::kind(), r, "train.add");
  tx->commit();
  print_changed(ctx, course_view(), std::move(r));
}

Value every_value(Context&, const KindDef&, std::size_t, std::string_view text, std::string_view what) {
  const auto every = training::parse_every(text, what);
  return every ? Value{format_duration(*every)} : Value{};
}

Value audience_value(Context&, const KindDef&, std::size_t, std::string_view text, std::string_view what) {
  return Value{parse_audience(text, what)};
}

Value min_score_value(Context&, const KindDef&, std::size_t, std::string_view text, std::string_view what) {
  return text == "none" ? Value{} : Value{training::parse_score(text, what)};
}

constexpr std::array<EditOption, 6> k_edit_options{{
    {course::title, "new title"},
    {course::description, "what the course covers", field_value, true},
    {course::every, "recurrence, e.g. 12m; none for a one-off course", every_value},
    {course::audience, "who must take it: all, team:NAME or role:NAME", audience_value},
    {course::due_within, "time to complete an assignment, e.g. 30d"},
    {course::min_score, "passing score 0..100; none: any completion passes", min_score_value},
}};

void apply_edit(Context& ctx, Transaction&, Record& r, const Changes& changes) {
  training::edit(r, changes, ctx.clock);
}

void bind_course_options(CLI::App* c, CourseOptions& o) {
  bind(c, o.description, "--description", "what the course covers");
  bind(c, o.description_file, "--description-file", "read the description from a file (- for stdin)");
  bind(c, o.every, "--every", "recurrence, e.g. 12m; none for a one-off course (the default)");
  bind(c, o.audience, "--audience", "who must take it: all (the default), team:NAME or role:NAME");
  bind(c, o.due_within, "--due-within", "time to complete an assignment, e.g. 30d (default training.due_within)");
  bind(c, o.min_score, "--min-score", "passing score 0..100; none: any completion passes");
}

struct ListFilters {
  TextOption status;
};

void bind_filters(CLI::App* l, ListFilters& f) {
  bind(l, f.status, "--status", "active,retired");
}

Query list_query(Context& ctx, const ListFilters& o) {
  return course::make_query({field_values(ctx, course::kind(), course::status, o.status, "--status")});
}

const Noun& course_noun() {
  static const Noun k_noun{course::kind(), "train", "TRN-n or n", "courses",
                           [](const Context&) { return course_view(); }};
  return k_noun;
}

}  // namespace

View course_view() {
  return View{course::kind(), {"id", "title", "every", "audience", "due_within", "min_score", "status"}};
}

void setup_train(CLI::App& app, Context& ctx) {
  CLI::App* train = add_command(app, "train", "security awareness and role training");
  train->require_subcommand(1);

  auto add = std::make_shared<CourseOptions>();
  CLI::App* a = add_command(*train, "add", "add a course; prints its ID");
  a->add_option("TITLE", add->title, "the course's title")->required();
  bind_course_options(a, *add);
  a->callback([&ctx, add] { run_add(ctx, *add); });

  add_list(*train, ctx, course_noun(), "list courses", bind_filters, list_query);
  add_show(*train, ctx, course_noun(), "show one course");

  auto id = std::make_shared<std::string>();

  add_edit(*train, ctx, course_noun(), "change an active course (existing assignments keep their due dates)",
           k_edit_options, apply_edit);

  CLI::App* r = add_command(*train, "retire", "retire a course: no new assignments, sync ignores it");
  r->add_option("ID", *id, "TRN-n or n")->required();
  r->callback([&ctx, id] {
    change_record(ctx, course_view(), parse_id(course::kind(), *id, "ID"), "train.retire", "", [&](Record& c) {
      training::require_status(c, "retire");
      training::retire(c, ctx.clock);
    });
  });

  add_history(*train, ctx, course_noun(), "the journal entries of a course and its assignments, oldest first");
  add_rm(*train, ctx, course_noun(),
         "remove a course entered by mistake, with its assignments (the journal keeps them)");

  setup_train_verbs(train, ctx);
  setup_train_import(train, ctx);
  setup_train_status(train, ctx);
}

}  // namespace cso::cli
