#!/usr/bin/env python3
"""verb_coverage_a-l.py: syntax checker and CAMEO coverage report for parley's
PETRARCH2-format verb dictionaries (written for parley, MIT licence).

Usage:
    python3 tools/verb_coverage_a-l.py [--codes TSV] [--quiet] FILE [FILE2 ...]

With one file: checks it and lists the CAMEO codes it covers (as a block
default, a verb-line code or a pattern code; both halves of ACTIVE:PASSIVE
count) and the codes it does not cover.
With several files (e.g. parley.verbs.a-l.txt parley.verbs.m-z.txt): checks
each, checks them together (a synonym set or a verb form defined in two files,
block headwords used twice) and lists the codes that NO file covers.

Errors (exit status 1):
  * not UTF-8, BOM, CR line ends, tabs, missing final newline;
  * the file does not start with a '#' comment header, or the header does not
    mention the MIT licence;
  * lower-case letters outside comments;
  * synonym-set lines after the '####### VERB PATTERNS #######' marker, or
    block / pattern lines before it; a missing marker;
  * malformed set names or members, sets defined twice, sets used but never
    defined; in a file named *a-l* every set name must start with &AL_ and
    every block headword with A..L (in *m-z*, headwords M..Z);
  * malformed block headers, verb lines, pattern lines; patterns without
    exactly one '*', unbalanced () {}, more than one '$' or '+' marker;
  * CAMEO codes that are not in cameo_codes.tsv (or '---');
  * multi-word verb forms without exactly one '+' (the inflected word);
  * the same verb form in two blocks.
Warnings: the same pattern twice in one block, a pattern that repeats the
block default inside an otherwise empty block, single bare verbs ending in a
vowel + Y or in EE (the regular-form generator would get them wrong) with no
{forms} given.

The code table is looked up in --codes, $PARLEY_CAMEO_CODES,
../shared/cameo/cameo_codes.tsv (relative to the repository) or
/work/shared/cameo/cameo_codes.tsv.  Two-digit rows of the table (01 .. 20) are
root-category headings, not codes: they are reported as covered when any code
of their root is.
"""
import argparse
import os
import re
import sys

MARKER = "####### VERB PATTERNS #######"
CODE_RE = re.compile(r"^(---|\d{2,4})(:(---|\d{2,4}))?$")
WORD_RE = re.compile(r"^[A-Z0-9][A-Z0-9_\-\.']*$")


def find_codes(arg):
    cands = []
    if arg:
        cands.append(arg)
    if os.environ.get("PARLEY_CAMEO_CODES"):
        cands.append(os.environ["PARLEY_CAMEO_CODES"])
    here = os.path.dirname(os.path.abspath(__file__))
    cands.append(os.path.join(here, "..", "..", "shared", "cameo", "cameo_codes.tsv"))
    cands.append("/work/shared/cameo/cameo_codes.tsv")
    for c in cands:
        if os.path.isfile(c):
            return c
    sys.exit("cameo_codes.tsv not found (use --codes)")


def load_codes(path):
    codes = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            parts = line.rstrip("\n").split("\t")
            if n == 0 and parts[0] == "code":
                continue
            if len(parts) >= 3 and parts[0].strip():
                codes[parts[0].strip()] = parts[2].strip()
    return codes


class Dict:
    def __init__(self, path):
        self.path = path
        self.name = os.path.basename(path)
        self.errors = []
        self.warnings = []
        self.sets = {}          # name -> line
        self.set_refs = []      # (name, line)
        self.blocks = {}        # head -> line
        self.forms = {}         # form -> (head, line)
        self.codes = {}         # code -> count
        self.npat = 0
        self.nverb = 0
        self.nlines = 0

    def err(self, ln, msg):
        self.errors.append("%s:%d: %s" % (self.name, ln, msg))

    def warn(self, ln, msg):
        self.warnings.append("%s:%d: %s" % (self.name, ln, msg))

    def use_code(self, ln, code, valid):
        if not CODE_RE.match(code):
            self.err(ln, "malformed code [%s]" % code)
            return
        for c in code.split(":"):
            if c == "---":
                continue
            if c not in valid or len(c) == 2:
                self.err(ln, "code %s is not a CAMEO event code in the table" % c)
                continue
            self.codes[c] = self.codes.get(c, 0) + 1


def strip_comment(line):
    i = line.find("#")
    return (line[:i], line[i:]) if i >= 0 else (line, "")


def head_range(name):
    n = name.lower()
    if "a-l" in n:
        return "AL"
    if "m-z" in n:
        return "MZ"
    return None


