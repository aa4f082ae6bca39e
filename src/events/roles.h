// Subject and object finding over the shallow parse (internal to events/).
//
// subject_of() walks left from a verb group: over adverbs, prepositional
// phrases ("Arnor on Thursday signed"), comma-enclosed parentheticals
// ("Osgiliath, the state's fiercest foe, could"), into infinitive chains
// ("Arnor is about to restore"), across relative pronouns to their antecedent,
// back to the first verb of a coordination ("condemned ... and promised"), and
// through subject pronouns to the actor they most likely stand for.
// object_of() walks right to the first actor group, stopping where a new
// clause or a coordinated verb begins.
#pragma once

#include <cstdint>

#include "actors/actors.h"
#include "doc/doc.h"

namespace parley {

// Both return an index into actors.groups, or -1.
int32_t subject_of(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t verb_chunk, int depth = 0);
int32_t object_of(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t from_token);
// Where the clause of the verb ending before `from_token` ends for its
// objects: the first word at which object_of() stops looking, or the
// sentence's end.  Verb patterns find their actors after the verb before it.
uint32_t object_clause_end(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t from_token);
// "threatened sanctions on Russia and penalties targeting India": the next
// object joined to `object` by "and" without a verb of its own, or -1.
int32_t next_coordinated_object(const Doc& doc, uint32_t sentence, const SentenceActors& actors, int32_t object);
// The group after "by" in a passive clause ("was greeted at the airport by X").
int32_t passive_agent_of(const Doc& doc, uint32_t sentence, const SentenceActors& actors, uint32_t from_token);

}  // namespace parley
