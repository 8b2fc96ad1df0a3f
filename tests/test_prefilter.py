"""The words a pattern's every match must hold: held to RE2 itself on generated patterns and texts."""

from __future__ import annotations

import random

import pytest

from reprint_guard.checks.base import compile_pattern
from reprint_guard.prefilter import required_words


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\ball rights reserved\b", {b"reserved"}),
        (r"\b(endorsed|approved) by (the )?(author|licensor)\b", {b"endorsed", b"approved"}),
        (r"(?i)Getty ?Images", {b"images"}),
        (r"colou?r", {b"colo"}),
        (r"(?P<x>abc)|de\.f", {b"abc", b"de.f"}),
        (r"[\]a-z]+end", {b"end"}),
        ("a|", None),  # the empty branch matches anywhere
        (r"\Qall\E", None),
        (r"\p{Greek}+", None),
        (r"[[:alpha:]]x", None),
        (r"a{,2}", None),  # RE2 reads that brace as text: not followed here
        (r"x(", None),
        (r"x)", None),
        (".*", None),
        ("é+", None),  # optional or repeated: no word
        ("droits réservés", {"réservés".encode()}),  # a letter NFKC and case folding keep makes words too
        ("stra(ß|ss)e", {b"stra"}),  # "ß" folds to "ss": no letter of a word
        (r"translation: [\pL\pN_]+|traduction ?: \p{L}+", {b"translation:", b"traduction"}),
        ("جميع الحقوق محفوظة", {"الحقوق".encode()}),
        ("rights(?i)?", None),  # RE2 makes the "s" before the flags optional
        ("ab(?-i){0,1}", None),
        # Words most articles hold are passed over for rarer ones every match needs as well.
        ("(this|our) (coverage|investigation) (is|was) paid for", {b"paid"}),
        ("(this|our) (story|report)", {b"story", b"report"}),  # nothing rarer: the longer words still
        ("the (c|d) report", {b"report"}),  # a letter is no rarer than a common word: the longer one
    ],
)
def test_required_words(pattern: str, words: set[bytes] | None) -> None:
    assert (set(required_words(pattern) or ()) or None) == words


def _generate(rng: random.Random, depth: int = 0) -> str:
    """A random pattern over a small alphabet, with the syntax the reader follows and some it does not."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.45:
            atom = rng.choice(["a", "b", "ab", "ba", "c", " ", "A", "\\.", ".", "x", "é", "żé", "ß"])
        elif roll < 0.6 and depth < 3:
            atom = "(" + rng.choice(["", "?:", "?i:", "?P<n>"]) + _generate(rng, depth + 1) + ")"
        elif roll < 0.7:
            classes = ["[ab]", "[^a]", r"\w", r"\s", r"\b", "^", "$", r"\d", "[]a]", r"[\]b]", "(?i)", "(?s)"]
            atom = rng.choice([*classes, r"\pL", r"\p{Latin}", r"[\pL\pN_]", r"\PN", r"[^\p{L}a]"])  # \p: no word
        elif roll < 0.8 and depth < 3:
            atom = _generate(rng, depth + 1) + "|" + _generate(rng, depth + 1)
            atom = f"(?:{atom})"
        else:
            atom = rng.choice(["a", "b", "c"])
        if rng.random() < 0.25:
            atom += rng.choice(["?", "*", "+", "{2}", "{1,3}", "??", "+?"])
        parts.append(atom)
    return "".join(parts)


def test_every_match_holds_a_required_word() -> None:
    rng = random.Random(17)
    checked = 0
    for _ in range(4000):
        pattern = _generate(rng)
        try:
            regex = compile_pattern(pattern, utf8=True)
        except ValueError:
            continue
        words = required_words(pattern)
        if words is None:
            continue
        checked += 1
        for _ in range(25):
            pieces = ["a", "b", "c", " ", "ab", "x", ".", "1", "é", "ż", "ß"]
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
            data = text.encode()
            for found in regex.finditer(data):
                assert any(word in found.group(0) for word in words), (pattern, words, text, found.group(0))
    assert checked > 1000  # the reader understood most generated patterns


def test_a_word_finder_finds_a_word_exactly_when_one_is_there() -> None:
    from reprint_guard.prefilter import word_finder

    rng = random.Random(19)
    many = (*(f"w{i:04d}".encode() for i in range(600)), b"endorsed")  # too long for one pattern
    for words in [(b"reserved",), (b"a.b", b"c+d"), (b"approved", b"endorsed", b"x|y", b"(z)", b"q*"), many]:
        find = word_finder(words)
        pieces = [b"a", b".", b"b", b"c+d", b"x|y", b"(z)", b"q*", b"endorsed", b" "]
        for _ in range(2000):
            text = b"".join(rng.choice(pieces) for _ in range(8))
            assert find(text) == any(word in text for word in words), (words, text)


def test_a_lexicon_tells_exactly_the_words_a_text_holds() -> None:
    from reprint_guard.prefilter import Lexicon

    rng = random.Random(29)
    pieces = [b"end", b"ors", b"ed", b"re", b"served", b"s", b" ", b"\n", b"a.b", b"c+d", "é".encode(), b"(z)"]
    for _ in range(40):
        words = frozenset(
            b"".join(rng.choice(pieces[:6] + pieces[8:]) for _ in range(rng.randint(1, 3))) for _ in range(6)
        )
        lexicon = Lexicon(words)
        for _ in range(200):
            text = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
            assert lexicon.present(text) == {word for word in words if word in text}, (words, text)
            assert lexicon.read(text) == (lexicon.present(text), b"  " in text), (words, text)


def test_a_visible_text_answers_for_its_words_however_the_lexicon_grows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each question is answered for the words it asks, by the lexicon, or word by word past its limit."""
    from reprint_guard import prefilter
    from reprint_guard.visible import VisibleBody

    rng = random.Random(31)
    vocabulary = [f"q{i}x".encode() for i in range(40)]
    texts = [" ".join(rng.choice(vocabulary).decode().upper() for _ in range(30)) for _ in range(20)]
    for limit in (0, prefilter.MAX_LEXICON_WORDS):  # 0: no lexicon holds these words, each is searched for
        monkeypatch.setattr(prefilter, "MAX_LEXICON_WORDS", limit)
        for raw in texts:
            visible = VisibleBody(raw)
            for _ in range(15):  # new words, asked after the text was read for the lexicon of the time
                words = tuple(rng.sample(vocabulary, 3))
                assert visible.may_contain(words) == any(word.decode().upper() in raw for word in words)


