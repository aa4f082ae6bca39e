// The HTTP/1.1 front door of `parley serve`: every request is read off the
// connection here, strictly and within limits, before cpp-httplib sees it.
//
// Why: Debian 12's cpp-httplib (0.11) reads chunked bodies whole whatever
// the payload limit, accepts duplicate Content-Length, Content-Length with
// Transfer-Encoding, NUL bytes and folded lines in headers, drops header
// lines ended by a bare LF, bounds time per read rather than per request,
// and loses a pipelined second request (its read buffer dies with the
// request).  The gate owns framing instead: it checks the head, reads the
// body (de-chunking it) up to the limit, and hands cpp-httplib exactly one
// length-delimited request in memory; bytes after it stay on the connection
// for the next request.  cpp-httplib still parses the head it is given and
// routes it; the response it writes is collected in memory and sent by the
// gate.
//
// Threads: one event loop (epoll) owns every connection while it is being
// read, waits idle between keep-alive requests, or is sent its answer; a
// fixed set of handler threads only ever sees complete requests.  So a slow
// client (a header line every few seconds, a body trickling in, a response
// read a byte at a time) costs a socket and a buffer, never a thread, and
// cannot keep others from being served: what bounds it is the time a whole
// request may take (408) and the number of open connections.
//
// A request the gate refuses gets a JSON error ({"error": ..., "parameter":
// ...}, as the routes' own) with Connection: close: 400 malformed head or
// chunking, 408 not complete in time, 413 body over the limit, 414 target too
// long, 417 unknown Expect, 431 head too large, 501 transfer coding other
// than chunked, 505 HTTP version other than 1.0 and 1.1; and a connection
// over the open-connection limit gets 503.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace parley::server {

struct GateLimits {
  size_t max_head_bytes = 64 << 10;    // request line and headers; 431 beyond
  size_t max_target_bytes = 8 << 10;   // the request target (path and query); 414 beyond
  size_t max_body_bytes = 1 << 20;     // after de-chunking; 413 beyond
  int request_timeout_ms = 10000;      // a whole request, from its first byte; 408 beyond
  int idle_timeout_ms = 5000;          // a keep-alive connection waiting for its next request
  int write_timeout_ms = 5000;         // a response that makes no progress this long: connection closed
  size_t max_requests_per_connection = 1000;
  size_t max_connections = 1000;       // open at once; 503 beyond
  int handler_threads = 8;             // threads that run the routes on complete requests
};

// What the gate makes of one request head.
struct HeadCheck {
  int status = 0;  // 0 = acceptable; else the error status to answer with
  std::string message;
  std::string parameter;  // the header or part to blame ("" = none)
  enum class Body { kNone, kLength, kChunked };
  Body body = Body::kNone;
  size_t content_length = 0;  // kLength
  bool expect_continue = false;
  // The head to pass on: the request line and header lines as received,
  // without Transfer-Encoding and Expect, each ended by CRLF, without the
  // blank line that ends the head.
  std::string forwarded;
};

// Checks `head`: the bytes of a request head up to and including the blank
// line that ends it.  Never throws; every problem is a status and a message.
HeadCheck check_request_head(std::string_view head, const GateLimits& limits);

// The end of the request head at the start of `buffered` (past its blank
// line), 0 if the head is not complete yet.  Lines may end in CRLF or, so
// that such a head is refused rather than waited for, a bare LF.
// `scanned` carries how far earlier calls looked, so a head that arrives a
// byte at a time costs linear time.
size_t find_head_end(std::string_view buffered, size_t* scanned);

// Decodes a chunked body (RFC 9112 section 7.1) fed piece by piece, with a
// size limit that holds while reading: memory never exceeds the limit.
class ChunkedDecoder {
 public:
  explicit ChunkedDecoder(size_t max_body_bytes) : max_body_(max_body_bytes) {}

  enum class State { kMore, kDone, kMalformed, kTooLarge };
  // Consumes a prefix of `data` (all of it unless the body ends inside it),
  // appends the chunk data to *body, and says where decoding stands.
  // *consumed is how many bytes of `data` belong to the body.
  State feed(std::string_view data, std::string* body, size_t* consumed);
  const std::string& error() const { return error_; }

 private:
  enum class Part { kSizeLine, kData, kDataEnd, kTrailer };
  State fail(std::string what);

  size_t max_body_;
  Part part_ = Part::kSizeLine;
  std::string line_;       // the size or trailer line being read
  size_t remaining_ = 0;   // bytes left in the current chunk
  size_t trailer_bytes_ = 0;
  std::string error_;
};

// An httplib::Server whose connections go through the gate.  Configure it
// as any httplib::Server (routes, handlers, socket options) except
// new_task_queue, which the gate sets; its own read timeout, keep-alive and
// payload settings are replaced by `limits`.  Serve with serve(), not
// listen_after_bind().
class GatedServer : public httplib::Server {
 public:
  explicit GatedServer(const GateLimits& limits);
  ~GatedServer();

  // Serves until stop(); requests being handled then are answered (with
  // Connection: close) before it returns.  False if accepting failed.
  bool serve();

  // Ends serve(), from any thread, at any time: also before serve() has
  // begun (it then returns at once), which httplib::Server::stop() ignores.
  void stop_serving();

  class Loop;  // gated_server.cpp

 private:
  bool process_and_close_socket(socket_t sock) override;
  void prime_request_parser();

  GateLimits limits_;
  std::unique_ptr<Loop> loop_;
};

// True when the client of the request this thread is handling has closed
// its connection (or shut down its sending side: as Go's and nginx's
// servers do, that is taken as leaving, since a client waiting for its
// answer keeps the connection open).  Long handlers ask between units of
// work and stop early.  False outside a gated request.  One poll() call.
bool client_has_gone();

}  // namespace parley::server
