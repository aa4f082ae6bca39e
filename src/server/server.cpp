#include "server/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <regex>
#include <span>
#include <utility>

#include "server/api_error.h"
#include "server/http_gate.h"
#include "server/params.h"
#include "server/request_bodies.h"
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

// The media types each POST route reads.  Any other, or none, is a 415
// before the body is looked at: cpp-httplib would parse a form or multipart
// body itself (and answer a bad one with its own 400).
bool refuse_post_media_type(const httplib::Request& req, httplib::Response& res) {
  if (req.method != "POST") return false;
  static constexpr std::string_view kCode[] = {"application/json", "text/plain"};
  static constexpr std::string_view kDocuments[] = {"application/json", "application/x-ndjson", "application/jsonl"};
  std::span<const std::string_view> types;
  const char* names = nullptr;
  if (req.path == "/v1/code") {
    types = kCode;
    names = "application/json or text/plain";
  } else if (req.path == "/v1/documents") {
    types = kDocuments;
    names = "application/json or application/x-ndjson";
  } else {
    return false;
  }
  const std::string content_type = req.get_header_value("Content-Type");
  const std::string type = media_type(content_type);
  for (const std::string_view t : types)
    if (type == t) return false;
  send_error(res, 415,
             std::string(content_type.empty() ? "Content-Type is missing; send " : "Content-Type must be ") + names,
             "Content-Type");
  return true;
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
  } catch (const filters::ParamError& e) {
    send_error(res, 400, e.what(), e.parameter());
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

server::GateLimits gate_limits(const ServerLimits& limits, int threads) {
  server::GateLimits gate;
  gate.max_body_bytes = limits.max_body_bytes;
  gate.request_timeout_ms = limits.request_timeout_ms;
  gate.idle_timeout_ms = limits.read_timeout_ms;
  gate.write_timeout_ms = limits.write_timeout_ms;
  gate.max_connections = limits.max_connections;
  // Handler threads outnumber the coding Workers: a request that only reads
  // the store should not wait behind ones waiting for a Worker.
  gate.handler_threads = std::max(8, threads * 4);
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

server::AccessPolicy access_policy(const ServerOptions& o) {
  server::AccessPolicy policy;
  policy.bound_host = o.host;
  for (const std::string& h : o.allowed_hosts) {
    std::string name = h;
    for (char& c : name)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    policy.allowed_hosts.push_back(name);
  }
  policy.cors_origins = o.cors_origins;
  policy.write_token = o.write_token;
  return policy;
}

}  // namespace

struct ApiServer::Impl {
  Impl(const Engine& engine, store::Store& store, const ServerOptions& o)
      : options(o), access(access_policy(o)), workers(engine, o.threads),
        ctx{engine, store, workers, options.limits, access}, http(gate_limits(o.limits, o.threads)) {}
  ServerOptions options;
  server::AccessPolicy access;
  server::WorkerPool workers;
  server::ServerContext ctx;
  server::GatedServer http;
  int port = 0;
};

ApiServer::ApiServer(const Engine& engine, store::Store& store, const ServerOptions& options)
    : impl_(std::make_unique<Impl>(engine, store, options)) {
  httplib::Server& http = impl_->http;
  const ServerLimits& limits = impl_->options.limits;
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
  // Host and Origin are checked before anything is routed (server/access.h),
  // and a POST's media type before its body is read.
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return server::screen_request(req, res, impl_->access) || server::refuse_post_media_type(req, res)
               ? httplib::Server::HandlerResponse::Handled
               : httplib::Server::HandlerResponse::Unhandled;
  });
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

void ApiServer::serve() { impl_->http.serve(); }

void ApiServer::stop() { impl_->http.stop_serving(); }

}  // namespace parley
