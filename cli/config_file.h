#pragma once
// Reading the TOML configuration layers of SPEC §7 into cso::Config. Each layer overrides
// the settings it names, key by key; everything it does not name keeps its earlier value.
#include <string>
#include <string_view>

#include "core/config.h"

namespace cso::cli {

/// Reads one config file and applies it on top of `config`, appending `path` to
/// `config.sources`. Throws a usage Error naming the path when the file cannot be read,
/// and `FILE:LINE:COLUMN: MESSAGE` for a syntax error, an unknown key or an invalid value.
/// On error `config` is left unchanged.
void apply_config_file(Config& config, const std::string& path);

/// The same for text already in memory; `source` names it in messages and in `config.sources`.
void apply_config_text(Config& config, std::string_view text, const std::string& source);

}  // namespace cso::cli
