// `cso staff import FILE.csv`: an HR export, inserted or updated by handle, all rows or none.
#include <algorithm>
#include <ostream>
#include <unordered_map>

#include "cli/commands.h"
#include "cli/commands/staff_view.h"
#include "cli/import.h"
#include "core/error.h"
#include "core/staff.h"

namespace cso::cli {
namespace {

/// One row as read: the handle and the values of the columns the file has.
struct Row {
  std::size_t line = 0;
  Record values;              ///< fields of absent columns stay null and are not applied
  std::string manager_where;  ///< "hr.csv:4: column 6 (manager)" when a manager is given
};

struct Counts {
  std::int64_t added = 0, updated = 0, unchanged = 0;
};

void run_import(Context& ctx, const std::string& path) {
  std::vector<Row> rows;
  std::unordered_map<std::string, std::size_t> line_of;  // handle → line in the file
  std::vector<std::size_t> columns;                      // the staff fields the file has
  Counts counts;
  const std::string note = fmt::format("import {}", path == "-" ? "stdin" : path);

  const auto read_row = [&](Transaction&, const ImportRow& row) {
    if (columns.empty()) {
      for (std::size_t f = 0; f < staff::field_count; ++f) {
        if (row.column_of[f] != 0) {
          columns.push_back(f);
        }
      }
    }
    Row r{row.line, empty_record(staff::kind()), {}};
    for (const auto f : columns) {
      auto v = row.value(f, ctx.clock);
      r.values.set(f, v ? std::move(*v) : Value{});
    }
    const std::string handle =
        row.located(staff::handle, [&] { return staff::parse_handle(r.values.text(staff::handle), "handle"); });
    if (const auto seen = line_of.find(handle); seen != line_of.end()) {
      throw usage_error("{}: '{}' is also on line {}; give each person one row", row.where(staff::handle), handle,
                        seen->second);
    }
    line_of.emplace(handle, row.line);
    if (!r.values.is_null(staff::manager)) {
      if (r.values.text(staff::manager) == handle) {
        throw usage_error("{}: '{}' cannot be their own manager", row.where(staff::manager), handle);
      }
      r.manager_where = row.where(staff::manager);
    }
    rows.push_back(std::move(r));
  };

  const auto write_rows = [&](Transaction& tx) {
    for (const auto& r : rows) {
      const std::string& m = r.values.text(staff::manager);
      if (!m.empty() && !line_of.contains(m) && !tx.get(staff::kind(), Value{m})) {
        throw usage_error("{}: no staff member '{}' in the database or the file", r.manager_where, m);
      }
    }
    // Managers as they will be: the file's where it says, else the database's.
    std::unordered_map<std::string, const Row*> row_of;
    for (const auto& r : rows) {
      row_of.emplace(r.values.text(staff::handle), &r);
    }
    const bool file_has_managers = std::find(columns.begin(), columns.end(), staff::manager) != columns.end();
    const auto manager_of = [&](const std::string& h) {
      if (const auto row = row_of.find(h); row != row_of.end() && file_has_managers) {
        return row->second->values.text(staff::manager);
      }
      const auto person = tx.get(staff::kind(), Value{h});
      return person ? person->text(staff::manager) : std::string();
    };
    for (const auto& r : rows) {
      if (!r.manager_where.empty()) {
        staff::require_no_manager_cycle(r.values.text(staff::handle), manager_of, r.manager_where);
      }
    }
    for (auto& r : rows) {
      const auto existing = tx.get(staff::kind(), r.values.values[staff::handle]);
      Record person = existing ? *existing : empty_record(staff::kind());
      for (const auto f : columns) {
        person.set(f, r.values.values[f]);
      }
      if (!existing) {
        person.set(staff::status, status_value(staff::Status::active));
        tx.insert(staff::kind(), person, "staff.add", note);
        ++counts.added;
      } else if (canonical_json(staff::kind(), person) != canonical_json(staff::kind(), *existing)) {
        tx.update(staff::kind(), person, "staff.edit", note);
        ++counts.updated;
      } else {
        ++counts.unchanged;
      }
    }
  };

  import_csv(ctx, staff::kind(), path, read_row, {.finish = write_rows});
  ctx.out << fmt::format("added {}, updated {}, unchanged {}\n", counts.added, counts.updated, counts.unchanged);
}

}  // namespace

void setup_staff_import(CLI::App* staff_cmd, Context& ctx) {
  auto path = std::make_shared<std::string>();
  CLI::App* i = add_command(*staff_cmd, "import", "add or update staff by handle from an HR export; all rows or none");
  i->add_option("FILE", *path,
                "CSV with columns of handle,name,email,role,team,manager,started (handle and name "
                "required); - for stdin")
      ->required();
  i->callback([&ctx, path] { run_import(ctx, *path); });
}

}  // namespace cso::cli
