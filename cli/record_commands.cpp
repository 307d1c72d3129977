#include "cli/record_commands.h"

#include <ostream>

#include "cli/journal_view.h"
#include "core/error.h"
#include "core/removal.h"

namespace cso::cli {
namespace {

/// An ID argument with the shared help text; the value lives as long as the command.
std::shared_ptr<std::string> id_argument(CLI::App* command, const Noun& noun) {
  auto id = std::make_shared<std::string>();
  command->add_option(std::string(noun.key_name), *id, std::string(noun.id_help))->required();
  return id;
}

}  // namespace

Value parse_key(const Noun& noun, const std::string& text) {
  return noun.parse != nullptr ? noun.parse(text, noun.key_name) : Value{parse_id(noun.kind, text, noun.key_name)};
}

std::string shown_key(const Noun& noun, const Value& key) {
  const auto* number = std::get_if<std::int64_t>(&key);
  return number != nullptr ? display_id(noun.kind, *number) : std::get<std::string>(key);
}

CLI::App* add_show(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary) {
  CLI::App* show = add_command(parent, "show", summary);
  const auto id = id_argument(show, noun);
  show->callback([&ctx, &noun, id] {
    print_record(ctx, noun.view(ctx), ctx.store().get_or_throw(noun.kind, parse_key(noun, *id)));
  });
  return show;
}

CLI::App* add_history(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary) {
  CLI::App* history = add_command(parent, "history", summary);
  const auto id = id_argument(history, noun);
  history->callback([&ctx, &noun, id] {
    // The journal keeps what was removed (SPEC §3): a record gone has a history still.
    const Value key = parse_key(noun, *id);
    const std::string shown = shown_key(noun, key);
    LogFilter any;
    any.record = shown;
    any.limit = 1;
    bool journalled = false;
    ctx.store().each_entry(any, [&](const JournalEntry&) { journalled = true; });
    if (!journalled) {
      ctx.store().get_or_throw(noun.kind, key);  // "no risk RSK-9", as show says
    }
    print_history(ctx, shown);
  });
  return history;
}

CLI::App* add_rm(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary) {
  CLI::App* rm = add_command(parent, "rm", summary);
  const auto id = id_argument(rm, noun);
  auto force = std::make_shared<bool>(false);
  rm->add_flag("--force", *force, "really remove it");
  rm->callback([&ctx, &noun, id, force] {
    const Removal& rule = removal_of(noun.kind);
    const Value key = parse_key(noun, *id);
    if (!*force) {
      throw usage_error("{} rm {}: removing a record is for mistakes; {}, or add --force", noun.path,
                        shown_key(noun, key), rule.instead);
    }
    auto tx = ctx.store().begin(ctx.actor());
    const Record r = remove_with_parts(*tx, rule, key);
    tx->commit();
    ctx.out << display_key(noun.kind, r) << '\n';
  });
  return rm;
}

CLI::App* add_list_command(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary,
                           const std::function<void(CLI::App*)>& bind_filters,
                           std::function<Query(Context&)> make_query,
                           std::function<void(Context&, const Query&)> print) {
  struct Paging {
    TextOption sort, limit;
  };
  auto paging = std::make_shared<Paging>();
  CLI::App* list = add_command(parent, "list", summary);
  list->callback([&ctx, &noun, paging, make_query = std::move(make_query), print = std::move(print)] {
    Query q = make_query(ctx);
    if (paging->sort.given()) {
      q.sort = parse_sort(noun.kind, paging->sort.value);
    }
    if (paging->limit.given()) {
      q.limit = positive_integer(paging->limit.value, "--limit");
    }
    if (print) {
      print(ctx, q);
    } else {
      print_list(ctx, noun.view(ctx), q);
    }
  });
  bind_filters(list);
  bind(list, paging->sort, "--sort", "fields, -field for descending");
  // Qualified: with a std::string argument, ADL would pick std::bind.
  cli::bind(list, paging->limit, "--limit", fmt::format("at most N {}", noun.plural));
  return list;
}

std::vector<std::string> field_values(const Context& ctx, const KindDef& kind, std::size_t field,
                                      const TextOption& option, std::string_view what) {
  std::vector<std::string> out;
  if (option.given()) {
    for (const auto& item : split_list(option.value, what)) {
      out.push_back(std::get<std::string>(parse_field_value(kind, field, item, what, ctx.clock)));
    }
  }
  return out;
}

}  // namespace cso::cli
