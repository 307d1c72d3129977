// The people section of `cso status`: staff, and certifications expiring.
#include "cli/status_sections.h"
#include "core/cert.h"
#include "core/counts.h"
#include "core/staff.h"
#include "core/store.h"

#include <unordered_set>

namespace cso::cli {

StatusSection staff_status(Context& ctx) {
  const Counts people = counts_by_first(ctx.store().tally(staff::kind()), {"active", "inactive"});
  StatusSection s;
  s.json_key = "staff";
  s.json = json_counts(people.items);
  s.lines.emplace_back("staff", fmt::format("{} active, {} inactive", people.items[0].second, people.items[1].second));
  return s;
}

StatusSection cert_status(Context& ctx) {
  // Counts per holder, read from the indexes; inactive holders (few) are left out.
  std::unordered_set<std::string> inactive;
  Query people;
  people.where.push_back({staff::status, Op::ne, {std::string("active")}, {}});
  people.fields = {staff::handle};
  ctx.store().each(staff::kind(), people, [&](const Record& r) { inactive.insert(r.text(staff::handle)); });
  const auto active_total = [&](const std::vector<Condition>& where) {
    std::int64_t n = 0;
    for (const auto& g : ctx.store().count_by(cert::kind(), {cert::staff}, where)) {
      const auto* holder = std::get_if<std::string>(&g.values[0]);
      n += holder != nullptr && inactive.contains(*holder) ? 0 : g.count;
    }
    return n;
  };
  const std::string today = format_date(ctx.clock.now);
  const std::string horizon = format_date(add(ctx.clock.now, ctx.config.check_cert_warn_within));
  const std::int64_t held = active_total({});
  const std::int64_t expired = active_total({{cert::expires, Op::lt, {today}, {}}});
  const std::int64_t expiring =
      active_total({{cert::expires, Op::ge, {today}, {}}, {cert::expires, Op::le, {horizon}, {}}});
  const std::string within = format_duration(ctx.config.check_cert_warn_within);
  StatusSection s;
  s.json_key = "certifications";
  s.json = {{"held", held}, {"expiring", expiring}, {"expired", expired}, {"warn_within", within}};
  s.lines.emplace_back("certs",
                       fmt::format("{} held by active staff, {} expiring within {}, {} expired", held, expiring, within,
                                   expired));
  return s;
}

}  // namespace cso::cli
