#include <doctest/doctest.h>

#include "core/cert.h"
#include "core/incident.h"
#include "core/kinds.h"
#include "core/policy.h"
#include "core/risk.h"
#include "core/staff.h"
#include "core/training.h"

using namespace cso;

TEST_CASE("kind_of_record names the kind of every key the kinds make") {
  CHECK(kind_of_record("RSK-12") == &risk::kind());
  CHECK(kind_of_record("INC-3") == &incident::kind());
  CHECK(kind_of_record("alice") == &staff::kind());
  CHECK(kind_of_record("j.doe-2") == &staff::kind());
  CHECK(kind_of_record("rsk-1") == &staff::kind());  // a handle, not a risk
  CHECK(kind_of_record(cert::key_of("alice", "CISSP")) == &cert::kind());
  CHECK(kind_of_record(cert::key_of("alice", "CompTIA Security+ / CE")) == &cert::kind());  // a name with a slash
  CHECK(kind_of_record(policy_version::key_of("POL-3", 2)) == &policy_version::kind());
  CHECK(kind_of_record(policy_ack::key_of("POL-3", 2, "bob")) == &policy_ack::kind());
  CHECK(kind_of_record(incident_event::key_of("INC-4", 7)) == &incident_event::kind());
  CHECK(kind_of_record(training::assignment_key("TRN-1", "bob", 2)) == &training::assignment::kind());
}

TEST_CASE("kind_of_record: keys of no kind's shape") {
  for (const char* key : {"", "RSK-", "RSK-1x", "XYZ-1", "Alice", "POL-3/v", "POL-3/vx", "POL-3/v2/ack/",
                          "INC-4/event/", "INC-4/note/2", "alice/cert/", "TRN-1/bob", "RSK-1/v2"}) {
    CAPTURE(std::string(key));
    CHECK(kind_of_record(key) == nullptr);
  }
}

TEST_CASE("every kind's keys have a shape: a prefix, or key_shape") {
  for (const KindDef* kind : all_kinds()) {
    CAPTURE(kind->name);
    CHECK((kind->prefix.empty() != kind->key_shape.empty()));
  }
}
