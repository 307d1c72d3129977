// Reads the TOML configuration layers (SPEC §7). This is the only file that includes toml++.
// toml++ 3.3 checks its parser's preconditions with assertions that fire on malformed input
// (`[&`); under NDEBUG it turns them into optimiser assumptions instead, which is worse. So it
// is compiled header-only here, in this one translation unit, with both switched off: the
// parser then reports those inputs as ordinary syntax errors (tests/config-corpus, the fuzzer).
#include "cli/config_file.h"

#include "core/error.h"

#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
#define TOML_ENABLE_FORMATTERS 0
#define TOML_ASSERT(expr) static_assert(true)
#include <toml++/impl/preprocessor.h>  // defines TOML_ASSERT_ASSUME unconditionally; override it
#undef TOML_ASSERT_ASSUME
#define TOML_ASSERT_ASSUME(expr) static_assert(true)
#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>
#include <span>

namespace cso::cli {
namespace {

constexpr std::size_t k_max_dots = 1000;
constexpr std::size_t k_max_shown = 60;  ///< longest value echoed in a message, in bytes

/// Length of the well-formed UTF-8 sequence at text[i], or 0 if it is not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char b0 = byte(0);
  const std::size_t n = b0 < 0x80 ? 1 : b0 < 0xC2 ? 0 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : b0 < 0xF5 ? 4 : 0;
  if (n == 0 || i + n > text.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(k) & 0xC0) != 0x80) {
      return 0;
    }
  }
  const bool overlong_or_surrogate = (b0 == 0xE0 && byte(1) < 0xA0) || (b0 == 0xED && byte(1) > 0x9F) ||
                                     (b0 == 0xF0 && byte(1) < 0x90) || (b0 == 0xF4 && byte(1) > 0x8F);
  return overlong_or_surrogate ? 0 : n;
}

bool is_c1(std::string_view text, std::size_t i, std::size_t n) {
  return n == 2 && static_cast<unsigned char>(text[i]) == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
}

/// Neutralises a message for the terminal the way output does (cli/output.h): C0 as caret
/// notation, DEL as ^?, C1 and invalid UTF-8 as U+FFFD. Paths and toml++'s texts pass here.
std::string printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    if (n == 0 || is_c1(text, i, n)) {
      out += "\xEF\xBF\xBD";
    } else if (c < 0x20 || c == 0x7F) {
      out += '^';
      out += static_cast<char>(c ^ 0x40);
    } else {
      out.append(text, i, n);
    }
    i += n == 0 ? 1 : n;
  }
  return out;
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    if (n == 0) {
      out += "\\uFFFD";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F || is_c1(text, i, n)) {
      const unsigned code = n == 2 ? static_cast<unsigned char>(text[i + 1]) : c;
      out += fmt::format("\\u{:04X}", code);
    } else {
      out.append(text, i, n);
    }
    i += n == 0 ? 1 : n;
  }
  return out + "\"";
}

/// A value echoed in a message, clipped at a character boundary.
std::string shown(std::string_view text) {
  if (text.size() <= k_max_shown) {
    return quoted(text);
  }
  std::size_t end = k_max_shown;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  return quoted(text.substr(0, end)) + "...";
}

bool is_bare_key(std::string_view key) {
  const auto bare = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  };
  return !key.empty() && std::all_of(key.begin(), key.end(), bare);
}

std::string key_segment(std::string_view key) {
  return is_bare_key(key) ? std::string(key) : quoted(key);
}

std::string join(std::string_view parent, std::string_view key) {
  return parent.empty() ? key_segment(key) : fmt::format("{}.{}", parent, key_segment(key));
}

[[noreturn]] void fail_at(const std::string& source, const toml::source_region& at, std::string_view message) {
  if (at.begin.line == 0) {
    throw Error(ExitCode::usage, printable(fmt::format("{}: {}", source, message)));
  }
  throw Error(ExitCode::usage,
              printable(fmt::format("{}:{}:{}: {}", source, at.begin.line, at.begin.column, message)));
}

