// POST /v1/code (code text, store nothing) and POST /v1/documents (code and
// store).  Both lend a Worker from the pool for the coding only, and refuse
// work that would hold it too long: more than limits.max_code_bytes of text
// is a 413 before any coding starts.  Storing is a write and needs the write
// token (access.h); coding alone does not.  Both stop coding when the
// client has gone (http_gate.h client_has_gone()).
#include <chrono>

#include "io/input.h"
#include "server/api_error.h"
#include "server/coded_records.h"
#include "server/http_gate.h"
#include "server/params.h"
#include "server/request_bodies.h"
#include "server/routes.h"
#include "ingest/from_coded.h"

namespace parley::server {
namespace {

WorkerPool::Lease lend_worker(ServerContext& ctx) {
  auto lease = ctx.workers.acquire(std::chrono::milliseconds(ctx.limits.worker_wait_ms));
  if (!lease) throw ApiError(503, "all coding workers are busy; retry later");
  // Coding stops, and the Worker is free again, once the client has gone.
  lease->worker().set_stop_check(client_has_gone);
  return std::move(*lease);
}

// 499 (nginx's "client closed request"): nobody reads it; the connection is
// closed after it.
[[noreturn]] void client_gone() {
  throw ApiError(499, "the client closed the connection; coding stopped");
}

void check_code_budget(size_t bytes, const ServerLimits& limits) {
  if (bytes > limits.max_code_bytes) {
    throw ApiError(413, "text: " + std::to_string(bytes) + " bytes is more than one request may code (" +
                            std::to_string(limits.max_code_bytes) + "); split it into several requests",
                   "text");
  }
}

bool wants_json_lines(const httplib::Request& req) {
  std::string accept = req.get_header_value("Accept");
  for (char& c : accept)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return accept.find("application/x-ndjson") != std::string::npos ||
         accept.find("application/jsonl") != std::string::npos;
}

// A document sent without a date is coded (its events' dates are null, as in a
// batch run without --date), and the answer says so, naming it: a caller must
// not mistake undated events for dated ones.  The text is io's, as a batch
// run's warning is.
std::string undated_document_warning(const std::string& id) {
  return "record " + id + ": " + io::no_date_warning("a date");
}

void code_text(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string content_type = req.get_header_value("Content-Type");
  const std::string type = media_type(content_type);
  DocumentInput input;
  if (type == "application/json") {
    QueryParams none(req.params, {});
    input = parse_code_json(req.body);
  } else if (type == "text/plain") {
    QueryParams params(req.params, {"id", "date"});
    input.id = "request";
    if (auto id = params.raw("id")) {
      check_document_id(*id, "id");
      input.id = std::string(*id);
    }
    input.date = params.record_date("date");
    input.text = req.body;
  } else {
    throw ApiError(415,
                   content_type.empty() ? "Content-Type is missing; send application/json or text/plain"
                                        : "Content-Type must be application/json or text/plain",
                   "Content-Type");
  }
  check_code_budget(input.text.size(), ctx.limits);

  const bool lines = wants_json_lines(req);
  std::string out = lines ? "" : "[";
  size_t repairs = 0;
  {
    auto lease = lend_worker(ctx);
    Worker& worker = lease.worker();
    CodedDocument coded;
    if (!worker.code(input.id, input.date, input.text, false, coded)) client_gone();
    io::JsonWriter scratch;
    append_event_records(out, lines ? "\n" : ",\n", scratch, worker.doc(), ctx.engine.dicts(), coded);
    repairs = coded.utf8_repairs;
  }
  if (repairs) res.set_header("X-Parley-UTF8-Repairs", std::to_string(repairs));
  if (!input.date) res.set_header("X-Parley-Warning", undated_document_warning(input.id));
  if (lines) {
    if (!out.empty()) out += '\n';
    res.set_content(std::move(out), "application/x-ndjson");
  } else {
    out += "]\n";
    res.set_content(std::move(out), "application/json");
  }
}

void store_documents(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  require_write_access(req, res, ctx.access);
  QueryParams none(req.params, {});
  std::vector<DocumentInput> inputs = parse_documents(req.get_header_value("Content-Type"), req.body);
  size_t bytes = 0;
  for (const DocumentInput& d : inputs) bytes += d.text.size();
  check_code_budget(bytes, ctx.limits);

  std::vector<store::StoredDocument> docs;
  docs.reserve(inputs.size());
  {
    auto lease = lend_worker(ctx);
    Worker& worker = lease.worker();
    CodedDocument coded;
    for (const DocumentInput& in : inputs) {
      // A client that has gone stores nothing: it never learns what was stored.
      if (!worker.code(in.id, in.date, in.text, false, coded)) client_gone();
      docs.push_back(ingest::to_stored_document(worker.doc(), coded, ctx.engine.dicts(), "http"));
    }
  }
  ctx.store.put_documents(docs);

  io::JsonWriter w;
  w.begin_object();
  w.key("stored");
  w.unsigned_integer(docs.size());
  w.key("documents");
  w.begin_array();
  for (const store::StoredDocument& d : docs) {
    w.begin_object();
    w.key("id"); w.string(d.id);
    w.key("sentences"); w.unsigned_integer(d.sentences.size());
    w.key("events"); w.unsigned_integer(d.events.size());
    w.end_object();
  }
  w.end_array();
  // Always present (an empty list when every document had a date).
  w.key("warnings");
  w.begin_array();
  for (const DocumentInput& in : inputs)
    if (!in.date) w.string(undated_document_warning(in.id));
  w.end_array();
  const store::StoreCounts counts = ctx.store.counts();
  w.key("totals");
  w.begin_object();
  w.key("documents"); w.integer(counts.documents);
  w.key("sentences"); w.integer(counts.sentences);
  w.key("events"); w.integer(counts.events);
  w.key("clusters"); w.integer(counts.clusters);
  w.key("quotes"); w.integer(counts.quotes);
  w.key("deadlines"); w.integer(counts.deadlines);
  w.end_object();
  w.end_object();
  w.end_line();
  send_json(res, w.data());
}

}  // namespace

void add_code_routes(httplib::Server& http, ServerContext& ctx) {
  http.Post("/v1/code", [&ctx](const httplib::Request& req, httplib::Response& res) {
    handle(res, [&] { code_text(ctx, req, res); });
  });
  http.Post("/v1/documents", [&ctx](const httplib::Request& req, httplib::Response& res) {
    handle(res, [&] { store_documents(ctx, req, res); });
  });
}

}  // namespace parley::server
