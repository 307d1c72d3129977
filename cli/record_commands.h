#pragma once
// The commands every kind has, built once from its description (STYLE §14): `show`, `history`
// and `rm --force` (with the parts and blockers core/removal declares), and `list`'s sort,
// limit and output. A noun's own file adds only its filters, its verbs and its view.
#include <functional>
#include <memory>
#include <string_view>

#include "cli/commands.h"
#include "cli/render.h"
#include "cli/values.h"
#include "core/query.h"

namespace cso::cli {

/// A noun as its generic commands see it.
struct Noun {
  const KindDef& kind;
  std::string_view path;     ///< as typed after `cso`: "risk", "audit finding"
  std::string_view id_help;  ///< "RSK-n or n"
  std::string_view plural;   ///< "risks"
  View (*view)(const Context& ctx);
  std::string_view key_name = "ID";  ///< the argument's name: ID, or HANDLE for staff
  /// Parses a key typed as `what`; null for numbered kinds ("RSK-12", "rsk-12", "12").
  Value (*parse)(std::string_view text, std::string_view what) = nullptr;
};

/// The record key as typed (a usage Error naming the argument otherwise).
Value parse_key(const Noun& noun, const std::string& text);
/// The key as users see it: "RSK-12", or a handle.
std::string shown_key(const Noun& noun, const Value& key);

/// `NOUN show ID`.
CLI::App* add_show(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary);
/// `NOUN history ID`: the journal entries of the record and its parts, oldest first.
CLI::App* add_history(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary);
/// `NOUN rm ID --force`.
CLI::App* add_rm(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary);

/// `NOUN list` with the noun's filters: `bind_filters` registers them on the command, and
/// `make_query` turns what was given into the query (the domain's selector, in core). --sort
/// and --limit are added and applied here; the records print as the noun's view says, or
/// through `print` for a list that shows more than its records.
template <class Filters>
CLI::App* add_list(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary,
                   void (*bind_filters)(CLI::App*, Filters&), Query (*make_query)(Context&, const Filters&),
                   void (*print)(Context&, const Filters&, const Query&) = nullptr);

/// The shared part of add_list, for any filter type.
CLI::App* add_list_command(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary,
                           const std::function<void(CLI::App*)>& bind_filters,
                           std::function<Query(Context&)> make_query,
                           std::function<void(Context&, const Query&)> print);

template <class Filters>
CLI::App* add_list(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary,
                   void (*bind_filters)(CLI::App*, Filters&), Query (*make_query)(Context&, const Filters&),
                   void (*print)(Context&, const Filters&, const Query&)) {
  auto filters = std::make_shared<Filters>();
  std::function<void(Context&, const Query&)> printer;
  if (print != nullptr) {
    printer = [filters, print](Context& c, const Query& q) { print(c, *filters, q); };
  }
  return add_list_command(
      parent, ctx, noun, summary, [filters, bind_filters](CLI::App* list) { bind_filters(list, *filters); },
      [filters, make_query](Context& c) { return make_query(c, *filters); }, std::move(printer));
}

/// The values of a comma-separated list option, each checked as `field` of `kind` would be;
/// empty when the option was not given.
std::vector<std::string> field_values(const Context& ctx, const KindDef& kind, std::size_t field,
                                      const TextOption& option, std::string_view what);

}  // namespace cso::cli
