#include "cli/commands/help_topics.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/check.h"
#include "core/reports.h"

namespace cso::cli {
namespace {

constexpr std::string_view k_dates = R"(Dates, instants and durations

Where a command takes a date (--due, --on, --since, --until, ...) it accepts:
  2026-11-27                  a calendar date (midnight UTC)
  2026-11-27T04:26:36Z        an RFC 3339 instant; any offset (+02:00) is converted to UTC
  today, yesterday, tomorrow  midnight UTC of that day
  now                         the current instant
  +30d, -2w, +3m, +1y, +4h    an offset from now
Dates from 1970-01-01 to 9999-12-31 are accepted.

Durations (--review-every 12m, --notify-within 72h, config values) are a positive whole
number of at most 5 digits and a unit:
  h hours   d days   w weeks   m months   y years
Months and years are calendar arithmetic (Jan 31 + 1m = Feb 28 or 29); hours, days and
weeks are exact.

Everything is stored and printed in UTC: dates as YYYY-MM-DD, instants as RFC 3339
(2026-11-27T04:26:36Z).

CSO_NOW (YYYY-MM-DD or RFC 3339) fixes "now" for every date computation: reproducible
reports, back-dated entry, and tests.
  CSO_NOW=2026-01-31 cso check
  cso risk list --review-due 14d
)";

constexpr std::string_view k_formats = R"(Output formats

--format FMT chooses how records and results are printed (--json is --format json):
  table   aligned columns with a header (the default); colour only on a terminal, long
          text truncated to the terminal's width only on a terminal
  json    an array for lists, an object for one record; a list's objects carry every
          field of the kind (the object show --json prints)
  jsonl   one JSON object per line
  csv     a header row, then RFC 4180 quoting (a list: the table's columns)
  tsv     the same, separated by tabs
Commands that do not print records have fewer formats (status: table or json; policy
diff, help, version: table only); any other --format exits 2 saying which they have.
JSON keys are snake_case and stable; dates are YYYY-MM-DD, instants RFC 3339 UTC
(2026-11-27T04:26:36Z), absent values null, IDs strings ("RSK-12").

--fields a,b,c   prints only these fields, in this order, in any format; a field given
                 twice is an error.
--color WHEN     auto (the default: colour when stdout is a terminal), always or never.
                 A non-empty NO_COLOR environment variable forces never.

A command that creates or changes one record prints its ID alone (id=$(cso risk add ...)),
or the whole record in the other formats. A failed write to stdout (a full disk) exits 1;
the record exists, and the message names its ID.

Text that came from users or files can never steer your terminal. In table and other
human-readable output its control characters are neutralised (ESC and the other C0
characters except tab and newline, DEL, C1), whether or not stdout is a terminal: ESC
shows as ^[. JSON escapes them as JSON does; CSV and TSV keep the data as it is.

In CSV and TSV a text cell starting with =, +, -, @, tab or carriage return gets a leading
' so that a spreadsheet shows it instead of running it as a formula.

Reports (cso report) take md, html, txt, csv or json; cso check takes text or json.
)";

constexpr std::string_view k_exit_codes = R"(Exit codes

  0  success
  1  runtime failure: I/O, database busy past the timeout, internal error
  2  usage: unknown command or flag, invalid value, malformed date, bad input or config file
  3  not found: no such record, no database
  4  conflict: invalid state transition, duplicate, rule violation (e.g. approving your
     own draft)
  5  integrity: cso verify found tampering or corruption

Errors go to stderr as "cso: error: MESSAGE", naming the offending flag, value, file and line.

cso import: 2 the file is not a cso export (named by its JSON path), 4 the database is not
empty, 5 the export's journal does not verify (--force imports it anyway). cso backup: 4 PATH
exists (--force replaces it), 5 the copy does not verify.

cso check alone follows the monitoring-plugin convention (Nagios, Icinga, ...) instead:
  0  OK        no problems
  1  WARNING   at least one warning, no critical problem
  2  CRITICAL  at least one critical problem
  3  UNKNOWN   the check could not run (any usage or runtime error)
)";

constexpr std::string_view k_config = R"(Configuration

cso reads up to three TOML files; each later one overrides the earlier ones key by key:
  1. $XDG_CONFIG_HOME/cso/config.toml (by default ~/.config/cso/config.toml)
  2. .cso/config.toml of the workspace (the nearest .cso/ directory, like git's .git)
  3. --config PATH, or CSO_CONFIG; this one must exist
cso config list shows every setting in force; cso config get KEY shows one.

A syntax error, an unknown key, or a value of the wrong type or out of range exits 2
with FILE:LINE:COLUMN and what would be accepted.

The keys, with their defaults:
  [user]
  handle = "alice"          # no default; who acts when neither --as nor CSO_ACTOR is
                            # given (else $USER); a staff handle, [a-z0-9][a-z0-9._-]*
  [risk]
  matrix = 5                # likelihood and impact run 1..matrix; 3 to 6
  bands = { medium = 5, high = 10, critical = 17 }
                            # lowest score of each level above low; increasing;
                            # a key left out keeps its earlier value
  review_every = "90d"      # default review interval of a risk
  treat_within = "30d"      # an open high/critical risk untreated this long is a problem
  max_acceptance = "1y"     # the longest --until of risk accept and finding accept
  [policy]
  review_every = "12m"      # default review interval of a policy
  ack_within = "30d"        # time the audience has to acknowledge a published version
  [incident.sla]            # time from detection to containment, per severity
  sev1 = "4h"
  sev2 = "24h"
  sev3 = "72h"
  sev4 = "14d"
  [training]
  due_within = "30d"        # default --due-within of a course
  [check]
  warn_within = "14d"       # a due date this close is a WARNING
  cert_warn_within = "60d"  # a certification expiring this soon is a WARNING
  [check.rules."risk.untreated"]
  severity = "warning"      # "warning", "critical" or "off", for any rule of cso help checks

Durations are Nh, Nd, Nw, Nm or Ny (see cso help dates).
)";

struct Topic {
  std::string_view name;
  std::string_view text;
};

constexpr std::array<Topic, 4> k_topics{{
    {"dates", k_dates},
    {"formats", k_formats},
    {"exit-codes", k_exit_codes},
    {"config", k_config},
}};

std::string rule_setting(const Config& c, const Rule& rule) {
  const auto it = c.rule_severity.find(std::string(rule.id));
  if (it == c.rule_severity.end()) {
    return "on";
  }
  switch (it->second) {
    case RuleSeverity::off:
      return "off";
    case RuleSeverity::warning:
      return "on, every problem WARNING";
    case RuleSeverity::critical:
      return "on, every problem CRITICAL";
    case RuleSeverity::default_:
      break;
  }
  return "on";
}

}  // namespace

