// Internal to io/: finds the records of a PETRARCH XML file by scanning its
// markup, without building a tree, so that each record can be parsed (by
// pugixml) on its own.
//
// Why: parsing the file whole lost every record after the first broken one,
// and a tree nested 150,000 levels deep overflowed the stack.  The scan is
// one iterative pass; nesting depth costs it nothing.  A record is a
// <Sentence>, an <Environment>, or a <Config> outside an <Environment>, at
// any depth.  A record that cannot be framed or is nested too deeply is
// reported with what is wrong and where; the scan goes on at the next
// record, so one bad record costs only itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parley::io {

struct XmlRecordSpan {
  size_t begin = 0, end = 0;   // bytes [begin, end): from its '<' to past its end tag
  std::string_view name;       // "Sentence", "Environment" or "Config"
  std::string id;              // its id= as written, "" if none or unreadable
  // Non-empty when the record must not be parsed: what is wrong (no end tag,
  // nesting too deep, a NUL byte); problem_at is the byte where it is.
  std::string problem;
  size_t problem_at = 0;
};

struct XmlScan {
  std::vector<XmlRecordSpan> records;  // in file order
  // The first markup problem outside every record (a stray '<', an end tag
  // that matches nothing, an unterminated comment, the root never closed,
  // no element at all), "" if none; file_problem_at is its byte.
  std::string file_problem;
  size_t file_problem_at = 0;
};

// Scans `xml`.  An element more than `max_depth` levels deep (counting from
// the root element as level 1) makes its record a problem record, or, outside
// every record, the file problem; the scan itself never recurses.
XmlScan scan_xml_records(std::string_view xml, size_t max_depth);

}  // namespace parley::io
