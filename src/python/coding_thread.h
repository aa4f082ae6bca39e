// parley/python: one thread of our own that runs jobs one after another, in
// the order they were submitted, for code_many() and code_frame().
//
// Why not a Python thread (concurrent.futures): a Python thread needs the GIL
// at each batch boundary (to return its result and to take the next batch),
// and the caller's thread holds it for milliseconds at a time while it makes
// a batch's dicts, so the coding stood idle at every batch, waiting for the
// GIL, while the CLI codes without pause.  This thread never touches Python:
// it waits on a mutex of its own, never on the GIL.  Nothing here knows about
// Python.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace parley::python {

class CodingThread {
 public:
  CodingThread();
  // Jobs not yet started are dropped (their futures report broken_promise);
  // waits for the running one, then joins.
  ~CodingThread();
  CodingThread(const CodingThread&) = delete;
  CodingThread& operator=(const CodingThread&) = delete;

  // Runs `job` after every job submitted before it; the future is ready when
  // it has run, holding what it threw, if anything.
  std::future<void> submit(std::function<void()> job);

 private:
  void loop();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::packaged_task<void()>> queue_;
  bool stop_ = false;
  std::thread thread_;  // last: started once the members above exist
};

}  // namespace parley::python
