// Reading input files through io::InputReader in tests: every record of a
// file, and the reader on corrupted copies of a real file.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "io/input.h"
#include "support/temp_dir.h"

namespace parley::test {

struct ReadItem {
  io::InputRecord rec;
  std::string error;  // set for a bad record
};

// Every record (or error) the reader gives for `path`; with `expect`, the
// format the reader must have detected.
inline std::vector<ReadItem> read_all(const std::string& path, const io::ReaderOptions& options = {},
                                      const io::InputFormat* expect = nullptr) {
  auto reader = io::InputReader::open(path, options);
  EXPECT_TRUE(reader != nullptr) << path;
  if (!reader) return {};
  if (expect) {
    EXPECT_EQ(reader->format(), *expect) << path;
  }
  std::vector<ReadItem> items;
  ReadItem item;
  while (reader->next(item.rec, item.error)) {
    items.push_back(item);
    if (items.size() > 100000) break;  // a reader that never ends is a bug
  }
  return items;
}

// The reader on 400 corrupted copies of `original` (cut short on even
// rounds, a few bytes overwritten on odd ones; random from `seed`), each
// written to a temporary `file_name`: it must never crash or hang, every
// error must name the file, and every good record must pass `check_record`.
inline void expect_corrupted_copies_read_safely(
    const std::string& original, uint32_t seed, const std::string& file_name,
    const std::function<void(const io::InputReader&, const io::InputRecord&)>& check_record) {
  ASSERT_FALSE(original.empty());
  const TempDir tmp("corrupt");
  const auto rnd = [&] { return seed = seed * 1103515245u + 12345u, seed >> 8; };
  for (int round = 0; round < 400; ++round) {
    std::string bytes = original;
    if (round % 2 == 0) {
      bytes.resize(rnd() % bytes.size());
    } else {
      for (int k = 0; k < 1 + round % 5; ++k) bytes[rnd() % bytes.size()] = static_cast<char>(rnd());
    }
    const std::string path = tmp.write(file_name, bytes);
    auto reader = io::InputReader::open(path, {});
    ASSERT_TRUE(reader != nullptr) << path;
    io::InputRecord rec;
    std::string error;
    int n = 0;
    while (reader->next(rec, error) && n < 1000) {
      ++n;
      if (!error.empty()) {
        EXPECT_EQ(error.rfind(path, 0), 0u) << error;
      } else {
        check_record(*reader, rec);
      }
    }
    ASSERT_LT(n, 1000);
  }
}

}  // namespace parley::test
