// `parley serve` against hostile and careless clients (issue 12): raw bytes
// on a loopback socket, since a well-behaved client library cannot send
// what these tests send.  Each test is the regression test of a numbered
// defect: 1 (chunked bodies and the size limit), 7 (a second server on a
// port in use), 9 (lax HTTP parsing, pipelining, media type case).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run.h"
#include "support/shared_server.h"
#include "support/temp_dir.h"

namespace {

using namespace std::literals;
using nlohmann::json;

// A TCP connection to 127.0.0.1:port; every wait is bounded.
class RawConnection {
 public:
  explicit RawConnection(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  bool connected() const { return connected_; }

  // Sends what it can; false once the server has stopped reading.
  bool send(std::string_view bytes) {
    while (!bytes.empty()) {
      pollfd p{fd_, POLLOUT, 0};
      if (::poll(&p, 1, 10000) <= 0) return false;
      const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }
  void finish_sending() { ::shutdown(fd_, SHUT_WR); }

  // What the server sends until it closes the connection, or until `done`
  // says what has arrived is enough; at most 20 s.
  std::string read_until(const std::function<bool(const std::string&)>& done = nullptr) {
    std::string out;
    const auto until = std::chrono::steady_clock::now() + 20s;
    char buf[65536];
    while (std::chrono::steady_clock::now() < until && !(done && done(out))) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 500) <= 0) continue;
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }
  std::string read_all() { return read_until(); }
  // One response, complete by its Content-Length.
  std::string read_response() {
    return read_until([](const std::string& s) {
      const size_t head_end = s.find("\r\n\r\n");
      if (head_end == std::string::npos) return false;
      const size_t cl = s.find("Content-Length: ");
      const size_t length = cl != std::string::npos && cl < head_end ? std::stoul(s.substr(cl + 16)) : 0;
      return s.size() >= head_end + 4 + length;
    });
  }

