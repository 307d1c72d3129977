// `cso staff add|list|show|edit|history`; certifications, offboarding and import in staff_*.cpp.
#include "core/staff.h"

#include "cli/commands.h"
#include "cli/commands/staff_view.h"
#include "cli/record_commands.h"
#include "cli/values.h"
#include "core/error.h"

namespace cso::cli {

View staff_view() {
  return View{staff::kind(),
              {"handle", "name", "email", "role", "team", "manager", "status"},
              nullptr,
              {},
              [](std::size_t field, const Record& r) {
                return field == staff::status && r.text(staff::status) != "active" ? Style::dim : Style::none;
              }};
}

namespace {

struct StaffOptions {
  std::string handle;
  TextOption name, email, role, team, manager, started;
};

/// Applies the given options to `r`; the manager must be an existing staff member.
void apply(Context& ctx, const StaffOptions& o, Record& r) {
  const auto set = [&](const TextOption& opt, std::size_t field, const char* what) {
    if (opt.given()) {
      r.set(field, opt.value.empty() && field != staff::name
                       ? Value{}
                       : parse_field_value(staff::kind(), field, opt.value, what, ctx.clock));
    }
  };
  set(o.name, staff::name, "--name");
  set(o.email, staff::email, "--email");
  set(o.role, staff::role, "--role");
  set(o.team, staff::team, "--team");
  set(o.started, staff::started, "--started");
  if (o.name.given() && o.name.value.empty()) {
    throw usage_error("--name: a staff member needs a name");
  }
  if (o.manager.given() && !o.manager.value.empty()) {
    const std::string m = staff::parse_handle(o.manager.value, "--manager");
    if (m == r.text(staff::handle)) {
      throw usage_error("--manager: '{}' cannot be their own manager", m);
    }
    if (!ctx.store().get(staff::kind(), Value{m})) {
      throw not_found_error("--manager: no staff member '{}'; add them first with 'cso staff add {} --name NAME'", m,
                            m);
    }
    r.set(staff::manager, m);
  } else if (o.manager.given()) {
    r.set_null(staff::manager);
  }
}

void run_add(Context& ctx, const StaffOptions& o) {
  Record r = empty_record(staff::kind());
  r.set(staff::handle, staff::parse_handle(o.handle, "HANDLE"));
  r.set(staff::status, std::string("active"));
  apply(ctx, o, r);
  auto tx = ctx.store().begin(ctx.actor());
  if (tx->get(staff::kind(), r.values[staff::handle])) {
    throw conflict_error("staff member '{}' already exists; change them with 'cso staff edit {}'", o.handle, o.handle);
  }
  tx->insert(staff::kind(), r, "staff.add");
  tx->commit();
  print_changed(ctx, staff_view(), std::move(r));
}

void run_edit(Context& ctx, const StaffOptions& o) {
  const bool any =
      o.name.given() || o.email.given() || o.role.given() || o.team.given() || o.manager.given() || o.started.given();
  if (!any) {
    throw usage_error("staff edit: nothing to change; give --name, --email, --role, --team, --manager or --started");
  }
  const std::string handle = staff::parse_handle(o.handle, "HANDLE");
  change_record(ctx, staff_view(), Value{handle}, "staff.edit", "", [&](Record& r) { apply(ctx, o, r); });
}

void bind_fields(CLI::App* app, StaffOptions& o) {
  bind(app, o.email, "--email", "e-mail address");
  bind(app, o.role, "--role", "role, e.g. engineer, analyst, ciso");
  bind(app, o.team, "--team", "team");
  bind(app, o.manager, "--manager", "the manager's handle");
  bind(app, o.started, "--started", "start date");
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

  auto add = std::make_shared<StaffOptions>();
  CLI::App* a = add_command(*staff_cmd, "add", "add a staff member; prints the handle");
  a->add_option("HANDLE", add->handle, "[a-z0-9][a-z0-9._-]*")->required();
  bind(a, add->name, "--name", "full name").option->required();
  bind_fields(a, *add);
  a->callback([&ctx, add] { run_add(ctx, *add); });

  add_list(*staff_cmd, ctx, staff_noun(), "list active staff (--all for everyone)", bind_filters, list_query);
  add_show(*staff_cmd, ctx, staff_noun(), "show one staff member");

  auto edit = std::make_shared<StaffOptions>();
  CLI::App* e = add_command(*staff_cmd, "edit", "change a staff member's details");
  e->add_option("HANDLE", edit->handle, "handle")->required();
  bind(e, edit->name, "--name", "full name");
  bind_fields(e, *edit);
  e->callback([&ctx, edit] { run_edit(ctx, *edit); });

  add_history(*staff_cmd, ctx, staff_noun(), "the journal entries of one staff member");

  setup_staff_cert(staff_cmd, ctx);
  setup_staff_offboard(staff_cmd, ctx);
  setup_staff_import(staff_cmd, ctx);
}

}  // namespace cso::cli
