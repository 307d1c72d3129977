#include "core/risk.h"

#include <array>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/transitions.h"

namespace cso::risk {
namespace {

constexpr std::array<std::string_view, 4> k_levels{"low", "medium", "high", "critical"};
constexpr std::array<std::string_view, 4> k_treatments{"mitigate", "transfer", "avoid", "accept"};

constexpr unsigned k_list = k_filter | k_sort;

constexpr std::array<FieldDef, field_count> k_fields{{
    {"id", FieldType::id, k_sort | k_key},
    {"title", FieldType::text, k_sort | k_import | k_required | k_nonempty},
    {"description", FieldType::longtext, k_import},
    {"category", FieldType::text, k_list | k_import},
    {"owner", FieldType::handle, k_list | k_import},
    {"status", FieldType::choice, k_list | k_import, k_statuses},
    {"likelihood", FieldType::integer, k_list | k_import | k_required},
    {"impact", FieldType::integer, k_list | k_import | k_required},
    {"score", FieldType::integer, k_sort},
    {"level", FieldType::choice, k_derived, k_levels},
    {"residual_likelihood", FieldType::integer, k_sort | k_import},
    {"residual_impact", FieldType::integer, k_sort | k_import},
    {"treatment", FieldType::choice, k_list | k_import, k_treatments},
    {"plan", FieldType::longtext, k_import},
    {"due", FieldType::date, k_sort | k_import},
    {"review_every", FieldType::duration, k_import},
    {"next_review", FieldType::date, k_sort | k_import},
    {"accepted_by", FieldType::handle, k_import},
    {"accepted_until", FieldType::date, k_sort | k_import},
    {"created", FieldType::instant, k_sort | k_import},
    {"updated", FieldType::instant, k_sort},
    {"closed_at", FieldType::instant, k_sort | k_import},
}};

constexpr std::array<std::size_t, 2> k_tally{status, score};
constexpr KindDef k_kind{"risk", "RSK", "risk", k_fields, k_tally};

/// The statuses each verb may start from (SPEC §4 risk).
constexpr std::array<VerbRule, 7> k_verbs{{
    {"assess", {status_name(Status::open), status_name(Status::treating), status_name(Status::accepted)}},
    {"treat",
     {status_name(Status::open), status_name(Status::treating), status_name(Status::accepted)},
     status_name(Status::treating)},
    {"accept",
     {status_name(Status::open), status_name(Status::treating), status_name(Status::accepted)},
     status_name(Status::accepted)},
    {"review", {status_name(Status::open), status_name(Status::treating), status_name(Status::accepted)}},
    {"close",
     {status_name(Status::open), status_name(Status::treating), status_name(Status::accepted)},
     status_name(Status::closed)},
    {"reopen", {status_name(Status::closed)}, status_name(Status::open)},
    {"edit", {status_name(Status::open), status_name(Status::treating), status_name(Status::accepted)}},
}};

}  // namespace

const KindDef& kind() {
  return k_kind;
}

std::string_view level_of(std::int64_t score, const RiskBands& bands) {
  if (score >= bands.critical) {
    return "critical";
  }
  if (score >= bands.high) {
    return "high";
  }
  if (score >= bands.medium) {
    return "medium";
  }
  return "low";
}

std::pair<std::int64_t, std::int64_t> score_range(std::string_view level, const Config& config) {
  const RiskBands& b = config.risk_bands;
  const std::int64_t max = config.risk_matrix * config.risk_matrix;
  if (level == "low") {
    return {1, b.medium - 1};
  }
  if (level == "medium") {
    return {b.medium, b.high - 1};
  }
  if (level == "high") {
    return {b.high, b.critical - 1};
  }
  if (level == "critical") {
    return {b.critical, max};
  }
  throw usage_error("--level: '{}' is not a level; use low, medium, high or critical", level);
}

std::pair<Counts, Counts> status_and_level_counts(const std::vector<GroupCount>& groups, const Config& config) {
  const Counts by_status = counts_by_first(groups, {k_statuses.begin(), k_statuses.end()});
  Counts by_level;
  for (const auto* name : {"critical", "high", "medium", "low"}) {
    by_level.items.emplace_back(name, 0);
  }
  for (const auto& g : groups) {
    const auto* s = std::get_if<std::string>(&g.values[0]);
    const auto* score = g.values.size() > 1 ? std::get_if<std::int64_t>(&g.values[1]) : nullptr;
    if (s == nullptr || *s == "closed" || score == nullptr) {
      continue;
    }
    for (auto& [name, n] : by_level.items) {
      n += level_of(*score, config.risk_bands) == name ? g.count : 0;
    }
    by_level.total += g.count;
  }
  return {by_status, by_level};
}

void derive(Record& r, const Config& config) {
  if (r.is_null(score)) {
    r.set_null(level);
  } else {
    r.set(level, std::string(level_of(r.integer(score), config.risk_bands)));
  }
}

std::int64_t parse_rating(std::string_view text, std::string_view what, const Config& config) {
  std::int64_t v = 0;
  bool ok = !text.empty() && text.size() <= 2;
  for (const char c : text) {
    ok = ok && c >= '0' && c <= '9';
    v = v * 10 + (c - '0');
  }
  if (!ok || v < 1 || v > config.risk_matrix) {
    throw usage_error("{}: '{}' is not a rating; use a whole number from 1 to {} (risk.matrix)", what, text,
                      config.risk_matrix);
  }
  return v;
}

void touch(Record& r, const Clock& clock) {
  r.set(updated, format_instant(clock.now));
}

void edit(Record& r, const Changes& changes, const Clock& clock) {
  require_status(r, "edit");
  changes.apply(k_kind, r);
  touch(r, clock);
}

Record make(const NewRisk& n, const Config& config, const Clock& clock) {
  Record r = empty_record(k_kind);
  r.set(title, n.title);
  if (n.description) {
    r.set(description, *n.description);
  }
  if (n.category) {
    r.set(category, *n.category);
  }
  if (n.owner) {
    r.set(owner, *n.owner);
  }
  r.set(status, status_value(Status::open));
  r.set(likelihood, n.likelihood);
  r.set(impact, n.impact);
  r.set(score, n.likelihood * n.impact);
  const Duration every = n.review_every.value_or(config.risk_review_every);
  r.set(review_every, format_duration(every));
  r.set(next_review, format_date(add(clock.now, every)));
  r.set(created, format_instant(clock.now));
  touch(r, clock);
  derive(r, config);
  return r;
}

void require_status(const Record& r, std::string_view verb) {
  require_one_of(display_key(k_kind, r), r.text(status), fmt::format("risk {}", verb), "a risk",
                 statuses_for(k_verbs, verb));
}

void assess(Record& r, std::int64_t l, std::int64_t i, bool residual, const Clock& clock) {
  Record next = r;
  if (residual) {
    next.set(residual_likelihood, l);
    next.set(residual_impact, i);
  } else {
    next.set(likelihood, l);
    next.set(impact, i);
    next.set(score, l * i);
  }
  if (auto problem = residual_above_inherent(next, display_key(k_kind, r))) {
    throw conflict_error("{}", *problem);
  }
  r = std::move(next);
  touch(r, clock);
}

std::optional<std::string> residual_above_inherent(const Record& r, std::string_view subject) {
  for (const auto& [inherent, residual] :
       {std::pair{likelihood, residual_likelihood}, std::pair{impact, residual_impact}}) {
    if (!r.is_null(residual) && r.integer(residual) > r.integer(inherent)) {
      return fmt::format(
          "{}'s residual {} ({}) would be above its inherent {} ({}): the rating after treatment is at most the "
          "one before it",
          subject, k_kind.fields[inherent].name, r.integer(residual), k_kind.fields[inherent].name,
          r.integer(inherent));
    }
  }
  return std::nullopt;
}

void treat(Record& r, std::string_view strategy, std::string new_plan, std::optional<std::string> new_due,
           const Clock& clock) {
  move_to(r, status, k_verbs, "treat");
  r.set(treatment, std::string(strategy));
  r.set(plan, std::move(new_plan));
  if (new_due) {
    r.set(due, std::move(*new_due));
  }
  r.set_null(accepted_by);
  r.set_null(accepted_until);
  touch(r, clock);
}

void accept(Record& r, std::string until, std::string_view approver, const Clock& clock) {
  forbid_owner(k_kind, r, owner, approver, "accept");
  move_to(r, status, k_verbs, "accept");
  r.set(treatment, std::string("accept"));
  r.set(accepted_by, std::string(approver));
  r.set(accepted_until, std::move(until));
  touch(r, clock);
}

void review(Record& r, const Config& config, const Clock& clock) {
  const auto every = try_parse_duration(r.text(review_every)).value_or(config.risk_review_every);
  r.set(next_review, format_date(add(clock.now, every)));
  touch(r, clock);
}

void close(Record& r, const Clock& clock) {
  move_to(r, status, k_verbs, "close");
  r.set(closed_at, format_instant(clock.now));
  touch(r, clock);
}

void reopen(Record& r, const Clock& clock) {
  move_to(r, status, k_verbs, "reopen");
  r.set_null(closed_at);
  touch(r, clock);
}

Query make_query(const ListFilter& f, const Config& config) {
  Query q;
  where_one_of(q, status, f.status);
  where_one_of(q, owner, f.owner);
  where_one_of(q, category, f.category);
  if (!f.level.empty()) {
    // Scores are at most matrix², so a level is the set of scores in its band.
    Condition c{score, Op::in, {}, {}};
    for (const auto& name : f.level) {
      const auto [lo, hi] = score_range(name, config);
      for (std::int64_t s = lo; s <= hi; ++s) {
        c.values.emplace_back(s);
      }
    }
    q.where.push_back(std::move(c));
  }
  if (f.min_score) {
    q.where.push_back(Condition{score, Op::ge, {*f.min_score}, {}});
  }
  if (f.review_due_before) {
    q.where.push_back(Condition{next_review, Op::le, {format_date(*f.review_due_before)}, {}});
    q.where.push_back(Condition{status, Op::ne, {status_value(Status::closed)}, {}});
  }
  return q;
}

}  // namespace cso::risk

namespace cso::risk {

void complete_imported(Record& r, const Config& config, const Clock& clock) {
  if (r.is_null(status)) {
    r.set(status, status_value(Status::open));
  }
  r.set(score, r.integer(likelihood) * r.integer(impact));
  if (r.is_null(created)) {
    r.set(created, format_instant(clock.now));
  }
  r.set(updated, format_instant(clock.now));
  if (r.is_null(review_every)) {
    r.set(review_every, format_duration(config.risk_review_every));
  }
  if (r.is_null(next_review)) {
    const Instant from = parse_stored(r.text(created)).value_or(clock.now);
    const Duration every = try_parse_duration(r.text(review_every)).value_or(config.risk_review_every);
    r.set(next_review, format_date(add(from, every)));
  }
  if (has_status(r, Status::closed) && r.is_null(closed_at)) {
    r.set(closed_at, format_instant(clock.now));
  }
}

}  // namespace cso::risk
