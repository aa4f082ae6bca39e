// Load client for bench/http_bench.sh and bench/http_load.sh: keep-alive
// connections on loopback, bounded by a request count and a time limit, then
// requests/s, latency percentiles and errors.  Two kinds of request:
//   http_bench_client PORT TEXT_FILE CONNECTIONS MAX_REQUESTS MAX_SECONDS
//     POSTs the text's paragraphs (lines over 40 bytes) to /v1/code;
//   http_bench_client PORT --get PATHS_FILE CONNECTIONS MAX_REQUESTS MAX_SECONDS
//     GETs the paths listed in PATHS_FILE (one per line, e.g. /v1/events?actor=RUS)
//     in turn, expecting 200 with a JSON object.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  const bool get = argc == 7 && std::string(argv[2]) == "--get";
  if (argc != 6 && !get) {
    std::fprintf(stderr, "usage: %s PORT [--get PATHS_FILE | TEXT_FILE] CONNECTIONS MAX_REQUESTS MAX_SECONDS\n", argv[0]);
    return 2;
  }
  const int shift = get ? 1 : 0;  // "--get" before the file
  const int port = std::atoi(argv[1]);
  const int connections = std::max(1, std::atoi(argv[3 + shift]));
  const long max_requests = std::max(1L, std::atol(argv[4 + shift]));
  const double max_seconds = std::max(1.0, std::atof(argv[5 + shift]));
  std::ifstream in(argv[2 + shift]);
  std::vector<std::string> items;  // paragraphs to POST, or paths to GET
  for (std::string line; std::getline(in, line);)
    if (get ? !line.empty() : line.size() > 40) items.push_back(line);
  if (items.empty()) return 2;

  std::atomic<long> next{0}, errors{0};
  std::vector<std::vector<double>> latencies(connections);
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::duration<double>(max_seconds);
  std::vector<std::thread> threads;
  for (int t = 0; t < connections; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port);  // loopback only
      client.set_tcp_nodelay(true);
      client.set_keep_alive(true);
      client.set_read_timeout(10);
      for (long i = next++; i < max_requests && std::chrono::steady_clock::now() < deadline; i = next++) {
        const std::string& item = items[static_cast<size_t>(i) % items.size()];
        const auto t0 = std::chrono::steady_clock::now();
        auto res = get ? client.Get(item) : client.Post("/v1/code?date=2025-08-06", item, "text/plain");
        latencies[t].push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (!res || res->status != 200 || res->body.empty() || res->body[0] != (get ? '{' : '[')) ++errors;
      }
    });
  }
  for (auto& th : threads) th.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<size_t>(p * all.size()))]; };
  std::printf("requests %zu  errors %ld  seconds %.2f  requests/s %.0f  p50 %.2f ms  p99 %.2f ms  max %.2f ms\n",
              all.size(), errors.load(), seconds, all.size() / seconds, pct(0.5), pct(0.99), all.empty() ? 0 : all.back());
  return errors.load() == 0 ? 0 : 1;
}
