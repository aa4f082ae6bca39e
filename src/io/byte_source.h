// Buffered reading of a file or stdin for the readers: peeking at the start
// (format detection), line-at-a-time with a size cap (JSON Lines), or all at
// once with a size cap (text, XML).  Memory stays bounded by the cap: an
// over-long line is skipped, not stored.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

class ByteSource {
 public:
  ByteSource() = default;
  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // path "-" = stdin.  On failure returns false with a reason in *error.
  bool open(const std::string& path, std::string* error);

  // The first up to n unread bytes, reading more as needed (shorter at EOF).
  std::string_view peek(size_t n);
  void skip(size_t n);  // n <= peek(n).size()

  enum class Line { kOk, kTooLong, kEnd };
  // Reads one line without its '\n' (and without a '\r' before it).  A line
  // longer than max_bytes is consumed but not stored (kTooLong, *line empty).
  // *had_newline is false for a final line without '\n'.
  Line read_line(std::string* line, size_t max_bytes, bool* had_newline);

  // Appends all remaining bytes to *out.  Returns false (stopping early) if
  // there are more than max_bytes.
  bool read_all(std::string* out, size_t max_bytes);

  // For progress display: bytes handed out so far, and the file's size
  // (0 when unknown: stdin, a pipe, anything but a regular file).
  uint64_t consumed() const { return read_total_ - (end_ - pos_); }
  uint64_t size() const { return size_; }

  // Non-empty after an I/O error (e.g. reading a directory).
  const std::string& io_error() const { return io_error_; }

 private:
  bool fill();  // reads more bytes after end_; false at EOF or error

  FILE* file_ = nullptr;
  bool owns_file_ = false;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  uint64_t read_total_ = 0, size_ = 0;
  std::string io_error_;
};

}  // namespace parley::io
