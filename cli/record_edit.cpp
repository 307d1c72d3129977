#include "cli/record_edit.h"

#include <algorithm>
#include <stdexcept>

#include "core/error.h"
#include "core/transitions.h"

namespace cso::cli {
namespace {

const KindDef& kind_of(const KindDef& kind, const EditOption& o) {
  return o.part != nullptr ? o.part() : kind;
}

/// "--review-every" for review_every.
std::string flag_of(const FieldDef& field) {
  std::string flag = "--" + std::string(field.name);
  for (char& c : flag) {
    c = c == '_' ? '-' : c;
  }
  return flag;
}

/// The word before ".edit" in the journal: the last word of the noun's path.
std::string edit_action(const Noun& noun) {
  const auto space = noun.path.rfind(' ');
  return std::string(space == std::string_view::npos ? noun.path : noun.path.substr(space + 1)) + ".edit";
}

}  // namespace

Value field_value(Context& ctx, const KindDef& kind, std::size_t field, std::string_view text, std::string_view what) {
  return parse_field_value(kind, field, text, what, ctx.clock);
}

Value clearable(Context& ctx, const KindDef& kind, std::size_t field, std::string_view text, std::string_view what) {
  return text.empty() ? Value{} : field_value(ctx, kind, field, text, what);
}

Value active_handle(Context& ctx, const KindDef&, std::size_t, std::string_view text, std::string_view what) {
  return Value{active_staff(ctx, std::string(text), what)};
}

EditFlags::EditFlags(CLI::App* command, const KindDef& kind, std::span<const EditOption> options)
    : kind_(kind), options_(options), texts_(options.size()), files_(options.size()) {
  for (std::size_t i = 0; i < options.size(); ++i) {
    const auto& o = options[i];
    const FieldDef& field = kind_of(kind, o).fields[o.field];
    flags_.push_back(flag_of(field));
    cli::bind(command, texts_[i], flags_[i], std::string(o.help));
    if (o.from_file) {
      std::string name(field.name);
      std::replace(name.begin(), name.end(), '_', ' ');
      cli::bind(command, files_[i], flags_[i] + "-file", "read the " + name + " from a file (- for stdin)");
    }
  }
}

bool EditFlags::any() const {
  for (std::size_t i = 0; i < options_.size(); ++i) {
    if (texts_[i].given() || files_[i].given()) {
      return true;
    }
  }
  return false;
}

std::string EditFlags::names() const {
  const std::vector<std::string_view> names(flags_.begin(), flags_.end());
  return or_list(names);
}

Changes EditFlags::parse(Context& ctx) const {
  Changes changes;
  for (std::size_t i = 0; i < options_.size(); ++i) {
    const auto& o = options_[i];
    const std::string& flag = flags_[i];
    const auto text = long_text(texts_[i], files_[i], std::string_view(flag).substr(2));
    if (!text) {
      continue;
    }
    const KindDef& kind = kind_of(kind_, o);
    const std::string what = files_[i].given() ? flag + "-file" : flag;
    changes.set(kind, o.field, o.parse(ctx, kind, o.field, *text, what));
  }
  return changes;
}

CLI::Option* EditFlags::option(std::size_t field) const {
  for (std::size_t i = 0; i < options_.size(); ++i) {
    if (options_[i].part == nullptr && options_[i].field == field) {
      return texts_[i].option;
    }
  }
  throw std::logic_error("no edit option for the field");
}

CLI::App* add_edit(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary,
                   std::span<const EditOption> options, EditApply apply) {
  CLI::App* edit = add_command(parent, "edit", summary);
  auto id = std::make_shared<std::string>();
  edit->add_option(std::string(noun.key_name), *id, std::string(noun.id_help))->required();
  auto flags = std::make_shared<EditFlags>(edit, noun.kind, options);
  edit->callback([&ctx, &noun, id, flags, apply] {
    const Value key = parse_key(noun, *id);
    if (!flags->any()) {
      throw usage_error("{} edit: nothing to change; give {}", noun.path, flags->names());
    }
    const Changes changes = flags->parse(ctx);
    auto tx = ctx.store().begin(ctx.actor());
    Record r = tx->get_or_throw(noun.kind, key);
    apply(ctx, *tx, r, changes);
    tx->update(noun.kind, r, edit_action(noun));
    tx->commit();
    print_changed(ctx, noun.view(ctx), std::move(r));
  });
  return edit;
}

}  // namespace cso::cli
