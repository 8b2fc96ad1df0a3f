"""Text comparison as a reader sees it: NFKC, case-folded, zero-width removed (or a space where one parts two
words), typographic apostrophes and hyphens made ASCII, spaces collapsed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

#: Characters that show nothing: zero-width spaces and joiners, the soft hyphen, and the marks that set the
#: direction of bidirectional text.
_ZERO_WIDTH_CHARS = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: Characters that show nothing (removed before text is compared).
ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
#: Those of them a word processor or a mail program pastes where two words meet (a zero-width space, the word
#: joiner, a byte-order mark): between a small letter and a capital ("Global\u200bResearch") they part two
#: words, as a reader reads them; elsewhere they stand inside a word. Not a soft hyphen: a CMS hyphenating words
#: puts one inside a name ("Pro\u00adPublica"), where it parts nothing.
_GAP_CHARS = "\u200b\u2060\ufeff"
_ASCII_BYTES = bytes(range(128))
#: In one pass over UTF-8: ASCII letters lower-cased (casefold of ASCII is lower()), and ASCII white
#: space as ``str.split`` sees it (``bytes.split`` leaves out \x1c-\x1f) made a space.
_ASCII_FOLD = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b"abcdefghijklmnopqrstuvwxyz" + b" " * 9
)
#: The same, letters left in their case (the text a publisher's name is told in by its capitals).
_ASCII_SPACES = bytes.maketrans(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b" " * 9)
#: Typographic look-alikes of ASCII punctuation that writers and CMSs put in (WordPress's "smart" quotes
#: curl every apostrophe; a name keeps its non-breaking hyphen): compared as the ASCII character, so
#: "O’Connor" is "O'Connor" and "Núñez‑Ortega" is "Núñez-Ortega". The em dash stays: it parts clauses.
LOOKALIKES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark, the curly apostrophe
        "\u02bc": "'",  # modifier letter apostrophe
        "\u2010": "-",  # hyphen (NFKC makes the non-breaking hyphen U+2011 this)
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash, often typed for a hyphen in a double-barrelled name
        "\u2212": "-",  # minus sign
    }
)
#: The white space ``str.split`` knows that NFKC does not turn into a space.
_OTHER_SPACES = frozenset("\x85\u1680\u2028\u2029")


#: Characters with combining class 0 that compose with the character before them (the second half of a
#: canonical pair, as in U+0B47 U+0B3E -> U+0B4B), for the Unicode versions named (Python 3.11's 14.0,
#: 3.12's 15.0 and 3.13's 15.1 list the same); Hangul vowel and trailing jamo are added below. A test
#: recomputes the list from ``unicodedata`` under each.
_COMPOSES_BACKWARD_UNICODE = frozenset({"14.0.0", "15.0.0", "15.1.0"})
_COMPOSES_BACKWARD = frozenset(
    chr(code)
    for code in (
        *(0x9BE, 0x9D7, 0xB3E, 0xB56, 0xB57, 0xBBE, 0xBD7, 0xCC2, 0xCD5, 0xCD6, 0xD3E, 0xD57, 0xDCF),
        *(0xDDF, 0xFB5, 0xFB7, 0x102E, 0x1B35, 0x11127, 0x1133E, 0x11357, 0x114B0, 0x114BA, 0x114BD),
        *(0x115AF, 0x11930),
        *range(0x1161, 0x1176),  # Hangul vowels: L + V -> LV
        *range(0x11A8, 0x11C3),  # Hangul trailing consonants: LV + T -> LVT
    )
)


@lru_cache(maxsize=4096)
def _nfkc_inert(char: str) -> bool:
    """Whether NFKC leaves ``char`` as it is wherever it stands (so text made of such characters needs none).

    It must be NFKC already, not combine with what comes before it, and not be
    reordered (combining class 0). Under a Unicode version the list above was
    not made for, no character is taken for inert.
    """
    return (
        unicodedata.unidata_version in _COMPOSES_BACKWARD_UNICODE
        and char not in _ZERO_WIDTH_CHARS
        and unicodedata.combining(char) == 0
        and char not in _COMPOSES_BACKWARD
        and unicodedata.is_normalized("NFKC", char)
    )


#: Runs of combining marks shorter than this are left to CPython's own ordering (see :func:`nfkc`).
_LONG_RUN = 32
#: A character above U+FFFF.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def nfkc(text: str, chars: set[str] | None = None) -> str:
    """``unicodedata.normalize("NFKC", text)``, in time linear in the length of a run of combining marks.

    CPython puts each run of marks in canonical order (stably, by combining
    class) by moving each mark back past every mark of a higher class before
    it: 50,000 marks of two alternating classes took it 4 s. Each long run is
    put in that order here first (``sorted`` is stable), so NFKC's own sort has
    only the few marks a letter before the run decomposes to left to move. A
    text is searched for runs only when it holds enough marks to make one.
    ``chars``: the text's distinct non-ASCII characters (or more), when already known.
    """
    if len(text) >= _LONG_RUN and not text.isascii():
        if chars is None:
            chars = _non_ascii(text.encode("utf-8", "surrogatepass"))
        marks = [char for char in chars if _leads_with_mark(char)]
        if marks and sum(map(text.count, marks)) >= _LONG_RUN:
            pieces, done = [], 0
            for start, end in mark_runs(text):
                pieces += (text[done:start], _in_canonical_order(text[start:end]))
                done = end
            if pieces:
                text = "".join(pieces) + text[done:]
    return unicodedata.normalize("NFKC", text)


@lru_cache(maxsize=4096)
def _leads_with_mark(char: str) -> bool:
    """Whether NFKC decomposes ``char`` to a combining mark first (a mark, or U+0F73 and its like)."""
    return bool(unicodedata.combining(char)) or (
        bool(unicodedata.decomposition(char)) and bool(unicodedata.combining(unicodedata.normalize("NFKD", char)[0]))
    )


def _in_canonical_order(run: str) -> str:
    """A run of marks sorted by combining class, as NFKC sorts it (those that decompose to marks of other
    classes decomposed first)."""
    split = _mark_runs()[2]
    if any(chr(code) in run for code in split):
        run = run.translate(split)
    return "".join(sorted(run, key=unicodedata.combining))


def mark_runs(text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` holds a run of at least :data:`_LONG_RUN` characters that NFKC decomposes to combining
    marks alone (start, end), in order. Looked for first with the marks of the Basic Multilingual Plane and any
    character above it (a class of all the marks costs ten times as much a character to match), then within
    a stretch that holds one of the latter, with the marks alone."""
    quick, exact, _ = _mark_runs()
    for stretch in quick.finditer(text):
        if _ASTRAL.search(text, stretch.start(), stretch.end()) is None:
            yield stretch.span()
        else:
            yield from (run.span() for run in exact.finditer(text, stretch.start(), stretch.end()))


