// A fixed set of Workers lent to one request at a time.  The Engine is shared
// read-only; each Worker owns its scratch buffers, so a Worker must never be
// used by two threads at once.  acquire() waits a bounded time: a server
// under more load than it has Workers answers 503 instead of queueing forever.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "pipeline/engine.h"

namespace parley::server {

class WorkerPool {
 public:
  WorkerPool(const Engine& engine, int count);

  class Lease {
   public:
    Lease(WorkerPool& pool, Worker* worker) : pool_(&pool), worker_(worker) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), worker_(o.worker_) { o.worker_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    ~Lease() { if (worker_) pool_->release(worker_); }
    Worker& worker() { return *worker_; }

   private:
    WorkerPool* pool_;
    Worker* worker_;
  };

  // A free Worker, or nullopt if none was returned within `wait`.
  std::optional<Lease> acquire(std::chrono::milliseconds wait);
  size_t size() const { return all_.size(); }

 private:
  void release(Worker* worker);

  std::vector<std::unique_ptr<Worker>> all_;
  std::vector<Worker*> free_;
  std::mutex mutex_;
  std::condition_variable returned_;
};

}  // namespace parley::server
