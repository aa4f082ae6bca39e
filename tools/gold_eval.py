#!/usr/bin/env python3
"""Scores parley against the gold dev set (tests/gold/).

Resolves every gold reference to its text in ../shared (tools/gold_text.py),
codes them all with `parley code` in one run (default dictionaries unless
--dicts), and compares events sentence by sentence.

Matching: within a sentence, gold and parley events pair one to one on the
CAMEO root; among candidates, pairs that also agree on the full code, then on
source and target, are taken first.  Identical (source, target, code) triples
count once on each side.

Reported:
  root recall     matched gold events / gold events
  precision       matched parley events / parley events (the root is right)
  F1              of the two
  exact recall    matched pairs with the same full code / gold events
  source, target  accuracy of the matched pairs' actor codes (exact code; and
                  on the first three characters, the country or IGO/--- part)
  silent          no-event gold sentences on which parley emitted nothing

Usage:
  tools/gold_eval.py [--split tune|check|all] [--parley build/parley]
                     [--dicts DIR] [--show errors|all] [--roots]
                     [--drop-one-sided]
                     [--min-f1 N] [--min-precision N] [--min-silent N]
The --min-* options make it a test: exit 1 with a message when a figure falls
below its floor.  Look at sentences (--show) on the tune half only.
"""
import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gold_text import Resolver  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLD_DIR = os.path.join(ROOT, "tests", "gold")


def load_split(gold_dir):
    split = {}
    path = os.path.join(gold_dir, "split.tsv")
    if not os.path.exists(path):
        return split
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 2 or parts[1] not in ("tune", "check"):
                raise SystemExit(f"{path}:{n}: expected REF<TAB>tune|check")
            split[parts[0]] = parts[1]
    return split


