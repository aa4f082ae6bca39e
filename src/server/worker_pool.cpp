#include "server/worker_pool.h"

namespace parley::server {

WorkerPool::WorkerPool(const Engine& engine, int count) {
  for (int i = 0; i < std::max(1, count); ++i) {
    all_.push_back(std::make_unique<Worker>(engine));
    free_.push_back(all_.back().get());
  }
}

std::optional<WorkerPool::Lease> WorkerPool::acquire(std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  if (!returned_.wait_for(lock, wait, [this] { return !free_.empty(); })) return std::nullopt;
  Worker* w = free_.back();
  free_.pop_back();
  return Lease(*this, w);
}

void WorkerPool::release(Worker* worker) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(worker);
  }
  returned_.notify_one();
}

}  // namespace parley::server
