#include "cli/completion_tree.h"

#include <cctype>

#include "core/kinds.h"

namespace cso::cli {
namespace {

constexpr std::string_view k_tag = "complete:";

std::string accept_all(std::string& /*value*/) {
  return {};
}

CLI::Option* tag(CLI::Option* option, const std::string& hint) {
  // A validator that accepts everything and shows nothing in help: the hint travels with the
  // option in CLI11's tree, where the generators find it.
  option->check(CLI::Validator(accept_all, "", std::string(k_tag) + hint));
  return option;
}

/// The hint tag() attached, if any.
std::optional<ValueHint> tagged(CLI::Option& option) {
  for (int i = 0;; ++i) {
    CLI::Validator* v = nullptr;
    try {
      v = option.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      return std::nullopt;
    }
    const std::string& name = v->get_name();
    if (name.rfind(k_tag, 0) != 0) {
      continue;
    }
    const std::string what = name.substr(k_tag.size());
    ValueHint hint;
    if (what == "handles") {
      hint.kind = ValueHint::Kind::handles;
    } else if (what == "none") {
      hint.kind = ValueHint::Kind::none;
    } else {
      hint.kind = ValueHint::Kind::choices;
      std::string rest = what.substr(what.find(':') + 1);
      for (std::size_t at = 0; at < rest.size();) {
        const std::size_t end = std::min(rest.find(' ', at), rest.size());
        hint.choices.push_back(rest.substr(at, end - at));
        at = end + 1;
      }
    }
    return hint;
  }
}

/// The numbered kind whose IDs `text` names ("RSK-n or n", "the audit (AUD-n; not closed)").
const KindDef* kind_named_in(std::string_view text) {
  for (const KindDef* kind : all_kinds()) {
    if (kind->prefix.empty()) {
      continue;
    }
    const std::string id = std::string(kind->prefix) + "-n";
    for (std::size_t at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
      const bool starts = at == 0 || std::isalpha(static_cast<unsigned char>(text[at - 1])) == 0;
      const std::size_t end = at + id.size();
      const bool ends = end == text.size() || std::isalnum(static_cast<unsigned char>(text[end])) == 0;
      if (starts && ends) {
        return kind;
      }
    }
  }
  return nullptr;
}

/// The kind a command is about: the kind named like it or one of its parents ("risk",
/// "finding", "staff"), or whose IDs their `show` takes ("train show TRN-n").
const KindDef* kind_of(CLI::App& command) {
  for (CLI::App* at = &command; at != nullptr; at = at->get_parent()) {
    for (const KindDef* kind : all_kinds()) {
      if (kind->name == at->get_name()) {
        return kind;
      }
    }
    for (CLI::App* sub : at->get_subcommands([](CLI::App*) { return true; })) {
      if (sub->get_name() != "show") {
        continue;
      }
      for (CLI::Option* o : sub->get_options()) {
        if (o->get_positional()) {
          if (const KindDef* kind = kind_named_in(o->get_description())) {
            return kind;
          }
        }
      }
    }
  }
  return nullptr;
}

ValueHint hint_of(CLI::Option& option, const KindDef* kind) {
  if (auto hint = tagged(option)) {
    return *hint;
  }
  ValueHint hint;
  if (const KindDef* named = kind_named_in(option.get_description())) {
    hint.kind = ValueHint::Kind::ids;
    hint.prefix = std::string(named->prefix);
    return hint;
  }
  if (option.get_positional() && option.get_name() == "HANDLE") {
    hint.kind = ValueHint::Kind::handles;
    return hint;
  }
  if (kind == nullptr || option.get_lnames().empty()) {
    return hint;
  }
  std::string field = option.get_lnames().front();
  std::replace(field.begin(), field.end(), '-', '_');
  for (const FieldDef& f : kind->fields) {
    if (f.name != field) {
      continue;
    }
    if (f.type == FieldType::choice) {
      hint.kind = ValueHint::Kind::choices;
      hint.choices.assign(f.choices.begin(), f.choices.end());
    } else if (f.type == FieldType::handle) {
      hint.kind = ValueHint::Kind::handles;
    }
  }
  return hint;
}

CommandNode node_of(CLI::App& app, const std::string& path) {
  CommandNode node;
  node.name = app.get_parent() == nullptr ? "cso" : app.get_name();
  node.path = path;
  node.summary = app.get_description();
  const KindDef* kind = kind_of(app);
  for (CLI::Option* o : app.get_options()) {
    if (o == app.get_help_ptr() || o == app.get_help_all_ptr()) {
      continue;
    }
    if (o->get_positional()) {
      ArgumentNode a;
      a.name = o->get_name();
      a.description = o->get_description();
      a.required = o->get_required();
      a.many = o->get_items_expected_max() > 1;
      a.hint = hint_of(*o, kind);
      node.arguments.push_back(std::move(a));
      continue;
    }
    OptionNode opt;
    for (const std::string& s : o->get_snames()) {
      opt.names.push_back("-" + s);
    }
    for (const std::string& l : o->get_lnames()) {
      opt.names.push_back("--" + l);
    }
    if (o->get_expected_max() != 0 && o->get_type_size() != 0) {  // flags expect none
      opt.value_name = o->get_type_name().empty() ? "VALUE" : o->get_type_name();
    }
    opt.description = o->get_description();
    opt.required = o->get_required();
    opt.hint = hint_of(*o, kind);
    node.options.push_back(std::move(opt));
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App* s) { return !hidden(*s); })) {
    node.subcommands.push_back(node_of(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name()));
  }
  return node;
}

void collect(const CommandNode& node, std::vector<const CommandNode*>& out) {
  out.push_back(&node);
  for (const CommandNode& sub : node.subcommands) {
    collect(sub, out);
  }
}

}  // namespace

CommandNode command_tree(CLI::App& app) {
  return node_of(app, "");
}

std::vector<const CommandNode*> all_nodes(const CommandNode& root) {
  std::vector<const CommandNode*> out;
  collect(root, out);
  return out;
}

CLI::Option* complete_handles(CLI::Option* option) {
  return tag(option, "handles");
}

CLI::Option* complete_choices(CLI::Option* option, std::span<const std::string_view> choices) {
  std::string hint = "choices:";
  for (std::size_t i = 0; i < choices.size(); ++i) {
    hint += (i == 0 ? "" : " ") + std::string(choices[i]);
  }
  return tag(option, hint);
}

CLI::Option* complete_nothing(CLI::Option* option) {
  return tag(option, "none");
}

void hide(CLI::App* command) {
  command->group("");
}

bool hidden(const CLI::App& command) {
  return command.get_group().empty();
}

}  // namespace cso::cli
