// The official Mustache spec (required modules) through cso's own rendering path: the spec's
// data as report Data, each template through the parse check reports use, rendered by
// cli::render with the html escaping (the spec's).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/templates.h"

namespace {

const std::string k_spec_dir = CSO_TESTS_DIR "/conformance/mustache-spec/";

/// Spec data as report Data. Numbers become what the spec prints: integers without decimals
/// ("85"), other numbers in their shortest form ("1.21"), as reports format them before a
/// template sees them.
cso::Data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      cso::Data out = cso::Data::object();
      for (const auto& [key, value] : j.items()) {
        out.set(key, to_data(value));
      }
      return out;
    }
    case nlohmann::json::value_t::array: {
      cso::Data out = cso::Data::List{};
      for (const auto& item : j) {
        out.push(to_data(item));
      }
      return out;
    }
    case nlohmann::json::value_t::string:
      return j.get<std::string>();
    case nlohmann::json::value_t::boolean:
      return j.get<bool>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float: {
      const double d = j.get<double>();
      if (std::trunc(d) == d && std::fabs(d) <= std::numeric_limits<int>::max()) {
        return static_cast<std::int64_t>(d);
      }
      return j.dump();
    }
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
    case nlohmann::json::value_t::binary:
      break;
  }
  return {};
}

}  // namespace

TEST_CASE("mustache spec: every test of the required modules passes through cso's rendering") {
  int total = 0;
  int passed = 0;
  for (const char* module : {"comments", "delimiters", "interpolation", "inverted", "partials", "sections"}) {
    std::ifstream in(k_spec_dir + module + ".json", std::ios::binary);
    REQUIRE_MESSAGE(in, "missing spec file ", module);
    const nlohmann::json spec = nlohmann::json::parse(in);
    for (const auto& test : spec.at("tests")) {
      std::map<std::string, std::string> partials;
      if (test.contains("partials")) {
        for (const auto& [name, text] : test.at("partials").items()) {
          partials.emplace(name, text.get<std::string>());
        }
      }
      const std::string expected = test.at("expected").get<std::string>();
      const std::string text = test.at("template").get<std::string>();
      const auto problem = cso::cli::template_problem(text);
      CHECK_MESSAGE(!problem, module, " / ", test.at("name").get<std::string>(), ": ", problem.value_or(""));
      const std::string actual = cso::cli::render(text, to_data(test.at("data")), "html", partials);
      ++total;
      passed += actual == expected ? 1 : 0;
      CHECK_MESSAGE(actual == expected, module, " / ", test.at("name").get<std::string>(),
                    "\n  expected: ", nlohmann::json(expected).dump(), "\n  actual:   ", nlohmann::json(actual).dump());
    }
  }
  MESSAGE("mustache spec: ", passed, " of ", total, " passed");
  CHECK(total == 136);
  CHECK(passed == total);
}