@lru_cache(maxsize=1)
def _mark_runs() -> tuple[re.Pattern[str], re.Pattern[str], dict[int, str]]:
    """For :func:`mark_runs`: a long run of characters that NFKC decomposes to combining marks alone, or above
    U+FFFF; the same of those characters alone; and a table decomposing those among them whose marks are not
    all of the character's own class (U+0F73, the halfwidth voicing marks).

    Every such character stands from U+0300 to U+20000 (a test holds this): built in about 10 ms, for the first
    text that holds enough marks to make a run.
    """
    combining, decomposition = unicodedata.combining, unicodedata.decomposition
    codes, split = [], {}
    for code in range(0x300, 0x20000):
        char = chr(code)
        if not combining(char) and not decomposition(char):
            continue
        marks = unicodedata.normalize("NFKD", char)
        if not combining(marks[0]):
            continue
        codes.append(code)
        if any(combining(mark) != combining(char) for mark in marks):
            split[code] = marks
    plane = "".join(_ranges([code for code in codes if code <= 0xFFFF]))
    return (
        re.compile(f"[{plane}\\U00010000-\\U0010ffff]{{{_LONG_RUN},}}"),
        re.compile(f"[{''.join(_ranges(codes))}]{{{_LONG_RUN},}}"),
        split,
    )


