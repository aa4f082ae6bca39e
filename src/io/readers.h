// Internal to io/: the three format readers behind InputReader::open(), and
// helpers they share for error messages and text checks.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "io/byte_source.h"
#include "io/input.h"

namespace parley::io {

std::unique_ptr<InputReader> make_text_reader(std::string path, std::unique_ptr<ByteSource> src,
                                              const ReaderOptions& options);
std::unique_ptr<InputReader> make_jsonl_reader(std::string path, std::unique_ptr<ByteSource> src,
                                               const ReaderOptions& options);
std::unique_ptr<InputReader> make_xml_reader(std::string path, std::unique_ptr<ByteSource> src,
                                             const ReaderOptions& options);
// A reader that yields one error (unreadable file, unsupported encoding).
std::unique_ptr<InputReader> make_failed_reader(std::string path, std::string error);

// "FILE:LINE: record ID: what" into *error.
void set_record_error(std::string* error, const std::string& file, uint32_t line,
                      std::string_view id, std::string_view what);

// Checks document text: non-empty, valid UTF-8, no NUL.  Returns "" if fine,
// else what is wrong (with the byte offset of a bad byte).
std::string check_text(std::string_view text);

// Sets rec.date from the date the record gives (`written`; null when it has
// none) with parse_record_date(), else to `fallback` (--date, may be 0), and
// puts in rec.warning what the user must know: a date missing with no
// fallback, or one that cannot be read (`wrong_type`: the field is not a
// string, e.g. "field \"date\" must be a string, got an array").
void set_record_date(InputRecord& rec, const std::string* written, std::string_view wrong_type,
                     int32_t fallback);

// "FILE:LINE", the id of a record that has none.
std::string location_id(const std::string& file, uint32_t line);

}  // namespace parley::io
