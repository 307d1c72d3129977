#pragma once
// `cso status` renders core's status::Overview (core/status.h) one section per domain, each
// in its domain's file, listed in status.cpp. A section says its figures twice: lines for the
// screen and one member of the JSON object.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "cli/context.h"
#include "cli/output.h"
#include "core/check.h"
#include "core/status.h"

namespace cso::cli {

struct StatusSection {
  std::string json_key;                                    ///< "risks"
  Json json;                                               ///< its value in `cso status --json`
  std::vector<std::pair<std::string, std::string>> lines;  ///< (label or "", text) for the screen
};

/// {"open": 3, "closed": 1} and "3 open, 1 closed" from ordered counts.
Json json_counts(const std::vector<std::pair<std::string, std::int64_t>>& items);
std::string text_counts(const std::vector<std::pair<std::string, std::int64_t>>& items);

/// One problem of `cso check` and of `cso status`'s attention list, as JSON
/// ({"rule", "severity", "id", "title", "message", "due"}; absent values null). In check.cpp.
Json problem_json(const Problem& p);

/// How many incidents a section names (open sev1/sev2, SLA clocks, notifications).
constexpr std::size_t k_status_lines = 5;

// One per domain, in the order status prints them.
StatusSection staff_status(const status::People& f);                             ///< cli/staff_status.cpp
StatusSection cert_status(const Context& ctx, const status::Certifications& f);  ///< cli/staff_status.cpp
StatusSection risk_status(const status::Risks& f);                               ///< cli/risk_status.cpp
StatusSection policy_status(const Context& ctx, const status::Policies& f);      ///< cli/policy_status.cpp
StatusSection training_status(const status::Training& f);                        ///< cli/train_status.cpp
StatusSection incident_status(const Context& ctx, const status::Incidents& f);   ///< cli/incident_status.cpp
StatusSection finding_status(const status::Findings& f);                         ///< cli/audit_status.cpp

}  // namespace cso::cli
