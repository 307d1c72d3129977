#include "core/config.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/error.h"
#include "core/json_text.h"

namespace cso {
namespace {

/// A TOML basic string: quotes, backslashes, control characters (C0, DEL, C1) escaped;
/// invalid UTF-8 becomes U+FFFD, since a TOML document must be valid UTF-8.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = n == 2 ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (n == 0) {
      out += "\\uFFFD";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04X}", c);
    } else if (c == 0xC2 && next < 0xA0) {
      out += fmt::format("\\u{:04X}", next);
    } else {
      out.append(text, i, n);
    }
    i += n == 0 ? 1 : n;
  }
  return out + "\"";
}

std::string key_segment(std::string_view key) {
  const auto bare = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  };
  return !key.empty() && std::all_of(key.begin(), key.end(), bare) ? std::string(key) : toml_string(key);
}

std::string duration_value(const Duration& d) {
  return toml_string(format_duration(d));
}

std::string_view severity_name(RuleSeverity severity) {
  switch (severity) {
    case RuleSeverity::warning:
      return "warning";
    case RuleSeverity::critical:
      return "critical";
    case RuleSeverity::off:
      return "off";
    case RuleSeverity::default_:
      break;
  }
  return "default";
}

}  // namespace

/// In the order of SPEC §7. `user.handle` is listed even when unset (as ""), so that
/// `config get` knows every key; rules appear only when a severity was configured.
std::vector<ConfigEntry> config_entries(const Config& c) {
  std::vector<ConfigEntry> entries{
      {"user.handle", toml_string(c.user_handle)},
      {"risk.matrix", std::to_string(c.risk_matrix)},
      {"risk.bands", fmt::format("{{ medium = {}, high = {}, critical = {} }}", c.risk_bands.medium, c.risk_bands.high,
                                 c.risk_bands.critical)},
      {"risk.review_every", duration_value(c.risk_review_every)},
      {"risk.treat_within", duration_value(c.risk_treat_within)},
      {"risk.max_acceptance", duration_value(c.risk_max_acceptance)},
      {"policy.review_every", duration_value(c.policy_review_every)},
      {"policy.ack_within", duration_value(c.policy_ack_within)},
  };
  for (const auto& [severity, sla] : c.incident_sla) {
    entries.push_back({"incident.sla." + key_segment(severity), duration_value(sla)});
  }
  entries.push_back({"training.due_within", duration_value(c.training_due_within)});
  entries.push_back({"check.warn_within", duration_value(c.check_warn_within)});
  entries.push_back({"check.cert_warn_within", duration_value(c.check_cert_warn_within)});
  for (const auto& [rule, severity] : c.rule_severity) {
    if (severity != RuleSeverity::default_) {
      entries.push_back(
          {fmt::format("check.rules.{}.severity", key_segment(rule)), toml_string(severity_name(severity))});
    }
  }
  return entries;
}

void settle(Config& c) {
  const std::int64_t top = c.risk_matrix * c.risk_matrix;
  if (!c.risk_bands_configured) {
    const RiskBands standard;
    const auto scaled = [&](std::int64_t b) { return std::max<std::int64_t>(1, (b * top + 12) / 25); };
    c.risk_bands = {scaled(standard.medium), scaled(standard.high), scaled(standard.critical)};
    return;
  }
  const std::pair<const char*, std::int64_t> bands[] = {
      {"medium", c.risk_bands.medium}, {"high", c.risk_bands.high}, {"critical", c.risk_bands.critical}};
  for (const auto& [name, lowest] : bands) {
    if (lowest > top) {
      throw usage_error(
          "risk.bands: {} = {} cannot be reached on a {}×{} matrix (risk.matrix = {}), whose highest score is {}; "
          "lower the band or enlarge the matrix",
          name, lowest, c.risk_matrix, c.risk_matrix, c.risk_matrix, top);
    }
  }
}

}  // namespace cso
