#!/usr/bin/env python3
"""Assigns each gold reference to the tune or the check half, once.

Each ref's half comes from a hash of the ref (SHA-1, even → tune, odd →
check), stratified by nothing: the draw is blind to the annotation.  Refs
already in tests/gold/split.tsv keep their half (the split is made once; new
annotations are added, never re-drawn); refs no longer annotated are dropped.

Usage: tools/gold_split.py [--gold DIR]
"""
import argparse
import hashlib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gold_eval import GOLD_DIR, load_gold, load_split  # noqa: E402


def half(ref):
    return "tune" if hashlib.sha1(ref.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=GOLD_DIR)
    args = ap.parse_args()
    old = load_split(args.gold)
    refs = [r["ref"] for r in load_gold(args.gold)]
    rows = [(ref, old.get(ref) or half(ref)) for ref in refs]
    path = os.path.join(args.gold, "split.tsv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("# gold ref<TAB>half: made once by tools/gold_split.py; tune on 'tune', measure on 'check'\n")
        for ref, h in rows:
            f.write(f"{ref}\t{h}\n")
    counts = {h: sum(1 for _, x in rows if x == h) for h in ("tune", "check")}
    added = sum(1 for ref in refs if ref not in old)
    print(f"{path}: {counts['tune']} tune, {counts['check']} check ({added} new)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
