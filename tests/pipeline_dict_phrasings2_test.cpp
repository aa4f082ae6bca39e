// More of how news phrases events, as parley's default dictionaries (data/dict)
// code them: verb families and light-verb constructions checked against the
// CAMEO codebook rules (../shared/cameo/cameo_rules.jsonl), and phrasings that
// must stay silent or keep another code.  Sentences written for this test; each
// family is shown on more than one member so that a single entry cannot pass it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "support/default_dict_test.h"

namespace parley {
namespace {

class DictPhrasings2Test : public test::DefaultDictTest {
 protected:
  // Events as "SOURCE TARGET CODE" (" one-sided" appended when flagged).
  std::vector<std::string> code(const std::string& text) {
    return events_of(text, Split::kDocument, OneSided::kMarked);
  }
  // The CAMEO roots (first two digits) of the events of `text`.
  std::vector<std::string> roots(const std::string& text) {
    std::vector<std::string> out;
    for (const std::string& e : code(text)) {
      const std::string triple = e.substr(0, e.find(" one-sided"));
      out.push_back(triple.substr(triple.rfind(' ') + 1, 2));
    }
    return out;
  }
};

using Events = std::vector<std::string>;

// A bare CALL names, phones or convenes; only calling ON somebody or FOR
// something is an appeal (02).  Name-calling with a rebuke word is criticism
// (111).
TEST_F(DictPhrasings2Test, BareCallIsNoAppeal) {
  EXPECT_EQ(code("The French government called the Russian claims absurd."), (Events{"FRAGOV RUS 111"}));
  EXPECT_EQ(code("The French government called the Russian claims baseless."), (Events{"FRAGOV RUS 111"}));
  EXPECT_EQ(code("The Kenyan opposition called the Ugandan election undemocratic."), (Events{"KENOPP UGA 111"}));
  EXPECT_EQ(roots("The Egyptian minister called the Ethiopian dam plan a provocation."), (Events{"11"}));
  // Praise words are not taken after a bare CALL: they match too far away
  // ("Albanians who call themselves Communists ... their Chinese friends").
  EXPECT_TRUE(code("Kenyans who call themselves democrats need the support of their Ugandan friends.").empty());
  // Calling somebody with no naming word and no phone is no event.
  EXPECT_TRUE(code("The French president called the Chinese leader.").empty());
  // Appeals stay appeals.
  EXPECT_EQ(code("Iran called for a truce with Iraq."), (Events{"IRN IRQ 0256"}));
  EXPECT_EQ(roots("The UN called on Iran to free the prisoners."), (Events{"02"}));
  EXPECT_EQ(roots("Egypt encouraged Israel to resume talks."), (Events{"02"}));
  // And a phone call stays a consultation.
  EXPECT_EQ(code("The French president called the Chinese leader by phone."), (Events{"FRAGOV CHN 041"}));
}

// A verbal attack (personal, scathing, blistering ...) is criticism (111),
// whatever light verb carries it; a plain attack stays an assault (19).
// "Try" is an attempt, coded by what was tried, or a trial; a summons'
// patterns ("over", an ambassador) are not its.
TEST_F(DictPhrasings2Test, TryIsAnAttemptOrATrial) {
  EXPECT_TRUE(code("Japan will try to win orders from Korean shipyards over the years.").empty());
  EXPECT_EQ(code("Gunmen tried to kill the Iraqi minister."), (Events{"IRQUAF IRQGOV 185"}));
  EXPECT_EQ(code("The Egyptian court tried the rebels in absentia."), (Events{"EGYJUD EGYREB 173"}));
  EXPECT_EQ(code("Iran summoned the British ambassador over the remarks."), (Events{"IRN GBRGOV 114"}));
}

TEST_F(DictPhrasings2Test, VerbalAttacksAreCriticism) {
  EXPECT_EQ(code("The Kenyan opposition leader made a personal attack on the president."),
            (Events{"KENOPP KENGOV 111"}));
  EXPECT_EQ(roots("The senator launched a scathing attack on the Iranian government."), (Events{"11"}));
  EXPECT_EQ(code("The Iranian president mounted a blistering attack on Saudi Arabia."), (Events{"IRNGOV SAU 111"}));
  EXPECT_EQ(roots("Rebels mounted an attack on the Malian army."), (Events{"19"}));
  EXPECT_EQ(roots("The Syrian army launched an attack on the rebels."), (Events{"19"}));
}

// Booing, jeering, scoffing and the rarer slander verbs are criticism.
TEST_F(DictPhrasings2Test, DerisionAndSlanderAreCriticism) {
  EXPECT_EQ(roots("Protesters booed the Iranian foreign minister."), (Events{"11"}));
  EXPECT_EQ(code("Russia scoffed at the British accusations."), (Events{"RUS GBR 111"}));
  EXPECT_EQ(code("The Iranian president maligned Israel."), (Events{"IRNGOV ISR 111"}));
  EXPECT_EQ(code("The Turkish minister slandered the Greek prime minister."), (Events{"TURGOV GRCGOV 111"}));
  EXPECT_EQ(roots("The Kenyan opposition impugned the motives of the Ugandan government."), (Events{"11"}));
  EXPECT_EQ(roots("The Chinese ambassador remonstrated with the Japanese government."), (Events{"11"}));
  EXPECT_EQ(roots("The Iranian president lashed back at Israel."), (Events{"11"}));
  // A defamation suit is a lawsuit, not the slander.
  EXPECT_EQ(roots("The Kenyan president filed a defamation suit against the newspaper."), (Events{"11"}));
  EXPECT_EQ(code("The Kenyan president filed a defamation suit against the newspaper."), (Events{"KENGOV KENMED 115"}));
}

// A protest is lodged or registered with an actor: an official complaint
// (114); registering voters or profits is none.
TEST_F(DictPhrasings2Test, RegisteredProtestsAreComplaints) {
  EXPECT_EQ(code("Poland registered a protest with Belarus."), (Events{"POL BLR 114"}));
  EXPECT_EQ(code("Japan registered a strong protest with China."), (Events{"JPN CHN 114"}));
  EXPECT_TRUE(code("The Kenyan party registered new voters.").empty());
  EXPECT_TRUE(code("The Kenyan company registered record profits.").empty());
}

// CAMEO 116's usage note: a person found guilty and detained is coded 173.
// A prison or jail term is detention, and so is a sentence to death (the
// condemned is held; gold README: 173 arrest/detain/sentence).
TEST_F(DictPhrasings2Test, PrisonSentencesAreDetention) {
  EXPECT_EQ(code("A Chinese court sentenced the dissident to ten years in prison."), (Events{"CHNJUD CHNOPP 173"}));
  EXPECT_EQ(code("An Iranian court sentenced the British professor to six months in jail."),
            (Events{"IRNJUD GBREDU 173"}));
  EXPECT_EQ(code("The Turkish court sent the journalist to prison."), (Events{"TURJUD TURMED 173"}));
  EXPECT_EQ(code("The Russian court sentenced the activist to death."), (Events{"RUSJUD RUSOPP 173"}));
  // A fine is a ruling (116), a sentence imposed is detention (173).
  EXPECT_EQ(code("The Turkish court imposed a fine on the newspaper."), (Events{"TURJUD TURMED 116"}));
  EXPECT_EQ(code("The Turkish court imposed a prison sentence on the journalist."), (Events{"TURJUD TURMED 173"}));
}

// Forces that clash with protesters repress them (175); protesters who clash
// with the police riot (145); protesters who come out against Y protest (141).
TEST_F(DictPhrasings2Test, ClashesWithProtestersAreRepression) {
  EXPECT_EQ(code("Kenyan police clashed with protesters in Nairobi."), (Events{"KENCOP KENOPP 175"}));
  EXPECT_EQ(code("Government forces clashed with Tunisian rioters in the square."), (Events{"TUNMIL TUNOPP 175"}));
  EXPECT_EQ(code("Protesters clashed with Kenyan police in Nairobi."), (Events{"KENOPP KENCOP 145"}));
  EXPECT_EQ(code("Syrian troops clashed with the rebels."), (Events{"SYRMIL ---REB 190", "---REB SYRMIL 190"}));  // both fight
  EXPECT_EQ(code("Hundreds of demonstrators came out against the Kenyan government."), (Events{"KENOPP KENGOV 141"}));
  EXPECT_EQ(roots("Thousands of Iraqi students came out in protest against the US troops."), (Events{"14"}));
  // A politician coming out against a plan criticises it.
  EXPECT_EQ(roots("The Kenyan opposition leader came out against the Ugandan plan."), (Events{"11"}));
}

// Police, prosecutors and investigators who question a person investigate
// (091); anybody questioning a decision disapproves of it (11).
TEST_F(DictPhrasings2Test, QuestioningByInvestigatorsIsAnInvestigation) {
  EXPECT_EQ(code("Kenyan prosecutors questioned the Ugandan minister."), (Events{"KENJUD UGAGOV 091"}));
  EXPECT_EQ(code("Russian investigators grilled the Ukrainian journalist."), (Events{"RUS UKRMED 091"}));
  EXPECT_EQ(roots("Kenyan police questioned the Ugandan suspects."), (Events{"09"}));
  EXPECT_EQ(code("France questioned the Russian decision."), (Events{"FRA RUS 110"}));
  // Opposing is no questioning, whoever opposes.
  EXPECT_EQ(roots("Prosecutors opposed bail for the Kenyan minister."), (Events{"11"}));
}

// Praising Y FOR an act is the praise; the act named after FOR does not
// recode it (the hosting itself is still Y's own event).
TEST_F(DictPhrasings2Test, PraiseForAnActStaysPraise) {
  EXPECT_EQ(code("The UN commended Kenya for hosting refugees."), (Events{"IGOUNO KEN 051", "KEN ---REF 075"}));
  EXPECT_EQ(code("The Kenyan president thanked Uganda for its support."), (Events{"KENGOV UGA 051"}));
  EXPECT_EQ(code("Kenya welcomed the Somali refugees."), (Events{"KEN SOMREF 075"}));
}

// Receiving a thing is no visit (043): verdicts, papers, funds, injuries.
// Receiving an actor is, and is also the visitor's visit (042, linked).
TEST_F(DictPhrasings2Test, ReceivedThingsAreNoVisit) {
  EXPECT_TRUE(code("The Kenyan minister received the verdict without emotion.").empty());
  EXPECT_TRUE(code("The Ugandan police received the indictment papers from Kenyan detectives.").empty());
  EXPECT_TRUE(code("The Kenyan senator received federal funds for the project.").empty());
  EXPECT_EQ(code("The Kenyan president received the Ugandan foreign minister."),
            (Events{"KENGOV UGAGOV 043", "UGAGOV KENGOV 042"}));
}

// Attacking a problem is tackling it; attacking a policy is criticism.
TEST_F(DictPhrasings2Test, AttackingAProblemIsNoEvent) {
  EXPECT_TRUE(code("The Indian government is attacking the problem of poverty.").empty());
  EXPECT_TRUE(code("The Kenyan government attacked the unemployment question.").empty());
  EXPECT_EQ(code("The Kenyan opposition attacked the government's budget."), (Events{"KENOPP KENGOV 111"}));
}

// Sitting in a place is no protest; staging a sit-in is.
TEST_F(DictPhrasings2Test, SittingInIsNoProtest) {
  EXPECT_TRUE(code("The Kenyan senator sat in the front row of the chamber.").empty());
  EXPECT_TRUE(code("The Ghanaian minister was sitting in the Ugandan parliament.").empty());
  EXPECT_EQ(roots("Kenyan students staged a sit-in at the Ugandan embassy."), (Events{"14"}));
}

// "Y faced / drew / received criticism" names the criticised side even when
// the critics go unnamed: a one-sided 111 (RECEIVE coded it a visit).
TEST_F(DictPhrasings2Test, CriticismWithoutItsAuthorIsOneSided) {
  EXPECT_EQ(code("The Kenyan president faced criticism over the decision."), (Events{"--- KENGOV 111 one-sided"}));
  EXPECT_EQ(code("The Kenyan president has received criticism for his handling of the crisis."),
            (Events{"--- KENGOV 111 one-sided"}));
  EXPECT_EQ(code("The Kenyan president drew criticism for the decision."), (Events{"--- KENGOV 111 one-sided"}));
  // With the critics named, they are the source.
  EXPECT_EQ(code("The Kenyan president drew criticism from Uganda."), (Events{"UGA KENGOV 111"}));
}

// Declining to name or identify is declining comment (011), not a rejection
// (12); with nobody addressed it stays silent.
TEST_F(DictPhrasings2Test, DecliningToNameIsNoRejection) {
  EXPECT_TRUE(code("The Kenyan police declined to name the suspects.").empty());
  EXPECT_TRUE(code("The Ugandan ministry declined to identify the victims.").empty());
  EXPECT_EQ(roots("The Palestinian president declined the Israeli invitation."), (Events{"12"}));
}

// Advising Y to act, or against a step, is a recommendation (02); advising Y
// that something is so only informs.
TEST_F(DictPhrasings2Test, AdvisingToActIsAnAppeal) {
  EXPECT_EQ(code("The attorney general advised the Kenyan police to enforce the law."), (Events{"KENGOV KENCOP 020"}));
  EXPECT_EQ(roots("The Egyptian minister counselled Sudan to accept the deal."), (Events{"02"}));
  EXPECT_TRUE(code("The attorney general advised the Kenyan police that the law was valid.").empty());
}

// Ceding territory or power to Y is a yielding (08).
TEST_F(DictPhrasings2Test, CedingIsYielding) {
  EXPECT_EQ(code("Spain ceded Florida to the United States."), (Events{"ESP USA 080"}));
  EXPECT_EQ(roots("The Kenyan president ceded power to the Ugandan army."), (Events{"08"}));
}

// Phrasings of ordinary prose that look like events and are none.
TEST_F(DictPhrasings2Test, OrdinaryPhrasingsStaySilent) {
  // Sitting down in a chair is no meeting; sitting down with Y is.
  EXPECT_TRUE(code("The Kenyan president sat down in his chair.").empty());
  EXPECT_EQ(code("The Kenyan president sat down with the Ugandan leader."), (Events{"KENGOV UGA 040"}));
  // Speaking no English is no rejection; saying no to a proposal is.
  EXPECT_TRUE(code("The Ugandan minister spoke no English.").empty());
  EXPECT_EQ(roots("Russia said no to the American proposal."), (Events{"12"}));
  // Taking a view is an opinion, not a seizure.
  EXPECT_TRUE(code("Kenyan citizens took the view that the Ugandan police had failed.").empty());
  // Begging the question is a figure of speech; begging Y for help an appeal.
  EXPECT_TRUE(code("The Kenyan senator begged the question.").empty());
  EXPECT_EQ(roots("The Kenyan president begged Uganda for help."), (Events{"02"}));
}

// "Y met (stiff) opposition" is disapproval of Y by unnamed others.
TEST_F(DictPhrasings2Test, MetOppositionIsOneSidedDisapproval) {
  EXPECT_EQ(code("The Kenyan president met unanimous opposition."), (Events{"--- KENGOV 110 one-sided"}));
  EXPECT_EQ(code("The Kenyan president met the Ugandan leader."), (Events{"KENGOV UGA 040"}));
}

// Light-verb objects that must follow the verb: a word of the same form
// later in the sentence is no evidence ("gave some idea of events in X" is no
// giving in; "held that ... removed from the ground" no holding of ground).
TEST_F(DictPhrasings2Test, LightVerbObjectsFollowTheVerb) {
  EXPECT_TRUE(code("The Kenyan minister gave some idea of the events in Uganda.").empty());
  EXPECT_EQ(roots("The Kenyan government gave in to Ugandan demands."), (Events{"08"}));
  EXPECT_TRUE(code("The Kenyan High Court held that the Ugandan company must pay for the minerals removed from the ground.")
                  .empty());
  EXPECT_EQ(code("Ukrainian troops held their ground against the Russian army."), (Events{"UKRMIL RUSMIL 190"}));
  EXPECT_TRUE(code("Kenyan senators returning from recess heeded the Ugandan president's call.").empty());
}

// Figures of speech and non-person objects of event verbs.
TEST_F(DictPhrasings2Test, FiguresOfSpeechAreNoEvents) {
  EXPECT_TRUE(code("The Kenyan church will hold its annual parade on Monday.").empty());
  EXPECT_EQ(roots("North Korea held a military parade."), (Events{"15"}));
  EXPECT_TRUE(code("Kenyan senators are beating the drums to put the Ugandan unions under the law.").empty());
  EXPECT_EQ(roots("Kenyan police beat the Ugandan protesters."), (Events{"17"}));
  EXPECT_TRUE(code("The US released more radiation than Russia.").empty());
  EXPECT_EQ(code("Israel released 150 Palestinian prisoners."), (Events{"ISR PSE 0841"}));
}

// Gathering is a protest only for protesters or when it is to protest.
TEST_F(DictPhrasings2Test, GatheringIsAProtestOnlyForProtesters) {
  EXPECT_TRUE(code("The Kenyan minister gathered a few citizens of the Ugandan town.").empty());
  EXPECT_TRUE(code("Evidence gathered by the Kenyan police showed the crime.").empty());
  EXPECT_EQ(roots("Protesters gathered outside the Ugandan embassy."), (Events{"14"}));
  EXPECT_EQ(roots("Thousands of Kenyans gathered in Nairobi to protest against the government."), (Events{"14"}));
}

// Requiring is a demand when an actor requires another to act; what a law,
// a child or an assembly requires is none.
TEST_F(DictPhrasings2Test, RequiringIsADemandOnlyOfAnActor) {
  EXPECT_TRUE(code("A Kenyan child probably requires some form of treatment.").empty());
  EXPECT_TRUE(code("The Kenyan law requires that a licensed official be present.").empty());
  EXPECT_EQ(roots("The UN required Iraq to destroy its weapons."), (Events{"10"}));
  EXPECT_EQ(roots("The IMF required Greece to adopt reforms."), (Events{"10"}));
}

// Colloquial criticism verbs of news copy; trashing a building is a riot.
TEST_F(DictPhrasings2Test, ColloquialCriticismVerbs) {
  EXPECT_EQ(code("Republicans bashed the Kenyan president."), (Events{"USAPTY KENGOV 111"}));
  EXPECT_EQ(code("Democrats trashed the Iranian deal."), (Events{"USAPTY IRN 111"}));
  EXPECT_EQ(roots("The senator took potshots at the Chinese government."), (Events{"11"}));
  EXPECT_EQ(code("Kenyan rioters trashed the Ugandan embassy."), (Events{"KENOPP UGAGOV 145"}));
}

// Impeaching an official is legal action against them (115).
TEST_F(DictPhrasings2Test, ImpeachmentIsLegalAction) {
  EXPECT_EQ(code("The Kenyan parliament impeached the president."), (Events{"KENLEG KENGOV 115"}));
  EXPECT_EQ(roots("The Brazilian congress voted to impeach the president."), (Events{"11"}));
  EXPECT_TRUE(code("The Kenyan company filed its tax returns.").empty());
}

// Travel phrasings: landing in, leaving for, leading a delegation to Y.
// Leading anything else (a race, to a result) is no visit.
TEST_F(DictPhrasings2Test, TravelPhrasingsAreVisits) {
  EXPECT_EQ(code("The Kenyan foreign minister led a delegation to Uganda."), (Events{"KENGOV UGA 042"}));
  EXPECT_EQ(code("The Kenyan president landed in Kampala."), (Events{"KENGOV UGA 042"}));
  EXPECT_EQ(code("The Kenyan president left for Uganda."), (Events{"KENGOV UGA 042"}));
  EXPECT_EQ(roots("Kenyan troops landed in Somalia."), (Events{"15"}));
  EXPECT_TRUE(code("The Kenyan runner led the race in Uganda.").empty());
}

// Disengaging from an area is a military retreat (0874).
TEST_F(DictPhrasings2Test, DisengagementIsRetreat) {
  EXPECT_EQ(code("Israel disengaged from Gaza."), (Events{"ISR PSE 0874"}));
  EXPECT_EQ(roots("The Ethiopian army disengaged from the Eritrean border town."), (Events{"08"}));
}

// A plan is put forward; a plan mentioned later in the sentence is not.
TEST_F(DictPhrasings2Test, PlansArePutForward) {
  EXPECT_EQ(code("The Kenyan president put forward a plan for peace with Uganda."), (Events{"KENGOV UGA 030"}));
  EXPECT_TRUE(code("The Kenyan officials put the program under the new system despite the Ugandan plan.").empty());
  EXPECT_TRUE(code("Kenyan officials put the money into the Ugandan peace plan.").empty());
}

// Patching up relations and reconciling with Y improve relations (050);
// patching a road or reconciling accounts does not.
TEST_F(DictPhrasings2Test, ReconciliationIsDiplomaticCooperation) {
  EXPECT_EQ(code("Japan patched up relations with South Korea."), (Events{"JPN KOR 050"}));
  EXPECT_EQ(code("The Kenyan president reconciled with the Ugandan opposition leader."), (Events{"KENGOV UGAOPP 050"}));
  EXPECT_TRUE(code("The Kenyan workers patched up the road.").empty());
  EXPECT_TRUE(code("The Kenyan accountant reconciled the accounts.").empty());
}

// Dying is no event; dying at someone's hands is their force against the dead.
TEST_F(DictPhrasings2Test, DeathAtTheHandsOfAnActorIsItsForce) {
  EXPECT_EQ(code("Thirty Kenyan protesters died at the hands of Ugandan soldiers."), (Events{"UGAMIL KENOPP 190"}));
  EXPECT_EQ(code("Two Kenyan aid workers met a violent death at the hands of Somali soldiers."),
            (Events{"SOMMIL KENNGO 190"}));
  EXPECT_TRUE(code("The Kenyan minister died on Tuesday.").empty());
}

// A fine is a legal penalty with no detention: 116 (its usage note).
TEST_F(DictPhrasings2Test, AFineIsALegalPenalty) {
  EXPECT_EQ(code("The Kenyan high court fined the Ugandan company."), (Events{"KENJUD UGABUS 116"}));
  EXPECT_EQ(code("The Ugandan company was fined by a Kenyan court."), (Events{"KENJUD UGABUS 116"}));
  EXPECT_TRUE(code("The Kenyan minister said the weather was fine.").empty());
}

// "Bring lawsuit against" is 115's own name; what else is brought is no event.
TEST_F(DictPhrasings2Test, BringingASuitOrChargesIsLegalAction) {
  EXPECT_EQ(code("The Kenyan union brought a suit against the Ugandan company."), (Events{"KENLAB UGABUS 115"}));
  EXPECT_EQ(code("Kenyan prosecutors brought charges against the Ugandan minister."), (Events{"KENJUD UGAGOV 115"}));
  EXPECT_EQ(code("A suit was brought against the Ugandan company by the Kenyan union."), (Events{"KENLAB UGABUS 115"}));
  EXPECT_TRUE(code("The Kenyan minister brought gifts for the Ugandan president.").empty());
  EXPECT_TRUE(code("The rains brought floods to Kenya.").empty());
}

// Unions strike as workers do: a threat to strike is a threat of protest
// (133), not of a military strike (1384).
TEST_F(DictPhrasings2Test, UnionsThreatenALabourStrike) {
  EXPECT_EQ(code("Kenyan unions threaten to strike."), (Events{"KENLAB --- 133 one-sided"}));
  EXPECT_EQ(code("Kenyan unions went on strike."), (Events{"KENLAB --- 143 one-sided"}));
  EXPECT_EQ(code("Kenya threatened to strike Uganda."), (Events{"KEN UGA 1384"}));
}

// Taken to jail or prison is arrested; taken to hospital is not.
TEST_F(DictPhrasings2Test, TakenToJailIsArrest) {
  EXPECT_EQ(code("Kenyan police took the Ugandan suspect to jail."), (Events{"KENCOP UGA 173"}));
  EXPECT_TRUE(code("The Kenyan minister was taken to hospital.").empty());
}

// Repelling an attack is fighting it off; rejecting or refusing one is a
// refusal (the patterns for attacks live with REPEL, not with REJECT).
TEST_F(DictPhrasings2Test, RepellingAnAttackIsFightingRejectingItIsNot) {
  EXPECT_EQ(code("Kenyan troops repelled an attack by Somali militants."), (Events{"KENMIL SOMINS 190"}));
  for (const std::string& e : code("The Kenyan president rejected an attack on Somali bases."))
    EXPECT_FALSE(e.ends_with(" 190")) << e;
  EXPECT_EQ(code("Kenya rejected Ugandan offensives."), (Events{"KEN UGA 120"}));
  // Pressing offensives is still fighting (PRESS keeps its own patterns).
  EXPECT_EQ(code("Kenyan troops pressed their offensives against the rebels."), (Events{"KENMIL ---REB 190"}));
}

// Paying tribute to someone commends them (051); homage is a symbolic act.
TEST_F(DictPhrasings2Test, PayingTributeIsPraise) {
  EXPECT_EQ(code("The Kenyan president paid tribute to the Ugandan army."), (Events{"KENGOV UGAMIL 051"}));
  EXPECT_EQ(code("The Kenyan president paid homage to the Ugandan army."), (Events{"KENGOV UGAMIL 017"}));
}

// What was presented says what was done: evidence against Y accuses Y, a
// plan proposes, demands demand, an award honours.
TEST_F(DictPhrasings2Test, WhatWasPresentedSaysWhatWasDone) {
  EXPECT_EQ(code("Kenya presented evidence against Uganda."), (Events{"KEN UGA 112"}));
  EXPECT_EQ(code("The Kenyan president presented a peace plan to Uganda."), (Events{"KENGOV UGA 030"}));
  EXPECT_EQ(code("Kenyan students presented a list of demands to the government."), (Events{"KENEDU KENGOV 100"}));
  EXPECT_EQ(code("The Kenyan president presented a medal to Ugandan soldiers."), (Events{"KENGOV UGAMIL 051"}));
  EXPECT_TRUE(code("The Kenyan minister presented the budget.").empty());
}

// Troops moving into a place occupy it, as troops entering it do; anyone
// else moving into a house does nothing political.
TEST_F(DictPhrasings2Test, TroopsMovingIntoAPlaceOccupyIt) {
  EXPECT_EQ(code("Kenyan troops moved into the town of Kismayo."), (Events{"KENMIL SOM 192"}));
  EXPECT_EQ(code("Kenyan troops moved into most of Kismayo."), (Events{"KENMIL SOM 192"}));
  EXPECT_TRUE(code("The Kenyan president moved into a new house.").empty());
}

// Occupying land is military occupation, a building a protest; obstructing
// is neither (OCCUPY has its own block).
TEST_F(DictPhrasings2Test, OccupyingIsNotObstructing) {
  EXPECT_EQ(code("Kenyan troops occupied Kismayo."), (Events{"KENMIL SOM 192"}));
  EXPECT_EQ(code("Kenyan protesters occupied the parliament."), (Events{"KENOPP KENLEG 144"}));
  for (const std::string& e : code("Kenyan troops stayed and often obstructed U.N. efforts."))
    EXPECT_FALSE(e.ends_with(" 192")) << e;
}

// Demonstrating that something is so shows it; demonstrating is protest.
TEST_F(DictPhrasings2Test, DemonstratingThatIsNoProtest) {
  EXPECT_EQ(code("Kenyan students demonstrated against the Ugandan embassy."), (Events{"KENEDU UGAGOV 141"}));
  EXPECT_TRUE(code("Kenya demonstrated that Uganda was wrong.").empty());
}

// An item joined to the verb ("*_&MZMETFATE": met the competition, met its
// target) may stand after the adverbs that follow the verb.
TEST_F(DictPhrasings2Test, AJoinedItemMayFollowAnAdverb) {
  EXPECT_TRUE(code("Kenyan firms met successfully the competition of Uganda.").empty());
  EXPECT_TRUE(code("Kenyan firms met the competition of Uganda.").empty());
  EXPECT_EQ(code("The Kenyan president met the Ugandan president."), (Events{"KENGOV UGAGOV 040"}));
}

}  // namespace
}  // namespace parley
