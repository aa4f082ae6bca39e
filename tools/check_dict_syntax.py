#!/usr/bin/env python3
"""check_dict_syntax.py: stand-alone syntax checker for parley's PETRARCH-format
actor, agent and discard dictionaries (written for parley, MIT licence).

Usage:
    python3 tools/check_dict_syntax.py [--kind actors|agents|discards]
                                       [--strict] [--quiet] FILE...

The kind of each file is taken from its name (".actors." / "agents" /
"discards") unless --kind is given.  All files named on one command line are
checked together, so a phrase that appears in two actor files is reported.

Errors (exit status 1):
  * not UTF-8, a byte-order mark, CR line ends, tabs or blanks where they
    break the format, missing final newline;
  * the file does not start with a '#' comment header;
  * unbalanced [ ] { } or <!-- -->;
  * phrases that are not upper case, that contain characters the tokenizer
    never produces (lower case, accented letters: the tokenizer folds
    diacritics), or empty words;
  * actor codes that are not 3-character blocks of A-Z/0-9 (or "---"), whose
    first block is not a known country / region / international prefix;
  * date restrictions that are malformed, impossible dates, D1 >= D2, a bare
    single date (PETRARCH evaluates it wrongly), an unrestricted code placed
    before other codes of the same record (they could never be chosen),
    overlapping restricted ranges;
  * a record with no code; a synonym or date line with no record before it;
  * the same phrase twice in one actor file (PETRARCH silently merges codes);
  * agent lines without a "[~XXX]" code, "XXX~" codes (PETRARCH reads them as
    actor codes), undefined or malformed !SUBSTITUTION! sets, the same agent
    form with two different codes;
  * discard phrases that use '_' (PETRARCH matches discards on whitespace
    tokens and does not treat '_' as a blank: write blanks).

Warnings (printed, exit status 0 unless --strict):
  * the header does not mention a licence;
  * an actor phrase without a trailing '_' (TABARI stem match) unless the
    line carries the comment marker "stem-ok";
  * the same phrase in two different actor files;
  * code blocks after the first that are not known CAMEO role/sector codes
    (named-group identifiers such as HMS in PSEREBHMS are expected here; the
    warning is only shown with --strict or --verbose);
  * agent words whose automatic plural is probably wrong (ENVOY -> ENVOIES,
    SPOKESMAN -> SPOKESMANS ...) and no {PLURAL} is given;
  * the same agent form listed twice with the same code.

Needs only python3 (>= 3.8) and, optionally, Debian's iso-codes JSON for the
country list (a built-in fallback list of extra codes is always accepted).
"""
import argparse
import datetime
import json
import os
import re
import sys

# ---------------------------------------------------------------- code tables

# CAMEO role / sector / religion / ethnic-type codes that may follow a country
# or international prefix.  Named-group identifiers (3 letters chosen per
# group) are accepted too, but listed as "unknown block" with --verbose.
ROLE_CODES = set("""
GOV MIL COP JUD SPY LEG OPP PTY REB INS SEP UAF MED EDU BUS CRM CVL LAB REF
HLH AGR ELI MOD RAD HRI NGO IGO IMG NGM MNC DEV ENV PPL UIS
REL CHR MOS JEW BUD HIN SHI SUN CTH ORT PRO SIK JAN TAO CON ATH ITR BAH SHN
MRN DRZ ALE KUR PKO
""".split())

# Regions and international / non-state prefixes used by CAMEO.
PREFIX_CODES = set("""
IGO NGO IMG MNC NGM UIS UAF REB INS SEP OPP GOV MIL COP JUD SPY LEG PTY MED EDU
BUS CRM CVL LAB REF HLH AGR ELI MOD RAD HRI DEV ENV PPL REL CHR MOS JEW BUD HIN
SHI SUN CTH ORT PRO
AFR ASA BLK CRB CAU CFR CAS CEU EIN EAF EEU EUR LAM MEA MDT NAF NMR PGS SCN SAM
SAS SEA SAF WAF WST
XKX
""".split())

# Fallback when iso-codes is not installed: extra codes always accepted.
ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"


def load_country_codes():
    codes = set()
    try:
        with open(ISO_JSON, encoding="utf-8") as f:
            for c in json.load(f)["3166-1"]:
                codes.add(c["alpha_3"])
    except (OSError, ValueError, KeyError):
        pass
    return codes


