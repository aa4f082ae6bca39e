// The perceptron tagger: the committed model loads, tags plain sentences as
// expected, and a malformed model file fails with FILE:LINE.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/paths.h"
#include "syntax/perceptron.h"
#include "tokens/lexicon.h"

namespace parley {
namespace {

const PerceptronTagger& model() {
  static const PerceptronTagger m = PerceptronTagger::load(test::source_data_path("tagger/model.txt"));
  return m;
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

const Lexicon& lexicon() {
  static const Lexicon lex;
  return lex;
}

// Tags the words with the lexicon's candidate bits, as parley's tokenizer gives them.
std::vector<std::string> tag(const std::vector<std::string>& words) {
  std::vector<std::string> norms;
  for (const auto& w : words) norms.push_back(upper(w));
  std::vector<perceptron::TokenView> views(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    views[i].raw = words[i];
    views[i].norm = norms[i];
    views[i].pos_bits = words[i] == "." ? 0 : lexicon().lookup(norms[i]).pos_bits;
    views[i].quote = perceptron::is_quote(words[i]);
  }
  std::vector<Tag> out(words.size());
  model().tag(views.data(), static_cast<uint32_t>(words.size()), out.data());
  std::vector<std::string> names;
  for (Tag t : out) names.push_back(tag_name(t));
  return names;
}

TEST(SyntaxPerceptron, CommittedModelLoads) {
  EXPECT_GT(model().features(), 10000u);
  EXPECT_LT(model().memory_bytes(), 64u << 20);
}

TEST(SyntaxPerceptron, TagsPlainSentences) {
  EXPECT_EQ(tag({"The", "president", "visited", "the", "troops", "in", "Kabul", "."}),
            (std::vector<std::string>{"DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"}));
  EXPECT_EQ(tag({"He", "said", "that", "they", "would", "not", "attack", "."}),
            (std::vector<std::string>{"PRON", "VERB", "SCONJ", "PRON", "AUX", "ADV", "VERB", "PUNCT"}));
  // Present-tense verb after a plural subject.
  EXPECT_EQ(tag({"Rebels", "attack", "the", "convoy", "."})[1], "VERB");
}

TEST(SyntaxPerceptron, MalformedModelNamesFileAndLine) {
  const std::string head =
      "parley-tagger-perceptron 3\nclasses NOUN PROPN PRON VERB AUX ADJ ADV DET ADP CONJ SCONJ REL NUM PART PUNCT "
      "QUOTE\nfeatures 2\n";
  try {
    PerceptronTagger::parse(head + "00000000000000a1 0:1.5 3:-2\n00000000000000a2 0:zz\nwords 0\n", "m.txt");
    FAIL() << "no error";
  } catch (const TaggerModelError& e) {
    EXPECT_NE(std::string(e.what()).find("m.txt:5:"), std::string::npos) << e.what();
  }
  try {
    PerceptronTagger::parse("not a model\n", "m.txt");
    FAIL() << "no error";
  } catch (const TaggerModelError& e) {
    EXPECT_NE(std::string(e.what()).find("m.txt:1:"), std::string::npos) << e.what();
  }
  try {
    PerceptronTagger::parse(head + "00000000000000a1 0:1.5\n", "m.txt");
    FAIL() << "no error";
  } catch (const TaggerModelError& e) {
    EXPECT_NE(std::string(e.what()).find("promises 2"), std::string::npos) << e.what();
  }
  try {
    PerceptronTagger::parse(head + "00000000000000a1 0:1.5\n00000000000000a2 1:1\nwords 1\n00000000000000b1 99\n", "m.txt");
    FAIL() << "no error";
  } catch (const TaggerModelError& e) {
    EXPECT_NE(std::string(e.what()).find("m.txt:7: bad class"), std::string::npos) << e.what();
  }
  EXPECT_THROW(PerceptronTagger::load("/nonexistent/model.txt"), TaggerModelError);
  // A well-formed model parses.
  PerceptronTagger ok = PerceptronTagger::parse(
      head + "00000000000000a1 0:1.5 3:-2\n00000000000000a2 15:1\nwords 1\n00000000000000b1 7\n", "m.txt");
  EXPECT_EQ(ok.features(), 2u);
  EXPECT_EQ(ok.dictionary_words(), 1u);
}

}  // namespace
}  // namespace parley
