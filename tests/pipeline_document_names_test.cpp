// A person a document introduces with a title or a description keeps that
// code when the story names them alone later (actors.h: DocumentNames).
// Sentences written for this test.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/default_dict_test.h"

namespace parley {
namespace {

class DocumentNamesTest : public test::DefaultDictTest {
 protected:
  std::vector<std::string> code(const std::string& text) {
    return events_of(text, Split::kDocument, OneSided::kUnmarked);
  }
};

// "Acting Judge Maria Talbot ... Talbot criticized": the surname alone is the
// judge the first sentence introduced.
TEST_F(DocumentNamesTest, SurnameTakesTheTitleOfItsIntroduction) {
  auto v = code("Acting Judge Maria Talbot fined the company on Monday. Talbot criticized the mayor for the delay.");
  EXPECT_TRUE(has(v, "---JUD ---GOV 111")) << joined(v);
}

// A description with a country ("Kenyan opposition leader") gives the full code.
TEST_F(DocumentNamesTest, DescriptionWithACountryGivesTheFullCode) {
  auto v = code("Kenyan opposition leader Samuel Otieno arrived in Nairobi. Otieno accused the government of fraud.");
  EXPECT_TRUE(has_prefix(v, "KENOPP KENGOV 112")) << joined(v);
}

// Only within one document: a new record does not know the earlier story's
// names, and a name no mention introduced stays unlisted.
TEST_F(DocumentNamesTest, NamesDoNotCrossDocuments) {
  code("Acting Judge Maria Talbot fined the company on Monday.");
  auto v = code("Police said Talbot criticized the mayor for the delay.");
  EXPECT_FALSE(has_prefix(v, "---JUD")) << joined(v);
  EXPECT_TRUE(has(v, "--- ---GOV 111")) << joined(v);
}

// A capitalised run that modifies a noun is not a person's name
// ("Kenyan Talbot Street"), so nothing is remembered from it.
TEST_F(DocumentNamesTest, ANameThatModifiesANounIsNotRemembered) {
  auto v = code("Kenyan police closed Talbot Street on Monday. Talbot criticized the mayor for the delay.");
  EXPECT_FALSE(has_prefix(v, "KENCOP ---GOV 111")) << joined(v);
}

}  // namespace
}  // namespace parley
