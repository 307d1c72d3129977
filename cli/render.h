#pragma once
// Records to output: the shared path from a KindDef and Records to RowWriter/write_object,
// so every kind prints, filters fields and formats the same way (STYLE §13).
#include <functional>
#include <string>
#include <vector>

#include "cli/context.h"
#include "core/query.h"

namespace cso::cli {

/// How a kind's records look in lists: default columns, colours, derived fields.
struct View {
  const KindDef& kind;
  std::vector<std::string_view> default_columns;
  std::function<void(Record&)> derive = nullptr;                     ///< fills derived fields
  std::vector<std::string_view> derive_from = {};                    ///< the stored fields `derive` reads
  std::function<Style(std::size_t, const Record&)> style = nullptr;  ///< colour of a cell
};

/// The columns to print: --fields if given (checked against the kind); else every field for
/// json/jsonl (a list's objects are those `show --json` prints), the default columns otherwise.
std::vector<std::size_t> list_columns(const Context& ctx, const View& view);

/// Streams the records matching `q` in the output format.
void print_list(Context& ctx, const View& view, const Query& q);
/// One record: all its fields, or --fields.
void print_record(Context& ctx, const View& view, Record r);
/// The records that belong to a shown one (an audit's findings, a policy's versions): a table
/// under it, and an array named `name` in its JSON object.
struct Parts {
  std::string_view name;  ///< "findings": the table's heading and the JSON key
  const View& view;       ///< how a part looks (its colours)
  std::vector<Record> records;
  std::vector<std::string_view> table_columns;  ///< what the table shows
  std::vector<std::size_t> json_fields;         ///< what each JSON object has
  bool in_table = true;                         ///< false: in JSON only (a flag asks for the table)
};
/// print_record, then its parts: in json and jsonl one object holding them; in table format a
/// heading with their count and a table; the other formats print the record alone.
void print_record_with(Context& ctx, const View& view, Record r, const Parts& parts);

/// After a change: the ID alone (table), or the whole record in the other formats. A runtime
/// Error naming the ID when it could not be written (the change is committed).
void print_changed(Context& ctx, const View& view, Record r);

Cell cell_of(const KindDef& kind, std::size_t field, const Record& r);

/// The colour of a low/medium/high/critical rank (a risk's level, a finding's severity).
Style level_style(std::string_view level);

}  // namespace cso::cli

namespace cso::cli {

/// Reads record `key` inside a write transaction, applies `mutate`, journals it as `action`
/// with `note`, commits, and prints the result as print_changed does.
void change_record(Context& ctx, const View& view, const Value& key, std::string_view action, std::string_view note,
                   const std::function<void(Record&)>& mutate);

/// change_record for a sign-off (SPEC §1): the acting person must be active staff
/// (staff::require_signer, after the record is found); `sign` gets their handle.
void sign_record(Context& ctx, const View& view, const Value& key, std::string_view action, std::string_view note,
                 const std::function<void(Record&, const std::string& signer)>& sign);

}  // namespace cso::cli
