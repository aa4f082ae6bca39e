// The perceptron tagger: the committed model loads, tags plain sentences as
// expected, and a malformed model file fails with FILE:LINE; Brown's tags are
// mapped to the UD conventions parley is measured by; capitalisation classes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <fstream>

#include "support/paths.h"
#include "support/temp_dir.h"
#include "syntax/perceptron.h"
#include "syntax/perceptron_train.h"
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

// Reads one Brown line (made up here, in Brown's word/tag format) and
// returns "word/TAG" for each training token ("?" when it has no gold tag).
std::vector<std::string> brown(const std::string& line) {
  test::TempDir dir;
  const std::string path = (dir.path() / "cz01").string();
  std::ofstream(path) << "\n\t" << line << "\n";
  std::vector<std::string> out;
  for (const auto& sent : read_brown_file(path))
    for (const auto& t : sent) out.push_back(t.raw + "/" + (t.gold == Tag::kUnknown ? "?" : tag_name(t.gold)));
  return out;
}

TEST(SyntaxPerceptron, BrownTagsFollowUdConventions) {
  // Existential "be" is UD's main verb; an auxiliary before it stays one.
  EXPECT_EQ(brown("There/ex is/bez a/at bridge/nn ./.")[1], "is/VERB");
  EXPECT_EQ(brown("There/ex has/hvz been/ben a/at war/nn ./.")[2], "been/VERB");
  // "as" before a noun phrase is a preposition, before a clause a conjunction.
  EXPECT_EQ(brown("known/vbn as/cs a/at leader/nn ./.")[1], "as/ADP");
  EXPECT_EQ(brown("as/cs he/pps said/vbd ./.")[0], "as/SCONJ");
  EXPECT_EQ(brown("countries/nns like/cs Peru/np ./.")[1], "like/ADP");
  // A preposition before a gerund marks a clause.
  EXPECT_EQ(brown("thanks/nns for/in helping/vbg ./.")[1], "for/SCONJ");
  EXPECT_EQ(brown("both/abx men/nns and/cc women/nns ./.")[0], "both/CONJ");
  EXPECT_EQ(brown("so/cs he/pps left/vbd ./.")[0], "so/ADV");
  // Interrogative "who" is a pronoun, relative "who" after a noun REL.
  EXPECT_EQ(brown("asked/vbd who/wps came/vbd ./.")[1], "who/PRON");
  EXPECT_EQ(brown("men/nns who/wps came/vbd ./.")[1], "who/REL");
  // Every other hyphenated word is split as EWT splits it: the last piece
  // keeps the tag, the earlier ones train as context only.
  EXPECT_EQ(brown("a/at well-known/jj and/cc well-known/jj man/nn ./."),
            (std::vector<std::string>{"a/DET", "well-known/ADJ", "and/CONJ", "well/?", "-/PUNCT", "known/ADJ", "man/NOUN",
                                      "./PUNCT"}));
}

TEST(SyntaxPerceptron, CapitalisationClasses) {
  EXPECT_EQ(perceptron::capital_class("war"), 1u);
  EXPECT_EQ(perceptron::capital_class("Kabul"), 2u);
  EXPECT_EQ(perceptron::capital_class("NATO"), 3u);
  EXPECT_EQ(perceptron::capital_class("A"), 4u);
  EXPECT_EQ(perceptron::capital_class("1990"), 0u);
  auto casing = [](const std::vector<std::string>& words) {
    std::vector<perceptron::TokenHashes> h;
    for (const auto& w : words) {
      perceptron::TokenView v;
      v.raw = w;
      v.norm = w;
      h.push_back(perceptron::hash_token(v));
    }
    return perceptron::sentence_casing(h.data(), static_cast<uint32_t>(h.size()));
  };
  EXPECT_EQ(casing({"i", "met", "john", "in", "paris"}), 1u);
  EXPECT_EQ(casing({"I", "met", "John", "in", "the", "park"}), 2u);
  EXPECT_EQ(casing({"Great", "Family", "Fun", "For", "All"}), 3u);
  EXPECT_EQ(casing({"TROOPS", "ENTER", "THE", "CITY"}), 4u);
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
