// `cso staff cert add|edit|list|rm`: certifications, parts of a staff record ("alice/cert/CISSP").
#include <array>

#include "cli/commands.h"
#include "cli/commands/staff_view.h"
#include "cli/record_commands.h"
#include "cli/record_edit.h"
#include "cli/values.h"
#include "core/cert.h"
#include "core/error.h"
#include "core/staff.h"
#include "core/staff_service.h"

namespace cso::cli {

View cert_view(const Context& ctx) {
  const Clock clock = ctx.clock;
  const Duration window = ctx.config.check_cert_warn_within;
  return View{cert::kind(),
              {"staff", "name", "issuer", "earned", "expires", "state"},
              [clock, window](Record& r) { cert::derive(r, clock, window); },
              {"expires"},
              [](std::size_t field, const Record& r) {
                if (field != cert::state) {
                  return Style::none;
                }
                const auto& s = r.text(cert::state);
                return s == "expired" ? Style::red : s == "expiring" ? Style::yellow : Style::none;
              }};
}

namespace {

struct CertOptions {
  std::string handle, name;
};

/// What `cert add` and `cert edit` set; an empty value clears a field.
constexpr std::array<EditOption, 4> k_fields{{
    {cert::issuer, "who issued it, e.g. ISC2", clearable},
    {cert::number, "the certificate or member number", clearable},
    {cert::earned, "the date it was earned", clearable},
    {cert::expires, "the date it expires (not before --earned)", clearable},
}};

Record find_cert_or_throw(Reader& reader, const std::string& handle, const std::string& name) {
  auto r = cert::find(reader, handle, name);
  if (!r) {
    throw not_found_error("{} holds no certification '{}'; see 'cso staff cert list {}'", handle, name, handle);
  }
  return std::move(*r);
}

/// An existing staff member (of any status): not_found otherwise.
std::string existing_staff(Context& ctx, const std::string& text) {
  const std::string h = staff::parse_handle(text, "HANDLE");
  ctx.store().get_or_throw(staff::kind(), Value{h});
  return h;
}

void run_add(Context& ctx, const CertOptions& o, const EditFlags& flags) {
  const std::string handle = active_staff(ctx, o.handle, "HANDLE");
  cert::NewCert n;
  n.staff = handle;
  n.name = cert::parse_name(o.name, "NAME");
  Record r = cert::make(n, ctx.clock);
  cert::edit(r, flags.parse(ctx), ctx.clock);
  auto tx = ctx.store().begin(ctx.actor());
  if (const auto held = cert::find(*tx, handle, n.name)) {
    throw conflict_error(
        "{} already holds '{}' ({}); change it with 'cso staff cert edit {} \"{}\" --expires D' or "
        "remove it with 'cso staff cert rm {} \"{}\"'",
        handle, held->text(cert::name), held->text(cert::key), handle, held->text(cert::name), handle,
        held->text(cert::name));
  }
  tx->insert(cert::kind(), r, "staff.cert.add");
  tx->commit();
  print_changed(ctx, cert_view(ctx), std::move(r));
}

void run_edit(Context& ctx, const CertOptions& o, const EditFlags& flags) {
  if (!flags.any()) {
    throw usage_error("staff cert edit: nothing to change; give {}", flags.names());
  }
  const std::string handle = existing_staff(ctx, o.handle);
  const std::string name = cert::parse_name(o.name, "NAME");
  auto tx = ctx.store().begin(ctx.actor());
  const Changes changes = flags.parse(ctx);
  Record r = find_cert_or_throw(*tx, handle, name);
  cert::edit(r, changes, ctx.clock);
  tx->update(cert::kind(), r, "staff.cert.edit");
  tx->commit();
  print_changed(ctx, cert_view(ctx), std::move(r));
}

/// A certification lapsed or recorded by mistake goes (a verb of the part kind, keyed HANDLE NAME).
void remove_cert(Context& ctx, const CertOptions& o) {
  const std::string handle = existing_staff(ctx, o.handle);
  const std::string name = cert::parse_name(o.name, "NAME");
  auto tx = ctx.store().begin(ctx.actor());
  const Record r = find_cert_or_throw(*tx, handle, name);
  tx->remove(cert::kind(), r, "staff.cert.rm");
  tx->commit();
  ctx.out << r.text(cert::key) << '\n';
}

struct ListFilters {
  std::string handle;
  TextOption within;
  bool all = false;
};

void bind_filters(CLI::App* l, ListFilters& f) {
  l->add_option("HANDLE", f.handle, "only this person's (active or not)");
  bind(l, f.within, "--expiring-within",
       "only those expiring within this long (90d), expired ones included, soonest first");
  l->add_flag("--all", f.all, "include inactive (offboarded) staff");
}

Query list_query(Context& ctx, const ListFilters& o) {
  cert::ListFilter f;
  if (o.within.given()) {
    f.expiring_by = format_date(add(ctx.clock.now, parse_duration(o.within.value, "--expiring-within")));
  }
  if (!o.handle.empty()) {
    f.holder = existing_staff(ctx, o.handle);
  }
  f.all = o.all;
  return cert::make_query(ctx.store(), f);
}

const Noun& cert_noun() {
  static const Noun k_noun{cert::kind(), "staff cert", "HANDLE NAME", "certifications",
                           [](const Context& c) { return cert_view(c); }};
  return k_noun;
}

CLI::App* cert_verb(CLI::App* cert, const char* name, const char* summary, CertOptions& o) {
  CLI::App* v = add_command(*cert, name, summary);
  v->add_option("HANDLE", o.handle, "the staff member")->required();
  v->add_option("NAME", o.name, "the certification, e.g. CISSP")->required();
  return v;
}

}  // namespace

void setup_staff_cert(CLI::App* staff_cmd, Context& ctx) {
  CLI::App* c = add_command(*staff_cmd, "cert", "staff certifications (CISSP, OSCP, …) and their expiry");
  c->require_subcommand(1);

  auto add = std::make_shared<CertOptions>();
  CLI::App* a = cert_verb(c, "add", "record a certification an active staff member holds; prints its key", *add);
  auto add_fields = std::make_shared<EditFlags>(a, cert::kind(), k_fields);
  a->callback([&ctx, add, add_fields] { run_add(ctx, *add, *add_fields); });

  auto edit = std::make_shared<CertOptions>();
  CLI::App* e = cert_verb(c, "edit", "change a certification (a renewal: --expires D); an empty value clears", *edit);
  auto edit_fields = std::make_shared<EditFlags>(e, cert::kind(), k_fields);
  e->callback([&ctx, edit, edit_fields] { run_edit(ctx, *edit, *edit_fields); });

  add_list(*c, ctx, cert_noun(), "list certifications of active staff, or of one person", bind_filters, list_query);

  auto rm = std::make_shared<CertOptions>();
  CLI::App* r = cert_verb(c, "rm", "remove a certification (lapsed or recorded by mistake); prints its key", *rm);
  r->callback([&ctx, rm] { remove_cert(ctx, *rm); });
}

}  // namespace cso::cli
