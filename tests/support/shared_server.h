// A test fixture whose tests share one `parley serve` (support/server.h),
// started once for the suite and stopped cleanly (exit status 0) after it.
// CRTP: each fixture class gets its own server.  `Process` is ServerProcess
// or a class derived from it that adds helpers (a client, say).
#pragma once

#include <gtest/gtest.h>

#include <exception>

#include "server.h"

namespace parley::test {

template <class Fixture, class Process = ServerProcess>
class SharedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    try {
      server_ = new Process;
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

  static inline Process* server_ = nullptr;
};

}  // namespace parley::test
