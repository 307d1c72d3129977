#pragma once
// The export document (`cso export`, read back by `cso import`): one JSON object,
//   {"format":"cso-export","version":1,"schema_version":N,
//    "counters":{"risk":31,…},              the last ID number given, per numbered kind
//    "records":{"staff":[{…},…],"risk":[…],…}, every kind of all_kinds(), in key order; each
//                                            record with every stored field (null included),
//                                            IDs as "RSK-12", integers as numbers, text as text
//    "journal":[{"seq":1,"at":…,"actor":…,"action":…,"record":…,"data":…,"note":…,"hash":…},…],
//    "head":"<hex>"|null}
// one record or entry a line. A journal entry's `data` is the canonical JSON text its hash
// covers, kept as a string so that it comes back byte for byte; `hash` is 64 hex digits.
// Written as it is read: memory does not grow with the program.
#include <iosfwd>
#include <string_view>

#include "core/store.h"

namespace cso::cli {

inline constexpr std::string_view k_export_format = "cso-export";
inline constexpr int k_export_version = 1;

/// Writes the whole store to `out`, from one read snapshot. Returns the number of records and
/// journal entries written.
struct ExportCounts {
  std::int64_t records = 0;
  std::int64_t entries = 0;
};
ExportCounts write_export(Store& store, int schema_version, std::ostream& out);

}  // namespace cso::cli
