#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/audit.h"
#include "tests/unit/test_support.h"

using namespace cso;

namespace {

constexpr Instant k_t = 1795770000;  // 2026-11-27T09:00:00Z
const Clock k_clock{k_t};
const Clock k_later{k_t + 3 * 86400};

Record planned(std::optional<std::string> start = std::nullopt, std::optional<std::string> end = std::nullopt) {
  audit::NewAudit n;
  n.title = "ISO 27001 surveillance";
  n.start = std::move(start);
  n.end = std::move(end);
  Record r = audit::make(n, k_clock);
  r.set(audit::id, std::int64_t{4});
  return r;
}

/// The conflict message of require_status, or "" if the verb is allowed.
std::string refusal(const Record& r, std::string_view verb) {
  try {
    audit::require_status(r, verb);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::conflict);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("audit::make plans an internal audit by default") {
  const Record r = planned();
  CHECK(r.text(audit::status) == "planned");
  CHECK(r.text(audit::kind_) == "internal");
  CHECK(r.text(audit::created) == "2026-11-27T09:00:00Z");
  CHECK(r.text(audit::updated) == "2026-11-27T09:00:00Z");
  CHECK(r.is_null(audit::start));
  CHECK(r.is_null(audit::lead));
  CHECK(audit::kind().fields[audit::kind_].name == "kind");
  CHECK(audit::kind().fields.size() == audit::field_count);
}

TEST_CASE("audit::make refuses an end before the start; the same day is fine") {
  const auto msg = test::usage_message([] { planned("2027-01-14", "2027-01-10"); });
  CHECK(msg.find("--end") != std::string::npos);
  CHECK(msg.find("2027-01-10") != std::string::npos);
  CHECK(planned("2027-01-10", "2027-01-10").text(audit::end) == "2027-01-10");
  CHECK(planned(std::nullopt, "2027-01-10").text(audit::end) == "2027-01-10");
}

TEST_CASE("the audit state machine: which statuses allow each verb") {
  const std::map<std::string, std::set<std::string>> allowed{
      {"start", {"planned"}},
      {"report-phase", {"fieldwork"}},
      {"close", {"reporting"}},
      {"edit", {"planned", "fieldwork", "reporting"}},
      {"finding add", {"planned", "fieldwork", "reporting"}},
  };
  for (const auto& [verb, from] : allowed) {
    for (const auto status : audit::statuses()) {
      CAPTURE(verb);
      CAPTURE(status);
      Record r = planned();
      r.set(audit::status, std::string(status));
      const std::string msg = refusal(r, verb);
      CHECK(msg.empty() == (from.count(std::string(status)) == 1));
    }
  }
  Record r = planned();
  r.set(audit::status, std::string("closed"));
  CHECK(refusal(r, "edit") == "AUD-4 is closed; 'audit edit' needs an audit that is planned, fieldwork or reporting");
  CHECK(refusal(r, "start") == "AUD-4 is closed; 'audit start' needs an audit that is planned");
}

TEST_CASE("start sets the start date only if unset; close sets the end only if unset, and the summary") {
  Record r = planned();
  audit::start_fieldwork(r, k_later);
  CHECK(r.text(audit::status) == "fieldwork");
  CHECK(r.text(audit::start) == "2026-11-30");
  CHECK(r.text(audit::updated) == "2026-11-30T09:00:00Z");
  Record kept = planned("2026-12-01");
  audit::start_fieldwork(kept, k_later);
  CHECK(kept.text(audit::start) == "2026-12-01");

  audit::report_phase(r, k_later);
  CHECK(r.text(audit::status) == "reporting");
  audit::close(r, std::nullopt, k_later);
  CHECK(r.text(audit::status) == "closed");
  CHECK(r.text(audit::end) == "2026-11-30");
  CHECK(r.is_null(audit::summary));

  Record s = planned("2026-11-01", "2026-11-05");
  audit::close(s, std::string("All good."), k_later);
  CHECK(s.text(audit::end) == "2026-11-05");
  CHECK(s.text(audit::summary) == "All good.");
}

TEST_CASE("audit::make_query filters by status, kind and lead") {
  audit::ListFilter f;
  CHECK(audit::make_query(f).where.empty());
  f.status = {"planned", "fieldwork"};
  f.kind = {"pentest"};
  const Query q = audit::make_query(f);
  REQUIRE(q.where.size() == 2);
  CHECK(q.where[0].field == audit::status);
  CHECK(q.where[0].values.size() == 2);
  CHECK(q.where[1].field == audit::kind_);
}
