#include "cli/import.h"

#include <unistd.h>

#include <fstream>
#include <iostream>

#include "cli/values.h"
#include "core/error.h"

namespace cso::cli {
namespace {

std::string importable_columns(const KindDef& kind) {
  std::string out;
  for (const auto& f : kind.fields) {
    if (f.has(k_import)) {
      out += out.empty() ? "" : ", ";
      out += f.name;
    }
  }
  return out;
}

/// Maps header cells to field indexes; every column must be importable, required ones present.
std::vector<std::size_t> read_header(const KindDef& kind, const CsvRow& header, const std::string& source) {
  std::vector<std::size_t> fields;
  std::vector<bool> seen(kind.fields.size(), false);
  for (std::size_t c = 0; c < header.fields.size(); ++c) {
    const auto& name = header.fields[c];
    const auto i = kind.index_of(name);
    if (!i || !kind.fields[*i].has(k_import)) {
      throw usage_error("{}:{}: column {} ('{}') is not a {} field that can be imported; use {}", source, header.line,
                        c + 1, name, kind.name, importable_columns(kind));
    }
    if (seen[*i]) {
      throw usage_error("{}:{}: column {} ('{}') appears twice", source, header.line, c + 1, name);
    }
    seen[*i] = true;
    fields.push_back(*i);
  }
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    if (kind.fields[i].has(k_required) && !seen[i]) {
      throw usage_error("{}:{}: the header has no '{}' column, which is required", source, header.line,
                        kind.fields[i].name);
    }
  }
  return fields;
}

}  // namespace

std::string ImportRow::where(std::size_t field) const {
  return fmt::format("{}:{}: column {} ({})", source, line, column_of[field], kind.fields[field].name);
}

std::optional<Value> ImportRow::value(std::size_t field, const Clock& clock) const {
  const auto& cell = cells[field];
  const bool required = kind.fields[field].has(k_required);
  if (!cell || cell->empty() || (required && blank(*cell))) {
    if (required) {
      throw usage_error("{}: a value is required", where(field));
    }
    return std::nullopt;
  }
  return located(field, [&] { return parse_field_value(kind, field, *cell, kind.fields[field].name, clock); });
}

void ImportRow::relocate(std::size_t field, const Error& e) const {
  std::string_view message = e.what();
  const std::string prefix = std::string(kind.fields[field].name) + ": ";
  if (message.substr(0, prefix.size()) == prefix) {
    message.remove_prefix(prefix.size());
  }
  throw Error(e.code(), fmt::format("{}: {}", where(field), message));
}

std::int64_t import_csv(Context& ctx, const KindDef& kind, const std::string& path,
                        const std::function<void(Transaction&, const ImportRow&)>& insert, const ImportHooks& hooks) {
  std::ifstream file;
  if (path != "-") {
    file = open_input(path, "FILE");
  }
  std::istream& in = path == "-" ? std::cin : file;
  const std::string source = path == "-" ? "stdin" : path;
  const bool progress = ::isatty(STDERR_FILENO) == 1 && !ctx.globals.quiet;

  const auto bulk = ctx.store().bulk_load();
  auto tx = ctx.store().begin(ctx.actor());
  tx->bulk(kind);
  std::vector<std::size_t> header;
  std::int64_t rows = 0;
  ImportRow row{kind, 0, source, std::vector<std::optional<std::string_view>>(kind.fields.size()),
                std::vector<std::size_t>(kind.fields.size(), 0)};
  read_csv(in, source, [&](const CsvRow& csv) {
    if (header.empty()) {
      header = read_header(kind, csv, source);
      for (std::size_t c = 0; c < header.size(); ++c) {
        row.column_of[header[c]] = c + 1;
      }
      if (hooks.on_header) {
        row.line = csv.line;
        hooks.on_header(row);
      }
      return;
    }
    if (csv.fields.size() != header.size()) {
      throw usage_error("{}:{}: {} fields, but the header has {}", source, csv.line, csv.fields.size(), header.size());
    }
    row.line = csv.line;
    for (std::size_t c = 0; c < header.size(); ++c) {
      row.cells[header[c]] = csv.fields[c];
    }
    insert(*tx, row);
    ++rows;
    if (progress && rows % 100000 == 0) {
      ctx.err << "\rcso: imported " << rows << " rows" << std::flush;
    }
  });
  if (header.empty()) {
    throw usage_error("{}: the file is empty; the first line must name the columns ({})", source,
                      importable_columns(kind));
  }
  if (hooks.finish) {
    hooks.finish(*tx);
  }
  tx->commit();
  if (progress && rows >= 100000) {
    ctx.err << '\n';
  }
  return rows;
}

}  // namespace cso::cli
