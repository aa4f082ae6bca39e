#include "pipeline/engine.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "events/intent.h"
#include "events/place_targets.h"
#include "plover/plover.h"
#include "syntax/perceptron.h"
#include "syntax/syntax.h"
#include "pipeline/long_sentences.h"
#include "text/sentences.h"
#include "text/utf8.h"

namespace parley {
namespace {

bool parse_bool(std::string value, bool& out) {
  // PETRARCH files write True, TRUE, true alike.
  for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (value == "true" || value == "1" || value == "yes") { out = true; return true; }
  if (value == "false" || value == "0" || value == "no") { out = false; return true; }
  return false;
}

bool parse_int(const std::string& value, int& out) {
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
  return ec == std::errc() && p == value.data() + value.size();
}

}  // namespace

bool set_run_option(RunOptions& options, const std::string& name, const std::string& value, std::string& error) {
  bool ok = true;
  int number = 0;
  if (name == "require_dyad") {
    ok = parse_bool(value, options.require_dyad);
  } else if (name == "one_sided") {
    ok = parse_bool(value, options.one_sided);
  } else if (name == "factual_only") {
    ok = parse_bool(value, options.factual_only);
  } else if (name == "new_actor_length") {
    ok = parse_int(value, number);
    if (ok && number != 0) {
      error = std::string(kNewActorLengthUnsupported) + " (got " + value + ")";
      return false;
    }
  } else if (name == "comma_min" || name == "comma_max" || name == "comma_bmin" || name == "comma_bmax" ||
             name == "comma_emin" || name == "comma_emax") {
    ok = parse_int(value, number);
  } else if (name == "stop_on_error" || name == "null_verbs" || name == "null_actors" || name == "write_actor_root" ||
             name == "write_actor_text" || name == "write_event_text") {
    bool ignored = false;
    ok = parse_bool(value, ignored);
  } else {
    error = "unknown option '" + name + "'";
    return false;
  }
  if (!ok) error = "bad value '" + value + "' for option '" + name + "'";
  return ok;
}

Engine::Engine(const EngineConfig& config) : config_(config) {
  lexicon_ = std::make_unique<Lexicon>(config.wordnet_dir);
  if (config.tagger_mode != TaggerMode::kRules) {
    tagger_ = std::make_unique<PerceptronTagger>(PerceptronTagger::load(config.tagger_model));
    syntax_.mode = config.tagger_mode;
    syntax_.model = tagger_.get();
  }
  DictOptions opts = config.dict_options;
  if (config.dialect == Dialect::kTabari) opts.allow_private_codes = true;
  load_dictionaries(config.paths, opts, dicts_);
  tokenizer_ = std::make_unique<Tokenizer>(*lexicon_, &dicts_.vocab);
  ActorOptions ao;
  ao.stem_matching = config.dialect == Dialect::kTabari;
  ao.inclusive_range_end = config.dialect == Dialect::kTabari;
  ao.lend_country = config.dialect != Dialect::kTabari;
  ao.unlisted_names = config.dialect != Dialect::kTabari;
  ao.adjectives_name_no_one = config.dialect != Dialect::kTabari;
  actors_ = std::make_unique<ActorFinder>(dicts_, ao);
  patterns_ = std::make_unique<PatternIndex>(dicts_);
  gazetteer_ = std::make_unique<Gazetteer>();
  quotes_ = std::make_unique<QuoteFinder>(*lexicon_);
  deadlines_ = std::make_unique<DeadlineFinder>(*lexicon_);
  modality_ = std::make_unique<ModalityAnalyzer>(*lexicon_);
  for (uint32_t i = 0; i < dicts_.discards.size(); ++i)
    if (!dicts_.discards[i].words.empty()) discards_by_first_[dicts_.discards[i].words[0]].push_back(i);
  verb_options_.lemma_fallback = config.dialect != Dialect::kTabari;
  verb_options_.nominal_events = config.dialect != Dialect::kTabari;
  if (dicts_.options.new_actor_length != 0) throw std::invalid_argument(kNewActorLengthUnsupported);
  run_options_.require_dyad = dicts_.options.require_dyad;
  run_options_.one_sided = dicts_.options.one_sided;
  run_options_.factual_only = dicts_.options.factual_only;
}

Engine::~Engine() = default;

CoderOptions Engine::coder_options(const RunOptions& run) const {
  CoderOptions o;
  o.require_dyad = run.require_dyad;
  o.one_sided = run.one_sided;
  o.paired_codes = config_.dialect == Dialect::kTabari;
  o.tabari_roles = config_.dialect == Dialect::kTabari;
  o.drop_attributions = config_.dialect != Dialect::kTabari;
  o.places_not_targets = config_.dialect != Dialect::kTabari;
  o.named_sides = config_.dialect != Dialect::kTabari;
  o.linked_visits = config_.dialect != Dialect::kTabari;
  return o;
}

Worker::Worker(const Engine& engine)
    : engine_(engine),
      run_options_(engine.run_options()),
      coder_(engine.dicts(), engine.patterns(), engine.coder_options(run_options_)),
      places_(engine.gazetteer()) {}

void Worker::set_run_options(const RunOptions& options) {
  run_options_ = options;
  coder_.set_options(engine_.coder_options(options));
}

bool Engine::discarded(const Doc& doc, uint32_t sentence, bool& whole_story) const {
  const auto& discards = dicts_.discards;
  if (discards.empty()) return false;
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
    const uint32_t w = doc.tokens[i].word_id;
    if (!w) continue;
    auto it = discards_by_first_.find(w);
    if (it == discards_by_first_.end()) continue;
    for (uint32_t idx : it->second) {
      const DiscardEntry& d = discards[idx];
      if (i + d.words.size() > s.token_end) continue;
      bool ok = true;
      for (size_t k = 1; k < d.words.size() && ok; ++k) ok = doc.tokens[i + k].word_id == d.words[k];
      if (ok) {
        whole_story = d.whole_story;
        return true;
      }
    }
  }
  return false;
}