def test_a_text_the_lexicon_cannot_answer_is_searched_word_by_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """RE2 answers a set's search without the always-matching witness when its DFA runs out of memory: the
    words are then searched for one by one. (That failure cannot be made on demand: it is stood in for.)"""
    from reprint_guard.prefilter import Lexicon
    from reprint_guard.visible import VisibleBody

    monkeypatch.setattr(Lexicon, "read", lambda self, text: None)
    visible = VisibleBody("All  Rights Reserved.")
    assert visible.may_contain((b"reserved",)) is True
    assert visible.may_contain((b"endorsed",)) is False
    assert visible.text_utf8 == b"all rights reserved."  # its spaces collapsed all the same


@pytest.mark.parametrize(
    "raw",
    [
        "All Rights Reserved.",
        " All Rights Reserved. ",
        "All  Rights\n\nReserved.\n",
        "All\u00a0\u00a0Rights Reserved.",  # non-breaking spaces, folded to spaces
        "Tous droits\u2003réservés ",
        "\n\nAll Rights Reserved.",
        "",
    ],
)
def test_a_text_read_for_the_lexicon_collapses_as_one_never_read(raw: str) -> None:
    """The lexicon's reading tells whether the folded text holds two spaces in a row: one without them is only
    stripped. The normalised text is the same bytes as a text's never read for its words."""
    from reprint_guard.textnorm import normalize
    from reprint_guard.visible import VisibleBody

    read, unread = VisibleBody(raw), VisibleBody(raw)
    read.may_contain((b"reserved", b"endorsed", b"droits"))
    assert read.text_utf8 == unread.text_utf8 == normalize(raw).encode("utf-8")


def test_the_bundled_patterns_words_are_known_ahead_as_reading_them_gives() -> None:
    """``bundled.json`` holds each bundled text rule's pattern's words, as reading the pattern gives them."""
    from reprint_guard.policy.loader import policy_set
    from reprint_guard.prefilter import _KNOWN_WORDS, read_words

    policies = policy_set()
    patterns = {
        rule.params.pattern
        for policy_id in policies.ids()
        for rule in policies.get(policy_id).rules
        if rule.check == "text" and rule.params.pattern is not None
    }
    assert required_words(r"\bno policy's own pattern\b") == (b"policy's",)  # what is given is made ready
    assert len(patterns) > 10 and patterns <= set(_KNOWN_WORDS)
    for pattern in patterns:
        assert _KNOWN_WORDS[pattern] == read_words(pattern), pattern
        assert required_words(pattern) == read_words(pattern)


def test_a_run_over_pages_of_every_policy_reads_no_bundled_patterns_words(tmp_path) -> None:
    """The command line checks one fixture page of each policy without reading a pattern's words (~1 ms each)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    fixtures = Path(__file__).resolve().parent / "policies"
    for folder in sorted(p for p in fixtures.iterdir() if p.is_dir()):
        for page in sorted(folder.glob("*.md"))[:3]:
            shutil.copyfile(page, tmp_path / f"{folder.name}--{page.name}")
    code = (
        "import sys; from reprint_guard import prefilter; from reprint_guard.cli import main\n"
        "read = []; original = prefilter.read_words\n"
        "prefilter.read_words = lambda pattern: read.append(pattern) or original(pattern)\n"
        "code = main()\n"
        "print(len(read), code, file=sys.stderr)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code, "check", "--no-config", "-j", "1", "--format", "json", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.stderr.splitlines()[-1] == "0 1", run.stderr
    assert len(list(tmp_path.iterdir())) > 40


def test_words_read_with_another_unicode_are_taken_for_ascii_patterns_only(monkeypatch):
    # bundled.json's words were read with its builder's Unicode: another Python may fold a letter otherwise, so
    # a pattern with other letters is read again there (ASCII's case folding no Unicode version changes).
    import json
    import unicodedata

    from reprint_guard import prefilter
    from reprint_guard.policy import compiled

    data = json.loads(compiled.COMPILED_PATH.read_text(encoding="utf-8"))
    assert data["unicode"]  # the builder's, stored
    sources = []
    monkeypatch.setattr(prefilter, "know_words", sources.append)
    compiled._know_words({**data, "unicode": unicodedata.unidata_version})
    compiled._know_words({**data, "unicode": "0.0.0"})
    same, other = (source() for source in sources)
    assert any(not pattern.isascii() for pattern in same)
    assert set(other) == {pattern for pattern in same if pattern.isascii()} and other
