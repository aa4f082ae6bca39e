// The dashboard (/, /app.js, /style.css, /vendor/..., ...) and /openapi.json,
// served from the files compiled into the binary; nothing is read from disk.
#include "server/routes.h"
#include "server/web_assets.h"

namespace parley::server {

namespace {
#include "web_assets.inc"
}  // namespace

const WebAsset* find_web_asset(std::string_view name) {
  for (const WebAsset& a : kWebAssets) {
    if (name == a.name) return &a;
  }
  return nullptr;
}

void add_static_routes(httplib::Server& http) {
  auto serve = [](std::string_view name, httplib::Response& res) {
    const WebAsset* asset = find_web_asset(name);
    if (!asset) {
      send_error(res, 404, "no such file", "");
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(asset->data ? std::string(asset->bytes()) : std::string(), asset->content_type);
  };
  http.Get("/", [serve](const httplib::Request&, httplib::Response& res) { serve("index.html", res); });
  http.Get("/openapi.json", [serve](const httplib::Request&, httplib::Response& res) { serve("openapi.json", res); });
  http.Get(R"(/([A-Za-z0-9_-]+\.(?:html|js|css|svg)))", [serve](const httplib::Request& req, httplib::Response& res) {
    serve(req.matches[1].str(), res);
  });
  // The libraries and map data vendored from npm at build time (web/vendor/).
  http.Get(R"(/(vendor/[A-Za-z0-9_.-]+))", [serve](const httplib::Request& req, httplib::Response& res) {
    serve(req.matches[1].str(), res);
  });
}

}  // namespace parley::server
