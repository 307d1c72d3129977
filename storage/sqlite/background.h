#pragma once
// One worker thread that runs a job while the caller prepares the next: the write half of a
// two-stage pipeline (bulk imports parse and hash rows on one core while SQLite writes the
// previous batch on the other).
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace cso::storage {

class Background {
 public:
  Background();
  /// Waits for the job in progress (its error, if any, is dropped) and stops the thread.
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  /// Waits for the job in progress, rethrowing its error, then starts `job`. Whatever `job`
  /// touches belongs to the worker until the next start() or wait() returns.
  void start(std::function<void()> job);
  /// Waits for the job in progress; rethrows the exception it ended with.
  void wait();

 private:
  void run();

  std::mutex m_mutex;
  std::condition_variable m_changed;
  std::function<void()> m_job;  ///< the job to run or running; empty when idle
  std::exception_ptr m_error;
  bool m_stop = false;
  std::thread m_thread;
};

}  // namespace cso::storage
