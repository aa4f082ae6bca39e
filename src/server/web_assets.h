// The dashboard's files (web/*), compiled into the binary by
// embed_assets.cmake, looked up by file name ("index.html").
#pragma once

#include <cstddef>
#include <string_view>

namespace parley::server {

struct WebAsset {
  const char* name;
  const char* content_type;
  const unsigned char* data;
  size_t size;
  std::string_view bytes() const { return {reinterpret_cast<const char*>(data), size}; }
};

const WebAsset* find_web_asset(std::string_view name);

}  // namespace parley::server
