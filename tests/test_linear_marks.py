"""Long runs of combining marks, and of other characters NFKC joins across, are read in linear time and as the
plain reading reads them.

Two costs were quadratic: CPython's NFKC sorts a run by moving each mark back past every mark of a higher class
before it (100 KB of two alternating marks took a check 19 s with no nesting at all: the text is normalised ten
times), and the walk behind :meth:`VisibleBody.blocks_holding` could cut a block's text only before a "solid"
character, so a run with none was passed whole to each of 3,900 blocks around it, normalised and searched again
at each (100 KB took more than ten minutes).
"""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import cpu_seconds
from reprint_guard import check
from reprint_guard.textnorm import _ZERO_WIDTH_CHARS, normalize
from reprint_guard.visible import _TEXT_BLOCKS, _holding_block_by_block, _innermost_holding
from test_linear_nesting import GR_META

DEPTH = 3_900

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
    start = cpu_seconds()
    folded = normalize(text)
    assert cpu_seconds() - start < 2.0
    assert folded == "á\u0f71\u0f72" + "\u0316" * 200_000 + "\u0301" * 199_999
    start = cpu_seconds()  # each U+0F73 decomposes to two marks of two classes: decomposed before the sort
    assert normalize("\u0f73" * 50_000) == "\u0f71" * 50_000 + "\u0f72" * 50_000
    assert cpu_seconds() - start < 2.0


def _timed(body: str, **options: str) -> tuple[dict[str, str], float]:
    start = cpu_seconds()
    findings = check(body, GR_META, **options).findings
    return {finding.rule: finding.message for finding in findings}, cpu_seconds() - start


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


def test_what_the_cuts_rely_on_holds_under_this_unicode_version() -> None:
    """What :func:`~reprint_guard.visible._cut_normalised` takes for granted, held to every code point: the
    canonical pairs all stand below U+20000; no letter takes in more than four marks; NFKC makes no zero-width
    character; and a character NFKC leaves with combining class 0 decomposes to a starter first."""
    from reprint_guard.visible import _MOST_TAKEN_IN

    most = 0
    for code in range(0x110000):
        char = chr(code)
        decomposition = unicodedata.decomposition(char)
        if 0xD800 <= code < 0xE000 or not (decomposition or unicodedata.combining(char)):
            continue  # NFKC leaves it as it is (a Hangul syllable decomposes to starters, no marks)
        decomposed = unicodedata.normalize("NFKD", char)
        parts = decomposition.split()
        assert code < 0x20000 or not (len(parts) == 2 and not parts[0].startswith("<")), hex(code)
        most = max(most, sum(1 for part in unicodedata.normalize("NFD", char) if unicodedata.combining(part)))
        if char not in _ZERO_WIDTH_CHARS:
            assert not any(zero in unicodedata.normalize("NFKC", char) for zero in _ZERO_WIDTH_CHARS), hex(code)
        if unicodedata.is_normalized("NFKC", char) and not unicodedata.combining(char):
            assert not unicodedata.combining(decomposed[0]), hex(code)
    assert most <= _MOST_TAKEN_IN


#: U+0618 and U+064E, the two Arabic marks of combining class 30 that normalise as themselves, in no order.
_SHUFFLED = "".join(random.Random(3).choices("\u0618\u064e", k=1_500))

#: The same two, built so that a mark (:data:`_SEAMED_MARK`) is read across a cut made where fewer than its length
#: less one of them agree on both sides of it, or where the two meeting there stand side by side in a mark.
_SEAMED = "\u0618" * 5 + "\u064e\u0618\u064e" + "\u064e" * 500 + "\u0618\u0618\u064e" + "\u0618" * 11
_SEAMED_MARK = "\u064e\u0618\u064e\u0618"

