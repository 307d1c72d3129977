#pragma once
// The texts of `cso help TOPIC`: static ones; `checks`, rendered from the rule registry with
// the settings in force; `templates`, from the report table.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"

namespace cso::cli {

/// The text of a static topic (dates, formats, exit-codes, config), ending in a newline;
/// nullopt for any other name.
std::optional<std::string_view> help_topic(std::string_view name);

/// The names help_topic knows, in the order `cso help` lists them.
std::vector<std::string_view> help_topic_names();

/// Every topic, static and generated, in the order `cso help` lists them.
std::vector<std::string_view> all_topic_names();

/// The topics written from a table: `checks` (every rule with its description, severities and
/// current setting) and `templates` (every report's data keys); nullopt for any other name.
std::optional<std::string> generated_topic(std::string_view name, const Config& config);

}  // namespace cso::cli
