// `cso policy add|list|show|edit|rm|history`; the approval flow is in policy_verbs.cpp,
// acknowledgements in policy_acks.cpp, diff in policy_diff.cpp.
#include "core/policy.h"

#include <algorithm>
#include <array>
#include <ostream>

#include "cli/commands.h"
#include "cli/commands/policy_view.h"
#include "cli/journal_view.h"
#include "cli/record_commands.h"
#include "cli/record_edit.h"
#include "core/audience.h"
#include "core/error.h"
#include "core/policy_service.h"
#include "storage/open.h"

namespace cso::cli {

View policy_view() {
  return View{policy::kind(),
              {"id", "title", "owner", "status", "version", "pending_version", "pending_status", "next_review"},
              nullptr,
              {},
              [](std::size_t field, const Record& r) {
                if (field == policy::status && has_status(r, policy::Status::retired)) {
                  return Style::dim;
                }
                return field == policy::pending_status ? Style::yellow : Style::none;
              }};
}

View policy_version_view() {
  return View{policy_version::kind(), {"key", "version", "status", "author", "created"}};
}

std::optional<std::string> policy_body(const TextOption& body, const TextOption& file) {
  auto text = long_text(body, file, "body");
  if (text) {
    parse_field_value(policy_version::kind(), policy_version::body, *text, file.given() ? "--body-file" : "--body",
                      Clock{});
  }
  return text;
}

namespace {

struct PolicyOptions {
  std::string title;
  TextOption owner, kind, audience, review_every, tags, body, body_file, summary;
};

std::string parse_tags(const std::string& text) {
  std::string out;
  for (const auto& tag : split_list(text, "--tags")) {
    out += (out.empty() ? "" : ",") +
           std::get<std::string>(parse_field_value(policy::kind(), policy::tags, tag, "--tags", Clock{}));
  }
  return out;
}

std::optional<std::string> parse_summary(const TextOption& o) {
  if (!o.given()) {
    return std::nullopt;
  }
  return std::get<std::string>(
      parse_field_value(policy_version::kind(), policy_version::summary, o.value, "--summary", Clock{}));
}

std::string parse_title(Context& ctx, const std::string& text, const char* what) {
  return std::get<std::string>(parse_field_value(policy::kind(), policy::title, text, what, ctx.clock));
}

void run_add(Context& ctx, const PolicyOptions& o) {
  policy::NewPolicy n;
  n.title = parse_title(ctx, o.title, "TITLE");
  n.owner = active_staff(ctx, o.owner.value, "--owner");
  if (o.kind.given()) {
    n.doc_kind =
        std::get<std::string>(parse_field_value(policy::kind(), policy::doc_kind, o.kind.value, "--kind", ctx.clock));
  }
  if (o.audience.given()) {
    n.audience = parse_audience(o.audience.value, "--audience");
  }
  if (o.review_every.given()) {
    n.review_every = parse_duration(o.review_every.value, "--review-every");
  }
  if (o.tags.given()) {
    n.tags = parse_tags(o.tags.value);
  }
  const std::string body = policy_body(o.body, o.body_file).value_or("");
  const auto summary = parse_summary(o.summary);
  Record p = policy::make(n, ctx.config, ctx.clock);
  auto tx = ctx.store().begin(ctx.actor());
  tx->insert(policy::kind(), p, "policy.add");
  Record v = policy_version::make(p, 1, body, storage::sha256_hex(body), ctx.actor_handle(), summary, ctx.clock);
  tx->insert(policy_version::kind(), v, "policy.add");
  tx->commit();
  print_changed(ctx, policy_view(), std::move(p));
}

/// A new body: edits the open draft, or opens the next version of a published policy.
void edit_body(Context& ctx, Transaction& tx, Record& p, std::string body, std::optional<std::string> summary) {
  auto open = policy::open_version_record(tx, p);
  const std::string sha = storage::sha256_hex(body);
  if (open) {
    policy::require_version_status(p, &*open, "edit");
    policy::edit_draft(p, *open, std::move(body), sha, std::move(summary), ctx.clock);
    tx.update(policy_version::kind(), *open, "policy.edit");
    return;
  }
  const Record in_force = policy::get_version(tx, p, p.integer(policy::version));
  if (in_force.text(policy_version::sha256) == sha) {
    throw conflict_error(
        "{}: the body is the same as v{}'s, which is in force; nothing to change "
        "('policy review' records a review without change)",
        display_key(policy::kind(), p), p.integer(policy::version));
  }
  Record next = policy_version::make(p, p.integer(policy::version) + 1, std::move(body), sha, ctx.actor_handle(),
                                     std::move(summary), ctx.clock);
  tx.insert(policy_version::kind(), next, "policy.edit");
  policy::open_next(p, next, ctx.clock);
}

Value audience_value(Context&, const KindDef&, std::size_t, std::string_view text, std::string_view what) {
  return Value{parse_audience(text, what)};
}

Value tags_value(Context&, const KindDef&, std::size_t, std::string_view text, std::string_view) {
  return text.empty() ? Value{} : Value{parse_tags(std::string(text))};
}

const KindDef& version_kind() {
  return policy_version::kind();
}

constexpr std::array<EditOption, 8> k_edit_options{{
    {policy::title, "new title"},
    {policy::owner, "an active staff handle", active_handle},
    {policy::doc_kind, "policy, standard or procedure"},
    {policy::audience, "who must acknowledge it: all, team:NAME or role:NAME", audience_value},
    {policy::review_every, "review period, e.g. 12m"},
    {policy::tags, "comma-separated tags; empty clears them", tags_value},
    {policy_version::body, "the text (Markdown)", field_value, true, version_kind},
    {policy_version::summary, "what this version changes", field_value, false, version_kind},
}};

/// Metadata changes the policy; a new body edits the open draft or opens the next version.
void apply_edit(Context& ctx, Transaction& tx, Record& p, const Changes& changes) {
  policy::require_status(p, "edit");
  changes.apply(policy::kind(), p);
  auto summary = changes.text(policy_version::kind(), policy_version::summary);
  if (auto body = changes.text(policy_version::kind(), policy_version::body)) {
    edit_body(ctx, tx, p, std::move(*body), std::move(summary));
  } else if (summary) {
    auto open = policy::open_version_record(tx, p);
    if (!open || !has_status(*open, policy_version::Status::draft)) {
      throw usage_error("--summary: describes a change of the body; give --body or --body-file with it");
    }
    open->set(policy_version::summary, std::move(*summary));
    tx.update(policy_version::kind(), *open, "policy.edit");
  }
  policy::touch(p, ctx.clock);
}

struct ListFilters {
  TextOption status, owner, kind, review_due;
};

void bind_filters(CLI::App* l, ListFilters& f) {
  bind(l, f.status, "--status", "draft,in_review,approved,published,retired (also matches the pending version)");
  bind(l, f.owner, "--owner", "staff handles");
  bind(l, f.kind, "--kind", "policy,standard,procedure");
  bind(l, f.review_due, "--review-due", "published, next review within, e.g. 30d");
}

Query list_query(Context& ctx, const ListFilters& o) {
  policy::ListFilter f;
  f.status = field_values(ctx, policy::kind(), policy::status, o.status, "--status");
  f.owner = field_values(ctx, policy::kind(), policy::owner, o.owner, "--owner");
  f.doc_kind = field_values(ctx, policy::kind(), policy::doc_kind, o.kind, "--kind");
  if (o.review_due.given()) {
    f.review_due_before = add(ctx.clock.now, parse_duration(o.review_due.value, "--review-due"));
  }
  return policy::make_query(f);
}

struct ShowOptions {
  std::string id;
  TextOption version;
  bool body = false, versions = false;
};

/// Every field of a version but its body, which is long: `--body` shows it.
std::vector<std::size_t> version_fields_but_body() {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < policy_version::field_count; ++i) {
    if (i != policy_version::body) {
      out.push_back(i);
    }
  }
  return out;
}

/// A policy, one of its versions (--version), or a body (--body): policy show has more to show.
void show_policy(Context& ctx, const ShowOptions& o) {
  const Record p = policy::get_policy(ctx.store(), o.id);
  if (o.versions && (o.version.given() || o.body)) {
    throw usage_error("--versions: lists every version; it does not go with {}", o.body ? "--body" : "--version");
  }
  if (!o.version.given() && !o.body) {
    const View versions = policy_version_view();
    print_record_with(ctx, policy_view(), p,
                      {"versions",
                       versions,
                       policy::versions_of(ctx.store(), p),
                       {"version", "status", "author", "summary", "approver", "published", "effective"},
                       version_fields_but_body(),
                       o.versions});
    return;
  }
  const std::int64_t n =
      o.version.given() ? policy_version::parse_number(o.version.value, "--version") : p.integer(policy::version);
  Record v = policy::get_version(ctx.store(), p, n);
  const bool json = ctx.output.format == Format::json || ctx.output.format == Format::jsonl;
  if (o.body && !json) {
    const auto& text = v.text(policy_version::body);
    // Byte for byte into a file or pipe (show --body > f; edit --body-file f keeps the hash);
    // neutralised only on a terminal, where control characters could act (SPEC §2).
    const bool terminal = ctx.output.terminal_width > 0;
    ctx.out << (terminal && ctx.output.format == Format::table ? sanitize(text) : text);
    return;
  }
  if (o.body || !ctx.globals.fields.empty()) {
    print_record(ctx, policy_version_view(), std::move(v));
    return;
  }
  std::vector<std::string> names;
  std::vector<Cell> cells;
  for (const auto i : version_fields_but_body()) {
    names.emplace_back(policy_version::kind().fields[i].name);
    cells.push_back(cell_of(policy_version::kind(), i, v));
  }
  write_object(ctx.out, ctx.output, names, cells);
}

void bind_metadata(CLI::App* c, PolicyOptions& o) {
  bind(c, o.kind, "--kind", "policy, standard or procedure (default policy)");
  bind(c, o.audience, "--audience", "who must acknowledge it: all, team:NAME or role:NAME (default all)");
  bind(c, o.review_every, "--review-every", "review period, e.g. 12m (default policy.review_every)");
  bind(c, o.tags, "--tags", "comma-separated tags");
  bind(c, o.body, "--body", "the text (Markdown)");
  bind(c, o.body_file, "--body-file", "read the text from a file (- for stdin); at most 1 MiB");
  bind(c, o.summary, "--summary", "what this version changes");
}

const Noun& policy_noun() {
  static const Noun k_noun{policy::kind(), "policy", "POL-n or n", "policies",
                           [](const Context&) { return policy_view(); }};
  return k_noun;
}

}  // namespace

