#include "core/policy.h"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>

#include "core/audience.h"
#include "core/check.h"
#include "core/error.h"
#include "core/selectors.h"
#include "core/staff.h"
#include "core/transitions.h"

namespace cso::policy {
namespace {

constexpr std::array<std::string_view, 3> k_open_statuses{"draft", "in_review", "approved"};
constexpr std::array<std::string_view, 3> k_kinds{"policy", "standard", "procedure"};

constexpr unsigned k_list = k_filter | k_sort;

constexpr std::array<FieldDef, field_count> k_fields{{
    {"id", FieldType::id, k_sort | k_key},
    {"title", FieldType::text, k_sort | k_nonempty},
    {"kind", FieldType::choice, k_list, k_kinds},
    {"owner", FieldType::handle, k_list},
    {"status", FieldType::choice, k_list, k_statuses},
    {"version", FieldType::integer, k_sort},
    {"pending_version", FieldType::integer, k_sort},
    {"pending_status", FieldType::choice, k_list, k_open_statuses},
    {"review_every", FieldType::duration, 0},
    {"effective", FieldType::date, k_sort},
    {"published", FieldType::date, k_sort},
    {"next_review", FieldType::date, k_sort},
    {"audience", FieldType::text, k_list},
    {"tags", FieldType::text, 0},
    {"created", FieldType::instant, k_sort},
    {"updated", FieldType::instant, k_sort},
}};

constexpr std::array<std::size_t, 1> k_tally{status};
constexpr KindDef k_kind{"policy", "POL", "policy", k_fields, k_tally};

/// The statuses each verb may start from: of the policy, or of its open version.
constexpr std::array<VerbRule, 5> k_policy_verbs{{
    {"edit",
     {status_name(Status::draft), status_name(Status::in_review), status_name(Status::approved),
      status_name(Status::published)}},
    {"review", {status_name(Status::published)}},
    {"retire",
     {status_name(Status::draft), status_name(Status::in_review), status_name(Status::approved),
      status_name(Status::published)}},
    {"ack", {status_name(Status::published)}},
    {"acks", {status_name(Status::published)}},
}};
constexpr std::array<VerbRule, 5> k_version_verbs{{
    {"submit", {status_name(policy_version::Status::draft)}, status_name(policy_version::Status::in_review)},
    {"approve", {status_name(policy_version::Status::in_review)}, status_name(policy_version::Status::approved)},
    {"request-changes", {status_name(policy_version::Status::in_review)}, status_name(policy_version::Status::draft)},
    {"publish", {status_name(policy_version::Status::approved)}, status_name(policy_version::Status::published)},
    {"edit", {status_name(policy_version::Status::draft)}},
}};

/// Shows the open version's state on the policy: as its status until one is published, as
/// pending_* after.
void show_open(Record& p, const Record& v) {
  if (has_status(p, Status::published)) {
    p.set(pending_version, v.integer(policy_version::version));
    p.set(pending_status, v.text(policy_version::status));
  } else {
    p.set(status, v.text(policy_version::status));
    p.set(version, v.integer(policy_version::version));
  }
}

}  // namespace

const KindDef& kind() {
  return k_kind;
}

std::vector<std::string> statuses() {
  return {k_statuses.begin(), k_statuses.end()};
}

void touch(Record& p, const Clock& clock) {
  p.set(updated, format_instant(clock.now));
}

Record make(const NewPolicy& n, const Config& config, const Clock& clock) {
  Record p = empty_record(k_kind);
  p.set(title, n.title);
  p.set(doc_kind, n.doc_kind);
  p.set(owner, n.owner);
  p.set(status, status_value(Status::draft));
  p.set(version, std::int64_t{1});
  p.set(review_every, format_duration(n.review_every.value_or(config.policy_review_every)));
  p.set(audience, n.audience);
  if (n.tags) {
    p.set(tags, *n.tags);
  }
  p.set(created, format_instant(clock.now));
  touch(p, clock);
  return p;
}

std::optional<std::int64_t> open_version(const Record& p) {
  if (!p.is_null(pending_version)) {
    return p.integer(pending_version);
  }
  const auto& s = p.text(status);
  if (std::find(k_open_statuses.begin(), k_open_statuses.end(), s) != k_open_statuses.end()) {
    return p.integer(version);
  }
  return std::nullopt;
}

void require_status(const Record& p, std::string_view verb) {
  const auto from = statuses_for(k_policy_verbs, verb);
  require_one_of(display_key(k_kind, p), p.text(status), fmt::format("policy {}", verb), "a policy", from);
}

void require_version_status(const Record& p, const Record* v, std::string_view verb) {
  const auto from = statuses_for(k_version_verbs, verb);
  const std::string key = display_key(k_kind, p);
  if (has_status(p, Status::retired)) {
    throw conflict_error("{} is retired; 'policy {}' needs a version that is {}", key, verb, or_list(from));
  }
  if (v == nullptr) {
    throw conflict_error(
        "{} has no version in progress (v{} is {}); 'policy {}' needs a version that is {}; "
        "'policy edit {} --body-file F' opens the next one",
        key, p.integer(version), p.text(status), verb, or_list(from), key);
  }
  const auto& s = v->text(policy_version::status);
  if (std::find(from.begin(), from.end(), s) == from.end()) {
    throw conflict_error("{} v{} is {}; 'policy {}' needs a version that is {}", key,
                         v->integer(policy_version::version), s, verb, or_list(from));
  }
}

void edit_draft(Record& p, Record& v, std::string new_body, std::string sha, std::optional<std::string> summary,
                const Clock& clock) {
  v.set(policy_version::body, std::move(new_body));
  v.set(policy_version::sha256, std::move(sha));
  if (summary) {
    v.set(policy_version::summary, std::move(*summary));
  }
  touch(p, clock);
}

void open_next(Record& p, const Record& next, const Clock& clock) {
  show_open(p, next);
  touch(p, clock);
}

void submit(Record& p, Record& v, const Clock& clock) {
  move_to(v, policy_version::status, k_version_verbs, "submit");
  v.set(policy_version::submitted, format_instant(clock.now));
  show_open(p, v);
  touch(p, clock);
}

void approve(Record& p, Record& v, std::string_view approver, std::optional<std::string> note, const Clock& clock) {
  if (v.text(policy_version::author) == approver) {
    throw conflict_error("{} v{} was written by {}; someone else must approve it", display_key(k_kind, p),
                         v.integer(policy_version::version), approver);
  }
  move_to(v, policy_version::status, k_version_verbs, "approve");
  v.set(policy_version::approver, std::string(approver));
  if (note) {
    v.set(policy_version::approval_note, std::move(*note));
  } else {
    v.set_null(policy_version::approval_note);
  }
  v.set(policy_version::approved_at, format_instant(clock.now));
  show_open(p, v);
  touch(p, clock);
}

void request_changes(Record& p, Record& v, const Clock& clock) {
  move_to(v, policy_version::status, k_version_verbs, "request-changes");
  for (const auto f : {policy_version::approver, policy_version::approval_note, policy_version::approved_at,
                       policy_version::submitted}) {
    v.set_null(f);
  }
  show_open(p, v);
  touch(p, clock);
}

void publish(Record& p, Record& v, Record* in_force, const std::string& effective_date, const Config& config,
             const Clock& clock) {
  if (in_force != nullptr) {
    in_force->set(policy_version::status, status_value(policy_version::Status::superseded));
  }
  move_to(v, policy_version::status, k_version_verbs, "publish");
  v.set(policy_version::published, format_instant(clock.now));
  v.set(policy_version::effective, effective_date);
  p.set(status, status_value(Status::published));
  p.set(version, v.integer(policy_version::version));
  p.set_null(pending_version);
  p.set_null(pending_status);
  p.set(effective, effective_date);
  p.set(published, format_date(clock.now));
  const Duration every = try_parse_duration(p.text(review_every)).value_or(config.policy_review_every);
  const Instant from = parse_stored(effective_date).value_or(clock.now);
  p.set(next_review, format_date(add(from, every)));
  touch(p, clock);
}

void review(Record& p, const Config& config, const Clock& clock) {
  const Duration every = try_parse_duration(p.text(review_every)).value_or(config.policy_review_every);
  p.set(next_review, format_date(add(clock.now, every)));
  touch(p, clock);
}

void retire(Record& p, const std::vector<Record*>& versions, const Clock& clock) {
  for (Record* v : versions) {
    v->set(policy_version::status, status_value(policy_version::Status::retired));
  }
  p.set(status, status_value(Status::retired));
  p.set_null(pending_version);
  p.set_null(pending_status);
  p.set_null(next_review);
  touch(p, clock);
}

std::optional<std::string> ack_due(const Record& p, const Config& config) {
  const auto when = parse_stored(p.text(published));
  if (!when) {
    return std::nullopt;
  }
  return format_date(add(*when, config.policy_ack_within));
}

Query make_query(const ListFilter& f) {
  Query q;
  if (!f.status.empty()) {
    q.where.push_back(Condition{status, Op::in, {}, {one_of(status, f.status), one_of(pending_status, f.status)}});
  }
  where_one_of(q, owner, f.owner);
  where_one_of(q, doc_kind, f.doc_kind);
  if (f.review_due_before) {
    q.where.push_back(Condition{status, Op::eq, {status_value(Status::published)}, {}});
    q.where.push_back(Condition{next_review, Op::le, {format_date(*f.review_due_before)}, {}});
  }
  return q;
}

std::string coverage_text(const Coverage& c) {
  if (c.expected == 0) {
    return "0 of 0";
  }
  std::int64_t percent = (c.acknowledged * 100 + c.expected / 2) / c.expected;
  if (c.acknowledged < c.expected) {
    percent = std::min<std::int64_t>(percent, 99);  // never "100%" while someone is missing
  }
  return fmt::format("{} of {} ({}%)", c.acknowledged, c.expected, percent);
}

Coverage ack_coverage(CheckSource& source, const Record& p, std::map<std::string, std::vector<std::string>>& members) {
  const std::string& aud = p.text(audience);
  auto it = members.find(aud);
  if (it == members.end()) {
    std::vector<std::string> handles;
    Query q = audience_query(aud);
    q.unordered = true;
    q.fields = {staff::handle};
    source.each(staff::kind(), q, [&](const Record& s) { handles.push_back(s.text(staff::handle)); });
    std::sort(handles.begin(), handles.end());
    it = members.emplace(aud, std::move(handles)).first;
  }
  Query acks = select::acks_of_version(display_key(k_kind, p), p.integer(version));
  acks.fields = {policy_ack::staff};
  Coverage c;
  c.expected = static_cast<std::int64_t>(it->second.size());
  source.each(policy_ack::kind(), acks, [&](const Record& a) {
    c.acknowledged += std::binary_search(it->second.begin(), it->second.end(), a.text(policy_ack::staff)) ? 1 : 0;
  });
  return c;
}

}  // namespace cso::policy

