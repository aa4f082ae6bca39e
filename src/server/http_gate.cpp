// The gate's checks: the request head (RFC 9112 section 2-6, strictly) and
// the chunked body decoder.  Pure functions over bytes; the socket side is
// in gated_server.cpp.
#include "server/http_gate.h"

#include <algorithm>
#include <cstdint>

namespace parley::server {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] + 32) : b[i];
    if (x != y) return false;
  }
  return true;
}

// RFC 9110 tchar: what a method or a header name may contain.
bool is_tchar(unsigned char c) {
  if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}
bool is_token(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s)
    if (!is_tchar(static_cast<unsigned char>(c))) return false;
  return true;
}
bool is_ctl(unsigned char c) { return c < 0x20 || c == 0x7F; }
bool is_printable_ascii(std::string_view s) {
  for (const char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) return false;
  return true;
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

HeadCheck refuse(int status, std::string message, std::string parameter = "") {
  HeadCheck c;
  c.status = status;
  c.message = std::move(message);
  c.parameter = std::move(parameter);
  return c;
}

// Checks the request line; returns a refusal or status 0, and sets *http10.
HeadCheck check_request_line(std::string_view line, const GateLimits& limits, bool* http10) {
  const size_t sp1 = line.find(' ');
  const size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
    return refuse(400, "malformed request line (expected METHOD TARGET HTTP/1.1)");
  const std::string_view method = line.substr(0, sp1);
  const std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  if (!is_token(method)) return refuse(400, "malformed request method");
  if (target.empty()) return refuse(400, "empty request target");
  if (target.size() > limits.max_target_bytes)
    return refuse(414, "request target longer than " + std::to_string(limits.max_target_bytes) + " bytes");
  for (const char c : target)
    if (is_ctl(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      return refuse(400, "request target with a control character or a raw non-ASCII byte (percent-encode it)");
  if (version == "HTTP/1.1") {
    *http10 = false;
  } else if (version == "HTTP/1.0") {
    *http10 = true;
  } else if (version.substr(0, 5) == "HTTP/") {
    return refuse(505, "HTTP version not supported (HTTP/1.1 and HTTP/1.0 are)");
  } else {
    return refuse(400, "malformed request line (expected METHOD TARGET HTTP/1.1)");
  }
  return {};
}

// A Content-Length value: 1*DIGIT.  False if malformed; *too_large if it
// does not fit in 18 digits.
bool parse_length(std::string_view value, size_t* out, bool* too_large) {
  if (value.empty()) return false;
  uint64_t n = 0;
  for (const char c : value) {
    if (c < '0' || c > '9') return false;
    if (n > 99999999999999999ull) {
      *too_large = true;
      return true;
    }
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = static_cast<size_t>(n);
  return true;
}

}  // namespace

size_t find_head_end(std::string_view b, size_t* scanned) {
  size_t i = *scanned;
  while ((i = b.find('\n', i)) != std::string_view::npos) {
    if (i + 1 >= b.size()) break;
    if (b[i + 1] == '\n') return i + 2;
    if (b[i + 1] == '\r') {
      if (i + 2 >= b.size()) break;
      if (b[i + 2] == '\n') return i + 3;
    }
    ++i;
  }
  *scanned = i == std::string_view::npos ? b.size() : i;
  return 0;
}

HeadCheck check_request_head(std::string_view head, const GateLimits& limits) {
  if (head.size() > limits.max_head_bytes)
    return refuse(431, "request head larger than " + std::to_string(limits.max_head_bytes) + " bytes");
  HeadCheck check;
  bool http10 = false;
  int content_lengths = 0, transfer_encodings = 0, hosts = 0;
  bool chunked = false;
  std::string_view transfer_coding;
  size_t line_no = 0;
  bool ended = false;
  for (size_t pos = 0; pos < head.size();) {
    const size_t nl = head.find('\n', pos);
    if (nl == std::string_view::npos) break;
    ++line_no;
    if (nl == pos || head[nl - 1] != '\r')
      return refuse(400, "line " + std::to_string(line_no) + " of the request head ends in a bare LF (CRLF is required)");
    const std::string_view line = head.substr(pos, nl - 1 - pos);
    const std::string_view with_crlf = head.substr(pos, nl + 1 - pos);
    pos = nl + 1;
    if (line_no == 1) {
      HeadCheck line_check = check_request_line(line, limits, &http10);
      if (line_check.status) return line_check;
      check.forwarded.append(with_crlf);
      continue;
    }
    if (line.empty()) {
      if (pos != head.size()) return refuse(400, "bytes after the end of the request head");
      ended = true;
      break;
    }
    if (line.front() == ' ' || line.front() == '\t')
      return refuse(400, "folded header line (obsolete line folding is not accepted)");
    const size_t colon = line.find(':');
    const std::string_view name = line.substr(0, colon == std::string_view::npos ? 0 : colon);
    if (!is_token(name)) return refuse(400, "malformed header line " + std::to_string(line_no) + " (expected Name: value)");
    const std::string_view value = trim_ows(line.substr(colon + 1));
    for (const char c : value) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (u == 0) return refuse(400, "NUL byte in header " + std::string(name), std::string(name));
      if (is_ctl(u) && u != '\t')
        return refuse(400, "control character in header " + std::string(name), std::string(name));
    }
    if (iequals(name, "Content-Length")) {
      if (++content_lengths > 1) return refuse(400, "more than one Content-Length header", "Content-Length");
      bool too_large = false;
      if (!parse_length(value, &check.content_length, &too_large))
        return refuse(400, "Content-Length is not a number", "Content-Length");
      if (too_large || check.content_length > limits.max_body_bytes)
        return refuse(413, "request body larger than the limit", "body");
    } else if (iequals(name, "Transfer-Encoding")) {
      if (++transfer_encodings > 1) return refuse(400, "more than one Transfer-Encoding header", "Transfer-Encoding");
      transfer_coding = value;
      chunked = iequals(value, "chunked");
      continue;  // the gate de-chunks; what it passes on has a Content-Length
    } else if (iequals(name, "Host")) {
      if (++hosts > 1) return refuse(400, "more than one Host header", "Host");
    } else if (iequals(name, "Expect")) {
      if (!iequals(value, "100-continue"))
        return refuse(417, "only Expect: 100-continue is understood", "Expect");
      check.expect_continue = true;
      continue;  // answered by the gate
    }
    check.forwarded.append(with_crlf);
  }
  if (!ended) return refuse(400, "request head not ended by a blank line");
  if (!http10 && hosts == 0) return refuse(400, "HTTP/1.1 request without a Host header", "Host");
  if (transfer_encodings) {
    if (content_lengths)
      return refuse(400, "both Content-Length and Transfer-Encoding (a request smuggling pattern)", "Transfer-Encoding");
    if (http10) return refuse(400, "Transfer-Encoding in an HTTP/1.0 request", "Transfer-Encoding");
    if (!chunked)
      return refuse(501,
                    is_printable_ascii(transfer_coding)
                        ? "Transfer-Encoding \"" + std::string(transfer_coding) + "\" is not supported; only chunked is"
                        : std::string("Transfer-Encoding other than chunked is not supported"),
                    "Transfer-Encoding");
    check.body = HeadCheck::Body::kChunked;
  } else if (content_lengths && check.content_length > 0) {
    check.body = HeadCheck::Body::kLength;
  }
  if (check.body == HeadCheck::Body::kNone) check.expect_continue = false;
  return check;
}

ChunkedDecoder::State ChunkedDecoder::fail(std::string what) {
  error_ = std::move(what);
  return State::kMalformed;
}

ChunkedDecoder::State ChunkedDecoder::feed(std::string_view data, std::string* body, size_t* consumed) {
  constexpr size_t kMaxSizeLine = 1024;     // hex size and chunk extensions
  constexpr size_t kMaxTrailer = 16 << 10;  // all trailer lines together
  size_t p = 0;
  *consumed = 0;
  while (p < data.size()) {
    if (part_ == Part::kData) {
      const size_t take = std::min(remaining_, data.size() - p);
      body->append(data.data() + p, take);
      p += take;
      remaining_ -= take;
      if (remaining_ == 0) part_ = Part::kDataEnd;
      continue;
    }
    if (part_ == Part::kDataEnd) {
      line_.push_back(data[p++]);
      if (line_.size() < 2) continue;
      if (line_ != "\r\n") return fail("chunk data not followed by CRLF");
      line_.clear();
      part_ = Part::kSizeLine;
      continue;
    }
    // A size line or a trailer line, up to its LF.
    const size_t nl = data.find('\n', p);
    const size_t end = nl == std::string_view::npos ? data.size() : nl + 1;
    line_.append(data.data() + p, end - p);
    p = end;
    if (part_ == Part::kSizeLine && line_.size() > kMaxSizeLine) return fail("chunk size line too long");
    if (part_ == Part::kTrailer && trailer_bytes_ + line_.size() > kMaxTrailer) return fail("chunked trailer too long");
    if (nl == std::string_view::npos) break;
    if (line_.size() < 2 || line_[line_.size() - 2] != '\r') return fail("chunked line ends in a bare LF");
    line_.resize(line_.size() - 2);
    if (part_ == Part::kTrailer) {
      if (line_.empty()) {
        *consumed = p;
        return State::kDone;
      }
      trailer_bytes_ += line_.size() + 2;  // trailer fields are read and dropped
      line_.clear();
      continue;
    }
    uint64_t size = 0;
    size_t digits = 0;
    for (; digits < line_.size(); ++digits) {
      const char c = line_[digits];
      int v = -1;
      if (c >= '0' && c <= '9') v = c - '0';
      else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
      if (v < 0) break;
      if (digits >= 15) {
        *consumed = p;
        return State::kTooLarge;
      }
      size = size * 16 + static_cast<uint64_t>(v);
    }
    const std::string_view rest = trim_ows(std::string_view(line_).substr(digits));
    if (digits == 0 || (!rest.empty() && rest.front() != ';')) return fail("malformed chunk size");
    line_.clear();
    if (size == 0) {
      part_ = Part::kTrailer;
      continue;
    }
    if (size > max_body_ || body->size() + size > max_body_) {
      *consumed = p;
      return State::kTooLarge;
    }
    remaining_ = static_cast<size_t>(size);
    part_ = Part::kData;
  }
  *consumed = p;
  return State::kMore;
}

}  // namespace parley::server