COUNTRY_CODES = load_country_codes()

# ---------------------------------------------------------------- helpers

WORD_RE = re.compile(r"^[.'&/\-]*[A-Z0-9][A-Z0-9.'&/+\-]*$")
CODE_RE = re.compile(r"^(---|(?:[A-Z0-9]{3})+)$")
DATE_RE = re.compile(r"^(\d{6}|\d{8})$")
OPEN_END, CLOSE_END = 0, 99999999


class Report:
    def __init__(self, strict, verbose):
        self.errors = 0
        self.warnings = 0
        self.strict = strict
        self.verbose = verbose

    def error(self, path, line, msg):
        self.errors += 1
        print(f"{path}:{line}: error: {msg}")

    def warn(self, path, line, msg):
        self.warnings += 1
        print(f"{path}:{line}: warning: {msg}")


def parse_date(s):
    """YYMMDD or YYYYMMDD -> int YYYYMMDD, or None."""
    if not DATE_RE.match(s):
        return None
    if len(s) == 6:
        yy = int(s[:2])
        s = ("20" if yy <= 30 else "19") + s
    try:
        datetime.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    return int(s)


def parse_restriction(r):
    """Return (from, to, error) for a date restriction string ('' = none)."""
    r = r.replace(" ", "").replace("\t", "")
    if r == "":
        return OPEN_END, CLOSE_END, None
    if r[0] == "<":
        d = parse_date(r[1:])
        return (OPEN_END, d, None) if d else (0, 0, f"bad date in '{r}'")
    if r[0] == ">":
        d = parse_date(r[1:])
        return (d, CLOSE_END, None) if d else (0, 0, f"bad date in '{r}'")
    if "-" in r:
        a, _, b = r.partition("-")
        da, db = parse_date(a), parse_date(b)
        if not da or not db:
            return 0, 0, f"bad date range '{r}'"
        if da >= db:
            return 0, 0, f"empty date range '{r}' (D1 must be before D2)"
        return da, db, None
    if parse_date(r):
        return 0, 0, f"bare single date '{r}' (PETRARCH evaluates it wrongly: use <, > or D1-D2)"
    return 0, 0, f"bad date restriction '{r}'"


def strip_comments(lines, path, rep):
    """Yield (lineno, raw, text) with # comments and <!-- --> removed."""
    in_block = False
    for no, raw in enumerate(lines, 1):
        text = raw
        if in_block:
            end = text.find("-->")
            if end < 0:
                continue
            text = text[end + 3:]
            in_block = False
        while "<!--" in text:
            start = text.find("<!--")
            end = text.find("-->", start + 4)
            if end < 0:
                text = text[:start]
                in_block = True
                break
            text = text[:start] + text[end + 3:]
        if text.lstrip().startswith("<!"):
            continue
        if "#" in text:
            text = text[:text.index("#")]
        yield no, raw, text.rstrip()
    if in_block:
        rep.error(path, len(lines), "unterminated <!-- comment")


def check_words(words, path, no, rep, what="phrase"):
    ok = True
    if not words:
        rep.error(path, no, f"empty {what}")
        return False
    for w in words:
        if w == "":
            rep.error(path, no, f"empty word in {what} (doubled '_' or blank)")
            ok = False
        elif w != w.upper():
            rep.error(path, no, f"{what} word '{w}' is not upper case")
            ok = False
        elif any(ord(ch) > 127 for ch in w):
            rep.error(path, no, f"{what} word '{w}' has non-ASCII characters "
                      "(the tokenizer folds diacritics: write plain A-Z)")
            ok = False
        elif not WORD_RE.match(w):
            rep.error(path, no, f"{what} word '{w}' has unexpected characters")
            ok = False
    return ok


def split_phrase(p):
    """Actor/agent phrase -> words ('_' and blanks both separate words)."""
    return re.split(r"[_ \t]+", p.strip("_ \t")) if p.strip("_ \t") else []


def check_code(code, path, no, rep, unknown_blocks):
    if not CODE_RE.match(code):
        rep.error(path, no, f"bad actor code '{code}' (3-character blocks of A-Z/0-9, or ---)")
        return
    if code == "---":
        return
    blocks = [code[i:i + 3] for i in range(0, len(code), 3)]
    first = blocks[0]
    if first not in COUNTRY_CODES and first not in PREFIX_CODES and first != "---":
        rep.error(path, no, f"actor code '{code}': first block '{first}' is not a "
                  "known country, region or international prefix")
    for b in blocks[1:]:
        if b not in ROLE_CODES and b not in COUNTRY_CODES and b not in PREFIX_CODES:
            unknown_blocks.setdefault(b, []).append((path, no, code))


