#include "core/audit.h"

#include <array>
#include <stdexcept>

#include "core/error.h"
#include "core/transitions.h"

namespace cso::audit {
namespace {

constexpr std::array<std::string_view, 5> k_kinds{"internal", "external", "certification", "pentest", "assessment"};

constexpr unsigned k_list = k_filter | k_sort;

constexpr std::array<FieldDef, field_count> k_fields{{
    {"id", FieldType::id, k_sort | k_key},
    {"title", FieldType::text, k_sort | k_nonempty},
    {"kind", FieldType::choice, k_list, k_kinds},
    {"scope", FieldType::longtext, 0},
    {"lead", FieldType::handle, k_list},
    {"auditor", FieldType::text, k_list},
    {"framework", FieldType::text, k_list},
    {"status", FieldType::choice, k_list, k_statuses},
    {"start", FieldType::date, k_sort},
    {"end", FieldType::date, k_sort},
    {"summary", FieldType::longtext, 0},
    {"created", FieldType::instant, k_sort},
    {"updated", FieldType::instant, k_sort},
}};

constexpr std::array<std::size_t, 1> k_tally{status};
constexpr KindDef k_kind{"audit", "AUD", "audit", k_fields, k_tally};

/// The statuses each verb may start from (SPEC §4 audit).
constexpr std::array<VerbRule, 5> k_verbs{{
    {"start", {status_name(Status::planned)}, status_name(Status::fieldwork)},
    {"report-phase", {status_name(Status::fieldwork)}, status_name(Status::reporting)},
    {"close", {status_name(Status::reporting)}, status_name(Status::closed)},
    {"edit", {status_name(Status::planned), status_name(Status::fieldwork), status_name(Status::reporting)}},
    {"finding add", {status_name(Status::planned), status_name(Status::fieldwork), status_name(Status::reporting)}},
}};

}  // namespace

const KindDef& kind() {
  return k_kind;
}

std::span<const std::string_view> statuses() {
  return k_statuses;
}

void touch(Record& r, const Clock& clock) {
  r.set(updated, format_instant(clock.now));
}

void edit(Record& r, const Changes& changes, const Clock& clock) {
  require_status(r, "edit");
  changes.apply(k_kind, r);
  check_dates(r, changes.has(k_kind, end) ? "--end" : "--start");
  touch(r, clock);
}

void check_dates(const Record& r, std::string_view what) {
  if (!r.is_null(start) && !r.is_null(end) && r.text(end) < r.text(start)) {
    throw usage_error("{}: the end {} is before the start {}", what, r.text(end), r.text(start));
  }
}

Record make(const NewAudit& n, const Clock& clock) {
  Record r = empty_record(k_kind);
  r.set(title, n.title);
  r.set(kind_, n.kind);
  const auto opt = [&](std::size_t field, const std::optional<std::string>& v) {
    if (v) {
      r.set(field, *v);
    }
  };
  opt(scope, n.scope);
  opt(lead, n.lead);
  opt(auditor, n.auditor);
  opt(framework, n.framework);
  opt(start, n.start);
  opt(end, n.end);
  check_dates(r, "--end");
  r.set(status, status_value(Status::planned));
  r.set(created, format_instant(clock.now));
  touch(r, clock);
  return r;
}

void require_status(const Record& r, std::string_view verb) {
  require_one_of(display_key(k_kind, r), r.text(status), fmt::format("audit {}", verb), "an audit",
                 statuses_for(k_verbs, verb));
}

void start_fieldwork(Record& r, const Clock& clock) {
  move_to(r, status, k_verbs, "start");
  if (r.is_null(start)) {
    r.set(start, format_date(clock.now));
  }
  touch(r, clock);
}

void report_phase(Record& r, const Clock& clock) {
  move_to(r, status, k_verbs, "report-phase");
  touch(r, clock);
}

void close(Record& r, std::optional<std::string> new_summary, const Clock& clock) {
  move_to(r, status, k_verbs, "close");
  if (r.is_null(end)) {
    r.set(end, format_date(clock.now));
  }
  if (new_summary) {
    r.set(summary, std::move(*new_summary));
  }
  touch(r, clock);
}

Query make_query(const ListFilter& f) {
  Query q;
  where_one_of(q, status, f.status);
  where_one_of(q, kind_, f.kind);
  where_one_of(q, lead, f.lead);
  return q;
}

}  // namespace cso::audit
