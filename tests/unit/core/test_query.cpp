#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/error.h"
#include "core/query.h"
#include "core/risk.h"
#include "core/staff.h"
#include "tests/unit/test_support.h"

using namespace cso;
using namespace std::string_literals;

namespace {

using test::usage_message;

/// The sort keys as text again ("-score,due"), so one CHECK compares a whole list.
std::string sort_text(const KindDef& kind, std::string_view text) {
  std::string out;
  for (const auto& k : parse_sort(kind, text)) {
    out += out.empty() ? "" : ",";
    out += (k.descending ? "-" : "") + std::string(kind.fields[k.field].name);
  }
  return out;
}

std::string sort_error(std::string_view text) {
  return usage_message([&] { parse_sort(risk::kind(), text); });
}

std::string fields_error(const KindDef& kind, std::string_view text) {
  return usage_message([&] { parse_fields(kind, text); });
}

const std::string k_risk_sortable =
    "id, title, category, owner, status, likelihood, impact, score, residual_likelihood, residual_impact, "
    "treatment, due, next_review, accepted_until, created, updated, closed_at";
const std::string k_risk_fields =
    "id, title, description, category, owner, status, likelihood, impact, score, level, residual_likelihood, "
    "residual_impact, treatment, plan, due, review_every, next_review, accepted_by, accepted_until, created, "
    "updated, closed_at";

std::string unsortable(std::string_view field) {
  return fmt::format("--sort: '{}' is not a sortable risk field; use {} (prefix - for descending)", field,
                     k_risk_sortable);
}

}  // namespace

TEST_CASE("parse_sort: one key, several keys, - for descending") {
  SUBCASE("one key, ascending") {
    const auto keys = parse_sort(risk::kind(), "score");
    REQUIRE(keys.size() == 1);
    CHECK(keys[0].field == risk::score);
    CHECK_FALSE(keys[0].descending);
  }
  SUBCASE("several keys in the order given") {
    const auto keys = parse_sort(risk::kind(), "-score,due,title");
    REQUIRE(keys.size() == 3);
    CHECK(keys[0].field == risk::score);
    CHECK(keys[0].descending);
    CHECK(keys[1].field == risk::due);
    CHECK_FALSE(keys[1].descending);
    CHECK(keys[2].field == risk::title);
    CHECK_FALSE(keys[2].descending);
  }
  SUBCASE("+ is an explicit ascending") {
    CHECK(sort_text(risk::kind(), "+score,-id") == "score,-id");
  }
  SUBCASE("the same field twice is kept as given") {
    CHECK(sort_text(risk::kind(), "due,-due") == "due,-due");
  }
  SUBCASE("every sortable risk field") {
    const std::string all =
        "id,title,category,owner,status,likelihood,impact,score,residual_likelihood,residual_impact,treatment,due,"
        "next_review,accepted_until,created,updated,closed_at";
    CHECK(sort_text(risk::kind(), all) == all);
  }
  SUBCASE("staff") {
    CHECK(sort_text(staff::kind(), "-started,handle") == "-started,handle");
  }
}

TEST_CASE("parse_sort: unknown and unsortable fields name the field and list the sortable ones") {
  CHECK(sort_error("colour") == unsortable("colour"));
  CHECK(sort_error("-colour") == unsortable("colour"));
  CHECK(sort_error("score,colour") == unsortable("colour"));
  SUBCASE("fields that exist but do not sort") {
    CHECK(sort_error("description") == unsortable("description"));
    CHECK(sort_error("plan") == unsortable("plan"));
    CHECK(sort_error("review_every") == unsortable("review_every"));
    CHECK(sort_error("accepted_by") == unsortable("accepted_by"));
    CHECK(sort_error("level") == unsortable("level"));  // derived: not in SQL
  }
  SUBCASE("names are exact: case, spaces") {
    CHECK(sort_error("Score") == unsortable("Score"));
    CHECK(sort_error(" score") == unsortable(" score"));
    CHECK(sort_error("score ") == unsortable("score "));
  }
  SUBCASE("empty keys") {
    CHECK(sort_error("") == unsortable(""));
    CHECK(sort_error("-") == unsortable(""));
    CHECK(sort_error("score,") == unsortable(""));
    CHECK(sort_error(",score") == unsortable(""));
    CHECK(sort_error("--score") == unsortable("-score"));
  }
  SUBCASE("staff lists its own fields") {
    CHECK(usage_message([] { parse_sort(staff::kind(), "id"); }) ==
          "--sort: 'id' is not a sortable staff field; use handle, name, email, role, team, manager, started, "
          "left, status (prefix - for descending)");
  }
}

TEST_CASE("parse_fields: indexes in the order given, derived fields allowed") {
  CHECK(parse_fields(risk::kind(), "id") == std::vector<std::size_t>{risk::id});
  CHECK(parse_fields(risk::kind(), "id,title,level") == std::vector<std::size_t>{risk::id, risk::title, risk::level});
  CHECK(parse_fields(risk::kind(), "score,id") == std::vector<std::size_t>{risk::score, risk::id});
  CHECK(parse_fields(risk::kind(), "description,plan") == std::vector<std::size_t>{risk::description, risk::plan});
  CHECK(parse_fields(staff::kind(), "handle,name,left") ==
        std::vector<std::size_t>{staff::handle, staff::name, staff::left});
}

TEST_CASE("parse_fields: a repeated field is a usage error naming it") {
  CHECK(fields_error(risk::kind(), "id,id") == "--fields: 'id' is given twice");
  CHECK(fields_error(risk::kind(), "id,title,score,title") == "--fields: 'title' is given twice");
  CHECK(fields_error(risk::kind(), "title,bogus,title") ==
        fmt::format("--fields: 'bogus' is not a risk field; use {}", k_risk_fields));
}

TEST_CASE("parse_fields: an unknown field lists every field of the kind") {
  const auto unknown = [](std::string_view f) {
    return fmt::format("--fields: '{}' is not a risk field; use {}", f, k_risk_fields);
  };
  CHECK(fields_error(risk::kind(), "name") == unknown("name"));
  CHECK(fields_error(risk::kind(), "id,name") == unknown("name"));
  CHECK(fields_error(risk::kind(), "-score") == unknown("-score"));
  CHECK(fields_error(risk::kind(), "Title") == unknown("Title"));
  CHECK(fields_error(risk::kind(), "") == unknown(""));
  CHECK(fields_error(risk::kind(), "id,") == unknown(""));
  CHECK(fields_error(risk::kind(), "id, title") == unknown(" title"));
  CHECK(fields_error(staff::kind(), "id") ==
        "--fields: 'id' is not a staff field; use handle, name, email, role, team, manager, started, left, status");
}
