#include "actors/actors.h"

#include <algorithm>
#include <string_view>

#include "cameo/actor_prefixes.h"
#include "syntax/words.h"

namespace parley {

namespace {

bool contains_code(std::string_view code, std::string_view part) {
  // PETRARCH compares three-letter blocks: "USAGOV" contains GOV, not "SAG".
  if (part.empty()) return true;
  for (size_t i = 0; i + part.size() <= code.size(); i += 3) {
    if (code.substr(i, part.size()) == part) return true;
  }
  return false;
}

// Agents that are usually foreign to the country a sentence names: aid
// agencies and refugees ("Turkey hosts refugees", "aid groups in Sudan").
bool takes_sentence_country(std::string_view code) {
  for (size_t i = 3; i + 3 <= code.size(); i += 3) {
    std::string_view role = code.substr(i, 3);
    if (role == "NGO" || role == "REF") return false;
  }
  return true;
}

bool has_role(std::string_view code, std::string_view role) {
  for (size_t i = 3; i + 3 <= code.size(); i += 3)
    if (code.substr(i, 3) == role) return true;
  return false;
}

// Peacekeepers serve in a country not their own: "peacekeepers in Mali" and
// the actors around them do not make them Malian.
bool foreign_force(const Doc& doc, const ActorRef& r) {
  for (uint32_t k = r.begin; k < r.end; ++k)
    if (doc.norm_of(doc.tokens[k]).starts_with("PEACEKEEP")) return true;
  return false;
}

bool all_lower(std::string_view text) {
  for (char c : text) if (c >= 'A' && c <= 'Z') return false;
  return true;
}

// "the president of the company", "a spokesman for the union", "the
// chairman of the university's board": a bare executive title (an agent
// coded ---GOV alone) followed by of/for and a determiner and a body of
// another sector with no country (---BUS, ---LAB, ---EDU, ---PTY, ---MIL
// ...) is that body's officer, not a government's.  Without a determiner
// the body names a portfolio: "the Minister of Health", "Secretary of Labor"
// stay GOV.
bool title_of_body(const Doc& doc, const SentenceActors& out, const ActorGroup& left,
                   const ActorGroup& right) {
  if (left.count != 1 || right.count != 1) return false;
  const ActorRef& title = out.refs[left.first];
  const ActorRef& body = out.refs[right.first];
  if (title.has_actor || body.has_actor || title.name_only || body.name_only) return false;
  if (title.code != "---GOV" || !body.code.starts_with("---") || body.code.size() != 6 || body.code == "---GOV")
    return false;
  uint32_t k = left.end;
  if (k + 2 > right.begin) return false;
  std::string_view prep = doc.norm_of(doc.tokens[k]);
  if (prep != "OF" && prep != "FOR") return false;
  if (doc.tokens[k + 1].tag != Tag::kDet) return false;
  for (uint32_t j = k + 2; j < right.begin; ++j)
    if (doc.tokens[j].tag != Tag::kAdj && doc.tokens[j].tag != Tag::kDet) return false;
  return true;
}

}  // namespace

void compose_code(std::string_view actor, const std::vector<std::string>& prefix_agents,
                  const std::vector<std::string>& agents, std::string& out) {
  out.clear();
  for (const auto& p : prefix_agents) out += p;
  out += actor.empty() ? std::string_view("---") : actor;
  for (const auto& a : agents) {
    if (!contains_code(out, a)) out += a;
  }
}

int32_t SentenceActors::next_group(uint32_t from, uint32_t sentence_begin) const {
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].begin >= from) return static_cast<int32_t>(g);
  }
  return -1;
}

int32_t SentenceActors::prev_group(uint32_t until, uint32_t sentence_begin) const {
  for (size_t g = groups.size(); g-- > 0;) {
    if (groups[g].end <= until) return static_cast<int32_t>(g);
  }
  return -1;
}

ActorFinder::ActorFinder(const Dictionaries& dicts, ActorOptions options)
    : dicts_(dicts), options_(options) {
  if (options_.stem_matching) {
    for (uint32_t i = 0; i < dicts.actors.phrases.size(); ++i) {
      const ActorPhrase& p = dicts.actors.phrases[i];
      if (!p.exact && p.words.size() == 1) {
        stems_[std::string(dicts.vocab.word(p.words[0]))].push_back(i);
      }
    }
  }
  former_id_ = dicts.vocab.find("FORMER");
  of_id_ = dicts.vocab.find("OF");
  from_id_ = dicts.vocab.find("FROM");
  in_id_ = dicts.vocab.find("IN");
  near_id_ = dicts.vocab.find("NEAR");
}

