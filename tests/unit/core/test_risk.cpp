#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/risk.h"
#include "tests/unit/test_support.h"

using namespace cso;
using namespace std::string_literals;

namespace {

constexpr Instant k_t = 1795753596;  // 2026-11-27T04:26:36Z
const Clock k_clock{k_t};
const Clock k_later{k_t + 86400 + 3600};  // 2026-11-28T05:26:36Z

template <typename F>
Error error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("expected an Error");
  return Error(ExitCode::ok, "");
}

Config config_with(std::int64_t matrix, RiskBands bands = {}) {
  Config c;
  c.risk_matrix = matrix;
  c.risk_bands = bands;
  return c;
}

Record new_risk(std::int64_t l = 3, std::int64_t i = 4, const Config& config = Config{}, const Clock& clock = k_clock) {
  risk::NewRisk n;
  n.title = "Phishing";
  n.likelihood = l;
  n.impact = i;
  Record r = risk::make(n, config, clock);
  r.set(risk::id, std::int64_t{7});
  return r;
}

Record with_status(std::string_view status) {
  Record r = new_risk();
  r.set(risk::status, std::string(status));
  return r;
}

/// The values of an IN condition as text ("10,11,12"), or of a single-value condition.
std::string values_text(const Condition& c) {
  std::string out;
  for (const auto& v : c.values) {
    out += out.empty() ? "" : ",";
    if (const auto* n = std::get_if<std::int64_t>(&v)) {
      out += std::to_string(*n);
    } else {
      out += std::get<std::string>(v);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("level_of with the default bands (medium 5, high 10, critical 17)") {
  const RiskBands b;
  for (const auto& [score, level] : std::vector<std::pair<int, std::string>>{{0, "low"},
                                                                             {1, "low"},
                                                                             {4, "low"},
                                                                             {5, "medium"},
                                                                             {9, "medium"},
                                                                             {10, "high"},
                                                                             {16, "high"},
                                                                             {17, "critical"},
                                                                             {25, "critical"},
                                                                             {36, "critical"}}) {
    CAPTURE(score);
    CHECK(risk::level_of(score, b) == level);
  }
}

TEST_CASE("level_of with custom bands") {
  const RiskBands b{3, 6, 8};
  CHECK(risk::level_of(2, b) == "low");
  CHECK(risk::level_of(3, b) == "medium");
  CHECK(risk::level_of(5, b) == "medium");
  CHECK(risk::level_of(6, b) == "high");
  CHECK(risk::level_of(7, b) == "high");
  CHECK(risk::level_of(8, b) == "critical");
  CHECK(risk::level_of(9, b) == "critical");
}

TEST_CASE("score_range: the scores of each level, up to matrix squared") {
  using Range = std::pair<std::int64_t, std::int64_t>;
  SUBCASE("defaults") {
    const Config c;
    CHECK(risk::score_range("low", c) == Range{1, 4});
    CHECK(risk::score_range("medium", c) == Range{5, 9});
    CHECK(risk::score_range("high", c) == Range{10, 16});
    CHECK(risk::score_range("critical", c) == Range{17, 25});
  }
  SUBCASE("a 6x6 matrix") {
    CHECK(risk::score_range("critical", config_with(6)) == Range{17, 36});
  }
  SUBCASE("a 3x3 matrix with its own bands") {
    const Config c = config_with(3, RiskBands{3, 6, 8});
    CHECK(risk::score_range("low", c) == Range{1, 2});
    CHECK(risk::score_range("medium", c) == Range{3, 5});
    CHECK(risk::score_range("high", c) == Range{6, 7});
    CHECK(risk::score_range("critical", c) == Range{8, 9});
  }
  SUBCASE("an unknown level") {
    const Error e = error_of([] { risk::score_range("severe", Config{}); });
    CHECK(e.code() == ExitCode::usage);
    CHECK(std::string(e.what()) == "--level: 'severe' is not a level; use low, medium, high or critical");
  }
}

TEST_CASE("derive fills level from score") {
  Record r = empty_record(risk::kind());
  r.set(risk::level, "stale"s);
  risk::derive(r, Config{});
  CHECK(r.is_null(risk::level));
  r.set(risk::score, std::int64_t{12});
  risk::derive(r, Config{});
  CHECK(r.text(risk::level) == "high");
  risk::derive(r, config_with(5, RiskBands{2, 3, 12}));
  CHECK(r.text(risk::level) == "critical");
}

TEST_CASE("parse_rating: a whole number from 1 to the matrix size") {
  const auto rating_error = [](std::string_view text, std::int64_t matrix) {
    const Error e = error_of([&] { risk::parse_rating(text, "--likelihood", config_with(matrix)); });
    CHECK(e.code() == ExitCode::usage);
    return std::string(e.what());
  };
  for (std::int64_t matrix = 3; matrix <= 6; ++matrix) {
    CAPTURE(matrix);
    for (std::int64_t v = 1; v <= matrix; ++v) {
      CHECK(risk::parse_rating(std::to_string(v), "--likelihood", config_with(matrix)) == v);
    }
    const std::string over = std::to_string(matrix + 1);
    CHECK(rating_error(over, matrix) == fmt::format("--likelihood: '{}' is not a rating; use a whole number from 1 "
                                                    "to {} (risk.matrix)",
                                                    over, matrix));
    CHECK(rating_error("0", matrix) == fmt::format("--likelihood: '0' is not a rating; use a whole number from 1 "
                                                   "to {} (risk.matrix)",
                                                   matrix));
  }
  CHECK(risk::parse_rating("05", "--impact", Config{}) == 5);
  for (const std::string bad : {"", "-1", "+3", " 3", "3 ", "3.0", "x", "1e1", "100", "005", "99"}) {
    CAPTURE(bad);
    CHECK(rating_error(bad, 5) ==
          fmt::format("--likelihood: '{}' is not a rating; use a whole number from 1 to 5 (risk.matrix)", bad));
  }
}

TEST_CASE("make: a new open risk, scored, due for review") {
  risk::NewRisk n;
  n.title = "Phishing";
  n.likelihood = 4;
  n.impact = 5;
  n.owner = "alice";
  n.category = "people";
  n.description = "Credential theft by email";
  SUBCASE("with the configured review interval") {
    const Record r = risk::make(n, Config{}, k_clock);
    CHECK(r.is_null(risk::id));
    CHECK(r.text(risk::title) == "Phishing");
    CHECK(r.text(risk::owner) == "alice");
    CHECK(r.text(risk::category) == "people");
    CHECK(r.text(risk::description) == "Credential theft by email");
    CHECK(r.text(risk::status) == "open");
    CHECK(r.integer(risk::likelihood) == 4);
    CHECK(r.integer(risk::impact) == 5);
    CHECK(r.integer(risk::score) == 20);
    CHECK(r.text(risk::level) == "critical");
    CHECK(r.text(risk::review_every) == "90d");
    CHECK(r.text(risk::next_review) == "2027-02-25");
    CHECK(r.text(risk::created) == "2026-11-27T04:26:36Z");
    CHECK(r.text(risk::updated) == "2026-11-27T04:26:36Z");
    for (const auto f : {risk::residual_likelihood, risk::residual_impact, risk::treatment, risk::plan, risk::due,
                         risk::accepted_by, risk::accepted_until, risk::closed_at}) {
      CAPTURE(f);
      CHECK(r.is_null(f));
    }
  }
  SUBCASE("config default changed") {
    Config c;
    c.risk_review_every = Duration{30, 'd'};
    const Record r = risk::make(n, c, k_clock);
    CHECK(r.text(risk::review_every) == "30d");
    CHECK(r.text(risk::next_review) == "2026-12-27");
  }
  SUBCASE("its own interval, calendar months") {
    n.review_every = Duration{1, 'm'};
    const Record r = risk::make(n, Config{}, Clock{1801353600});  // 2027-01-31
    CHECK(r.text(risk::review_every) == "1m");
    CHECK(r.text(risk::next_review) == "2027-02-28");
  }
  SUBCASE("optional fields left null") {
    risk::NewRisk bare;
    bare.title = "Bare";
    bare.likelihood = 1;
    bare.impact = 2;
    const Record r = risk::make(bare, Config{}, k_clock);
    CHECK(r.is_null(risk::owner));
    CHECK(r.is_null(risk::category));
    CHECK(r.is_null(risk::description));
    CHECK(r.text(risk::level) == "low");
  }
}

TEST_CASE("require_status: every verb from every status") {
  const std::vector<std::string> active{"open", "treating", "accepted"};
  for (const auto* verb : {"assess", "treat", "accept", "review", "close", "edit"}) {
    CAPTURE(verb);
    for (const auto& s : active) {
      CAPTURE(s);
      CHECK_NOTHROW(risk::require_status(with_status(s), verb));
    }
    const Error e = error_of([&] { risk::require_status(with_status("closed"), verb); });
    CHECK(e.code() == ExitCode::conflict);
    CHECK(std::string(e.what()) ==
          fmt::format("RSK-7 is closed; 'risk {}' needs a risk that is open, treating or accepted", verb));
  }
  CHECK_NOTHROW(risk::require_status(with_status("closed"), "reopen"));
  for (const auto& s : active) {
    CAPTURE(s);
    const Error e = error_of([&] { risk::require_status(with_status(s), "reopen"); });
    CHECK(e.code() == ExitCode::conflict);
    CHECK(std::string(e.what()) == fmt::format("RSK-7 is {}; 'risk reopen' needs a risk that is closed", s));
  }
}

TEST_CASE("assess: the inherent rating changes the score, the residual one does not") {
  Record r = new_risk(3, 4);
  SUBCASE("inherent") {
    risk::assess(r, 5, 5, false, k_later);
    CHECK(r.integer(risk::likelihood) == 5);
    CHECK(r.integer(risk::impact) == 5);
    CHECK(r.integer(risk::score) == 25);
    CHECK(r.is_null(risk::residual_likelihood));
    CHECK(r.text(risk::status) == "open");
    CHECK(r.text(risk::updated) == "2026-11-28T05:26:36Z");
    CHECK(r.text(risk::created) == "2026-11-27T04:26:36Z");
  }
  SUBCASE("residual") {
    risk::assess(r, 1, 2, true, k_later);
    CHECK(r.integer(risk::residual_likelihood) == 1);
    CHECK(r.integer(risk::residual_impact) == 2);
    CHECK(r.integer(risk::likelihood) == 3);
    CHECK(r.integer(risk::impact) == 4);
    CHECK(r.integer(risk::score) == 12);
    CHECK(r.text(risk::updated) == "2026-11-28T05:26:36Z");
  }
  SUBCASE("the residual rating is never above the inherent one, either way round") {
    r.set(risk::id, std::int64_t{7});
    CHECK(test::message_of(ExitCode::conflict, [&] { risk::assess(r, 4, 2, true, k_later); }) ==
          "RSK-7's residual likelihood (4) would be above its inherent likelihood (3): the rating after treatment is "
          "at most the one before it");
    CHECK(r.is_null(risk::residual_likelihood));  // unchanged
    Record ok = new_risk(3, 4);
    risk::assess(ok, 3, 4, true, k_later);  // equal is fine
    CHECK(test::code_of([&] { risk::assess(ok, 3, 3, false, k_later); }) == ExitCode::conflict);
    CHECK(risk::residual_above_inherent(ok, "the row") == std::nullopt);
  }
}

TEST_CASE("treat, accept, review, close, reopen") {
  Record r = new_risk();
  SUBCASE("treat sets the strategy, plan and due, and ends an acceptance") {
    risk::accept(r, "2027-01-01", "carol", k_clock);
    risk::treat(r, "mitigate", "Train staff", "2026-12-31"s, k_later);
    CHECK(r.text(risk::status) == "treating");
    CHECK(r.text(risk::treatment) == "mitigate");
    CHECK(r.text(risk::plan) == "Train staff");
    CHECK(r.text(risk::due) == "2026-12-31");
    CHECK(r.is_null(risk::accepted_by));
    CHECK(r.is_null(risk::accepted_until));
    CHECK(r.text(risk::updated) == "2026-11-28T05:26:36Z");
    risk::treat(r, "transfer", "Insurance", std::nullopt, k_later);
    CHECK(r.text(risk::treatment) == "transfer");
    CHECK(r.text(risk::plan) == "Insurance");
    CHECK(r.text(risk::due) == "2026-12-31");  // kept when not given
  }
  SUBCASE("accept records who and until when") {
    risk::accept(r, "2027-03-31", "carol", k_later);
    CHECK(r.text(risk::status) == "accepted");
    CHECK(r.text(risk::treatment) == "accept");
    CHECK(r.text(risk::accepted_by) == "carol");
    CHECK(r.text(risk::accepted_until) == "2027-03-31");
    CHECK(r.text(risk::updated) == "2026-11-28T05:26:36Z");
  }
  SUBCASE("review moves next_review by the risk's own interval") {
    r.set(risk::review_every, "30d"s);
    risk::review(r, Config{}, k_later);
    CHECK(r.text(risk::next_review) == "2026-12-28");
    CHECK(r.text(risk::updated) == "2026-11-28T05:26:36Z");
  }
  SUBCASE("review falls back on the configured interval") {
    r.set_null(risk::review_every);
    Config c;
    c.risk_review_every = Duration{2, 'w'};
    risk::review(r, c, k_later);
    CHECK(r.text(risk::next_review) == "2026-12-12");
  }
  SUBCASE("close and reopen") {
    risk::close(r, k_later);
    CHECK(r.text(risk::status) == "closed");
    CHECK(r.text(risk::closed_at) == "2026-11-28T05:26:36Z");
    CHECK(r.text(risk::updated) == "2026-11-28T05:26:36Z");
    risk::reopen(r, Clock{k_t + 2 * 86400});
    CHECK(r.text(risk::status) == "open");
    CHECK(r.is_null(risk::closed_at));
    CHECK(r.text(risk::updated) == "2026-11-29T04:26:36Z");
  }
}

TEST_CASE("make_query turns list filters into conditions") {
  const Config c;
  SUBCASE("no filter, no condition") {
    const Query q = risk::make_query({}, c);
    CHECK(q.where.empty());
    CHECK(q.sort.empty());
    CHECK_FALSE(q.limit.has_value());
  }
  SUBCASE("status, owner and category as IN lists") {
    risk::ListFilter f;
    f.status = {"open", "treating"};
    f.owner = {"alice"};
    f.category = {"people", "cloud"};
    const Query q = risk::make_query(f, c);
    REQUIRE(q.where.size() == 3);
    CHECK(q.where[0].field == risk::status);
    CHECK(q.where[0].op == Op::in);
    CHECK(values_text(q.where[0]) == "open,treating");
    CHECK(q.where[1].field == risk::owner);
    CHECK(values_text(q.where[1]) == "alice");
    CHECK(q.where[2].field == risk::category);
    CHECK(values_text(q.where[2]) == "people,cloud");
  }
  SUBCASE("a level is the scores of its band") {
    risk::ListFilter f;
    f.level = {"high"};
    Query q = risk::make_query(f, c);
    REQUIRE(q.where.size() == 1);
    CHECK(q.where[0].field == risk::score);
    CHECK(q.where[0].op == Op::in);
    CHECK(values_text(q.where[0]) == "10,11,12,13,14,15,16");
    f.level = {"low", "critical"};
    q = risk::make_query(f, config_with(5, RiskBands{3, 6, 24}));
    CHECK(values_text(q.where[0]) == "1,2,24,25");
  }
  SUBCASE("an unknown level is a usage error") {
    risk::ListFilter f;
    f.level = {"urgent"};
    CHECK(error_of([&] { risk::make_query(f, c); }).code() == ExitCode::usage);
  }
  SUBCASE("min_score") {
    risk::ListFilter f;
    f.min_score = 12;
    const Query q = risk::make_query(f, c);
    REQUIRE(q.where.size() == 1);
    CHECK(q.where[0].field == risk::score);
    CHECK(q.where[0].op == Op::ge);
    CHECK(values_text(q.where[0]) == "12");
  }
  SUBCASE("review_due: next_review by that date, and not closed") {
    risk::ListFilter f;
    f.review_due_before = k_t + 14 * 86400;
    const Query q = risk::make_query(f, c);
    REQUIRE(q.where.size() == 2);
    CHECK(q.where[0].field == risk::next_review);
    CHECK(q.where[0].op == Op::le);
    CHECK(values_text(q.where[0]) == "2026-12-11");
    CHECK(q.where[1].field == risk::status);
    CHECK(q.where[1].op == Op::ne);
    CHECK(values_text(q.where[1]) == "closed");
  }
}

TEST_CASE("complete_imported fills what an import row leaves out") {
  Record r = empty_record(risk::kind());
  r.set(risk::title, "Imported"s);
  r.set(risk::likelihood, std::int64_t{2});
  r.set(risk::impact, std::int64_t{5});
  SUBCASE("a minimal row") {
    risk::complete_imported(r, Config{}, k_clock);
    CHECK(r.text(risk::status) == "open");
    CHECK(r.integer(risk::score) == 10);
    CHECK(r.text(risk::created) == "2026-11-27T04:26:36Z");
    CHECK(r.text(risk::updated) == "2026-11-27T04:26:36Z");
    CHECK(r.text(risk::review_every) == "90d");
    CHECK(r.text(risk::next_review) == "2027-02-25");
    CHECK(r.is_null(risk::closed_at));
  }
  SUBCASE("next_review counts from the given created, with the given interval") {
    r.set(risk::created, "2026-01-01T00:00:00Z"s);
    r.set(risk::review_every, "30d"s);
    r.set(risk::updated, "2020-01-01T00:00:00Z"s);
    risk::complete_imported(r, Config{}, k_clock);
    CHECK(r.text(risk::created) == "2026-01-01T00:00:00Z");
    CHECK(r.text(risk::next_review) == "2026-01-31");
    CHECK(r.text(risk::updated) == "2026-11-27T04:26:36Z");  // always now
  }
  SUBCASE("given values are kept") {
    r.set(risk::status, "treating"s);
    r.set(risk::next_review, "2026-12-24"s);
    r.set(risk::score, std::int64_t{99});
    risk::complete_imported(r, Config{}, k_clock);
    CHECK(r.text(risk::status) == "treating");
    CHECK(r.text(risk::next_review) == "2026-12-24");
    CHECK(r.integer(risk::score) == 10);  // always likelihood x impact
  }
  SUBCASE("a closed row gets closed_at now unless given") {
    r.set(risk::status, "closed"s);
    risk::complete_imported(r, Config{}, k_clock);
    CHECK(r.text(risk::closed_at) == "2026-11-27T04:26:36Z");
    r.set(risk::closed_at, "2025-06-30T12:00:00Z"s);
    risk::complete_imported(r, Config{}, k_later);
    CHECK(r.text(risk::closed_at) == "2025-06-30T12:00:00Z");
  }
}
