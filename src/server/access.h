// Who may ask the server what: the checks every request passes before it is
// routed, and the one writes pass.  Why each exists:
//
//  - Host: a page on another site can point its own name at 127.0.0.1 (DNS
//    rebinding) and then talk to the server as if from the same origin; its
//    requests carry that foreign name in Host.  Accepted: IP literals (no
//    name to rebind), "localhost" and names under ".localhost" (RFC 6761:
//    always this machine), the name the server was bound to, and names
//    given with --allow-host.  Others are 421.
//  - Origin: a browser says which page sent a request.  Same-origin requests
//    (the dashboard) and origins given with --cors-origin pass; another
//    page's request is 403, so that it cannot make the server work for it
//    even without reading the answer.  Only --cors-origin origins get CORS
//    headers (Access-Control-Allow-Origin) and preflight answers.
//  - Writes (POST /v1/documents) need `Authorization: Bearer TOKEN` with the
//    --write-token the server was started with: 401 without it, 403 when
//    the server has no token (read-only, the default).
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

namespace parley::server {

struct AccessPolicy {
  std::string bound_host;                 // --host
  std::vector<std::string> allowed_hosts; // --allow-host, lower-case
  std::vector<std::string> cors_origins;  // --cors-origin, as given
  std::string write_token;                // --write-token; empty = read-only
};

// True if `host` (a Host header value, with or without a port) names this
// server under `policy`.
bool host_allowed(std::string_view host, const AccessPolicy& policy);

// Checks Host and Origin and answers CORS preflights.  Returns true when it
// has answered (a refusal or a preflight); false to route the request (with
// CORS headers added to `res` for an allowed cross origin).
bool screen_request(const httplib::Request& req, httplib::Response& res, const AccessPolicy& policy);

// Throws ApiError 403 (read-only server) or 401 (missing or wrong token;
// sets WWW-Authenticate on `res`) unless `req` may write.
void require_write_access(const httplib::Request& req, httplib::Response& res, const AccessPolicy& policy);

// Why `token` cannot be a write token ("" if it can): at least 16
// characters of RFC 6750's token68 set, so that it fits in the header as is.
std::string write_token_problem(std::string_view token);
// Why `origin` cannot be a --cors-origin ("" if it can): scheme://host[:port].
std::string cors_origin_problem(std::string_view origin);

}  // namespace parley::server
