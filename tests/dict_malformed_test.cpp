// Malformed dictionary input: each case names the exact file:line.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "dict/load.h"
#include "support/paths.h"

namespace {

using parley::DictError;
using parley::DictOptions;
using parley::DictPaths;
using parley::Dictionaries;

const std::string kData = parley::test::test_data_path("dict") + "/";

enum Kind { kVerbs, kActors, kAgents, kDiscards, kIssues };

DictPaths paths_for(Kind kind, const std::string& path) {
  DictPaths p;
  switch (kind) {
    case kVerbs: p.verbs = {path}; break;
    case kActors: p.actors = {path}; break;
    case kAgents: p.agents = path; break;
    case kDiscards: p.discards = path; break;
    case kIssues: p.issues = path; break;
  }
  return p;
}

// The DictError message of loading `path` as `kind`, "" if it loads.
std::string load_error(Kind kind, const std::string& path, bool strict = false) {
  DictOptions o;
  o.strict = strict;
  o.on_warning = [](const std::string&) {};
  Dictionaries d;
  try {
    parley::load_dictionaries(paths_for(kind, path), o, d);
  } catch (const DictError& e) {
    EXPECT_EQ(e.file(), path);
    return e.what();
  }
  return "";
}

Dictionaries load_quiet(Kind kind, const std::string& path, std::vector<std::string>& seen) {
  DictOptions o;
  o.on_warning = [&](const std::string& w) { seen.push_back(w); };
  Dictionaries d;
  parley::load_dictionaries(paths_for(kind, path), o, d);
  return d;
}

void expect_error(Kind kind, const std::string& name, int line, const std::string& what) {
  std::string path = kData + name;
  std::string msg = load_error(kind, path);
  std::string where = path + ":" + std::to_string(line) + ": ";
  EXPECT_EQ(msg.rfind(where, 0), 0u) << "got: " << msg;
  EXPECT_NE(msg.find(what), std::string::npos) << "got: " << msg;
}

std::string temp_file(const std::string& name, const std::string& bytes) {
  std::string path = testing::TempDir() + "/parley_dict_" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(DictMalformed, VerbsUnterminatedBlockHeader) {
  expect_error(kVerbs, "verbs_unterminated_header.txt", 4, "unterminated '['");
}

TEST(DictMalformed, VerbsUnknownCode) { expect_error(kVerbs, "verbs_unknown_code.txt", 6, "unknown CAMEO code '999'"); }

TEST(DictMalformed, VerbsCodeWithoutBrackets) {
  expect_error(kVerbs, "verbs_code_without_brackets.txt", 4, "no [CODE]");
}

TEST(DictMalformed, VerbsUnterminatedComment) {
  expect_error(kVerbs, "verbs_unterminated_comment.txt", 3, "unterminated <!-- comment");
}

TEST(DictMalformed, VerbsNestedSynsetMustExist) {
  expect_error(kVerbs, "verbs_bad_nested_synset.txt", 3, "undefined synset '&MISSING'");
}

TEST(DictMalformed, VerbsVerbLineBeforeBlock) {
  expect_error(kVerbs, "verbs_verb_before_block.txt", 1, "before the first verb block");
}

TEST(DictMalformed, VerbsUndefinedSynsetInPatternWarnsOrFailsWhenStrict) {
  std::string path = kData + "verbs_undefined_synset.txt";
  std::vector<std::string> seen;
  Dictionaries d = load_quiet(kVerbs, path, seen);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0], path + ":7: warning: undefined synset &NOPE: pattern skipped");
  EXPECT_EQ(d.warnings, seen);
  ASSERT_EQ(d.verbs.patterns.size(), 2u);  // lines 6 and 8
  EXPECT_EQ(d.verbs.patterns[0].loc.line, 6u);
  EXPECT_EQ(d.verbs.patterns[1].loc.line, 8u);
  std::string strict = load_error(kVerbs, path, true);
  EXPECT_EQ(strict.rfind(path + ":7: undefined synset &NOPE", 0), 0u) << strict;
}