def _ranges(codes: list[int]) -> Iterator[str]:
    """``codes`` (ascending) as the ranges of a regular expression's class."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return (f"{re.escape(chr(first))}-{re.escape(chr(last))}" for first, last in ranges)


#: The blocks whose letters have a case (Latin, Greek, Cyrillic, Armenian, Georgian, their extensions, the
#: full-width Latin letters): where a gap between a small letter and a capital is looked for.
_CASED_BLOCKS = ((0x41, 0x590), (0x10A0, 0x1100), (0x1C80, 0x1CC0), (0x1E00, 0x2000), (0x2C00, 0x2D30))
_CASED_BLOCKS += ((0xA640, 0xA800), (0xAB30, 0xAB70), (0xFF21, 0xFF5B))


@lru_cache(maxsize=1)
def _camel_gap() -> re.Pattern[str]:
    """A run of :data:`_GAP_CHARS` between a small letter and a capital (or title-case letter) of
    :data:`_CASED_BLOCKS`: built (a few milliseconds) for the first text that holds one of those characters."""
    codes = [code for first, last in _CASED_BLOCKS for code in range(first, last)]
    small = "".join(_ranges([code for code in codes if chr(code).islower()]))
    capital = "".join(_ranges([code for code in codes if chr(code).isupper() or chr(code).istitle()]))
    return re.compile(f"(?<=[{small}])[{_GAP_CHARS}]++(?=[{capital}])")


def gaps_spaced(text: str) -> str:
    """``text`` with each run of :data:`_GAP_CHARS` between a small letter and a capital a space (the rest of
    it as it is): "Global\u200bResearch" is "Global Research"."""
    if any(char in text for char in _GAP_CHARS):
        return _camel_gap().sub(" ", text)
    return text


def unseen_removed(text: str) -> str:
    """``text`` without the characters that show nothing (:data:`ZERO_WIDTH`), but a run of those pasted where
    two words meet, between a small letter and a capital ("Global\u200bResearch", "Global\u2060Research"), made a
    space: read as written, "Global Research", where a reader sees two words. A soft hyphen or a zero-width
    space inside a word ("Glo\u00adbal") is left out. Cheap for a text without any (``in`` tests only)."""
    return ZERO_WIDTH.sub("", gaps_spaced(text))


def normalize(text: str, *, fold_case: bool = True) -> str:
    """Normalise text for comparison, so look-alike spellings of a credit still match.

    The result is ``" ".join(unicodedata.normalize("NFKC", text).casefold().translate(LOOKALIKES).split())``
    with zero-width characters removed first (:func:`unseen_removed`: one pasted between a small letter and a
    capital made a space; a test holds it to that definition); without ``fold_case``,
    the same but ``casefold()``.
    """
    if not fold_case:
        folded = _fold(text, fold_case=False)
        if isinstance(folded, set):  # NFKC changes something: normalise the string, then what it became
            folded = _fold(nfkc(unseen_removed(text), folded), nfkc=True, fold_case=False)
            assert isinstance(folded, bytes)
        return collapse(folded).decode("utf-8")
    if text.isascii():  # the common case: NFKC and zero-width removal cannot change ASCII
        return " ".join(text.lower().split())
    return normalize_utf8(text).decode("utf-8")


def normalize_utf8(text: str, folded: bytes | None = None) -> bytes:
    """:func:`normalize`, encoded as UTF-8: what RE2 patterns search, built without the ``str`` in between.

    ``folded``: :func:`fold_utf8` of ``text``, when already made.
    """
    found = _fold(text) if folded is None else folded
    if isinstance(found, set):  # NFKC changes something: normalise the string, then fold what it became
        if any(char in text for char in _ZERO_WIDTH_CHARS):
            text = unseen_removed(text)
        found = _fold(nfkc(text, found), nfkc=True)
        assert isinstance(found, bytes)
    return collapse(found)


def fold_utf8(
    text: str,
    *,
    nfkc: bool = False,
    encoded: bytes | None = None,
    fold_case: bool = True,
    others: set[str] | None = None,
) -> bytes | None:
    """:func:`normalize_utf8` but for collapsing white space: case folded, every white space a space.

    None when NFKC would change the text (``nfkc``: it is NFKC already). A
    word (no space in it) is in the folded text exactly when it is in the
    normalised text, so a search for words needs no collapsing, the costly
    step: a text with a thousand single spaces makes every search for two.

    The work is done on UTF-8 bytes: ``str.casefold`` and ``str.split`` walk
    every character of a non-ASCII string in Python's Unicode tables, while an
    article has a handful of distinct non-ASCII characters, which are folded
    one by one. ``encoded``: ``text`` as UTF-8, when already made; ``others``: its distinct non-ASCII
    characters (:func:`non_ascii_chars`), when already known. Without ``fold_case``, letters keep
    their case (white space and look-alikes are made the same all the same).
    """
    folded = _fold(text, nfkc=nfkc, encoded=encoded, fold_case=fold_case, others=others)
    return folded if isinstance(folded, bytes) else None


def _fold(
    text: str,
    *,
    nfkc: bool = False,
    encoded: bytes | None = None,
    fold_case: bool = True,
    others: set[str] | None = None,
) -> bytes | set[str]:
    """:func:`fold_utf8`, or where NFKC would change the text its distinct non-ASCII characters (which
    :func:`nfkc` is spared reading again)."""
    table = _ASCII_FOLD if fold_case else _ASCII_SPACES
    if text.isascii():
        return (encoded or text.encode("ascii")).translate(table)
    data = encoded or text.encode("utf-8")
    if others is None:
        others = _non_ascii(data)
    if not nfkc and not all(map(_nfkc_inert, others)):  # usually a few dashes, quotes and accented letters
        return others
    data = data.translate(table)  # ASCII bytes only: they never stand inside a multi-byte character
    changed = {}
    for char in others:
        # lower case, no ASCII white space, typographic apostrophes and hyphens as ASCII ones
        folded = " " if char in _OTHER_SPACES else (char.casefold() if fold_case else char).translate(LOOKALIKES)
        if folded != char:  # UTF-8 is self-synchronising: a character's bytes match only that character
            changed[char.encode("utf-8")] = folded.encode("utf-8")
    return _replaced(data, changed)


def non_ascii_chars(text: str) -> set[str]:
    """The distinct non-ASCII characters of ``text``: read in its UTF-8 with the ASCII bytes dropped (7 µs for
    an article), where a set of the ``str`` takes each of its characters one by one (55 µs)."""
    return _non_ascii(text.encode("utf-8", "surrogatepass"))


def non_ascii_bytes(data: bytes) -> set[str]:
    """:func:`non_ascii_chars` of a text already encoded (``data``, UTF-8): a set the caller may share,
    never to change."""
    return _non_ascii(data)


def _non_ascii(data: bytes) -> set[str]:
    """The distinct non-ASCII characters of ``data`` (UTF-8): an article has a handful, each changed once."""
    return set(data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))


def _replaced(data: bytes, changed: dict[bytes, bytes]) -> bytes:
    """``data`` (UTF-8) with each character of ``changed`` replaced, all at once in one pass (a search for a
    few bytes costs as much as the whole text's); UTF-8 is self-synchronising, so a character's bytes match
    only that character."""
    return _replacer(frozenset(changed))(lambda found: changed[found.group()], data) if changed else data


@lru_cache(maxsize=512)
def _replacer(chars: frozenset[bytes]) -> Callable[..., bytes]:
    """One substitution for all of ``chars`` (UTF-8 characters): each is replaced as it stands, none by
    what another became."""
    return re.compile(b"|".join(re.escape(char) for char in sorted(chars))).sub


#: Characters whose lower case ``str.lower`` writes apart from the character alone: the capital sigma is
#: "ς" at a word's end and "σ" elsewhere, and the dotted capital I becomes two characters.
_LOWER_IN_CONTEXT = frozenset("\u03a3\u0130")


def lower(text: str, encoded: bytes | None = None, others: set[str] | None = None) -> str:
    """``text.lower()``, made faster for a long text with a few kinds of non-ASCII characters.

    ``str.lower`` looks up every character of a non-ASCII string in Python's
    Unicode tables (30 µs for a 7,000-character article with one curly quote,
    ten times the ASCII case); here the ASCII letters are lowered as bytes and
    each distinct other character that changes is replaced as a whole (as
    :func:`fold_utf8` folds). The same string as ``str.lower``, always.
    ``encoded``: ``text`` as UTF-8, when already made (its encoding is a fifth of the work); ``others``: its
    distinct non-ASCII characters (:func:`non_ascii_chars`), when already known.
    """
    if text.isascii():
        return text.lower()
    data = encoded if encoded is not None else text.encode("utf-8", "surrogatepass")
    changed = {}
    for char in _non_ascii(data) if others is None else others:
        lowered = char.lower()
        if lowered != char:
            if char in _LOWER_IN_CONTEXT:
                return text.lower()
            changed[char.encode("utf-8")] = lowered.encode("utf-8")
    # ASCII bytes only are lowered: they never stand inside a multi-byte character
    return _replaced(data.lower(), changed).decode("utf-8", "surrogatepass")


def collapse(folded: bytes) -> bytes:
    """Runs of spaces made one, none at the ends: :func:`fold_utf8`'s text normalised."""
    parts = folded.split(b"  ")  # runs of spaces are few: split at them rather than at every word (one scan)
    if len(parts) > 1:
        folded = b" ".join(piece for part in parts if (piece := part.strip(b" ")))
    return folded.strip(b" ")


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


#: Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), and Korean,
#: whose particles attach to the word before them ("김민지가", "Global Voices에"): a name among them stands
#: whole wherever it is found ("本文原载于Dialogue Earth").
SPACELESS_RANGES = (
    "\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0002fa1f"
)
_SPACELESS = re.compile(f"[{SPACELESS_RANGES}]")


def spaceless(text: str) -> bool:
    """Whether every character of ``text`` but its spaces is of a script written without spaces between
    words: a name in it ("山田 太郎", "山田太郎") is written with a space between its parts or without."""
    return any(char != " " for char in text) and all(char == " " or _SPACELESS.match(char) for char in text)


#: The Arabic conjunction "و" ("and"), written onto the word after it: "بقلم أحمد علي وسارة الخطيب" names
#: "سارة الخطيب" as the second author.
_WA = "\u0648"


def _after_wa(text: str, index: int, first: str) -> bool:
    """Whether the match at ``index`` (starting with ``first``) follows a lone "و" written onto it, a word of
    its own before an Arabic letter."""
    return text[index - 1] == _WA and "\u0620" <= first <= "\u064a" and (index == 1 or not _is_word(text[index - 2]))


def _apart(outside: str, edge: str) -> bool:
    """Whether a word character ``outside`` a match still leaves it whole, beside its edge character ``edge``:
    one of them is of a script that puts no space between words."""
    return (outside >= "\u0e00" and _SPACELESS.match(outside) is not None) or (
        edge >= "\u0e00" and _SPACELESS.match(edge) is not None
    )


def find_phrase(
    normalized_text: str,
    phrase: str,
    start: int = 0,
    end: int | None = None,
    *,
    cased: bool = False,
    last: bool = False,
) -> int:
    """Index of ``phrase`` standing as whole words in normalised text, or -1.

    ("Global Research" is not found in "Global Researchers".) Plain ``str.find``
    plus a look at the neighbours is many times faster than a regex with look-around.
    With ``cased``, the text is as written and so is the phrase: a quick first
    try that spares lower-casing and normalising the whole text when it succeeds.
    With ``last``, the last occurrence (credits stand at the end: the search is short).
    """
    needle = as_written(phrase) if cased else normalized(phrase)
    if not needle:
        return -1
    text = normalized_text
    limit = len(text) if end is None else end
    first, final = needle[0], needle[-1]
    if last:
        index = text.rfind(needle, start, limit)
        while index >= 0:
            if _whole(text, index, index + len(needle), first, final):
                return index
            index = text.rfind(needle, start, index + len(needle) - 1)
        return -1
    index = text.find(needle, start, limit)
    while index >= 0:
        if _whole(text, index, index + len(needle), first, final):
            return index
        index = text.find(needle, index + 1, limit)
    return -1


def _whole(text: str, index: int, after: int, first: str, final: str) -> bool:
    """Whether the match of a phrase at ``text[index:after]`` (its first and last characters ``first`` and
    ``final``) stands as whole words: no word character beside it, but one of a script written without spaces
    or a lone Arabic "و" written onto it."""
    return (
        index == 0 or not _is_word(text[index - 1]) or _apart(text[index - 1], first) or _after_wa(text, index, first)
    ) and (after >= len(text) or not _is_word(text[after]) or _apart(text[after], final))


@lru_cache(maxsize=1024)
def normalized(phrase: str) -> str:
    """:func:`normalize`, cached for the few phrases policies use over and over."""
    return normalize(phrase)


@lru_cache(maxsize=1024)
def normalized_utf8(phrase: str) -> bytes:
    """:func:`normalized`, encoded: to test whether normalised UTF-8 text holds the phrase at all."""
    return normalized(phrase).encode("utf-8")


@lru_cache(maxsize=1024)
def as_written(phrase: str) -> str:
    """The phrase with its spaces collapsed but its case kept, for :func:`find_phrase` with ``cased``."""
    return " ".join(phrase.split())


#: Letters of other scripts drawn like Latin ones (Cyrillic and Greek): a name or a host written with one
#: looks right to a reader and is not the name. Not folded (a Cyrillic word is a Cyrillic word): told.
_LATIN_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁһԛԝАВЕКМНОРСТХІЈЅοαερντικΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhqwABEKMHOPCTXIJSoaepvtikABEZHIKMNOPTYX",
)