#: Pages around long runs, each with marks a reading could get wrong: one that holds in an outer block and not in
#: the inner one (marks joining the run from outside, a letter before it), and the plain ones.
PAGES = [
    # the run ends the innermost block, nothing after it at any level
    ("<div>" * 30 + "a" + "\u0301" * 700 + "</div>" * 30 + "<p>©</p>", ("á\u0301\u0301",)),
    # the run starts it, nothing before it at any level
    ("<div>" * 30 + "\u0301" * 700 + "x" + "</div>" * 30, ("\u0301x",)),
    # marks around every level join the run (they sort into it, and the letter takes one in)
    ("<div>\u0316" * 25 + "<p>a" + "\u0301" * 700 + "</p>" + "\u0317</div>" * 25, ("á\u0316", "\u0317\u0317")),
    ("<div><div>a" + "\u0301" * 700 + "</div>\u0316b</div>", (normalize("a\u0316\u0301"),)),
    ("<div>\u1ea1<div>" + "\u0301" * 700 + "</div></div>", (normalize("\u1ea1\u0301"),)),
    ("<div>" * 20 + "a" + "\u0316\u0317\u0301\u0300" * 300 + "</div>\u0318" * 20, ("\u0317\u0318", "\u0316\u0317")),
    # a class whose first and last marks differ from its middle (read across a gap, they would make a mark), and
    # a mark as long as the longest, a letter outside and the first of a class of two alternating marks
    ("<div>" * 20 + "a" + "\u0316" * 40 + "\u0317" * 600 + "\u0318" * 40 + "</div>" * 20, ("\u0316\u0318",)),
    ("<div>a<div>" + "\u0316\u0317" * 300 + "</div></div>", ("a" + "\u0316\u0317" * 4,)),
    # the letter outside takes in the first two of the class (a, breve, acute: U+1EAF), and the mark reads on
    ("<div>a<div>" + "\u0306\u0301" + "\u0300\u0302" * 300 + "</div></div>", ("\u1eaf" + "\u0300\u0302" * 4,)),
    # Hangul: vowels after a leading consonant, final consonants after a syllable, both after a vowel
    ("<div>\u1100" * 20 + "\u1161" * 800 + "</div>" * 20, (normalize("\u1100\u1161\u1161"), "\u1161" * 3)),
    ("<div>\uac00" + "\u11a8" * 800 + "\u1161</div>", (normalize("\uac00\u11a8\u11a8"),)),
    ("<div>" * 10 + "\u1161\u11a8" * 400 + "</div>\u1100</div>" * 5 + "</div>" * 5, (normalize("\u11a8\u1100"),)),
    # Indic vowel signs' second halves, with and without their first
    ("<div>\u0b47" + "\u0b3e" * 800 + "</div>", (normalize("\u0b47\u0b3e"),)),
    ("<div>" * 10 + "\u0dd9" + "\u0dcf\u0dca" * 400 + "</div>" * 10, (normalize("\u0dd9\u0dcf\u0dca"),)),
    ("<div>\u0cc6<div>" + "\u0cc2\u0cd5" * 400 + "</div></div>", (normalize("\u0cc6\u0cc2\u0cd5"),)),
    # Arabic harakat: fatha and shadda after a letter; two marks of one class and no other mark of it free
    ("<div>" * 20 + "\u0628" + "\u064e\u0651" * 400 + "</div>" * 20, (normalize("\u0628\u064e\u0651"),)),
    ("<div>" * 20 + "\u0618\u064e" * 500 + "</div>" * 20 + "<p>©</p>", ("\u064e\u0618\u0618", "©")),
    ("<div>\u0628" * 20 + "\u0618\u064e" * 500 + "</div>" * 20, ("\u0618\u0618\u064e\u064e\u0618",)),
    ("<div>" * 20 + "\u0628" + _SHUFFLED + "</div>" * 20, ("\u0618\u064e\u0618\u064e\u0618", "\u064e\u0618\u064e")),
    ("<div>" * 20 + "\u0628" + _SEAMED + "</div>" * 20, (_SEAMED_MARK,)),
    # Vietnamese stacked marks, CGJ and ZWJ/ZWNJ between marks
    ("<div>" * 20 + "e\u0323\u0302" * 300 + "</div>" * 20, ("\u1ec7\u1ec7",)),
    ("<div>" * 20 + "a" + "\u0301\u034f" * 400 + "</div>\u0316" * 20, ("\u034f\u0316",)),
    ("<div>" * 20 + "a" + "\u0301\u200d\u0316\u200c" * 300 + "</div>" * 20, (normalize("a\u0316\u0301"),)),
    # controls, and a long text of letters with a run in its middle
    ("<div>" * 20 + "a" + "\x01" * 900 + "</div>" * 20 + "<p>©</p>", ("\x01©",)),
    ("<div>" * 20 + "Copyright " + "x\u0301" * 200 + "\u0301" * 900 + " © Ana</div>" * 20, ("©",)),
]


@pytest.mark.parametrize(("page", "own"), PAGES)
def test_pages_of_long_runs_are_read_by_the_walk_as_block_by_block(page: str, own: tuple[str, ...]) -> None:
    """The walk (which cuts long runs short) and the plain reading agree on pages built around them."""
    tree = LexborHTMLParser(page)
    for marks in (own, ("©",), ("copyright", "©"), ("ana ruiz", "©", *own), (normalize("\u0301"),)):
        assert _innermost_holding(tree, marks) == _holding_block_by_block(tree.css(_TEXT_BLOCKS), marks), marks


