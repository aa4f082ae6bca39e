// Internal to the server: what every route needs, and the route groups.
// Each group registers its handlers on the httplib::Server; handle() wraps a
// handler so that an ApiError becomes its JSON error and nothing else escapes.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>

#include "pipeline/engine.h"
#include "server/access.h"
#include "server/server.h"
#include "server/worker_pool.h"
#include "store/store.h"

namespace parley::server {

struct ServerContext {
  const Engine& engine;
  store::Store& store;
  WorkerPool& workers;
  const ServerLimits& limits;
  const AccessPolicy& access;
};

void send_json(httplib::Response& res, std::string body, int status = 200);
void send_error(httplib::Response& res, int status, std::string_view message, std::string_view parameter);

// Runs `body`; ApiError -> its status and JSON error, ParamError (an
// ill-formed parameter, filters/params.h) -> 400, StoreError -> 500,
// anything else -> 500 with a generic message (details go to stderr).
void handle(httplib::Response& res, const std::function<void()>& body);

void add_code_routes(httplib::Server& http, ServerContext& ctx);    // routes_code.cpp
void add_query_routes(httplib::Server& http, ServerContext& ctx);   // routes_query.cpp
void add_static_routes(httplib::Server& http);                      // routes_static.cpp

}  // namespace parley::server
