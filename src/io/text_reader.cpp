// Plain text: the whole input is one document.
#include <filesystem>

#include "io/readers.h"

namespace parley::io {
namespace {

class TextReader : public InputReader {
 public:
  TextReader(std::string path, std::unique_ptr<ByteSource> src, const ReaderOptions& options)
      : InputReader(std::move(path), InputFormat::kText), src_(std::move(src)), options_(options) {}

  bool next(InputRecord& rec, std::string& error) override {
    error.clear();
    if (done_) return false;
    done_ = true;
    rec.clear();
    rec.kind = InputRecord::kDocument;
    rec.source_file = path_;
    rec.source_line = 1;
    rec.id = path_ == "-" ? "stdin" : std::filesystem::path(path_).stem().string();
    if (rec.id.empty()) rec.id = path_;
    if (!src_->read_all(&rec.text, options_.max_record_bytes)) {
      set_record_error(&error, path_, 1, rec.id,
                       "document larger than the maximum record size of " +
                           std::to_string(options_.max_record_bytes) + " bytes");
      rec.text.clear();
      return true;
    }
    if (!src_->io_error().empty()) {
      set_record_error(&error, path_, 1, rec.id, "read error: " + src_->io_error());
      return true;
    }
    const std::string problem = check_text(rec.text);
    if (!problem.empty()) set_record_error(&error, path_, 1, rec.id, problem);
    else set_record_date(rec, nullptr, "", options_.date);  // plain text carries no date
    return true;
  }

  uint64_t bytes_consumed() const override { return src_->consumed(); }
  uint64_t bytes_total() const override { return src_->size(); }

 private:
  std::unique_ptr<ByteSource> src_;
  ReaderOptions options_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<InputReader> make_text_reader(std::string path, std::unique_ptr<ByteSource> src,
                                              const ReaderOptions& options) {
  return std::make_unique<TextReader>(std::move(path), std::move(src), options);
}

}  // namespace parley::io
