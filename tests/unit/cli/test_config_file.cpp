#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/commands/help_topics.h"
#include "cli/config_file.h"
#include "core/check.h"
#include "core/config.h"
#include "core/error.h"

namespace {

using cso::Config;
using cso::Duration;
using cso::RuleSeverity;
using cso::cli::apply_config_text;

Config load(std::string_view text, Config config = {}) {
  apply_config_text(config, text, "c.toml");
  return config;
}

/// The message of the usage Error that applying `text` throws ("" if none).
std::string error_of(std::string_view text, Config config = {}) {
  try {
    apply_config_text(config, text, "c.toml");
  } catch (const cso::Error& e) {
    CHECK(e.code() == cso::ExitCode::usage);
    return e.what();
  }
  return "";
}

std::string value_of(const Config& config, std::string_view key) {
  for (const auto& entry : cso::config_entries(config)) {
    if (entry.key == key) {
      return entry.value;
    }
  }
  return "(missing)";
}

std::string read_bytes(const std::filesystem::path& path) {
  std::string text(std::filesystem::file_size(path), '\0');
  std::ifstream(path, std::ios::binary).read(text.data(), static_cast<std::streamsize>(text.size()));
  return text;
}

/// A fresh directory under the system temp dir, removed at the end of the test.
struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("cso-config-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, std::string_view text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

constexpr std::string_view k_every_key = R"(
[user]
handle = "bob"
[risk]
matrix = 6
bands = { medium = 7, high = 14, critical = 25 }
review_every = "2w"
treat_within = "10d"
[policy]
review_every = "1y"
ack_within = "5d"
[incident.sla]
sev1 = "1h"
sev2 = "2h"
sev3 = "3d"
sev4 = "4w"
[training]
due_within = "6w"
[check]
warn_within = "7d"
cert_warn_within = "3m"
[check.rules."risk.untreated"]
severity = "off"
[check.rules."journal.integrity"]
severity = "critical"
[check.rules."risk.treatment_overdue"]
severity = "warning"
)";

}  // namespace

TEST_CASE("config file: an empty file keeps the defaults and records its source") {
  const Config config = load("");
  CHECK(config.risk_matrix == 5);
  CHECK(config.risk_review_every == Duration{90, 'd'});
  CHECK(config.incident_sla.at("sev4") == Duration{14, 'd'});
  CHECK(config.user_handle.empty());
  CHECK(config.sources == std::vector<std::string>{"c.toml"});
}

TEST_CASE("config file: every key of SPEC §7") {
  const Config c = load(k_every_key);
  CHECK(c.user_handle == "bob");
  CHECK(c.risk_matrix == 6);
  CHECK(c.risk_bands.medium == 7);
  CHECK(c.risk_bands.high == 14);
  CHECK(c.risk_bands.critical == 25);
  CHECK(c.risk_review_every == Duration{2, 'w'});
  CHECK(c.risk_treat_within == Duration{10, 'd'});
  CHECK(c.policy_review_every == Duration{1, 'y'});
  CHECK(c.policy_ack_within == Duration{5, 'd'});
  CHECK(c.incident_sla.at("sev1") == Duration{1, 'h'});
  CHECK(c.incident_sla.at("sev2") == Duration{2, 'h'});
  CHECK(c.incident_sla.at("sev3") == Duration{3, 'd'});
  CHECK(c.incident_sla.at("sev4") == Duration{4, 'w'});
  CHECK(c.training_due_within == Duration{6, 'w'});
  CHECK(c.check_warn_within == Duration{7, 'd'});
  CHECK(c.check_cert_warn_within == Duration{3, 'm'});
  CHECK(c.rule_severity.at("risk.untreated") == RuleSeverity::off);
  CHECK(c.rule_severity.at("journal.integrity") == RuleSeverity::critical);
  CHECK(c.rule_severity.at("risk.treatment_overdue") == RuleSeverity::warning);
}

