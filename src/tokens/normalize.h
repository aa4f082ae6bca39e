// parley/tokens: the normalised form dictionaries are written in: upper-case
// ASCII, diacritics folded (Élysée -> ELYSEE, ß -> SS), curly quotes and
// apostrophes made ASCII, em/en dashes "--", the ellipsis "...".  Letters of
// other scripts are upper-cased and kept.  Appends to `out`; allocates only
// when `out` must grow.
#pragma once

#include <string>
#include <string_view>

namespace parley {

void append_normalized(std::string& out, std::string_view raw);

}  // namespace parley
