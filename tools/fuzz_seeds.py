#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz harness (fuzz/CMakeLists.txt) from the
project's own files: tests/data, examples/ and data/dict, plus the
hand-written seeds in fuzz/seeds/<harness>/.  Files larger than a seed
should be are cut at line boundaries into pieces of at most --max-bytes (a
fuzzer mutates small inputs far faster).

usage: fuzz_seeds.py OUT_DIR   (writes OUT_DIR/<harness>/NNN, replacing them)
"""
import argparse
import glob
import os
import shutil
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def files(*patterns):
    out = []
    for p in patterns:
        out.extend(sorted(glob.glob(os.path.join(ROOT, p))))
    return out


def pieces(data, max_bytes):
    """data cut at line ends into pieces of at most max_bytes (a longer line
    is cut where it must be)."""
    if len(data) <= max_bytes:
        return [data]
    out, cur = [], b""
    for line in data.splitlines(keepends=True):
        while len(line) > max_bytes:
            if cur:
                out.append(cur)
                cur = b""
            out.append(line[:max_bytes])
            line = line[max_bytes:]
        if len(cur) + len(line) > max_bytes:
            out.append(cur)
            cur = b""
        cur += line
    if cur:
        out.append(cur)
    return out


def tsv_sentences(path):
    """The sentence column of a tests/data/roots-style TSV, one seed each."""
    out = []
    with open(path, "rb") as f:
        for line in f:
            if line.startswith(b"#"):
                continue
            cols = line.rstrip(b"\n").split(b"\t")
            if len(cols) > 2:
                out.append(cols[2])
    return out


TEXTS = ("tests/data/io/plain.txt", "examples/article.txt")
DICT_KINDS = {
    "verbs": ("tests/data/dict/verbs_*", "tests/data/pipeline/*.verbs.txt",
              "tests/data/dictcheck/*/*.verbs.txt", "data/dict/*.verbs.*.txt"),
    "actors": ("tests/data/dict/actors_*", "tests/data/pipeline/*.actors.txt",
               "tests/data/dictcheck/*/*.actors.txt", "data/dict/*.actors.txt"),
    "agents": ("tests/data/dict/agents_*", "tests/data/pipeline/*.agents.txt",
               "tests/data/dictcheck/*/*.agents.txt", "data/dict/*.agents.txt"),
    "discards": ("tests/data/dict/discards_*", "tests/data/pipeline/*.discards.txt",
                 "tests/data/dictcheck/*/*.discards.txt", "data/dict/*.discards.txt"),
    "issues": ("tests/data/dict/issues_*",),
    "config": ("tests/data/dict/config_*", "tests/data/pipeline/PETR_config.ini",
               "tests/data/dictcheck/*/PETR_config.ini", "data/dict/PETR_config.ini"),
}


def seeds_for(harness, max_bytes):
    """(list of seed byte strings) for one harness."""
    seeds = []

    def add_files(*patterns):
        for path in files(*patterns):
            with open(path, "rb") as f:
                seeds.extend(pieces(f.read(), max_bytes))

    sentences = tsv_sentences(os.path.join(ROOT, "tests/data/roots/sentences.tsv"))
    if harness == "fuzz_io_jsonl":
        add_files("tests/data/io/*.jsonl", "examples/*.jsonl")
    elif harness == "fuzz_io_xml":
        add_files("tests/data/io/*.xml")
    elif harness == "fuzz_io_text":
        add_files(*TEXTS)
    elif harness in ("fuzz_text_sentences", "fuzz_tokens_tokenizer", "fuzz_places"):
        add_files(*TEXTS)
        seeds.extend(sentences)
    elif harness == "fuzz_temporal_dates":
        # Four bytes of document date (native int32), then the text.
        date = struct.pack("=i", 20250806)
        text_seeds = []
        for path in files(*TEXTS):
            with open(path, "rb") as f:
                text_seeds.extend(pieces(f.read(), max_bytes))
        seeds.extend(date + s for s in text_seeds + sentences)
    elif harness.startswith("fuzz_dict_"):
        add_files(*DICT_KINDS[harness[len("fuzz_dict_"):]])
    # Hand-written seeds (the surfaces tests/data has no files for).
    add_files(os.path.join("fuzz/seeds", harness, "*"))
    return seeds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--harnesses", required=True, help="file with one harness name a line")
    ap.add_argument("--max-bytes", type=int, default=4000)
    args = ap.parse_args()
    with open(args.harnesses) as f:
        harnesses = [h.strip() for h in f if h.strip()]
    for h in harnesses:
        seeds = seeds_for(h, args.max_bytes)
        if not seeds:
            sys.exit(f"fuzz_seeds.py: no seeds for {h}")
        d = os.path.join(args.out_dir, h)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        for i, s in enumerate(seeds):
            with open(os.path.join(d, f"{i:04d}"), "wb") as f:
                f.write(s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
