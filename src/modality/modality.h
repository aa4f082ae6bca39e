// parley/modality: how an event is asserted, and the deadlines a text sets.
//
// Owns EventModality / ModalityAnalyzer (per event) and Deadline /
// DeadlineFinder (per document).  Inputs are what the pipeline already has:
// the parsed Doc, the events of a sentence, the per-sentence SentenceActors,
// and optionally the document's quotes (quotes/).
//
// Event flags (rules in conditions.cpp and modality.cpp):
//   negated      the verb group is negated ("did not agree"), or the coder said so
//   conditional  an if/unless/provided/as-long-as clause governs the event: the
//                event's clause before a trailing "if …" ("threatened sanctions
//                … if Russia did not agree to a ceasefire"), or the main clause
//                after a leading "If …," — or the event is inside that clause
//                (in_condition).  The condition's tokens and text are kept.
//   hypothetical would / could / might / may / should / can in the verb group
//   future       will / shall / 'll, "going to", "plans / intends / aims /
//                is set / is expected / is due / is about to / is ready / willing /
//                determined / eager / keen to" + verb, and
//                "threatens / wants / hopes / seeks / offers to" + verb; a
//                bare verb coordinated with such an infinitive or a modal's
//                verb shares its flags ("is to give a speech and meet X")
//   reported     the event is someone else's words: inside a direct quote,
//                the complement of a speech or report verb ("Reuters reports
//                that …", "officials say …"), followed by an attribution
//                (", the minister said"), or under "according to X".
//
// Deadlines: see DeadlineFinder below.  Both classes are built once and are
// safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "actors/actors.h"
#include "doc/doc.h"
#include "events/events.h"
#include "quotes/quotes.h"
#include "tokens/lexicon.h"

namespace parley {

struct EventModality {
  bool negated = false;
  bool conditional = false;
  bool in_condition = false;     // the event is itself the condition ("if Russia agrees")
  bool hypothetical = false;
  bool future = false;
  bool reported = false;

  int32_t condition_begin = -1;  // tokens of the condition clause, marker included
  int32_t condition_end = -1;
  std::string condition;         // "if Russia did not agree to a ceasefire"

  int32_t modal = -1;            // token of would/could/will … ; -1 none
  int32_t report_verb = -1;      // token of the speech/report verb or of "according"
  int32_t reporter_begin = -1;   // tokens of who reports ("Reuters", "officials")
  int32_t reporter_end = -1;
};

class ModalityAnalyzer {
 public:
  explicit ModalityAnalyzer(const Lexicon& lexicon) : lexicon_(lexicon), speech_(lexicon) {}

  // event.sentence selects the sentence.  `quotes` (optional) are the
  // document's quotes from QuoteFinder: an event inside one is reported.
  EventModality analyse(const Doc& doc, const Event& event, const std::vector<Quote>* quotes = nullptr) const;

 private:
  const Lexicon& lexicon_;
  QuoteFinder speech_;  // for its speech-verb test only
};

// A deadline or ultimatum the text reports.
struct Deadline {
  uint32_t sentence = 0;
  uint32_t trigger = 0;                  // token: "deadline", "ultimatum", "gave" or "has"
  uint32_t evidence_begin = 0;           // tokens of the evidence, e.g. "a critical
  uint32_t evidence_end = 0;             //   August 8 ceasefire deadline set by President Donald Trump"

  int32_t setter_begin = -1, setter_end = -1;   // who set it (tokens), code and text
  std::string setter, setter_code;

  int32_t target_begin = -1, target_end = -1;   // on whom; may lie in another sentence
  std::string target, target_code;
  bool target_inferred = false;          // found in another sentence by the topic rule

  int32_t date = 0;                      // YYYYMMDD resolved against Doc::date; 0 unknown
  int32_t date_begin = -1, date_end = -1;
  std::string date_text;                 // "August 8", "50-day", "Friday"

  int32_t topic_begin = -1, topic_end = -1;     // about what: "ceasefire", "reach a deal"
  std::string topic;
};

// Finds deadlines: the nouns "deadline" / "ultimatum" with what modifies them
// ("a critical August 8 ceasefire deadline set by President Donald Trump",
// "Trump's 50-day deadline for Russia", "an ultimatum expiring on Friday"),
// "gave / granted X until DATE (to …)" / "gave X N days to …", and
// "X has / have / had until DATE (to …)" / "X has N days to …" (X, the
// subject, is the target; the setter is not named there).
//
// Dates: month-day without a year is the next such day on or after the
// document date; a weekday likewise; "N days/weeks", "N-day" count from the
// document date; an explicit year is kept.  Unknown document date: only
// dates with a year resolve.
//
// Target rule: "for/on/to X" after the noun, the indirect object of "gave
// X", or the subject of "X has until"; otherwise, when the deadline has a topic noun ("ceasefire"),
// the nearest other clause in the document that mentions that noun after a
// verb and has an actor before that verb — a different actor than the
// setter — supplies it ("… if Russia did not agree to a ceasefire": RUS),
// with target_inferred = true.
class DeadlineFinder {
 public:
  explicit DeadlineFinder(const Lexicon& lexicon) : lexicon_(lexicon) {}

  void find(const Doc& doc, const std::vector<SentenceActors>& actors_per_sentence,
            std::vector<Deadline>& out) const;

 private:
  const Lexicon& lexicon_;
};

}  // namespace parley
