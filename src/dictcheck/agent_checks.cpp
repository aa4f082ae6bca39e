// Agents and discards: the same phrase on two lines.
#include <map>
#include <set>
#include <tuple>
#include <string>
#include <vector>

#include "dictcheck/checks.h"

namespace parley::dictcheck::internal {
namespace {

bool same_line(SourceLoc a, SourceLoc b) { return a.file == b.file && a.line == b.line; }

std::string agent_code(const AgentEntry& e) { return e.prefix ? "[" + e.code + "~]" : "[~" + e.code + "]"; }

}  // namespace

// Entries are expanded (plurals, !SETS!): one line may yield a phrase twice,
// which is not a problem; the same phrase from another line is.  The first
// one written wins (entries of equal length keep file order).
void check_agents(Reporter& r) {
  const Dictionaries& d = r.dicts();
  std::map<std::vector<uint32_t>, uint32_t> first;  // words -> entry index
  std::set<std::tuple<uint32_t, uint32_t, uint32_t, uint32_t>> reported;
  for (uint32_t i = 0; i < d.agents.entries.size(); ++i) {
    const AgentEntry& e = d.agents.entries[i];
    auto [it, fresh] = first.emplace(e.words, i);
    if (fresh) continue;
    const AgentEntry& f = d.agents.entries[it->second];
    if (same_line(f.loc, e.loc)) continue;
    // One finding per pair of lines ("MINISTER" twice also repeats MINISTERS).
    if (!reported.emplace(e.loc.file, e.loc.line, f.loc.file, f.loc.line).second) continue;
    bool same = f.code == e.code && f.prefix == e.prefix;
    r.add(e.loc, "duplicate-agent",
          "agent phrase '" + phrase_text(d, e.words) + "' already at " + where(d, f.loc) +
              (same ? " with the same code " + agent_code(f)
                    : "; codes conflict: " + agent_code(f) + " there, " + agent_code(e) + " here (the first wins)"));
  }
}

void check_discards(Reporter& r) {
  const Dictionaries& d = r.dicts();
  std::map<std::pair<std::vector<uint32_t>, bool>, uint32_t> first;
  for (uint32_t i = 0; i < d.discards.size(); ++i) {
    const DiscardEntry& e = d.discards[i];
    auto [it, fresh] = first.emplace(std::make_pair(e.words, e.whole_story), i);
    if (fresh) continue;
    r.add(e.loc, "duplicate-discard",
          std::string(e.whole_story ? "story " : "") + "discard phrase '" + phrase_text(d, e.words, ' ') +
              "' already at " + where(d, d.discards[it->second].loc));
  }
}

}  // namespace parley::dictcheck::internal
