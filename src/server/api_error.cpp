#include "server/api_error.h"

#include "io/json_writer.h"

namespace parley::server {

std::string error_json(std::string_view message, std::string_view parameter) {
  io::JsonWriter w;
  w.begin_object();
  w.key("error");
  w.string(message);
  w.key("parameter");
  if (parameter.empty()) w.null(); else w.string(parameter);
  w.end_object();
  return w.data();
}

}  // namespace parley::server
