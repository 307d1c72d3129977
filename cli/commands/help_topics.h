#pragma once
// The texts of `cso help TOPIC`: static ones, and `checks`, rendered from the rule registry
// with the settings in force.
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

/// The `checks` topic: every rule with its description, severities and current setting.
std::string checks_help(const Config& config);

}  // namespace cso::cli