def read_file(path, rep):
    try:
        data = open(path, "rb").read()
    except OSError as e:
        rep.error(path, 0, str(e))
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        rep.error(path, 1, "byte-order mark at start of file")
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[:e.start].count(b"\n") + 1
        rep.error(path, line, f"not UTF-8 ({e.reason})")
        text = data.decode("utf-8", "replace")
    if "\r" in text:
        rep.error(path, text[:text.index("\r")].count("\n") + 1, "CR line end")
        text = text.replace("\r", "")
    if text and not text.endswith("\n"):
        rep.error(path, text.count("\n") + 1, "no newline at end of file")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0].startswith("#"):
        rep.error(path, 1, "file must start with a '#' comment header")
    header = []
    for ln in lines:
        if ln.startswith("#") or ln.strip() == "":
            header.append(ln)
        else:
            break
    htext = "\n".join(header).lower()
    if "licen" not in htext:
        rep.warn(path, 1, "comment header does not state a licence")
    return lines


# ---------------------------------------------------------------- actors

def check_actors(path, lines, rep, seen_global, unknown_blocks):
    stats = {"records": 0, "phrases": 0, "codes": 0, "dated": 0, "stems": 0}
    seen = {}
    record = None  # dict(line, codes=[(from,to,code,line)])

    def close(rec):
        if rec is None:
            return
        if not rec["codes"]:
            rep.error(path, rec["line"], f"record '{rec['phrase']}' has no code")
            return
        codes = rec["codes"]
        for i, (f, t, c, ln) in enumerate(codes):
            if f == OPEN_END and t == CLOSE_END and i != len(codes) - 1:
                rep.error(path, ln, f"unrestricted code [{c}] is followed by other codes "
                          "that can never be chosen (put the default last)")
        restricted = [x for x in codes if not (x[0] == OPEN_END and x[1] == CLOSE_END)]
        for i in range(len(restricted)):
            for j in range(i + 1, len(restricted)):
                a, b = restricted[i], restricted[j]
                if a[0] < b[1] and b[0] < a[1]:
                    rep.error(path, b[3], f"date range of [{b[2]}] overlaps [{a[2]}] "
                              f"(line {a[3]}); the first one wins")

    def add_phrase(phrase, no, raw):
        words = split_phrase(phrase)
        if not check_words(words, path, no, rep):
            return
        exact = phrase.endswith("_")
        if not exact:
            stats["stems"] += 1
            if "stem-ok" not in raw:
                rep.warn(path, no, f"'{phrase}' has no trailing '_' (TABARI stem match: "
                         "the last word also matches longer tokens); add '_' or mark 'stem-ok'")
        key = " ".join(words)
        if key in seen:
            rep.error(path, no, f"duplicate phrase '{key}' (first at line {seen[key]})")
        else:
            seen[key] = no
        other = seen_global.get(key)
        if other and other[0] != path:
            rep.warn(path, no, f"phrase '{key}' is also in {other[0]}:{other[1]} "
                     "(codes accumulate across files)")
        elif not other:
            seen_global[key] = (path, no)
        stats["phrases"] += 1

    def add_codes(blocks, no):
        for blk in blocks:
            inner = blk.strip()
            parts = inner.split(None, 1)
            if not parts:
                rep.error(path, no, "empty [ ] code")
                continue
            code = parts[0]
            restr = parts[1] if len(parts) > 1 else ""
            check_code(code, path, no, rep, unknown_blocks)
            f, t, err = parse_restriction(restr)
            if err:
                rep.error(path, no, err)
                continue
            if restr.strip():
                stats["dated"] += 1
            record["codes"].append((f, t, code, no))
            stats["codes"] += 1

    for no, raw, text in strip_comments(lines, path, rep):
        if text.strip() == "":
            continue
        if text.count("[") != text.count("]"):
            rep.error(path, no, "unbalanced [ ]")
            continue
        if "{" in text or "}" in text:
            rep.error(path, no, "braces are not allowed in actor files")
            continue
        if text[0] in " \t":
            body = text.strip()
            if body.startswith("+"):
                rep.error(path, no, "indented synonym line: '+' lines must start in column 1")
                continue
            if not re.fullmatch(r"(\[[^\[\]]*\]\s*)+", body):
                rep.error(path, no, "indented line must be a date line '[CODE RESTRICTION]'")
                continue
            if record is None:
                rep.error(path, no, "date line with no record before it")
                continue
            add_codes(re.findall(r"\[([^\[\]]*)\]", body), no)
            continue
        if text.startswith("+"):
            if record is None:
                rep.error(path, no, "synonym line with no record before it")
                continue
            if "[" in text:
                rep.error(path, no, "codes on a synonym line (put them on the primary or a date line)")
                continue
            add_phrase(text[1:].strip(), no, raw)
            continue
        # primary line
        close(record)
        m = re.match(r"^([^\[]+?)\s*((?:\[[^\[\]]*\]\s*)*)$", text)
        if not m:
            rep.error(path, no, "cannot parse primary line 'PHRASE_ [CODE]'")
            record = None
            continue
        phrase, codes = m.group(1).strip(), m.group(2)
        if re.search(r"\s", phrase) and not codes:
            # "FOO BAR" with blanks is legal but unusual; flag likely typos
            rep.warn(path, no, f"phrase '{phrase}' contains blanks; write '_' between words")
        record = {"line": no, "phrase": phrase, "codes": []}
        stats["records"] += 1
        add_phrase(phrase, no, raw)
        add_codes(re.findall(r"\[([^\[\]]*)\]", codes), no)
    close(record)
    return stats


