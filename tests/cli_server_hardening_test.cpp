// `parley serve` against hostile and careless clients (issue 12).  Each test
// is the regression test of a numbered defect: 7 (a second server on a port
// in use).
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
#include "support/server.h"
#include "support/temp_dir.h"

namespace {

using namespace std::literals;
using nlohmann::json;

class HardeningTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    try {
      server_ = new parley::test::ServerProcess;
    } catch (const std::exception& e) {
      FAIL() << e.what();
    }
  }
  static void TearDownTestSuite() {
    if (server_) {
      EXPECT_EQ(server_->stop(), 0);
    }
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_, nullptr) << "parley serve did not start"; }

  static void expect_still_serving() {
    httplib::Client client("127.0.0.1", server_->port());
    client.set_read_timeout(30);
    auto res = client.Get("/v1/stats");
    ASSERT_TRUE(res) << "the server no longer answers";
    EXPECT_EQ(res->status, 200);
  }

  static inline parley::test::ServerProcess* server_ = nullptr;
};

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
