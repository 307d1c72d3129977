#include "core/transitions.h"

#include <stdexcept>
#include <vector>

#include "core/error.h"

namespace cso {

std::string or_list(std::span<const std::string_view> items) {
  std::vector<std::string_view> named;
  for (const auto s : items) {
    if (!s.empty()) {
      named.push_back(s);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < named.size(); ++i) {
    out += i == 0 ? "" : (i + 1 == named.size() ? " or " : ", ");
    out += named[i];
  }
  return out;
}

const VerbRule& rule_for(std::span<const VerbRule> rules, std::string_view verb) {
  for (const auto& rule : rules) {
    if (rule.verb == verb) {
      return rule;
    }
  }
  throw std::logic_error("no state-machine rule for the verb '" + std::string(verb) + "'");
}

void move_to(Record& r, std::size_t status_field, std::span<const VerbRule> rules, std::string_view verb) {
  const VerbRule& rule = rule_for(rules, verb);
  if (rule.to.empty()) {
    throw std::logic_error("the verb '" + std::string(verb) + "' keeps the status");
  }
  r.set(status_field, std::string(rule.to));
}

std::span<const std::string_view> statuses_for(std::span<const VerbRule> rules, std::string_view verb) {
  return rule_for(rules, verb).from;
}

void require_one_of(std::string_view key, std::string_view current, std::string_view command, std::string_view noun,
                    std::span<const std::string_view> from) {
  for (const auto s : from) {
    if (!s.empty() && s == current) {
      return;
    }
  }
  throw conflict_error("{} is {}; '{}' needs {} that is {}", key, current, command, noun, or_list(from));
}

void forbid_owner(const KindDef& kind, const Record& r, std::size_t owner_field, std::string_view actor,
                  std::string_view verb) {
  if (actor == r.text(owner_field)) {
    throw conflict_error("{} is owned by {}; its owner cannot {} it: someone else must ('--as HANDLE')",
                         display_key(kind, r), actor, verb);
  }
}

}  // namespace cso
