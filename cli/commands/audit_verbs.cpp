// `cso audit start|report-phase|close|history`: the audit's state machine.
#include "cli/commands.h"
#include "cli/commands/audit_view.h"
#include "cli/values.h"
#include "core/audit.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/selectors.h"
#include "core/wording.h"

namespace cso::cli {
namespace {

struct VerbOptions {
  std::string id;
  TextOption summary;
};

std::int64_t audit_id(const VerbOptions& o) {
  return parse_id(audit::kind(), o.id, "ID");
}

CLI::App* verb(CLI::App* audit, const char* name, const char* summary, VerbOptions& o) {
  CLI::App* v = add_command(*audit, name, summary);
  v->add_option("ID", o.id, "AUD-n or n")->required();
  return v;
}

void run_close(Context& ctx, const VerbOptions& o) {
  std::optional<std::string> summary;
  if (o.summary.given()) {
    summary = std::get<std::string>(
        parse_field_value(audit::kind(), audit::summary, o.summary.value, "--summary", ctx.clock));
  }
  const auto id = audit_id(o);
  change_record(ctx, audit_view(), id, "audit.close", "", [&](Record& r) {
    audit::require_status(r, "close");
    audit::close(r, summary, ctx.clock);
  });
  // Closing with findings still open is normal (remediation outlives the audit); say so.
  if (const auto n = ctx.store().count(finding::kind(), select::findings_open_of(display_id(audit::kind(), id)));
      n > 0) {
    ctx.info(
        fmt::format("{} closed with {} open or remediating", display_id(audit::kind(), id), counted(n, "finding")));
  }
}

}  // namespace

void setup_audit_verbs(CLI::App* audit, Context& ctx) {
  auto o = std::make_shared<VerbOptions>();

  CLI::App* s = verb(audit, "start", "start fieldwork (planned → fieldwork); sets the start date if unset", *o);
  s->callback([&ctx, o] {
    change_record(ctx, audit_view(), audit_id(*o), "audit.start", "", [&](Record& r) {
      audit::require_status(r, "start");
      audit::start_fieldwork(r, ctx.clock);
    });
  });

  CLI::App* rp = verb(audit, "report-phase", "fieldwork done, report being written (fieldwork → reporting)", *o);
  rp->callback([&ctx, o] {
    change_record(ctx, audit_view(), audit_id(*o), "audit.report-phase", "", [&](Record& r) {
      audit::require_status(r, "report-phase");
      audit::report_phase(r, ctx.clock);
    });
  });

  CLI::App* c = verb(audit, "close", "close an audit (reporting → closed); sets the end date if unset", *o);
  bind(c, o->summary, "--summary", "the outcome in a few lines");
  c->callback([&ctx, o] { run_close(ctx, *o); });
}

}  // namespace cso::cli
