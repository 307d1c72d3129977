#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "storage/sqlite/background.h"

using cso::storage::Background;

TEST_CASE("a background job runs on another thread, and wait() returns once it is done") {
  Background worker;
  const auto caller = std::this_thread::get_id();
  std::thread::id ran_on;
  int done = 0;
  worker.start([&] {
    ran_on = std::this_thread::get_id();
    ++done;
  });
  worker.wait();
  CHECK(done == 1);
  CHECK(ran_on != caller);
  for (int i = 0; i < 100; ++i) {  // start() waits for the job before: they never overlap
    worker.start([&] { ++done; });
  }
  worker.wait();
  CHECK(done == 101);
}

TEST_CASE("a background job's exception reaches the caller once, at the next wait() or start()") {
  Background worker;
  worker.start([] { throw std::runtime_error("disk full"); });
  CHECK_THROWS_WITH(worker.wait(), "disk full");
  CHECK_NOTHROW(worker.wait());

  std::atomic<int> runs = 0;
  worker.start([] { throw std::runtime_error("busy"); });
  CHECK_THROWS_WITH(worker.start([&] { ++runs; }), "busy");
  CHECK(runs == 0);  // the job after a failed one is not started
  worker.start([&] { ++runs; });
  worker.wait();
  CHECK(runs == 1);
}

TEST_CASE("destroying a Background waits for its job and drops its error") {
  std::atomic<bool> finished = false;
  {
    Background worker;
    worker.start([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      finished = true;
      throw std::runtime_error("nobody is listening");
    });
  }
  CHECK(finished);
}
