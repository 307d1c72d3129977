#include "core/staff_service.h"

#include "core/audience.h"
#include "core/cert.h"
#include "core/error.h"
#include "core/selectors.h"
#include "core/staff.h"

namespace cso::staff {

void edit(Reader& reader, Record& person, const Changes& changes) {
  changes.apply(kind(), person);
  const auto boss = changes.text(kind(), manager);
  if (!boss) {
    return;
  }
  if (*boss == person.text(handle)) {
    throw usage_error("--manager: '{}' cannot be their own manager", *boss);
  }
  if (!reader.get(kind(), Value{*boss})) {
    throw not_found_error("--manager: no staff member '{}'; add them first with 'cso staff add {} --name NAME'", *boss,
                          *boss);
  }
  require_no_manager_cycle(
      person.text(handle),
      [&](const std::string& h) {
        if (h == person.text(handle)) {
          return *boss;
        }
        const auto other = reader.get(kind(), Value{h});
        return other ? other->text(manager) : std::string();
      },
      "--manager");
}

std::string require_active(Reader& reader, std::string_view handle, std::string_view what) {
  std::string h = parse_handle(handle, what);
  const auto person = reader.get(kind(), Value{h});
  if (!person) {
    throw not_found_error("{}: no staff member '{}'; add them with 'cso staff add {} --name NAME'", what, h, h);
  }
  if (!has_status(*person, Status::active)) {
    throw conflict_error("{}: '{}' is not active (offboarded); name an active staff member", what, h);
  }
  return h;
}

std::string require_signer(Reader& reader, std::string_view handle) {
  constexpr std::string_view k_how =
      "a sign-off needs an acting person who is active staff; say who is acting with --as HANDLE, CSO_ACTOR or "
      "user.handle in config";
  const auto person = reader.get(kind(), Value{std::string(handle)});
  if (!person) {
    throw conflict_error("'{}' is not on the staff list: {}", handle, k_how);
  }
  if (!has_status(*person, Status::active)) {
    throw conflict_error("'{}' was offboarded: {}", handle, k_how);
  }
  return std::string(handle);
}

std::vector<std::string> audience_members(Reader& reader, std::string_view audience) {
  std::vector<std::string> out;
  reader.each(kind(), audience_query(audience), [&](const Record& p) { out.push_back(p.text(handle)); });
  return out;
}

}  // namespace cso::staff

namespace cso::cert {

std::optional<Record> find(Reader& reader, const std::string& handle, const std::string& name) {
  if (auto exact = reader.get(kind(), Value{key_of(handle, name)})) {
    return exact;
  }
  std::optional<Record> found;
  reader.each(kind(), select::certs_of(handle), [&](const Record& r) {
    if (!found && same_name(r.text(cert::name), name)) {
      found = r;
    }
  });
  return found;
}

Query make_query(Reader& reader, const ListFilter& f) {
  Query q = f.expiring_by ? select::certs_expiring_by(*f.expiring_by) : Query{};
  if (f.expiring_by) {
    q.sort = {{expires, false}};
  }
  if (f.holder) {
    q.where.push_back({staff, Op::eq, {*f.holder}, {}});
  } else if (!f.all) {
    Query inactive = select::inactive_staff();
    inactive.limit = 1;
    if (reader.count(cso::staff::kind(), inactive) > 0) {
      Condition active{staff, Op::in, {}, {}};
      for (const auto& h : reader.all(cso::staff::kind(), select::active_staff())) {
        active.values.emplace_back(h.text(cso::staff::handle));
      }
      q.where.push_back(std::move(active));
    }
  }
  return q;
}

}  // namespace cso::cert