TEST(DictMalformed, VerbsMalformedPatternCodesAreSkippedWithWarnings) {
  std::string path = kData + "verbs_bad_pattern_code.txt";
  std::vector<std::string> seen;
  Dictionaries d = load_quiet(kVerbs, path, seen);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], path + ":3: warning: malformed code [080!]: pattern skipped");
  EXPECT_EQ(seen[1], path + ":4: warning: malformed code []: pattern skipped");
  ASSERT_EQ(d.verbs.patterns.size(), 1u);
  EXPECT_EQ(d.verbs.patterns[0].active.view(), "036");
  EXPECT_EQ(load_error(kVerbs, path, true).rfind(path + ":3: ", 0), 0u);
}

TEST(DictMalformed, VerbsUnbalancedBracketsSkipPattern) {
  std::string path = kData + "verbs_unbalanced.txt";
  std::vector<std::string> seen;
  Dictionaries d = load_quiet(kVerbs, path, seen);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].rfind(path + ":3: warning: ", 0), 0u) << seen[0];
  EXPECT_TRUE(d.verbs.patterns.empty());
}

TEST(DictMalformed, ActorsBadDate) { expect_error(kActors, "actors_bad_date.txt", 5, "bad date '95O601'"); }

TEST(DictMalformed, ActorsDateWithWrongDigitCountSkipsThatCode) {
  std::string path = kData + "actors_bad_date_digits.txt";
  std::vector<std::string> seen;
  Dictionaries d = load_quiet(kActors, path, seen);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].rfind(path + ":4: warning: bad date '9506011'", 0), 0u) << seen[0];
  ASSERT_EQ(d.actors.records.size(), 2u);
  ASSERT_EQ(d.actors.records[1].codes.size(), 1u);
  EXPECT_EQ(d.actors.records[1].codes[0].code, "HOBGOV");
  EXPECT_EQ(load_error(kActors, path, true).rfind(path + ":4: bad date", 0), 0u);
}

TEST(DictMalformed, ActorsEntryWithoutCode) { expect_error(kActors, "actors_no_code.txt", 5, "has no [CODE]"); }
TEST(DictMalformed, ActorsUnterminatedCode) { expect_error(kActors, "actors_unterminated_code.txt", 2, "unterminated '['"); }
TEST(DictMalformed, ActorsBadCode) { expect_error(kActors, "actors_bad_code.txt", 1, "malformed actor code [GO:N]"); }

TEST(DictMalformed, AgentsCodeWithoutTilde) { expect_error(kAgents, "agents_no_tilde.txt", 4, "must be ~CODE"); }
TEST(DictMalformed, AgentsUnterminatedCode) { expect_error(kAgents, "agents_unterminated_code.txt", 2, "unterminated '['"); }
TEST(DictMalformed, AgentsUndefinedSubstitution) {
  expect_error(kAgents, "agents_undefined_set.txt", 3, "undefined substitution set !FOLK!");
}

// Found by fuzz/dict_reader_fuzz.cpp (fuzz_dict_agents): a set member that
// names its own set was expanded again and again, the phrase growing until
// memory ran out (1.8 GB from a 190-byte file).  Members are literal text.
TEST(DictMalformed, AgentsSetMemberNamingItsOwnSetIsLiteral) {
  std::string path = temp_file("agents_self_set.txt",
                               "!KIN! = BROTHER, HALF!KIN!\n"
                               "ELDER!KIN! [~FAM]\n");
  std::vector<std::string> warnings;
  Dictionaries d = load_quiet(kAgents, path, warnings);
  std::vector<std::string> phrases;
  for (const parley::AgentEntry& e : d.agents.entries) {
    std::string phrase;
    for (uint32_t w : e.words) phrase += std::string(phrase.empty() ? "" : " ") + std::string(d.vocab.word(w));
    phrases.push_back(phrase);
  }
  EXPECT_EQ(phrases, (std::vector<std::string>{"ELDERBROTHER", "ELDERHALF!KIN!"}));
  std::remove(path.c_str());
}

TEST(DictMalformed, DiscardsEmptyStoryPhrase) { expect_error(kDiscards, "discards_empty_story.txt", 3, "without a phrase"); }

TEST(DictMalformed, IssuesUnterminatedCode) { expect_error(kIssues, "issues_unterminated_code.txt", 3, "unterminated '['"); }
TEST(DictMalformed, IssuesUnknownTag) { expect_error(kIssues, "issues_bad_tag.txt", 3, "unexpected tag '<TOPIC>'"); }
TEST(DictMalformed, IssuesFirstPhraseWithoutCode) { expect_error(kIssues, "issues_no_code.txt", 1, "without [CODE]"); }

