// Lists and records in every format (SPEC §2). json, jsonl, csv and tsv write each row as it
// comes, built in one reused buffer and written with a single call; table buffers the rows,
// because aligning columns needs them all (output_table.cpp lays them out).
#include "cli/output.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <exception>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>

#include "cli/output_table.h"
#include "core/error.h"

namespace cso::cli {
namespace {

/// The per-thread buffer a row is built in, so streaming a list reuses one allocation.
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

/// Sets `slot` to the JSON of `cell`, reusing the string it holds when it can (a list's rows
/// have the same shape, so streaming one allocates little).
void assign(Json& slot, const Cell& cell) {
  const auto* text = std::get_if<std::string>(&cell.value);
  if (cell.raw_json && text != nullptr) {
    // Already JSON (a journal entry's canonical data); text that does not parse stays a string.
    slot = Json::parse(*text, nullptr, false);
    if (slot.is_discarded()) {
      slot = *text;
    }
  } else if (text != nullptr && slot.is_string()) {
    slot.get_ref<std::string&>().assign(*text);
  } else {
    slot = json_of(cell.value);
  }
}

using Serializer = nlohmann::detail::serializer<Json>;

}  // namespace

/// The row object and a serializer appending to the row buffer, kept for the whole list.
struct RowWriter::JsonRow {
  Json object = Json::object();
  std::string buffer;
  Serializer serializer{nlohmann::detail::output_adapter<char>(buffer), ' ', Json::error_handler_t::replace};
};

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
    : m_out(out), m_opts(opts), m_columns(std::move(columns)) {
  if (m_opts.format == Format::json || m_opts.format == Format::jsonl) {
    m_json = std::make_unique<JsonRow>();
    for (const auto& c : m_columns) {
      m_json->object[c] = nullptr;
    }
  }
}

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
  if (m_json) {
    std::size_t i = 0;
    for (auto& slot : m_json->object) {
      assign(slot, cells[i++]);
    }
    std::string& buffer = m_json->buffer;
    buffer.clear();
    if (m_opts.format == Format::json) {
      buffer.append(m_rows == 0 ? "[\n" : ",\n");
    }
    m_json->serializer.dump(m_json->object, false, false, 0);
    if (m_opts.format == Format::jsonl) {
      buffer.push_back('\n');
    }
    write_row(buffer);
    return;
  }
  std::string& buffer = scratch();
  switch (m_opts.format) {
    case Format::json:
    case Format::jsonl:
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
  write_row(buffer);
}

void RowWriter::write_row(const std::string& text) {
  m_out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!m_out) {
    flush_or_throw(m_out);  // stop at the first failed write, with its errno, not after the whole list
  }
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
  flush_or_throw(m_out);
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
      write_json(out, json_object(columns, cells), json_layout(opts.format));
      return;
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

std::string_view format_name(Format format) {
  constexpr std::string_view k_names[] = {"table", "json", "jsonl", "csv", "tsv"};
  return k_names[static_cast<std::size_t>(format)];
}

std::vector<std::string_view> FormatSet::list() const {
  std::vector<std::string_view> names;
  for (const Format f : {Format::table, Format::json, Format::jsonl, Format::csv, Format::tsv}) {
    if (has(f)) {
      names.push_back(format_name(f));
    }
  }
  return names;
}

std::string FormatSet::names() const {
  const std::vector<std::string_view> names = list();
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += i == 0 ? "" : i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

void require_format(Format format, const FormatSet& formats, std::string_view command) {
  if (!formats.has(format)) {
    throw usage_error("--format {}: '{}' prints {}", format_name(format), command, formats.names());
  }
}

std::optional<std::string> flush_failure(std::ostream& out) {
  errno = out ? 0 : errno;  // a stream that failed earlier keeps the errno of its failed write
  out.flush();
  if (out) {
    return std::nullopt;
  }
  return errno != 0 ? std::string(std::strerror(errno)) : std::string("the stream is in a failed state");
}

void flush_or_throw(std::ostream& out) {
  if (const auto reason = flush_failure(out)) {
    throw runtime_error("cannot write to standard output: {}", *reason);
  }
}

std::string json_text(const Json& value, JsonLayout layout) {
  return value.dump(layout == JsonLayout::pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

void write_json(std::ostream& out, const Json& value, JsonLayout layout) {
  std::string text = json_text(value, layout);
  text.push_back('\n');
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

JsonLayout json_layout(Format format) {
  return format == Format::jsonl ? JsonLayout::compact : JsonLayout::pretty;
}

Json select_keys(Json object, std::string_view fields, std::string_view command) {
  if (fields.empty()) {
    return object;
  }
  Json out = Json::object();
  std::size_t start = 0;
  while (start <= fields.size()) {
    const std::size_t comma = std::min(fields.find(',', start), fields.size());
    const std::string key(fields.substr(start, comma - start));
    if (!object.contains(key)) {
      std::string keys;
      for (const auto& [name, value] : object.items()) {
        keys += (keys.empty() ? "" : ", ") + name;
      }
      throw usage_error("--fields: '{}' is not a key of '{}'; use {}", sanitize_cell(key), command, keys);
    }
    if (out.contains(key)) {
      throw usage_error("--fields: '{}' is given twice", key);
    }
    out[key] = std::move(object[key]);
    start = comma + 1;
  }
  return out;
}

Json json_of(const Value& v) {
  if (const auto* text = std::get_if<std::string>(&v)) {
    return *text;
  }
  if (const auto* number = std::get_if<std::int64_t>(&v)) {
    return *number;
  }
  return nullptr;
}

Json json_object(const std::vector<std::string>& columns, const std::vector<Cell>& cells) {
  check_width(columns, cells);
  Json out = Json::object();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    assign(out[columns[i]], cells[i]);
  }
  return out;
}

}  // namespace cso::cli
