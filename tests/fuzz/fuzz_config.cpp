// libFuzzer entry for the config loader: any bytes give a Config or a usage Error, never a
// crash, abort or sanitizer report. What loads must also survive `config list` and load back
// from what `config list` prints as the same settings.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cli/config_file.h"
#include "core/config.h"
#include "core/error.h"

namespace {

std::string as_toml(const cso::Config& config) {
  std::string text;
  for (const auto& entry : cso::config_entries(config)) {
    text += entry.key + " = " + entry.value + "\n";
  }
  return text;
}

void check_round_trip(const cso::Config& config) {
  const std::string text = as_toml(config);
  cso::Config reloaded;
  cso::cli::apply_config_text(reloaded, text, "round-trip.toml");  // an Error here is a bug
  if (as_toml(reloaded) != text) {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  cso::Config config;
  try {
    cso::cli::apply_config_text(config, text, "fuzz.toml");
  } catch (const cso::Error& e) {
    if (e.code() != cso::ExitCode::usage) {
      __builtin_trap();
    }
    return 0;
  }
  check_round_trip(config);
  return 0;
}
