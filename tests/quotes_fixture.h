// Shared by the quotes_* and modality_* tests: a document coded by the real
// pipeline on parley's own dictionaries (data/dict), with the actor groups of
// every sentence kept, then quotes, event modality and deadlines on top.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dict/load.h"
#include "modality/modality.h"
#include "pipeline/engine.h"
#include "quotes/quotes.h"
#include "support/engine.h"
#include "support/paths.h"

namespace parley::testing_support {

struct CodedText {
  Doc doc;
  std::vector<SentenceActors> actors;
  std::vector<Event> events;
  std::vector<Quote> quotes;
  std::vector<Deadline> deadlines;

  std::string tokens(int32_t b, int32_t e) const {
    if (b < 0 || e <= b) return {};
    return doc.text.substr(doc.tokens[b].begin, doc.tokens[e - 1].end - doc.tokens[b].begin);
  }
  std::string verb(const Event& ev) const { return tokens(ev.verb_begin, ev.verb_end); }
};

class CodedTextTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (engine_) return;
    engine_ = new Engine(test::engine_config(test::source_data_path("dict")));
  }

  static CodedText code(const std::string& text, int32_t date = 20250806) {
    CodedText c;
    Worker worker(*engine_);
    // The modality tests read the flags of events that factual_only would
    // drop ("Russia may accuse Ukraine"), so they code every act.
    RunOptions all_acts = engine_->run_options();
    all_acts.factual_only = false;
    worker.set_run_options(all_acts);
    CodedDocument coded;
    worker.code("t", date, text, false, coded);
    c.doc = worker.doc();
    c.events = coded.events;
    c.actors.resize(c.doc.sentences.size());
    ActorScratch scratch;
    for (uint32_t s = 0; s < c.doc.sentences.size(); ++s) engine_->actors().find(c.doc, s, date, scratch, c.actors[s]);
    QuoteFinder(lexicon()).find(c.doc, c.actors, c.quotes);
    DeadlineFinder(lexicon()).find(c.doc, c.actors, c.deadlines);
    return c;
  }

  static const Lexicon& lexicon() { return engine_->tokenizer().lexicon(); }

  // Never deleted: one engine serves every test of the binary.
  static inline Engine* engine_ = nullptr;
};

}  // namespace parley::testing_support