void Worker::start(std::string_view id, int32_t date, CodedDocument& out) {
  out.events.clear();
  out.details.clear();
  out.quotes.clear();
  out.deadlines.clear();
  out.discarded_sentences.clear();
  out.story_discarded = false;
  out.utf8_repairs = 0;
  doc_.clear();
  doc_.id.assign(id);
  doc_.date = date;
}

bool Worker::code(std::string_view id, int32_t date, std::string_view text, bool sentence_mode, CodedDocument& out) {
  start(id, date, out);
  doc_.text.assign(text);
  out.utf8_repairs = repair_utf8(doc_.text);
  if (sentence_mode) {
    doc_.sentences.push_back(Sentence{0, static_cast<uint32_t>(doc_.text.size()), 0, 0, 0, 0});
  } else {
    split_sentences(doc_);
  }
  return code_sentences(date, out, true);
}

namespace {

// Where a piece of a long record ends: the start of the last sentence in the
// second half of `doc` (a window of the record) that follows a blank line, so
// that quotes, which rarely cross paragraphs, stay whole; else the start of
// its last sentence; 0 when only one sentence starts in the window.
uint32_t piece_cut(const Doc& doc) {
  const auto& ss = doc.sentences;
  const uint32_t half = static_cast<uint32_t>(doc.text.size() / 2);
  for (size_t k = ss.size(); k-- > 1 && ss[k].begin >= half;) {
    const std::string_view gap = std::string_view(doc.text).substr(ss[k - 1].end, ss[k].begin - ss[k - 1].end);
    const size_t nl = gap.find('\n');
    if (nl != std::string_view::npos && gap.find('\n', nl + 1) != std::string_view::npos) return ss[k].begin;
  }
  return ss.size() > 1 ? ss.back().begin : 0;
}

// A window end that splits no UTF-8 sequence, after the last space when there
// is one in the window's second half: the cut for a "sentence" longer than a
// whole piece.
size_t char_cut(std::string_view text, size_t at, size_t end) {
  for (size_t k = end; k > at + (end - at) / 2; --k)
    if (text[k - 1] == ' ' || text[k - 1] == '\n') return k;
  while (end > at + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

size_t Worker::next_piece(std::string_view id, int32_t date, const std::string& text, size_t at, CodedDocument& out) {
  start(id, date, out);
  // The rest goes whole when it is short enough, so no piece is tiny.
  size_t end = text.size() - at <= kPieceBytes + kPieceBytes / 2 ? text.size() : at + kPieceBytes;
  doc_.text.assign(text, at, end - at);
  split_sentences(doc_, at == 0);
  if (end < text.size()) {
    // Cut before a sentence when one starts in the window after its first;
    // else (a "sentence" longer than the window) inside it, at a space.
    const uint32_t cut = piece_cut(doc_);
    const size_t within = cut ? cut : char_cut(text, at, end) - at;
    while (!doc_.sentences.empty() && doc_.sentences.back().begin >= within) doc_.sentences.pop_back();
    if (!doc_.sentences.empty() && doc_.sentences.back().end > within)
      doc_.sentences.back().end = static_cast<uint32_t>(within);
    end = at + within;
    doc_.text.resize(end - at);
  }
  doc_.text_base = static_cast<uint32_t>(at);
  return end;
}

bool Worker::code_in_pieces(std::string_view id, int32_t date, std::string& text, CodedDocument& out,
                            const std::function<void(bool last)>& each) {
  const size_t repairs = repair_utf8(text);
  // A whole-story discard anywhere drops the record, so it is looked for
  // first (tokens only), before any piece is shown: no piece's events are
  // then written for a record that turns out to be discarded.
  bool discarded = false;
  const auto& discards = engine_.dicts().discards;
  if (std::any_of(discards.begin(), discards.end(), [](const DiscardEntry& d) { return d.whole_story; })) {
    for (size_t at = 0; at < text.size() && !discarded;) {
      at = next_piece(id, date, text, at, out);
      engine_.tokenizer().tokenize(doc_);
      bool story = false;
      for (uint32_t s = 0; s < doc_.sentences.size() && !discarded; ++s)
        discarded = engine_.discarded(doc_, s, story) && story;
    }
  }
  uint32_t sentences_before = 0;
  for (size_t at = 0; at < text.size();) {
    const size_t end = next_piece(id, date, text, at, out);
    doc_.sentence_base = sentences_before;
    if (at == 0) out.utf8_repairs = repairs;
    if (discarded) {
      out.story_discarded = true;
    } else if (!code_sentences(date, out, at == 0)) {
      return false;
    }
    sentences_before += static_cast<uint32_t>(doc_.sentences.size());
    at = end;
    each(at >= text.size());
  }
  return true;
}

bool Worker::code_sentences(int32_t date, CodedDocument& out, bool record_start) {
  engine_.tokenizer().tokenize(doc_);
  split_long_sentences(doc_);  // keeps every later stage linear in the text
  parse_doc(doc_, engine_.syntax_options());
  const size_t n = doc_.sentences.size();
  if (actors_.size() < n) actors_.resize(n);
  if (record_start) names_.clear();
  // Every 8 sentences: a check costs a system call in the server, a
  // sentence tens of microseconds.
  constexpr uint32_t kStopCheckEvery = 8;
  for (uint32_t s = 0; s < n; ++s) {
    if (stop_check_ && s % kStopCheckEvery == 0 && stop_check_()) return false;
    actors_[s].clear();
    bool story = false;
    if (engine_.discarded(doc_, s, story)) {
      if (story) {
        out.story_discarded = true;
        out.events.clear();
        return true;
      }
      out.discarded_sentences.push_back(s);
      continue;
    }
    engine_.actors().find(doc_, s, date, actor_scratch_, actors_[s], &names_);
    names_.remember(doc_, s, actors_[s]);
    find_verbs(doc_, s, engine_.dicts(), engine_.verb_options(), verb_scratch_, verbs_);
    if (verbs_.empty()) continue;
    present_.mark(doc_, s, engine_.dicts().vocab.size());
    coder_.code_sentence(doc_, s, actors_[s], verbs_, present_, out.events);
  }
  add_details(out, record_start);
  return true;
}

namespace {

// The verb group that governs the to-infinitive starting at `chunk`: the
// nearest verb group to its left within the same clause ("urged Iran to
// halt", "agreed to begin"); -1 when a clause boundary comes first.
int32_t governing_verb_group(const Doc& doc, uint32_t sentence, uint32_t chunk) {
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t c = chunk; c-- > s.chunk_begin;) {
    const Chunk& ch = doc.chunks[c];
    for (uint32_t k = ch.end; k < doc.chunks[c + 1].begin; ++k) {
      const Token& t = doc.tokens[k];
      std::string_view w = doc.norm_of(t);
      if (w == "," || w == ";" || w == ":" || w == "--" || t.tag == Tag::kSubConj || t.tag == Tag::kRelPron ||
          t.tag == Tag::kConj)
        return -1;
    }
    if (ch.kind == ChunkKind::kVerbGroup) return static_cast<int32_t>(c);
  }
  return -1;
}

// The verb group that governs an infinitive, and the one governing that
// ("may try to begin to seize"), up to a few levels: is any of them negated
// or merely possible?  "The rebels may try to seize the harvest", "did not
// agree to meet": the infinitive's act did not happen either.  "would" is
// left to announced_act (a reported intent).
bool governed_by_doubt(const Doc& doc, uint32_t sentence, uint32_t chunk) {
  for (int depth = 0; depth < 3 && (doc.chunks[chunk].flags & kInfinitive); ++depth) {
    const int32_t gov = governing_verb_group(doc, sentence, chunk);
    if (gov < 0) return false;
    const Chunk& g = doc.chunks[static_cast<size_t>(gov)];
    if (g.flags & kNegated) return true;
    for (uint32_t k = g.begin; k < g.end; ++k) {
      const std::string_view w = doc.norm_of(doc.tokens[k]);
      if (w == "MAY" || w == "MIGHT" || w == "COULD" || w == "SHOULD" || w == "CAN" || w == "CA") return true;
    }
    chunk = static_cast<uint32_t>(gov);
  }
  return false;
}

// "has no intention of attacking", "no plans to meet": an act named as what
// nobody intends.  The event's verb follows of/to, a noun (with adjectives),
// and "no".
bool intended_by_nobody(const Doc& doc, uint32_t sentence, uint32_t verb) {
  const uint32_t b = doc.sentences[sentence].token_begin;
  if (verb < b + 3) return false;
  const std::string_view link = doc.norm_of(doc.tokens[verb - 1]);
  if (link != "OF" && link != "TO") return false;
  uint32_t k = verb - 1;
  if (doc.tokens[k - 1].tag != Tag::kNoun) return false;
  while (k > b && (doc.tokens[k - 1].tag == Tag::kNoun || doc.tokens[k - 1].tag == Tag::kAdj)) --k;
  return k > b && doc.norm_of(doc.tokens[k - 1]) == "NO";
}

// "stop Russia from granting recognition", "refrained from attacking",
// "barred from entering": a gerund after "from" is what was prevented or
// given up, not done.
bool kept_from(const Doc& doc, uint32_t sentence, uint32_t verb) {
  const uint32_t b = doc.sentences[sentence].token_begin;
  return verb > b && doc.norm_of(doc.tokens[verb - 1]) == "FROM" && doc.norm_of(doc.tokens[verb]).ends_with("ING");
}

// "was reluctant to withdraw", "were unwilling to negotiate", "failed to
// reach a deal", "hesitated to attack": an infinitive after a word of
// holding back names what was not done.  ("refused to", "declined to" are
// rejections, coded by their own verbs.)
bool held_back(const Doc& doc, uint32_t sentence, uint32_t verb) {
  const int32_t c = doc.chunk_at(sentence, verb);
  if (c < 0) return false;
  const Chunk& g = doc.chunks[static_cast<size_t>(c)];
  const uint32_t b = doc.sentences[sentence].token_begin;
  if (!(g.flags & kInfinitive) || g.begin == b) return false;
  uint32_t k = g.begin;
  while (k > b && doc.tokens[k - 1].tag == Tag::kAdv) --k;
  if (k == b) return false;
  const std::string_view w = doc.norm_of(doc.tokens[k - 1]);
  return w == "RELUCTANT" || w == "UNWILLING" || w == "HESITANT" || w == "LOATH" || w == "LOTH" ||
         w == "UNABLE" || w == "UNPREPARED" || w == "FAIL" || w == "FAILS" || w == "FAILED" || w == "FAILING" ||
         w == "HESITATE" || w == "HESITATES" || w == "HESITATED" || w == "NEGLECTED";
}

// An indirect question: "asked whether Russia attacked Georgia", "wondered
// if talks would resume".  The act's clause opens with "whether", or with
// "if" right after a speech verb (a condition's "if" follows anything else).
bool asked_whether(const Doc& doc, const QuoteFinder& speech, uint32_t sentence, uint32_t verb) {
  const uint32_t b = doc.sentences[sentence].token_begin;
  for (uint32_t k = verb; k-- > b;) {
    const Token& t = doc.tokens[k];
    const std::string_view w = doc.norm_of(t);
    if (w == "WHETHER") return true;
    if (w == "IF") return k > b && speech.is_speech_verb(doc, doc.tokens[k - 1]);
    if (w == "," || w == ";" || w == ":" || w == "--" || t.tag == Tag::kSubConj || t.tag == Tag::kRelPron ||
        t.tag == Tag::kConj)
      return false;
  }
  return false;
}

// A direct question ("Why aren't the Soviets expelled from the U.N.?") asks;
// it reports no event.
bool question(const Doc& doc, uint32_t sentence) {
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t k = s.token_end; k-- > s.token_begin;) {
    const Token& t = doc.tokens[k];
    if (t.tag == Tag::kQuote) continue;
    return doc.norm_of(t) == "?";
  }
  return false;
}

// An act that is only announced: future ("will send", "plans to send") or, in
// reported speech, "would" ("said it would send troops"); not negated and not
// itself a condition.
bool announced_act(const Doc& doc, const EventModality& m) {
  if (m.negated || m.in_condition) return false;
  if (m.future) return true;
  return m.reported && m.modal >= 0 && doc.norm_of(doc.tokens[static_cast<size_t>(m.modal)]) == "WOULD";
}

// "must withdraw", "has to withdraw", "have to free": an act someone is said
// to be obliged to do has not happened.  ("had to" reports what was done.)
bool obliged(const Doc& doc, uint32_t sentence, uint32_t verb) {
  const int32_t c = doc.chunk_at(sentence, verb);
  if (c < 0) return false;
  const Chunk& g = doc.chunks[static_cast<size_t>(c)];
  for (uint32_t k = g.begin; k < g.end; ++k)
    if (doc.norm_of(doc.tokens[k]) == "MUST") return true;
  const uint32_t b = doc.sentences[sentence].token_begin;
  if (!(g.flags & kInfinitive) || g.begin == b) return false;
  const std::string_view w = doc.norm_of(doc.tokens[g.begin - 1]);
  return w == "HAVE" || w == "HAS" || w == "'VE";
}


// What a clause is the content of, when its act is asked for or denied
// rather than done: "demanded that Russia withdraw", "wanted Beijing to
// release", "urged Iran to halt", "denied that it had attacked", "denied
// attacking".
enum class ContentOf : uint8_t { kNothing, kDemand, kAppeal, kDenial };

struct Governor {
  ContentOf kind = ContentOf::kNothing;
  int32_t group = -1;  // the governing verb group
};

// The kind of content a verb group's verb takes.  "call" asks only as "call
// on/upon/for"; "insist" demands only a subjunctive ("insisted that Japan
// apologize", not "insisted that Japan had apologized"); "want" asks only an
// infinitive (the clause's own subject wanting is an intent, left to the
// modality analyser).
ContentOf content_kind(const Doc& doc, const Lexicon& lex, uint32_t sentence, const Chunk& g, bool infinitive,
                       bool subjunctive) {
  const uint32_t e = doc.sentences[sentence].token_end;
  for (uint32_t k = g.begin; k < g.end; ++k) {
    if (doc.tokens[k].tag != Tag::kVerb) continue;
    const std::string_view w = doc.norm_of(doc.tokens[k]);
    const LexInfo info = lex.lookup(w);
    const std::string_view l = info.lemma.empty() ? w : info.lemma;
    if (l == "DENY") return infinitive ? ContentOf::kNothing : ContentOf::kDenial;
    if (l == "DEMAND" || l == "REQUIRE") return ContentOf::kDemand;
    if (l == "INSIST") return subjunctive && !infinitive ? ContentOf::kDemand : ContentOf::kNothing;
    if (l == "WANT") return infinitive ? ContentOf::kAppeal : ContentOf::kNothing;
    if (l == "CALL") {
      const std::string_view next = k + 1 < e ? doc.norm_of(doc.tokens[k + 1]) : std::string_view();
      return next == "ON" || next == "UPON" || next == "FOR" ? ContentOf::kAppeal : ContentOf::kNothing;
    }
    if (l == "ASK" || l == "URGE" || l == "APPEAL" || l == "REQUEST" || l == "BEG" || l == "IMPLORE" ||
        l == "PLEAD" || l == "ENCOURAGE" || l == "EXHORT" || l == "PETITION" || l == "PRESS" || l == "RECOMMEND")
      return ContentOf::kAppeal;
  }
  return ContentOf::kNothing;
}

// The verb group whose content the act at `verb` is, and what kind: the verb
// governing its infinitive ("urged Iran to halt"), the verb before "that"
// ("demanded that Russia withdraw"), the speech verb reporting it ("denied
// it had attacked"), or the verb right before a gerund ("denied attacking").
Governor content_governor(const Doc& doc, const Lexicon& lex, uint32_t sentence, uint32_t verb,
                          const EventModality& m) {
  Governor gov;
  const int32_t vg = doc.chunk_at(sentence, verb);
  if (vg < 0) return gov;
  const Chunk& c = doc.chunks[static_cast<size_t>(vg)];
  const uint32_t b = doc.sentences[sentence].token_begin;
  const bool infinitive = (c.flags & kInfinitive) != 0;
  // "that Japan apologize", "that Japan should apologize"; not "will apologize".
  bool subjunctive = doc.tokens[verb].verb_form == VerbForm::kBase;
  for (uint32_t k = c.begin; k < c.end; ++k) {
    if (doc.tokens[k].tag == Tag::kAux) subjunctive = false;
    if (doc.norm_of(doc.tokens[k]) == "SHOULD") {
      subjunctive = true;
      break;
    }
  }
  const bool gerund = !infinitive && doc.tokens[verb].verb_form == VerbForm::kGerund;
  int32_t g = -1;
  if (infinitive) {
    g = governing_verb_group(doc, sentence, static_cast<uint32_t>(vg));
  } else if (gerund) {
    // "denied attacking": the verb right before the gerund, in its group
    // (then only the words before the gerund) or the group before.
    Chunk head = c;
    head.end = verb;
    bool verb_before = false;
    for (uint32_t k = c.begin; k < verb; ++k) verb_before = verb_before || doc.tokens[k].tag == Tag::kVerb;
    if (verb_before) {
      if (content_kind(doc, lex, sentence, head, false, false) == ContentOf::kDenial) gov = {ContentOf::kDenial, vg};
      return gov;
    }
    if (c.begin == verb && verb > b) {
      const int32_t before = doc.chunk_at(sentence, verb - 1);
      if (before >= 0 && doc.chunks[static_cast<size_t>(before)].kind == ChunkKind::kVerbGroup) g = before;
    }
  } else {
    for (uint32_t k = c.begin; k-- > b;) {
      const Token& t = doc.tokens[k];
      const std::string_view w = doc.norm_of(t);
      if (w == "THAT") {
        if (k > b) {
          const int32_t before = doc.chunk_at(sentence, k - 1);
          if (before >= 0 && doc.chunks[static_cast<size_t>(before)].kind == ChunkKind::kVerbGroup) g = before;
        }
        break;
      }
      if (t.tag == Tag::kVerb && doc.chunk_at(sentence, k) != vg) {
        // "demanded Israel withdraw": a subjunctive with its subject right
        // after the verb, "that" left out.
        const int32_t before = doc.chunk_at(sentence, k);
        if (subjunctive && before >= 0 && doc.chunks[static_cast<size_t>(before)].kind == ChunkKind::kVerbGroup)
          g = before;
        break;
      }
      if (w == "," || w == ";" || w == ":" || w == "--" || t.tag == Tag::kSubConj || t.tag == Tag::kRelPron ||
          t.tag == Tag::kConj)
        break;
    }
    // "denied it had attacked": the speech verb reporting the act, when it
    // denies (asking is left alone: "asked whether Russia attacked").
    if (g < 0 && m.reported && m.report_verb >= static_cast<int32_t>(b) && m.report_verb < static_cast<int32_t>(verb)) {
      const int32_t r = doc.chunk_at(sentence, static_cast<uint32_t>(m.report_verb));
      if (r >= 0 && doc.chunks[static_cast<size_t>(r)].kind == ChunkKind::kVerbGroup &&
          content_kind(doc, lex, sentence, doc.chunks[static_cast<size_t>(r)], false, false) == ContentOf::kDenial)
        g = r;
    }
  }
  if (g < 0 || doc.chunks[static_cast<size_t>(g)].kind != ChunkKind::kVerbGroup) return gov;
  gov.kind = content_kind(doc, lex, sentence, doc.chunks[static_cast<size_t>(g)], infinitive, subjunctive);
  if (gerund && gov.kind != ContentOf::kDenial) gov.kind = ContentOf::kNothing;  // "urged attacking" is rare
  if (gov.kind != ContentOf::kNothing) gov.group = g;
  return gov;
}

// The noun phrase right before a verb group (over adverbs): its subject.
bool subject_of(const Doc& doc, uint32_t sentence, const Chunk& group, int32_t& begin, int32_t& end) {
  const Sentence& s = doc.sentences[sentence];
  uint32_t j = group.begin;
  while (j > s.token_begin && doc.tokens[j - 1].tag == Tag::kAdv) --j;
  for (uint32_t c = s.chunk_begin; c < s.chunk_end; ++c) {
    const Chunk& np = doc.chunks[c];
    if (np.kind == ChunkKind::kNounPhrase && np.end == j) {
      begin = static_cast<int32_t>(np.begin);
      end = static_cast<int32_t>(np.end);
      return true;
    }
  }
  return false;
}

// Does an event of [first, last) other than `self` have its verb in `group`?
bool coded_in(const std::vector<Event>& events, size_t first, size_t last, size_t self, const Chunk& group) {
  for (size_t f = first; f < last; ++f)
    if (f != self && !events[f].nominal && events[f].verb_begin >= group.begin && events[f].verb_begin < group.end)
      return true;
  return false;
}

// "will meet", "shall meet": said to happen, not only wanted or planned by
// one side ("wants to meet", "plans to meet").
bool will_happen(const Doc& doc, const EventModality& m) {
  if (!m.future || m.modal < 0) return false;
  const std::string_view w = doc.norm_of(doc.tokens[static_cast<size_t>(m.modal)]);
  return w == "WILL" || w == "SHALL" || w == "'LL";
}

// A meeting or talks (040, 044, 046) with both sides named.
bool meeting_between(const Event& ev) {
  const std::string_view c = ev.code.view();
  return (c == "040" || c == "044" || c == "046") && !ev.one_sided && ev.source_begin >= 0 && ev.target_begin >= 0;
}

// "will build up its forces": a build-up with no other country as its
// target keeps 154; only a deployment to somewhere else is the intent to
// provide forces (0334, whose target is where they would go).
bool own_forces(const Event& ev) {
  if (ev.code.view() != "154") return false;
  return ev.source.compare(0, 3, "---") == 0 || ev.target.compare(0, 3, "---") == 0 ||
         ev.source.compare(0, 3, ev.target, 0, 3) == 0;
}

// "should release": what someone is told they ought to do (not "should" in a
// condition: "should talks fail").
bool advised(const Doc& doc, uint32_t sentence, uint32_t verb) {
  const int32_t c = doc.chunk_at(sentence, verb);
  if (c < 0) return false;
  const Chunk& g = doc.chunks[static_cast<size_t>(c)];
  for (uint32_t k = g.begin; k < g.end; ++k)
    if (doc.norm_of(doc.tokens[k]) == "SHOULD") return true;
  return false;
}

// A coded request, intent or threat whose content is coded too: the content
// may say which kind it is ("vowed (138) to attack (190)" is 1384, "asked
// (020) Beijing to release (0841)" 0253).  The governor's code is refined only
// when it is its family's residual (020, 100, 030, 130) or the parent of the
// refined code; a specific code from the dictionary stays.  Requests (02),
// demands (10) and threats (13) only.
Code refined_by_content(Code governor, Code content) {
  const std::string_view g = governor.view();
  if (g.size() < 3) return governor;
  const std::string_view root = g.substr(0, 2);
  Code r = governor;
  if (root == "02") r = appeal_code(content);
  else if (root == "10") r = demand_code(content);
  else if (root == "13") r = intent_code(content);
  // Intents (03) keep the dictionary's code: its phrasings ("seeking to
  // strengthen relations", 030) are coded as a whole.
  const std::string_view rv = r.view();
  const std::string_view base = g.size() == 3 && g[2] == '0' ? g.substr(0, 2) : g;
  if (rv.size() < g.size() || rv.substr(0, base.size()) != base) return governor;
  return r;
}

}  // namespace

// The first actor named in tokens [begin, end) of a sentence, not counting
// bare unlisted names; null when there is none.
const ActorRef* Worker::actor_in(uint32_t sentence, int32_t begin, int32_t end) const {
  if (begin < 0 || end <= begin) return nullptr;
  const SentenceActors& actors = actors_[sentence];
  const uint32_t b = doc_.sentences[sentence].token_begin;
  for (int32_t k = begin; k < end; ++k) {
    const size_t at = static_cast<size_t>(k) - b;
    if (at >= actors.group_at.size() || actors.group_at[at] < 0) continue;
    const ActorRef& r = actors.refs[actors.groups[static_cast<size_t>(actors.group_at[at])].first];
    if (!r.name_only) return &r;
  }
  return nullptr;
}

namespace {

// `speaker` asks `ev`'s doer (else, a passive without agent, what it acts on)
// to do the act: the speaker's demand or appeal, coded by `recode`.  False,
// and the event left as it is, when the speaker asks itself.
bool recode_as_request(Event& ev, const ActorRef& speaker, Code (*recode)(Code)) {
  const bool doer = ev.source != "---";
  if ((doer ? ev.source : ev.target) == speaker.code) return false;
  if (doer) {
    ev.target = ev.source;
    ev.target_begin = ev.source_begin;
    ev.target_end = ev.source_end;
  }
  ev.source = speaker.code;
  ev.source_begin = static_cast<int32_t>(speaker.begin);
  ev.source_end = static_cast<int32_t>(speaker.end);
  ev.code = recode(ev.code);
  ev.one_sided = ev.target == "---";
  return true;
}

// "Uganda denied that it had attacked Kenya": the denier's 016.  CAMEO's
// target is whoever made the charge; the sentence rarely names it, and the
// act's target (the party said to be harmed) stands in for it when it is not
// the denier itself.
void recode_as_denial(Event& ev, const ActorRef& denier) {
  if (ev.target == denier.code) {
    ev.target = "---";
    ev.target_begin = ev.target_end = -1;
  }
  ev.source = denier.code;
  ev.source_begin = static_cast<int32_t>(denier.begin);
  ev.source_end = static_cast<int32_t>(denier.end);
  ev.code = Code::of("016");
  ev.one_sided = ev.target == "---";
}

}  // namespace

// "Kenya said Uganda must withdraw its troops": the reporter demands the act
// of the one obliged to do it (events/intent.h, demand_code); "Pakistan said
// India should release the fishermen": the reporter appeals for it
// (appeal_code).  False, and the event left as it is, when no actor reports
// it or the reporter asks it of itself.
bool Worker::recode_for_reporter(Event& ev, const EventModality& m, Code (*recode)(Code)) {
  if (!m.reported) return false;
  const ActorRef* reporter = actor_in(ev.sentence, m.reporter_begin, m.reporter_end);
  return reporter && recode_as_request(ev, *reporter, recode);
}

// "Germany demanded that Russia withdraw", "Washington wanted Beijing to
// release the activists", "Pakistan denied attacking India": when the
// dictionary does not code the governing verb, the act becomes its subject's
// demand (10x), appeal (02x) or denial (016).  False when there is no such
// governor, it is coded (drop_non_events then drops the act), or its subject
// is no actor.
bool Worker::recode_as_content(const CodedDocument& out, size_t first, size_t last, size_t e, Event& ev,
                               const EventModality& m) {
  if (ev.nominal) return false;
  const Governor gov = content_governor(doc_, engine_.lexicon(), ev.sentence, ev.verb_begin, m);
  if (gov.kind == ContentOf::kNothing) return false;
  const Chunk& group = doc_.chunks[static_cast<size_t>(gov.group)];
  if (coded_in(out.events, first, last, e, group)) return false;
  int32_t begin = -1, end = -1;
  if (!subject_of(doc_, ev.sentence, group, begin, end)) return false;
  const ActorRef* speaker = actor_in(ev.sentence, begin, end);
  if (!speaker) return false;
  if (gov.kind == ContentOf::kDenial) {
    recode_as_denial(ev, *speaker);
    return true;
  }
  // The one asked stands between the request and the act ("wanted Beijing to
  // release", "demanded that Russia withdraw"); an act whose doer stands
  // elsewhere ("Russia wants to sign a deal with China", read back from China)
  // is not what was asked of it.
  const int32_t asked = ev.source != "---" ? ev.source_begin : ev.target_begin;
  if (asked < static_cast<int32_t>(group.end) || asked >= static_cast<int32_t>(ev.verb_begin)) return false;
  return recode_as_request(ev, *speaker, gov.kind == ContentOf::kDemand ? demand_code : appeal_code);
}

namespace {

// "We reject the proposal," Lavrov said: inside a quotation, I and we are
// its speaker, and CAMEO codes the speaker's side.  An event with no source
// whose subject is "I" or "we" takes the speaker's code, as does one with no
// target whose object is "me" or "us" (lower case: "US" is a country).
void speaker_for_first_person(const Doc& doc, const std::vector<Quote>& quotes, Event& ev) {
  if (ev.nominal || (ev.source_begin >= 0 && ev.target_begin >= 0)) return;
  const Quote* quote = nullptr;
  for (const Quote& q : quotes)
    if (q.token_begin <= ev.verb_begin && ev.verb_begin < q.token_end) quote = &q;
  if (!quote || quote->speaker_code.empty() || quote->speaker_code.compare(0, 3, "---") == 0) return;
  const int32_t vg = doc.chunk_at(ev.sentence, ev.verb_begin);
  if (vg < 0) return;
  const Chunk& group = doc.chunks[static_cast<size_t>(vg)];
  auto is_word = [&](uint32_t k, std::string_view a, std::string_view b) {
    const std::string_view w = doc.text_of(doc.tokens[k]);
    return w == a || w == b;
  };
  bool filled = false;
  if (ev.source_begin < 0) {
    uint32_t k = group.begin;
    while (k > quote->token_begin && doc.tokens[k - 1].tag == Tag::kAdv) --k;
    if (k > quote->token_begin && (is_word(k - 1, "We", "we") || is_word(k - 1, "I", "I"))) {
      ev.source = quote->speaker_code;
      ev.source_begin = static_cast<int32_t>(k - 1);
      ev.source_end = static_cast<int32_t>(k);
      filled = true;
    }
  } else if (ev.target_begin < 0 && group.end < quote->token_end && is_word(group.end, "us", "me")) {
    ev.target = quote->speaker_code;
    ev.target_begin = static_cast<int32_t>(group.end);
    ev.target_end = static_cast<int32_t>(group.end + 1);
    filled = true;
  }
  // Still one-sided when the other side is missing or only an unlisted name.
  if (filled) ev.one_sided = ev.source_begin < 0 || ev.target_begin < 0 || ev.source == "---" || ev.target == "---";
}

}  // namespace

void Worker::add_details(CodedDocument& out, bool record_start) {
  // Quote and deadline finders look across sentences; they read the actor
  // groups of the whole document, hence actors_ per sentence (entries past
  // the document's sentence count are stale and never read).
  engine_.quotes().find(doc_, actors_, out.quotes);
  engine_.deadlines().find(doc_, actors_, out.deadlines);

  // A later piece of a long record keeps the story's dateline and place.
  if (record_start) {
    dateline_hint_ = 0;
    if (auto dl = find_dateline(doc_.text)) dateline_hint_ = dl->date_hint;
    places_.start_document(doc_);
  }
  const int32_t anchor = anchor_date(doc_.date, dateline_hint_);
  out.details.resize(out.events.size());
  // An act that is only announced is coded as its intent or threat
  // (events/intent.h): future ("will send", "plans to send") or, in reported
  // speech, "would" ("said it would send troops").  A negated announcement and
  // an act that is itself the condition ("if Russia agrees") keep their code.
  // TABARI-era dictionaries code the act itself, so that dialect keeps it.
  const bool code_intents = engine_.dialect() == Dialect::kPetrarch;
  auto announced = [&](const EventModality& m) { return code_intents && announced_act(doc_, m); };
  size_t e = 0;
  for (uint32_t s = 0; s < doc_.sentences.size() && e < out.events.size(); ++s) {
    // Places are read for every sentence in order: the story's place carries on.
    std::optional<PlaceMention> place = places_.find(doc_, s);
    if (out.events[e].sentence != s) continue;
    dates_.clear();
    find_dates(doc_, s, anchor, dates_);
    const size_t first = e;
    size_t last = e;
    while (last < out.events.size() && out.events[last].sentence == s) ++last;
    for (; e < last; ++e) {
      Event& ev = out.events[e];
      EventDetails& d = out.details[e];
      speaker_for_first_person(doc_, out.quotes, ev);
      const EventDate when = date_for_event(dates_, ev.verb_begin, anchor);
      d.date = when.date;
      d.precision = when.precision;
      d.date_text.assign(when.date_text);
      d.place = place;
      if (code_intents) {
        aim_at_place(doc_, s, places_, ev);
        lend_place_country(doc_, s, places_, ev);
      }
      d.modality = engine_.modality().analyse(doc_, ev, &out.quotes);
      if (code_intents && !d.modality.negated && recode_as_content(out, first, last, e, ev, d.modality)) {
        // Asked for or denied by the governing verb's subject: not an act, nor announced.
      } else if (code_intents && !d.modality.negated && !ev.nominal && obliged(doc_, s, ev.verb_begin)) {
        // Demanded by whoever reports it; else only possible, not done.
        if (!recode_for_reporter(ev, d.modality, demand_code)) d.modality.hypothetical = true;
      } else if (code_intents && !d.modality.negated && !d.modality.in_condition && !ev.nominal &&
                 advised(doc_, s, ev.verb_begin) && recode_for_reporter(ev, d.modality, appeal_code)) {
        // What someone should do, as the reporter says: an appeal, no longer merely possible.
        d.modality.hypothetical = false;
      } else if (announced(d.modality) && !own_forces(ev)) {
        if (meeting_between(ev) && will_happen(doc_, d.modality)) mutual_intents_.push_back(e);
        ev.code = intent_code(ev.code);
      }
      d.plover = plover_for(ev.code.view());
    }
  }
  add_mutual_intents(out);
  if (code_intents) drop_non_events(out);
}

// "Kennedy will meet Khrushchev in Vienna": a meeting yet to come is an
// intent to meet (036) on both sides, as an agreement to meet is (CAMEO 036
// "agree to meet"; tests/gold/README.md, reciprocal events).  A visit stays
// the visitor's intent ("hopes to visit Russia").  The copy goes right after
// its event, so events stay in sentence order.
void Worker::add_mutual_intents(CodedDocument& out) {
  if (mutual_intents_.empty()) return;
  for (size_t k = mutual_intents_.size(); k-- > 0;) {
    const size_t e = mutual_intents_[k];
    Event reverse = out.events[e];
    std::swap(reverse.source, reverse.target);
    std::swap(reverse.source_begin, reverse.target_begin);
    std::swap(reverse.source_end, reverse.target_end);
    size_t first = e, last = e + 1;
    while (first > 0 && out.events[first - 1].sentence == reverse.sentence) --first;
    while (last < out.events.size() && out.events[last].sentence == reverse.sentence) ++last;
    bool present = false;
    for (size_t f = first; f < last && !present; ++f) {
      const Event& g = out.events[f];
      present = g.source == reverse.source && g.target == reverse.target && g.code == reverse.code;
    }
    if (present) continue;
    EventDetails details = out.details[e];
    out.events.insert(out.events.begin() + static_cast<std::ptrdiff_t>(e + 1), std::move(reverse));
    out.details.insert(out.details.begin() + static_cast<std::ptrdiff_t>(e + 1), std::move(details));
  }
  mutual_intents_.clear();
}


// The events of [first, last) whose verb lies in `group`, the governor of
// event e's act: their codes refined by that act (refined_by_content).
void Worker::refine_governor(CodedDocument& out, size_t first, size_t last, size_t e, const Chunk& group) {
  for (size_t f = first; f < last; ++f) {
    Event& g = out.events[f];
    if (f == e || g.nominal || g.verb_begin < group.begin || g.verb_begin >= group.end) continue;
    const Code refined = refined_by_content(g.code, out.events[e].code);
    if (refined == g.code) continue;
    g.code = refined;
    out.details[f].plover = plover_for(g.code.view());
  }
}

// Events the coder found that did not happen as coded (PETRARCH dialect):
// - "X said Y attacked Z" is Y's attack, not also a statement by X: a plain
//   010 whose verb reports another event of its sentence (the modality
//   analyser found that event reported by this very verb) is dropped.
//   Statements that carry their own meaning (011-019) stay.
// With factual_only (parley's default set):
// - A negated act ("did not attack", "would not ask") did not happen, nor a
//   merely possible one ("may seize", "could pull out"; a reported "would"
//   is an announced intent and was recoded above), nor an infinitive under
//   such a verb ("may try to seize", "did not agree to meet"), nor what
//   nobody intends ("has no intention of attacking"), nor what someone was
//   kept from ("stop Russia from granting"), nor anything a direct question
//   asks.
// - An act that is only the condition of another ("if Russia did not agree")
//   or the requested, promised or threatened content of another coded verb
//   ("urged Iran to halt enrichment": the appeal, not a halt) is part of that
//   event, not one of its own.
// Compacts events and details in place, keeping them parallel.
void Worker::drop_non_events(CodedDocument& out) {
  // Events come in sentence order: look only inside each event's sentence,
  // and decide every drop before moving anything.
  const size_t n = out.events.size();
  drop_.assign(n, 0);
  for (size_t first = 0, last = 0; first < n; first = last) {
    const uint32_t sentence = out.events[first].sentence;
    for (last = first; last < n && out.events[last].sentence == sentence; ++last) {}
    const bool asked = run_options_.factual_only && question(doc_, sentence);
    for (size_t e = first; e < last; ++e) {
      const Event& ev = out.events[e];
      const EventModality& me = out.details[e].modality;
      const bool factual = run_options_.factual_only;
      if (factual && (asked || asked_whether(doc_, engine_.quotes(), sentence, ev.verb_begin) || me.negated || me.in_condition || (me.hypothetical && !announced_act(doc_, me)))) {
        drop_[e] = 1;
        continue;
      }
      if (!ev.nominal) {
        // The content of another coded verb: "demanded that Russia withdraw"
        // is the demand, "denied that it had attacked" the denial.
        const Governor gov = content_governor(doc_, engine_.lexicon(), sentence, ev.verb_begin, me);
        if (gov.kind != ContentOf::kNothing &&
            coded_in(out.events, first, last, e, doc_.chunks[static_cast<size_t>(gov.group)])) {
          refine_governor(out, first, last, e, doc_.chunks[static_cast<size_t>(gov.group)]);
          drop_[e] = 1;
          continue;
        }
      }
      if (factual && !ev.nominal) {
        const int32_t vg = doc_.chunk_at(sentence, ev.verb_begin);
        if (intended_by_nobody(doc_, sentence, ev.verb_begin) || kept_from(doc_, sentence, ev.verb_begin) ||
            held_back(doc_, sentence, ev.verb_begin) ||
            (vg >= 0 && governed_by_doubt(doc_, sentence, static_cast<uint32_t>(vg)))) {
          drop_[e] = 1;
          continue;
        }
        if (vg >= 0 && (doc_.chunks[static_cast<size_t>(vg)].flags & kInfinitive)) {
          const int32_t gov = governing_verb_group(doc_, sentence, static_cast<uint32_t>(vg));
          for (size_t f = first; f < last && gov >= 0 && !drop_[e]; ++f) {
            const Chunk& g = doc_.chunks[static_cast<size_t>(gov)];
            drop_[e] = f != e && !out.events[f].nominal && out.events[f].verb_begin >= g.begin &&
                       out.events[f].verb_begin < g.end;
          }
          if (drop_[e]) {
            refine_governor(out, first, last, e, doc_.chunks[static_cast<size_t>(gov)]);
            continue;
          }
        }
      }
      if (ev.code.view() != "010") continue;
      for (size_t f = first; f < last && !drop_[e]; ++f) {
        const EventModality& m = out.details[f].modality;
        drop_[e] = f != e && out.events[f].code.view() != "010" && m.reported &&
                   m.report_verb >= static_cast<int32_t>(ev.verb_begin) &&
                   m.report_verb < static_cast<int32_t>(ev.verb_end);
      }
    }
  }
  size_t kept = 0;
  for (size_t e = 0; e < n; ++e) {
    if (drop_[e]) continue;
    if (kept != e) {
      out.events[kept] = std::move(out.events[e]);
      out.details[kept] = std::move(out.details[e]);
    }
    ++kept;
  }
  out.events.resize(kept);
  out.details.resize(kept);
}

}  // namespace parley
