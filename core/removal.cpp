#include "core/removal.h"

#include <array>
#include <stdexcept>

#include "core/audit.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/policy.h"
#include "core/risk.h"
#include "core/training.h"
#include "core/wording.h"

namespace cso {
namespace {

std::vector<Removal> make_rules() {
  std::vector<Removal> out;
  out.push_back({&risk::kind(), "risk.rm", "close it instead", {}, {}});
  out.push_back({&policy::kind(),
                 "policy.rm",
                 "retire it instead",
                 {{&policy_ack::kind(), policy_ack::policy, {}},
                  {&policy_version::kind(), policy_version::policy, policy_version::version}},
                 {}});
  out.push_back({&incident::kind(),
                 "incident.rm",
                 "close it instead",
                 {{&incident_event::kind(), incident_event::incident, {}}},
                 Part{&finding::kind(), finding::incident, {}},
                 "remove them or point them at another incident ('cso audit finding edit ID --incident INC-n') first"});
  out.push_back({&audit::kind(),
                 "audit.rm",
                 "close it instead",
                 {},
                 Part{&finding::kind(), finding::audit, {}},
                 "remove them or move them to another audit ('cso audit finding edit ID --audit AUD-n') first"});
  out.push_back({&finding::kind(), "finding.rm", "resolve or accept it instead", {}, {}});
  out.push_back({&training::course::kind(),
                 "train.rm",
                 "retire it instead",
                 {{&training::assignment::kind(), training::assignment::course, {}}},
                 {}});
  return out;
}

Query parts_of(const Part& part, const std::string& key) {
  Query q;
  q.where.push_back({part.owner_field, Op::eq, {key}, {}});
  if (part.order) {
    q.sort.push_back({*part.order, false});
  }
  return q;
}

}  // namespace

const Removal& removal_of(const KindDef& kind) {
  static const std::vector<Removal> k_rules = make_rules();
  for (const auto& r : k_rules) {
    if (r.kind == &kind) {
      return r;
    }
  }
  throw std::logic_error("no removal rule for kind " + std::string(kind.name));
}

Record remove_with_parts(Transaction& tx, const Removal& rule, const Value& key) {
  const Record r = tx.get_or_throw(*rule.kind, key);
  const std::string display = display_key(*rule.kind, r);
  if (rule.blocking) {
    const auto n = tx.count(*rule.blocking->kind, parts_of(*rule.blocking, display));
    if (n > 0) {
      throw conflict_error("{} has {}; {}", display, counted(n, rule.blocking->kind->name), rule.blocking_hint);
    }
  }
  for (const Part& part : rule.cascade) {
    for (const Record& p : tx.all(*part.kind, parts_of(part, display))) {
      tx.remove(*part.kind, p, rule.action);
    }
  }
  tx.remove(*rule.kind, r, rule.action);
  return r;
}

}  // namespace cso
