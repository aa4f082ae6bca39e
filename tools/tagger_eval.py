#!/usr/bin/env python3
"""Part-of-speech accuracy of parley's tagger on a UD treebank (default: EWT test).

    python3 tools/tagger_eval.py [--parley build/parley] [--conllu FILE] [--tagger MODE]
                                 [--errors N]

The sentences are fed pre-tokenized (words joined by spaces) to `parley explain`, in batches,
separated by blank lines.  parley's tokens are aligned to the treebank's words over the whole
batch (difflib); a sentence counts as aligned when every one of its words matches one parley
token with the same text.  Only aligned sentences are scored; how many were skipped is
reported.  Sentence boundaries come from parley's own splitter.

Gold tags are the UD tags mapped to parley's Tag set (src/doc/doc.h), following parley's own
conventions where UD differs:
    NOUN->NOUN  PROPN->PROPN  VERB->VERB  AUX->AUX  ADJ->ADJ  ADV->ADV  NUM->NUM
    ADP->ADP (kPrep)  CCONJ->CONJ  SCONJ->SCONJ  SYM->PUNCT  INTJ->ADV  X->NOUN
    PRON->PRON, but possessive determiners (xpos PRP$: my, its, their) -> DET and
          relative pronouns (PronType=Rel: who, which, that) -> REL
    DET->DET, but relative determiners (PronType=Rel: whose, whatever) -> REL
    PART->PART ("to", possessive 's), but negation (not, n't, never) -> ADV
    PUNCT->PUNCT, but quotation marks (" ' ` `` '' and curly quotes) -> QUOTE
The same mapping is used to train the perceptron (src/syntax/perceptron_train.cpp).
"""
import argparse
import collections
import difflib
import os
import subprocess
import sys

QUOTES = {'"', "'", '`', '``', "''", '\u201c', '\u201d', '\u2018', '\u2019'}
NEGATION = {'not', "n't", 'never', 'nt', 'n\u2019t'}


def map_ud(form, upos, xpos, feats):
    rel = 'PronType=Rel' in feats
    if upos == 'PRON':
        if xpos == 'PRP$':
            return 'DET'
        return 'REL' if rel else 'PRON'
    if upos == 'DET':
        return 'REL' if rel else 'DET'
    if upos == 'PART':
        return 'ADV' if form.lower() in NEGATION else 'PART'
    if upos == 'PUNCT':
        return 'QUOTE' if form in QUOTES else 'PUNCT'
    return {'NOUN': 'NOUN', 'PROPN': 'PROPN', 'VERB': 'VERB', 'AUX': 'AUX', 'ADJ': 'ADJ',
            'ADV': 'ADV', 'NUM': 'NUM', 'ADP': 'ADP', 'CCONJ': 'CONJ', 'SCONJ': 'SCONJ',
            'SYM': 'PUNCT', 'INTJ': 'ADV', 'X': 'NOUN'}.get(upos, 'NOUN')


def read_conllu(path):
    sents, cur = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            if line.startswith('#'):
                continue
            cols = line.split('\t')
            if '-' in cols[0] or '.' in cols[0]:
                continue
            cur.append((cols[1], map_ud(cols[1], cols[3], cols[4], cols[5])))
    if cur:
        sents.append(cur)
    return sents


def run_parley(parley, text, tagger):
    cmd = [parley, 'explain', text]
    if tagger:
        cmd += ['--tagger', tagger]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    toks = []
    for line in out.splitlines():
        if not line.startswith('sentence '):
            continue
        body = line.split(':', 1)[1]
        for item in body.split(' '):
            if not item:
                continue
            word, _, tag = item.rpartition('/')
            toks.append((word, tag))
    return toks


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--parley', default=os.path.join(root, 'build', 'parley'))
    ap.add_argument('--conllu', default=os.path.join(root, '..', 'shared', 'treebanks', 'UD_English-EWT',
                                                     'en_ewt-ud-test.conllu'))
    ap.add_argument('--tagger', default='', help='passed to parley explain --tagger')
    ap.add_argument('--batch', type=int, default=150)
    ap.add_argument('--errors', type=int, default=0, help='print the N most frequent confusions')
    a = ap.parse_args()

    sents = read_conllu(a.conllu)
    # Sentences with a space inside a word cannot be fed space-separated.
    usable = [s for s in sents if all(' ' not in w and w for w, _ in s)]
    aligned = correct = total = 0
    confusion = collections.Counter()
    per_tag = collections.Counter()
    per_tag_ok = collections.Counter()
    for start in range(0, len(usable), a.batch):
        batch = usable[start:start + a.batch]
        text = '\n\n'.join(' '.join(w for w, _ in s) for s in batch)
        ptoks = run_parley(a.parley, text, a.tagger)
        gold = [(w, t, si) for si, s in enumerate(batch) for w, t in s]
        sm = difflib.SequenceMatcher(None, [g[0] for g in gold], [p[0] for p in ptoks], autojunk=False)
        match = {}
        for blk in sm.get_matching_blocks():
            for k in range(blk.size):
                match[blk.a + k] = blk.b + k
        ok_sent = [True] * len(batch)
        for gi, g in enumerate(gold):
            if gi not in match:
                ok_sent[g[2]] = False
        for gi, (w, t, si) in enumerate(gold):
            if not ok_sent[si]:
                continue
            pt = ptoks[match[gi]][1]
            total += 1
            per_tag[t] += 1
            if pt == t:
                correct += 1
                per_tag_ok[t] += 1
            else:
                confusion[(t, pt, w.lower())] += 1
        aligned += sum(ok_sent)
    print(f'treebank: {os.path.basename(a.conllu)}  tagger: {a.tagger or "default"}')
    print(f'sentences: {len(sents)}, aligned and scored: {aligned} '
          f'(skipped: {len(sents) - aligned})')
    print(f'tokens scored: {total}, correct: {correct}, accuracy: {100.0 * correct / max(total, 1):.2f}%')
    print('per gold tag: ' + '  '.join(f'{t} {100.0 * per_tag_ok[t] / per_tag[t]:.1f}% ({per_tag[t]})'
                                      for t in sorted(per_tag, key=lambda x: -per_tag[x])))
    if a.errors:
        pairs = collections.Counter()
        for (g, p, w), n in confusion.items():
            pairs[(g, p)] += n
        print('most frequent confusions (gold -> parley):')
        for (g, p), n in pairs.most_common(a.errors):
            words = collections.Counter({w: c for (gg, pp, w), c in confusion.items() if gg == g and pp == p})
            print(f'  {g:>6} -> {p:<6} {n:5d}  ' + ', '.join(f'{w} {c}' for w, c in words.most_common(6)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
