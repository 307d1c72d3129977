#pragma once
// The settings of SPEC §7 as typed values with their defaults. cli/config_file.cpp reads
// the TOML layers into this; nothing else reads configuration files.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace cso {

enum class RuleSeverity { default_, warning, critical, off };

struct RiskBands {
  std::int64_t medium = 5;  ///< lowest score of each band above low
  std::int64_t high = 10;
  std::int64_t critical = 17;
};

struct Config {
  std::string user_handle;  ///< [user] handle; empty when unset

  std::int64_t risk_matrix = 5;  ///< 3..6
  RiskBands risk_bands;
  bool risk_bands_configured = false;  ///< set by a [risk] bands key; else settle() scales the defaults
  Duration risk_review_every{90, 'd'};
  Duration risk_treat_within{30, 'd'};
  Duration risk_max_acceptance{1, 'y'};  ///< the longest a risk or finding may be accepted for

  Duration policy_review_every{12, 'm'};
  Duration policy_ack_within{30, 'd'};

  std::map<std::string, Duration> incident_sla{
      {"sev1", {4, 'h'}}, {"sev2", {24, 'h'}}, {"sev3", {72, 'h'}}, {"sev4", {14, 'd'}}};

  Duration training_due_within{30, 'd'};

  Duration check_warn_within{14, 'd'};
  Duration check_cert_warn_within{60, 'd'};
  std::map<std::string, RuleSeverity> rule_severity;  ///< [check.rules."ID"] severity

  /// Files read, in order (for `cso config list` and error messages).
  std::vector<std::string> sources;
};

/// One setting as `cso config list|get` shows it: dotted key and its value as TOML text.
struct ConfigEntry {
  std::string key;
  std::string value;
};
std::vector<ConfigEntry> config_entries(const Config& c);

/// What follows once the layers are merged. Without configured bands, the default bands
/// (5, 10 and 17 of 25) are scaled to the matrix; configured bands must each be reachable on it
/// (lowest score at most matrix²): a usage Error naming the keys otherwise.
void settle(Config& c);

}  // namespace cso
