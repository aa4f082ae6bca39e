#!/usr/bin/env python3
"""Writes one long news record, for measuring parley's memory on huge inputs.

    bench/make_long_document.py --mb 50 > long.txt                 # plain text: one document
    bench/make_long_document.py --mb 50 --jsonl --records 2 > long.jsonl

The text is paragraphs built from this file's own sentence templates (no
corpus text): who did what to whom, with quotes, places and dates, so every
stage of the pipeline (actors, verbs, events, quotes, places, deadlines) has
work in every paragraph.  The same arguments always give the same bytes.
"""
import argparse
import json
import random
import sys

ACTORS = ["Russia", "Ukraine", "France", "Germany", "China", "Japan", "Iran", "Israel", "Egypt", "Turkey",
          "the United States", "the European Union", "Brazil", "India", "Pakistan", "Poland"]
LEADERS = ["President Vladimir Putin", "the Ukrainian foreign minister", "the French president",
           "the German chancellor", "the Chinese premier", "the Iranian envoy", "Egyptian officials"]
PLACES = ["Moscow", "Kyiv", "Paris", "Berlin", "Beijing", "Tokyo", "Tehran", "Cairo", "Ankara", "Warsaw"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "on March 4"]
TEMPLATES = [
    "{a} accused {b} of violating the ceasefire near the border {day}.",
    "{a} and {b} signed an agreement on trade in {place} {day}.",
    "{leader} met officials from {b} in {place} to discuss the crisis.",
    "{a} criticized {b} for its decision to expel two diplomats.",
    "Officials in {place} said {a} would send humanitarian aid to {b}.",
    "\"We will not accept these demands,\" {leader} told reporters in {place}.",
    "{a} gave {b} until Friday to withdraw its troops from the region.",
    "{b} rejected the proposal, and talks in {place} ended without a statement.",
    "{a} praised {b} for releasing the detained journalists {day}.",
    "The talks between {a} and {b} are expected to resume next month in {place}.",
]


def paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 7)):
        a, b = rng.sample(ACTORS, 2)
        t = rng.choice(TEMPLATES)
        s = t.format(a=a, b=b, leader=rng.choice(LEADERS), place=rng.choice(PLACES), day=rng.choice(DAYS))
        sentences.append(s[0].upper() + s[1:])
    return " ".join(sentences)


def document(size: int, rng: random.Random) -> str:
    parts, total = [], 0
    while total < size:
        p = paragraph(rng)
        parts.append(p)
        total += len(p) + 2
    return "\n\n".join(parts)[:size].rsplit(" ", 1)[0] + ".\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="size of each record in MB (10^6 bytes)")
    ap.add_argument("--jsonl", action="store_true", help="JSON Lines records instead of one plain-text document")
    ap.add_argument("--records", type=int, default=1, help="records (with --jsonl)")
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    size = int(args.mb * 1_000_000)
    out = sys.stdout
    if not args.jsonl:
        out.write(document(size, rng))
        return 0
    for i in range(args.records):
        record = {"id": f"long-{i + 1}", "date": "2025-08-06", "text": document(size, rng)}
        out.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