def _hostile(rng: random.Random) -> str:
    """A long text with few characters a cut may fall before: runs of marks, Hangul vowels, vowel signs."""
    marks = rng.sample(MARKS, rng.randint(1, 4))
    size = rng.choice([400, 900, 2000])
    shape = rng.random()
    if shape < 0.4:
        core = "".join(rng.choice(marks) for _ in range(size))
    elif shape < 0.6:
        unit = "".join(rng.choice(marks) for _ in range(rng.randint(1, 3)))
        core = unit * (size // len(unit))
    elif shape < 0.8:
        alphabet = marks + rng.sample([*"\u1161\u11a8\u0b3e\u0dcf\u0cc2\u0cd5\u09be\u102e\u0b57"], 2)
        core = "".join(rng.choice(alphabet) for _ in range(size))
    else:  # two runs with a starter between
        core = "".join(rng.choice(marks) for _ in range(size // 2))
        core += rng.choice(STARTERS) + "".join(rng.choice(marks) for _ in range(size // 2))
    return (
        rng.choice(["", "a", "\u1100", "\u0b47", "\u0628", "ω", "\u0dd9", "\u0cc6"])
        + core
        + rng.choice(["", "x", "\u1161"])
    )


def _beside(rng: random.Random) -> str:
    """What a block around the run holds beside the block in it: often nothing, else a few marks or letters."""
    shape = rng.random()
    if shape < 0.5:
        return ""
    if shape < 0.7:
        return "".join(rng.choice(MARKS) for _ in range(rng.randint(1, 3)))
    if shape < 0.85:
        return rng.choice([*STARTERS, "\n", " ", "x", "©", "ana"])
    return rng.choice(STARTERS) + "".join(rng.choice(MARKS) for _ in range(rng.randint(0, 3)))


def _nested(rng: random.Random) -> str:
    page = rng.choice(["<p>{}</p>", "{}", "<div>{}</div>"]).format(_hostile(rng).replace("<", "&lt;"))
    for _ in range(rng.randint(2, 40)):
        tag = rng.choice(["div", "div", "blockquote", "section"])
        page = f"<{tag}>{_beside(rng)}{page}{_beside(rng)}</{tag}>"
    return page


def _marks_of(rng: random.Random, tree: LexborHTMLParser) -> tuple[str, ...]:
    """Marks taken from the page's blocks (near their ends, often), in no innermost block's text."""
    texts = [normalize(node.text(deep=True, separator="")) for node in tree.css(_TEXT_BLOCKS)]
    inner = min(texts, key=len)
    found: set[str] = set()
    wanted = rng.randint(1, 4)
    for _ in range(40):
        text = rng.choice(texts)
        if len(found) >= wanted or not text:
            continue
        at = rng.choice(
            [rng.randrange(len(text)), rng.randrange(min(len(text), 12)), max(0, len(text) - rng.randint(1, 12))]
        )
        mark = text[at : at + rng.randint(1, 9)]
        if mark and mark not in inner:
            found.add(mark)
    if rng.random() < 0.3:
        found.add(rng.choice(["\u0618\u064e", "\u0e38\u0e39", "zz", normalize("\u0301\u0301")]))
    return tuple(sorted(found))


@pytest.mark.parametrize("seed", range(4))
def test_generated_pages_of_long_runs_are_read_by_the_walk_as_block_by_block(seed: int) -> None:
    """Random nesting around random runs, with random marks and marks beside each level: both readings agree."""
    rng = random.Random(seed)
    for _ in range(60):
        tree = LexborHTMLParser(_nested(rng))
        marks = _marks_of(rng, tree)
        if marks:
            assert _innermost_holding(tree, marks) == _holding_block_by_block(tree.css(_TEXT_BLOCKS), marks), marks


@pytest.mark.parametrize(
    ("inside", "nest"),
    [
        ("a" + "\u0301" * 5_000, "<div>{}</div>"),  # one mark over and over
        ("a" + "\u0316\u0301\u0323\u0302" * 1_250, "<blockquote>{}</blockquote>"),  # marks of alternating classes
        ("\u1100" + "\u1161" * 5_000, "<div>{}</div>"),  # Hangul vowels
        ("\u0628" + "\u064e\u0651" * 2_500, "<div>{}</div>"),  # Arabic fatha and shadda
        ("a" + "\u0301\u200d" * 2_500, "<div>{}</div>"),  # marks parted by zero-width joiners
    ],
)
def test_deep_nesting_around_a_long_run_of_marks_is_read_once(inside: str, nest: str) -> None:
    """3,900 blocks around a run of 5,000 characters no cut could fall before took from 30 s to 17 minutes (each
    block read the run again, and NFKC sorted a run of two classes again at each; 60-110 s with that sort made
    linear); the run ends each block's text (marks outside may join it). The notice outside still names no
    author."""
    opening, closing = nest.split("{}")
    body = (
        "Copyright © 2025\n\nAna Ruiz told the man at Global Research hello.\n\n"
        + opening * DEPTH
        + inside
        + closing * DEPTH
        + "\n"
    )
    found, took = _timed(body)
    assert "a copyright notice is there, but none names Ana Ruiz" in found["global-research/copyright-notice"]
    assert set(found) == {"global-research/copyright-notice", "global-research/link-original"}, found
    assert took < 6.0, took


def test_markdown_quotes_around_a_long_run_of_marks_are_read_once() -> None:
    """The same run in 3,900 nested Markdown quotes."""
    body = "Copyright © 2025\n\nAna Ruiz told the man at Global Research hello.\n\n" + "> " * DEPTH
    found, took = _timed(body + "x" + "\u0301\u0316" * 2_500 + "x\n")
    assert "a copyright notice is there, but none names Ana Ruiz" in found["global-research/copyright-notice"]
    assert set(found) == {"global-research/copyright-notice", "global-research/link-original"}, found
    assert took < 6.0, took