const std::string* ActorFinder::code_on(uint32_t record, int32_t date) const {
  if (!options_.inclusive_range_end) return dicts_.actors.code_on(record, date);
  const std::string* fallback = nullptr;
  for (const DatedCode& c : dicts_.actors.records[record].codes) {
    if (!c.restricted) {
      if (!fallback) fallback = &c.code;
    } else if (c.from <= date && (date < c.to || (c.range && date == c.to))) {
      return &c.code;
    }
  }
  return fallback;
}

void ActorFinder::raw_matches(const Doc& doc, uint32_t b, uint32_t e, int32_t date,
                              std::vector<Match>& out) const {
  const auto& actors = dicts_.actors;
  const auto& agents = dicts_.agents;
  bool capitals_in_sentence = false;
  for (uint32_t k = b; k < e && options_.unlisted_names && !capitals_in_sentence; ++k)
    capitals_in_sentence = (doc.tokens[k].flags & kCapitalised) != 0;
  for (uint32_t i = b; i < e;) {
    const Token& t = doc.tokens[i];
    uint32_t best_end = i;
    Match best{i, i, false, false, {}};
    // An exact match beats a TABARI stem match of any length ("KUWAIT" over
    // "THE KU..."); then the longer match wins.
    bool best_exact = false;
    auto consider_actor = [&](const ActorPhrase& p, uint32_t end, bool exact) {
      const std::string* code = code_on(p.record, date);
      if (!code) return;
      if (best_end > i && (best_exact && !exact)) return;
      if (best_end > i && best_exact == exact && end <= best_end) return;
      best_end = end;
      best_exact = exact;
      best = Match{i, end, false, false, *code};
    };
    if (t.word_id) {
      auto it = actors.phrases_by_first.find(t.word_id);
      if (it != actors.phrases_by_first.end()) {
        for (uint32_t idx : it->second) {
          const ActorPhrase& p = actors.phrases[idx];
          const uint32_t n = static_cast<uint32_t>(p.words.size());
          if (i + n > e) continue;
          bool ok = true, exact = true;
          for (uint32_t k = 1; k < n && ok; ++k) {
            const Token& u = doc.tokens[i + k];
            if (u.word_id == p.words[k]) continue;
            if (k + 1 == n && !p.exact && options_.stem_matching &&
                doc.norm_of(u).starts_with(dicts_.vocab.word(p.words[k]))) {
              exact = false;
              continue;
            }
            ok = false;
          }
          if (ok) consider_actor(p, i + n, exact);
        }
      }
    }
    if (best_end == i && options_.stem_matching && !stems_.empty()) {
      std::string_view w = doc.norm_of(t);
      for (size_t len = w.size(); len >= 3 && best_end == i; --len) {
        auto it = stems_.find(std::string(w.substr(0, len)));
        if (it == stems_.end()) continue;
        for (uint32_t idx : it->second) consider_actor(actors.phrases[idx], i + 1, false);
      }
    }
    // "The Kuwait government": a stem match ("THE KU...") gives way to an
    // exact name that starts on its last word.
    if (best_end > i + 1 && !best_exact) {
      const Token& last = doc.tokens[best_end - 1];
      auto it = actors.phrases_by_first.find(last.word_id);
      if (last.word_id && it != actors.phrases_by_first.end()) {
        for (uint32_t idx : it->second) {
          const ActorPhrase& p = actors.phrases[idx];
          const uint32_t n = static_cast<uint32_t>(p.words.size()), j = best_end - 1;
          bool ok = j + n <= e;
          for (uint32_t k = 1; k < n && ok; ++k) ok = doc.tokens[j + k].word_id == p.words[k];
          if (ok) { best_end = i; break; }
        }
      }
    }
    // "the West Bank": a name that begins with an article ("THE WEST") gives
    // way to a longer name that starts inside it ("WEST BANK").
    if (best_end > i + 1 && t.tag == Tag::kDet) {
      for (uint32_t j = i + 1; j < best_end && best_end > i; ++j) {
        auto it = actors.phrases_by_first.find(doc.tokens[j].word_id);
        if (!doc.tokens[j].word_id || it == actors.phrases_by_first.end()) continue;
        for (uint32_t idx : it->second) {
          const ActorPhrase& p = actors.phrases[idx];
          const uint32_t n = static_cast<uint32_t>(p.words.size());
          if (j + n <= best_end || j + n > e || !code_on(p.record, date)) continue;
          bool ok = true;
          for (uint32_t k = 1; k < n && ok; ++k) ok = doc.tokens[j + k].word_id == p.words[k];
          if (ok) { best_end = i; break; }
        }
      }
    }
    // A lower-case single word that is a pronoun or function word ("us") is
    // not a country; nor, in a sentence written with capitals, is one that is
    // also a common noun: names are capitalised there, so "hid in the bush",
    // "an indian ringneck", "fine china" name no one (in text typed all in
    // lower case, "bush" may still be the president).
    if (best_end == i + 1 && all_lower(doc.text_of(t)) &&
        ((t.pos_bits & (kPosPronoun | kPosDet | kPosPrep | kPosAux | kPosConj)) ||
         ((t.pos_bits & kPosNoun) && capitals_in_sentence))) {
      best_end = i;
    }
    if (t.word_id) {
      auto it = agents.entries_by_first.find(t.word_id);
      if (it != agents.entries_by_first.end()) {
        for (uint32_t idx : it->second) {
          const AgentEntry& a = agents.entries[idx];
          const uint32_t n = static_cast<uint32_t>(a.words.size());
          if (i + n > e || i + n <= best_end) continue;
          bool ok = true;
          for (uint32_t k = 1; k < n && ok; ++k) ok = doc.tokens[i + k].word_id == a.words[k];
          // "35 official breakfasts": an agent word the tagger read as a
          // lower-case adjective before a noun describes that noun; it
          // names no one.  Before another agent it still composes with it
          // ("official media" is state media).
          const Token& last = doc.tokens[i + n - 1];
          if (ok && options_.adjectives_name_no_one && last.tag == Tag::kAdj && !(last.flags & kCapitalised) && i + n < e &&
              doc.tokens[i + n].tag == Tag::kNoun && !agents.entries_by_first.contains(doc.tokens[i + n].word_id))
            ok = false;
          if (ok) {
            best_end = i + n;
            best = Match{i, i + n, true, a.prefix, a.code};
            break;
          }
        }
      }
    }
    if (best_end > i) {
      out.push_back(best);
      i = best_end;
    } else {
      ++i;
    }
  }
}

