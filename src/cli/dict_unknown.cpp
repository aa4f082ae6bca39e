// `parley dict unknown CORPUS...`: the names and verbs a corpus uses that the
// dictionaries miss, most frequent first, for the people who extend them.
//
//   proper  proper-noun phrases (maximal runs of tokens tagged kProper) that
//           no actor group covers, in coded (not discarded) sentences;
//   verb    verb-group heads tagged as verbs that find_verbs() finds no
//           dictionary form for, grouped by lemma.
//
// Records stream through one Worker; only the tallies (one entry per
// distinct phrase or lemma) are kept.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/dict_unknown.h"
#include "io/input.h"
#include "io/json_writer.h"
#include "pipeline/engine.h"

namespace parley::cli {
namespace {

struct Tally {
  size_t count = 0;
  std::string example_id;   // the first record it was seen in
  uint32_t example_sentence = 0;
  std::vector<std::string> forms;  // verbs: distinct surface forms, at most kMaxForms
};

constexpr size_t kMaxForms = 5;

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using TallyMap = std::unordered_map<std::string, Tally, StringHash, std::equal_to<>>;

// Finds or adds `key` without allocating when it is already there.
Tally& tally(TallyMap& map, std::string_view key, const Doc& doc, uint32_t sentence) {
  auto it = map.find(key);
  if (it == map.end()) {
    it = map.emplace(std::string(key), Tally{}).first;
    it->second.example_id = doc.id;
    it->second.example_sentence = sentence;
  }
  ++it->second.count;
  return it->second;
}

// Function words that open a sentence are capitalised but name nothing.
bool sentence_initial_function_word(const Token& t) {
  constexpr uint16_t kFunction = kPosDet | kPosPrep | kPosConj | kPosSubConj | kPosPronoun | kPosAux |
                                 kPosParticle | kPosRelPron;
  return (t.flags & kSentenceStart) && (t.pos_bits & kFunction);
}

class UnknownCollector {
 public:
  explicit UnknownCollector(const Engine& engine) : engine_(engine), worker_(engine) {}

  void add(const io::InputRecord& r, std::string& warning) {
    worker_.code(r.id, r.date, r.text, r.sentence_mode, coded_);
    if (coded_.utf8_repairs)
      warning = r.source_file + ":" + std::to_string(r.source_line) + ": record " + r.id + ": " +
                std::to_string(coded_.utf8_repairs) + " invalid UTF-8 sequence(s) or NUL byte(s) replaced";
    if (coded_.story_discarded) return;
    const Doc& doc = worker_.doc();
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      if (std::find(coded_.discarded_sentences.begin(), coded_.discarded_sentences.end(), s) !=
          coded_.discarded_sentences.end())
        continue;
      engine_.actors().find(doc, s, doc.date, actor_scratch_, actors_);
      proper_runs(doc, s);
      find_verbs(doc, s, engine_.dicts(), engine_.verb_options(), verb_scratch_, hits_);
      unmatched_verbs(doc, s);
    }
  }

  const TallyMap& proper() const { return proper_; }
  const TallyMap& verbs() const { return verbs_; }

 private:
  bool covered(const Doc& doc, uint32_t s, uint32_t token) const {
    uint32_t i = token - doc.sentences[s].token_begin;
    if (i >= actors_.group_at.size() || actors_.group_at[i] < 0) return false;
    // An unlisted name ("---", actors.h: add_unlisted_names) is what this lists.
    const ActorGroup& g = actors_.groups[static_cast<size_t>(actors_.group_at[i])];
    return !(g.count == 1 && actors_.refs[g.first].name_only);
  }

  void proper_runs(const Doc& doc, uint32_t s) {
    const Sentence& sent = doc.sentences[s];
    uint32_t i = sent.token_begin;
    while (i < sent.token_end) {
      const Token& t = doc.tokens[i];
      if (t.tag != Tag::kProper || covered(doc, s, i) || sentence_initial_function_word(t)) {
        ++i;
        continue;
      }
      key_.clear();
      while (i < sent.token_end && doc.tokens[i].tag == Tag::kProper && !covered(doc, s, i)) {
        if (!key_.empty()) key_ += ' ';
        key_ += doc.norm_of(doc.tokens[i]);
        ++i;
      }
      tally(proper_, key_, doc, s);
    }
  }