// "v:a+v:b+...": each part has four spellings, so a word of n parts stands
// for 4^n phrases; the limit is checked before they are built (a fuzzer's
// 85-byte file took 0.7 s and 80 MB).
TEST(DictMalformed, IssuesExpansionIsBoundedBeforeItIsBuilt) {
  std::string word = "v:a";
  for (int i = 0; i < 12; ++i) word += "+v:b";
  const std::string path = temp_file("issues_expansion.txt", "PEACE [P]\n" + word + " " + word + " [Q]\n");
  const auto start = std::chrono::steady_clock::now();
  const std::string msg = load_error(kIssues, path);
  EXPECT_NE(msg.find(path + ":2: "), std::string::npos) << msg;
  EXPECT_NE(msg.find("too many phrases"), std::string::npos) << msg;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  // Two words of three spellings each multiply within the limit.
  EXPECT_EQ(load_error(kIssues, temp_file("issues_small.txt", "n:talk+v:hold n:deal [Q]\n")), "");
}

// Few phrases of many words cost as much as many short ones: a line is
// bounded by the words it expands to, and a long line is read in linear
// time (fuzz_dict_issues: 315 bytes took over a second when every partial
// phrase was copied once per word).
TEST(DictMalformed, IssuesExpansionIsBoundedInWords) {
  std::string many;
  for (int i = 0; i < 40; ++i) many += "a+b ";  // 2 variants each: 2^40 phrases
  std::string long_phrase;
  for (int i = 0; i < 20000; ++i) long_phrase += "w ";
  std::string wide = "x";
  for (int i = 0; i < 20000; ++i) wide += "+y";
  for (const std::string& line : {many, long_phrase, wide}) {
    const std::string path = temp_file("issues_words.txt", "PEACE [P]\n" + line + "[Q]\n");
    const auto start = std::chrono::steady_clock::now();
    const std::string msg = load_error(kIssues, path);
    EXPECT_NE(msg.find(path + ":2: "), std::string::npos) << msg.substr(0, 200);
    EXPECT_NE(msg.find("too many"), std::string::npos) << msg.substr(0, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  }
  // 256 phrases of 8 words each are within both limits.
  std::string fine;
  for (int i = 0; i < 8; ++i) fine += "a+b ";
  EXPECT_EQ(load_error(kIssues, temp_file("issues_fine.txt", fine + "[Q]\n")), "");
}

// What one line stands for: every spelling of every word, each '+' word
// both as separate words and hyphen-joined, in every combination.
TEST(DictMalformed, IssuesExpansionListsEveryPhraseOnce) {
  std::vector<std::string> seen;
  Dictionaries d = load_quiet(kIssues, temp_file("issues_expand.txt", "n:talk+hold n:deal [Q]\n"), seen);
  std::set<std::string> phrases;
  for (const auto& e : d.issues) {
    std::string p;
    for (uint32_t w : e.words) p += (p.empty() ? "" : " ") + std::string(d.vocab.word(w));
    phrases.insert(p);
    EXPECT_EQ(e.code, "Q");
  }
  EXPECT_EQ(d.issues.size(), 8u);
  EXPECT_EQ(phrases, (std::set<std::string>{"TALK HOLD DEAL", "TALK HOLD DEALS", "TALK-HOLD DEAL", "TALK-HOLD DEALS",
                                            "TALKS HOLD DEAL", "TALKS HOLD DEALS", "TALKS-HOLD DEAL",
                                            "TALKS-HOLD DEALS"}));
}

TEST(DictMalformed, EmptyFileEveryKind) {
  std::string path = temp_file("empty.txt", "");
  std::string blank = temp_file("blank.txt", "  \n\t\n");
  for (Kind k : {kVerbs, kActors, kAgents, kDiscards, kIssues}) {
    EXPECT_EQ(load_error(k, path), path + ":1: file is empty");
    EXPECT_EQ(load_error(k, blank), blank + ":1: file is empty");
  }
}

TEST(DictMalformed, InvalidUtf8NamesLineAndColumn) {
  std::string path = temp_file("badutf8.txt", "GONDOR [GON]\nROHAN [ROH]\nMOR\xff" "DOR [MOR]\n");
  for (Kind k : {kVerbs, kActors, kAgents, kDiscards, kIssues})
    EXPECT_EQ(load_error(k, path), path + ":3: invalid UTF-8 (byte 0xFF at column 4)");
  std::string truncated = temp_file("truncutf8.txt", "GONDOR [GON]\nCAF\xc3");
  EXPECT_EQ(load_error(kActors, truncated), truncated + ":2: invalid UTF-8 (byte 0xC3 at column 4)");
  std::string overlong = temp_file("overlong.txt", "A [B]\n\xc0\xaf [C]\n");
  EXPECT_EQ(load_error(kActors, overlong), overlong + ":2: invalid UTF-8 (byte 0xC0 at column 1)");
  std::string fine = temp_file("goodutf8.txt", "S\xc3\x83O_PAULO_ [BRA]\n");
  EXPECT_EQ(load_error(kActors, fine), "");
}

TEST(DictMalformed, NulByte) {
  std::string path = temp_file("nul.txt", std::string("GONDOR [GON]\n\nRO\0HAN [ROH]\n", 26));
  for (Kind k : {kVerbs, kActors, kAgents, kDiscards, kIssues})
    EXPECT_EQ(load_error(k, path), path + ":3: NUL byte in the text");
}

TEST(DictMalformed, HugeLineAndMissingFile) {
  std::string path = temp_file("hugeline.txt", "GONDOR [GON]\n" + std::string(70000, 'A') + " [X]\n");
  std::string msg = load_error(kActors, path);
  EXPECT_EQ(msg.rfind(path + ":2: line longer than", 0), 0u) << msg;
  std::string missing = testing::TempDir() + "/parley_dict_does_not_exist.txt";
  std::string m = load_error(kVerbs, missing);
  EXPECT_EQ(m.rfind(missing + ":0: cannot open", 0), 0u) << m;
}

TEST(DictMalformed, NothingIsLoadedOnError) {
  Dictionaries d;
  d.files.push_back("sentinel");
  DictPaths p;
  p.actors = {kData + "actors_no_code.txt"};
  EXPECT_THROW(parley::load_dictionaries(p, DictOptions{}, d), DictError);
  ASSERT_EQ(d.files.size(), 1u);
  EXPECT_EQ(d.files[0], "sentinel");
}

TEST(DictConfig, ResolvesNamesAgainstTheIniFolder) {
  parley::DictPaths p = parley::read_config(kData + "config_good.ini");
  ASSERT_EQ(p.verbs.size(), 2u);
  EXPECT_EQ(p.verbs[0], kData + "verbs_a.txt");
  EXPECT_EQ(p.verbs[1], kData + "sub/verbs_b.txt");
  ASSERT_EQ(p.actors.size(), 2u);
  EXPECT_EQ(p.actors[0], kData + "a.txt");
  EXPECT_EQ(p.actors[1], "/abs/b.txt");
  EXPECT_EQ(p.agents, kData + "ag.txt");
  EXPECT_EQ(p.discards, kData + "d.txt");
  EXPECT_EQ(p.issues, "");
  DictOptions o;
  parley::read_config_options(kData + "config_good.ini", o);
  EXPECT_FALSE(o.require_dyad);
  EXPECT_EQ(o.new_actor_length, 0);
  EXPECT_EQ(o.comma_max, 9);
  EXPECT_EQ(o.comma_min, 2);  // absent: unchanged
}

TEST(DictConfig, Malformed) {
  auto error_of = [](const std::string& name, bool options) -> std::string {
    try {
      if (options) {
        DictOptions o;
        parley::read_config_options(kData + name, o);
      } else {
        parley::read_config(kData + name);
      }
    } catch (const DictError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error_of("config_no_verbs.ini", false), kData + "config_no_verbs.ini:1: [Dictionaries] has no verbfile_name");
  EXPECT_EQ(error_of("config_bad_line.ini", false).rfind(kData + "config_bad_line.ini:4: expected 'key = value'", 0), 0u);
  EXPECT_EQ(error_of("config_bad_int.ini", true), kData + "config_bad_int.ini:2: comma_min: expected an integer, got 'two'");
  // Not implemented, so refused where it is set rather than ignored.
  EXPECT_EQ(error_of("config_new_actors.ini", true),
            kData + "config_new_actors.ini:3: " + parley::kNewActorLengthUnsupported);
}

}  // namespace
