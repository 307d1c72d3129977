#pragma once
// CSV import shared by every kind: header columns named as the kind's importable fields,
// all rows or none (one transaction), errors naming file, line and column.
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "cli/context.h"
#include "cli/csv_reader.h"
#include "core/error.h"

namespace cso::cli {

/// One data row as the builder sees it: cells by field index (nullopt when the column is
/// absent or the cell empty), and how to name a cell in an error.
struct ImportRow {
  const KindDef& kind;
  std::size_t line = 0;
  std::string source;
  std::vector<std::optional<std::string_view>> cells;  ///< indexed by field
  std::vector<std::size_t> column_of;                  ///< field → 1-based CSV column (0: absent)

  /// "risks.csv:4: column 3 (impact)"
  std::string where(std::size_t field) const;
  /// The cell parsed as the field's type (nullopt when empty); errors name line and column.
  std::optional<Value> value(std::size_t field, const Clock& clock) const;

  /// Runs `check` on the whole row; an Error it throws comes back naming the file and line.
  template <typename Check>
  void row_located(Check&& check) const {
    try {
      check();
    } catch (const Error& e) {
      throw Error(e.code(), fmt::format("{}:{}: {}", source, line, e.what()));
    }
  }

  /// Runs `parse`, which names the field in its errors (`name: '…' is not …`); an Error it
  /// throws comes back naming the file, line and column instead. Messages are built only on
  /// error: imports parse millions of cells.
  template <typename Parse>
  auto located(std::size_t field, Parse&& parse) const -> decltype(parse()) {
    try {
      return parse();
    } catch (const Error& e) {
      relocate(field, e);
    }
  }

 private:
  [[noreturn]] void relocate(std::size_t field, const Error& e) const;
};

/// Reads `path` (or stdin for "-"), checks the header against the kind, and calls `insert`
/// for each row inside one transaction, committed only if every row succeeds. Returns the
/// number of rows read. The hooks, if given, run before the first row and after the last.
struct ImportHooks {
  /// Checks the columns present (the row's column_of, with `line` the header's).
  std::function<void(const ImportRow&)> on_header = nullptr;
  /// Runs after the last row, inside the transaction: for checks across rows.
  std::function<void(Transaction&)> finish = nullptr;
};
std::int64_t import_csv(Context& ctx, const KindDef& kind, const std::string& path,
                        const std::function<void(Transaction&, const ImportRow&)>& insert,
                        const ImportHooks& hooks = {});

}  // namespace cso::cli