  void unmatched_verbs(const Doc& doc, uint32_t s) {
    const Sentence& sent = doc.sentences[s];
    for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c) {
      const Chunk& ch = doc.chunks[c];
      if (ch.kind != ChunkKind::kVerbGroup || doc.tokens[ch.head].tag != Tag::kVerb) continue;
      bool found = false;
      for (const VerbHit& h : hits_) found = found || h.group == static_cast<int32_t>(c);
      if (found) continue;
      std::string_view norm = doc.norm_of(doc.tokens[ch.head]);
      std::string_view lemma = engine_.tokenizer().lexicon().lookup(norm).lemma;
      Tally& t = tally(verbs_, lemma.empty() ? norm : lemma, doc, s);
      if (t.forms.size() < kMaxForms && std::find(t.forms.begin(), t.forms.end(), norm) == t.forms.end())
        t.forms.emplace_back(norm);
    }
  }

  const Engine& engine_;
  Worker worker_;
  CodedDocument coded_;
  SentenceActors actors_;
  ActorScratch actor_scratch_;
  std::vector<VerbHit> hits_;
  VerbScratch verb_scratch_;
  std::string key_;
  TallyMap proper_, verbs_;
};

std::vector<std::pair<const std::string*, const Tally*>> ranked(const TallyMap& map, const UnknownOptions& o) {
  std::vector<std::pair<const std::string*, const Tally*>> rows;
  for (const auto& [k, t] : map)
    if (t.count >= o.min_count) rows.emplace_back(&k, &t);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second->count != b.second->count ? a.second->count > b.second->count : *a.first < *b.first;
  });
  if (rows.size() > o.top) rows.resize(o.top);
  return rows;
}

void write(const char* type, const TallyMap& map, const UnknownOptions& o) {
  io::JsonWriter w;
  for (const auto& [key, t] : ranked(map, o)) {
    w.clear();
    const bool verb = std::string_view(type) == "verb";
    if (o.json) {
      w.begin_object();
      w.key("type");
      w.string(type);
      w.key(verb ? "lemma" : "phrase");
      w.string(*key);
      w.key("count");
      w.unsigned_integer(t->count);
      if (verb) {
        w.key("forms");
        w.begin_array();
        for (const std::string& f : t->forms) w.string(f);
        w.end_array();
      }
      w.key("id");
      w.string(t->example_id);
      w.key("sentence");
      w.unsigned_integer(t->example_sentence);
      w.end_object();
      w.end_line();
    } else {
      std::string& line = w.buffer();
      line += type;
      line += '\t' + std::to_string(t->count) + '\t' + *key;
      if (verb) {
        line += '\t';
        for (size_t i = 0; i < t->forms.size(); ++i) line += (i ? "," : "") + t->forms[i];
      }
      line += '\t' + t->example_id + '\t' + std::to_string(t->example_sentence) + '\n';
    }
    std::fwrite(w.data().data(), 1, w.data().size(), stdout);
  }
}

}  // namespace

int run_dict_unknown(const UnknownOptions& o) {
  Engine engine(engine_config(o.dicts));
  UnknownCollector collector(engine);
  int status = 0;
  io::ReaderOptions ropts;
  ropts.date = o.date;
  io::InputRecord rec;
  std::string error, warning;
  for (const std::string& input : o.inputs) {
    auto reader = io::InputReader::open(input, ropts);
    while (reader->next(rec, error)) {
      if (!error.empty()) {
        std::fprintf(stderr, "parley: %s\n", error.c_str());
        error.clear();
        status = 1;
        continue;
      }
      // <Environment>/<Config> records configure `parley code`; here the
      // dictionaries are the ones given on the command line.
      if (rec.kind != io::InputRecord::kDocument) continue;
      warning.clear();
      collector.add(rec, warning);
      if (!warning.empty()) std::fprintf(stderr, "parley: %s\n", warning.c_str());
    }
  }
  write("proper", collector.proper(), o);
  write("verb", collector.verbs(), o);
  std::fflush(stdout);
  return status;
}

}  // namespace parley::cli