TEST_CASE("config file: a later file overrides an earlier one key by key") {
  Config c = load(k_every_key);
  apply_config_text(c, R"(
[risk]
matrix = 4
bands.high = 20
[incident.sla]
sev2 = "8h"
[check.rules."risk.untreated"]
severity = "warning"
[user]
handle = ""
)",
                    "later.toml");
  CHECK(c.risk_matrix == 4);
  CHECK(c.risk_bands.medium == 7);     // kept
  CHECK(c.risk_bands.high == 20);      // overridden
  CHECK(c.risk_bands.critical == 25);  // kept
  CHECK(c.risk_review_every == Duration{2, 'w'});
  CHECK(c.incident_sla.at("sev1") == Duration{1, 'h'});
  CHECK(c.incident_sla.at("sev2") == Duration{8, 'h'});
  CHECK(c.rule_severity.at("risk.untreated") == RuleSeverity::warning);
  CHECK(c.rule_severity.at("journal.integrity") == RuleSeverity::critical);
  CHECK(c.user_handle.empty());  // "" unsets
  CHECK(c.sources == std::vector<std::string>{"c.toml", "later.toml"});
}

TEST_CASE("config file: inline tables and dotted keys are the same settings") {
  const Config a = load("risk = { matrix = 3, bands = { medium = 2, high = 4, critical = 7 } }");
  const Config b = load("risk.matrix = 3\nrisk.bands.medium = 2\nrisk.bands.high = 4\nrisk.bands.critical = 7\n");
  CHECK(cso::config_entries(a).size() == cso::config_entries(b).size());
  CHECK(value_of(a, "risk.bands") == value_of(b, "risk.bands"));
  CHECK(value_of(a, "risk.matrix") == "3");
}

TEST_CASE("config file: reading files") {
  const TempDir dir;
  const std::string first = dir.write("first.toml", "[risk]\nmatrix = 3\n");
  const std::string second = dir.write("second.toml", "[policy]\nack_within = \"9d\"\n");
  Config c;
  cso::cli::apply_config_file(c, first);
  cso::cli::apply_config_file(c, second);
  CHECK(c.risk_matrix == 3);
  CHECK(c.policy_ack_within == Duration{9, 'd'});
  CHECK(c.sources == std::vector<std::string>{first, second});

  const std::string missing = (dir.path / "missing.toml").string();
  CHECK_THROWS_WITH_AS(cso::cli::apply_config_file(c, missing),
                       (missing + ": cannot read config file: No such file or directory").c_str(), cso::Error);
  CHECK_THROWS_WITH_AS(cso::cli::apply_config_file(c, dir.path.string()),
                       (dir.path.string() + ": cannot read config file: Is a directory").c_str(), cso::Error);
  const std::string broken = dir.write("broken.toml", "[risk]\nmatrix = 9\n");
  CHECK_THROWS_WITH_AS(cso::cli::apply_config_file(c, broken),
                       (broken + ":2:10: risk.matrix must be an integer from 3 to 6, not 9").c_str(), cso::Error);
}

TEST_CASE("config file: a syntax error names file, line and column") {
  CHECK(error_of("[risk]\nmatrix = [\n") == "c.toml:2:12: syntax error in array: encountered end-of-file");
  CHECK(error_of("[risk]\nmatrix = 5 6\n") ==
        "c.toml:2:12: syntax error in key-value pair: expected a comment or whitespace, saw '6'");
  CHECK(error_of("a = \"\xff\"") == "c.toml:1:5: syntax error: encountered invalid utf-8 sequence");
  CHECK(error_of("a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                 "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                 "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")
            .ends_with("syntax error in value: exceeded maximum nested value depth of 256"));
}

TEST_CASE("config file: inputs that trip toml++'s assertions or reach its 'unreachable' are errors") {
  for (const char* text : {"[&",
                           "[[&",
                           "[ &",
                           "a = 1\n[&",
                           "[[[1]]]",
                           "[[[a]]]",
                           "[[[]]",
                           "[[=",
                           "[=",
                           "[]",
                           "[[]]",
                           "[a.]",
                           "[.a]",
                           "a..b = 1",
                           "{",
                           "}",
                           "]",
                           "=",
                           "\"",
                           "'''",
                           "\\",
                           "[\"\\u\"]",
                           "\x80",
                           "a = \"\\ud800\"",
                           "a = \"\\U0010FFFF\\U00110000\"",
                           "a = 0x",
                           "a = 1979-05-27T",
                           "\u00e9 = 1",
                           "a = 1 \u044f",
                           "\ufecd",
                           "a = [1,\u2c6a]",
                           "a = \"\"\"\\\n\u00a7\"\"\"\nb = 1"}) {
    CAPTURE(text);
    CHECK(error_of(text).starts_with("c.toml:"));
  }
}

