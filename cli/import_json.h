#pragma once
// Reading an export document (cli/export_json.h) back into a Restore, as a stream (nlohmann's
// SAX parser): each record and journal entry is handed over as soon as it is complete, so
// memory does not grow with the program. Anything that is not such a document (malformed or
// truncated JSON, another format or version, an unknown kind or field, a value of the wrong
// type) is a usage Error naming `source` and the JSON path: "x.json: $.records.risk[3].impact:
// expected an integer".
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "core/store.h"

namespace cso::cli {

struct ImportSummary {
  std::int64_t records = 0;
  std::int64_t entries = 0;
  std::optional<std::string> head;  ///< the head the document says it has (hex), if any
};

/// Reads the document from `in` into `sink`. `schema_version` is this cso's: a document of
/// another schema is refused.
ImportSummary read_export(std::istream& in, const std::string& source, int schema_version, Restore& sink);

}  // namespace cso::cli