# ---------------------------------------------------------------- agents

def auto_plural(word):
    if word.endswith("Y"):
        return word[:-1] + "IES"
    if word.endswith("S"):
        return word + "ES"
    return word + "S"


SUSPICIOUS = re.compile(r"([AEIOU]Y|MAN|(?<!AR)CH|SH|X|Z|IS|FE|F|O|UM|US)$")


def check_agents(path, lines, rep):
    stats = {"entries": 0, "forms": 0, "subsets": 0}
    subsets = {}
    forms = {}

    def expand(phrase, no):
        out = [phrase]
        for name in re.findall(r"!([A-Z0-9_]*)!", phrase):
            if name not in subsets:
                rep.error(path, no, f"undefined substitution set !{name}!")
                return []
            nxt = []
            for p in out:
                for member in subsets[name]:
                    nxt.append(p.replace(f"!{name}!", member, 1))
            out = nxt
        return out

    for no, raw, text in strip_comments(lines, path, rep):
        if text.strip() == "":
            continue
        if text[0] in " \t":
            rep.error(path, no, "agent lines must start in column 1")
            continue
        m = re.match(r"^!([A-Z0-9_]+)!\s*=\s*(.+)$", text)
        if m:
            name = m.group(1)
            members = [x.strip() for x in m.group(2).split(",")]
            if name in subsets:
                rep.error(path, no, f"substitution set !{name}! defined twice")
            bad = False
            for mem in members:
                if not check_words(split_phrase(mem), path, no, rep, "substitution member"):
                    bad = True
            if not bad:
                subsets[name] = [m_.replace(" ", "_") for m_ in members]
                stats["subsets"] += 1
            continue
        if text.startswith("!") and "=" in text:
            rep.error(path, no, "malformed substitution set (write !NAME! = A, B, C)")
            continue
        if text.count("[") != 1 or text.count("]") != 1 or text.count("{") != text.count("}") \
                or text.count("{") > 1:
            rep.error(path, no, "agent line must be 'PHRASE {PLURALS} [~CODE]'")
            continue
        m = re.match(r"^([^\[{]+?)\s*(?:\{([^{}]*)\})?\s*\[([^\[\]]*)\]\s*$", text)
        if not m:
            rep.error(path, no, "cannot parse agent line 'PHRASE {PLURALS} [~CODE]'")
            continue
        phrase, plurals, code = m.group(1).strip(), m.group(2), m.group(3).strip()
        if code.endswith("~") and not code.startswith("~"):
            rep.error(path, no, f"'{code}': PETRARCH2 treats XXX~ as an actor code; use ~XXX")
            continue
        if not re.fullmatch(r"~(?:[A-Z0-9]{3})+", code):
            rep.error(path, no, f"bad agent code '{code}' (expected ~XXX)")
            continue
        for b in [code[1:][i:i + 3] for i in range(0, len(code) - 1, 3)]:
            if b not in ROLE_CODES:
                rep.warn(path, no, f"agent code block '{b}' is not a known CAMEO role/sector code")
        stats["entries"] += 1
        singulars = expand(phrase, no)
        all_forms = []
        for s in singulars:
            words = split_phrase(s.replace("!", ""))
            if not check_words(words, path, no, rep):
                continue
            all_forms.append(" ".join(words))
        if plurals is None:
            if "!" not in phrase:  # substitution sets get no plurals
                for s in list(all_forms):
                    words = s.split(" ")
                    last = words[-1]
                    if SUSPICIOUS.search(last):
                        rep.warn(path, no, f"automatic plural of '{s}' would be "
                                 f"'{auto_plural(last)}': give {{PLURAL}} or {{}}")
                    all_forms.append(" ".join(words[:-1] + [auto_plural(last)]))
        else:
            for p in plurals.split():
                pw = split_phrase(p)
                if check_words(pw, path, no, rep, "plural"):
                    all_forms.append(" ".join(pw))
        for f in all_forms:
            stats["forms"] += 1
            if f in forms:
                prev_code, prev_no = forms[f]
                if prev_code != code:
                    rep.error(path, no, f"agent form '{f}' coded {code} here and "
                              f"{prev_code} at line {prev_no}")
                else:
                    rep.warn(path, no, f"agent form '{f}' already listed at line {prev_no}")
            else:
                forms[f] = (code, no)
    return stats


