#include "cli/man_page.h"

#include <fmt/format.h>

#include <cctype>

#include "cli/commands/help_topics.h"

namespace cso::cli {
namespace {

constexpr std::string_view k_description =
    R"(cso runs a security program from the terminal: the policies and their acknowledgements, the risk register, incidents, audits and findings, awareness training and the security staff, in one SQLite file, with compliance checks that cron can run and reports rendered from templates.
Every change is journalled in a hash chain that cso verify checks.
Records and results go to standard output in the format --format chooses; messages and errors go to standard error.
Global options are accepted before or after the command.
cso help TOPIC explains dates, formats, exit-codes, config, checks and templates.)";

/// ENVIRONMENT: variable, meaning.
constexpr std::pair<std::string_view, std::string_view> k_environment[] = {
    {"CSO_DB", "the database file, when --db is not given"},
    {"CSO_CONFIG", "an extra config file, read last, when --config is not given"},
    {"CSO_ACTOR",
     "who is acting, recorded in the journal, when --as is not given (else the config's user.handle, "
     "then USER)"},
    {"CSO_NOW",
     "fixes \"now\" (YYYY-MM-DD or RFC 3339) for every date computation: reproducible reports, back-dated "
     "entry, tests"},
    {"NO_COLOR", "when not empty, no colour whatever --color says"},
    {"XDG_CONFIG_HOME", "where the user's config.toml and templates/ are looked for (default ~/.config)"},
    {"XDG_DATA_HOME", "where the default database is (default ~/.local/share)"},
};

constexpr std::pair<std::string_view, std::string_view> k_files[] = {
    {".cso/cso.db", "the database of the nearest workspace, in the current directory or a parent (cso init --here)"},
    {"$XDG_DATA_HOME/cso/cso.db", "the default database (~/.local/share/cso/cso.db)"},
    {"$XDG_CONFIG_HOME/cso/config.toml", "the user's configuration, read first"},
    {".cso/config.toml", "the workspace's configuration, read after the user's"},
    {".cso/templates/, $XDG_CONFIG_HOME/cso/templates/", "report templates that override the built-in ones"},
};

constexpr std::pair<std::string_view, std::string_view> k_examples[] = {
    {"cso init --demo", "create the default database with a sample program"},
    {"id=$(cso risk add 'Vendor breach' --likelihood 3 --impact 4 --owner alice)", "add a risk and keep its ID"},
    {"cso risk list --level high,critical --format csv", "the high and critical risks as CSV"},
    {"cso check || mail -s 'cso check' ciso@example.com", "a cron job: the monitoring-plugin exit codes"},
    {"cso report board --format pdf --output board.pdf", "the board pack"},
    {"source <(cso completion bash)", "shell completion in the current bash"},
};

/// Text lines of at most 80 bytes where the words allow it (roff fills them again).
std::string line(std::string_view text) {
  const std::string escaped = roff_escape(text);
  std::string out;
  std::size_t width = 0;
  for (std::size_t at = 0; at <= escaped.size();) {
    const std::size_t end = std::min(escaped.find_first_of(" \n", at), escaped.size());
    const std::string_view word(escaped.data() + at, end - at);
    if (width > 0 && width + 1 + word.size() > 80) {
      out += '\n';
      width = 0;
    } else if (width > 0) {
      out += ' ';
      ++width;
    }
    if (width == 0 && !word.empty() && (word.front() == '.' || word.front() == '\'')) {
      out += "\\&";
      width += 2;
    }
    out += word;
    width += word.size();
    if (end < escaped.size() && escaped[end] == '\n') {
      out += '\n';
      width = 0;
    }
    at = end + 1;
  }
  if (out.empty() || out.back() != '\n') {
    out += '\n';
  }
  return out;
}

/// "cso risk add TITLE [ID]": the command and its arguments as a request line.
std::string usage(const CommandNode& node) {
  std::string out = ".B \"" + roff_escape("cso " + node.path) + "\"";
  for (const ArgumentNode& a : node.arguments) {
    std::string arg = a.required ? a.name : "[" + a.name + "]";
    if (a.many) {
      arg += "...";
    }
    out += "\n.I \"" + roff_escape(arg) + "\"";
  }
  return out + "\n";
}

std::string options(const std::vector<OptionNode>& options) {
  std::string out;
  for (const OptionNode& o : options) {
    std::string names;
    for (const std::string& n : o.names) {
      names += (names.empty() ? "" : ", ") + n;
    }
    out += ".TP\n";
    if (o.takes_value()) {
      std::string value = o.value_name;
      if (o.hint.kind == ValueHint::Kind::handles) {
        value = "HANDLE";
      } else if (o.hint.kind == ValueHint::Kind::ids) {
        value = o.hint.prefix + "-n";
      }
      out += ".BI \"" + roff_escape(names) + " \" \"" + roff_escape(value) + "\"";
    } else {
      out += ".B \"" + roff_escape(names) + "\"";
    }
    std::string description = o.description;
    if (o.hint.kind == ValueHint::Kind::choices) {
      std::string choices;
      for (const std::string& c : o.hint.choices) {
        choices += (choices.empty() ? "" : ", ") + c;
      }
      if (description.find(choices) == std::string::npos &&
          description.find(o.hint.choices.front()) == std::string::npos) {
        description += (description.empty() ? "" : "; ") + std::string("one of ") + choices;
      }
    }
    if (o.required) {
      description += " (required)";
    }
    out += "\n" + line(description.empty() ? "(no description)" : description);
  }
  return out;
}

/// One verb: its usage, summary, arguments and options; then its own verbs.
std::string verb(const CommandNode& node) {
  std::string out = ".SS \"" + roff_escape("cso " + node.path) + "\"\n" + usage(node) + ".br\n" + line(node.summary);
  for (const ArgumentNode& a : node.arguments) {
    out +=
        ".TP\n.I \"" + roff_escape(a.name) + "\"\n" + line(a.description.empty() ? "(no description)" : a.description);
  }
  out += options(node.options);
  for (const CommandNode& sub : node.subcommands) {
    out += verb(sub);
  }
  return out;
}

/// The exit-codes topic: "  N  meaning" lines as tagged paragraphs, the rest as paragraphs.
std::string exit_status() {
  const std::string_view text = help_topic("exit-codes").value_or("");
  std::string out;
  bool first = true;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view l = text.substr(start, end - start);
    start = end + 1;
    if (first) {  // the title
      first = false;
      continue;
    }
    const std::size_t indent = l.find_first_not_of(' ');
    if (indent == std::string_view::npos) {
      continue;
    }
    l.remove_prefix(indent);
    if (indent > 0 && std::isdigit(static_cast<unsigned char>(l.front())) != 0) {
      const std::size_t gap = l.find(' ');
      const std::size_t rest = l.find_first_not_of(' ', gap);
      out += ".TP\n.B " + roff_escape(l.substr(0, gap)) + "\n" +
             line(rest == std::string_view::npos ? "" : l.substr(rest));
    } else if (indent > 0) {
      out += line(l);
    } else {
      out += ".PP\n" + line(l);
    }
  }
  return out;
}