/// toml++ says "Error while parsing key: expected …"; cso says "syntax error in key: expected …".
std::string syntax_message(std::string_view description) {
  constexpr std::string_view prefix = "Error while parsing ";
  constexpr std::string_view jargon = " (TOML_MAX_NESTED_VALUES)";
  std::string text(description);
  if (const auto at = text.find(jargon); at != std::string::npos) {
    text.erase(at, jargon.size());
  }
  if (text.starts_with(prefix)) {
    return fmt::format("syntax error in {}", text.substr(prefix.size()));
  }
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return fmt::format("syntax error: {}", text);
}

enum class Lex { normal, comment, basic, literal, multi_basic, multi_literal };

/// toml++ 3.3 recurses once per nesting level when it finishes and frees a document, so a key
/// `a.a.a…` of ~20,000 parts overflows the stack. toml++ caps bracket nesting (256); this caps
/// dotted nesting, conservatively, by counting the dots outside strings and comments.
/// Returns the offset of the first dot over the limit.
std::optional<std::size_t> find_excess_dot(std::string_view text) {
  std::size_t dots = 0;
  Lex state = Lex::normal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool triple = (c == '"' && text.substr(i, 3) == R"(""")") || (c == '\'' && text.substr(i, 3) == "'''");
    if (state == Lex::normal) {
      if (c == '#') {
        state = Lex::comment;
      } else if (c == '"' || c == '\'') {
        state = c == '"' ? (triple ? Lex::multi_basic : Lex::basic) : (triple ? Lex::multi_literal : Lex::literal);
        i += triple ? 2 : 0;
      } else if (c == '.' && ++dots > k_max_dots) {
        return i;
      }
    } else if ((state == Lex::basic || state == Lex::multi_basic) && c == '\\') {
      ++i;
    } else if (state == Lex::multi_basic || state == Lex::multi_literal) {
      if (triple && c == (state == Lex::multi_basic ? '"' : '\'')) {
        while (i + 1 < text.size() && text[i + 1] == c) {
          ++i;
        }
        state = Lex::normal;
      }
    } else if (c == '\n' || (state == Lex::basic && c == '"') || (state == Lex::literal && c == '\'')) {
      state = Lex::normal;
    }
  }
  return std::nullopt;
}

toml::source_region region_of(std::string_view text, std::size_t offset) {
  toml::source_region at;
  at.begin.line = 1;
  at.begin.column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++at.begin.line;
      at.begin.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.begin.column;
    }
  }
  return at;
}

/// One value being applied: the node, its last key segment, the enclosing table's key
/// segment, its dotted path for messages, and the file it came from.
struct Value {
  const toml::node& node;
  std::string_view name;
  std::string_view parent;
  std::string path;
  const std::string& source;
};

[[noreturn]] void fail(const Value& v, std::string_view message) {
  fail_at(v.source, v.node.source(), message);
}

std::string_view describe_type(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::array: return "an array";
    case toml::node_type::table: return "a table";
    case toml::node_type::none: break;
  }
  return "nothing";
}

[[noreturn]] void fail_must_be(const Value& v, std::string_view what, std::string_view got) {
  fail(v, fmt::format("{} must be {}, not {}", v.path, what, got));
}

std::int64_t read_integer(const Value& v, std::int64_t low, std::int64_t high, std::string_view what) {
  const auto* integer = v.node.as_integer();
  if (integer == nullptr) {
    fail_must_be(v, what, describe_type(v.node));
  }
  const std::int64_t n = integer->get();
  if (n < low || n > high) {
    fail_must_be(v, what, std::to_string(n));
  }
  return n;
}

const std::string& read_string(const Value& v, std::string_view what) {
  const auto* text = v.node.as_string();
  if (text == nullptr) {
    fail_must_be(v, what, describe_type(v.node));
  }
  return text->get();
}

Duration read_duration(const Value& v) {
  const std::string& text = read_string(v, "a duration like \"90d\" (Nh, Nd, Nw, Nm or Ny)");
  try {
    return parse_duration(text, v.path);
  } catch (const Error& e) {
    fail(v, e.what());
  }
}

using Apply = void (*)(Config&, const Value&);
struct Setting {
  std::string_view name;
  Apply apply;
};

[[noreturn]] void fail_unknown_key(const Value& table, const toml::key& key, std::span<const Setting> known) {
  std::string names;
  for (const Setting& s : known) {
    names += names.empty() ? "" : ", ";
    names += s.name;
  }
  const std::string where = table.path.empty() ? "known top-level keys" : fmt::format("known keys in [{}]", table.path);
  fail_at(table.source, key.source(), fmt::format("unknown key '{}'; {}: {}", join(table.path, key.str()), where, names));
}

void apply_table(Config& config, const Value& v, std::span<const Setting> settings) {
  const toml::table* table = v.node.as_table();
  if (table == nullptr) {
    fail_must_be(v, "a table", describe_type(v.node));
  }
  for (auto&& [entry_key, node] : *table) {
    const toml::key& key = entry_key;  // a lambda may not capture a structured binding in clang 14
    const auto setting = std::find_if(settings.begin(), settings.end(),
                                      [&](const Setting& s) { return s.name == key.str(); });
    if (setting == settings.end()) {
      fail_unknown_key(v, key, settings);
    }
    setting->apply(config, Value{node, key.str(), v.name, join(v.path, key.str()), v.source});
  }
}

template <const auto& settings>
void apply_section(Config& config, const Value& v) {
  apply_table(config, v, settings);
}

bool is_handle(std::string_view text) {
  const auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; };
  return !text.empty() && allowed(text[0]) && text[0] != '.' && text[0] != '_' && text[0] != '-' &&
         std::all_of(text.begin(), text.end(), allowed);
}

void apply_handle(Config& config, const Value& v) {
  constexpr std::string_view what = "a handle ([a-z0-9][a-z0-9._-]*)";
  const std::string& handle = read_string(v, what);
  if (!handle.empty() && !is_handle(handle)) {  // "" unsets a handle set by an earlier file
    fail_must_be(v, what, shown(handle));
  }
  config.user_handle = handle;
}

void apply_matrix(Config& config, const Value& v) {
  config.risk_matrix = read_integer(v, 3, 6, "an integer from 3 to 6");
}

template <std::int64_t RiskBands::*member>
void apply_band(Config& config, const Value& v) {
  config.risk_bands.*member = read_integer(v, 1, std::numeric_limits<std::int64_t>::max(), "a positive integer");
}

constexpr Setting k_bands[] = {{"medium", apply_band<&RiskBands::medium>},
                               {"high", apply_band<&RiskBands::high>},
                               {"critical", apply_band<&RiskBands::critical>}};

void apply_bands(Config& config, const Value& v) {
  apply_table(config, v, k_bands);
  const RiskBands& b = config.risk_bands;
  if (b.medium >= b.high || b.high >= b.critical) {
    fail_must_be(v, "increasing (medium < high < critical)",
                 fmt::format("{{ medium = {}, high = {}, critical = {} }}", b.medium, b.high, b.critical));
  }
}

template <Duration Config::*member>
void apply_duration(Config& config, const Value& v) {
  config.*member = read_duration(v);
}

void apply_sla(Config& config, const Value& v) {
  config.incident_sla[std::string(v.name)] = read_duration(v);
}

void apply_severity(Config& config, const Value& v) {
  constexpr std::string_view what = R"("warning", "critical" or "off")";
  const std::string& text = read_string(v, what);
  const RuleSeverity severity = text == "warning"    ? RuleSeverity::warning
                                : text == "critical" ? RuleSeverity::critical
                                : text == "off"      ? RuleSeverity::off
                                                     : RuleSeverity::default_;
  if (severity == RuleSeverity::default_) {
    fail_must_be(v, what, shown(text));
  }
  config.rule_severity[std::string(v.parent)] = severity;
}

/// `word.word`: the rule registry checks later that the rule exists.
bool is_rule_id(std::string_view id) {
  const auto word = [](std::string_view w) {
    const auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; };
    return !w.empty() && w[0] >= 'a' && w[0] <= 'z' && std::all_of(w.begin(), w.end(), allowed);
  };
  const auto dot = id.find('.');
  return dot != std::string_view::npos && word(id.substr(0, dot)) && word(id.substr(dot + 1));
}

constexpr Setting k_rule[] = {{"severity", apply_severity}};

void apply_rules(Config& config, const Value& v) {
  const toml::table* rules = v.node.as_table();
  if (rules == nullptr) {
    fail_must_be(v, "a table of rules", describe_type(v.node));
  }
  for (auto&& [key, node] : *rules) {
    const Value rule{node, key.str(), v.name, join(v.path, key.str()), v.source};
    if (!is_rule_id(key.str())) {
      fail_at(v.source, key.source(),
              fmt::format("{} is not a rule id; rule ids look like \"risk.untreated\" (see cso help checks)", rule.path));
    }
    if (!node.is_table()) {
      fail_must_be(rule, "a table like { severity = \"off\" }", describe_type(node));
    }
    apply_table(config, rule, k_rule);
  }
}

constexpr Setting k_user[] = {{"handle", apply_handle}};
constexpr Setting k_risk[] = {{"matrix", apply_matrix},
                              {"bands", apply_bands},
                              {"review_every", apply_duration<&Config::risk_review_every>},
                              {"treat_within", apply_duration<&Config::risk_treat_within>}};
constexpr Setting k_policy[] = {{"review_every", apply_duration<&Config::policy_review_every>},
                                {"ack_within", apply_duration<&Config::policy_ack_within>}};
constexpr Setting k_sla[] = {{"sev1", apply_sla}, {"sev2", apply_sla}, {"sev3", apply_sla}, {"sev4", apply_sla}};
constexpr Setting k_incident[] = {{"sla", apply_section<k_sla>}};
constexpr Setting k_training[] = {{"due_within", apply_duration<&Config::training_due_within>}};
constexpr Setting k_check[] = {{"warn_within", apply_duration<&Config::check_warn_within>},
                               {"cert_warn_within", apply_duration<&Config::check_cert_warn_within>},
                               {"rules", apply_rules}};
constexpr Setting k_root[] = {{"user", apply_section<k_user>},         {"risk", apply_section<k_risk>},
                              {"policy", apply_section<k_policy>},     {"incident", apply_section<k_incident>},
                              {"training", apply_section<k_training>}, {"check", apply_section<k_check>}};

std::string read_file(const std::string& path) {
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) {
    throw Error(ExitCode::usage, printable(fmt::format("{}: cannot read config file: {}", path, std::strerror(errno))));
  }
  std::string text;
  char buffer[8192];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get())) {
    text.append(buffer, n);
  }
  if (std::ferror(file.get()) != 0) {
    throw Error(ExitCode::usage, printable(fmt::format("{}: cannot read config file: {}", path, std::strerror(errno))));
  }
  return text;
}

}  // namespace

void apply_config_text(Config& config, std::string_view text, const std::string& source) {
  if (const auto dot = find_excess_dot(text)) {
    fail_at(source, region_of(text, *dot),
            fmt::format("too deeply nested: more than {} dotted key parts in one file", k_max_dots));
  }
  const toml::parse_result parsed = toml::parse(text, std::string(source));
  if (parsed.failed()) {
    fail_at(source, parsed.error().source(), syntax_message(parsed.error().description()));
  }
  Config updated = config;
  apply_table(updated, Value{parsed.table(), "", "", "", source}, k_root);
  updated.sources.push_back(source);
  config = std::move(updated);
}

void apply_config_file(Config& config, const std::string& path) {
  apply_config_text(config, read_file(path), path);
}

}  // namespace cso::cli
