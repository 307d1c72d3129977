#pragma once
// An edit in domain terms: the fields a user changed, already checked and converted. The
// generic `edit` command (cli/record_edit.h) builds one from its options; each kind's edit
// rule (risk::edit, audit::edit, …) applies it, saying when a record may be edited and what
// follows from a change (a touched `updated`, dates in order, a timeline event).
#include <cstddef>
#include <vector>

#include "core/record.h"

namespace cso {

class Changes {
 public:
  /// Records that `field` of `kind` (the edited record's kind, or one of its parts') becomes `v`.
  void set(const KindDef& kind, std::size_t field, Value v);
  bool empty() const { return changes_.empty(); }
  /// The new value of a field, or nullptr when the edit leaves it alone.
  const Value* find(const KindDef& kind, std::size_t field) const;
  bool has(const KindDef& kind, std::size_t field) const { return find(kind, field) != nullptr; }
  /// The new text of a field, when it is changed to text.
  std::optional<std::string> text(const KindDef& kind, std::size_t field) const;
  /// Sets on `r` every changed field of `kind`.
  void apply(const KindDef& kind, Record& r) const;

 private:
  struct Change {
    const KindDef* kind;
    std::size_t field;
    Value value;
  };
  std::vector<Change> changes_;
};

}  // namespace cso
