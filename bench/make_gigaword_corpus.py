#!/usr/bin/env python3
"""Replicates the <Text> of the PETRARCH GigaWord sample into a JSON Lines
corpus of at least N sentences (one sentence per sample record), for
bench/run_bench.sh.  Usage: make_gigaword_corpus.py SAMPLE.xml N OUT.jsonl"""
import json
import re
import sys

sample, wanted, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
xml = open(sample, encoding="utf-8").read()
texts = []
for m in re.finditer(r"<Sentence\b([^>]*)>(.*?)</Sentence>", xml, re.S):
    t = re.search(r"<Text>(.*?)</Text>", m.group(2), re.S)
    d = re.search(r'date\s*=\s*"(\d{8})"', m.group(1))
    if t and t.group(1).strip():
        texts.append((" ".join(t.group(1).split()), d.group(1) if d else "20080801"))
with open(out, "w", encoding="utf-8") as f:
    n = 0
    while n < wanted:
        for text, date in texts:
            f.write(json.dumps({"id": f"gw{n}", "date": date, "text": text}) + "\n")
            n += 1
            if n >= wanted:
                break
print(f"{n} records ({len(texts)} distinct sample sentences) -> {out}")
