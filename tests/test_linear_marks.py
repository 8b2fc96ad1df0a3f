"""Long runs of combining marks are normalised in linear time, as NFKC normalises them: CPython's NFKC sorts a
run by moving each mark back past every mark of a higher class before it, so 100 KB of two alternating marks
took a check 19 s with no nesting at all (the text is normalised ten times).
"""

from __future__ import annotations

import random
import re
import time
import unicodedata

from reprint_guard import check
from reprint_guard.textnorm import _ZERO_WIDTH_CHARS, normalize

GR_META = {
    "title": "T",
    "author": "Ana Ruiz",
    "original_url": "https://www.globalresearch.ca/some-story/5812345",
    "original_published": "2025-01-01",
    "medium": "web",
    "commercial": False,
}

#: Combining marks of many classes (two of U+0300's 230 and 220 each; Hebrew, Arabic, Devanagari, Tibetan and kana
#: marks; U+0344 and U+0F73, which decompose to two marks; the halfwidth voicing mark, a starter that decomposes
#: to one), and starters NFKC composes a mark or a vowel with.
MARKS = [
    *"\u0301\u0300\u0316\u0317\u0323\u0302\u0345\u0327\u0306\u0308\u0304\u0313\u0342\u1dc0\U0001d167",
    *"\u05b0\u05b8\u05c7\u064e\u0651\u0650\u0618\u093c\u094d\u0f71\u0f72\u0f73\u0344\u0340\u3099\uff9e\u0e38\u0e39",
]
STARTERS = [
    *"aeouAωα\u00e1\u1ec7\u1f82\u01c4\u2163ﬁ\x01 \u00a0\u3000😀𠀀",
    *"\u1100\u1161\u11a8\uac00",  # Hangul: a leading consonant, a vowel, a final consonant, a syllable
    *"\u0b47\u0b3e\u0b57\u0dd9\u0dcf\u0dca\u0cc6\u0cc2\u0cd5\u0985\u09c7\u09be\u09d7\u1025\u102e",  # vowel signs
    *"\u0628\u034f\u200d\u200c\u0f77",  # an Arabic letter, CGJ, ZWJ, ZWNJ, a Tibetan letter that decomposes
]


#: Typographic apostrophes and hyphens, compared as ASCII.
_LOOKALIKES = str.maketrans(
    dict.fromkeys("\u2018\u2019\u02bc", "'") | dict.fromkeys("\u2010\u2011\u2012\u2013\u2212", "-")
)


def _plain_normalize(text: str) -> str:
    """The definition :func:`normalize` is held to."""
    text = re.sub(f"[{_ZERO_WIDTH_CHARS}]", "", text)
    return " ".join(unicodedata.normalize("NFKC", text).casefold().translate(_LOOKALIKES).split())


def _run(rng: random.Random, size: int) -> str:
    """A text of ``size`` characters, mostly marks of a few classes, among some starters."""
    alphabet = rng.sample(MARKS, rng.randint(1, 4)) * 4 + rng.sample(STARTERS, rng.randint(0, 3))
    return "".join(rng.choice(alphabet) for _ in range(size))


def test_nfkc_is_unicodedata_nfkc_on_generated_runs() -> None:
    """A long run is sorted before NFKC: the result is NFKC's own, whatever the run holds and whatever is around."""
    from reprint_guard.textnorm import nfkc

    rng = random.Random(7)
    for _ in range(3_000):
        text = _run(rng, rng.choice([0, 5, 31, 32, 33, 100, 400]))
        assert nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)
        assert normalize(text) == _plain_normalize(text), ascii(text)


def test_a_long_run_of_alternating_marks_is_normalised_in_linear_time() -> None:
    """CPython's NFKC took 10 s on 80,000 marks of two alternating classes; sorted first, 400,000 take 0.2 s. A
    Tibetan vowel sign between (two marks of lower classes, once decomposed) is sorted with them."""
    text = "a" + "\u0301\u0316" * 100_000 + "\u0f73" + "\u0316\u0301" * 100_000
    start = time.perf_counter()
    folded = normalize(text)
    assert time.perf_counter() - start < 2.0
    assert folded == "á\u0f71\u0f72" + "\u0316" * 200_000 + "\u0301" * 199_999


def _timed(body: str, **options: str) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    findings = check(body, GR_META, **options).findings
    return {finding.rule: finding.message for finding in findings}, time.perf_counter() - start


def test_a_long_run_of_alternating_marks_in_a_plain_paragraph_is_normalised_in_linear_time() -> None:
    """With no nesting at all, 100 KB of two alternating marks took 19 s: the check normalises the text ten
    times, and each took NFKC's quadratic sort."""
    body = "Copyright © 2025\n\nAna Ruiz told the man at Global Research hello.\n\nx" + "\u0316\u0301" * 25_000 + "x\n"
    found, took = _timed(body)
    assert "a copyright notice is there, but none names Ana Ruiz" in found["global-research/copyright-notice"]
    assert set(found) == {"global-research/copyright-notice", "global-research/link-original"}, found
    assert took < 6.0, took


def test_every_character_that_decomposes_to_a_mark_first_stands_from_u0300_to_u20000() -> None:
    """:func:`~reprint_guard.textnorm.nfkc` finds runs with a class built from that stretch alone."""
    for code in [*range(0x300), *range(0x20000, 0x110000)]:
        char = chr(code)
        if unicodedata.decomposition(char) or unicodedata.combining(char):
            assert not unicodedata.combining(unicodedata.normalize("NFKD", char)[0]), hex(code)
