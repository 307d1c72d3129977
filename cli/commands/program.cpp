// Program-wide commands that read: `cso log`, `cso verify`, `cso config`, `cso version`.
#include <cctype>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.h"
#include "cli/completion_tree.h"
#include "cli/journal_view.h"
#include "cli/values.h"
#include "core/error.h"
#include "core/journal.h"
#include "core/kinds.h"
#include "core/staff.h"
#include "core/wording.h"

namespace cso::cli {
namespace {

std::string record_key(const std::string& text) {
  if (const auto slash = text.find('/'); slash != std::string::npos) {
    // A part of a record ("alice/cert/CISSP", "POL-3/v2"): its owner's key, then the rest as is.
    return record_key(text.substr(0, slash)) + parse_note(text.substr(slash), "ID");
  }
  if (const KindDef* kind = kind_of_key(text)) {
    return display_id(*kind, parse_id(*kind, text, "ID"));
  }
  return staff::parse_handle(text, "ID");
}

struct LogOptions {
  TextOption id, since, until, actor, action, limit;
};

/// The end of --until: a day (2026-11-30, yesterday) includes all of it; an instant includes
/// itself.
Instant log_until(const std::string& text, const Clock& clock) {
  const Instant at = parse_when(text, clock, "--until");
  const bool date = text.size() == 10 && text.find_first_not_of("0123456789-") == std::string::npos;
  const bool whole_day = date || text == "today" || text == "yesterday" || text == "tomorrow";
  return whole_day ? start_of_day(at) + 86400 : at + 1;
}

void run_log(Context& ctx, const LogOptions& o) {
  LogFilter f;
  if (o.id.given()) {
    f.record = record_key(o.id.value);
    f.with_parts = true;
  }
  if (o.since.given()) {
    f.since = format_instant(parse_when(o.since.value, ctx.clock, "--since"));
  }
  if (o.until.given()) {
    f.before = format_instant(log_until(o.until.value, ctx.clock));
  }
  if (f.since && f.before && *f.before <= *f.since) {
    throw usage_error("--until: {} is not after --since {}", o.until.value, o.since.value);
  }
  if (o.actor.given()) {
    f.actor = o.actor.value;
  }
  if (o.action.given()) {
    const bool ok = !o.action.value.empty() &&
                    o.action.value.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._-") == std::string::npos;
    if (!ok) {
      throw usage_error("--action: '{}' is not an action; use a name like risk.assess, or a noun like risk",
                        o.action.value);
    }
    f.action = o.action.value;
  }
  if (o.limit.given()) {
    f.limit = positive_integer(o.limit.value, "--limit");
  }
  print_entries(ctx, f);
}

/// A head hash as given: 64 hex digits in either case, returned lowercase.
std::string parse_head(const std::string& text) {
  std::string out;
  for (const char c : text) {
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (out.size() != 64 || out.find_first_not_of("0123456789abcdef") != std::string::npos) {
    throw usage_error("--expect-head: '{}' is not a head hash; give the 64 hex digits 'cso verify' printed", text);
  }
  return out;
}

void run_verify(Context& ctx, const std::string& expect_text) {
  const std::string expect_head = expect_text.empty() ? "" : parse_head(expect_text);
  const VerifyReport report = [&] {
    const auto snapshot = ctx.store(storage::OpenFor::verify).read_snapshot();
    return ctx.store().verify();
  }();
  const std::string head = head_text(report.head);
  std::vector<std::string> problems = report.problems;
  if (!expect_head.empty() && expect_head != head) {
    problems.push_back(
        fmt::format("the journal head is {}, not the expected {}: the journal was rewritten or "
                    "truncated, or the expected hash is from another database",
                    head, expect_head));
  }
  if (ctx.output.format == Format::json || ctx.output.format == Format::jsonl) {
    const Json out = {{"ok", problems.empty()},
                      {"entries", report.entries},
                      {"records", report.records},
                      {"head", problems.empty() ? Json(head) : Json(nullptr)},
                      {"problems", problems}};
    write_json(ctx.out, out, json_layout(ctx.output.format));
  } else if (problems.empty()) {
    ctx.out << head << '\n';  // only a head that verified: scripts keep it as the next --expect-head
  }
  if (!problems.empty()) {
    for (std::size_t i = 1; i < problems.size(); ++i) {
      ctx.err << "cso: error: " << sanitize(problems[i]) << '\n';
    }
    throw integrity_error("{}", problems.front());
  }
  ctx.info(fmt::format("verified {} and {}; the database is intact",
                       counted(report.entries, "journal entry", "journal entries"), counted(report.records, "record")));
}

std::string unquoted(const std::string& toml) {
  if (toml.size() >= 2 && toml.front() == '"' && toml.back() == '"') {
    return toml.substr(1, toml.size() - 2);
  }
  return toml;
}

}  // namespace

void setup_log(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<LogOptions>();
  CLI::App* log = add_command(app, "log", "the journal, newest first");
  bind(log, o->id, "ID", "only this record (RSK-12, a handle)");
  bind(log, o->since, "--since", "entries at or after this date");
  bind(log, o->until, "--until", "entries up to this date (the whole day) or instant");
  complete_handles(bind(log, o->actor, "--actor", "entries by this person").option);
  bind(log, o->action, "--action", "an action (risk.assess) or a noun (risk)");
  bind(log, o->limit, "--limit", "the newest N entries");
  log->callback([&ctx, o] { run_log(ctx, *o); });
}

void setup_verify(CLI::App& app, Context& ctx) {
  auto expect = std::make_shared<std::string>();
  CLI::App* v = add_command(app, "verify", "verify the journal's hash chain, every record against it, and the file");
  v->add_option("--expect-head", *expect, "the head hash kept elsewhere (cron mail, a ticket)");
  v->callback([&ctx, expect] { run_verify(ctx, *expect); });
}

void setup_config(CLI::App& app, Context& ctx) {
  CLI::App* config = add_command(app, "config", "show the configuration in force");
  config->require_subcommand(1);
  CLI::App* list = add_command(*config, "list", "every setting and its value");
  list->callback([&ctx] {
    RowWriter writer(ctx.out, ctx.output, {"key", "value"});
    const bool table = ctx.output.format == Format::table;
    for (const auto& e : config_entries(ctx.config)) {
      writer.row({Cell{e.key}, Cell{table ? e.value : unquoted(e.value)}});
    }
    writer.finish();
  });
  auto key = std::make_shared<std::string>();
  CLI::App* get = add_command(*config, "get", "one setting's value");
  get->add_option("KEY", *key, "a dotted key, e.g. risk.matrix")->required();
  get->callback([&ctx, key] {
    for (const auto& e : config_entries(ctx.config)) {
      if (e.key == *key) {
        ctx.out << unquoted(e.value) << '\n';
        return;
      }
    }
    throw usage_error("config get: '{}' is not a setting; 'cso config list' shows them all", *key);
  });
}

void setup_version(CLI::App& app, Context& ctx) {
  CLI::App* v = add_command(app, "version", "print the version");
  v->callback([&ctx] { ctx.out << "cso 0.1.0\n"; });
}

}  // namespace cso::cli
