// One RFC 4180 CSV field: what `parley query --format csv` and `parley code
// --format csv` write (store/result_format.cpp, io/flat_columns.cpp).
#pragma once

#include <string>
#include <string_view>

namespace parley::io {

// Appends `value`, quoted (quotes doubled) if it holds a comma, a quote, CR or LF.
void append_csv_field(std::string& out, std::string_view value);

}  // namespace parley::io
