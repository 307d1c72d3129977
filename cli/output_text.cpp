// Text for people: neutralising control characters, colour, and terminal widths.
#include <cstdint>

#include "cli/output.h"

namespace cso::cli {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

enum class CellMode { keep_layout, one_line };

struct Decoded {
  std::uint32_t cp = 0;
  std::size_t len = 0;  ///< 0 when the bytes at the position are not well-formed UTF-8
};

/// Decodes one well-formed UTF-8 sequence (no overlongs, surrogates or values past U+10FFFF).
Decoded decode(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<std::uint8_t>(text[i]);
  if (b0 < 0x80) {
    return {b0, 1};
  }
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07u;
  } else {
    return {};
  }
  if (i + len > text.size()) {
    return {};
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<std::uint8_t>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      return {};
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    return {};
  }
  return {cp, len};
}

/// True when `text` can be shown as it is: printable ASCII, plus tab and newline unless one_line.
bool is_plain(std::string_view text, CellMode mode) {
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F) {
      continue;
    }
    if (mode == CellMode::keep_layout && (c == '\t' || c == '\n')) {
      continue;
    }
    return false;
  }
  return true;
}

std::string neutralise(std::string_view text, CellMode mode) {
  if (is_plain(text, mode)) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u < 0x80) {
      const char c = text[i];
      ++i;
      if (c == '\t' || c == '\n' || (c == '\r' && mode == CellMode::one_line)) {
        out.push_back(mode == CellMode::one_line ? ' ' : c);
      } else if (u < 0x20) {
        out.push_back('^');
        out.push_back(static_cast<char>(u + 0x40));
      } else if (u == 0x7F) {
        out.append("^?");
      } else {
        out.push_back(c);
      }
      continue;
    }
    const Decoded d = decode(text, i);
    if (d.len == 0) {
      out.append(k_replacement);
      ++i;
      continue;
    }
    // C1 controls (U+009B is CSI), and the bidirectional embeddings, overrides and isolates,
    // which make text read in an order other than the one it is stored in.
    if (d.cp <= 0x9F || (d.cp >= 0x202A && d.cp <= 0x202E) || (d.cp >= 0x2066 && d.cp <= 0x2069)) {
      out.append(k_replacement);
    } else {
      out.append(text.substr(i, d.len));
    }
    i += d.len;
  }
  return out;
}

struct Range {
  std::uint32_t first;
  std::uint32_t last;
};

// East Asian Wide and Fullwidth blocks, and the emoji most often met; a simplified table.
constexpr Range k_wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
    {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
    {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

// Combining marks and zero-width characters take no column of their own.
constexpr Range k_zero[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},   {0x064B, 0x065F},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064},   {0x20D0, 0x20FF},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

bool in_ranges(std::uint32_t cp, const Range* first, const Range* last) {
  for (const Range* r = first; r != last; ++r) {
    if (cp < r->first) {
      return false;  // the tables are sorted
    }
    if (cp <= r->last) {
      return true;
    }
  }
  return false;
}

std::size_t code_point_width(std::uint32_t cp) {
  if (cp < 0x300) {
    return 1;
  }
  if (in_ranges(cp, std::begin(k_zero), std::end(k_zero))) {
    return 0;
  }
  return in_ranges(cp, std::begin(k_wide), std::end(k_wide)) ? 2 : 1;
}

std::string_view style_code(Style style) {
  switch (style) {
    case Style::none:
      return "";
    case Style::bold:
      return "\x1b[1m";
    case Style::dim:
      return "\x1b[2m";
    case Style::green:
      return "\x1b[32m";
    case Style::yellow:
      return "\x1b[33m";
    case Style::red:
      return "\x1b[31m";
    case Style::magenta:
      return "\x1b[35m";
    case Style::cyan:
      return "\x1b[36m";
  }
  return "";
}

}  // namespace

std::string sanitize(std::string_view text) {
  return neutralise(text, CellMode::keep_layout);
}

std::string sanitize_cell(std::string_view text) {
  return neutralise(text, CellMode::one_line);
}

std::string paint(std::string_view text, Style style, bool color) {
  const std::string_view code = style_code(style);
  if (!color || code.empty()) {
    return std::string(text);
  }
  std::string out;
  out.reserve(code.size() + text.size() + 4);
  out.append(code);
  out.append(text);
  out.append("\x1b[0m");
  return out;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++width;
      ++i;
      continue;
    }
    const Decoded d = decode(text, i);
    if (d.len == 0) {
      ++width;  // shown as U+FFFD once sanitised
      ++i;
      continue;
    }
    width += code_point_width(d.cp);
    i += d.len;
  }
  return width;
}

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  out.append(width - std::min(width, display_width(text)), ' ');
  return out;
}

}  // namespace cso::cli