void ActorFinder::find(const Doc& doc, uint32_t sentence, int32_t date, ActorScratch& scratch,
                       SentenceActors& out, const DocumentNames* names) const {
  out.clear();
  const Sentence& s = doc.sentences[sentence];
  const uint32_t b = s.token_begin, e = s.token_end;
  out.group_at.assign(e - b, -1);
  std::vector<Match>& matches = scratch.matches;
  matches.clear();
  raw_matches(doc, b, e, date, matches);
  if (matches.empty()) {
    finish(doc, sentence, out, names);
    return;
  }

  // 1. Mentions: matches inside one noun phrase compose into one reference.
  std::vector<std::string>& prefix = scratch.prefix;
  std::vector<std::string>& agents = scratch.agents;
  std::vector<ActorRef>& mentions = scratch.mentions;
  mentions.clear();
  for (size_t m = 0; m < matches.size();) {
    size_t n = m + 1;
    while (n < matches.size()) {
      bool joined = true;
      for (uint32_t k = matches[n - 1].end; k < matches[n].begin && joined; ++k) {
        // "Ithilen's awful and evil minister": "and" between modifiers.
        const bool inner_and = k > matches[n - 1].end && k + 1 < matches[n].begin &&
                               doc.norm_of(doc.tokens[k]) == "AND" && doc.tokens[k - 1].tag == Tag::kAdj &&
                               (doc.tokens[k + 1].tag == Tag::kAdj || doc.tokens[k + 1].tag == Tag::kNoun);
        joined = np_internal(doc.tokens[k]) || inner_and;
      }
      if (!joined) break;
      ++n;
    }
    prefix.clear();
    agents.clear();
    std::string_view actor, refined;
    uint32_t refined_head = 0;
    bool former = matches[m].begin > b && doc.tokens[matches[m].begin - 1].word_id == former_id_ && former_id_;
    uint32_t head = matches[m].begin;
    for (size_t k = m; k < n; ++k) {
      const Match& x = matches[k];
      if (k > m) {
        for (uint32_t j = matches[k - 1].end; j < x.begin; ++j)
          if (doc.tokens[j].word_id == former_id_ && former_id_) former = true;
      }
      if (!x.is_agent) {
        if (actor.empty()) {
          actor = x.code;
          head = x.begin;
        } else if (refined.empty() && actor.size() == 3 && x.code.size() > 3 &&
                   std::string_view(x.code).starts_with(actor)) {
          refined = x.code;
          refined_head = x.begin;
        }
      } else if (x.prefix_agent) {
        prefix.emplace_back(x.code);
      } else {
        agents.emplace_back(x.code);
      }
    }
    // "Chinese President Xi": the nationality names only the country and the
    // person's record, whose names took in the title ("President Xi"), says
    // more about the same one (CHNGOV).  With a title of its own in the
    // phrase the title gives the role, as the sentence states it ("Japanese
    // Prime Minister Shinzo Abe" is JPN + GOV whatever Abe's record says of
    // the date); a different country later in the phrase never replaces the
    // first ("Israeli Arab lawmakers").
    if (!refined.empty() && agents.empty() && prefix.empty()) {
      actor = refined;
      head = refined_head;
    }
    ActorRef ref;
    ref.begin = matches[m].begin;
    ref.end = matches[n - 1].end;
    ref.head = actor.empty() ? matches[n - 1].begin : head;
    ref.has_actor = !actor.empty();
    if (former) { agents.clear(); agents.emplace_back("ELI"); }
    std::vector<std::string> base_agents(agents.begin(), agents.empty() ? agents.end() : agents.end() - 1);
    compose_code(actor, prefix, base_agents, ref.base);
    compose_code(actor, prefix, agents, ref.code);
    if (ref.has_actor && actor.find('/') != std::string_view::npos) {
      // "THE_SHIRE [FRO/BIL/SAM]": one name standing for several actors.
      size_t start = 0;
      while (start <= actor.size()) {
        size_t slash = actor.find('/', start);
        if (slash == std::string_view::npos) slash = actor.size();
        ActorRef part = ref;
        std::string_view one = actor.substr(start, slash - start);
        compose_code(one, prefix, base_agents, part.base);
        compose_code(one, prefix, agents, part.code);
        mentions.push_back(std::move(part));
        start = slash + 1;
      }
    } else if (ref.has_actor || !agents.empty() || !prefix.empty()) {
      mentions.push_back(std::move(ref));
    }
    m = n;
  }

  // 2. Compounds: mentions separated only by commas, conjunctions, articles
  // and adjectives form one group.
  auto separator_ok = [&](uint32_t from, uint32_t to) {
    bool has_link = false;
    for (uint32_t k = from; k < to; ++k) {
      const Token& t = doc.tokens[k];
      std::string_view w = doc.norm_of(t);
      if (w == "," || is_list_conjunction(w)) { has_link = true; continue; }
      if (t.tag == Tag::kDet || t.tag == Tag::kAdj || w == "BOTH" || w == "EITHER" || w == "NEITHER") continue;
      if (t.tag == Tag::kNoun && !(t.flags & kCapitalised)) continue;  // the evil awful Gondor
      return false;
    }
    return has_link;
  };
  auto has_conjunction = [&](uint32_t from, uint32_t to) {
    for (uint32_t k = from; k < to; ++k) {
      std::string_view w = doc.norm_of(doc.tokens[k]);
      if (is_list_conjunction(w)) return true;
    }
    return false;
  };
  for (size_t m = 0; m < mentions.size();) {
    size_t n = m + 1;
    // Parts of one name ("THE_SHIRE" = FRO/BIL/SAM) share a span.
    while (n < mentions.size() && mentions[n].begin == mentions[m].begin) ++n;
    size_t last_link = n;
    while (n < mentions.size() && (mentions[n].begin == mentions[n - 1].begin ||
                                   separator_ok(mentions[n - 1].end, mentions[n].begin))) {
      ++n;
      // A list ends with "and"/"or": "Dagolath, its biggest partner, officials"
      // is an apposition and a new subject, not a compound.
      if (mentions[n - 1].begin != mentions[n - 2].begin &&
          has_conjunction(mentions[n - 2].end, mentions[n - 1].begin)) last_link = n;
    }
    n = std::max(last_link, m + 1);
    while (n < mentions.size() && mentions[n].begin == mentions[n - 1].begin) ++n;
    ActorGroup g;
    g.begin = mentions[m].begin;
    g.end = mentions[n - 1].end;
    g.first = static_cast<uint32_t>(out.refs.size());
    for (size_t k = m; k < n; ++k) {
      ActorRef r = mentions[k];
      // "Danish media and government": a bare agent shares the actor before it.
      if (!r.has_actor && k > m && out.refs.back().has_actor) {
        agents.clear();
        std::string_view tail = std::string_view(r.code).substr(3);
        for (size_t p = 0; p + 3 <= tail.size(); p += 3) agents.emplace_back(tail.substr(p, 3));
        std::string base = out.refs.back().base;
        compose_code(base, {}, agents, r.code);
        r.has_actor = true;
      }
      out.refs.push_back(std::move(r));
    }
    g.count = static_cast<uint32_t>(out.refs.size()) - g.first;
    out.groups.push_back(g);
    m = n;
  }

  // 3. "the ambassadors of Arnor and Gondor", "soldiers from Gondor",
  // "lawmakers in Fornost": agents alone, then of/from/in/near and actors
  // ("soldiers near Kandahar" are where they are, as with "in").
  for (size_t g = 0; g + 1 < out.groups.size(); ++g) {
    ActorGroup& left = out.groups[g];
    const ActorGroup& right = out.groups[g + 1];
    if (title_of_body(doc, out, left, right)) {
      // "the president of the company": the title is the body's (---BUS).
      const ActorRef body = out.refs[right.first];
      ActorRef& title = out.refs[left.first];
      title.code = body.code;
      title.base = body.base;
      title.end = body.end;
      left.end = right.end;
      out.groups.erase(out.groups.begin() + static_cast<long>(g) + 1);
      continue;
    }
    bool all_agents = true, all_actors = true;
    for (uint32_t k = 0; k < left.count; ++k) all_agents &= !out.refs[left.first + k].has_actor;
    for (uint32_t k = 0; k < right.count; ++k) all_actors &= out.refs[right.first + k].has_actor;
    if (!all_agents || !all_actors) continue;
    // "Niger recalled its ambassador from France": a possessive determiner
    // names whose agent it is, so "from France" does not attach.
    if (left.begin > b) {
      if (is_possessive_determiner(doc.norm_of(doc.tokens[left.begin - 1]))) continue;
    }
    uint32_t k = left.end;
    if (k < right.begin) {
      uint32_t w = doc.tokens[k].word_id;
      if (!(w && (w == of_id_ || w == from_id_ || w == in_id_ || w == near_id_))) continue;
      ++k;
      // "the minister of defence of Russia", "the Minister of Foreign Affairs
      // of the United States": a title's own of-complement, a few words with
      // no actor in them, stands between the title and its country.
      if (w == of_id_) {
        uint32_t q = k;
        bool has_noun = false;
        while (q < right.begin && q - k < 4 && doc.tokens[q].word_id != of_id_) {
          const Tag tag = doc.tokens[q].tag;
          if (tag != Tag::kNoun && tag != Tag::kProper && tag != Tag::kAdj && tag != Tag::kDet &&
              doc.norm_of(doc.tokens[q]) != "AND")
            break;
          has_noun |= tag == Tag::kNoun || tag == Tag::kProper;
          ++q;
        }
        if (has_noun && q < right.begin && doc.tokens[q].word_id == of_id_) k = q + 1;
      }
    } else {
      continue;
    }
    while (k < right.begin && doc.tokens[k].tag == Tag::kDet) ++k;
    if (k != right.begin) continue;
    if (doc.tokens[left.end].word_id == in_id_ || doc.tokens[left.end].word_id == near_id_) {
      bool foreign = false;
      // Aid workers and refugees, as peacekeepers, are seldom of the country they are in.
      for (uint32_t a = 0; a < left.count; ++a)
        foreign |= foreign_force(doc, out.refs[left.first + a]) || !takes_sentence_country(out.refs[left.first + a].code);
      if (foreign) continue;
    }
    std::vector<ActorRef> merged;
    for (uint32_t a = 0; a < left.count; ++a) {
      const ActorRef& agent = out.refs[left.first + a];
      agents.clear();
      std::string_view tail = std::string_view(agent.code).substr(3);
      for (size_t p = 0; p + 3 <= tail.size(); p += 3) agents.emplace_back(tail.substr(p, 3));
      for (uint32_t c = 0; c < right.count; ++c) {
        const ActorRef& actor = out.refs[right.first + c];
        ActorRef r;
        r.begin = agent.begin;
        r.end = actor.end;
        r.head = actor.head;
        r.has_actor = true;
        r.base = actor.code;
        compose_code(actor.code, {}, agents, r.code);
        merged.push_back(std::move(r));
      }
    }
    left.first = static_cast<uint32_t>(out.refs.size());
    left.count = static_cast<uint32_t>(merged.size());
    left.end = right.end;
    for (auto& r : merged) out.refs.push_back(std::move(r));
    out.groups.erase(out.groups.begin() + static_cast<long>(g) + 1);
  }

  finish(doc, sentence, out, names);
}

