#include "core/audience.h"

#include "core/error.h"
#include "core/staff.h"

namespace cso {

std::string parse_audience(std::string_view text, std::string_view what) {
  if (text == "all") {
    return std::string(text);
  }
  for (const std::string_view prefix : {"team:", "role:"}) {
    if (text.substr(0, prefix.size()) == prefix) {
      const std::string_view name = text.substr(prefix.size());
      const bool printable = !name.empty() && name.size() <= 100 &&
                             name.find_first_of(std::string_view("\0\t\n\r,", 5)) == std::string_view::npos;
      if (printable) {
        return std::string(text);
      }
    }
  }
  throw usage_error("{}: '{}' is not an audience; use all, team:NAME or role:NAME", what, text);
}

Query audience_query(std::string_view audience) {
  staff::ListFilter f;
  if (audience.substr(0, 5) == "team:") {
    f.teams.emplace_back(audience.substr(5));
  } else if (audience.substr(0, 5) == "role:") {
    f.roles.emplace_back(audience.substr(5));
  }
  return staff::make_query(f);
}

}  // namespace cso
