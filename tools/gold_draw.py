#!/usr/bin/env python3
"""Draws new political sentences for the gold set (tests/gold/) by a rule fixed
before the draw, so nobody chooses sentences by what parley does with them.

A candidate is a sentence of 4+ words, not yet in tests/gold/split.tsv, from
Brown A/B (press reportage and editorials, ../shared/corpora/brown) or the UD
treebanks (EWT dev/test, PUD), that contains a word of POLITICAL_WORDS or
starts with one of POLITICAL_STEMS (case-insensitive, whole words).  N Brown
and M UD candidates are drawn at random with the given seed and printed as
"REF<TAB>text" for the annotators (the text stays in ../shared; only refs go
into the slice files).

Usage: tools/gold_draw.py --seed S --brown N --ud M [--shared DIR] > draw.tsv
"""
import argparse
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gold_text import Resolver  # noqa: E402

POLITICAL_WORDS = {
    "government", "governments", "minister", "ministers", "president", "presidents",
    "senator", "senators", "congress", "congressman", "parliament", "legislature",
    "legislators", "police", "policemen", "army", "armies", "troops", "soldiers", "military",
    "court", "courts", "judge", "party", "parties", "union", "unions", "leader", "leaders",
    "official", "officials", "ambassador", "embassy", "diplomat", "diplomats", "talks",
    "treaty", "war", "wars", "vote", "voted", "votes", "election", "elections", "governor",
    "mayor", "rebels", "guerrillas", "strike", "sanctions", "aid", "summit", "ceasefire",
    "cease-fire", "refugees", "prime", "secretary", "state", "nation", "nations", "regime",
}
POLITICAL_STEMS = (
    "negotiat", "protest", "attack", "arrest", "sanction", "accus", "critici", "warn",
    "threat", "demand", "condemn", "denounc", "elect", "invad", "invasion", "bomb",
    "agree", "meet", "visit", "urge", "appeal", "reject", "refus", "promis", "pledg",
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def is_political(text):
    for w in _WORD.findall(text):
        w = w.lower()
        if w in POLITICAL_WORDS or w.startswith(POLITICAL_STEMS):
            return True
    return False


def in_gold(gold_dir):
    refs = set()
    with open(os.path.join(gold_dir, "split.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                refs.add(line.split("\t", 1)[0])
    return refs


def candidates(resolver, taken):
    brown, ud = [], []
    for cat, count in (("a", 44), ("b", 27)):
        for i in range(1, count + 1):
            name = f"c{cat}{i:02d}"
            for n, text in enumerate(resolver.brown_sentences(name), 1):
                ref = f"brown:{name}:{n}"
                if ref not in taken and len(text.split()) >= 4 and is_political(text):
                    brown.append((ref, text))
    resolver.text("ud:w03002055")  # loads the treebanks
    for sent_id, text in sorted(resolver._ud.items()):
        ref = f"ud:{sent_id}"
        if ref not in taken and len(text.split()) >= 4 and is_political(text):
            ud.append((ref, text))
    return brown, ud


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--brown", type=int, required=True)
    ap.add_argument("--ud", type=int, required=True)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--gold", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "gold"))
    args = ap.parse_args()
    resolver = Resolver(args.shared)
    brown, ud = candidates(resolver, in_gold(args.gold))
    rng = random.Random(args.seed)
    picked = rng.sample(brown, min(args.brown, len(brown))) + rng.sample(ud, min(args.ud, len(ud)))
    print(f"# {len(brown)} Brown and {len(ud)} UD candidates; seed {args.seed}", file=sys.stderr)
    for ref, text in picked:
        print(f"{ref}\t{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