void ActorFinder::finish(const Doc& doc, uint32_t sentence, SentenceActors& out, const DocumentNames* names) const {
  const uint32_t b = doc.sentences[sentence].token_begin;
  auto index_groups = [&] {
    for (size_t g = 0; g < out.groups.size(); ++g) {
      for (uint32_t k = out.groups[g].begin; k < out.groups[g].end; ++k) out.group_at[k - b] = static_cast<int32_t>(g);
    }
  };
  if (options_.unlisted_names) {
    index_groups();  // add_unlisted_names reads which tokens the dictionaries took
    add_unlisted_names(doc, sentence, out, names);
  }
  if (options_.lend_country) lend_country(doc, sentence, out);
  index_groups();
}

void lend_country(const Doc& doc, uint32_t sentence, SentenceActors& actors) {
  // Quotation marks before a token: the words inside a quote and the
  // attribution around it ("... Witkoff ...," said analyst X) are apart.
  const uint32_t b = doc.sentences[sentence].token_begin;
  auto quote_part = [&](uint32_t token) {
    uint32_t n = 0;
    for (uint32_t k = b; k < token; ++k) n += doc.tokens[k].tag == Tag::kQuote;
    return n;
  };
  auto group_of = [&](size_t ref) {
    for (size_t g = 0; g < actors.groups.size(); ++g)
      if (ref >= actors.groups[g].first && ref < actors.groups[g].first + actors.groups[g].count) return g;
    return actors.groups.size();
  };
  for (size_t ri = 0; ri < actors.refs.size(); ++ri) {
    ActorRef& r = actors.refs[ri];
    // An unlisted name is a person, not an agent of the sentence's country:
    // "Chamberlain placed blame on Germany" is not German.
    if (r.has_actor || r.name_only || !r.code.starts_with("---") || !takes_sentence_country(r.code) ||
        foreign_force(doc, r))
      continue;
    const uint32_t part = quote_part(r.begin);
    const size_t own_group = group_of(ri);
    const bool armed_opponent = has_role(r.code, "REB") || has_role(r.code, "INS") || has_role(r.code, "UAF") ||
                                has_role(r.code, "CRM");
    std::string_view country;
    bool ambiguous = false, army = false;
    for (size_t li = 0; li < actors.refs.size(); ++li) {
      const ActorRef& l = actors.refs[li];
      if (!l.has_actor || !country_prefix(l.code) || quote_part(l.begin) != part) continue;
      // "Lawmakers criticized Russia": a country named only as a whole,
      // after the agent, is most often what a foreign agent acts on.
      if (l.code.size() == 3 && l.begin > r.begin) continue;
      if (group_of(li) != own_group) {
        // "US troops clashed with guerrillas": armed forces fight abroad, so
        // the troops' country is not that of the armed men they face (rebels,
        // insurgents, gunmen, criminals), nor is another country of the
        // sentence; their own general and government are theirs.  Police and courts work at home:
        // "Georgian riot police fired at protesters" are Georgians, and so
        // are the deserters a court-martial sentences.
        if (armed_opponent && has_role(l.code, "MIL") && !has_role(l.code, "COP") && !has_role(l.code, "JUD"))
          army = true;
      }
      std::string_view c = std::string_view(l.code).substr(0, 3);
      ambiguous |= !country.empty() && c != country;
      country = c;
    }
    if (country.empty() || ambiguous || army) continue;
    r.code.replace(0, 3, country);
    r.lent = true;
    if (r.base.starts_with("---")) r.base.replace(0, 3, country);
  }
}

}  // namespace parley
