#include "server/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <regex>
#include <utility>

#include "server/api_error.h"
#include "server/http_gate.h"
#include "server/routes.h"

namespace parley {

using server::send_error;

namespace server {

// The methods each route answers: a known path asked with another method is
// a 405 with an Allow header (RFC 9110), not a 404.
const char* allowed_methods(const std::string& path) {
  static const std::pair<std::regex, const char*> kRoutes[] = {
      {std::regex("/v1/code"), "POST"},
      {std::regex("/v1/documents"), "GET, POST"},
      {std::regex("/v1/documents/[^/]+"), "GET"},
      {std::regex("/v1/(events|quotes|deadlines|actors|dyads|counts|places|countries|stats)"), "GET"},
      {std::regex("/v1/dyads/[^/]+/[^/]+/timeline"), "GET"},
      {std::regex("/|/openapi\\.json|/[A-Za-z0-9_-]+\\.(html|js|css|svg|json)|/vendor/[A-Za-z0-9_.-]+"), "GET"},
  };
  for (const auto& [pattern, methods] : kRoutes) {
    if (std::regex_match(path, pattern)) return methods;
  }
  return nullptr;
}

void send_json(httplib::Response& res, std::string body, int status) {
  res.status = status;
  res.set_content(std::move(body), "application/json");
}

void send_error(httplib::Response& res, int status, std::string_view message, std::string_view parameter) {
  res.status = status;
  res.set_content(error_json(message, parameter) + "\n", "application/json");
}

void handle(httplib::Response& res, const std::function<void()>& body) {
  try {
    body();
  } catch (const ApiError& e) {
    send_error(res, e.status(), e.what(), e.parameter());
  } catch (const store::StoreError& e) {
    std::fprintf(stderr, "parley serve: store: %s\n", e.what());
    send_error(res, 500, std::string("store: ") + e.what(), "");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parley serve: %s\n", e.what());
    send_error(res, 500, "internal error", "");
  }
}

}  // namespace server

namespace {

server::GateLimits gate_limits(const ServerLimits& limits) {
  server::GateLimits gate;
  gate.max_body_bytes = limits.max_body_bytes;
  gate.request_timeout_ms = limits.request_timeout_ms;
  gate.idle_timeout_ms = limits.read_timeout_ms;
  gate.write_timeout_ms = limits.write_timeout_ms;
  return gate;
}

// SO_REUSEADDR only: a restarted server may bind while old connections sit
// in TIME_WAIT, but not while another server listens there.  cpp-httplib's
// default also sets SO_REUSEPORT, which let a second `parley serve` share
// the port (and answer from another database).
void listen_socket_options(socket_t sock) {
  int yes = 1;
  ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

}  // namespace

struct ApiServer::Impl {
  Impl(const Engine& engine, store::Store& store, const ServerOptions& o)
      : options(o), workers(engine, o.threads), ctx{engine, store, workers, options.limits},
        http(gate_limits(o.limits)) {}
  ServerOptions options;
  server::WorkerPool workers;
  server::ServerContext ctx;
  server::GatedServer http;
  int port = 0;
};

ApiServer::ApiServer(const Engine& engine, store::Store& store, const ServerOptions& options)
    : impl_(std::make_unique<Impl>(engine, store, options)) {
  httplib::Server& http = impl_->http;
  const ServerLimits& limits = impl_->options.limits;
  // Connection threads outnumber the coding Workers: an idle keep-alive
  // connection (a browser keeps several) holds its thread.
  const size_t connection_threads = static_cast<size_t>(std::max(8, impl_->options.threads * 4));
  http.new_task_queue = [connection_threads] { return new httplib::ThreadPool(connection_threads); };
  http.set_tcp_nodelay(true);
  http.set_socket_options(listen_socket_options);
  // The gate (http_gate.h) reads every request within the limits and owns
  // keep-alive and timeouts; this is a second guard on what it passes on.
  http.set_payload_max_length(limits.max_body_bytes);
  // Errors httplib raises itself (404, 413, 400 for a broken request) get the
  // same JSON body as the routes' own; a route's body is left alone.
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 404 || res.status == 405) {
      if (const char* allow = server::allowed_methods(req.path)) {
        if (std::string_view(allow).find(req.method) == std::string_view::npos || req.method.empty()) {
          res.status = 405;
          res.set_header("Allow", allow);
          send_error(res, 405, req.method + " is not allowed here; allowed: " + allow, "");
          return httplib::Server::HandlerResponse::Handled;
        }
      }
    }
    const char* what = res.status == 404   ? "no such route"
                       : res.status == 413 ? "request body larger than the limit"
                       : res.status == 405 ? "method not allowed"
                                           : "bad request";
    send_error(res, res.status, what, res.status == 413 ? "body" : "");
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_error(res, 500, "internal error", "");
  });
  server::add_code_routes(http, impl_->ctx);
  server::add_query_routes(http, impl_->ctx);
  server::add_static_routes(http);
}

ApiServer::~ApiServer() = default;

bool ApiServer::bind(std::string& error) {
  errno = 0;
  if (impl_->options.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(impl_->options.host);
  } else if (impl_->http.bind_to_port(impl_->options.host, impl_->options.port)) {
    impl_->port = impl_->options.port;
  } else {
    impl_->port = -1;
  }
  if (impl_->port <= 0) {
    const int cause = errno;
    error = "cannot listen on " + impl_->options.host + ":" + std::to_string(impl_->options.port);
    if (cause == EADDRINUSE) {
      error += ": the port is in use (is another parley serve or another program listening there?)";
    } else if (cause != 0) {
      error += std::string(": ") + std::strerror(cause);
    }
    return false;
  }
  return true;
}

int ApiServer::port() const { return impl_->port; }

void ApiServer::serve() { impl_->http.listen_after_bind(); }

void ApiServer::stop() { impl_->http.stop(); }

}  // namespace parley
