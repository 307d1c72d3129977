// An incident's timeline entries ("INC-4/event/3"): a part kind of the incident.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>

#include "core/incident.h"
#include "core/selectors.h"

namespace cso::incident_event {
namespace {

constexpr std::array<std::string_view, 5> k_event_kinds{"status", "severity", "lead", "notify", "note"};

constexpr std::array<FieldDef, field_count> k_fields{{
    {"key", FieldType::text, k_key},
    {"incident", FieldType::text, k_filter},
    {"at", FieldType::instant, k_sort},
    {"actor", FieldType::handle, k_filter},
    {"kind", FieldType::choice, k_filter, k_event_kinds},
    {"text", FieldType::longtext},
}};

constexpr KindDef k_kind{"incident_event", "", "incident_event", k_fields, {}, "INC-{n}/event/{n}"};

std::int64_t number_of(const std::string& key) {
  const auto slash = key.rfind('/');
  std::int64_t n = 0;
  const char* first = key.data() + (slash == std::string::npos ? 0 : slash + 1);
  std::from_chars(first, key.data() + key.size(), n);
  return n;
}

}  // namespace

const KindDef& kind() {
  return k_kind;
}

std::string key_of(std::string_view incident_key, std::int64_t n) {
  return fmt::format("{}/event/{}", incident_key, n);
}

Record make(std::string_view incident_key, std::int64_t n, const incident::Event& e, std::string_view who) {
  Record r = empty_record(k_kind);
  r.set(key, key_of(incident_key, n));
  r.set(incident, std::string(incident_key));
  r.set(at, format_instant(e.at));
  r.set(actor, std::string(who));
  r.set(event_kind, e.kind);
  r.set(text, e.text);
  return r;
}

void sort_timeline(std::vector<Record>& events) {
  std::stable_sort(events.begin(), events.end(), [](const Record& a, const Record& b) {
    if (a.text(at) != b.text(at)) {
      return a.text(at) < b.text(at);
    }
    return number_of(a.text(key)) < number_of(b.text(key));
  });
}

std::vector<Record> timeline(Reader& reader, std::string_view incident_key) {
  auto events = reader.all(kind(), select::events_of(incident_key));
  sort_timeline(events);
  return events;
}

Record append(Transaction& tx, std::string_view incident_key, const std::vector<incident::Event>& events,
              std::string_view actor, std::string_view action) {
  std::int64_t n = tx.count(kind(), select::events_of(incident_key));
  Record last = empty_record(kind());
  for (const auto& e : events) {
    last = make(incident_key, ++n, e, actor);
    tx.insert(kind(), last, action);
  }
  return last;
}

}  // namespace cso::incident_event
