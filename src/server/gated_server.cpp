// The gate's socket side: one connection's loop of requests.  Each request is
// read whole (head and body, both bounded) into memory before cpp-httplib's
// process_request() sees it through an in-memory Stream; the response goes
// straight to the socket.  Bytes that follow a request (a pipelined next
// one) stay in the connection's buffer.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "server/api_error.h"
#include "server/http_gate.h"

namespace parley::server {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Polls in slices this long, so that a stopping server is noticed.
constexpr int kPollSliceMs = 200;

bool wait_for(socket_t sock, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{sock, events, 0};
    const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, kPollSliceMs)));
    if (r > 0) return true;
    if (r < 0 && errno != EINTR) return false;
  }
}

// Sends all of `bytes` unless the peer stops reading for write_timeout_ms.
bool send_all(socket_t sock, std::string_view bytes, int write_timeout_ms) {
  while (!bytes.empty()) {
    const ssize_t n = ::send(sock, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      bytes.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) &&
        wait_for(sock, POLLOUT, Clock::now() + milliseconds(write_timeout_ms)))
      continue;
    return false;
  }
  return true;
}

void address_of(const sockaddr_storage& addr, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {0};
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    ::inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    ::inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    port = ntohs(a.sin6_port);
  }
  ip = text;
}

// One request, already read, as cpp-httplib's Stream: reads come from
// memory (then end), writes go to the socket.
class RequestStream final : public httplib::Stream {
 public:
  RequestStream(socket_t sock, std::string_view request, int write_timeout_ms)
      : sock_(sock), request_(request), write_timeout_ms_(write_timeout_ms) {}

  bool is_readable() const override { return pos_ < request_.size(); }
  bool is_writable() const override {
    return wait_for(sock_, POLLOUT, Clock::now() + milliseconds(write_timeout_ms_));
  }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, request_.size() - pos_);
    std::memcpy(ptr, request_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    return send_all(sock_, std::string_view(ptr, size), write_timeout_ms_) ? static_cast<ssize_t>(size) : -1;
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) address_of(addr, ip, port);
  }
  socket_t socket() const override { return sock_; }

 private:
  socket_t sock_;
  std::string_view request_;
  size_t pos_ = 0;
  int write_timeout_ms_;
};

const char* reason(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 408: return "Request Timeout";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 417: return "Expectation Failed";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
  }
}

class Connection {
 public:
  Connection(socket_t sock, const GateLimits& limits, const std::atomic<socket_t>& listening)
      : sock_(sock), limits_(limits), listening_(listening) {}

  enum class Read { kData, kClosed, kTimeout };
  // Appends what arrives before `deadline` to buf.  kClosed also when the
  // peer fails or the server is stopping.
  Read read_more(Clock::time_point deadline) {
    char chunk[16 << 10];
    for (;;) {
      if (listening_ == INVALID_SOCKET) return Read::kClosed;
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) return Read::kTimeout;
      pollfd p{sock_, POLLIN, 0};
      const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, kPollSliceMs)));
      if (r < 0 && errno != EINTR) return Read::kClosed;
      if (r <= 0) continue;
      const ssize_t n = ::recv(sock_, chunk, sizeof chunk, MSG_DONTWAIT);
      if (n > 0) {
        buf.append(chunk, static_cast<size_t>(n));
        return Read::kData;
      }
      if (n == 0) return Read::kClosed;
      if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) return Read::kClosed;
    }
  }

  bool send(std::string_view bytes) { return send_all(sock_, bytes, limits_.write_timeout_ms); }

  // Answers with the API's JSON error and Connection: close.
  void refuse(int status, std::string_view message, std::string_view parameter) {
    const std::string body = error_json(message, parameter) + "\n";
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason(status) +
                       "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                       "\r\nConnection: close\r\n\r\n";
    send(head + body);
    refused_ = true;
  }

  // After a refusal the client may still be sending (a body over the
  // limit): stop writing, read and drop what comes for a moment, so the
  // close does not reset the connection before the client reads the answer.
  void close() {
    if (refused_) {
      ::shutdown(sock_, SHUT_WR);
      const auto until = Clock::now() + milliseconds(1000);
      char sink[16 << 10];
      while (wait_for(sock_, POLLIN, until) && ::recv(sock_, sink, sizeof sink, MSG_DONTWAIT) > 0) {
      }
    }
    ::shutdown(sock_, SHUT_RDWR);
    ::close(sock_);
  }

  // Drops the empty lines a client may send between requests (RFC 9112 2.2).
  void drop_leading_newlines() {
    size_t n = 0;
    while (n < buf.size() && (buf[n] == '\r' || buf[n] == '\n')) ++n;
    buf.erase(0, n);
  }

  std::string buf;

 private:
  socket_t sock_;
  const GateLimits& limits_;
  const std::atomic<socket_t>& listening_;
  bool refused_ = false;
};