  static int count(const std::string& s, std::string_view what) {
    int n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

int status_of(const std::string& response) {
  if (response.rfind("HTTP/1.1 ", 0) != 0) return -1;
  return std::atoi(response.c_str() + 9);
}

json body_of(const std::string& response) {
  const size_t at = response.find("\r\n\r\n");
  return at == std::string::npos ? json() : json::parse(response.substr(at + 4), nullptr, false);
}

class HardeningTest : public parley::test::SharedServerTest<HardeningTest> {
 protected:
  // One raw request on a fresh connection; the server's whole answer.
  static std::string exchange(std::string_view request) {
    RawConnection c(server_->port());
    EXPECT_TRUE(c.connected());
    c.send(request);
    c.finish_sending();
    return c.read_all();
  }
  static void expect_still_serving() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(30);
    auto res = client.Get("/v1/stats");
    ASSERT_TRUE(res) << "the server no longer answers";
    EXPECT_EQ(res->status, 200);
  }
};

// Defect 1: a chunked body was read whole, whatever its size.
TEST_F(HardeningTest, ChunkedBodyOverTheLimitIs413WhileReading) {
  RawConnection c(server_->port());
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.send("POST /v1/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n"));
  // 3 MiB in 4 KiB chunks against the 1 MiB limit; the server answers once
  // it has read past the limit and stops reading soon after.
  const std::string chunk = "1000\r\n" + std::string(4096, 'a') + "\r\n";
  for (int i = 0; i < 768; ++i)
    if (!c.send(chunk)) break;
  c.finish_sending();
  const std::string response = c.read_all();
  EXPECT_EQ(status_of(response), 413) << response.substr(0, 300);
  EXPECT_EQ(body_of(response)["parameter"], "body") << response;
  EXPECT_NE(response.find("Connection: close"), std::string::npos);
  expect_still_serving();
}

TEST_F(HardeningTest, ChunkedBodyWithinTheLimitIsCoded) {
  const std::string response =
      exchange("POST /v1/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
               "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
               "a\r\nPutin met \r\n12\r\nWitkoff in Moscow.\r\n0\r\n\r\n");
  ASSERT_EQ(status_of(response), 200) << response;
  const json events = body_of(response);
  ASSERT_TRUE(events.is_array()) << response;
  ASSERT_FALSE(events.empty()) << response;
  EXPECT_EQ(events[0]["evidence"]["verb"], "met") << response;
}

TEST_F(HardeningTest, ContentLengthOverTheLimitIs413BeforeTheBody) {
  const std::string response =
      exchange("POST /v1/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
               "Content-Length: 400000000\r\n\r\nRussia accused Ukraine.");
  EXPECT_EQ(status_of(response), 413) << response;
  expect_still_serving();
}

TEST_F(HardeningTest, MalformedChunkingIs400) {
  const std::string response = exchange(
      "POST /v1/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
      "zz\r\nabc\r\n0\r\n\r\n");
  EXPECT_EQ(status_of(response), 400) << response;
  EXPECT_NE(body_of(response)["error"].get<std::string>().find("malformed chunk size"), std::string::npos) << response;
}

// Defect 9: each of these was accepted.
TEST_F(HardeningTest, LaxHeadsAre400) {
  const std::string code = "POST /v1/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n";
  const struct {
    const char* what;
    std::string request;
    int status;
  } cases[] = {
      {"duplicate Content-Length", code + "Content-Length: 6\r\nContent-Length: 6\r\n\r\nRussia", 400},
      {"Content-Length with Transfer-Encoding",
       code + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nRussia\r\n0\r\n\r\n", 400},
      {"NUL in a header", "GET /v1/stats HTTP/1.1\r\nHost: localhost\r\nX-Note: a\0b\r\n\r\n"s, 400},
      {"folded header", "GET /v1/stats HTTP/1.1\r\nHost: localhost\r\nX-Note: a\r\n  folded\r\n\r\n", 400},
      {"bare LF", "GET /v1/stats HTTP/1.1\nHost: localhost\n\n", 400},
      {"unknown transfer coding", code + "Transfer-Encoding: gzip\r\n\r\n", 501},
      {"HTTP/1.1 without Host", "GET /v1/stats HTTP/1.1\r\n\r\n", 400},
      {"head over 64 KiB", "GET /v1/stats HTTP/1.1\r\nHost: localhost\r\nX-Big: " + std::string(70000, 'a') + "\r\n\r\n",
       431},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const std::string response = exchange(c.request);
    EXPECT_EQ(status_of(response), c.status) << response;
    const json body = body_of(response);
    ASSERT_TRUE(body.is_object()) << response;
    EXPECT_TRUE(body["error"].is_string());
    EXPECT_NE(response.find("Connection: close"), std::string::npos) << response;
  }
  expect_still_serving();
}

TEST_F(HardeningTest, PipelinedRequestsAreAllAnswered) {
  RawConnection c(server_->port());
  ASSERT_TRUE(c.connected());
  const std::string code = "Putin met Witkoff in Moscow.";
  ASSERT_TRUE(c.send("GET /v1/stats HTTP/1.1\r\nHost: localhost\r\n\r\n"
                     "POST /v1/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: " +
                     std::to_string(code.size()) + "\r\n\r\n" + code +
                     "GET /v1/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
  const std::string responses = c.read_all();
  EXPECT_EQ(RawConnection::count(responses, "HTTP/1.1 200 OK"), 3) << responses;
  EXPECT_NE(responses.find("\"verb\":\"met\""), std::string::npos) << responses;
}

TEST_F(HardeningTest, KeepAliveConnectionServesOneRequestAfterAnother) {
  RawConnection c(server_->port());
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.send("GET /v1/stats HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  const std::string first = c.read_response();
  EXPECT_EQ(status_of(first), 200) << first;
  ASSERT_TRUE(c.send("GET /v1/stats HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
  const std::string second = c.read_all();
  EXPECT_EQ(status_of(second), 200) << second;
}

TEST_F(HardeningTest, ExpectContinueGetsAnInterimAnswer) {
  RawConnection c(server_->port());
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.send("POST /v1/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                     "Content-Length: 23\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n"));
  // The interim answer comes before the body is sent.
  const std::string interim =
      c.read_until([](const std::string& s) { return s.find("\r\n\r\n") != std::string::npos; });
  EXPECT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(c.send("Russia accused Ukraine."));
  const std::string response = c.read_all();
  EXPECT_EQ(status_of(response), 200) << response;
}

TEST_F(HardeningTest, MediaTypesAreCaseInsensitive) {
  httplib::Client client("127.0.0.1", server_->port());
  client.set_read_timeout(30);
  auto res = client.Post("/v1/code", R"({"text": "Russia accused Ukraine."})", "APPLICATION/JSON; Charset=UTF-8");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  res = client.Post("/v1/code", "Russia accused Ukraine.", "Text/Plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
}

// Defect 7: the second server bound the same port (SO_REUSEPORT) and the
// kernel shared the connections between two databases.
TEST_F(HardeningTest, SecondServerOnAPortInUseFailsClearly) {
  const parley::test::TempDir tmp("serve_twice");
  const parley::test::RunResult r =
      parley::test::run_command("timeout 120 " + parley::test::parley_bin() + " serve --db " + tmp.file("other.db") +
                                " --port " + std::to_string(server_->port()));
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("cannot listen on 127.0.0.1:" + std::to_string(server_->port()) + ": the port is in use"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out.find("listening"), std::string::npos) << r.out;
  expect_still_serving();
}

}  // namespace
