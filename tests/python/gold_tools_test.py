"""Unit tests of the gold-set tools (tools/gold_text.py, gold_eval.py, gold_split.py, gold_draw.py)."""
import json
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
import gold_draw  # noqa: E402
import gold_eval  # noqa: E402
import gold_split  # noqa: E402
from gold_text import Resolver, detokenize_brown  # noqa: E402


class DetokenizeTest(unittest.TestCase):
    def test_quotes_and_punctuation_attach(self):
        line = "\tHe/pps said/vbd ``/`` no/at ''/'' ,/, then/rb left/vbd ./."
        self.assertEqual(detokenize_brown(line), 'He said "no", then left.')

    def test_abbreviation_keeps_one_period(self):
        self.assertEqual(detokenize_brown("Ivan/np Allen/np Jr./np ./."), "Ivan Allen Jr.")

    def test_slash_inside_word(self):
        self.assertEqual(detokenize_brown("1/2/cd mile/nn"), "1/2 mile")


class MatchTest(unittest.TestCase):
    def test_pairs_on_root_one_to_one(self):
        gold = [("USA", "RUS", "042"), ("RUS", "USA", "043")]
        got = [("USA", "RUS", "043")]
        pairs = gold_eval.match(gold, got)
        self.assertEqual(len(pairs), 1)

    def test_exact_code_preferred(self):
        gold = [("USA", "RUS", "042"), ("USA", "CHN", "043")]
        got = [("USA", "CHN", "043"), ("USA", "RUS", "040")]
        pairs = dict((g, s) for g, s in gold_eval.match(gold, got))
        self.assertEqual(pairs[("USA", "CHN", "043")], ("USA", "CHN", "043"))

    def test_other_root_never_pairs(self):
        self.assertEqual(gold_eval.match([("A", "B", "190")], [("A", "B", "010")]), [])


class GoldFilesTest(unittest.TestCase):
    def write(self, d, name, lines):
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    def test_duplicate_ref_is_an_error_naming_the_line(self):
        with tempfile.TemporaryDirectory() as d:
            rec = json.dumps({"ref": "brown:ca01:1", "events": []})
            self.write(d, "slice-x.jsonl", [rec, rec])
            with self.assertRaises(SystemExit) as e:
                gold_eval.load_gold(d)
            self.assertIn("slice-x.jsonl:2", str(e.exception))

    def test_event_without_code_is_an_error(self):
        with tempfile.TemporaryDirectory() as d:
            self.write(d, "slice-x.jsonl", [json.dumps({"ref": "r", "events": [{"source": "A", "target": "B"}]})])
            with self.assertRaises(SystemExit):
                gold_eval.load_gold(d)

    def test_split_is_stable(self):
        self.assertEqual(gold_split.half("brown:ca01:1"), gold_split.half("brown:ca01:1"))
        halves = {gold_split.half(f"brown:ca01:{i}") for i in range(1, 40)}
        self.assertEqual(halves, {"tune", "check"})


class ResolverTest(unittest.TestCase):
    def setUp(self):
        self.r = Resolver()
        if not os.path.isdir(self.r.shared):
            self.fail(f"{self.r.shared}: ../shared is missing; these tests read it")

    def test_every_gold_ref_resolves(self):
        for rec in gold_eval.load_gold(gold_eval.GOLD_DIR):
            self.assertTrue(self.r.text(rec["ref"]), rec["ref"])

    def test_unknown_refs_raise(self):
        for ref in ("brown:ca01:100000", "ud:no-such-id", "gigaword:nope", "web:x", "brown:zz99:1"):
            with self.assertRaises(KeyError):
                self.r.text(ref)


class DrawTest(unittest.TestCase):
    def test_political_words_and_stems_whole_words_only(self):
        self.assertTrue(gold_draw.is_political("The Senate voted on the treaty."))
        self.assertTrue(gold_draw.is_political("Rebels were accused of looting."))
        self.assertFalse(gold_draw.is_political("The warehouse held grain."))  # "war" inside a word
        self.assertFalse(gold_draw.is_political("She baked a cake for the party-goers' picnic."))

    def test_candidates_leave_out_the_gold_set_and_short_sentences(self):
        r = Resolver()
        if not os.path.isdir(r.shared):
            self.fail(f"{r.shared}: ../shared is missing; these tests read it")
        taken = gold_draw.in_gold(gold_eval.GOLD_DIR)
        brown, ud = gold_draw.candidates(r, taken)
        # Since stop 28 every political UD sentence is in the gold set; Brown has more.
        self.assertTrue(brown)
        for ref, text in brown[:500] + ud:
            self.assertNotIn(ref, taken)
            self.assertGreaterEqual(len(text.split()), 4)
            self.assertTrue(gold_draw.is_political(text), ref)
        # With nothing taken, the UD candidates are there and obey the same rule.
        _, all_ud = gold_draw.candidates(r, set())
        self.assertGreater(len(all_ud), len(ud))
        for ref, text in all_ud:
            self.assertGreaterEqual(len(text.split()), 4)
            self.assertTrue(gold_draw.is_political(text), ref)


if __name__ == "__main__":
    unittest.main()
