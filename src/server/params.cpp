#include "server/params.h"

#include <string>

#include "server/api_error.h"

namespace parley::server {

void check_query_string(std::string_view target) {
  const size_t question = target.find('?');
  if (question == std::string_view::npos) return;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    const size_t eq = pair.find('=');
    const std::string name(pair.substr(0, eq));
    if (!pair.empty() && (eq == 0 || (eq != std::string_view::npos && pair.find('=', eq + 1) != std::string_view::npos))) {
      throw ApiError(400, name + ": malformed query parameter (a raw '=' in the value must be written %3D)", name);
    }
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
  }
}

}  // namespace parley::server
