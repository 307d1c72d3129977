#include "cli/export_json.h"

#include <ostream>
#include <string>

#include "core/json_text.h"
#include "core/kinds.h"

namespace cso::cli {
namespace {

/// `text` as a JSON string, through the escaper the journal's canonical JSON uses: a record
/// is a handful of strings, and building a nlohmann value for each of 10^6 costs more than
/// reading it.
void append_string(std::string& out, std::string_view text) {
  append_json_string(out, text);
}

/// A record with every stored field, in the kind's order.
void append_record(std::string& out, const KindDef& kind, const Record& r) {
  out.push_back('{');
  bool first = true;
  for (std::size_t i = 0; i < kind.fields.size(); ++i) {
    const FieldDef& f = kind.fields[i];
    if (f.has(k_derived)) {
      continue;
    }
    if (!first) {
      out.push_back(',');
    }
    first = false;
    append_string(out, f.name);
    out.push_back(':');
    const Value& v = r.values[i];
    if (std::holds_alternative<std::monostate>(v)) {
      out += "null";
    } else if (f.type == FieldType::id) {
      out.push_back('"');
      append_display_id(out, kind, r.integer(i));
      out.push_back('"');
    } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
      out += std::to_string(*n);
    } else {
      append_string(out, std::get<std::string>(v));
    }
  }
  out.push_back('}');
}

void append_optional(std::string& out, const std::optional<std::string>& text) {
  if (text) {
    append_string(out, *text);
  } else {
    out += "null";
  }
}

void append_entry(std::string& out, const JournalEntry& e) {
  out += "{\"seq\":" + std::to_string(e.seq) + ",\"at\":";
  append_string(out, e.at);
  out += ",\"actor\":";
  append_string(out, e.actor);
  out += ",\"action\":";
  append_string(out, e.action);
  out += ",\"record\":";
  append_string(out, e.record);
  out += ",\"data\":";
  append_optional(out, e.data);
  out += ",\"note\":";
  append_optional(out, e.note);
  out += ",\"hash\":\"" + to_hex(e.hash) + "\"}";
}

/// Writes what `buffer` holds once it is large enough (or `force`), and empties it.
void spill(std::string& buffer, std::ostream& out, bool force = false) {
  if (force || buffer.size() >= (1U << 16)) {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  }
}

}  // namespace

ExportCounts write_export(Store& store, int schema_version, std::ostream& out) {
  const auto snapshot = store.read_snapshot();
  ExportCounts counts;
  std::string buf;
  buf += "{\"format\":";
  append_string(buf, k_export_format);
  buf += ",\"version\":" + std::to_string(k_export_version) + ",\"schema_version\":" + std::to_string(schema_version) +
         ",\n\"counters\":{";
  bool first = true;
  for (const KindDef* kind : all_kinds()) {
    if (kind->prefix.empty()) {
      continue;
    }
    buf += first ? "" : ",";
    append_string(buf, kind->name);
    buf += ":" + std::to_string(store.last_number(*kind));
    first = false;
  }
  buf += "},\n\"records\":{";
  first = true;
  for (const KindDef* kind : all_kinds()) {
    buf += first ? "\n" : "],\n";
    append_string(buf, kind->name);
    buf += ":[";
    first = false;
    bool first_record = true;
    store.each(*kind, Query{}, [&](const Record& r) {
      buf += first_record ? "\n" : ",\n";
      append_record(buf, *kind, r);
      spill(buf, out);
      first_record = false;
      ++counts.records;
    });
  }
  buf += "]},\n\"journal\":[";
  LogFilter all;
  all.newest_first = false;
  std::optional<Hash> head;
  store.each_entry(all, [&](const JournalEntry& e) {
    buf += counts.entries == 0 ? "\n" : ",\n";
    append_entry(buf, e);
    spill(buf, out);
    head = e.hash;
    ++counts.entries;
  });
  buf += "],\n\"head\":";
  if (head) {
    buf += "\"" + to_hex(*head) + "\"";
  } else {
    buf += "null";
  }
  buf += "}\n";
  spill(buf, out, true);
  return counts;
}

}  // namespace cso::cli
