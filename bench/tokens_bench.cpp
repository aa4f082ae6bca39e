// Front-end throughput: sentence splitting + tokenization (with lexicon and
// vocabulary lookups) over the <Text> of the PETRARCH GigaWord sample, one
// core, one reused Doc.  Also reports lexicon load time and memory, and the
// allocations made per token after warm-up (target: 0).
//
//   tokens_bench [--seconds S] [--xml PATH] [--wordnet DIR]
#include <pugixml.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <new>
#include <string>
#include <vector>

#include "text/sentences.h"
#include "tokens/tokenizer.h"

// dict/dictionary.h and doc/doc.h both declare parley::VerbForm; rename the
// dictionary's struct here (Vocabulary is unaffected).
#define VerbForm DictVerbForm
#include "dict/dictionary.h"
#undef VerbForm

#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
namespace {
std::atomic<long> g_allocations{0};
}  // namespace
void* operator new(std::size_t n) {
  ++g_allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

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
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 2.0;
  std::string xml = std::string(PARLEY_SHARED_DIR) + "/petrarch/phoenix/GigaWord.sample.PETR.xml";
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
              lexicon.size(), lexicon.memory_bytes() / 1e6, (rss1 - rss0) / 1024.0, rss1 / 1024.0,
              status_kb("VmHWM:") / 1024.0);
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

  // A vocabulary of realistic size: every word form of the sample.
  parley::Tokenizer no_vocab(lexicon, nullptr);
  parley::Vocabulary vocab;
  parley::Doc doc;
  for (const auto& t : texts) {
    doc.clear();
    doc.text = t;
    parley::split_sentences(doc);
    no_vocab.tokenize(doc);
    for (const auto& tok : doc.tokens)
      if (tok.begin % 2 == 0) vocab.intern(doc.norm_of(tok));  // about half the words
  }
  parley::Tokenizer tokenizer(lexicon, &vocab);

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
  long allocs_before = g_allocations.load();
  auto t0 = std::chrono::steady_clock::now();
  double cpu0 = cpu_ms();
  double elapsed = 0;
  while (elapsed < seconds) {
    for (int i = 0; i < 100; ++i) run_once(sentences, tokens);
    rounds += 100;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  double cpu = (cpu_ms() - cpu0) / 1e3;
  long allocs = g_allocations.load() - allocs_before;
  std::printf("%zu rounds, %zu sentences, %zu tokens in %.2f s wall, %.2f s cpu\n", rounds, sentences, tokens,
              elapsed, cpu);
  std::printf("throughput (cpu time): %.0f sentences/s, %.0f tokens/s, %.1f ns/token\n", sentences / cpu,
              tokens / cpu, cpu * 1e9 / tokens);
  std::printf("throughput (wall time): %.0f sentences/s\n", sentences / elapsed);
  std::printf("allocations after warm-up: %ld (%.6f per token)\n", allocs, static_cast<double>(allocs) / tokens);
  return 0;
}
