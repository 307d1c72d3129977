#pragma once
// `NOUN edit ID --FIELD VALUE…`, built once from a table of the fields a kind lets users
// change (STYLE §14). Each option is named after its field ("--review-every" for
// review_every) and checked by the field's own rules unless the table names a parser; long
// text also comes from a file (`--description-file F`, `-` for stdin). The kind's edit rule
// in core applies the changes: when a record may be edited, and what follows from a change.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/record_commands.h"
#include "cli/values.h"
#include "core/edit.h"
#include "core/store.h"

namespace cso::cli {

/// Turns an option's text into the field's value; errors name `what`, the flag given.
using EditParser = Value (*)(Context& ctx, const KindDef& kind, std::size_t field, std::string_view text,
                             std::string_view what);

/// The field's own rules (parse_field_value).
Value field_value(Context& ctx, const KindDef& kind, std::size_t field, std::string_view text, std::string_view what);
/// An empty value clears the field; any other follows the field's own rules.
Value clearable(Context& ctx, const KindDef& kind, std::size_t field, std::string_view text, std::string_view what);
/// A handle that names an active staff member (owners, leads).
Value active_handle(Context& ctx, const KindDef& kind, std::size_t field, std::string_view text, std::string_view what);

/// One field an edit may change.
struct EditOption {
  std::size_t field;
  std::string_view help;
  EditParser parse = field_value;
  bool from_file = false;              ///< long text: also --FLAG-file PATH (- for stdin)
  const KindDef& (*part)() = nullptr;  ///< the field is one of a part's (a policy version's body)
};

/// The options of an edit, bound on a command, and the changes they ask for.
class EditFlags {
 public:
  EditFlags(CLI::App* command, const KindDef& kind, std::span<const EditOption> options);
  EditFlags(const EditFlags&) = delete;
  EditFlags& operator=(const EditFlags&) = delete;

  /// Whether any option was given.
  bool any() const;
  /// "--title, --owner or --plan", for "nothing to change".
  std::string names() const;
  /// Every option given, checked and converted (usage Errors name the flag).
  Changes parse(Context& ctx) const;
  /// The option of `field`, to make it required on a command that creates.
  CLI::Option* option(std::size_t field) const;

 private:
  const KindDef& kind_;
  std::span<const EditOption> options_;
  std::vector<std::string> flags_;
  std::vector<TextOption> texts_, files_;
};

/// Applies an edit's changes to the record read in the write transaction: the kind's edit
/// rule, and any part it changes with it.
using EditApply = void (*)(Context& ctx, Transaction& tx, Record& r, const Changes& changes);

/// `NOUN edit ID` with `options`; journalled as "<noun>.edit" ("finding.edit" for `audit finding`).
CLI::App* add_edit(CLI::App& parent, Context& ctx, const Noun& noun, std::string_view summary,
                   std::span<const EditOption> options, EditApply apply);

}  // namespace cso::cli
