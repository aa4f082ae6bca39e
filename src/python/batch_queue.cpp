#include "python/batch_queue.h"

#include <pybind11/stl.h>

#include <deque>
#include <exception>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "python/coder.h"
#include "python/coding_thread.h"
#include "python/documents.h"
#include "python/event_columns.h"
#include "python/record_objects.h"

namespace py = pybind11;

namespace parley::python {
namespace {

// One submitted batch.  The coding thread reads `lines.lines` (views into
// `lines.held`) and fills `docs`, `error`, `warnings` and `coded`; the
// caller's thread reads them only once `done` is ready.
struct Batch {
  HeldLines lines;                    // jsonl
  std::vector<io::InputRecord> docs;  // read on submit() (dicts or str), or from `lines` on the coding thread
  uint32_t first = 1;
  std::string error;
  std::vector<std::string> warnings;
  std::unique_ptr<CodedLines> coded;  // code_many()'s records; null when filling a table
  // What reading the batch raised on submit() (a str line or text with a
  // lone surrogate, a key whose str() fails): raised by next() in its turn,
  // after the batches before it, as if the coding had raised it.
  std::exception_ptr raised;
  std::future<void> done;             // not valid when `raised`
};

class CodingQueue {
 public:
  // `table`: an EventTable to fill (code_frame()), or None for records.
  CodingQueue(py::object coder, const py::object& date, bool jsonl, py::object table)
      : coder_ref_(std::move(coder)),
        table_ref_(std::move(table)),
        coder_(coder_ref_.cast<Coder&>()),
        table_(table_ref_.is_none() ? nullptr : &table_ref_.cast<EventColumns&>()),
        date_(date_argument(date)),
        jsonl_(jsonl),
        thread_(std::make_unique<CodingThread>()) {}

  void submit(const py::list& docs, uint32_t first) {
    if (!thread_) throw std::logic_error("CodingQueue.submit() after close()");
    auto batch = std::make_unique<Batch>();
    batch->first = first;
    try {
      if (jsonl_) batch->lines = hold_lines(docs, first);
      else batch->error = read_docs(docs, first, date_, batch->docs);
    } catch (const py::error_already_set&) {
      batch->raised = std::current_exception();
    }
    if (!table_) batch->coded = std::make_unique<CodedLines>();
    Batch* b = batch.get();
    if (!batch->raised) batch->done = thread_->submit([this, b] { code(*b); });
    pending_.push_back(std::move(batch));
  }

  py::tuple next() {
    if (pending_.empty()) throw std::logic_error("CodingQueue.next() with no batch submitted");
    const std::unique_ptr<Batch> batch = std::move(pending_.front());
    pending_.pop_front();
    if (batch->raised) std::rethrow_exception(batch->raised);
    {
      py::gil_scoped_release unlocked;
      batch->done.wait();
    }
    batch->done.get();  // what the coding threw, translated with the GIL held
    py::object error = batch->error.empty() ? py::object(py::none()) : py::str(batch->error);
    if (table_) return py::make_tuple(error, batch->warnings);
    return py::make_tuple(std::move(batch->coded), error, batch->warnings);
  }

  // Drops the batches not yet started and waits for the one coding, so the
  // thread ends now rather than when the queue is collected.
  void close() {
    {
      py::gil_scoped_release unlocked;  // the thread never needs it; other Python threads may
      thread_.reset();
    }
    pending_.clear();  // after the join: the thread may have been reading their lines
  }

  ~CodingQueue() { thread_.reset(); }  // joined before pending_'s lines are released

 private:
  // On the coding thread: no Python here.
  void code(Batch& b) {
    if (jsonl_) {
      const std::string bad = Coder::read_jsonl(b.lines.lines, b.first, date_, b.docs);
      b.error = bad.empty() ? b.lines.error : bad;
    }
    if (table_) coder_.code_batch_columns(std::move(b.docs), *table_, b.warnings);
    else b.coded->jsonl = coder_.code_batch(std::move(b.docs), b.warnings);
  }

  py::object coder_ref_, table_ref_;  // keep the Coder and the table alive
  Coder& coder_;
  EventColumns* table_;
  int32_t date_;
  bool jsonl_;
  std::deque<std::unique_ptr<Batch>> pending_;
  std::unique_ptr<CodingThread> thread_;  // declared last: destroyed (joined) first
};

}  // namespace

void bind_batch_queue(py::module_& m) {
  py::class_<CodingQueue>(m, "CodingQueue")
      .def(py::init<py::object, const py::object&, bool, py::object>(), py::arg("coder"),
           py::arg("date") = py::none(), py::arg("jsonl") = false, py::arg("table") = py::none())
      .def("submit", &CodingQueue::submit, py::arg("docs"), py::arg("first"),
           "Queues a batch (a list) of documents, the first at position `first` (from 1).")
      .def("next", &CodingQueue::next, "The oldest queued batch's result, once coded.")
      .def("close", &CodingQueue::close, "Stops the coding thread (batches not yet coded are dropped).");
}

}  // namespace parley::python
