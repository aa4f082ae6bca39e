// Actor dictionaries (Phoenix.*.actors.txt, TABARI actor files): records made
// of primary phrase lines, "+SYNONYM" lines and indented "[CODE DATE]" lines;
// every phrase of a record shares all of its codes.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "dict/readers.h"

namespace parley::dict_internal {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool actor_code_ok(std::string_view code) {
  if (code.empty()) return false;
  size_t start = 0;
  while (true) {
    size_t slash = code.find('/', start);
    std::string_view part = code.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (!code_chars_ok(part, 15)) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

class ActorReader {
 public:
  explicit ActorReader(const FileContext& cx) : cx_(cx), a_(cx.dict.actors) {}

  void run(std::string_view text) {
    CommentedLines lines(cx_.path, text);
    std::string_view line;
    while (lines.next(line)) {
      line_ = lines.number();
      std::string_view t = trim(line);
      if (t.empty()) continue;
      if (t[0] == '[') {
        if (record_ < 0) cx_.error(line_, "date line '[CODE ...]' before any actor entry");
        codes(t);
      } else if (t[0] == '+') {
        if (record_ < 0) cx_.error(line_, "synonym line '+' before any actor entry");
        if (t.find('[') != std::string_view::npos) cx_.error(line_, "synonym line '+' cannot carry a code");
        phrase(t.substr(1));
      } else {
        // Entries written before any code join the next entry's record, as in
        // PETRARCH2 (Phoenix lists name variants as primary lines that way).
        size_t lb = t.find('[');
        if (record_ < 0 || codes_written_ > 0) {
          record_ = static_cast<int64_t>(a_.records.size());
          ActorRecord r;
          r.loc = cx_.loc(line_);
          a_.records.push_back(std::move(r));
          codes_written_ = 0;
        }
        phrase(t.substr(0, lb));
        if (lb != std::string_view::npos) codes(t.substr(lb));
      }
    }
    close_record();
  }

 private:
  void close_record() {
    if (record_ >= 0 && codes_written_ == 0)
      cx_.error(a_.records[record_].loc.line, "actor entry has no [CODE]");
    record_ = -1;
  }

  void phrase(std::string_view text) {
    text = trim(text);
    split_words(text, true, words_);
    if (words_.empty()) cx_.error(line_, "actor entry without a phrase");
    ActorPhrase p;
    for (std::string_view w : words_) p.words.push_back(intern_upper(cx_.dict.vocab, w));
    p.record = static_cast<uint32_t>(record_);
    p.exact = text.ends_with('_');
    p.loc = cx_.loc(line_);
    a_.phrases.push_back(std::move(p));
  }

  // One or more "[CODE]" / "[CODE RESTRICTION]" groups.
  void codes(std::string_view t) {
    while (!(t = trim(t)).empty()) {
      if (t[0] != '[') {
        if (a_.records[record_].codes.empty() && codes_written_ == 0)
          cx_.error(line_, "unexpected text '" + std::string(t) + "', expected [CODE]");
        cx_.warn(line_, "text '" + std::string(t) + "' after actor code ignored");
        return;
      }
      size_t rb = t.find(']');
      if (rb == std::string_view::npos) cx_.error(line_, "unterminated '[' in actor code");
      dated_code(t.substr(1, rb - 1));
      t.remove_prefix(rb + 1);
    }
  }

  void dated_code(std::string_view body) {
    ++codes_written_;
    std::string written = "[";
    written.append(body).append("]");
    body = trim(body);
    size_t end = body.find_first_of(" \t<>");
    std::string_view code = body.substr(0, end);
    if (!actor_code_ok(code)) cx_.error(line_, "malformed actor code " + written);
    std::string restriction;
    if (end != std::string_view::npos)
      for (char c : body.substr(end))
        if (!is_space(c)) restriction += c;
    DatedCode dc;
    dc.code = std::string(code);
    dc.loc = cx_.loc(line_);
    if (!restriction.empty()) {
      dc.restricted = true;
      std::string_view r = restriction;
      bool ok;
      if (r[0] == '<') ok = date(r.substr(1), written, dc.to);
      else if (r[0] == '>') ok = date(r.substr(1), written, dc.from);
      else if (size_t dash = r.find('-'); dash != std::string_view::npos) {
        ok = date(r.substr(0, dash), written, dc.from) && date(r.substr(dash + 1), written, dc.to);
        dc.range = true;
      } else {
        // PETRARCH2 mis-evaluates a bare date; in Phoenix it marks a start.
        ok = date(r, written, dc.from);
        if (ok) cx_.warn(line_, "bare date in " + written + " read as '>" + std::string(r) + "' (on or after)");
      }
      if (!ok) return;
    }
    a_.records[record_].codes.push_back(std::move(dc));
  }

  // YYMMDD (00-30 -> 20xx, 31-99 -> 19xx) or YYYYMMDD.  Non-digits are an
  // error; a wrong digit count or impossible date skips the code (warning).
  bool date(std::string_view s, const std::string& written, int32_t& out) {
    if (!all_digits(s)) cx_.error(line_, "bad date '" + std::string(s) + "' in " + written);
    int32_t v = 0;
    if (s.size() == 6) {
      int32_t yy = std::stoi(std::string(s.substr(0, 2)));
      v = (yy <= 30 ? 20000000 : 19000000) + std::stoi(std::string(s));
    } else if (s.size() == 8) {
      v = std::stoi(std::string(s));
    }
    int month = v / 100 % 100, day = v % 100;
    if (v == 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      cx_.warn(line_, "bad date '" + std::string(s) + "' in " + written + ": code skipped");
      return false;
    }
    out = v;
    return true;
  }

  const FileContext& cx_;
  ActorDictionary& a_;
  int64_t record_ = -1;
  uint32_t line_ = 0;
  uint32_t codes_written_ = 0;
  std::vector<std::string_view> words_;
};

std::string_view key_of(const std::vector<uint32_t>& words, bool exact, std::string& buf) {
  buf.assign(reinterpret_cast<const char*>(words.data()), words.size() * sizeof(uint32_t));
  buf += exact ? '1' : '0';
  return buf;
}

}  // namespace

void read_actors(const FileContext& cx, std::string_view text) { ActorReader(cx).run(text); }

// A phrase listed in several records gets all their codes, in load order.
void finish_actors(Dictionaries& dict) {
  ActorDictionary& a = dict.actors;
  std::unordered_map<std::string, uint32_t> first;  // key -> index in kept phrases
  std::map<uint32_t, std::vector<uint32_t>> extra_records;  // ordered: deterministic record ids
  std::vector<ActorPhrase> kept;
  kept.reserve(a.phrases.size());
  a.repeats.clear();
  std::string buf;
  for (ActorPhrase& p : a.phrases) {
    auto [it, fresh] = first.emplace(std::string(key_of(p.words, p.exact, buf)), static_cast<uint32_t>(kept.size()));
    if (!fresh) a.repeats.push_back(ActorRepeat{it->second, kept[it->second].record, p.record, p.loc});
    if (fresh) {
      kept.push_back(std::move(p));
    } else if (kept[it->second].record != p.record) {
      auto& extras = extra_records[it->second];
      if (std::find(extras.begin(), extras.end(), p.record) == extras.end()) extras.push_back(p.record);
    }
  }
  for (auto& [phrase, extras] : extra_records) {
    ActorRecord merged = a.records[kept[phrase].record];
    for (uint32_t r : extras) {
      const auto& codes = a.records[r].codes;
      merged.codes.insert(merged.codes.end(), codes.begin(), codes.end());
    }
    kept[phrase].record = static_cast<uint32_t>(a.records.size());
    a.records.push_back(std::move(merged));
  }
  a.phrases = std::move(kept);
  a.phrases_by_first.clear();
  for (uint32_t i = 0; i < a.phrases.size(); ++i) a.phrases_by_first[a.phrases[i].words[0]].push_back(i);
  for (auto& [word, list] : a.phrases_by_first)
    std::stable_sort(list.begin(), list.end(), [&](uint32_t x, uint32_t y) {
      return a.phrases[x].words.size() > a.phrases[y].words.size();
    });
}

}  // namespace parley::dict_internal
