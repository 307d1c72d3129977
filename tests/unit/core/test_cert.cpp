#include "core/cert.h"
#include "tests/unit/test_support.h"

using namespace cso;

namespace {

const Clock k_clock{1795770000};  // 2026-11-27T09:00:00Z

Record a_cert(std::optional<std::string> earned, std::optional<std::string> expires) {
  cert::NewCert n;
  n.staff = "alice";
  n.name = "CISSP";
  n.earned = std::move(earned);
  n.expires = std::move(expires);
  return cert::make(n, k_clock);
}

}  // namespace

TEST_CASE("a certification's key is its holder's handle, /cert/ and its name") {
  CHECK(cert::key_of("alice", "CISSP") == "alice/cert/CISSP");
  CHECK(cert::key_of("nina", "CIPP/E") == "nina/cert/CIPP/E");
  const Record r = a_cert(std::string("2024-01-02"), std::nullopt);
  CHECK(r.text(cert::key) == "alice/cert/CISSP");
  CHECK(r.text(cert::staff) == "alice");
  CHECK(r.text(cert::earned) == "2024-01-02");
  CHECK(r.is_null(cert::expires));
  CHECK(r.is_null(cert::issuer));
  CHECK(r.text(cert::created) == "2026-11-27T09:00:00Z");
  CHECK(
      canonical_json(cert::kind(), r) ==
      R"({"created":"2026-11-27T09:00:00Z","earned":"2024-01-02","key":"alice/cert/CISSP","name":"CISSP","staff":"alice"})");
}

TEST_CASE("certification names: one printable line, not blank, at most 100 bytes") {
  CHECK(cert::parse_name("CISSP", "NAME") == "CISSP");
  CHECK(cert::parse_name("AWS Security Specialty", "NAME") == "AWS Security Specialty");
  CHECK(cert::parse_name("CIPP/E", "NAME") == "CIPP/E");
  CHECK(test::usage_message([] { cert::parse_name("", "NAME"); }) == "NAME: a certification needs a name, e.g. CISSP");
  CHECK(test::usage_message([] { cert::parse_name("   ", "NAME"); }).find("needs a name") != std::string::npos);
  CHECK(test::usage_message([] { cert::parse_name(" CISSP", "NAME"); }).find("begins or ends with a space") !=
        std::string::npos);
  CHECK(test::usage_message([] { cert::parse_name("CIS\nSP", "NAME"); }).find("control character") !=
        std::string::npos);
  CHECK(test::usage_message([] { cert::parse_name("A\x1b[31m", "NAME"); }).find("control character") !=
        std::string::npos);
  CHECK(test::usage_message([] { cert::parse_name("A\xc2\x9b", "NAME"); }).find("control character") !=
        std::string::npos);
  CHECK(test::usage_message([] { cert::parse_name("\xff", "NAME"); }).find("UTF-8") != std::string::npos);
  CHECK(cert::parse_name(std::string(100, 'x'), "NAME").size() == 100);
  CHECK(test::usage_message([] { cert::parse_name(std::string(101, 'x'), "NAME"); }).find("at most 100") !=
        std::string::npos);
}

TEST_CASE("names compare without regard to ASCII case") {
  CHECK(cert::same_name("CISSP", "cissp"));
  CHECK(cert::same_name("Security+", "SECURITY+"));
  CHECK_FALSE(cert::same_name("CISSP", "CISM"));
  CHECK_FALSE(cert::same_name("CISSP", "CISSP2"));
}

TEST_CASE("dates: earned not in the future, expires not before earned") {
  CHECK_NOTHROW(cert::check_dates(a_cert(std::nullopt, std::nullopt), k_clock));
  CHECK_NOTHROW(cert::check_dates(a_cert(std::string("2026-11-27"), std::string("2026-11-27")), k_clock));
  CHECK_NOTHROW(cert::check_dates(a_cert(std::nullopt, std::string("2020-01-01")), k_clock));
  CHECK(test::usage_message([] { cert::check_dates(a_cert(std::string("2026-11-28"), std::nullopt), k_clock); }) ==
        "--earned: 2026-11-28 is in the future; give the date the certification was earned");
  CHECK(test::usage_message([] {
          cert::check_dates(a_cert(std::string("2025-05-01"), std::string("2025-04-30")), k_clock);
        }) == "--expires: 2025-04-30 is before --earned 2025-05-01; a certification cannot expire before it is earned");
}

TEST_CASE("state: expired before today, expiring up to the horizon, else valid") {
  const auto state = [](std::optional<std::string> expires) {
    return std::string(cert::state_of(a_cert(std::nullopt, std::move(expires)), "2026-11-27", "2027-01-26"));
  };
  CHECK(state(std::nullopt) == "valid");
  CHECK(state(std::string("2026-11-26")) == "expired");
  CHECK(state(std::string("2026-11-27")) == "expiring");
  CHECK(state(std::string("2027-01-26")) == "expiring");
  CHECK(state(std::string("2027-01-27")) == "valid");
  Record r = a_cert(std::nullopt, std::string("2027-01-10"));
  cert::derive(r, k_clock, Duration{60, 'd'});
  CHECK(r.text(cert::state) == "expiring");
  cert::derive(r, k_clock, Duration{30, 'd'});
  CHECK(r.text(cert::state) == "valid");
}
