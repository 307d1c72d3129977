#include "core/staff_service.h"

#include "core/audience.h"
#include "core/error.h"
#include "core/staff.h"

namespace cso::staff {

std::string require_active(Reader& reader, std::string_view handle, std::string_view what) {
  std::string h = parse_handle(handle, what);
  const auto person = reader.get(kind(), Value{h});
  if (!person) {
    throw not_found_error("{}: no staff member '{}'; add them with 'cso staff add {} --name NAME'", what, h, h);
  }
  if (person->text(status) != "active") {
    throw conflict_error("{}: '{}' is not active (offboarded); name an active staff member", what, h);
  }
  return h;
}

std::vector<std::string> audience_members(Reader& reader, std::string_view audience) {
  std::vector<std::string> out;
  reader.each(kind(), audience_query(audience), [&](const Record& p) { out.push_back(p.text(handle)); });
  return out;
}

}  // namespace cso::staff