TEST_CASE("config file: deep nesting is an error, not a stack overflow") {
  CHECK(error_of("a = " + std::string(10'000, '[') + std::string(10'000, ']')).find("nested value depth") !=
        std::string::npos);
  CHECK(error_of("a = " + std::string(5'000, '{') + "}").find("syntax error") != std::string::npos);
  std::string dotted = "a";
  for (int i = 0; i < 100'000; ++i) {
    dotted += ".a";
  }
  CHECK(error_of(dotted + " = 1") == "c.toml:1:2002: too deeply nested: more than 1000 dotted key parts in one file");
  CHECK(error_of("[" + dotted + "]").starts_with("c.toml:1:2003: too deeply nested"));
  // Dots in strings and comments do not count.
  const std::string many_dots(5'000, '.');
  CHECK(error_of("# " + many_dots + "\nuser.handle = 'a.b' # " + many_dots + "\n") == "");
  CHECK(error_of("x = '''" + many_dots + "'''").starts_with("c.toml:1:1: unknown key 'x'"));
  CHECK(error_of("x = \"\"\"\\\"\"\"" + many_dots + "\"\"\"\"").starts_with("c.toml:1:1: unknown key 'x'"));
}

TEST_CASE("config file: unknown keys name the key and what is known") {
  CHECK(error_of("[risk]\nmatrx = 5\n") ==
        "c.toml:2:1: unknown key 'risk.matrx'; known keys in [risk]: matrix, bands, review_every, treat_within, "
        "max_acceptance");
  CHECK(error_of("colour = true") ==
        "c.toml:1:1: unknown key 'colour'; known top-level keys: user, risk, policy, incident, training, check");
  CHECK(error_of("[report]") ==
        "c.toml:1:2: unknown key 'report'; known top-level keys: user, risk, policy, incident, training, check");
  CHECK(error_of("[user]\nname = 'Al'") == "c.toml:2:1: unknown key 'user.name'; known keys in [user]: handle");
  CHECK(error_of("[incident]\nsla.sev0 = '1h'") ==
        "c.toml:2:5: unknown key 'incident.sla.sev0'; known keys in [incident.sla]: sev1, sev2, sev3, sev4");
  CHECK(error_of("[incident]\nsev1 = '1h'") ==
        "c.toml:2:1: unknown key 'incident.sev1'; known keys in [incident]: sla");
  CHECK(error_of("[training]\ndue = '1d'") ==
        "c.toml:2:1: unknown key 'training.due'; known keys in [training]: due_within");
  CHECK(error_of("[check]\nwarn = '1d'") ==
        "c.toml:2:1: unknown key 'check.warn'; known keys in [check]: warn_within, cert_warn_within, rules");
  CHECK(error_of("[risk.bands]\nlow = 1") ==
        "c.toml:2:1: unknown key 'risk.bands.low'; known keys in [risk.bands]: medium, high, critical");
  CHECK(error_of("[check.rules.\"risk.untreated\"]\nlevel = 'off'") ==
        "c.toml:2:1: unknown key 'check.rules.\"risk.untreated\".level'; known keys in "
        "[check.rules.\"risk.untreated\"]: severity");
  CHECK(error_of("[policy]\n\"review every\" = '1y'").starts_with("c.toml:2:1: unknown key 'policy.\"review every\"'"));
  // A key can hold any character; the message escapes it.
  CHECK(error_of("\"\\u001b]0;x\\u0007\\u0085\" = 1")
            .starts_with("c.toml:1:1: unknown key '\"\\u001B]0;x\\u0007\\u0085\"'"));
}

TEST_CASE("config file: wrong types and values name file, line and key") {
  CHECK(error_of("[risk]\nmatrix = 9") == "c.toml:2:10: risk.matrix must be an integer from 3 to 6, not 9");
  CHECK(error_of("[risk]\nmatrix = 2") == "c.toml:2:10: risk.matrix must be an integer from 3 to 6, not 2");
  CHECK(error_of("[risk]\nmatrix = '5'") == "c.toml:2:10: risk.matrix must be an integer from 3 to 6, not a string");
  CHECK(error_of("risk = 5") == "c.toml:1:8: risk must be a table, not an integer");
  CHECK(error_of("[[check]]") == "c.toml:1:1: check must be a table, not an array");
  CHECK(error_of("[risk]\nbands = 5") == "c.toml:2:9: risk.bands must be a table, not an integer");
  CHECK(error_of("[risk]\nbands = { medium = -1 }") ==
        "c.toml:2:20: risk.bands.medium must be a positive integer, not -1");
  CHECK(error_of("[risk]\nbands = { critical = 9 }") ==
        "c.toml:2:9: risk.bands must be increasing (medium < high < critical), not "
        "{ medium = 5, high = 10, critical = 9 }");
  CHECK(error_of("[risk]\nbands = { medium = 10 }") ==
        "c.toml:2:9: risk.bands must be increasing (medium < high < critical), not "
        "{ medium = 10, high = 10, critical = 17 }");
  CHECK(error_of("[risk]\nreview_every = 90") ==
        "c.toml:2:16: risk.review_every must be a duration like \"90d\" (Nh, Nd, Nw, Nm or Ny), not an integer");
  CHECK(error_of("[policy]\nack_within = '30 days'")
            .starts_with("c.toml:2:14: policy.ack_within: '30 days' is not a duration"));
  CHECK(error_of("[incident.sla]\nsev3 = '0h'").starts_with("c.toml:2:8: incident.sla.sev3: '0h' is zero"));
  CHECK(error_of("[user]\nhandle = 'Alice'") ==
        "c.toml:2:10: user.handle must be a handle ([a-z0-9][a-z0-9._-]*), not \"Alice\"");
  CHECK(error_of("[user]\nhandle = '-a'").starts_with("c.toml:2:10: user.handle must be a handle"));
  CHECK(error_of("[user]\nhandle = 7") ==
        "c.toml:2:10: user.handle must be a handle ([a-z0-9][a-z0-9._-]*), not an integer");
  CHECK(error_of("[check.rules.\"risk.untreated\"]\nseverity = 'warn'") ==
        "c.toml:2:12: check.rules.\"risk.untreated\".severity must be \"warning\", \"critical\" or \"off\", not "
        "\"warn\"");
  std::string rules;  // every rule, as the registry lists them
  for (const auto& rule : cso::all_rules()) {
    rules += (rules.empty() ? "" : ", ") + std::string(rule.id);
  }
  CHECK(error_of("[check.rules.untreated]\nseverity = 'off'") ==
        "c.toml:1:14: check.rules.untreated names no check rule; the rules are " + rules + " (see cso help checks)");
  CHECK(error_of("[check.rules.\"risk.un.treated\"]")
            .starts_with("c.toml:1:14: check.rules.\"risk.un.treated\" names no check rule"));
  CHECK(error_of("[check.rules.\"risk.untreatd\"]\nseverity = 'off'")
            .starts_with("c.toml:1:14: check.rules.\"risk.untreatd\" names no check rule"));
  CHECK(error_of("[check]\nrules.\"risk.untreated\" = 'off'") ==
        "c.toml:2:26: check.rules.\"risk.untreated\" must be a table like { severity = \"off\" }, not a string");
  // Long values are clipped, control characters escaped.
  const std::string long_handle = error_of("user.handle = '" + std::string(500, 'X') + "'");
  CHECK(long_handle.ends_with("not \"" + std::string(60, 'X') + "\"..."));
  CHECK(error_of("user.handle = \"a\\u001bb\"").ends_with("not \"a\\u001Bb\""));
}

TEST_CASE("config file: an error leaves the config unchanged and neutralises the file name") {
  Config c = load("[risk]\nmatrix = 4\n");
  CHECK_THROWS_AS(apply_config_text(c, "[risk]\nmatrix = 6\nbands.high = 0\n", "bad.toml"), cso::Error);
  CHECK(c.risk_matrix == 4);
  CHECK(c.sources == std::vector<std::string>{"c.toml"});
  CHECK_THROWS_WITH(
      apply_config_text(c, "x = 1", "e\x1b[2J\xc2\x9b\xff.toml"),
      "e^[[2J\xEF\xBF\xBD\xEF\xBF\xBD.toml:1:1: unknown key 'x'; known top-level keys: user, risk, policy, "
      "incident, training, check");
}

TEST_CASE("config file: the corpus of broken files gives usage errors, the ok-* files load") {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(CSO_TESTS_DIR) / "config-corpus")) {
    if (entry.path().extension() == ".toml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  CHECK(files.size() >= 25);
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    const std::string text = read_bytes(path);
    CAPTURE(name);
    const std::string message = error_of(text);
    if (name.starts_with("ok-")) {
      CHECK(message == "");
      continue;
    }
    REQUIRE(text.starts_with("# expect: "));
    const std::string expect = text.substr(10, text.find('\n') - 10);
    CAPTURE(message);
    CHECK(message.find(expect) != std::string::npos);
    CHECK(message.starts_with("c.toml:"));
  }
}

TEST_CASE("config entries: every setting as TOML text") {
  Config c;
  CHECK(value_of(c, "user.handle") == "\"\"");
  CHECK(value_of(c, "risk.matrix") == "5");
  CHECK(value_of(c, "risk.bands") == "{ medium = 5, high = 10, critical = 17 }");
  CHECK(value_of(c, "risk.review_every") == "\"90d\"");
  CHECK(value_of(c, "policy.review_every") == "\"12m\"");
  CHECK(value_of(c, "incident.sla.sev1") == "\"4h\"");
  CHECK(value_of(c, "incident.sla.sev4") == "\"14d\"");
  CHECK(value_of(c, "check.cert_warn_within") == "\"60d\"");
  CHECK(cso::config_entries(c).size() == 15);  // no rules configured
  c.rule_severity["risk.untreated"] = RuleSeverity::warning;
  c.rule_severity["finding.overdue"] = RuleSeverity::default_;
  c.user_handle = "a\"b\\c\x1b\xc2\x85\xff";
  CHECK(value_of(c, "check.rules.\"risk.untreated\".severity") == "\"warning\"");
  CHECK(value_of(c, "check.rules.\"finding.overdue\".severity") == "(missing)");
  CHECK(value_of(c, "user.handle") == R"("a\"b\\c\u001B\u0085\uFFFD")");
}

TEST_CASE("config entries: what they print loads back as the same configuration") {
  const Config original = load(k_every_key);
  std::string text;
  for (const auto& entry : cso::config_entries(original)) {
    text += entry.key + " = " + entry.value + "\n";
  }
  const Config reloaded = load(text);
  const auto a = cso::config_entries(original);
  const auto b = cso::config_entries(reloaded);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].key == b[i].key);
    CHECK(a[i].value == b[i].value);
  }
}

TEST_CASE("help topics: the static topics, and the config topic names every key") {
  CHECK(cso::cli::help_topic_names() == std::vector<std::string_view>{"dates", "formats", "exit-codes", "config"});
  for (const auto name : cso::cli::help_topic_names()) {
    CAPTURE(name);
    REQUIRE(cso::cli::help_topic(name).has_value());
    CHECK(cso::cli::help_topic(name)->ends_with("\n"));
  }
  CHECK_FALSE(cso::cli::help_topic("checks").has_value());
  CHECK_FALSE(cso::cli::help_topic("nope").has_value());
  const std::string_view config = *cso::cli::help_topic("config");
  for (const auto& entry : cso::config_entries(load(k_every_key))) {
    const std::string leaf = entry.key.substr(entry.key.rfind('.') + 1);
    CAPTURE(entry.key);
    CHECK(config.find(leaf + " = ") != std::string_view::npos);
  }
  CHECK(cso::cli::help_topic("exit-codes")->find("3  UNKNOWN") != std::string_view::npos);
  CHECK(cso::cli::help_topic("formats")->find("NO_COLOR") != std::string_view::npos);
}
