// Training data readers and the trainer of the perceptron tagger.
#pragma once

#include <string>
#include <vector>

#include "doc/doc.h"

namespace parley {

class Lexicon;

struct TrainToken {
  std::string raw;
  std::string norm;
  uint16_t pos_bits = 0;
  Tag gold = Tag::kUnknown;
};
using TrainSentence = std::vector<TrainToken>;

// UD CoNLL-U, UPOS mapped to parley's tags (tools/tagger_eval.py documents the mapping).
std::vector<TrainSentence> read_conllu(const std::string& path);
// One Brown corpus file (word/tag tokens), Brown tags mapped to parley's;
// contractions and possessives split the way parley's tokenizer splits them.
std::vector<TrainSentence> read_brown_file(const std::string& path);
// Fills norm and pos_bits as parley's tokenizer would.
void annotate(std::vector<TrainSentence>& sents, const Lexicon& lex);

struct TrainOptions {
  std::string shared_dir = "../shared";
  std::string out = "data/tagger/model.txt";
  std::string wordnet_dir = "/usr/share/wordnet";
  int iterations = 6;
  float prune = 0.2f;   // drop averaged weights smaller than this (0.05 gave the same accuracy, a bigger file)
  int ud_weight = 10;   // EWT dev and PUD sentences count this many times
  // For error analysis without EWT test: leave out the EWT dev sentences whose
  // index % hold_out_folds == hold_out (none when hold_out < 0).
  int hold_out = -1;
  bool adapt = true;  // shared + per-corpus feature copies (perceptron_train.cpp, Trainer)
  int hold_out_folds = 5;
};
// Trains on Brown + EWT dev + PUD and writes the model; prints progress to stderr.
int train_tagger(const TrainOptions& opt);
// Accuracy of a model on a CoNLL-U file with its own tokenization; with
// fold >= 0 only the sentences whose index % folds == fold (a held-out part).
int eval_tagger(const std::string& model, const std::string& conllu, const std::string& wordnet_dir, int fold = -1,
                int folds = 5);

}  // namespace parley
