// Staff check rules (SPEC §5).
#include <fmt/format.h>

#include <array>
#include <unordered_set>

#include "core/cert.h"
#include "core/check_rules.h"
#include "core/selectors.h"
#include "core/staff.h"

namespace cso {
namespace {

/// An active person's certification expiring within check.cert_warn_within, or expired.
void cert_expiring(const RuleContext& ctx, Problems& out) {
  std::unordered_set<std::string> inactive;
  ctx.source.each(staff::kind(), select::inactive_staff(),
                  [&](const Record& r) { inactive.insert(r.text(staff::handle)); });

  const std::string horizon = format_date(add(ctx.clock.now, ctx.config.check_cert_warn_within));
  ctx.source.each(cert::kind(), select::certs_expiring_by(horizon), [&](const Record& r) {
    const auto when = parse_stored(r.text(cert::expires));
    if (!when || inactive.contains(r.text(cert::staff))) {
      return;
    }
    const std::int64_t days = days_between(ctx.clock.now, *when);
    Problem p;
    p.rule = "staff.cert_expiring";
    p.severity = days < 0 ? Severity::critical : Severity::warning;
    p.id = r.text(cert::key);
    p.title = r.text(cert::name);
    p.message = dated_message({"expires", "expired"}, r.text(cert::expires), days);
    p.due = r.text(cert::expires);
    out.push_back(std::move(p));
  });
}

constexpr std::array<Rule, 1> k_rules{{
    {"staff.cert_expiring", "an active person's certification expires within check.cert_warn_within or has expired",
     "WARNING near / CRITICAL expired", "check.cert_warn_within", cert_expiring},
}};

}  // namespace

std::span<const Rule> staff_rules() {
  return k_rules;
}

}  // namespace cso
