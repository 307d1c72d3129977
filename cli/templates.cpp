#include "cli/templates.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <limits>
#include <mstch/mstch.hpp>
#include <set>
#include <sstream>

#include "cli/output.h"
#include "cli/values.h"
#include "core/error.h"
#include "embedded/templates.h"

namespace cso::cli {
namespace {

constexpr std::string_view k_suffix = ".mustache";

std::string read_template(const std::string& path) {
  std::ifstream in = open_input(path, "template");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool is_name(std::string_view name) {
  return !name.empty() && name.find_first_of(" \t\r\n") == std::string_view::npos;
}

std::size_t line_at(std::string_view text, std::size_t pos) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

mstch::node node_of(const Data& d) {
  if (const auto* text = d.text()) {
    return *text;
  }
  if (const auto* n = d.integer()) {
    if (*n >= std::numeric_limits<int>::min() && *n <= std::numeric_limits<int>::max()) {
      return static_cast<int>(*n);
    }
    return std::to_string(*n);
  }
  if (const auto* flag = d.flag()) {
    return *flag;
  }
  if (const auto* items = d.list()) {
    mstch::array out;
    out.reserve(items->size());
    for (const Data& item : *items) {
      out.push_back(node_of(item));
    }
    return out;
  }
  if (const auto* members = d.members()) {
    mstch::map out;
    for (const auto& [key, value] : *members) {
      out.emplace(key, node_of(value));
    }
    return out;
  }
  return nullptr;
}

/// Sets mstch's escape function (a global) for one render, and puts the previous one back.
class EscapeFor {
 public:
  explicit EscapeFor(std::string_view format) : m_previous(mstch::config::escape) {
    mstch::config::escape = [format = std::string(format)](const std::string& value) {
      return escape_for(format, value);
    };
  }
  ~EscapeFor() { mstch::config::escape = m_previous; }
  EscapeFor(const EscapeFor&) = delete;
  EscapeFor& operator=(const EscapeFor&) = delete;

 private:
  std::function<std::string(const std::string&)> m_previous;
};

std::string html_escaped(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 16);
  for (const char c : sanitize(value)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

/// Safe in a Markdown table cell and in running text: nothing in it starts a heading, closes a
/// cell, opens code or becomes HTML, and a line break stays inside the cell.
std::string markdown_escaped(std::string_view value) {
  const std::string clean = sanitize(value);
  std::string out;
  out.reserve(clean.size() + 16);
  for (const char c : clean) {
    switch (c) {
      case '\\':
      case '|':
      case '`':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '#':
        out += out.empty() ? "\\#" : "#";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string problem_in(const TemplateFile& file, const std::string& why) {
  return file.origin == "built-in" ? fmt::format("built-in template {}{}: {}", file.name, k_suffix, why)
                                   : fmt::format("template {}: {}", file.origin, why);
}

}  // namespace

bool is_template_format(std::string_view format) {
  return format == "md" || format == "html" || format == "txt" || format == "csv";
}

Templates::Templates(std::vector<std::string> dirs) : m_dirs(std::move(dirs)) {}

std::optional<TemplateFile> Templates::find(std::string_view name, std::string_view format) const {
  const std::string base = std::string(name) + "." + std::string(format);
  for (const std::string& dir : m_dirs) {
    const std::string path = dir + "/" + base + std::string(k_suffix);
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) {
      return TemplateFile{base, path, read_template(path)};
    }
  }
  for (const embedded::File& f : embedded::templates) {
    if (f.name.size() == base.size() + k_suffix.size() && f.name.substr(0, base.size()) == base) {
      return TemplateFile{base, "built-in", std::string(f.bytes)};
    }
  }
  return std::nullopt;
}

std::optional<std::string> template_problem(std::string_view text, std::vector<std::string>* partials) {
  struct Open {
    std::string name;
    std::size_t line;
  };
  std::vector<Open> sections;
  std::string open = "{{";
  std::string close = "}}";
  std::size_t i = 0;
  const auto at = [&](std::size_t pos, const std::string& why) {
    return fmt::format("line {}: {}", line_at(text, pos), why);
  };
  while (true) {
    const std::size_t start = text.find(open, i);
    if (start == std::string_view::npos) {
      break;
    }
    std::size_t body = start + open.size();
    if (open == "{{" && body < text.size() && text[body] == '{') {  // {{{name}}}
      const std::size_t end = text.find("}}}", body);
      if (end == std::string_view::npos) {
        return at(start, "'{{{' is not closed by '}}}'");
      }
      if (!is_name(trimmed(text.substr(body + 1, end - body - 1)))) {
        return at(start, "a '{{{ }}}' tag needs one name");
      }
      i = end + 3;
      continue;
    }
    const std::size_t end = text.find(close, body);
    if (end == std::string_view::npos) {
      return at(start, fmt::format("'{}' is not closed by '{}'", open, close));
    }
    const std::string_view tag = trimmed(text.substr(body, end - body));
    i = end + close.size();
    const char sigil = tag.empty() ? '\0' : tag.front();
    const std::string_view name = trimmed(tag.substr(sigil == '\0' ? 0 : 1));
    switch (sigil) {
      case '!':
        break;
      case '=': {
        const std::string_view inner =
            tag.size() >= 2 && tag.back() == '=' ? trimmed(tag.substr(1, tag.size() - 2)) : std::string_view{};
        const std::size_t gap = inner.find_first_of(" \t");
        const std::string_view left = gap == std::string_view::npos ? std::string_view{} : inner.substr(0, gap);
        const std::string_view right = gap == std::string_view::npos ? std::string_view{} : trimmed(inner.substr(gap));
        if (!is_name(left) || !is_name(right) || left.find('=') != std::string_view::npos ||
            right.find('=') != std::string_view::npos) {
          return at(start, "a delimiter change is written {{=OPEN CLOSE=}}, two delimiters without '=' or spaces");
        }
        open = std::string(left);
        close = std::string(right);
        break;
      }
      case '#':
      case '^':
        if (!is_name(name)) {
          return at(start, fmt::format("a section tag '{}{}' needs one name", open, sigil));
        }
        sections.push_back(Open{std::string(name), line_at(text, start)});
        break;
      case '/':
        if (sections.empty()) {
          return at(start, fmt::format("'{}/{}{}' closes no section", open, name, close));
        }
        if (sections.back().name != name) {
          return at(start, fmt::format("'{}/{}{}' closes section '{}', opened on line {}", open, name, close,
                                       sections.back().name, sections.back().line));
        }
        sections.pop_back();
        break;
      case '>':
        if (!is_name(name)) {
          return at(start, "a partial tag needs one name");
        }
        if (partials != nullptr) {
          partials->emplace_back(name);
        }
        break;
      case '&':
        if (!is_name(name)) {
          return at(start, "a '&' tag needs one name");
        }
        break;
      default:
        if (!is_name(tag)) {
          return at(start, tag.empty() ? std::string("an empty tag") : fmt::format("'{}' is not one name", tag));
        }
    }
  }
  if (!sections.empty()) {
    return fmt::format("line {}: section '{}' is not closed", sections.back().line, sections.back().name);
  }
  return std::nullopt;
}

std::string render(const std::string& text, const Data& data, std::string_view format,
                   const std::map<std::string, std::string>& partials) {
  const EscapeFor escape(format);
  return mstch::render(text, node_of(data), partials);
}

std::string render_template(const Templates& templates, const TemplateFile& file, const Data& data,
                            std::string_view format) {
  std::map<std::string, std::string> partials;
  std::set<std::string> seen{file.name};
  std::vector<TemplateFile> pending{file};
  while (!pending.empty()) {
    const TemplateFile current = std::move(pending.back());
    pending.pop_back();
    std::vector<std::string> included;
    if (const auto problem = template_problem(current.text, &included)) {
      throw usage_error("{}", problem_in(current, *problem));
    }
    for (const std::string& name : included) {
      if (!seen.insert(name + "." + std::string(format)).second) {
        continue;
      }
      auto partial = templates.find(name, format);
      if (!partial) {
        throw usage_error("{}", problem_in(current, fmt::format("it includes the partial '{}', but there is no {}.{}{}",
                                                                name, name, format, k_suffix)));
      }
      partials.emplace(name, partial->text);
      pending.push_back(std::move(*partial));
    }
  }
  return render(file.text, data, format, partials);
}

std::string escape_for(std::string_view format, std::string_view value) {
  if (format == "csv") {
    return csv_field(Cell{Value{std::string(value)}}, ',');
  }
  // A Windows line end is one line end for a reader (sanitize would show the CR as ^M).
  std::string lines(value);
  for (std::size_t at = lines.find("\r\n"); at != std::string::npos; at = lines.find("\r\n", at)) {
    lines.erase(at, 1);
  }
  if (format == "html") {
    return html_escaped(lines);
  }
  if (format == "md") {
    return markdown_escaped(lines);
  }
  return sanitize(lines);
}

}  // namespace cso::cli
