#include "io/byte_source.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace parley::io {
namespace {
constexpr size_t kChunk = 1 << 16;
}

ByteSource::~ByteSource() {
  if (owns_file_ && file_) std::fclose(file_);
}

bool ByteSource::open(const std::string& path, std::string* error) {
  if (path == "-") {
    file_ = stdin;
    owns_file_ = false;
  } else {
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) {
      *error = std::strerror(errno);
      return false;
    }
    owns_file_ = true;
  }
  struct stat st {};
  if (fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode)) size_ = static_cast<uint64_t>(st.st_size);
  buf_.resize(kChunk);
  return true;
}

bool ByteSource::fill() {
  if (eof_ || !file_) return false;
  if (pos_ > 0 && pos_ == end_) pos_ = end_ = 0;
  if (end_ == buf_.size()) {
    if (pos_ > 0) {  // slide unread bytes to the front before growing
      std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
    } else {
      buf_.resize(buf_.size() * 2);
    }
  }
  const size_t n = std::fread(buf_.data() + end_, 1, buf_.size() - end_, file_);
  end_ += n;
  read_total_ += n;
  if (n == 0) {
    eof_ = true;
    if (std::ferror(file_)) io_error_ = std::strerror(errno ? errno : EIO);
    return false;
  }
  return true;
}

std::string_view ByteSource::peek(size_t n) {
  while (end_ - pos_ < n && fill()) {
  }
  const size_t have = std::min(n, end_ - pos_);
  return std::string_view(buf_.data() + pos_, have);
}

void ByteSource::skip(size_t n) { pos_ += std::min(n, end_ - pos_); }

ByteSource::Line ByteSource::read_line(std::string* line, size_t max_bytes, bool* had_newline) {
  line->clear();
  bool too_long = false, any = false;
  *had_newline = false;
  for (;;) {
    if (pos_ == end_ && !fill()) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const size_t avail = end_ - pos_;
    const char* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
    const size_t take = nl ? static_cast<size_t>(nl - start) : avail;
    if (!too_long) {
      if (line->size() + take > max_bytes) {
        too_long = true;
        line->clear();
      } else {
        line->append(start, take);
      }
    }
    pos_ += take;
    if (nl) {
      ++pos_;
      *had_newline = true;
      break;
    }
  }
  if (!any) return Line::kEnd;
  if (too_long) return Line::kTooLong;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return Line::kOk;
}

bool ByteSource::read_all(std::string* out, size_t max_bytes) {
  size_t taken = 0;
  for (;;) {
    const size_t avail = end_ - pos_;
    if (taken + avail > max_bytes) {
      pos_ = end_;
      return false;
    }
    out->append(buf_.data() + pos_, avail);
    taken += avail;
    pos_ = end_;
    if (!fill()) return true;
  }
}

}  // namespace parley::io
