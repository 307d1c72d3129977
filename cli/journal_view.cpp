#include "cli/journal_view.h"

#include <algorithm>

#include "cli/values.h"
#include "core/error.h"

namespace cso::cli {

namespace {

const std::vector<std::string> k_columns{"seq", "at", "actor", "action", "record", "note", "data", "prev", "hash"};
constexpr std::size_t k_table_columns = 6;  ///< a terminal shows the first six; data and hashes are for scripts

std::vector<std::size_t> entry_columns(const Context& ctx) {
  std::vector<std::size_t> out;
  if (ctx.globals.fields.empty()) {
    const std::size_t n = ctx.output.format == Format::table ? k_table_columns : k_columns.size();
    for (std::size_t i = 0; i < n; ++i) {
      out.push_back(i);
    }
    return out;
  }
  for (const auto& name : split_list(ctx.globals.fields, "--fields")) {
    const auto it = std::find(k_columns.begin(), k_columns.end(), name);
    if (it == k_columns.end()) {
      throw usage_error(
          "--fields: '{}' is not a journal field; use seq, at, actor, action, record, note, data, prev, hash", name);
    }
    add_field(out, static_cast<std::size_t>(it - k_columns.begin()), name);
  }
  return out;
}

Cell entry_cell(const JournalEntry& e, std::size_t column) {
  switch (column) {
    case 0:
      return Cell{e.seq};
    case 1:
      return whole_cell(e.at);
    case 2:
      return Cell{e.actor};
    case 3:
      return Cell{e.action};
    case 4:
      return whole_cell(e.record);
    case 5:
      return e.note ? Cell{*e.note} : Cell{};
    case 6:
      return e.data ? Cell{*e.data, Style::none, true} : Cell{};
    case 7:
      return Cell{to_hex(e.prev)};
    default:
      return Cell{to_hex(e.hash)};
  }
}

}  // namespace

void print_entries(Context& ctx, const LogFilter& filter) {
  const auto columns = entry_columns(ctx);
  std::vector<std::string> names;
  for (const auto c : columns) {
    names.push_back(k_columns[c]);
  }
  RowWriter writer(ctx.out, ctx.output, names);
  ctx.store().each_entry(filter, [&](const JournalEntry& e) {
    std::vector<Cell> row;
    row.reserve(columns.size());
    for (const auto c : columns) {
      row.push_back(entry_cell(e, c));
    }
    writer.row(std::move(row));
  });
  writer.finish();
}

void print_history(Context& ctx, const std::string& record) {
  LogFilter f;
  f.record = record;
  f.with_parts = true;
  f.newest_first = false;
  print_entries(ctx, f);
}

std::string head_text(const std::optional<Hash>& head) {
  return head ? to_hex(*head) : std::string(64, '0');
}

}  // namespace cso::cli