def load_gold(gold_dir):
    records = []
    seen = set()
    for path in sorted(glob.glob(os.path.join(gold_dir, "slice-*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise SystemExit(f"{path}:{n}: {e}")
                ref = rec.get("ref")
                if not ref or "events" not in rec:
                    raise SystemExit(f"{path}:{n}: a record needs \"ref\" and \"events\"")
                if ref in seen:
                    raise SystemExit(f"{path}:{n}: {ref} annotated twice")
                seen.add(ref)
                for ev in rec["events"]:
                    for k in ("source", "target", "code"):
                        if not isinstance(ev.get(k), str) or not ev[k]:
                            raise SystemExit(f"{path}:{n}: {ref}: event without a {k}")
                rec["_where"] = f"{os.path.basename(path)}:{n}"
                records.append(rec)
    return records


def run_parley(parley, dicts, records, resolver, drop_one_sided=False, tagger=None):
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "gold.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for rec in records:
                doc = {"id": rec["ref"], "text": resolver.text(rec["ref"])}
                if rec.get("date"):
                    doc["date"] = rec["date"]
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        cmd = [parley, "code", inp]
        if dicts:
            cmd += ["--dicts", dicts]
        if tagger:
            cmd += ["--tagger", tagger]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"gold_eval: {' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr}")
    events = collections.defaultdict(set)
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        if rec.get("type") != "event" or (drop_one_sided and rec.get("one_sided")):
            continue
        events[rec["id"]].add((rec["source"], rec["target"], rec["code"]))
    return events


def match(gold, got):
    """Pairs gold and parley triples one to one on the root, best pairs first."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(got):
            if g[2][:2] != s[2][:2]:
                continue
            cands.append(((g[2] == s[2]) * 4 + (g[0] == s[0]) * 2 + (g[1] == s[1]), gi, si))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_s, pairs = set(), set(), []
    for _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gold[gi], got[si]))
    return pairs


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("tune", "check", "all"), default="tune")
    ap.add_argument("--parley", default=os.path.join(ROOT, "build", "parley"))
    ap.add_argument("--dicts", default=None)
    ap.add_argument("--tagger", default=None, help="parley's --tagger (rules, perceptron, perceptron-only)")
    ap.add_argument("--gold", default=GOLD_DIR)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--show", choices=("errors", "all"), default=None,
                    help="print sentences with gold and parley events")
    ap.add_argument("--roots", action="store_true", help="per-root recall and precision")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--drop-one-sided", action="store_true",
                    help="score as a user who drops events flagged one_sided")
    ap.add_argument("--min-f1", type=float, default=None)
    ap.add_argument("--min-precision", type=float, default=None)
    ap.add_argument("--min-silent", type=float, default=None)
    args = ap.parse_args()

    resolver = Resolver(args.shared)
    shared = resolver.shared
    if not os.path.isdir(shared):
        raise SystemExit(f"gold_eval: {shared}: ../shared is missing; the gold set points into it")
    if not os.path.exists(args.parley):
        raise SystemExit(f"gold_eval: {args.parley}: no parley binary (build it first)")
    split = load_split(args.gold)
    records = load_gold(args.gold)
    if args.split != "all":
        missing = [r["ref"] for r in records if r["ref"] not in split]
        if missing:
            raise SystemExit(f"gold_eval: {len(missing)} refs have no half in split.tsv "
                             f"(run tools/gold_split.py): {missing[:3]}")
        records = [r for r in records if split[r["ref"]] == args.split]
    if not records:
        raise SystemExit("gold_eval: no gold records")
    if args.show and args.split == "check":
        raise SystemExit("gold_eval: --show is for the tune half; the check half is only measured")

    got_by_ref = run_parley(args.parley, args.dicts, records, resolver, args.drop_one_sided, args.tagger)

    n_gold = n_got = n_match = n_exact = n_src = n_tgt = n_src3 = n_tgt3 = 0
    silent_total = silent_ok = 0
    per_root = collections.defaultdict(lambda: [0, 0, 0])  # gold, got, matched
    for rec in records:
        gold = sorted({(e["source"], e["target"], e["code"]) for e in rec["events"]})
        got = sorted(got_by_ref.get(rec["ref"], set()))
        pairs = match(gold, got)
        n_gold += len(gold)
        n_got += len(got)
        n_match += len(pairs)
        for g, s in pairs:
            n_exact += g[2] == s[2]
            n_src += g[0] == s[0]
            n_tgt += g[1] == s[1]
            n_src3 += g[0][:3] == s[0][:3]
            n_tgt3 += g[1][:3] == s[1][:3]
            per_root[g[2][:2]][2] += 1
        for g in gold:
            per_root[g[2][:2]][0] += 1
        for s in got:
            per_root[s[2][:2]][1] += 1
        if not gold:
            silent_total += 1
            silent_ok += not got
        wrong = len(pairs) != len(gold) or len(pairs) != len(got) or any(g != s for g, s in pairs)
        if args.show == "all" or (args.show == "errors" and wrong):
            print(f"{rec['ref']}  ({rec['_where']})\n  {resolver.text(rec['ref'])}")
            print("  gold: " + ("; ".join(" ".join(g) for g in gold) or "(none)"))
            print("  got:  " + ("; ".join(" ".join(s) for s in got) or "(none)"))

    recall = pct(n_match, n_gold)
    precision = pct(n_match, n_got)
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    figures = {
        "split": args.split, "sentences": len(records), "gold_events": n_gold, "parley_events": n_got,
        "matched": n_match, "root_recall": round(recall, 1), "precision": round(precision, 1),
        "f1": round(f1, 1), "exact_code_recall": round(pct(n_exact, n_gold), 1),
        "source_accuracy": round(pct(n_src, n_match), 1), "target_accuracy": round(pct(n_tgt, n_match), 1),
        "source_country_accuracy": round(pct(n_src3, n_match), 1),
        "target_country_accuracy": round(pct(n_tgt3, n_match), 1),
        "no_event_sentences": silent_total, "silent": round(pct(silent_ok, silent_total), 1),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"gold {args.split}{' (one-sided events dropped)' if args.drop_one_sided else ''}: {len(records)} sentences, {n_gold} gold events, {n_got} parley events, "
              f"{n_match} matched on the root")
        print(f"  root recall {figures['root_recall']:.1f}%  precision {figures['precision']:.1f}%  "
              f"F1 {figures['f1']:.1f}")
        print(f"  exact-code recall {figures['exact_code_recall']:.1f}%  source accuracy "
              f"{figures['source_accuracy']:.1f}% (country {figures['source_country_accuracy']:.1f}%)  "
              f"target accuracy {figures['target_accuracy']:.1f}% (country {figures['target_country_accuracy']:.1f}%)")
        print(f"  no-event sentences silent: {silent_ok}/{silent_total} ({figures['silent']:.1f}%)")
    if args.roots:
        print("  root  gold  parley  matched  recall  precision")
        for root in sorted(per_root):
            g, s, m = per_root[root]
            print(f"  {root}    {g:4d}  {s:6d}  {m:7d}  {pct(m, g):5.1f}%  {pct(m, s):8.1f}%")

    failures = []
    # Floors compare the figures as printed (one decimal).
    for name, floor, value in (("F1", args.min_f1, figures["f1"]), ("precision", args.min_precision,
                               figures["precision"]), ("silent", args.min_silent, figures["silent"])):
        if floor is not None and value + 1e-9 < floor:
            failures.append(f"{name} {value:.1f} is below the floor {floor:.1f}")
    if failures:
        print("gold_eval: FAILED: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
