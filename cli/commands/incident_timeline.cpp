// `cso incident note|timeline`: notes, and every change of status, severity, lead and
// notification in the order it happened.
#include <algorithm>

#include "cli/commands.h"
#include "cli/commands/incident_view.h"
#include "core/error.h"

namespace cso::cli {
namespace {

const std::vector<std::string> k_columns{"at", "actor", "kind", "what"};
constexpr std::array<std::size_t, 4> k_event_fields{incident_event::at, incident_event::actor,
                                                    incident_event::event_kind, incident_event::text};

std::vector<std::size_t> timeline_columns(const Context& ctx) {
  std::vector<std::size_t> out;
  if (ctx.globals.fields.empty()) {
    return {0, 1, 2, 3};
  }
  for (const auto& name : split_list(ctx.globals.fields, "--fields")) {
    const auto it = std::find(k_columns.begin(), k_columns.end(), name);
    if (it == k_columns.end()) {
      throw usage_error("--fields: '{}' is not a timeline field; use at, actor, kind, what", name);
    }
    add_field(out, static_cast<std::size_t>(it - k_columns.begin()), name);
  }
  return out;
}

struct TimelineOptions {
  std::string id;
  TextOption limit;
};

void run_timeline(Context& ctx, const TimelineOptions& o) {
  const auto columns = timeline_columns(ctx);
  const std::int64_t limit = o.limit.given() ? positive_integer(o.limit.value, "--limit") : -1;
  const Record r = ctx.store().get_or_throw(incident::kind(), parse_id(incident::kind(), o.id, "ID"));
  const auto events = incident_event::timeline(ctx.store(), display_key(incident::kind(), r));
  std::vector<std::string> names;
  for (const auto c : columns) {
    names.push_back(k_columns[c]);
  }
  RowWriter writer(ctx.out, ctx.output, names);
  std::int64_t written = 0;
  for (const auto& e : events) {
    if (written++ == limit) {
      break;
    }
    std::vector<Cell> row;
    for (const auto c : columns) {
      row.push_back(cell_of(incident_event::kind(), k_event_fields[c], e));
    }
    writer.row(std::move(row));
  }
  writer.finish();
}

struct NoteOptions {
  std::string id, text;
  TextOption at;
};

void run_note(Context& ctx, const NoteOptions& o) {
  const auto id = parse_id(incident::kind(), o.id, "ID");
  const std::string text = parse_note(o.text, "TEXT");
  if (text.empty()) {
    throw usage_error("TEXT: the note is empty");
  }
  const Instant at = time_option(ctx, o.at, "--at");
  auto tx = ctx.store().begin(ctx.actor());
  const Record r = tx->get_or_throw(incident::kind(), id);
  incident::check_event_time(r, at, ctx.clock, "--at");
  Record e = incident_event::append(*tx, display_key(incident::kind(), r), {{at, "note", text}}, ctx.actor_handle(),
                                    "incident.note");
  tx->commit();
  print_changed(ctx, View{incident_event::kind(), {}}, std::move(e));
}

}  // namespace

void setup_incident_timeline(CLI::App* incident, Context& ctx) {
  auto note = std::make_shared<NoteOptions>();
  CLI::App* n = add_command(*incident, "note", "add a note to an incident's timeline; prints its key");
  n->add_option("ID", note->id, "INC-n or n")->required();
  n->add_option("TEXT", note->text, "the note")->required();
  bind(n, note->at, "--at", "when it happened (default now)");
  n->callback([&ctx, note] { run_note(ctx, *note); });

  auto timeline = std::make_shared<TimelineOptions>();
  CLI::App* t = add_command(*incident, "timeline", "notes and changes of status, severity and lead, in time order");
  t->add_option("ID", timeline->id, "INC-n or n")->required();
  bind(t, timeline->limit, "--limit", "the first N entries");
  t->callback([&ctx, timeline] { run_timeline(ctx, *timeline); });
}

}  // namespace cso::cli
