#include "cli/render.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "core/error.h"
#include "core/staff_service.h"
#include "core/store.h"

namespace cso::cli {
namespace {

std::vector<std::string> names(const KindDef& kind, const std::vector<std::size_t>& columns) {
  std::vector<std::string> out;
  out.reserve(columns.size());
  for (const auto i : columns) {
    out.emplace_back(kind.fields[i].name);
  }
  return out;
}

std::vector<Cell> cells(const View& view, const std::vector<std::size_t>& columns, const Record& r) {
  std::vector<Cell> out;
  out.reserve(columns.size());
  for (const auto i : columns) {
    Cell c = cell_of(view.kind, i, r);
    if (view.style) {
      c.style = view.style(i, r);
    }
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<std::size_t> all_columns(const Context& ctx, const View& view) {
  if (!ctx.globals.fields.empty()) {
    return parse_fields(view.kind, ctx.globals.fields);
  }
  std::vector<std::size_t> out(view.kind.fields.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = i;
  }
  return out;
}

}  // namespace

Cell cell_of(const KindDef& kind, std::size_t field, const Record& r) {
  switch (kind.fields[field].type) {
    case FieldType::id:
      return r.is_null(field) ? Cell{} : whole_cell(display_id(kind, r.integer(field)));
    case FieldType::date:
    case FieldType::instant:
      return whole_cell(r.values[field]);
    default:
      return Cell{r.values[field]};
  }
}

Style level_style(std::string_view level) {
  if (level == "critical") {
    return Style::magenta;
  }
  if (level == "high") {
    return Style::red;
  }
  if (level == "medium") {
    return Style::yellow;
  }
  return Style::green;
}

std::vector<std::size_t> list_columns(const Context& ctx, const View& view) {
  if (!ctx.globals.fields.empty() || ctx.output.format == Format::json || ctx.output.format == Format::jsonl) {
    return all_columns(ctx, view);  // SPEC §2: a list's objects are the objects `show --json` prints
  }
  std::vector<std::size_t> out;
  for (const auto name : view.default_columns) {
    out.push_back(*view.kind.index_of(name));
  }
  return out;
}

void print_list(Context& ctx, const View& view, const Query& query) {
  const auto columns = list_columns(ctx, view);
  Query q = query;
  q.fields = columns;  // read only what is printed (and what derived columns need)
  for (const auto name : view.derive_from) {
    q.fields.push_back(*view.kind.index_of(name));
  }
  RowWriter writer(ctx.out, ctx.output, names(view.kind, columns));
  ctx.store().each(view.kind, q, [&](Record& r) {
    if (view.derive) {
      view.derive(r);
    }
    writer.row(cells(view, columns, r));
  });
  writer.finish();
}

void print_record(Context& ctx, const View& view, Record r) {
  if (view.derive) {
    view.derive(r);
  }
  const auto columns = all_columns(ctx, view);
  write_object(ctx.out, ctx.output, names(view.kind, columns), cells(view, columns, r));
}

void print_record_with(Context& ctx, const View& view, Record r, const Parts& parts) {
  if (ctx.output.format != Format::json && ctx.output.format != Format::jsonl) {
    print_record(ctx, view, std::move(r));
    if (ctx.output.format != Format::table || !parts.in_table) {
      return;
    }
    const auto n = parts.records.size();
    ctx.out << '\n' << parts.name << ": " << (n == 0 ? "none" : std::to_string(n)) << '\n';
    if (n == 0) {
      return;
    }
    std::vector<std::size_t> columns;
    for (const auto name : parts.table_columns) {
      columns.push_back(*parts.view.kind.index_of(name));
    }
    RowWriter writer(ctx.out, ctx.output, names(parts.view.kind, columns));
    for (Record part : parts.records) {
      if (parts.view.derive) {
        parts.view.derive(part);
      }
      writer.row(cells(parts.view, columns, part));
    }
    writer.finish();
    return;
  }
  if (view.derive) {
    view.derive(r);
  }
  const auto columns = all_columns(ctx, view);
  Json out = json_object(names(view.kind, columns), cells(view, columns, r));
  Json items = Json::array();
  for (Record part : parts.records) {
    if (parts.view.derive) {
      parts.view.derive(part);
    }
    items.push_back(json_object(names(parts.view.kind, parts.json_fields), cells(parts.view, parts.json_fields, part)));
  }
  out[std::string(parts.name)] = std::move(items);
  write_json(ctx.out, out, json_layout(ctx.output.format));
}

void print_changed(Context& ctx, const View& view, Record r) {
  const std::string key = display_key(view.kind, r);
  if (ctx.output.format == Format::table) {
    ctx.out << key << '\n';
  } else {
    print_record(ctx, view, std::move(r));
  }
  // The change is committed: a lost ID must say which record exists (SPEC §2).
  if (const auto reason = flush_failure(ctx.out)) {
    throw runtime_error("{} was saved, but its ID could not be written to standard output: {}", key, *reason);
  }
}

}  // namespace cso::cli

namespace cso::cli {

namespace {

void apply_change(Context& ctx, const View& view, const Value& key, std::string_view action, std::string_view note,
                  const std::function<void(Record&, Transaction&)>& mutate) {
  auto tx = ctx.store().begin(ctx.actor());
  Record r = tx->get_or_throw(view.kind, key);
  mutate(r, *tx);
  tx->update(view.kind, r, action, note);
  tx->commit();
  print_changed(ctx, view, std::move(r));
}

}  // namespace

void change_record(Context& ctx, const View& view, const Value& key, std::string_view action, std::string_view note,
                   const std::function<void(Record&)>& mutate) {
  apply_change(ctx, view, key, action, note, [&](Record& r, Transaction&) { mutate(r); });
}

void sign_record(Context& ctx, const View& view, const Value& key, std::string_view action, std::string_view note,
                 const std::function<void(Record&, const std::string& signer)>& sign) {
  apply_change(ctx, view, key, action, note,
               [&](Record& r, Transaction& tx) { sign(r, staff::require_signer(tx, ctx.actor_handle())); });
}

}  // namespace cso::cli
