#include "core/ownership.h"

#include <fmt/format.h>

#include "core/audit.h"
#include "core/finding.h"
#include "core/incident.h"
#include "core/policy.h"
#include "core/risk.h"

namespace cso {
namespace {

/// An incident's lead changes through set_lead, so its timeline records the new lead.
void move_lead(Transaction& tx, const OwnedKind& owned, Record& item, const std::string& to, const Actor& actor,
               std::string_view action, std::string_view note) {
  std::vector<incident::Event> events;
  incident::set_lead(item, to, actor.at, events);
  move_owner(tx, owned, item, to, actor, action, note);
  incident_event::append(tx, display_key(incident::kind(), item), events, actor.handle, action);
}

}  // namespace

void move_owner(Transaction& tx, const OwnedKind& owned, Record& item, const std::string& to, const Actor& actor,
                std::string_view action, std::string_view note) {
  item.set(owned.owner_field, to);
  if (owned.updated_field) {
    item.set(*owned.updated_field, format_instant(actor.at));
  }
  tx.update(*owned.kind, item, action, note);
}

std::vector<OwnedItem> open_items(Reader& reader, const std::vector<OwnedKind>& kinds, const std::string& handle) {
  std::vector<OwnedItem> out;
  for (const auto& k : kinds) {
    Query q;
    q.where = k.open;
    q.where.push_back({k.owner_field, Op::eq, {handle}, {}});
    reader.each(*k.kind, q, [&](const Record& r) { out.push_back({&k, r}); });
  }
  return out;
}

void reassign_all(Transaction& tx, std::vector<OwnedItem>& items, const std::string& to, const Actor& actor,
                  std::string_view note) {
  for (auto& i : items) {
    const std::string action = fmt::format("{}.reassign", i.owned->kind->name);
    const Reassign reassign = i.owned->reassign != nullptr ? i.owned->reassign : move_owner;
    reassign(tx, *i.owned, i.record, to, actor, action, note);
  }
}

const std::vector<OwnedKind>& owned_kinds() {
  static const std::vector<OwnedKind> k_kinds = [] {
    std::vector<OwnedKind> out;
    out.push_back({&policy::kind(),
                   policy::owner,
                   policy::title,
                   {{policy::status, Op::ne, {status_value(policy::Status::retired)}, {}}},
                   policy::updated});
    out.push_back({&risk::kind(),
                   risk::owner,
                   risk::title,
                   {{risk::status, Op::ne, {status_value(risk::Status::closed)}, {}}},
                   risk::updated});
    out.push_back({&incident::kind(),
                   incident::lead,
                   incident::title,
                   {{incident::status, Op::ne, {status_value(incident::Status::closed)}, {}}},
                   incident::updated,
                   move_lead});
    // Accepted findings stay with their owner: the acceptance expires and comes back to them.
    out.push_back({&finding::kind(),
                   finding::owner,
                   finding::title,
                   {{finding::status,
                     Op::in,
                     {status_value(finding::Status::open), status_value(finding::Status::remediating),
                      status_value(finding::Status::accepted)},
                     {}}},
                   finding::updated});
    out.push_back({&audit::kind(),
                   audit::lead,
                   audit::title,
                   {{audit::status, Op::ne, {status_value(audit::Status::closed)}, {}}},
                   audit::updated});
    return out;
  }();
  return k_kinds;
}

}  // namespace cso
