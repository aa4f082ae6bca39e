// parley/pipeline: the stages wired together.
//
// Engine owns everything loaded once and shared read-only by all threads: the
// lexicon, the dictionaries, and the compiled actor finder.  A Worker owns one
// thread's scratch space (a Doc, actor and verb buffers) and codes one
// document at a time:
//   repair UTF-8 -> sentences -> tokens -> syntax -> discards -> actors
//   -> verbs/patterns -> events
// then, per document, the records beyond who-did-what: each event's date,
// place, PLOVER type and modality, and the document's quotes and deadlines.
// Workers reuse their buffers, so after warm-up coding allocates only for the
// records it returns.
#pragma once

#include <memory>
#include <unordered_map>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "dict/dictionary.h"
#include "dict/load.h"
#include "doc/doc.h"
#include "events/events.h"
#include "modality/modality.h"
#include "places/places.h"
#include "quotes/quotes.h"
#include "sinks/sinks.h"
#include "temporal/temporal.h"
#include "tokens/lexicon.h"
#include "tokens/tokenizer.h"
#include "verbs/verbs.h"

namespace parley {

// How to read the dictionaries: PETRARCH2 (Phoenix, parley's own) or TABARI
// (the validation suite): stem matching of actor names and "[A:B]" as a
// paired event instead of a passive code.
enum class Dialect { kPetrarch, kTabari };

struct EngineConfig {
  std::string wordnet_dir = Lexicon::kDefaultDir;
  DictPaths paths;
  DictOptions dict_options;
  Dialect dialect = Dialect::kPetrarch;
};

class Engine {
 public:
  // Throws DictError / LexiconError with a message fit for the user.
  explicit Engine(const EngineConfig& config);

  const Dictionaries& dicts() const { return dicts_; }
  const Lexicon& lexicon() const { return *lexicon_; }
  const Tokenizer& tokenizer() const { return *tokenizer_; }
  const ActorFinder& actors() const { return *actors_; }
  const VerbOptions& verb_options() const { return verb_options_; }
  const PatternIndex& patterns() const { return *patterns_; }
  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const QuoteFinder& quotes() const { return *quotes_; }
  const DeadlineFinder& deadlines() const { return *deadlines_; }
  const ModalityAnalyzer& modality() const { return *modality_; }
  CoderOptions coder_options() const;
  Dialect dialect() const { return config_.dialect; }

  // Options a PETRARCH <Config> element or PETR_config.ini may change while
  // running (require_dyad, new_actor_length, comma_*). Returns false for an
  // unknown option or a bad value.
  bool set_option(const std::string& name, const std::string& value, std::string& error);

 private:
  EngineConfig config_;
  std::unique_ptr<Lexicon> lexicon_;
  Dictionaries dicts_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::unique_ptr<ActorFinder> actors_;
  std::unique_ptr<PatternIndex> patterns_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<QuoteFinder> quotes_;
  std::unique_ptr<DeadlineFinder> deadlines_;
  std::unique_ptr<ModalityAnalyzer> modality_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> discards_by_first_;
  VerbOptions verb_options_;
  friend class Worker;
};

struct CodedDocument {
  std::vector<Event> events;
  std::vector<EventDetails> details;   // parallel to events
  std::vector<Quote> quotes;
  std::vector<Deadline> deadlines;
  bool story_discarded = false;
  std::vector<uint32_t> discarded_sentences;
  size_t utf8_repairs = 0;
};

class Worker {
 public:
  explicit Worker(const Engine& engine);

  // Codes one document.  `sentence_mode`: the text is a single sentence (as
  // PETRARCH's sentence="true" records); no splitting is done.
  void code(std::string_view id, int32_t date, std::string_view text, bool sentence_mode, CodedDocument& out);

  const Doc& doc() const { return doc_; }
  void set_coder_options(const CoderOptions& o) { coder_.set_options(o); }

 private:
  bool discarded(uint32_t sentence, bool& whole_story) const;

  const Engine& engine_;
  EventCoder coder_;
  Doc doc_;
  void add_details(CodedDocument& out);
  void drop_wrapping_statements(CodedDocument& out);

  std::vector<SentenceActors> actors_;   // per sentence of the current document
  std::vector<VerbHit> verbs_;
  WordPresence present_;
  PlaceFinder places_;
  std::vector<DateMention> dates_;
};

}  // namespace parley