template <std::size_t N>
std::string tagged(const std::pair<std::string_view, std::string_view> (&items)[N], std::string_view font) {
  std::string out;
  for (const auto& [tag, text] : items) {
    out += ".TP\n." + std::string(font) + " \"" + roff_escape(tag) + "\"\n" + line(text);
  }
  return out;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

std::string roff_escape(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (line_start && (c == '.' || c == '\'')) {
      out += "\\&";
    }
    line_start = c == '\n';
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (c == '"') {
      out += "\\(dq";
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      // One UTF-8 sequence as its code point; a stray byte as U+FFFD.
      const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      char32_t cp = n == 4 ? c & 0x07u : n == 3 ? c & 0x0Fu : n == 2 ? c & 0x1Fu : 0xFFFDu;
      bool valid = n > 1 && i + n <= text.size();
      for (std::size_t k = 1; valid && k < n; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        valid = (b & 0xC0u) == 0x80u;
        cp = (cp << 6) | (b & 0x3Fu);
      }
      if (valid) {
        i += n - 1;
      } else {
        cp = 0xFFFD;
      }
      out += fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(cp));
    }
  }
  return out;
}

std::string man_page(const CommandNode& root) {
  std::string out = ".TH CSO 1 2026-12-01 \"cso 0.1.0\" \"User Commands\"\n";
  out += ".SH NAME\ncso \\- " + line(root.summary.substr(root.summary.find(':') + 2));
  out += ".SH SYNOPSIS\n.B cso\n.RI [ \"GLOBAL OPTIONS\" ]\n.I NOUN VERB\n.RI [ ARGS ]\n.RI [ OPTIONS ]\n";
  out += ".br\n.B cso\n.I COMMAND\n.RI [ ARGS ]\n.RI [ OPTIONS ]\n";
  out += ".SH DESCRIPTION\n" + line(k_description);
  out += ".SH OPTIONS\nThe global options, accepted by every command:\n" + options(root.options);
  std::string program;
  std::string nouns;
  for (const CommandNode& c : root.subcommands) {
    if (c.subcommands.empty()) {
      program += verb(c);
    } else {
      nouns += ".SH " + upper(roff_escape(c.name)) + "\n" + line(c.summary);
      for (const CommandNode& sub : c.subcommands) {
        nouns += verb(sub);
      }
    }
  }
  out += ".SH COMMANDS\nThe commands about the whole program.\n" + program + nouns;
  out += ".SH ENVIRONMENT\n" + tagged(k_environment, "B");
  out += ".SH FILES\n" + tagged(k_files, "I");
  out += ".SH EXIT STATUS\n" + exit_status();
  out += ".SH EXAMPLES\n" + tagged(k_examples, "B");
  out += ".SH SEE ALSO\n" + line("cso help TOPIC for dates, formats, exit-codes, config, checks and templates.");
  return out;
}

}  // namespace cso::cli
