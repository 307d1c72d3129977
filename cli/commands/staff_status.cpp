// The people section of `cso status`: staff, and certifications expiring.
#include "cli/commands/status_sections.h"

namespace cso::cli {

StatusSection staff_status(const status::People& f) {
  StatusSection s;
  s.json_key = "staff";
  s.json = {{"active", f.active}, {"inactive", f.inactive}};
  s.lines.emplace_back("staff", fmt::format("{} active, {} inactive", f.active, f.inactive));
  return s;
}

StatusSection cert_status(const Context& ctx, const status::Certifications& f) {
  const std::string within = format_duration(ctx.config.check_cert_warn_within);
  StatusSection s;
  s.json_key = "certifications";
  s.json = {{"held", f.held}, {"expiring", f.expiring}, {"expired", f.expired}, {"warn_within", within}};
  s.lines.emplace_back("certs", fmt::format("{} held by active staff, {} expiring within {}, {} expired", f.held,
                                            f.expiring, within, f.expired));
  return s;
}

}  // namespace cso::cli
