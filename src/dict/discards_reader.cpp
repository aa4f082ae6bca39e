// Discard lists (*.discards.txt): "PHRASE" drops a sentence, "+PHRASE" the
// whole story.  Words are separated by blanks or '_'.
#include <vector>

#include "dict/readers.h"

namespace parley::dict_internal {

void read_discards(const FileContext& cx, std::string_view text) {
  CommentedLines lines(cx.path, text);
  std::string_view line;
  std::vector<std::string_view> words;
  while (lines.next(line)) {
    std::string_view t = trim(line);
    if (t.empty()) continue;
    DiscardEntry e;
    if (t[0] == '+') {
      e.whole_story = true;
      t.remove_prefix(1);
    }
    if (t.find_first_of("[]") != std::string_view::npos)
      cx.error(lines.number(), "discard phrase cannot contain '[' or ']': '" + std::string(t) + "'");
    split_words(t, true, words);
    if (words.empty()) cx.error(lines.number(), "discard line without a phrase");
    for (std::string_view w : words) e.words.push_back(intern_upper(cx.dict.vocab, w));
    e.loc = cx.loc(lines.number());
    cx.dict.discards.push_back(std::move(e));
  }
}

}  // namespace parley::dict_internal
