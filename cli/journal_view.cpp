#include "cli/journal_view.h"

namespace cso::cli {

void print_entries(Context& ctx, const storage::LogFilter& filter) {
  const bool machine = ctx.output.format != Format::table;
  std::vector<std::string> columns{"seq", "at", "actor", "action", "record", "note"};
  if (machine) {
    columns.insert(columns.end(), {"data", "prev", "hash"});
  }
  RowWriter writer(ctx.out, ctx.output, columns);
  storage::each_entry(ctx.db(), filter, [&](const storage::JournalEntry& e) {
    std::vector<Cell> row{Cell{e.seq}, Cell{e.at}, Cell{e.actor}, Cell{e.action}, Cell{e.record},
                          e.note ? Cell{*e.note} : Cell{}};
    if (machine) {
      row.push_back(e.data ? Cell{*e.data} : Cell{});
      row.back().raw_json = e.data.has_value();
      row.push_back(Cell{storage::to_hex(e.prev)});
      row.push_back(Cell{storage::to_hex(e.hash)});
    }
    writer.row(std::move(row));
  });
  writer.finish();
}

void print_history(Context& ctx, const std::string& record) {
  storage::LogFilter f;
  f.record = record;
  f.newest_first = false;
  print_entries(ctx, f);
}

}  // namespace cso::cli