def check_pattern(d, ln, body):
    if body.count("*") != 1:
        d.err(ln, "pattern needs exactly one '*': %s" % body)
    depth_p = depth_b = 0
    for ch in body:
        if ch == "(":
            depth_p += 1
            if depth_p > 1:
                d.err(ln, "nested parentheses: %s" % body)
        elif ch == ")":
            depth_p -= 1
        elif ch == "{":
            depth_b += 1
            if depth_b > 1:
                d.err(ln, "nested braces: %s" % body)
        elif ch == "}":
            depth_b -= 1
        if depth_p < 0 or depth_b < 0:
            d.err(ln, "unbalanced brackets: %s" % body)
            return
    if depth_p or depth_b:
        d.err(ln, "unbalanced brackets: %s" % body)
    toks = re.sub(r"[(){}]", " ", body).split()
    if sum(1 for t in toks if t == "$") > 1 or sum(1 for t in toks if t == "+") > 1:
        d.err(ln, "more than one '$' or '+' marker: %s" % body)
    for t in toks:
        if t in ("*", "$", "+", "-"):
            continue
        if t.startswith("&"):
            d.set_refs.append((t, ln))
            continue
        if not WORD_RE.match(t):
            d.err(ln, "bad pattern token '%s'" % t)


def gen_forms(verb):
    """Regular forms a PETRARCH-style reader generates for a single bare word."""
    forms = [verb]
    if verb.endswith("Y") and len(verb) > 1 and verb[-2] not in "AEIOU":
        forms += [verb[:-1] + "IES", verb[:-1] + "IED", verb + "ING"]
    else:
        if verb.endswith(("S", "SH", "CH", "X", "Z")):
            forms.append(verb + "ES")
        else:
            forms.append(verb + "S")
        forms.append(verb + "D" if verb.endswith("E") else verb + "ED")
        forms.append((verb[:-1] if verb.endswith("E") else verb) + "ING")
    return forms


