// `cso staff add|list|show|edit|history`; certifications, offboarding and import in staff_*.cpp.
#include "core/staff.h"

#include <array>

#include "cli/commands.h"
#include "cli/commands/staff_view.h"
#include "cli/completion_tree.h"
#include "cli/record_commands.h"
#include "cli/record_edit.h"
#include "cli/values.h"
#include "core/error.h"
#include "core/staff_service.h"

namespace cso::cli {

View staff_view() {
  return View{staff::kind(),
              {"handle", "name", "email", "role", "team", "manager", "status"},
              nullptr,
              {},
              [](std::size_t field, const Record& r) {
                return field == staff::status && !has_status(r, staff::Status::active) ? Style::dim : Style::none;
              }};
}

namespace {

Value person_name(Context&, const KindDef&, std::size_t, std::string_view text, std::string_view what) {
  return Value{staff::parse_name(text, what)};
}

/// What `staff add` and `staff edit` set; an empty value clears all but the name.
constexpr std::array<EditOption, 6> k_fields{{
    {staff::name, "full name", person_name},
    {staff::email, "e-mail address", clearable},
    {staff::role, "role, e.g. engineer, analyst, ciso", clearable},
    {staff::team, "team", clearable},
    {staff::manager, "the manager's handle", clearable},
    {staff::started, "start date", clearable},
}};

void run_add(Context& ctx, const std::string& handle_text, const EditFlags& flags) {
  Record r = empty_record(staff::kind());
  r.set(staff::handle, staff::parse_handle(handle_text, "HANDLE"));
  r.set(staff::status, status_value(staff::Status::active));
  const Changes changes = flags.parse(ctx);
  auto tx = ctx.store().begin(ctx.actor());
  staff::edit(*tx, r, changes);
  if (tx->get(staff::kind(), r.values[staff::handle])) {
    throw conflict_error("staff member '{}' already exists; change them with 'cso staff edit {}'", handle_text,
                         handle_text);
  }
  tx->insert(staff::kind(), r, "staff.add");
  tx->commit();
  print_changed(ctx, staff_view(), std::move(r));
}

void apply_edit(Context&, Transaction& tx, Record& r, const Changes& changes) {
  staff::edit(tx, r, changes);
}

struct ListFilters {
  TextOption team, role;
  bool all = false;
};

void bind_filters(CLI::App* l, ListFilters& f) {
  bind(l, f.team, "--team", "only these teams (a,b)");
  bind(l, f.role, "--role", "only these roles (a,b)");
  l->add_flag("--all", f.all, "include inactive (offboarded) staff");
}

Query list_query(Context&, const ListFilters& o) {
  staff::ListFilter f;
  f.include_inactive = o.all;
  if (o.team.given()) {
    f.teams = split_list(o.team.value, "--team");
  }
  if (o.role.given()) {
    f.roles = split_list(o.role.value, "--role");
  }
  return staff::make_query(f);
}

Value parse_handle_key(std::string_view text, std::string_view what) {
  return Value{staff::parse_handle(text, what)};
}

const Noun& staff_noun() {
  static const Noun k_noun{
      staff::kind(), "staff",         "handle", "people", [](const Context&) { return staff_view(); },
      "HANDLE",      parse_handle_key};
  return k_noun;
}

}  // namespace

void setup_staff(CLI::App& app, Context& ctx) {
  CLI::App* staff_cmd = add_command(app, "staff", "the security team and everyone in scope");
  staff_cmd->require_subcommand(1);

  auto handle = std::make_shared<std::string>();
  CLI::App* a = add_command(*staff_cmd, "add", "add a staff member; prints the handle");
  complete_nothing(a->add_option("HANDLE", *handle, "[a-z0-9][a-z0-9._-]*")->required());
  auto fields = std::make_shared<EditFlags>(a, staff::kind(), k_fields);
  fields->option(staff::name)->required();
  a->callback([&ctx, handle, fields] { run_add(ctx, *handle, *fields); });

  add_list(*staff_cmd, ctx, staff_noun(), "list active staff (--all for everyone)", bind_filters, list_query);
  add_show(*staff_cmd, ctx, staff_noun(), "show one staff member");
  add_edit(*staff_cmd, ctx, staff_noun(), "change a staff member's details", k_fields, apply_edit);

  add_history(*staff_cmd, ctx, staff_noun(), "the journal entries of one staff member");

  setup_staff_cert(staff_cmd, ctx);
  setup_staff_offboard(staff_cmd, ctx);
  setup_staff_import(staff_cmd, ctx);
}

}  // namespace cso::cli
