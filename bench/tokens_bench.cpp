// Front-end throughput: sentence splitting + tokenization (with lexicon and
// vocabulary lookups) over the <Text> of the PETRARCH GigaWord sample, one
// core, one reused Doc.  Also reports lexicon load time and memory, and the
// allocations made per token after warm-up (target: 0).
//
//   tokens_bench [--seconds S] [--xml PATH] [--wordnet DIR]
#include <pugixml.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "dict/dictionary.h"
#include "text/sentences.h"
#include "support/alloc_counter.h"
#include "support/paths.h"
#include "tokens/tokenizer.h"


namespace {

long status_kb(const char* key) {
  std::ifstream f("/proc/self/status");
  std::string line;
  size_t n = std::strlen(key);
  while (std::getline(f, line))
    if (line.compare(0, n, key) == 0) return std::atol(line.c_str() + n + 1);
  return -1;
}

double cpu_ms() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 2.0;
  std::string xml = parley::test::shared_path("petrarch/phoenix/GigaWord.sample.PETR.xml");
  std::string wordnet = parley::Lexicon::kDefaultDir;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--xml")) xml = argv[i + 1];
    else if (!std::strcmp(argv[i], "--wordnet")) wordnet = argv[i + 1];
  }

  long rss0 = status_kb("VmRSS:");
  auto w0 = std::chrono::steady_clock::now();
  double c0 = cpu_ms();
  parley::Lexicon lexicon(wordnet);
  double load_cpu = cpu_ms() - c0;
  double load_wall = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - w0).count();
  long rss1 = status_kb("VmRSS:");
  std::printf("lexicon: %zu forms, table %.1f MB, RSS +%.1f MB (process RSS %.1f MB, peak %.1f MB)\n",
              lexicon.size(), static_cast<double>(lexicon.memory_bytes()) / 1e6,
              static_cast<double>(rss1 - rss0) / 1024.0, static_cast<double>(rss1) / 1024.0,
              static_cast<double>(status_kb("VmHWM:")) / 1024.0);
  std::printf("lexicon load: %.1f ms wall, %.1f ms cpu\n", load_wall, load_cpu);

  pugi::xml_document doc_xml;
  if (!doc_xml.load_file(xml.c_str())) {
    std::fprintf(stderr, "cannot read %s\n", xml.c_str());
    return 1;
  }
  std::vector<std::string> texts;
  for (pugi::xpath_node n : doc_xml.select_nodes("//Sentence/Text")) {
    std::string t = n.node().child_value();
    if (t.find_first_not_of(" \t\r\n") != std::string::npos) texts.push_back(std::move(t));
  }
  std::printf("input: %zu texts from %s\n", texts.size(), xml.c_str());

  // A vocabulary of realistic size: the words of the Phoenix dictionaries
  // (read crudely: the phrase part of each line), plus half the sample's words.
  parley::Vocabulary vocab;
  for (const char* name : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                           "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "CAMEO.2.0.txt"}) {
    std::ifstream f(parley::test::shared_path(std::string("petrarch/phoenix/") + name));
    std::string line;
    while (std::getline(f, line)) {
      size_t stop = line.find_first_of("[#{");
      std::string phrase = line.substr(0, stop);
      std::string word;
      for (char c : phrase + " ") {
        if (c == ' ' || c == '_' || c == '\t' || c == '+' || c == '-' || c == '*' || c == '&' || c == '$') {
          if (word.size() > 1) vocab.intern(word);
          word.clear();
        } else {
          word.push_back(c);
        }
      }
    }
  }
  parley::Tokenizer no_vocab(lexicon, nullptr);
  parley::Doc doc;
  for (const auto& t : texts) {
    doc.clear();
    doc.text = t;
    parley::split_sentences(doc);
    no_vocab.tokenize(doc);
    for (const auto& tok : doc.tokens)
      if (tok.begin % 2 == 0) vocab.intern(doc.norm_of(tok));  // about half the words
  }
  auto v0 = std::chrono::steady_clock::now();
  parley::Tokenizer tokenizer(lexicon, &vocab);
  std::printf("tokenizer setup (vocabulary ids of every lexicon entry, %zu-word vocabulary): %.1f ms\n",
              vocab.size(), std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - v0).count());

  auto run_once = [&](size_t& sentences, size_t& tokens) {
    for (const auto& t : texts) {
      doc.clear();
      doc.text.assign(t);
      parley::split_sentences(doc);
      tokenizer.tokenize(doc);
      sentences += doc.sentences.size();
      tokens += doc.tokens.size();
    }
  };
  size_t s = 0, k = 0;
  for (int i = 0; i < 50; ++i) run_once(s, k);  // warm-up

  size_t sentences = 0, tokens = 0, rounds = 0;
  long allocs_before = parley::test::allocation_count();
  auto t0 = std::chrono::steady_clock::now();
  double cpu0 = cpu_ms();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 100; ++i) run_once(sentences, tokens);
    rounds += 100;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  double cpu = (cpu_ms() - cpu0) / 1e3;
  long allocs = parley::test::allocation_count() - allocs_before;
  std::printf("%zu rounds, %zu sentences, %zu tokens in %.2f s wall, %.2f s cpu\n", rounds, sentences, tokens,
              elapsed, cpu);
  const double n_sentences = static_cast<double>(sentences), n_tokens = static_cast<double>(tokens);
  std::printf("throughput (cpu time): %.0f sentences/s, %.0f tokens/s, %.1f ns/token\n", n_sentences / cpu,
              n_tokens / cpu, cpu * 1e9 / n_tokens);
  std::printf("throughput (wall time): %.0f sentences/s\n", n_sentences / elapsed);
  std::printf("allocations after warm-up: %ld (%.6f per token)\n", allocs, static_cast<double>(allocs) / n_tokens);
  return 0;
}