def parse(d, valid, rng):
    raw = open(d.path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        d.err(1, "byte-order mark")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        d.err(1, "not UTF-8: %s" % e)
        return
    if "\r" in text:
        d.err(1, "CR line ends")
    if not text.endswith("\n"):
        d.err(1, "no final newline")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    d.nlines = len(lines)
    if not lines or not lines[0].startswith("#"):
        d.err(1, "file must start with a '#' comment header")
    header = []
    for l in lines:
        if not l.startswith("#"):
            break
        header.append(l)
    if "MIT" not in " ".join(header).upper():
        d.err(1, "header does not mention the MIT licence")
    in_patterns = False
    cur_set = None
    cur_block = None
    block_default = None
    block_pats = {}
    for ln, line in enumerate(lines, 1):
        if "\t" in line:
            d.err(ln, "tab character")
        if line.strip() == MARKER:
            if in_patterns:
                d.err(ln, "second pattern marker")
            in_patterns = True
            cur_set = None
            continue
        body, comment = strip_comment(line)
        if re.search(r"[a-z]", body):
            d.err(ln, "lower case outside a comment")
        s = body.strip()
        if not s:
            continue
        if not in_patterns:
            if s.startswith("&"):
                name = s
                if not re.match(r"^&[A-Z0-9_]+$", name):
                    d.err(ln, "bad set name %s" % name)
                if rng == "AL" and not name.startswith("&AL_"):
                    d.err(ln, "set %s must start with &AL_" % name)
                if name.rstrip("_") in d.sets:
                    d.err(ln, "set %s defined twice" % name)
                d.sets[name.rstrip("_")] = ln
                cur_set = name
            elif s.startswith("+"):
                if cur_set is None:
                    d.err(ln, "set member outside a set")
                if not WORD_RE.match(s[1:]) or " " in s:
                    d.err(ln, "bad set member %s" % s)
            else:
                d.err(ln, "unexpected line before the pattern marker: %s" % s)
            continue
        # ---- pattern section
        if s.startswith("&") or (s.startswith("+") and cur_block is None):
            d.err(ln, "synonym-set line after the pattern marker")
            continue
        if s.startswith("---"):
            m = re.match(r"^---\s+(\S+)\s+\[([^\]]+)\]\s+---$", s)
            if not m:
                d.err(ln, "bad block header: %s" % s)
                continue
            head, code = m.group(1), m.group(2)
            if head in d.blocks:
                d.err(ln, "block %s defined twice" % head)
            d.blocks[head] = ln
            first = head[0]
            if rng == "AL" and not ("A" <= first <= "L"):
                d.err(ln, "headword %s does not start with A..L" % head)
            if rng == "MZ" and not ("M" <= first <= "Z"):
                d.err(ln, "headword %s does not start with M..Z" % head)
            d.use_code(ln, code, valid)
            cur_block, block_default, block_pats = head, code, {}
            continue
        if cur_block is None:
            d.err(ln, "line outside a block: %s" % s)
            continue
        if s.startswith("-"):
            m = re.match(r"^-\s+(.*?)\s*\[([^\]]+)\]\s*$", s)
            if not m:
                d.err(ln, "bad pattern line: %s" % s)
                continue
            pbody, code = re.sub(r"\s+", " ", m.group(1)), m.group(2)
            check_pattern(d, ln, pbody)
            d.use_code(ln, code, valid)
            if pbody in block_pats:
                d.warn(ln, "pattern repeated in %s: %s" % (cur_block, pbody))
            block_pats[pbody] = code
            d.npat += 1
            continue
        if s.startswith("~"):
            continue  # transformation lines are accepted as they are
        # verb line
        m = re.match(r"^(\S+)(?:\s+\{([^}]*)\})?(?:\s+\[([^\]]+)\])?$", s)
        if not m:
            d.err(ln, "bad verb line: %s" % s)
            continue
        verb, irr, code = m.group(1), m.group(2), m.group(3)
        if code:
            d.use_code(ln, code, valid)
        forms = [verb] + (irr.split() if irr else [])
        multi = "_" in verb.strip("_")
        for f in forms:
            if not re.match(r"^\+?[A-Z0-9][A-Z0-9_\-\+\.']*$", f):
                d.err(ln, "bad verb form %s" % f)
            if "_" in f.strip("_") and f.count("+") != 1:
                d.err(ln, "multi-word form %s needs exactly one '+'" % f)
            if "_" not in f.strip("_") and "+" in f:
                d.err(ln, "single-word form %s must not carry '+'" % f)
        if irr is None and not multi:
            if re.search(r"[AEIOU]Y$", verb) or verb.endswith("EE"):
                d.warn(ln, "%s: regular forms would be generated wrongly; list them" % verb)
            forms = gen_forms(verb)
        if multi and irr is None:
            d.warn(ln, "multi-word verb %s has no inflected forms listed" % verb)
        for f in forms:
            key = f.replace("+", "")
            if key in d.forms and d.forms[key][0] != cur_block:
                d.err(ln, "verb form %s also in block %s (line %d)"
                      % (key, d.forms[key][0], d.forms[key][1]))
            d.forms.setdefault(key, (cur_block, ln))
        d.nverb += 1
    if not in_patterns:
        d.err(len(lines), "no '%s' line" % MARKER)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--codes")
    ap.add_argument("--quiet", action="store_true", help="only errors and the uncovered list")
    a = ap.parse_args()
    valid = load_codes(find_codes(a.codes))
    events = sorted(c for c in valid if len(c) >= 3)
    roots = sorted(c for c in valid if len(c) == 2)
    dicts = []
    for f in a.files:
        d = Dict(f)
        parse(d, valid, head_range(d.name))
        dicts.append(d)
    # cross-file checks
    allsets, allforms, allheads, xerr = {}, {}, {}, []
    for d in dicts:
        for s, ln in d.sets.items():
            if s in allsets:
                xerr.append("set %s in %s and %s" % (s, allsets[s], d.name))
            allsets[s] = d.name
        for h in d.blocks:
            if h in allheads:
                xerr.append("block %s in %s and %s" % (h, allheads[h], d.name))
            allheads[h] = d.name
        for f, (h, ln) in d.forms.items():
            if f in allforms and allforms[f][0] != d.name:
                xerr.append("verb form %s in %s (%s) and %s (%s)"
                            % (f, allforms[f][0], allforms[f][1], d.name, h))
            allforms.setdefault(f, (d.name, h))
    for d in dicts:
        for name, ln in d.set_refs:
            if name.rstrip("_") not in allsets:
                d.err(ln, "set %s used but not defined" % name)
    status = 0
    for d in dicts:
        print("== %s: %d lines, %d sets, %d blocks, %d verb lines, %d patterns, "
              "%d distinct event codes"
              % (d.name, d.nlines, len(d.sets), len(d.blocks), d.nverb, d.npat, len(d.codes)))
        for e in d.errors:
            print("ERROR", e)
        if not a.quiet:
            for w in d.warnings:
                print("warning", w)
        if d.errors:
            status = 1
        if not a.quiet:
            covered = [c for c in events if c in d.codes]
            print("-- covers %d of %d event codes:" % (len(covered), len(events)))
            print("   " + " ".join(covered))
            print("-- not covered by this file (%d):" % (len(events) - len(covered)))
            for c in events:
                if c not in d.codes:
                    print("   %-5s %s" % (c, valid[c]))
    for e in xerr:
        print("ERROR cross-file:", e)
        status = 1
    union = set()
    for d in dicts:
        union |= set(d.codes)
    missing = [c for c in events if c not in union]
    label = "any of the files" if len(dicts) > 1 else "the file"
    print("== event codes covered by none of %s: %d" % (label, len(missing)))
    for c in missing:
        print("   %-5s %s" % (c, valid[c]))
    rootmiss = [r for r in roots if not any(c.startswith(r) for c in union)]
    print("== root categories with no code at all: %s" % (" ".join(rootmiss) or "none"))
    return status


if __name__ == "__main__":
    sys.exit(main())
