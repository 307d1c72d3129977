// The demo's policies: one or more in every state, one published with a newer draft open, one
// whose review is overdue, one due soon, and acknowledgements missing. Authors and approvers
// are different people; alice (the CISO) approves most.
#include "cli/demo.h"

#include "core/audience.h"
#include "core/policy.h"
#include "core/staff.h"
#include "storage/open.h"

#include <fmt/format.h>

#include <algorithm>

namespace cso::cli {
namespace {

constexpr std::int64_t k_day = 86400;

/// One policy being walked through its life by the demo, each step journalled as the verb's.
class DemoPolicy {
 public:
  DemoPolicy(Transaction& tx, const Config& config, const Clock& now) : m_tx(tx), m_config(config), m_now(now.now) {}

  DemoPolicy& add(const policy::NewPolicy& n, const char* author, const std::string& body, int days_ago) {
    const Clock at = when(days_ago);
    m_policy = policy::make(n, m_config, at);
    m_tx.insert(policy::kind(), m_policy, "policy.add");
    m_version = policy_version::make(m_policy, 1, body, storage::sha256_hex(body), author, "First version", at);
    m_tx.insert(policy_version::kind(), m_version, "policy.add");
    return *this;
  }
  DemoPolicy& submit(int days_ago) {
    policy::submit(m_policy, m_version, when(days_ago));
    return save("policy.submit");
  }
  DemoPolicy& approve(const char* approver, int days_ago) {
    policy::approve(m_policy, m_version, approver, "Reviewed with the owner; approved.", when(days_ago));
    return save("policy.approve", "Reviewed with the owner; approved.");
  }
  DemoPolicy& publish(int days_ago) {
    const Clock at = when(days_ago);
    std::optional<Record> previous;
    if (m_policy.text(policy::status) == "published") {
      previous = m_in_force;
    }
    policy::publish(m_policy, m_version, previous ? &*previous : nullptr, format_date(at.now), m_config, at);
    if (previous) {
      m_tx.update(policy_version::kind(), *previous, "policy.publish");
    }
    save("policy.publish");
    m_in_force = m_version;
    return *this;
  }
  DemoPolicy& edit(const char* author, const std::string& body, const char* summary, int days_ago) {
    const Clock at = when(days_ago);
    m_version = policy_version::make(m_policy, m_policy.integer(policy::version) + 1, body, storage::sha256_hex(body),
                                     author, summary, at);
    m_tx.insert(policy_version::kind(), m_version, "policy.edit");
    policy::open_next(m_policy, m_version, at);
    m_tx.update(policy::kind(), m_policy, "policy.edit");
    return *this;
  }
  DemoPolicy& retire(int days_ago) {
    policy::retire(m_policy, {&m_version}, when(days_ago));
    return save("policy.retire", "Replaced by the Information Security Policy.");
  }
  /// Everyone in the audience acknowledges the version in force, `days_ago`, except `missing`.
  DemoPolicy& acks(int days_ago, std::initializer_list<std::string_view> missing = {}) {
    const std::string date = format_date(when(days_ago).now);
    std::vector<std::string> handles;
    m_tx.each(staff::kind(), audience_query(m_policy.text(policy::audience)),
              [&](Record& s) { handles.push_back(s.text(staff::handle)); });
    for (const auto& h : handles) {
      if (std::find(missing.begin(), missing.end(), h) == missing.end()) {
        Record a = policy_ack::make(m_in_force, h, date);
        m_tx.insert(policy_ack::kind(), a, "policy.ack");
      }
    }
    return *this;
  }

 private:
  Clock when(int days_ago) const { return Clock{m_now - days_ago * k_day}; }
  DemoPolicy& save(const char* action, const char* note = "") {
    m_tx.update(policy_version::kind(), m_version, action, note);
    m_tx.update(policy::kind(), m_policy, action, note);
    return *this;
  }

