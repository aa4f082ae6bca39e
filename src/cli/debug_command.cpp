// `parley explain`: shows how one text is read: tokens with their tags,
// chunks, actor groups and verb hits, then the events.  For dictionary
// writers and for debugging the coder.
#include <cstdio>

#include "cli/commands.h"
#include "syntax/perceptron.h"
#include "verbs/verbs.h"

namespace parley::cli {
int run_explain(const Engine& engine, const std::string& text, int32_t date) {
  Worker worker(engine);
  CodedDocument coded;
  worker.code("explain", date, text, false, coded);
  const Doc& doc = worker.doc();
  SentenceActors actors;
  ActorScratch actor_scratch;
  std::vector<VerbHit> verbs;
  VerbScratch verb_scratch;
  WordPresence present;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    std::printf("sentence %u:", s);
    for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
      const Token& t = doc.tokens[i];
      std::printf(" %.*s/%s", static_cast<int>(t.end - t.begin), doc.text.data() + t.begin, parley::tag_name(t.tag));
    }
    std::printf("\n  chunks:");
    for (uint32_t c = sent.chunk_begin; c < sent.chunk_end; ++c) {
      const Chunk& ch = doc.chunks[c];
      const uint32_t from = doc.tokens[ch.begin].begin, to = doc.tokens[ch.end - 1].end;
      std::printf(" [%s%s%s %.*s]", ch.kind == ChunkKind::kVerbGroup ? "VG" : "NP",
                  (ch.flags & kPassive) ? ",pass" : "", (ch.flags & kNegated) ? ",neg" : "",
                  static_cast<int>(to - from), doc.text.data() + from);
    }
    engine.actors().find(doc, s, date, actor_scratch, actors);
    std::printf("\n  actors:");
    for (const auto& g : actors.groups) {
      std::printf(" {");
      for (uint32_t k = 0; k < g.count; ++k) std::printf("%s%s", k ? " " : "", actors.refs[g.first + k].code.c_str());
      std::printf("}");
    }
    find_verbs(doc, s, engine.dicts(), engine.verb_options(), verb_scratch, verbs);
    present.mark(doc, s, engine.dicts().vocab.size());
    std::printf("\n  verbs:");
    for (const auto& v : verbs) {
      const auto& form = engine.dicts().verbs.forms[v.form];
      const auto& block = engine.dicts().verbs.blocks[form.block];
      PatternMatch m = match_pattern(doc, s, engine.dicts(), engine.patterns(), present, v, actors);
      std::printf(" %.*s->%s%s", static_cast<int>(doc.tokens[v.end - 1].end - doc.tokens[v.begin].begin),
                  doc.text.data() + doc.tokens[v.begin].begin, block.name.c_str(), v.nominal ? "(noun)" : "");
      if (m.pattern >= 0) std::printf("[%s]", engine.dicts().where(engine.dicts().verbs.patterns[m.pattern].loc).c_str());
    }
    std::printf("\n");
  }
  for (const auto& ev : coded.events)
    std::printf("event s%u %s %s %s\n", ev.sentence, ev.source.c_str(), ev.target.c_str(), std::string(ev.code.view()).c_str());
  return 0;
}

}  // namespace parley::cli
