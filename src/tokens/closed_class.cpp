// Hand-written word lists: irregular verbs (WordNet's verb.exc does not tell
// past from participle) and the closed classes, which replace WordNet's
// guesses for function words (WordNet has "a" as a noun, "us" as a noun...).
#include <cstring>

#include "tokens/lexicon_builder.h"

namespace parley {
namespace {

// "BASE PAST PARTICIPLE"; alternatives joined by '/'.
constexpr const char* kIrregularVerbs[] = {
    "ARISE AROSE ARISEN", "AWAKE AWOKE AWOKEN", "BEAR BORE BORNE/BORN", "BEAT BEAT BEATEN",
    "BECOME BECAME BECOME", "BEFALL BEFELL BEFALLEN", "BEGIN BEGAN BEGUN", "BEND BENT BENT",
    "BET BET BET", "BID BID BID", "BIND BOUND BOUND", "BITE BIT BITTEN", "BLEED BLED BLED",
    "BLOW BLEW BLOWN", "BREAK BROKE BROKEN", "BREED BRED BRED", "BRING BROUGHT BROUGHT",
    "BROADCAST BROADCAST BROADCAST", "BUILD BUILT BUILT", "BURN BURNED/BURNT BURNED/BURNT",
    "BURST BURST BURST", "BUY BOUGHT BOUGHT", "CAST CAST CAST", "CATCH CAUGHT CAUGHT",
    "CHOOSE CHOSE CHOSEN", "CLING CLUNG CLUNG", "COME CAME COME", "COST COST COST",
    "CREEP CREPT CREPT", "CUT CUT CUT", "DEAL DEALT DEALT", "DIG DUG DUG", "DRAW DREW DRAWN",
    "DREAM DREAMED/DREAMT DREAMED/DREAMT", "DRINK DRANK DRUNK", "DRIVE DROVE DRIVEN",
    "EAT ATE EATEN", "FALL FELL FALLEN", "FEED FED FED", "FEEL FELT FELT", "FIGHT FOUGHT FOUGHT",
    "FIND FOUND FOUND", "FLEE FLED FLED", "FLING FLUNG FLUNG", "FLY FLEW FLOWN",
    "FORBID FORBADE FORBIDDEN", "FORECAST FORECAST FORECAST", "FORESEE FORESAW FORESEEN",
    "FORGET FORGOT FORGOTTEN", "FORGIVE FORGAVE FORGIVEN", "FREEZE FROZE FROZEN",
    "GET GOT GOT/GOTTEN", "GIVE GAVE GIVEN", "GO WENT GONE", "GRIND GROUND GROUND",
    "GROW GREW GROWN", "HANG HUNG/HANGED HUNG/HANGED", "HEAR HEARD HEARD", "HIDE HID HIDDEN",
    "HIT HIT HIT", "HOLD HELD HELD", "HURT HURT HURT", "KEEP KEPT KEPT", "KNEEL KNELT KNELT",
    "KNOW KNEW KNOWN", "LAY LAID LAID", "LEAD LED LED", "LEAN LEANED/LEANT LEANED/LEANT",
    "LEAP LEAPED/LEAPT LEAPED/LEAPT", "LEAVE LEFT LEFT", "LEND LENT LENT", "LET LET LET",
    "LIE LAY/LIED LAIN/LIED", "LIGHT LIT/LIGHTED LIT/LIGHTED", "LOSE LOST LOST", "MAKE MADE MADE",
    "MEAN MEANT MEANT", "MEET MET MET", "MISLEAD MISLED MISLED", "MISTAKE MISTOOK MISTAKEN",
    "OVERCOME OVERCAME OVERCOME", "OVERRIDE OVERRODE OVERRIDDEN", "OVERRUN OVERRAN OVERRUN",
    "OVERSEE OVERSAW OVERSEEN", "OVERTAKE OVERTOOK OVERTAKEN", "OVERTHROW OVERTHREW OVERTHROWN",
    "PAY PAID PAID", "PROVE PROVED PROVED/PROVEN", "PUT PUT PUT", "QUIT QUIT QUIT",
    "READ READ READ", "REBUILD REBUILT REBUILT", "RID RID RID", "RIDE RODE RIDDEN",
    "RING RANG RUNG", "RISE ROSE RISEN", "RUN RAN RUN", "SAY SAID SAID", "SEE SAW SEEN",
    "SEEK SOUGHT SOUGHT", "SELL SOLD SOLD", "SEND SENT SENT", "SET SET SET", "SHAKE SHOOK SHAKEN",
    "SHED SHED SHED", "SHINE SHONE SHONE", "SHOOT SHOT SHOT", "SHOW SHOWED SHOWN/SHOWED",
    "SHRINK SHRANK SHRUNK", "SHUT SHUT SHUT", "SING SANG SUNG", "SINK SANK SUNK", "SIT SAT SAT",
    "SLAY SLEW SLAIN", "SLEEP SLEPT SLEPT", "SLIDE SLID SLID", "SPEAK SPOKE SPOKEN",
    "SPEED SPED SPED", "SPEND SPENT SPENT", "SPIN SPUN SPUN", "SPLIT SPLIT SPLIT",
    "SPREAD SPREAD SPREAD", "SPRING SPRANG SPRUNG", "STAND STOOD STOOD", "STEAL STOLE STOLEN",
    "STICK STUCK STUCK", "STING STUNG STUNG", "STRIKE STRUCK STRUCK/STRICKEN",
    "STRIVE STROVE STRIVEN", "SWEAR SWORE SWORN", "SWEEP SWEPT SWEPT", "SWIM SWAM SWUM",
    "SWING SWUNG SWUNG", "TAKE TOOK TAKEN", "TEACH TAUGHT TAUGHT", "TEAR TORE TORN",
    "TELL TOLD TOLD", "THINK THOUGHT THOUGHT", "THROW THREW THROWN", "THRUST THRUST THRUST",
    "UNDERGO UNDERWENT UNDERGONE", "UNDERSTAND UNDERSTOOD UNDERSTOOD",
    "UNDERTAKE UNDERTOOK UNDERTAKEN", "UPHOLD UPHELD UPHELD", "UPSET UPSET UPSET",
    "WAKE WOKE WOKEN", "WEAR WORE WORN", "WEEP WEPT WEPT", "WIN WON WON", "WIND WOUND WOUND",
    "WITHDRAW WITHDREW WITHDRAWN", "WITHHOLD WITHHELD WITHHELD", "WITHSTAND WITHSTOOD WITHSTOOD",
    "WRITE WROTE WRITTEN", "BE WAS/WERE BEEN", "HAVE HAD HAD", "DO DID DONE",
};

struct ClosedGroup {
  uint16_t pos;
  bool replace;  // drop what WordNet said about these words
  const char* words;
};

constexpr ClosedGroup kGroups[] = {
    {kPosDet, true,
     "THE A AN THIS THAT THESE THOSE EACH EVERY EITHER NEITHER SOME ANY NO ALL BOTH SEVERAL MANY "
     "MUCH FEW WHAT WHICH WHOSE MY YOUR HIS HER ITS OUR THEIR SUCH ANOTHER"},
    {kPosDet, false, "OTHER ENOUGH"},
    {kPosPrep, true,
     "ABOUT ABOVE ACROSS AFTER AGAINST ALONG ALONGSIDE AMID AMIDST AMONG AMONGST AROUND AT BEFORE "
     "BEHIND BELOW BENEATH BESIDE BESIDES BETWEEN BEYOND BY DESPITE DOWN DURING EXCEPT FOR FROM IN "
     "INTO OF OFF ON ONTO OUT OVER PER SINCE THAN THROUGH THROUGHOUT TILL TO TOWARD TOWARDS UNDER "
     "UNDERNEATH UNLIKE UNTIL UP UPON VIA WITH WITHIN WITHOUT AS BUT AMONGST"},
    {kPosPrep, false, "LIKE NEAR PAST INSIDE OUTSIDE FOLLOWING REGARDING CONCERNING INCLUDING OPPOSITE"},
    {kPosPronoun, true,
     "I ME YOU HE HIM SHE IT WE US THEY THEM MYSELF YOURSELF HIMSELF HERSELF ITSELF OURSELVES "
     "YOURSELVES THEMSELVES YOURS HERS OURS THEIRS SOMEONE SOMEBODY ANYONE ANYBODY EVERYONE "
     "EVERYBODY NOBODY NOTHING SOMETHING ANYTHING EVERYTHING NONE WHO WHOM THERE "
     "THAT THIS THESE THOSE EACH SOME ANY ALL BOTH MANY MUCH FEW WHAT WHICH HIS HER EITHER NEITHER"},
    {kPosPronoun, false, "ONE MINE OTHERS"},
    {kPosAux, true,
     "BE AM IS ARE WAS WERE BEEN BEING HAVE HAS HAD HAVING DO DOES DID DOING DONE WILL WOULD SHALL "
     "SHOULD CAN COULD MAY MIGHT MUST OUGHT WO CA AI 'S 'RE 'VE 'LL 'D 'M"},
    {kPosVerb, true, "BE AM IS ARE WAS WERE BEEN BEING HAVE HAS HAD HAVING DO DOES DID DOING DONE AI"},
    {kPosNoun, true, "WILL CAN MUST"},
    {kPosAdj, true, "DONE MUCH MANY FEW SUCH"},
    {kPosConj, true, "AND OR NOR BUT YET SO BOTH EITHER NEITHER"},
    {kPosSubConj, true,
     "ALTHOUGH THOUGH BECAUSE IF UNLESS WHETHER WHILE WHEREAS WHEN WHENEVER WHERE WHEREVER ONCE AS "
     "AFTER BEFORE SINCE UNTIL TILL THAT THAN SO LEST"},
    {kPosRelPron, true, "WHO WHOM WHICH THAT WHOSE WHERE WHEN"},
    {kPosParticle, true, "TO NOT N'T 'S UP DOWN OUT OFF OVER BACK AWAY"},
    {kPosAdv, true,
     "NOT N'T NEVER NOW THEN HERE THERE VERY TOO ALSO ALREADY STILL JUST ONLY EVEN EVER AGAIN ALWAYS "
     "OFTEN SOON LATER EARLIER HOWEVER THEREFORE THUS MEANWHILE INSTEAD ALMOST NEARLY PERHAPS MAYBE "
     "QUITE RATHER AGO YESTERDAY TODAY TOMORROW TONIGHT ONCE SO AS ABOUT AROUND UP DOWN OUT OFF OVER "
     "BACK AWAY ALL BUT YET NO MUCH WHEN WHERE WHY HOW AFTER BEFORE SINCE IN ON"},
    {kPosNoun, false, "YESTERDAY TODAY TOMORROW TONIGHT WHILE BACK"},
    {kPosNum, false,
     "ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE THIRTEEN FOURTEEN FIFTEEN "
     "SIXTEEN SEVENTEEN EIGHTEEN NINETEEN TWENTY THIRTY FORTY FIFTY SIXTY SEVENTY EIGHTY NINETY "
     "HUNDRED THOUSAND MILLION BILLION TRILLION DOZEN HUNDREDS THOUSANDS MILLIONS BILLIONS DOZENS"},
};

struct FixedForm {
  const char* form;
  const char* lemma;  // "" = none known
  uint8_t forms;
};

constexpr uint8_t kBaseF = 1 << 1, kP3 = 1 << 2, kPastF = 1 << 3, kPart = 1 << 4, kGer = 1 << 5;
static_assert(kBaseF == verb_form_bit(VerbForm::kBase) && kP3 == verb_form_bit(VerbForm::kPresent3) &&
              kPastF == verb_form_bit(VerbForm::kPast) && kPart == verb_form_bit(VerbForm::kPastParticiple) &&
              kGer == verb_form_bit(VerbForm::kGerund));

// Forms of the auxiliaries and contraction pieces, with their exact verb forms.
constexpr FixedForm kFixedForms[] = {
    {"BE", "BE", kBaseF}, {"AM", "BE", kBaseF}, {"ARE", "BE", kBaseF}, {"IS", "BE", kP3},
    {"WAS", "BE", kPastF}, {"WERE", "BE", kPastF}, {"BEEN", "BE", kPart}, {"BEING", "BE", kGer},
    {"HAVE", "HAVE", kBaseF}, {"HAS", "HAVE", kP3}, {"HAD", "HAVE", kPastF | kPart},
    {"HAVING", "HAVE", kGer}, {"DO", "DO", kBaseF}, {"DOES", "DO", kP3}, {"DID", "DO", kPastF},
    {"DONE", "DO", kPart}, {"DOING", "DO", kGer}, {"'RE", "BE", kBaseF}, {"'M", "BE", kBaseF},
    {"'VE", "HAVE", kBaseF}, {"'LL", "WILL", 0}, {"'D", "", 0}, {"'S", "", 0}, {"WO", "WILL", 0},
    {"CA", "CAN", 0}, {"AI", "BE", kBaseF}, {"N'T", "NOT", 0},
};

constexpr const char* kNegations = "NOT N'T NEVER NO";

template <typename F>
void for_each_word(std::string_view list, char sep, F&& f) {
  size_t pos = 0;
  while (pos < list.size()) {
    size_t e = list.find(sep, pos);
    if (e == std::string_view::npos) e = list.size();
    if (e > pos) f(list.substr(pos, e - pos));
    pos = e + 1;
  }
}

}  // namespace

void LexiconBuilder::add_irregular_verbs() {
  for (std::string_view entry : kIrregularVerbs) {
    size_t s1 = entry.find(' '), s2 = entry.find(' ', s1 + 1);
    std::string_view base = entry.substr(0, s1);
    std::string_view past = entry.substr(s1 + 1, s2 - s1 - 1);
    std::string_view part = entry.substr(s2 + 1);
    add(base, kPosVerb, verb_form_bit(VerbForm::kBase), kLexIrregular, base, kRankVerbForm);
    for_each_word(past, '/', [&](std::string_view f) {
      add(f, kPosVerb, verb_form_bit(VerbForm::kPast), 0, base, kRankIrregular);
    });
    for_each_word(part, '/', [&](std::string_view f) {
      add(f, kPosVerb, verb_form_bit(VerbForm::kPastParticiple), 0, base, kRankIrregular);
    });
  }
}

void LexiconBuilder::apply_closed_classes() {
  // First forget WordNet's view of every replaced word, then OR in all the
  // groups, so a word may belong to several (THAT: det, pronoun, subconj ...).
  for (const ClosedGroup& g : kGroups) {
    if (!g.replace) continue;
    for_each_word(g.words, ' ', [&](std::string_view w) {
      LexSlot& s = t_.insert(w);
      s.pos_bits = 0;
      s.verb_forms = 0;
      s.flags = static_cast<uint8_t>((s.flags & ~kLexPluralNoun) | kLexClosedClass);
      s.lemma_rank = 0;
      add(w, 0, 0, 0, {}, kRankClosed);
    });
  }
  for (const ClosedGroup& g : kGroups)
    for_each_word(g.words, ' ', [&](std::string_view w) { add(w, g.pos, 0, 0, {}, 0); });
  for (const FixedForm& f : kFixedForms) {
    LexSlot& s = t_.insert(f.form);
    s.verb_forms = f.forms;
    s.lemma_rank = 0;
    if (*f.lemma) {
      add(f.form, 0, 0, 0, f.lemma, kRankClosed + 1);
    } else {
      s.lemma_len = 0;
      s.lemma_rank = kRankClosed + 1;
    }
  }
  for_each_word(kNegations, ' ', [&](std::string_view w) { add(w, 0, 0, kLexNegation, {}, 0); });
}

}  // namespace parley
