#include "cli/export_json.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/output.h"
#include "core/kinds.h"

namespace cso::cli {
namespace {

/// A record with every stored field, in the kind's order.
Json record_json(const KindDef& kind, const Record& r) {
  Json o = Json::object();
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    const FieldDef& f = kind.fields[i];
    if (f.has(k_derived)) {
      continue;
    }
    if (f.type == FieldType::id && !r.is_null(i)) {
      o[std::string(f.name)] = display_id(kind, r.integer(i));
    } else {
      o[std::string(f.name)] = json_of(r.values[i]);
    }
  }
  return o;
}

Json entry_json(const JournalEntry& e) {
  return Json{{"seq", e.seq},
              {"at", e.at},
              {"actor", e.actor},
              {"action", e.action},
              {"record", e.record},
              {"data", e.data ? Json(*e.data) : Json(nullptr)},
              {"note", e.note ? Json(*e.note) : Json(nullptr)},
              {"hash", to_hex(e.hash)}};
}

}  // namespace

ExportCounts write_export(Store& store, int schema_version, std::ostream& out) {
  const auto snapshot = store.read_snapshot();
  ExportCounts counts;
  out << "{\"format\":" << Json(k_export_format).dump() << ",\"version\":" << k_export_version
      << ",\"schema_version\":" << schema_version << ",\n\"counters\":{";
  bool first = true;
  for (const KindDef* kind : all_kinds()) {
    if (kind->prefix.empty()) {
      continue;
    }
    out << (first ? "" : ",") << Json(kind->name).dump() << ':' << store.last_number(*kind);
    first = false;
  }
  out << "},\n\"records\":{";
  first = true;
  for (const KindDef* kind : all_kinds()) {
    out << (first ? "\n" : "],\n") << Json(kind->name).dump() << ":[";
    first = false;
    bool first_record = true;
    store.each(*kind, Query{}, [&](const Record& r) {
      out << (first_record ? "\n" : ",\n") << json_text(record_json(*kind, r), JsonLayout::compact);
      first_record = false;
      ++counts.records;
    });
  }
  out << "]},\n\"journal\":[";
  LogFilter all;
  all.newest_first = false;
  std::optional<Hash> head;
  store.each_entry(all, [&](const JournalEntry& e) {
    out << (counts.entries == 0 ? "\n" : ",\n") << json_text(entry_json(e), JsonLayout::compact);
    head = e.hash;
    ++counts.entries;
  });
  out << "],\n\"head\":" << (head ? Json(to_hex(*head)).dump() : "null") << "}\n";
  return counts;
}

}  // namespace cso::cli