namespace cso::policy_version {
namespace {

constexpr std::array<FieldDef, field_count> k_fields{{
    {"key", FieldType::text, k_sort | k_key},
    {"policy", FieldType::text, k_filter | k_sort},
    {"version", FieldType::integer, k_filter | k_sort},
    {"status", FieldType::choice, k_filter | k_sort, k_statuses},
    {"body", FieldType::longtext, 0},
    {"sha256", FieldType::text, 0},
    {"author", FieldType::handle, k_filter | k_sort},
    {"summary", FieldType::text, 0},
    {"approver", FieldType::handle, k_filter | k_sort},
    {"approval_note", FieldType::longtext, 0},
    {"created", FieldType::instant, k_sort},
    {"submitted", FieldType::instant, k_sort},
    {"approved_at", FieldType::instant, k_sort},
    {"published", FieldType::instant, k_sort},
    {"effective", FieldType::date, k_sort},
}};

constexpr std::array<std::size_t, 1> k_tally{status};
constexpr KindDef k_kind{"policy_version", "", "policy_version", k_fields, k_tally, "POL-{n}/v{n}"};

}  // namespace

const KindDef& kind() {
  return k_kind;
}

std::string key_of(std::string_view policy_key, std::int64_t number) {
  return fmt::format("{}/v{}", policy_key, number);
}

std::int64_t parse_number(std::string_view text, std::string_view what) {
  std::string_view digits = text;
  if (!digits.empty() && (digits[0] == 'v' || digits[0] == 'V')) {
    digits.remove_prefix(1);
  }
  std::int64_t n = 0;
  bool ok = !digits.empty() && digits.size() <= 9;
  for (const char c : digits) {
    ok = ok && c >= '0' && c <= '9';
    n = ok ? n * 10 + (c - '0') : n;
  }
  if (!ok || n <= 0) {
    throw usage_error("{}: '{}' is not a version; use a number such as 2 or v2", what, text);
  }
  return n;
}

Record make(const Record& p, std::int64_t number, std::string text, std::string digest, std::string writer,
            std::optional<std::string> change_summary, const Clock& clock) {
  Record v = empty_record(k_kind);
  const std::string policy_key = display_key(policy::kind(), p);
  v.set(key, key_of(policy_key, number));
  v.set(policy, policy_key);
  v.set(version, number);
  v.set(status, status_value(Status::draft));
  v.set(body, std::move(text));
  v.set(sha256, std::move(digest));
  v.set(author, std::move(writer));
  if (change_summary) {
    v.set(summary, std::move(*change_summary));
  }
  v.set(created, format_instant(clock.now));
  return v;
}

}  // namespace cso::policy_version

