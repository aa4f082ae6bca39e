#!/usr/bin/env python3
"""Resolves gold-set references to the sentence text they point at in ../shared.

The gold set (tests/gold/) never copies a sentence: each record names one by
reference, and this module finds its text, the same text for annotators and for
the scorer.

  brown:FILE:N      the N-th sentence (1-based, non-blank line) of
                    corpora/brown/FILE, detokenised (tags dropped, `` '' -> ")
  ud:SENT_ID        the "# text =" line of that sentence in any of the
                    treebanks/ CoNLL-U files (EWT dev/test, PUD)
  gigaword:ID       the <Text> of the <Sentence id="ID"> record of
                    petrarch/phoenix/GigaWord.sample.PETR.xml

Usage: tools/gold_text.py [--shared DIR] REF...        print "REF<TAB>text"
       tools/gold_text.py [--shared DIR] --list brown:ca01   every sentence of a file
"""
import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET

_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "'", "''", "'s", "n't", "%"}
_NO_SPACE_AFTER = {"``", "(", "$"}


def default_shared():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.environ.get("PARLEY_SHARED_DIR", os.path.join(here, "..", "..", "shared"))


def detokenize_brown(line):
    """Joins Brown word/tag tokens back into running text."""
    out = []
    glue_next = False
    for tok in line.split():
        word = tok.rsplit("/", 1)[0] if "/" in tok else tok
        text = '"' if word in ("``", "''") else word
        if word == "." and out and out[-1].endswith("."):
            continue  # "Jr." ending a sentence carries its own period
        if out and not glue_next and word not in _NO_SPACE_BEFORE:
            out.append(" ")
        out.append(text)
        glue_next = word in _NO_SPACE_AFTER
    return "".join(out)


class Resolver:
    """Loads each source once and answers references."""

    def __init__(self, shared=None):
        self.shared = shared or default_shared()
        self._brown = {}
        self._ud = None
        self._giga = None

    def brown_sentences(self, name):
        if name not in self._brown:
            if not re.fullmatch(r"c[a-r]\d\d", name):
                raise KeyError(f"brown:{name}: not a Brown file name (ca01 … cr09)")
            path = os.path.join(self.shared, "corpora", "brown", name)
            with open(path, encoding="utf-8") as f:
                self._brown[name] = [detokenize_brown(l) for l in f if l.strip()]
        return self._brown[name]

    def _load_ud(self):
        self._ud = {}
        base = os.path.join(self.shared, "treebanks")
        for folder, file in (("UD_English-EWT", "en_ewt-ud-dev.conllu"),
                             ("UD_English-EWT", "en_ewt-ud-test.conllu"),
                             ("UD_English-PUD", "en_pud-ud-test.conllu")):
            sent_id = None
            with open(os.path.join(base, folder, file), encoding="utf-8") as f:
                for line in f:
                    if line.startswith("# sent_id = "):
                        sent_id = line[len("# sent_id = "):].strip()
                    elif line.startswith("# text = ") and sent_id:
                        self._ud[sent_id] = line[len("# text = "):].strip()

    def _load_giga(self):
        self._giga = {}
        path = os.path.join(self.shared, "petrarch", "phoenix", "GigaWord.sample.PETR.xml")
        root = ET.parse(path).getroot()
        for s in root.iter("Sentence"):
            text = s.findtext("Text") or ""
            self._giga[s.get("id")] = " ".join(text.split())

    def text(self, ref):
        kind, _, rest = ref.partition(":")
        if kind == "brown":
            name, _, n = rest.partition(":")
            sents = self.brown_sentences(name)
            i = int(n)
            if not 1 <= i <= len(sents):
                raise KeyError(f"{ref}: {name} has {len(sents)} sentences")
            return sents[i - 1]
        if kind == "ud":
            if self._ud is None:
                self._load_ud()
            if rest not in self._ud:
                raise KeyError(f"{ref}: no such sent_id in the treebanks")
            return self._ud[rest]
        if kind == "gigaword":
            if self._giga is None:
                self._load_giga()
            if rest not in self._giga:
                raise KeyError(f"{ref}: no such Sentence id in the GigaWord sample")
            return self._giga[rest]
        raise KeyError(f"{ref}: unknown reference kind (brown:, ud:, gigaword:)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--list", metavar="brown:FILE", help="print every sentence of a Brown file with its ref")
    ap.add_argument("refs", nargs="*")
    args = ap.parse_args()
    r = Resolver(args.shared)
    status = 0
    if args.list:
        name = args.list.split(":", 1)[1]
        for i, s in enumerate(r.brown_sentences(name), 1):
            print(f"brown:{name}:{i}\t{s}")
    for ref in args.refs:
        try:
            print(f"{ref}\t{r.text(ref)}")
        except (KeyError, ValueError) as e:
            print(f"gold_text: {e}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
