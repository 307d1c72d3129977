#include "storage/sqlite/background.h"

namespace cso::storage {

Background::Background() : m_thread([this] { run(); }) {}

Background::~Background() {
  {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_job; });
    m_stop = true;
  }
  m_changed.notify_all();
  m_thread.join();
}

void Background::start(std::function<void()> job) {
  wait();
  {
    std::lock_guard lock(m_mutex);
    m_job = std::move(job);
  }
  m_changed.notify_all();
}

void Background::wait() {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [this] { return !m_job; });
  if (m_error) {
    std::rethrow_exception(std::exchange(m_error, nullptr));
  }
}

void Background::run() {
  std::unique_lock lock(m_mutex);
  for (;;) {
    m_changed.wait(lock, [this] { return m_stop || m_job; });
    if (!m_job) {
      return;
    }
    lock.unlock();
    std::exception_ptr error;
    try {
      m_job();
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    m_error = error;
    m_job = nullptr;
    m_changed.notify_all();
  }
}

}  // namespace cso::storage
