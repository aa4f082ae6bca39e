// The gate's socket side: one event loop (epoll) that reads every request
// whole (head and body, both bounded) into memory, hands complete requests
// to a few handler threads, where cpp-httplib's process_request() sees each
// through an in-memory Stream, and sends the answers they collect.  Bytes
// that follow a request (a pipelined next one) stay in the connection's
// buffer.  A connection belongs to the loop thread except while a handler
// has it (phase kHandling); the two hand it over through locked queues.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/api_error.h"
#include "server/http_gate.h"

namespace parley::server {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kTickMs = 100;             // deadlines are looked at this often
constexpr size_t kReadPerEvent = 64 << 10;  // fairness: one client's bytes per turn
constexpr int kDrainMs = 1000;           // reading what follows a refused request

// The connection of the request the current handler thread is answering.
thread_local socket_t t_client = INVALID_SOCKET;

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
// memory (then end); what is written is collected for the loop to send, so
// a client that reads its answer slowly holds no handler thread.
class RequestStream final : public httplib::Stream {
 public:
  RequestStream(socket_t sock, std::string_view request, std::string* out)
      : sock_(sock), request_(request), out_(out) {}

  bool is_readable() const override { return pos_ < request_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, request_.size() - pos_);
    std::memcpy(ptr, request_.data() + pos_, n);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out_->append(ptr, size);
    return static_cast<ssize_t>(size);
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
  std::string* out_;
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
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
  }
}

// The API's JSON error with Connection: close.
std::string error_response(int status, std::string_view message, std::string_view parameter) {
  const std::string body = error_json(message, parameter) + "\n";
  return "HTTP/1.1 " + std::to_string(status) + " " + reason(status) +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

// The accepting thread's "task" only hands the socket to the loop, so it
// runs at once instead of waiting for a pool thread.
class HandOver final : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

struct Conn {
  enum class Phase { kIdle, kHead, kBody, kChunked, kHandling, kWriting, kDraining };
  explicit Conn(socket_t s) : sock(s) {}

  socket_t sock;
  Phase phase = Phase::kIdle;
  Clock::time_point deadline;
  std::string buf;            // received and not yet consumed
  bool peer_closed = false;   // the client shut down its sending side
  size_t scanned = 0;         // find_head_end()'s progress
  size_t head_end = 0;
  size_t body_length = 0;     // kBody
  std::optional<ChunkedDecoder> decoder;  // kChunked
  std::string body;           // kChunked: de-chunked so far
  std::string request;        // the request a handler answers
  std::string out;            // the answer being sent
  size_t sent = 0;
  bool close_after = false;   // close once `out` is sent
  bool drain_after = false;   // ...after reading what the client still sends, briefly
  size_t served = 0;
  uint32_t watched = 0;       // epoll events registered (0: none)
};

bool reading(Conn::Phase p) {
  return p == Conn::Phase::kIdle || p == Conn::Phase::kHead || p == Conn::Phase::kBody || p == Conn::Phase::kChunked;
}

}  // namespace

class GatedServer::Loop {
 public:
  Loop(GatedServer& server, const GateLimits& limits) : server_(server), limits_(limits) {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = wake_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
  }
  ~Loop() {
    for (auto& [sock, conn] : conns_) ::close(sock);
    ::close(wake_);
    ::close(epoll_);
  }