// Reads one request off `conn` and checks it.  True with *request set (the
// head to pass on and the body, length-delimited) and the request's bytes
// removed from conn.buf; false when the connection is to be closed (after a
// refusal, a timeout answered with 408, or the peer going away).
bool read_request(Connection& conn, const GateLimits& limits, std::string* request) {
  // Idle: the next request's first byte.
  const auto idle_until = Clock::now() + milliseconds(limits.idle_timeout_ms);
  conn.drop_leading_newlines();
  while (conn.buf.empty()) {
    if (conn.read_more(idle_until) != Connection::Read::kData) return false;
    conn.drop_leading_newlines();
  }
  const auto deadline = Clock::now() + milliseconds(limits.request_timeout_ms);
  const auto more = [&]() {
    const Connection::Read r = conn.read_more(deadline);
    if (r == Connection::Read::kTimeout)
      conn.refuse(408, "request not complete within " + std::to_string(limits.request_timeout_ms) + " ms", "");
    return r == Connection::Read::kData;
  };

  size_t scanned = 0, head_end = 0;
  while ((head_end = find_head_end(conn.buf, &scanned)) == 0) {
    if (conn.buf.size() > limits.max_head_bytes) {
      conn.refuse(431, "request head larger than " + std::to_string(limits.max_head_bytes) + " bytes", "");
      return false;
    }
    if (!more()) return false;
  }
  const HeadCheck check = check_request_head(std::string_view(conn.buf).substr(0, head_end), limits);
  if (check.status) {
    conn.refuse(check.status, check.message, check.parameter);
    return false;
  }
  if (check.expect_continue && conn.buf.size() == head_end && !conn.send("HTTP/1.1 100 Continue\r\n\r\n"))
    return false;

  *request = check.forwarded;
  if (check.body == HeadCheck::Body::kChunked) {
    // Decoded as it arrives; the chunk framing already decoded is dropped
    // from the buffer, so memory stays within the body limit.
    ChunkedDecoder decoder(limits.max_body_bytes);
    std::string body;
    for (;;) {
      size_t consumed = 0;
      const ChunkedDecoder::State state =
          decoder.feed(std::string_view(conn.buf).substr(head_end), &body, &consumed);
      conn.buf.erase(head_end, consumed);
      if (state == ChunkedDecoder::State::kDone) break;
      if (state == ChunkedDecoder::State::kTooLarge) {
        conn.refuse(413, "request body larger than the limit", "body");
        return false;
      }
      if (state == ChunkedDecoder::State::kMalformed) {
        conn.refuse(400, "malformed chunked body: " + decoder.error(), "body");
        return false;
      }
      if (!more()) return false;
    }
    *request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    *request += body;
    conn.buf.erase(0, head_end);
    return true;
  }
  const size_t length = check.body == HeadCheck::Body::kLength ? check.content_length : 0;
  while (conn.buf.size() - head_end < length)
    if (!more()) return false;
  *request += "\r\n";
  request->append(conn.buf, head_end, length);
  conn.buf.erase(0, head_end + length);
  return true;
}

}  // namespace

bool GatedServer::process_and_close_socket(socket_t sock) {
  Connection conn(sock, limits_, svr_sock_);
  bool ok = true;
  std::string request;
  for (size_t served = 0; served < limits_.max_requests_per_connection; ++served) {
    if (!read_request(conn, limits_, &request)) break;
    RequestStream stream(sock, request, limits_.write_timeout_ms);
    const bool last = served + 1 == limits_.max_requests_per_connection || svr_sock_ == INVALID_SOCKET;
    bool connection_closed = false;
    ok = process_request(stream, last, connection_closed, nullptr);
    if (!ok || connection_closed || last) break;
  }
  conn.close();
  return ok;
}

}  // namespace parley::server