void setup_policy(CLI::App& app, Context& ctx) {
  CLI::App* cmd = add_command(app, "policy", "policies, standards and procedures: versioned, approved, acknowledged");
  cmd->require_subcommand(1);

  auto add = std::make_shared<PolicyOptions>();
  CLI::App* a = add_command(*cmd, "add", "add a policy; its version 1 is a draft; prints its ID");
  a->add_option("TITLE", add->title, "the policy's title")->required();
  bind(a, add->owner, "--owner", "an active staff handle").option->required();
  bind_metadata(a, *add);
  a->callback([&ctx, add] { run_add(ctx, *add); });

  add_list(*cmd, ctx, policy_noun(), "list policies", bind_filters, list_query);

  auto show = std::make_shared<ShowOptions>();
  CLI::App* s = add_command(*cmd, "show", "show a policy, one of its versions (--version), or a body (--body)");
  s->add_option("ID", show->id, "POL-n or n")->required();
  bind(s, show->version, "--version", "a version number (N or vN): show that version");
  s->add_flag("--body", show->body, "print the body (of the version in force, the newest, or --version)");
  s->add_flag("--versions", show->versions, "list every version under the policy (JSON always has them)");
  s->callback([&ctx, show] { show_policy(ctx, *show); });

  add_edit(*cmd, ctx, policy_noun(), "change a policy; a new body edits the open draft or opens the next version",
           k_edit_options, apply_edit);

  add_rm(*cmd, ctx, policy_noun(), "remove a policy entered by mistake, with its versions (the journal keeps them)");
  add_history(*cmd, ctx, policy_noun(), "the journal entries of a policy, its versions and acknowledgements");

  setup_policy_verbs(cmd, ctx);
  setup_policy_acks(cmd, ctx);
  setup_policy_diff(cmd, ctx);
}

}  // namespace cso::cli
