// `parley serve`: the HTTP API and dashboard over one store file.
//
// Loads the engine once, opens (or creates) the store, binds, prints
// "parley serve: listening on http://HOST:PORT/" on stdout (so scripts and
// tests that ask for --port 0 learn the port), and serves until SIGINT or
// SIGTERM.  The signals are taken by a dedicated thread with sigwait(), so
// stopping the server happens outside a signal handler.
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "server/access.h"
#include "server/server.h"
#include "store/store.h"

namespace parley::cli {
namespace {

struct ServeFlags {
  DictFlags dicts;
  std::string db;
  ServerOptions server;
};

int run_serve(const ServeFlags& flags) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  // Blocked here, before any thread starts, so every thread inherits the mask
  // and only the waiter below receives them.
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  Engine engine(engine_config(flags.dicts));
  // All connections' page caches together: past this SQLite gives pages
  // back before it allocates more, so a long-running server's memory stays
  // bounded by it rather than by connections x cache_size.
  constexpr sqlite3_int64 kSqliteHeapLimit = sqlite3_int64{96} << 20;
  sqlite3_soft_heap_limit64(kSqliteHeapLimit);
  auto store = store::Store::open(flags.db);
  ApiServer server(engine, *store, flags.server);
  std::string error;
  if (!server.bind(error)) {
    std::fprintf(stderr, "parley serve: %s\n", error.c_str());
    return 2;
  }
  std::printf("parley serve: listening on http://%s:%d/\n", flags.server.host.c_str(), server.port());
  std::fflush(stdout);

  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    server.stop();
  });
  server.serve();
  // serve() also returns if the listening socket fails; wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, Runners& runners) {
  auto flags = std::make_shared<ServeFlags>();
  auto* cmd = app.add_subcommand("serve", "serve the HTTP API and the dashboard over an event store");
  cmd->add_option("--db", flags->db, "SQLite event store (created if missing)")->required();
  cmd->add_option("--port", flags->server.port, "TCP port (0 = any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--host", flags->server.host, "address to listen on (default 127.0.0.1: this machine only)");
  cmd->add_option("--threads", flags->server.threads, "coding workers")->check(CLI::Range(1, 64));
  cmd->add_option("--max-code-bytes", flags->server.limits.max_code_bytes,
                  "most text one request may code (413 beyond)")
      ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  cmd->add_option("--write-token", flags->server.write_token,
                  "accept writes (POST /v1/documents) that carry `Authorization: Bearer TOKEN`; without it the "
                  "server is read-only. Prefer the environment variable, which other users cannot see in ps")
      ->type_name("TOKEN")
      ->envname("PARLEY_WRITE_TOKEN")
      ->check([](const std::string& token) { return server::write_token_problem(token); });
  cmd->add_option("--allow-host", flags->server.allowed_hosts,
                  "also accept requests whose Host header is NAME (repeatable); by default only localhost, IP "
                  "addresses and the --host name are, against DNS rebinding (421 otherwise)")
      ->type_name("NAME");
  cmd->add_option("--cors-origin", flags->server.cors_origins,
                  "let pages from ORIGIN (scheme://host[:port], repeatable) call the API from a browser; other "
                  "pages' requests are refused (403)")
      ->type_name("ORIGIN")
      ->check([](const std::string& origin) { return server::cors_origin_problem(origin); });
  add_dict_flags(cmd, flags->dicts);
  runners.emplace_back(cmd, [flags] { return run_serve(*flags); });
}

}  // namespace parley::cli
