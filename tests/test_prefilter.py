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


def test_a_raw_scan_that_says_no_word_is_never_wrong() -> None:
    """The scan of the text as written answers "no" only when the normalised text holds none of the words."""
    import unicodedata

    from reprint_guard.prefilter import raw_word_scan
    from reprint_guard.textnorm import normalize

    rng = random.Random(29)
    pieces = ["End", "ORS", "ed", "re", "served", "s", " ", "\n", "\u00a0", "…", "—", "é", "É", "ß", "ẞ", "ﬁ", "Ｅ"]
    pieces += ["\u200b", "\u00ad", "\u0301", "K", "ſ", "İ", "Σ", "中", "\u1161", "\u0b3e", "ǆ", "Ǆ", "ⓔ", "ᵉ", "\x85"]
    cases = [(b"endorsed",), (b"reserved", b"endorsed"), (b"ss",), (b"fine", b"e.d")]
    seen = {False: 0, True: 0, None: 0}
    for _ in range(30000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        for words in cases:
            scan = raw_word_scan(words)
            assert scan is not None
            verdict = scan(raw.encode("utf-8"))
            seen[verdict] += 1
            normal = normalize(raw)
            if verdict is False:
                assert not any(word.decode() in normal for word in words), (raw, words)
    assert all(seen.values()), seen  # "yes" and "ask the folded text" come too: the scan is not always "no"
    if unicodedata.unidata_version == "14.0.0":
        plain = raw_word_scan((b"endorsed",))
        assert plain is not None and plain("São Paulo — “quoted” … de\u00a0facto".encode()) is False