std::optional<std::string_view> help_topic(std::string_view name) {
  const auto* topic = std::find_if(k_topics.begin(), k_topics.end(), [&](const Topic& t) { return t.name == name; });
  if (topic == k_topics.end()) {
    return std::nullopt;
  }
  return topic->text;
}

std::vector<std::string_view> help_topic_names() {
  std::vector<std::string_view> names;
  for (const Topic& topic : k_topics) {
    names.push_back(topic.name);
  }
  return names;
}

std::vector<std::string_view> all_topic_names() {
  std::vector<std::string_view> names = help_topic_names();
  names.insert(names.end(), {"checks", "templates"});
  return names;
}

namespace {

std::string checks_help(const Config& config);

/// Each line of `text` with two spaces before it.
std::string indented(std::string_view text) {
  std::string out;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    out += "  " + std::string(text.substr(start, end - start)) + "\n";
    start = end + 1;
  }
  return out;
}

std::string templates_help() {
  std::string out = R"(Report templates

cso report NAME renders the report's data through the Mustache template NAME.FORMAT.mustache
(FORMAT: md, html, txt or csv), looked up in this order:
  .cso/templates/                    the workspace's (the nearest .cso folder)
  $XDG_CONFIG_HOME/cso/templates/    yours (~/.config/cso/templates/)
  the built-in set                   compiled into cso (cso report list shows which is used)
A file there replaces the built-in one of the same name, or adds a format. Partials
({{> name}}) resolve the same way, as name.FORMAT.mustache. A template that does not parse
exits 2 naming the file and the line; so does one that includes a partial there is none of.

Every {{value}} is escaped for the format it lands in: HTML entities in html; in md, | ` \ < > &
and a leading # are escaped and a line break becomes <br>, so a value is safe in a table cell;
in csv the value arrives quoted as RFC 4180 needs (do not add quotes) with a leading = + - @
guarded by '; in txt control characters are shown as ^X. Bidirectional overrides become U+FFFD
everywhere but csv. {{{value}}} is raw: use it only for what cso draws (charts), never for
record text. Templates never compute: numbers, dates and levels arrive formatted, and lists
come with an "any" flag for {{^any}}nothing to show{{/any}}.

cso report NAME --data prints the data as JSON. --format json prints the same; --format pdf
prints the html template through a headless Chromium.

Every report's data has:
)";
  out += indented(k_header_keys);
  for (const ReportDef& report : all_reports()) {
    out += fmt::format("\n{} ({}){}:\n", report.name, report.description,
                       report.id_kind.empty() ? "" : fmt::format(", cso report {} ID", report.name));
    out += indented(report.keys);
  }
  return out;
}

}  // namespace

std::optional<std::string> generated_topic(std::string_view name, const Config& config) {
  if (name == "checks") {
    return checks_help(config);
  }
  if (name == "templates") {
    return templates_help();
  }
  return std::nullopt;
}

namespace {

std::string checks_help(const Config& config) {
  std::string out =
      "cso check runs these rules (read-only) and exits 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n"
      "\"Near\" means within check.warn_within (now " +
      format_duration(config.check_warn_within) +
      ") of the date.\n"
      "The first line is a monitoring plugin's summary, with two perfdata metrics in the plugin\n"
      "guidelines' label=value;warn;crit;min;max form, then one line per problem:\n"
      "  CSO CRITICAL - 2 critical, 3 warning | critical=2;;;0 warning=3;;;0\n"
      "  CRITICAL policy.review_overdue POL-3 \"Access Control Policy\" review due 2026-10-01 (57 days ago)\n"
      "Change a rule's severity or switch it off in config:\n"
      "  [check.rules.\"risk.untreated\"]\n  severity = \"warning\"   # \"warning\", \"critical\" or \"off\"\n\n";
  for (const Rule& rule : all_rules()) {
    out += fmt::format("{}\n    {}\n    severity: {}; now: {}\n", rule.id, rule.description, rule.severities,
                       rule_setting(config, rule));
    if (!rule.settings.empty()) {
      out += fmt::format("    settings: {}\n", rule.settings);
    }
  }
  return out;
}

}  // namespace

}  // namespace cso::cli