  void start() {
    // Each connection is a descriptor: raise the soft limit (often 1024) as
    // far as the hard one allows, and keep the connection limit under it.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0) {
      if (files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
        ::getrlimit(RLIMIT_NOFILE, &files);
      }
      // Room for the store, the dictionaries, the listening socket.
      if (files.rlim_cur != RLIM_INFINITY && files.rlim_cur > 128)
        max_connections_ = std::min<size_t>(max_connections_, files.rlim_cur - 64);
    }
    thread_ = std::thread([this] { run(); });
    for (int i = 0; i < std::max(1, limits_.handler_threads); ++i) handlers_.emplace_back([this] { handle_requests(); });
  }

  // After the accepting loop has ended: answers what handlers have, closes
  // the rest, and joins every thread.
  void finish() {
    stopping_ = true;
    wake();
    if (thread_.joinable()) thread_.join();
    {
      std::lock_guard lock(jobs_mutex_);
      handlers_stop_ = true;
    }
    jobs_ready_.notify_all();
    for (std::thread& t : handlers_) t.join();
    handlers_.clear();
  }

  // From the accepting thread.
  void adopt(socket_t sock) {
    {
      std::lock_guard lock(inbox_mutex_);
      new_sockets_.push_back(sock);
    }
    wake();
  }

 private:
  void wake() {
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t n = ::write(wake_, &one, sizeof one);
  }

  void run() {
    epoll_event events[64];
    auto last_scan = Clock::now();
    std::optional<Clock::time_point> stop_by;
    for (;;) {
      if (stopping_ && !stop_by) {
        // Connections without a request in hand are closed; answers being
        // handled or sent get one write timeout more.
        stop_by = Clock::now() + milliseconds(limits_.write_timeout_ms);
        std::vector<socket_t> idle;
        for (auto& [sock, conn] : conns_)
          if (reading(conn->phase) || conn->phase == Conn::Phase::kDraining) idle.push_back(sock);
        for (const socket_t sock : idle) close(*conns_.at(sock));
      }
      if (stopping_ && conns_.empty()) return;
      const int n = ::epoll_wait(epoll_, events, 64, kTickMs);
      for (int i = 0; i < n; ++i) {
        if (events[i].data.fd == wake_) {
          uint64_t count = 0;
          [[maybe_unused]] const ssize_t r = ::read(wake_, &count, sizeof count);
          continue;
        }
        const auto it = conns_.find(events[i].data.fd);
        if (it != conns_.end()) on_event(*it->second, events[i].events);
      }
      take_inbox();
      const auto now = Clock::now();
      if (now - last_scan >= milliseconds(kTickMs / 2)) {
        last_scan = now;
        check_deadlines(now, stop_by && now >= *stop_by);
      }
    }
  }

  void take_inbox() {
    std::vector<socket_t> fresh;
    std::vector<Conn*> answered;
    {
      std::lock_guard lock(inbox_mutex_);
      fresh.swap(new_sockets_);
      answered.swap(answered_);
    }
    for (Conn* c : answered) {
      start_writing(*c);
    }
    for (const socket_t sock : fresh) {
      if (stopping_ || conns_.size() >= max_connections_) {
        const std::string answer = error_response(503, "too many open connections; retry later", "");
        [[maybe_unused]] const ssize_t sent = ::send(sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
        continue;
      }
      auto conn = std::make_unique<Conn>(sock);
      Conn& c = *conn;
      conns_.emplace(sock, std::move(conn));
      c.deadline = Clock::now() + milliseconds(limits_.idle_timeout_ms);
      watch(c, EPOLLIN | EPOLLRDHUP);
    }
  }

  void watch(Conn& c, uint32_t events) {
    if (events == c.watched) return;
    epoll_event ev{};
    ev.events = events;
    ev.data.fd = c.sock;
    ::epoll_ctl(epoll_, c.watched == 0 ? EPOLL_CTL_ADD : events == 0 ? EPOLL_CTL_DEL : EPOLL_CTL_MOD, c.sock, &ev);
    c.watched = events;
  }

  // Closes and forgets `c` (the reference dies).
  void close(Conn& c) {
    const socket_t sock = c.sock;
    if (c.watched) ::epoll_ctl(epoll_, EPOLL_CTL_DEL, sock, nullptr);
    ::shutdown(sock, SHUT_RDWR);
    ::close(sock);
    conns_.erase(sock);
  }

  void on_event(Conn& c, uint32_t events) {
    if (c.phase == Conn::Phase::kWriting) {
      if (events & (EPOLLERR | EPOLLHUP)) return close(c);
      return write_some(c);
    }
    // Reading (or draining): take what has arrived, up to a share.
    static thread_local char chunk[kReadPerEvent];
    size_t got = 0;
    while (got < kReadPerEvent) {
      const ssize_t n = ::recv(c.sock, chunk, sizeof chunk, MSG_DONTWAIT);
      if (n > 0) {
        if (c.phase != Conn::Phase::kDraining) c.buf.append(chunk, static_cast<size_t>(n));
        got += static_cast<size_t>(n);
        continue;
      }
      if (n == 0) {
        c.peer_closed = true;
        break;
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) break;
      return close(c);
    }
    if (c.phase == Conn::Phase::kDraining) {
      if (c.peer_closed) close(c);
      return;
    }
    advance(c);
  }

  // Moves a reading connection on with what it has buffered: hands a
  // complete request to a handler, refuses a bad one, or waits for more.
  // May close `c`.
  void advance(Conn& c) {
    for (;;) {
      switch (c.phase) {
        case Conn::Phase::kIdle: {
          // Empty lines between requests are allowed (RFC 9112 2.2).
          size_t n = 0;
          while (n < c.buf.size() && (c.buf[n] == '\r' || c.buf[n] == '\n')) ++n;
          c.buf.erase(0, n);
          if (c.buf.empty()) {
            if (c.peer_closed || stopping_) close(c);
            return;
          }
          c.phase = Conn::Phase::kHead;
          c.deadline = Clock::now() + milliseconds(limits_.request_timeout_ms);
          c.scanned = 0;
          break;
        }
        case Conn::Phase::kHead: {
          c.head_end = find_head_end(c.buf, &c.scanned);
          if (c.head_end == 0) {
            if (c.buf.size() > limits_.max_head_bytes)
              return refuse(c, 431, "request head larger than " + std::to_string(limits_.max_head_bytes) + " bytes", "");
            if (c.peer_closed) close(c);
            return;
          }
          HeadCheck check = check_request_head(std::string_view(c.buf).substr(0, c.head_end), limits_);
          if (check.status) return refuse(c, check.status, check.message, check.parameter);
          if (check.expect_continue && c.buf.size() == c.head_end) {
            static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
            // Nothing else is being sent on the connection now, so a few bytes fit.
            if (::send(c.sock, kContinue.data(), kContinue.size(), MSG_NOSIGNAL | MSG_DONTWAIT) !=
                static_cast<ssize_t>(kContinue.size()))
              return close(c);
          }
          c.request = std::move(check.forwarded);
          if (check.body == HeadCheck::Body::kChunked) {
            c.decoder.emplace(limits_.max_body_bytes);
            c.phase = Conn::Phase::kChunked;
          } else {
            c.body_length = check.body == HeadCheck::Body::kLength ? check.content_length : 0;
            c.phase = Conn::Phase::kBody;
          }
          break;
        }
        case Conn::Phase::kChunked: {
          // Decoded as it arrives; the framing already decoded is dropped from
          // the buffer, so memory stays within the body limit.
          size_t consumed = 0;
          const ChunkedDecoder::State state =
              c.decoder->feed(std::string_view(c.buf).substr(c.head_end), &c.body, &consumed);
          c.buf.erase(c.head_end, consumed);
          if (state == ChunkedDecoder::State::kTooLarge) return refuse(c, 413, "request body larger than the limit", "body");
          if (state == ChunkedDecoder::State::kMalformed)
            return refuse(c, 400, "malformed chunked body: " + c.decoder->error(), "body");
          if (state == ChunkedDecoder::State::kMore) {
            if (c.peer_closed) close(c);
            return;
          }
          c.request += "Content-Length: " + std::to_string(c.body.size()) + "\r\n\r\n";
          c.request += c.body;
          std::string().swap(c.body);
          c.decoder.reset();
          c.buf.erase(0, c.head_end);
          return hand_over(c);
        }
        case Conn::Phase::kBody: {
          if (c.buf.size() - c.head_end < c.body_length) {
            if (c.peer_closed) close(c);
            return;
          }
          c.request += "\r\n";
          c.request.append(c.buf, c.head_end, c.body_length);
          c.buf.erase(0, c.head_end + c.body_length);
          return hand_over(c);
        }
        default:
          return;
      }
    }
  }

  void refuse(Conn& c, int status, std::string_view message, std::string_view parameter) {
    c.out = error_response(status, message, parameter);
    c.close_after = true;
    // The client may still be sending (a body over the limit): read and drop
    // what comes for a moment after the answer, so that the close does not
    // reset the connection before the client has read it.
    c.drain_after = !c.peer_closed;
    std::string().swap(c.buf);
    std::string().swap(c.body);
    std::string().swap(c.request);
    c.decoder.reset();
    start_writing(c);
  }

  void hand_over(Conn& c) {
    watch(c, 0);
    c.phase = Conn::Phase::kHandling;
    {
      std::lock_guard lock(jobs_mutex_);
      jobs_.push_back(&c);
    }
    jobs_ready_.notify_one();
  }

  void start_writing(Conn& c) {
    c.phase = Conn::Phase::kWriting;
    c.sent = 0;
    c.deadline = Clock::now() + milliseconds(limits_.write_timeout_ms);
    write_some(c);
  }

  void write_some(Conn& c) {
    while (c.sent < c.out.size()) {
      const ssize_t n = ::send(c.sock, c.out.data() + c.sent, c.out.size() - c.sent, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        c.sent += static_cast<size_t>(n);
        c.deadline = Clock::now() + milliseconds(limits_.write_timeout_ms);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return watch(c, EPOLLOUT);
      return close(c);
    }
    std::string().swap(c.out);  // an idle connection keeps no answer's memory
    answered(c);
  }

  void answered(Conn& c) {
    if (c.drain_after) {
      ::shutdown(c.sock, SHUT_WR);
      c.phase = Conn::Phase::kDraining;
      c.deadline = Clock::now() + milliseconds(kDrainMs);
      return watch(c, EPOLLIN | EPOLLRDHUP);
    }
    if (c.close_after || stopping_) return close(c);
    c.phase = Conn::Phase::kIdle;
    c.deadline = Clock::now() + milliseconds(limits_.idle_timeout_ms);
    watch(c, EPOLLIN | EPOLLRDHUP);
    advance(c);  // a pipelined request may be buffered already
  }

  void check_deadlines(Clock::time_point now, bool stop_now) {
    std::vector<socket_t> due;
    for (auto& [sock, conn] : conns_)
      if (conn->phase != Conn::Phase::kHandling && (stop_now || conn->deadline <= now)) due.push_back(sock);
    for (const socket_t sock : due) {
      Conn& c = *conns_.at(sock);
      if (c.phase == Conn::Phase::kHead || c.phase == Conn::Phase::kBody || c.phase == Conn::Phase::kChunked) {
        if (!stop_now) {
          refuse(c, 408, "request not complete within " + std::to_string(limits_.request_timeout_ms) + " ms", "");
          continue;
        }
      }
      close(c);  // idle past its time, an answer not taken, draining done
    }
  }

  // A handler thread: answers complete requests, one at a time.
  void handle_requests() {
    for (;;) {
      Conn* c = nullptr;
      {
        std::unique_lock lock(jobs_mutex_);
        jobs_ready_.wait(lock, [this] { return handlers_stop_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        c = jobs_.front();
        jobs_.pop_front();
      }
      RequestStream stream(c->sock, c->request, &c->out);
      const bool last = c->served + 1 >= limits_.max_requests_per_connection || stopping_ ||
                        server_.svr_sock_ == INVALID_SOCKET;
      bool connection_closed = false;
      bool ok = false;
      t_client = c->sock;
      try {
        ok = server_.process_request(stream, last, connection_closed, nullptr);
      } catch (...) {
        ok = false;
      }
      t_client = INVALID_SOCKET;
      ++c->served;
      c->close_after = !ok || connection_closed || last;
      std::string().swap(c->request);
      {
        std::lock_guard lock(inbox_mutex_);
        answered_.push_back(c);
      }
      wake();
    }
  }

  GatedServer& server_;
  const GateLimits& limits_;
  int epoll_ = -1;
  int wake_ = -1;
  std::atomic<bool> stopping_{false};
  size_t max_connections_ = limits_.max_connections;

  // The loop thread's own.
  std::unordered_map<socket_t, std::unique_ptr<Conn>> conns_;

  // From the accepting thread and the handlers to the loop.
  std::mutex inbox_mutex_;
  std::vector<socket_t> new_sockets_;
  std::vector<Conn*> answered_;

  // From the loop to the handlers.
  std::mutex jobs_mutex_;
  std::condition_variable jobs_ready_;
  std::deque<Conn*> jobs_;
  bool handlers_stop_ = false;

  std::thread thread_;
  std::vector<std::thread> handlers_;
};

GatedServer::GatedServer(const GateLimits& limits) : limits_(limits), loop_(std::make_unique<Loop>(*this, limits_)) {
  new_task_queue = [] { return new HandOver; };
  // What cpp-httplib announces in Keep-Alive: the gate's own limits.
  set_keep_alive_max_count(limits.max_requests_per_connection);
  set_keep_alive_timeout(std::max(1, limits.idle_timeout_ms / 1000));
}

GatedServer::~GatedServer() = default;

bool GatedServer::serve() {
  prime_request_parser();
  loop_->start();
  const bool ok = listen_after_bind();
  loop_->finish();
  return ok;
}

// cpp-httplib builds function-local statics the first time it needs them:
// its set of method names on the first request line, its Range regex on the
// first Range header.  Building both here, before any handler thread exists,
// makes that one-time work happen-before every handler (thread creation
// orders it).  Otherwise the first handler builds them, and
// ThreadSanitizer, which cannot see the guard check inside the uninstrumented
// library, reports the other handlers' reads as a race.  Neither request
// reaches a route (an unknown method is a 400, an unreadable Range a 416,
// both answered before routing); the answers are written to a string and
// dropped.
void GatedServer::prime_request_parser() {
  for (const char* request : {"PRIME / HTTP/1.1\r\n\r\n", "GET / HTTP/1.1\r\nRange: none\r\n\r\n"}) {
    std::string answer;
    RequestStream stream(INVALID_SOCKET, request, &answer);
    bool connection_closed = false;
    process_request(stream, true, connection_closed, nullptr);
  }
}

// httplib::Server::stop() does nothing until listening has begun, so a stop
// between bind and listen (a SIGTERM just after "listening on") was lost and
// the server ran on.  Taking the socket here works either way: the accept
// loop runs while svr_sock_ is valid, and shutting the socket down wakes a
// waiting accept().
void GatedServer::stop_serving() {
  const socket_t sock = svr_sock_.exchange(INVALID_SOCKET);
  if (sock == INVALID_SOCKET) return;
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
}

bool GatedServer::process_and_close_socket(socket_t sock) {
  loop_->adopt(sock);
  return true;
}

bool client_has_gone() {
  if (t_client == INVALID_SOCKET) return false;
  pollfd p{t_client, POLLRDHUP, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLRDHUP | POLLHUP | POLLERR)) != 0;
}

}  // namespace parley::server
