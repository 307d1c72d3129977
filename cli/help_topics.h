#pragma once
// The static texts of `cso help TOPIC`. The `checks` and `templates` topics depend on the
// configuration and the template search path, so they are rendered elsewhere.
#include <optional>
#include <string_view>
#include <vector>

namespace cso::cli {

/// The text of a static topic (dates, formats, exit-codes, config), ending in a newline;
/// nullopt for any other name.
std::optional<std::string_view> help_topic(std::string_view name);

/// The names help_topic knows, in the order `cso help` lists them.
std::vector<std::string_view> help_topic_names();

}  // namespace cso::cli