# ---------------------------------------------------------------- discards

def check_discards(path, lines, rep):
    stats = {"sentence": 0, "story": 0}
    seen = {}
    for no, raw, text in strip_comments(lines, path, rep):
        if text.strip() == "":
            continue
        body = text.strip()
        story = body.startswith("+")
        if story:
            body = body[1:].strip()
        if "_" in body:
            rep.error(path, no, "discard phrases are matched on blank-separated tokens: "
                      "write blanks, not '_'")
            continue
        if "[" in body or "{" in body:
            rep.error(path, no, "discard lines take no codes or braces")
            continue
        words = body.split()
        if not check_words(words, path, no, rep, "discard"):
            continue
        key = " ".join(words)
        if key in seen:
            rep.error(path, no, f"duplicate discard '{key}' (first at line {seen[key]})")
        seen[key] = no
        stats["story" if story else "sentence"] += 1
    return stats


# ---------------------------------------------------------------- main

def kind_of(path):
    base = os.path.basename(path).lower()
    if "agent" in base:
        return "agents"
    if "discard" in base:
        return "discards"
    if "actor" in base:
        return "actors"
    return None


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--kind", choices=["actors", "agents", "discards"])
    ap.add_argument("--strict", action="store_true", help="warnings make the exit status 1")
    ap.add_argument("--verbose", action="store_true", help="list unknown code blocks")
    args = ap.parse_args(argv)
    if not COUNTRY_CODES:
        print("note: iso-codes JSON not found; country codes are not checked against ISO 3166-1",
              file=sys.stderr)
        PREFIX_CODES.update(["USA", "RUS", "GBR"])  # keep going; codes then mostly fail
    rep = Report(args.strict, args.verbose)
    seen_global = {}
    unknown_blocks = {}
    for path in args.files:
        kind = args.kind or kind_of(path)
        if kind is None:
            rep.error(path, 0, "cannot tell the file kind from its name; use --kind")
            continue
        lines = read_file(path, rep)
        if lines is None:
            continue
        if kind == "actors":
            st = check_actors(path, lines, rep, seen_global, unknown_blocks)
        elif kind == "agents":
            st = check_agents(path, lines, rep)
        else:
            st = check_discards(path, lines, rep)
        print(f"{path}: {kind}: " + ", ".join(f"{k} {v}" for k, v in st.items()))
    if unknown_blocks:
        names = sorted(unknown_blocks)
        print(f"note: {len(names)} code blocks are not CAMEO role codes "
              f"(named-group identifiers): {' '.join(names)}")
        if args.verbose:
            for b in names:
                for p, n, c in unknown_blocks[b]:
                    print(f"  {p}:{n}: {c}")
    print(f"{rep.errors} errors, {rep.warnings} warnings")
    if rep.errors or (args.strict and rep.warnings):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