  Transaction& m_tx;
  const Config& m_config;
  Instant m_now;
  Record m_policy, m_version, m_in_force;
};

policy::NewPolicy new_policy(const char* title, const char* kind, const char* owner, const char* audience,
                             const char* review_every) {
  policy::NewPolicy n;
  n.title = title;
  n.doc_kind = kind;
  n.owner = owner;
  n.audience = audience;
  n.review_every = parse_duration(review_every, "demo");
  return n;
}

std::string body(const char* title, const char* purpose, const char* rules) {
  return fmt::format("# {}\n\n## Purpose\n\n{}\n\n## Policy\n\n{}\n## Exceptions\n\nExceptions are approved by the "
                     "CISO and recorded in the risk register.\n",
                     title, purpose, rules);
}

}  // namespace

void seed_demo_policies(Transaction& tx, const Config& config, const Clock& clock) {
  const auto isp = [](const char* extra) {
    return body("Information Security Policy", "Protect Kestrel's information and the systems that process it.",
                fmt::format("- Every system has an owner.\n- Access follows least privilege.\n- Incidents are reported "
                            "to security@kestrel.example at once.\n{}",
                            extra)
                    .c_str());
  };
  DemoPolicy(tx, config, clock)
      .add(new_policy("Information Security Policy", "policy", "alice", "all", "12m"), "carol", isp(""), 400)
      .submit(395).approve("alice", 390).publish(385).acks(380)
      .edit("carol", isp("- Multi-factor authentication everywhere.\n- Generative AI tools only as approved.\n"),
            "Annual update: MFA everywhere, AI tools", 100)
      .submit(95).approve("alice", 92).publish(90).acks(85, {"hiro", "leo"});

  const auto aup = [](const char* extra) {
    return body("Acceptable Use Policy", "Say how Kestrel's equipment and accounts may be used.",
                fmt::format("- Company devices are for work; light personal use is fine.\n- Never share passwords.\n{}",
                            extra)
                    .c_str());
  };
  DemoPolicy(tx, config, clock)
      .add(new_policy("Acceptable Use Policy", "policy", "carol", "all", "12m"), "carol", aup(""), 200)
      .submit(198).approve("alice", 195).publish(190).acks(180)
      .edit("carol", aup("- Report lost devices within one hour.\n"), "Lost devices", 5);

  DemoPolicy(tx, config, clock)
      .add(new_policy("Access Control Standard", "standard", "bob", "team:engineering", "12m"), "bob",
           body("Access Control Standard", "Set how access to production is granted and removed.",
                "- Production access through SSO and MFA only.\n- Access is reviewed every quarter.\n"),
           420)
      .submit(415).approve("alice", 410).publish(400).acks(395);

  DemoPolicy(tx, config, clock)
      .add(new_policy("Backup and Recovery Procedure", "procedure", "jon", "team:it", "12m"), "jon",
           body("Backup and Recovery Procedure", "Keep data recoverable.",
                "1. Nightly backups, kept 35 days.\n2. A restore test every quarter.\n"),
           365)
      .submit(362).approve("ines", 360).publish(358).acks(350);

  DemoPolicy(tx, config, clock)
      .add(new_policy("Incident Response Procedure", "procedure", "dan", "team:security", "6m"), "dan",
           body("Incident Response Procedure", "Respond to incidents the same way every time.",
                "1. Triage within an hour.\n2. Contain, eradicate, recover.\n3. Hold a lessons-learned review.\n"),
           20)
      .submit(10);

  DemoPolicy(tx, config, clock)
      .add(new_policy("Data Classification Standard", "standard", "omar", "all", "12m"), "omar",
           body("Data Classification Standard", "Label data so it is handled right.",
                "- Public, Internal, Confidential, Restricted.\n- Customer data is Confidential at least.\n"),
           30)
      .submit(25).approve("alice", 20);

  DemoPolicy(tx, config, clock)
      .add(new_policy("Remote Work Policy", "policy", "maya", "all", "12m"), "maya",
           body("Remote Work Policy", "Work safely away from the office.", "- Use the VPN on public networks.\n"), 3);

  DemoPolicy(tx, config, clock)
      .add(new_policy("Clean Desk Policy", "policy", "ines", "all", "12m"), "ines",
           body("Clean Desk Policy", "Keep paper and screens private.", "- Lock your screen when you leave.\n"), 900)
      .submit(895).approve("alice", 890).publish(880).acks(870).retire(60);
}

}  // namespace cso::cli
