#!/usr/bin/env python3
"""Syntax checker and CAMEO coverage report for parley verb dictionaries.

Usage:
  tools/verb_coverage_m-z.py data/dict/parley.verbs.m-z.txt
      check the file, list the CAMEO codes it covers and those it does not
  tools/verb_coverage_m-z.py data/dict/parley.verbs.m-z.txt data/dict/parley.verbs.a-l.txt
      check both files and list the codes that NEITHER covers, plus verb forms
      and synonym sets defined in both files

Options: --codes PATH (default: ../shared/cameo/cameo_codes.tsv or /work/shared/...),
         --quiet (only errors and the coverage summary), --list (print covered codes)
Exit status 1 on syntax errors. Written for parley, MIT licence. Not needed at run time.
"""
import os, re, sys
from collections import defaultdict

SEP = '####### VERB PATTERNS #######'
CODE_RE = r'\[([0-9]{2,4}|---)(?::([0-9]{2,4}|---))?\]'
BLOCK_RE = re.compile(r'^---\s+(\S+)\s+' + CODE_RE + r'\s+---\s*(#.*)?$')
VERB_RE = re.compile(r'^([^\s{}\[\]#]+)\s*(\{[^{}]*\})?\s*(' + CODE_RE + r')?\s*(#.*)?$')
PAT_RE = re.compile(r'^-\s+(.*?)\s*' + CODE_RE + r'\s*(#.*)?$')
SETREF_RE = re.compile(r'&[A-Z0-9_]+')
WORD_OK = re.compile(r"^[A-Z0-9+_\-'.&]+$")


def load_codes(path):
    codes = {}
    for i, line in enumerate(open(path, encoding='utf-8')):
        parts = line.rstrip('\n').split('\t')
        if i == 0 or len(parts) < 3:
            continue
        codes[parts[0]] = parts[2]
    return codes