#: The lead bytes of the look-alikes' UTF-8 (Greek U+0370-U+03FF, Cyrillic U+0400-U+052F): a text without any
#: holds none of them, told by a few byte searches (a translation of a whole text costs 40 µs).
_LOOKALIKE_LEADS = (b"\xcd", b"\xce", b"\xcf", b"\xd0", b"\xd1", b"\xd2", b"\xd3", b"\xd4")


def may_hold_lookalikes(data: bytes) -> bool:
    """Whether ``data`` (UTF-8) may hold a letter of :data:`_LATIN_LOOKALIKES`' other scripts."""
    return any(lead in data for lead in _LOOKALIKE_LEADS)


def lookalike_letters(written: str, meant: str) -> str | None:
    """When ``written`` is ``meant`` but for letters of another script drawn alike ("Glоbal" with a Cyrillic
    "о"), the first such letter, named ("'о' (CYRILLIC SMALL LETTER O)"); else None."""
    if written == meant or written.translate(_LATIN_LOOKALIKES) != meant:
        return None
    char = next(c for c, m in zip(written, meant, strict=True) if c != m)
    return f"'{char}' ({unicodedata.name(char, f'U+{ord(char):04X}')})"


def lookalike_of(text: str, meant: str) -> str | None:
    """Where ``text`` holds ``meant`` written with look-alike letters of another script, the first such
    letter, named (see :func:`lookalike_letters`); else None. Case is kept: asked only when ``meant`` is not
    found as written."""
    mapped = text.translate(_LATIN_LOOKALIKES)
    at = mapped.find(meant)
    while at >= 0:
        told = lookalike_letters(text[at : at + len(meant)], meant)
        if told is not None:
            return told
        at = mapped.find(meant, at + 1)
    return None
