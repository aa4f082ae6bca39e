// parley/server: the HTTP API and the analyst's dashboard (`parley serve`).
//
// Owns the HTTP surface over the engine and the event store: the routes
// (POST /v1/code, POST /v1/documents, GET /v1/events, GET /v1/dyads/{a}/{b}/
// timeline, GET /v1/quotes, GET /v1/deadlines, GET /v1/actors, GET
// /openapi.json, and the dashboard at /), the validation of every parameter
// (a bad one is a 4xx with {"error": "...", "parameter": "..."}), and the
// limits that keep one request from hurting the others: body size (whatever
// the transfer coding), the time a whole request may take to arrive, write
// timeouts, the amount of text one request may ask to code, and how long a
// request may wait for a free Worker.  Requests are read and checked by the
// gate (http_gate.h) before cpp-httplib routes them; Host, Origin and the
// write token are checked by access.h.
//
// Threads: the Engine is shared read-only; `threads` Workers are kept in a
// pool and lent to one request at a time.  Connections are read and written
// by the gate's event loop, so slow or idle clients hold no thread; a larger
// set of handler threads (max(8, 4 x threads)) runs the routes on complete
// requests.
// The dashboard's files (web/) are compiled into the binary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace parley {
class Engine;
namespace store {
class Store;
}

struct ServerLimits {
  size_t max_body_bytes = 1 << 20;       // 413 beyond
  size_t max_code_bytes = 512 << 10;     // text coded by one request; 413 beyond (~0.1 s of work)
  int read_timeout_ms = 5000;            // an idle keep-alive connection is closed after this
  int request_timeout_ms = 10000;        // a whole request (head and body) must arrive in this; 408 beyond
  int write_timeout_ms = 5000;           // an answer not read for this long: connection closed
  size_t max_connections = 1000;         // open at once; 503 beyond
  int worker_wait_ms = 2000;             // 503 when no Worker frees up in time
  int64_t max_page = 1000;               // largest `limit` of a listing
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0 = any free port (see ApiServer::port)
  int threads = 2;                       // coding Workers
  ServerLimits limits;
  // Who may do what (server/access.h): writes need this bearer token, and
  // without one the server is read-only.
  std::string write_token;
  std::vector<std::string> allowed_hosts;  // Host names accepted besides localhost, IPs and `host`
  std::vector<std::string> cors_origins;   // browser origins other than the dashboard's own
};

class ApiServer {
 public:
  // The engine and the store must outlive the server.
  ApiServer(const Engine& engine, store::Store& store, const ServerOptions& options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds host:port; false (with `error` set) if it cannot.
  bool bind(std::string& error);
  int port() const;
  // Serves until stop() (from another thread or a signal handler's thread).
  void serve();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley
