// Lists and records in every format (SPEC §2). json, jsonl, csv and tsv write each row as it
// comes, built in one reused buffer and written with a single call; table buffers the rows,
// because aligning columns needs them all (output_table.cpp lays them out).
#include "cli/output.h"

#include "cli/output_table.h"
#include "core/error.h"
#include "core/json_text.h"

#include <charconv>
#include <exception>
#include <ostream>
#include <stdexcept>

namespace cso::cli {
namespace {

enum class Layout { compact, pretty };

/// The per-thread buffer a row is built in, so streaming a list allocates nothing per row.
std::string& scratch() {
  thread_local std::string buffer;
  buffer.clear();
  return buffer;
}

void append_integer(std::string& out, std::int64_t v) {
  char digits[24];
  const auto result = std::to_chars(std::begin(digits), std::end(digits), v);
  out.append(digits, result.ptr);
}

void append_json(std::string& out, const Value& v) {
  if (const auto* text = std::get_if<std::string>(&v)) {
    append_json_string(out, *text);
  } else if (const auto* number = std::get_if<std::int64_t>(&v)) {
    append_integer(out, *number);
  } else {
    out.append("null");
  }
}

void append_json_object(std::string& out, const std::vector<std::string>& columns, const std::vector<Cell>& cells,
                        Layout layout) {
  if (columns.empty()) {
    out.append("{}");
    return;
  }
  out.push_back('{');
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (layout == Layout::pretty) {
      out.append(i == 0 ? "\n  " : ",\n  ");
    } else if (i > 0) {
      out.push_back(',');
    }
    append_json_string(out, columns[i]);
    out.append(layout == Layout::pretty ? ": " : ":");
    if (cells[i].raw_json && std::holds_alternative<std::string>(cells[i].value)) {
      out.append(std::get<std::string>(cells[i].value));
    } else {
      append_json(out, cells[i].value);
    }
  }
  out.append(layout == Layout::pretty ? "\n}" : "}");
}

/// A text field: formula guard, then RFC 4180 quoting when the field needs it.
void append_csv_text(std::string& out, std::string_view text, char separator) {
  const bool guard = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  const char specials[] = {separator, '"', '\r', '\n', '\0'};
  const bool quote = text.find_first_of(specials) != std::string_view::npos;
  if (!quote) {
    if (guard) {
      out.push_back('\'');
    }
    out.append(text);
    return;
  }
  out.push_back('"');
  if (guard) {
    out.push_back('\'');
  }
  for (const char c : text) {
    if (c == '"') {
      out.push_back('"');
    }
    out.push_back(c);
  }
  out.push_back('"');
}

void append_csv_field(std::string& out, const Cell& cell, char separator) {
  if (const auto* text = std::get_if<std::string>(&cell.value)) {
    append_csv_text(out, *text, separator);
  } else if (const auto* number = std::get_if<std::int64_t>(&cell.value)) {
    append_integer(out, *number);
  }
}

void append_csv_header(std::string& out, const std::vector<std::string>& columns, char separator) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) {
      out.push_back(separator);
    }
    append_csv_text(out, columns[i], separator);
  }
  out.push_back('\n');
}

void append_csv_row(std::string& out, const std::vector<Cell>& cells, char separator) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) {
      out.push_back(separator);
    }
    append_csv_field(out, cells[i], separator);
  }
  out.push_back('\n');
}

char separator_of(Format format) {
  return format == Format::tsv ? '\t' : ',';
}

void check_width(const std::vector<std::string>& columns, const std::vector<Cell>& cells) {
  if (cells.size() != columns.size()) {
    throw std::logic_error("output: a row's cell count differs from its column count");
  }
}

}  // namespace

Format parse_format(std::string_view text) {
  constexpr std::pair<std::string_view, Format> k_formats[] = {
      {"table", Format::table}, {"json", Format::json}, {"jsonl", Format::jsonl},
      {"csv", Format::csv},     {"tsv", Format::tsv},
  };
  for (const auto& [name, format] : k_formats) {
    if (text == name) {
      return format;
    }
  }
  throw usage_error("--format: '{}' is not a format; use table, json, jsonl, csv or tsv", sanitize_cell(text));
}

RowWriter::RowWriter(std::ostream& out, const OutputOptions& opts, std::vector<std::string> columns)
    : m_out(out), m_opts(opts), m_columns(std::move(columns)) {}

RowWriter::~RowWriter() {
  // A command failing half-way must not leave output that looks complete (a closed JSON array).
  if (std::uncaught_exceptions() > 0) {
    return;
  }
  try {
    finish();
  } catch (...) {  // NOLINT(bugprone-empty-catch): destructors must not throw; the stream keeps its error state
  }
}

void RowWriter::row(std::vector<Cell> cells) {
  if (m_finished) {
    throw std::logic_error("output: row() after finish()");
  }
  check_width(m_columns, cells);
  if (m_opts.format == Format::table) {
    m_buffered.push_back(std::move(cells));
    ++m_rows;
    return;
  }
  std::string& buffer = scratch();
  switch (m_opts.format) {
    case Format::json:
      buffer.append(m_rows == 0 ? "[\n" : ",\n");
      append_json_object(buffer, m_columns, cells, Layout::compact);
      break;
    case Format::jsonl:
      append_json_object(buffer, m_columns, cells, Layout::compact);
      buffer.push_back('\n');
      break;
    case Format::csv:
    case Format::tsv:
      if (m_rows == 0) {
        append_csv_header(buffer, m_columns, separator_of(m_opts.format));
      }
      append_csv_row(buffer, cells, separator_of(m_opts.format));
      break;
    case Format::table:
      break;
  }
  m_out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  ++m_rows;
}

void RowWriter::finish() {
  if (m_finished) {
    return;
  }
  m_finished = true;
  switch (m_opts.format) {
    case Format::table:
      write_table(m_out, m_opts, m_columns, m_buffered);
      m_buffered.clear();
      m_buffered.shrink_to_fit();
      break;
    case Format::json:
      m_out << (m_rows == 0 ? "[]\n" : "\n]\n");
      break;
    case Format::jsonl:
      break;
    case Format::csv:
    case Format::tsv:
      if (m_rows == 0) {
        std::string& buffer = scratch();
        append_csv_header(buffer, m_columns, separator_of(m_opts.format));
        m_out << buffer;
      }
      break;
  }
  m_out.flush();
}

void write_object(std::ostream& out, const OutputOptions& opts, const std::vector<std::string>& columns,
                  const std::vector<Cell>& cells) {
  check_width(columns, cells);
  std::string& buffer = scratch();
  switch (opts.format) {
    case Format::table:
      write_fields(out, opts, columns, cells);
      return;
    case Format::json:
    case Format::jsonl:
      append_json_object(buffer, columns, cells, opts.format == Format::json ? Layout::pretty : Layout::compact);
      buffer.push_back('\n');
      break;
    case Format::csv:
    case Format::tsv:
      append_csv_header(buffer, columns, separator_of(opts.format));
      append_csv_row(buffer, cells, separator_of(opts.format));
      break;
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

std::string csv_field(const Cell& cell, char separator) {
  std::string out;
  append_csv_field(out, cell, separator);
  return out;
}

std::string json_value(const Value& v) {
  std::string out;
  append_json(out, v);
  return out;
}

}  // namespace cso::cli
