#include "server/access.h"

#include <arpa/inet.h>

#include <algorithm>

#include "server/api_error.h"
#include "server/routes.h"

namespace parley::server {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool printable_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c <= 0x7E; });
}

// Compares in time that does not depend on where the strings first differ.
bool same_secret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool is_ip_literal(const std::string& name, bool bracketed) {
  unsigned char buf[16];
  if (bracketed) return ::inet_pton(AF_INET6, name.c_str(), buf) == 1;
  return ::inet_pton(AF_INET, name.c_str(), buf) == 1;
}

}  // namespace

bool host_allowed(std::string_view host, const AccessPolicy& policy) {
  std::string name;
  bool bracketed = false;
  if (!host.empty() && host.front() == '[') {
    const size_t close = host.find(']');
    if (close == std::string_view::npos) return false;
    const std::string_view rest = host.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return false;
    name = std::string(host.substr(1, close - 1));
    bracketed = true;
  } else {
    const size_t colon = host.rfind(':');
    const std::string_view port = colon == std::string_view::npos ? std::string_view() : host.substr(colon + 1);
    if (colon != std::string_view::npos &&
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return false;
    name = lower(host.substr(0, colon));
    if (!name.empty() && name.back() == '.') name.pop_back();  // "localhost." is "localhost"
  }
  if (name.empty()) return false;
  if (is_ip_literal(name, bracketed)) return true;
  if (bracketed) return false;
  if (name == "localhost" || (name.size() > 10 && name.compare(name.size() - 10, 10, ".localhost") == 0)) return true;
  if (name == lower(policy.bound_host)) return true;
  return std::find(policy.allowed_hosts.begin(), policy.allowed_hosts.end(), name) != policy.allowed_hosts.end();
}

bool screen_request(const httplib::Request& req, httplib::Response& res, const AccessPolicy& policy) {
  // HTTP/1.0 may leave Host out (the gate requires it of HTTP/1.1); such a
  // request does not come from a browser.
  if (req.has_header("Host") && !host_allowed(req.get_header_value("Host"), policy)) {
    const std::string host = req.get_header_value("Host");
    send_error(res, 421,
               printable_ascii(host) && host.size() <= 255
                   ? "Host \"" + host + "\" is not a name of this server; start parley serve with --allow-host " +
                         "NAME to accept a name"
                   : std::string("Host is not a name of this server"),
               "Host");
    return true;
  }
  if (!req.has_header("Origin")) return false;
  const std::string origin = req.get_header_value("Origin");
  // The dashboard itself: its origin names the Host it asks (https:// too,
  // behind a proxy that terminates TLS and keeps Host).
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (origin.size() > scheme.size() && origin.compare(0, scheme.size(), scheme) == 0 &&
        lower(std::string_view(origin).substr(scheme.size())) == lower(req.get_header_value("Host")))
      return false;
  }
  const bool allowed =
      std::find(policy.cors_origins.begin(), policy.cors_origins.end(), origin) != policy.cors_origins.end();
  if (!allowed) {
    send_error(res, 403,
               printable_ascii(origin) && origin.size() <= 255
                   ? "requests from the page at " + origin + " are not allowed; start parley serve with " +
                         "--cors-origin " + origin + " to allow them"
                   : std::string("requests from another page are not allowed (see --cors-origin)"),
               "Origin");
    return true;
  }
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
  if (req.method == "OPTIONS" && req.has_header("Access-Control-Request-Method")) {
    res.status = 204;
    res.set_header("Access-Control-Allow-Methods", "GET, POST");
    res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization, Accept");
    res.set_header("Access-Control-Max-Age", "600");
    return true;
  }
  return false;
}

void require_write_access(const httplib::Request& req, httplib::Response& res, const AccessPolicy& policy) {
  if (policy.write_token.empty())
    throw ApiError(403,
                   "this server is read-only; start parley serve with --write-token TOKEN (or PARLEY_WRITE_TOKEN) "
                   "to accept writes",
                   "Authorization");
  const std::string auth = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "bearer ";
  if (auth.size() <= kBearer.size() || lower(std::string_view(auth).substr(0, kBearer.size())) != kBearer ||
      !same_secret(std::string_view(auth).substr(kBearer.size()), policy.write_token)) {
    res.set_header("WWW-Authenticate", "Bearer realm=\"parley\"");
    throw ApiError(401, auth.empty() ? "writes need Authorization: Bearer TOKEN (the server's --write-token)"
                                     : "wrong write token",
                   "Authorization");
  }
}

std::string write_token_problem(std::string_view token) {
  if (token.size() < 16) return "a write token needs at least 16 characters";
  const auto token68 = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("-._~+/").find(c) != std::string_view::npos;
  };
  const size_t pad = token.find_last_not_of('=');
  if (!std::all_of(token.begin(), token.begin() + static_cast<std::ptrdiff_t>(pad + 1), token68))
    return "a write token may contain only letters, digits and - . _ ~ + / (and = at its end)";
  return "";
}

std::string cors_origin_problem(std::string_view origin) {
  const size_t scheme_end = origin.find("://");
  const std::string_view scheme = origin.substr(0, scheme_end);
  if (scheme_end == std::string_view::npos || (scheme != "http" && scheme != "https"))
    return "an origin starts with http:// or https://";
  const std::string_view rest = origin.substr(scheme_end + 3);
  if (rest.empty() || rest.find_first_of("/?#@ ") != std::string_view::npos || !printable_ascii(rest))
    return "an origin is scheme://host[:port], without a path";
  return "";
}

}  // namespace parley::server
