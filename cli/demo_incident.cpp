// The demo's incidents: every phase and outcome, a sev1 past its containment SLA, a pending
// notification deadline, notes; the people are demo staff.
#include "cli/demo.h"

#include "core/incident.h"

#include <vector>

namespace cso::cli {
namespace {

constexpr std::int64_t k_hour = 3600;

/// One incident being played through its phases, journalled with the verbs' actions.
class Play {
 public:
  Play(Transaction& tx, const Clock& clock) : m_tx(tx), m_clock(clock) {}

  /// Opens it `detected_h` hours ago (occurred `occurred_h` hours before detection).
  Play& open(const char* title, const char* sev, const char* category, const char* reporter, const char* lead,
             double detected_h, double occurred_h, const char* notify = nullptr) {
    incident::NewIncident n;
    n.title = title;
    n.severity = sev;
    n.category = category;
    n.reporter = reporter;
    if (lead != nullptr) {
      n.lead = lead;
    }
    m_detected = m_clock.now - static_cast<Instant>(detected_h * k_hour);
    n.detected = m_detected;
    n.occurred = m_detected - static_cast<Instant>(occurred_h * k_hour);
    if (notify != nullptr) {
      n.notify_within = parse_duration(notify, "demo");
    }
    std::vector<incident::Event> events;
    m_r = incident::make(n, m_clock, events);
    m_tx.insert(incident::kind(), m_r, "incident.open");
    m_key = display_key(incident::kind(), m_r);
    write(events, reporter, "incident.open");
    return *this;
  }

  /// Moves to `to` `after_h` hours after detection, as `who`, with an optional note.
  Play& phase(const char* to, double after_h, const char* who, const char* note = nullptr) {
    const Instant at = when(after_h);
    std::vector<incident::Event> events;
    incident::advance(m_r, to, at, m_clock, events);
    if (note != nullptr) {
      events.push_back({at, "note", note});
    }
    const std::string verb = verb_of(to);
    m_tx.update(incident::kind(), m_r, "incident." + verb, note != nullptr ? note : "");
    write(events, who, "incident." + verb);
    return *this;
  }

  Play& close(const char* outcome, double after_h, const char* who, const char* root_cause, const char* lessons) {
    std::vector<incident::Event> events;
    incident::close(m_r, outcome, when(after_h), m_clock, events);
    if (root_cause != nullptr) {
      m_r.set(incident::root_cause, std::string(root_cause));
    }
    if (lessons != nullptr) {
      m_r.set(incident::lessons, std::string(lessons));
    }
    m_tx.update(incident::kind(), m_r, "incident.close");
    write(events, who, "incident.close");
    return *this;
  }

  Play& notified(double after_h, const char* who) {
    std::vector<incident::Event> events;
    incident::notified(m_r, when(after_h), m_clock, events);
    m_tx.update(incident::kind(), m_r, "incident.notified");
    write(events, who, "incident.notified");
    return *this;
  }

  Play& note(double after_h, const char* who, const char* text) {
    write({{when(after_h), "note", text}}, who, "incident.note");
    return *this;
  }

 private:
  Instant when(double after_h) const { return m_detected + static_cast<Instant>(after_h * k_hour); }

  static std::string verb_of(std::string_view to) {
    return to == "triaged" ? "triage" : to == "contained" ? "contain" : to == "eradicated" ? "eradicate" : "recover";
  }

  void write(const std::vector<incident::Event>& events, const char* who, const std::string& action) {
    for (const auto& e : events) {
      Record ev = incident_event::make(m_key, ++m_events, e, who);
      m_tx.insert(incident_event::kind(), ev, action);
    }
  }

  Transaction& m_tx;
  const Clock& m_clock;
  Record m_r;
  std::string m_key;
  Instant m_detected = 0;
  std::int64_t m_events = 0;
};

}  // namespace

void seed_demo_incidents(Transaction& tx, const Config&, const Clock& clock) {
  // Open, not contained, detected 6 hours ago: past the 4h sev1 SLA.
  Play(tx, clock)
      .open("Ransomware on the finance file server", "sev1", "malware", "jon", "bob", 6, 1)
      .phase("triaged", 0.5, "bob")
      .note(1, "bob", "Encrypted shares on fs-fin-01; last night's backups look clean.");
  // Contained, with a 72h notification deadline 32 hours away (near: a WARNING).
  Play(tx, clock)
      .open("Customer records exposed by a public storage bucket", "sev2", "data", "farid", "carol", 40, 30, "72h")
      .phase("triaged", 1, "carol")
      .phase("contained", 4, "carol", "Bucket made private; access logs exported for review.");
  Play(tx, clock)
      .open("Malware on a developer laptop", "sev3", "malware", "grace", "dan", 120, 2)
      .phase("triaged", 1, "dan")
      .phase("contained", 3, "dan", "Laptop isolated from the network.")
      .phase("eradicated", 26, "dan", "Reimaged; tokens on the laptop revoked.");
  Play(tx, clock)
      .open("DDoS takes the booking site offline", "sev2", "availability", "dan", "farid", 288, 0.25, "72h")
      .phase("triaged", 0.3, "farid")
      .phase("contained", 3, "farid", "Scrubbing service enabled at the CDN.")
      .phase("recovered", 8, "farid")
      .notified(30, "omar");
  Play(tx, clock)
      .open("Phishing campaign against finance", "sev3", "phishing", "leo", "carol", 480, 3)
      .phase("triaged", 0.5, "carol")
      .phase("contained", 2, "carol", "Sender domain blocked; messages purged from mailboxes.")
      .phase("eradicated", 6, "carol")
      .phase("recovered", 8, "carol", "Two reset passwords; no other account used.")
      .close("true_positive", 72, "carol", "Lookalike domain; DMARC policy was p=none.",
             "Move DMARC to p=reject; add a report-phishing button.");
  Play(tx, clock)
      .open("Second report of the finance phishing e-mail", "sev4", "phishing", "kim", "dan", 478, 3)
      .close("duplicate", 0.5, "dan", "Same campaign as the finance phishing incident.", nullptr);
  Play(tx, clock)
      .open("Impossible-travel login alert for hiro", "sev4", "access", "dan", "dan", 216, 0)
      .close("false_positive", 1, "dan", "Login through the company VPN's egress abroad.", nullptr);
  Play(tx, clock)
      .open("Port scan against the VPN gateway", "sev4", "network", "dan", "jon", 360, 0)
      .phase("triaged", 2, "jon")
      .close("benign", 4, "jon", "Internet-wide scanner; nothing exposed beyond the VPN port.", nullptr);
  Play(tx, clock)
      .open("Laptop lost on a train", "sev3", "data", "maya", "ines", 720, 10, "72h")
      .phase("triaged", 1, "ines")
      .phase("contained", 2, "ines", "Device wiped remotely; wipe not confirmed.")
      .notified(48, "omar")
      .close("indeterminate", 240, "ines", "Unknown whether the disk was read; it was encrypted.",
             "Confirm remote wipes; keep laptops out of checked luggage.");
  // Just reported, not yet triaged.
  Play(tx, clock).open("Vendor reports leaked API credentials", "sev3", "vendor", "nina", nullptr, 1, 0);
}

}  // namespace cso::cli
