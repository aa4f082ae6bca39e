// Errors a route reports to the client: an HTTP status, a message and, when
// one parameter is to blame, its name.  Routes throw ApiError; the route
// wrapper (routes.h) turns it into {"error": "...", "parameter": "..."}.
#pragma once

#include <stdexcept>
#include <string>

namespace parley::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string message, std::string parameter = "")
      : std::runtime_error(std::move(message)), status_(status), parameter_(std::move(parameter)) {}
  int status() const { return status_; }
  const std::string& parameter() const { return parameter_; }

 private:
  int status_;
  std::string parameter_;
};

// The JSON error body; an empty parameter is written as null.
std::string error_json(std::string_view message, std::string_view parameter);

}  // namespace parley::server
