#include "cli/fixture.h"

#include <cctype>
#include <optional>

#include "core/error.h"

namespace cso::cli {
namespace {

/// Thrown inside a line, caught by parse_fixture to add the file and line number.
struct Malformed {
  std::string why;
};

/// "-3d+4h" as seconds; nullopt if it is not one or more signed terms with d, h or m.
std::optional<std::int64_t> parse_offset(std::string_view s) {
  if (s.empty()) {
    return std::nullopt;
  }
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '+' && s[i] != '-') {
      return std::nullopt;
    }
    const std::int64_t sign = s[i] == '-' ? -1 : 1;
    std::size_t j = ++i;
    std::int64_t n = 0;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) != 0 && j - i < 6) {
      n = n * 10 + (s[j] - '0');
      ++j;
    }
    if (j == i || j >= s.size()) {
      return std::nullopt;
    }
    const char unit = s[j];
    const std::int64_t seconds = unit == 'd' ? 86400 : unit == 'h' ? 3600 : unit == 'm' ? 60 : 0;
    if (seconds == 0) {
      return std::nullopt;
    }
    total += sign * n * seconds;
    i = j + 1;
  }
  return total;
}

/// Replaces the token starting at `line[i]` ('{'); moves `i` past it.
std::string token(std::string_view line, std::size_t& i, Instant now) {
  const std::size_t close = line.find('}', i);
  if (close == std::string_view::npos) {
    throw Malformed{"'{' without '}' (write \\{ for a brace)"};
  }
  std::string_view inner = line.substr(i + 1, close - i - 1);
  const bool instant = !inner.empty() && inner.back() == '@';
  if (instant) {
    inner.remove_suffix(1);
  }
  const auto offset = parse_offset(inner);
  if (!offset) {
    throw Malformed{fmt::format("'{{{}}}' is not a token; use {{+30d}}, {{-2d+4h}} or {{-6h@}}",
                                line.substr(i + 1, close - i - 1))};
  }
  i = close + 1;
  return instant ? format_instant(now + *offset) : format_date(now + *offset);
}

char escaped(char c) {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case '\\':
    case '"':
    case '{':
      return c;
    default:
      throw Malformed{fmt::format("'\\{}' is not an escape inside \"…\"; use \\n \\t \\\\ \\\" or \\{{", c)};
  }
}

/// The words of one line, quotes removed, tokens replaced; a `#` word ends the line.
std::vector<std::string> split_words(std::string_view line, Instant now) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (true) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
      ++i;
    }
    if (i == line.size() || line[i] == '#') {
      return words;
    }
    std::string word;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
      const char c = line[i];
      if (c == '\'') {
        const std::size_t close = line.find('\'', i + 1);
        if (close == std::string_view::npos) {
          throw Malformed{"a ' without its closing '"};
        }
        word.append(line.substr(i + 1, close - i - 1));
        i = close + 1;
      } else if (c == '"') {
        ++i;
        while (i < line.size() && line[i] != '"') {
          if (line[i] == '\\' && i + 1 < line.size()) {
            word += escaped(line[i + 1]);
            i += 2;
          } else if (line[i] == '{') {
            word += token(line, i, now);
          } else {
            word += line[i++];
          }
        }
        if (i == line.size()) {
          throw Malformed{"a \" without its closing \""};
        }
        ++i;
      } else if (c == '\\') {
        if (i + 1 == line.size()) {
          throw Malformed{"a backslash at the end of the line (lines do not continue)"};
        }
        word += line[i + 1];
        i += 2;
      } else if (c == '{') {
        word += token(line, i, now);
      } else {
        word += c;
        ++i;
      }
    }
    words.push_back(std::move(word));
  }
}

}  // namespace

std::vector<FixtureLine> parse_fixture(std::string_view text, Instant now, std::string_view name) {
  std::vector<FixtureLine> lines;
  int number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    FixtureLine parsed{number, now, {}};
    try {
      std::string_view rest = line;
      const std::size_t start = rest.find_first_not_of(" \t");
      if (start != std::string_view::npos && rest[start] == '@') {
        const std::size_t stop = rest.find_first_of(" \t", start);
        const auto offset = parse_offset(rest.substr(start + 1, stop - start - 1));
        if (!offset) {
          throw Malformed{fmt::format("'{}' is not a time prefix; use @-200d, @-3d+4h or @-6h+30m",
                                      rest.substr(start, stop - start))};
        }
        parsed.now = now + *offset;
        rest = stop == std::string_view::npos ? std::string_view{} : rest.substr(stop);
        parsed.args = split_words(rest, now);  // tokens stay relative to the fixture's now
        if (parsed.args.empty()) {
          throw Malformed{"a time prefix without a command"};
        }
      } else {
        parsed.args = split_words(rest, now);
      }
    } catch (const Malformed& m) {
      throw runtime_error("{} line {}: {}", name, number, m.why);
    }
    if (!parsed.args.empty()) {
      lines.push_back(std::move(parsed));
    }
  }
  return lines;
}

}  // namespace cso::cli
