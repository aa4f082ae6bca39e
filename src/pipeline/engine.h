// parley/pipeline: the stages wired together.
//
// Engine owns everything loaded once and shared read-only by all threads: the
// lexicon, the dictionaries, and the compiled actor finder; nothing changes
// it after construction.  A Worker owns one thread's scratch space (a Doc,
// actor and verb buffers) and its RunOptions, and codes one document at a
// time:
//   repair UTF-8 -> sentences -> tokens -> syntax -> discards -> actors
//   -> verbs/patterns -> events
// then, per document, the records beyond who-did-what: each event's date,
// place, PLOVER type and modality, and the document's quotes and deadlines.
// Workers reuse their buffers, so after warm-up coding allocates only for the
// records it returns.
#pragma once

#include <functional>
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
#include "syntax/syntax.h"
#include "events/details.h"
#include "temporal/temporal.h"
#include "tokens/lexicon.h"
#include "tokens/tokenizer.h"
#include "verbs/verbs.h"

namespace parley {

// How to read the dictionaries: PETRARCH2 (Phoenix, parley's own) or TABARI
// (the validation suite): stem matching of actor names and "[A:B]" as a
// paired event instead of a passive code.
enum class Dialect { kPetrarch, kTabari };

// The options a PETRARCH <Config> record may change between documents (their
// starting values come from PETR_config.ini [Options]).  The Engine keeps the
// loaded values; each Worker codes with its own copy, which pipeline/driver.h
// changes between batches, exactly where the input says.
struct RunOptions {
  bool require_dyad = true;
  bool one_sided = false;     // see DictOptions::one_sided
  bool factual_only = false;  // see DictOptions::factual_only and Worker::drop_non_events
};

// Applies `name` = `value` to `options`.  false, with `error` set, for an
// unknown option, a bad value, or new_actor_length other than 0 (not
// implemented: see kNewActorLengthUnsupported).  comma_* are checked and have
// no effect, as in PETRARCH2 (../shared/petrarch/FORMATS.md, section 2);
// PETRARCH's output and debug switches (write_*, null_*, stop_on_error) are
// accepted and have nothing to act on.
bool set_run_option(RunOptions& options, const std::string& name, const std::string& value, std::string& error);

struct EngineConfig {
  std::string wordnet_dir = Lexicon::kDefaultDir;
  DictPaths paths;
  DictOptions dict_options;
  Dialect dialect = Dialect::kPetrarch;
  // Part-of-speech first guess; the perceptron modes load tagger_model.
  TaggerMode tagger_mode = TaggerMode::kRules;
  std::string tagger_model;
};

class Engine {
 public:
  // Throws DictError / LexiconError with a message fit for the user.
  explicit Engine(const EngineConfig& config);
  ~Engine();

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
  const SyntaxOptions& syntax_options() const { return syntax_; }
  Dialect dialect() const { return config_.dialect; }
  // The options as loaded (PETR_config.ini [Options]); a new Worker starts with them.
  const RunOptions& run_options() const { return run_options_; }
  // The coder's options under `run`: the dialect's fixed habits plus `run`.
  CoderOptions coder_options(const RunOptions& run) const;
  bool discarded(const Doc& doc, uint32_t sentence, bool& whole_story) const;

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
  std::unique_ptr<PerceptronTagger> tagger_;
  SyntaxOptions syntax_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> discards_by_first_;
  VerbOptions verb_options_;
  RunOptions run_options_;
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

// Codes documents with one Engine.  Not thread-safe: one Worker per thread
// (pipeline/driver.h keeps one per thread; the server lends one per request).
class Worker {
 public:
  // Starts with engine.run_options().  The engine must outlive the Worker.
  explicit Worker(const Engine& engine);

  // Codes one document.  `sentence_mode`: the text is a single sentence (as
  // PETRARCH's sentence="true" records); no splitting is done.  False when
  // the stop check (below) stopped it: `out` is then incomplete.
  bool code(std::string_view id, int32_t date, std::string_view text, bool sentence_mode, CodedDocument& out);

  // A record longer than this is best coded by code_in_pieces(): a Doc costs
  // some 30 bytes per byte of text (tokens, chunks, actors), so a 50 MB
  // record coded whole took 1.5 GB.
  static constexpr size_t kPieceBytes = size_t{1} << 20;

  // Codes a long record piece by piece, each piece about kPieceBytes of whole
  // sentences, cut after a paragraph break in its second half when there is
  // one (else before its last sentence), so that memory is bounded by the
  // piece, not the record.  `text` is repaired in place (invalid UTF-8, NUL),
  // as code() repairs its copy.  After each piece `each(last)` is called with
  // doc() and `out` holding that piece: doc().text_base and sentence_base
  // place it in the record, `out` refers to doc() as code() would.  The
  // story's dateline, place and date anchor carry over from piece to piece;
  // a quote or deadline that spans a cut is not found, nor, as ever, an
  // event across sentences.  A whole-story discard anywhere in the record is
  // looked for first: then every piece is only split into sentences and
  // reports story_discarded (no sentence is marked discarded).  `out`'s
  // utf8_repairs counts the whole record's, in the first piece.  False when
  // the stop check stopped it.
  bool code_in_pieces(std::string_view id, int32_t date, std::string& text, CodedDocument& out,
                      const std::function<void(bool last)>& each);

  // Asked before the sentences are coded and every few sentences while they
  // are: true stops the document there.  The server stops coding for a
  // client that has gone.  Empty (the default): never stopped.
  void set_stop_check(std::function<bool()> check) { stop_check_ = std::move(check); }

  // The document last coded (its text after UTF-8 repair, sentences, tokens):
  // what the offsets in the CodedDocument refer to, until the next code().
  const Doc& doc() const { return doc_; }
  const Engine& engine() const { return engine_; }
  const RunOptions& run_options() const { return run_options_; }
  void set_run_options(const RunOptions& options);

 private:
  void start(std::string_view id, int32_t date, CodedDocument& out);
  // doc_ := the piece of `text` from `at`, split into sentences; its end.
  size_t next_piece(std::string_view id, int32_t date, const std::string& text, size_t at, CodedDocument& out);
  bool code_sentences(int32_t date, CodedDocument& out, bool record_start);
  void add_details(CodedDocument& out, bool record_start);
  void drop_non_events(CodedDocument& out);
  void add_mutual_intents(CodedDocument& out);
  void refine_governor(CodedDocument& out, size_t first, size_t last, size_t e, const Chunk& group);
  bool recode_for_reporter(Event& ev, const EventModality& m, Code (*recode)(Code));
  bool recode_as_content(const CodedDocument& out, size_t first, size_t last, size_t e, Event& ev,
                         const EventModality& m);
  const ActorRef* actor_in(uint32_t sentence, int32_t begin, int32_t end) const;

  const Engine& engine_;
  RunOptions run_options_;
  EventCoder coder_;
  Doc doc_;

  std::vector<SentenceActors> actors_;   // per sentence of the current document
  ActorScratch actor_scratch_;
  DocumentNames names_;                  // persons the current record has named (across its pieces)
  std::vector<VerbHit> verbs_;
  VerbScratch verb_scratch_;
  WordPresence present_;
  PlaceFinder places_;
  std::vector<DateMention> dates_;
  std::vector<uint8_t> drop_;           // drop_non_events(), per event
  std::vector<size_t> mutual_intents_;  // add_details(): events whose reverse add_mutual_intents() adds
  int32_t dateline_hint_ = 0;           // the record's, from its first piece
  std::function<bool()> stop_check_;
};

}  // namespace parley
