// Layout for people: columns aligned and, on a terminal, narrowed to fit; records as
// "name: value" lines. Every text cell is neutralised first (SPEC §2).
#include "cli/output_table.h"

#include <algorithm>
#include <ostream>

namespace cso::cli {
namespace {

constexpr std::size_t k_gap = 2;        ///< spaces between table columns
constexpr std::size_t k_min_width = 6;  ///< a narrowed column keeps at least this, and its header
constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";

/// What a cell shows in human-readable output: "-" for null, neutralised one-line text.
std::string display_text(const Value& v) {
  if (const auto* text = std::get_if<std::string>(&v)) {
    return sanitize_cell(*text);
  }
  if (const auto* number = std::get_if<std::int64_t>(&v)) {
    return std::to_string(*number);
  }
  return "-";
}

/// Cuts sanitised (hence well-formed UTF-8) text to `width` columns, ending in "…".
std::string truncate(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) {
    return text;
  }
  std::size_t used = 0;
  std::size_t end = 0;
  while (end < text.size()) {
    const auto lead = static_cast<unsigned char>(text[end]);
    const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const std::size_t w = display_width(std::string_view(text).substr(end, len));
    if (used + w + 1 > width) {
      break;
    }
    used += w;
    end += len;
  }
  std::string out = text.substr(0, end);
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();  // "long title…", not "long …"
  }
  out.append(k_ellipsis);
  return out;
}

/// Narrows the widest text columns, except the `whole` ones, until the table fits `terminal_width`.
void fit_widths(std::vector<std::size_t>& widths, const std::vector<std::size_t>& floors,
                const std::vector<bool>& whole, std::size_t terminal_width) {
  std::size_t total = k_gap * (widths.size() - 1);
  for (const std::size_t w : widths) {
    total += w;
  }
  while (total > terminal_width) {
    std::size_t widest = widths.size();
    std::size_t runner_up = 0;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      if (whole[c] || widths[c] <= floors[c]) {
        continue;
      }
      if (widest == widths.size() || widths[c] > widths[widest]) {
        if (widest != widths.size()) {
          runner_up = std::max(runner_up, widths[widest]);
        }
        widest = c;
      } else {
        runner_up = std::max(runner_up, widths[c]);
      }
    }
    if (widest == widths.size()) {
      return;  // nothing left to narrow: the terminal wraps
    }
    // Down to the next widest column at most, so ties shrink together.
    const std::size_t keep = std::max(floors[widest], runner_up);
    const std::size_t cut = widths[widest] > keep ? std::min(total - terminal_width, widths[widest] - keep) : 1;
    widths[widest] -= cut;
    total -= cut;
  }
}

void append_padded(std::string& line, const std::string& text, std::size_t width, bool right, bool last, Style style,
                   bool color) {
  const std::size_t pad = width - std::min(width, display_width(text));
  if (right) {
    line.append(pad, ' ');
  }
  line.append(paint(text, style, color));
  if (!right && !last) {
    line.append(pad, ' ');
  }
  if (!last) {
    line.append(k_gap, ' ');
  }
}

}  // namespace

void write_table(std::ostream& out, const OutputOptions& opts, const std::vector<std::string>& columns,
                 const std::vector<std::vector<Cell>>& rows) {
  const std::size_t n = columns.size();
  if (n == 0) {
    return;
  }
  std::vector<bool> numeric(n, false);
  std::vector<bool> whole(n, false);  ///< integers, IDs, dates, instants: never cut
  std::vector<std::size_t> widths(n, 0);
  std::vector<std::size_t> floors(n, 0);
  std::vector<std::string> header(n);
  for (std::size_t c = 0; c < n; ++c) {
    header[c] = sanitize_cell(columns[c]);
    widths[c] = display_width(header[c]);
    floors[c] = std::max(widths[c], k_min_width);
    bool any_integer = false;
    bool any_text = false;
    bool any_whole = false;
    for (const auto& row : rows) {
      any_integer = any_integer || std::holds_alternative<std::int64_t>(row[c].value);
      any_text = any_text || std::holds_alternative<std::string>(row[c].value);
      any_whole = any_whole || row[c].whole;
    }
    numeric[c] = any_integer && !any_text;
    whole[c] = numeric[c] || any_whole;
  }
  std::vector<std::vector<std::string>> texts;
  texts.reserve(rows.size());
  for (const auto& row : rows) {
    auto& line = texts.emplace_back();
    line.reserve(n);
    for (std::size_t c = 0; c < n; ++c) {
      line.push_back(display_text(row[c].value));
      widths[c] = std::max(widths[c], display_width(line.back()));
    }
  }
  if (opts.terminal_width > 0) {
    fit_widths(widths, floors, whole, static_cast<std::size_t>(opts.terminal_width));
  }
  std::string line;
  for (std::size_t c = 0; c < n; ++c) {
    append_padded(line, truncate(header[c], widths[c]), widths[c], numeric[c], c + 1 == n, Style::bold, opts.color);
  }
  line.push_back('\n');
  out.write(line.data(), static_cast<std::streamsize>(line.size()));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    line.clear();
    for (std::size_t c = 0; c < n; ++c) {
      append_padded(line, truncate(texts[r][c], widths[c]), widths[c], numeric[c], c + 1 == n, rows[r][c].style,
                    opts.color);
    }
    line.push_back('\n');
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  }
}

void write_fields(std::ostream& out, const OutputOptions& opts, const std::vector<std::string>& columns,
                  const std::vector<Cell>& cells) {
  std::size_t name_width = 0;
  for (const auto& name : columns) {
    name_width = std::max(name_width, display_width(sanitize_cell(name)));
  }
  std::string text;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string name = sanitize_cell(columns[i]);
    text.append(paint(name + ":", Style::bold, opts.color));
    const Value& v = cells[i].value;
    const std::string value =
        std::holds_alternative<std::string>(v) ? sanitize(std::get<std::string>(v)) : display_text(v);
    std::size_t start = 0;
    bool first = true;
    while (true) {
      const std::size_t nl = value.find('\n', start);
      const std::string_view part = std::string_view(value).substr(start, nl == std::string::npos ? nl : nl - start);
      if (!part.empty()) {
        const std::size_t indent = first ? name_width - display_width(name) + 1 : name_width + 2;
        text.append(indent, ' ');
        text.append(paint(part, cells[i].style, opts.color));
      }
      text.push_back('\n');
      if (nl == std::string::npos) {
        break;
      }
      start = nl + 1;
      first = false;
    }
  }
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace cso::cli
