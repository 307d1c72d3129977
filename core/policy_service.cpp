#include "core/policy_service.h"

#include <algorithm>
#include <map>

#include "core/audience.h"
#include "core/error.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/staff_service.h"

namespace cso::policy {

Record get_policy(Reader& reader, const std::string& id_text) {
  return reader.get_or_throw(kind(), parse_id(kind(), id_text, "ID"));
}

Record get_version(Reader& reader, const Record& p, std::int64_t number) {
  const std::string key = policy_version::key_of(display_key(kind(), p), number);
  auto v = reader.get(policy_version::kind(), Value{key});
  if (!v) {
    throw not_found_error("{} has no version {}", display_key(kind(), p), number);
  }
  return std::move(*v);
}

std::optional<Record> open_version_record(Reader& reader, const Record& p) {
  const auto n = open_version(p);
  if (!n) {
    return std::nullopt;
  }
  return get_version(reader, p, *n);
}

std::vector<Record> versions_of(Reader& reader, const Record& p) {
  return reader.all(policy_version::kind(), select::versions_of(display_key(kind(), p)));
}

Acknowledged acknowledge(Transaction& tx, const std::string& id_text, const std::vector<std::string>& handles,
                         const std::string& date, const std::string& today) {
  if (date > today) {
    throw usage_error("--on: {} is in the future; an acknowledgement is dated when it was given", date);
  }
  Acknowledged out{get_policy(tx, id_text), 0, {}, {}};
  const std::string key = display_key(kind(), out.policy);
  require_status(out.policy, "ack");
  const Record v = get_version(tx, out.policy, out.policy.integer(version));
  out.version = v.integer(policy_version::version);
  // Publication may be recorded after the fact (--effective in the past): the earlier counts.
  const std::string since =
      std::min(v.text(policy_version::published).substr(0, 10), v.text(policy_version::effective));
  if (date < since) {
    throw usage_error("--on: {} is before v{} of {} was published ({})", date, out.version, key, since);
  }
  for (const auto& h : handles) {
    staff::require_active(tx, h, "--staff");
  }
  for (const auto& h : handles) {
    const auto existing = tx.get(policy_ack::kind(), Value{policy_ack::key_of(key, out.version, h)});
    if (existing) {
      out.already.push_back(fmt::format("{} (on {})", h, existing->text(policy_ack::acknowledged)));
      continue;
    }
    Record a = policy_ack::make(v, h, date);
    tx.insert(policy_ack::kind(), a, "policy.ack");
    out.added.push_back(h);
  }
  return out;
}

Roster ack_roster(Reader& reader, const std::string& id_text) {
  Roster out{get_policy(reader, id_text), 0, {}, {}};
  require_status(out.policy, "acks");
  out.version = out.policy.integer(version);
  std::map<std::string, std::string> acked;  // handle → date
  reader.each(policy_ack::kind(), select::acks_of_version(display_key(kind(), out.policy), out.version),
              [&](const Record& a) { acked[a.text(policy_ack::staff)] = a.text(policy_ack::acknowledged); });
  reader.each(staff::kind(), audience_query(out.policy.text(audience)), [&](const Record& s) {
    const auto it = acked.find(s.text(staff::handle));
    RosterLine line{s.text(staff::handle), s.text(staff::name), std::nullopt};
    if (it != acked.end()) {
      line.acknowledged = it->second;
    }
    out.coverage.expected += 1;
    out.coverage.acknowledged += line.acknowledged ? 1 : 0;
    out.lines.push_back(std::move(line));
  });
  return out;
}

}  // namespace cso::policy
