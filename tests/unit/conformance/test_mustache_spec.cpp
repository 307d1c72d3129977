// The official Mustache spec (required modules) through mstch, the engine reports use.
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <mstch/mstch.hpp>
#include <nlohmann/json.hpp>
#include <string>

namespace {

const std::string k_spec_dir = CSO_TESTS_DIR "/conformance/mustache-spec/";

/// Spec data as an mstch context. Numbers become what the spec prints: integers without
/// decimals ("85"), other numbers in their shortest form ("1.21").
mstch::node to_node(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mstch::map map;
      for (const auto& [key, value] : j.items()) {
        map.emplace(key, to_node(value));
      }
      return map;
    }
    case nlohmann::json::value_t::array: {
      mstch::array array;
      for (const auto& item : j) {
        array.push_back(to_node(item));
      }
      return array;
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
        return static_cast<int>(d);
      }
      return j.dump();
    }
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded:
    case nlohmann::json::value_t::binary:
      break;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("mustache spec: every test of the required modules passes with mstch") {
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
      const std::string actual =
          mstch::render(test.at("template").get<std::string>(), to_node(test.at("data")), partials);
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