namespace cso::policy_ack {
namespace {

constexpr std::array<FieldDef, field_count> k_fields{{
    {"key", FieldType::text, k_sort | k_key},
    {"policy", FieldType::text, k_filter | k_sort},
    {"version", FieldType::integer, k_filter | k_sort},
    {"staff", FieldType::handle, k_filter | k_sort},
    {"sha256", FieldType::text, 0},
    {"acknowledged", FieldType::date, k_sort},
}};

constexpr KindDef k_kind{"policy_ack", "", "policy_ack", k_fields, {}, "POL-{n}/v{n}/ack/{handle}"};

}  // namespace

const KindDef& kind() {
  return k_kind;
}

std::string key_of(std::string_view policy_key, std::int64_t v, std::string_view handle) {
  return fmt::format("{}/v{}/ack/{}", policy_key, v, handle);
}

Record make(const Record& v, std::string_view handle, std::string date) {
  Record a = empty_record(k_kind);
  const auto& policy_key = v.text(policy_version::policy);
  const std::int64_t number = v.integer(policy_version::version);
  a.set(key, key_of(policy_key, number, handle));
  a.set(policy, policy_key);
  a.set(version, number);
  a.set(staff, std::string(handle));
  a.set(sha256, v.text(policy_version::sha256));
  a.set(acknowledged, std::move(date));
  return a;
}

}  // namespace cso::policy_ack