def check(path, codes, errors, warnings):
    info = {'sets': {}, 'blocks': [], 'forms': defaultdict(list), 'used': defaultdict(list),
            'patterns': 0, 'verblines': 0, 'setrefs': []}
    lines = open(path, encoding='utf-8').read().split('\n')
    if not lines or not lines[0].startswith('#'):
        errors.append(f'{path}:1: file must start with a comment header')
    in_sets, cur_set, cur_block = True, None, None

    def err(n, msg):
        errors.append(f'{path}:{n}: {msg}')

    def use(code, where):
        if code is None:
            return
        if code != '---' and code not in codes:
            err(where[0], f'unknown CAMEO code {code}')
        info['used'][code].append(where)

    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if raw != raw.upper() and not raw.lstrip().startswith('#'):
            body = raw.split('#', 1)[0]
            if body != body.upper():
                err(n, 'not upper case')
        if line == SEP:
            if not in_sets:
                err(n, 'second separator line')
            in_sets = False
            continue
        if not line or line.startswith('#'):
            continue
        if in_sets:
            if line.startswith('&'):
                name = line.split('#')[0].strip()
                if not re.match(r'^&[A-Z0-9_]+$', name):
                    err(n, f'bad set name {name!r}')
                if name in info['sets']:
                    err(n, f'set {name} defined twice')
                cur_set = name.rstrip('_')
                info['sets'][cur_set] = []
            elif line.startswith('+'):
                if cur_set is None:
                    err(n, 'set member before any set name')
                    continue
                mem = line.split('#')[0].strip()[1:]
                if not WORD_OK.match(mem):
                    err(n, f'bad set member {mem!r}')
                if mem in info['sets'][cur_set]:
                    warnings.append(f'{path}:{n}: duplicate member {mem} in {cur_set}')
                info['sets'][cur_set].append(mem)
            else:
                err(n, f'unexpected line in synonym-set section: {line[:40]!r}')
            continue
        if line.startswith('---'):
            m = BLOCK_RE.match(line)
            if not m:
                err(n, f'bad block header: {line[:60]!r}')
                cur_block = None
                continue
            cur_block = {'head': m.group(1), 'code': m.group(2), 'line': n, 'verbs': 0, 'pats': 0}
            info['blocks'].append(cur_block)
            use(m.group(2), (n, 'block ' + m.group(1)))
            use(m.group(3), (n, 'block ' + m.group(1)))
            continue
        if cur_block is None:
            err(n, 'line outside any block')
            continue
        if line.startswith('- '):
            m = PAT_RE.match(line)
            if not m:
                err(n, f'bad pattern line (needs "- PRE * POST [CODE]"): {line[:60]!r}')
                continue
            body = m.group(1)
            if body.count('*') != 1:
                err(n, 'pattern must contain exactly one *')
            depth_p = depth_b = 0
            for ch in body:
                depth_p += (ch == '(') - (ch == ')')
                depth_b += (ch == '{') - (ch == '}')
                if depth_p < 0 or depth_b < 0:
                    break
            if depth_p or depth_b:
                err(n, 'unbalanced () or {} in pattern')
            for tok in re.split(r'[\s(){}]+', body):
                if tok and tok not in ('*', '$', '+', '_') and not WORD_OK.match(tok):
                    err(n, f'bad token {tok!r} in pattern')
            for ref in SETREF_RE.findall(body):
                info['setrefs'].append((n, ref))
            use(m.group(2), (n, cur_block['head']))
            use(m.group(3), (n, cur_block['head']))
            info['patterns'] += 1
            cur_block['pats'] += 1
            continue
        m = VERB_RE.match(line)
        if not m:
            err(n, f'bad verb line: {line[:60]!r}')
            continue
        word, irr, code = m.group(1), m.group(2), m.group(4)
        if not WORD_OK.match(word):
            err(n, f'bad verb {word!r}')
        multi = '_' in word
        if multi and '+' not in word:
            warnings.append(f'{path}:{n}: multi-word verb {word} has no + marking the inflected word')
        forms = [word.replace('+', '')]
        if irr:
            for f in irr[1:-1].split():
                if not WORD_OK.match(f):
                    err(n, f'bad form {f!r}')
                if multi and '+' not in f:
                    warnings.append(f'{path}:{n}: form {f} of a multi-word verb has no +')
                forms.append(f.replace('+', ''))
        elif not multi:
            # the reader adds regular -S/-ED/-ING forms: warn where they would be wrong
            if re.search(r'[^AEIOU]Y$', word) or re.search(r'(CH|SH|SS|X|Z|O)$', word):
                warnings.append(f'{path}:{n}: {word}: regular forms would be wrong, list them in braces')
            elif re.search(r'[^AEIOU][AEIOU][BDGMNPRT]$', word) and len(word) <= 5:
                warnings.append(f'{path}:{n}: {word}: may need a doubled consonant (list forms)')
            forms += [word + 'S', word + 'ED', (word[:-1] if word.endswith('E') else word) + 'ING']
        for f in forms:
            info['forms'][f].append((n, cur_block['head']))
        use(code, (n, cur_block['head']))
        info['verblines'] += 1
        cur_block['verbs'] += 1
    if in_sets:
        errors.append(f'{path}: separator line {SEP!r} missing')
    for b in info['blocks']:
        if b['verbs'] == 0:
            errors.append(f'{path}:{b["line"]}: block {b["head"]} has no verb lines')
    for f, where in info['forms'].items():
        heads = sorted({h for _, h in where})
        if len(heads) > 1:
            warnings.append(f'{path}: verb form {f} appears in blocks {", ".join(heads)}')
    return info


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    quiet = '--quiet' in argv
    codes_path = None
    if '--codes' in argv:
        codes_path = argv[argv.index('--codes') + 1]
        args.remove(codes_path)
    if not codes_path:
        here = os.path.dirname(os.path.abspath(__file__))
        for c in [os.path.join(here, '..', '..', 'shared', 'cameo', 'cameo_codes.tsv'),
                  '/work/shared/cameo/cameo_codes.tsv']:
            if os.path.exists(c):
                codes_path = c
                break
    if not args or not codes_path:
        print(__doc__)
        return 2
    codes = load_codes(codes_path)
    # 2-digit rows of the table are root headings; coders use the 3-digit X0 code for them
    required = sorted(c for c in codes if len(c) >= 3)
    errors, warnings, infos = [], [], []
    for p in args:
        infos.append((p, check(p, codes, errors, warnings)))
    # set references must resolve in one of the files
    allsets = {}
    for p, info in infos:
        for s in info['sets']:
            if s in allsets:
                errors.append(f'set {s} defined in both {allsets[s]} and {p}')
            allsets[s] = p
    for p, info in infos:
        for n, ref in info['setrefs']:
            if ref.rstrip('_') not in allsets:
                errors.append(f'{p}:{n}: undefined set {ref}')
    first = infos[0]
    if 'm-z' in os.path.basename(first[0]):
        for b in first[1]['blocks']:
            if not ('M' <= b['head'][0] <= 'Z'):
                errors.append(f'{first[0]}:{b["line"]}: headword {b["head"]} is not M-Z')
        for s in first[1]['sets']:
            if not s.startswith('&MZ_'):
                errors.append(f'{first[0]}: set {s} does not start with &MZ_')
    if len(infos) > 1:
        forms0 = infos[0][1]['forms']
        for p, info in infos[1:]:
            for f in sorted(set(forms0) & set(info['forms'])):
                warnings.append(f'verb form {f} defined in both {infos[0][0]} '
                                f'(block {forms0[f][0][1]}) and {p} (block {info["forms"][f][0][1]})')
    for e in errors:
        print('ERROR', e)
    if not quiet:
        for w in warnings:
            print('warning', w)
    for p, info in infos:
        cov = sorted(c for c in info['used'] if c != '---')
        miss = [c for c in required if c not in info['used']]
        print(f'\n{p}: {len(info["blocks"])} blocks, {info["verblines"]} verb lines, '
              f'{info["patterns"]} patterns, {len(info["sets"])} synonym sets')
        print(f'  covers {len([c for c in cov if c in required])} of {len(required)} codes')
        if '--list' in argv:
            print('  covered:', ' '.join(cov))
        print('  not covered:', ' '.join(miss) if miss else '(none)')
    if len(infos) > 1:
        used = set()
        for _, info in infos:
            used |= set(info['used'])
        neither = [c for c in required if c not in used]
        print(f'\ncodes covered by NEITHER file ({len(neither)}):', ' '.join(neither) if neither else '(none)')
    print(f'\n{len(errors)} errors, {len(warnings)} warnings')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
