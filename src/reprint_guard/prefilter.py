"""The words every match of a policy pattern must contain, so a text without them needs no search.

A text check searches the normalised visible text, which costs collapsing its
white space first. Most texts lack the words a forbidden pattern is about
("reserved", "endorsed"), and a word (no space in it) can be looked for in the
folded text, before any collapsing (:meth:`~reprint_guard.visible.VisibleBody.may_contain`).

:func:`required_words` reads a subset of RE2 syntax: literals, groups,
alternation, classes, the usual escapes and quantifiers. For anything else
(``\\Q``, ``\\p{..}``, POSIX classes, braces that are not a repetition) it
says None, "no words known", and the pattern is simply searched: the answer may be
less than it could be, never wrong. A test holds it to RE2 on generated patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

#: Escapes of one letter that match one character of a class (not a word to look for).
_CLASS_ESCAPES = frozenset("dDwWsS")
#: Escapes that match no character at all.
_EMPTY_ESCAPES = frozenset("bBAz")
_FLAGS = frozenset("imsU-")
_MAX_DEPTH = 50

Words = frozenset[str]


class _Unknown(Exception):
    """Syntax this reader does not follow: no words are known."""


#: From this many words on, one RE2 search of the text beats a search per word (RE2 reads it once).
_MANY_WORDS = 3


@lru_cache(maxsize=512)
def word_finder(words: tuple[bytes, ...]) -> Callable[[bytes], bool]:
    """A test of whether a text holds any of ``words``: substring searches for a few, one RE2 search for more."""
    if len(words) >= _MANY_WORDS:
        from .checks.base import compile_pattern

        try:
            regex = compile_pattern("|".join(re.escape(word.decode("utf-8")) for word in words), utf8=True)
        except ValueError:  # too many words for one pattern: a search per word
            pass
        else:
            return lambda data: regex.search(data) is not None
    return lambda data: any(word in data for word in words)


#: Where the characters a raw scan can see through are looked for: Latin, Greek, Cyrillic, punctuation and
#: currency signs (a text with any other non-ASCII character is left to the folded text).
_PLAIN_BLOCKS = ((0x80, 0x24F), (0x370, 0x4FF), (0x2000, 0x206F), (0x20A0, 0x20BF))


@lru_cache(maxsize=1)
def _plain_folds() -> dict[str, str]:
    """The characters of :data:`_PLAIN_BLOCKS` that normalise on their own, with what each becomes.

    Normalising a text of such characters normalises each by itself: none is
    removed (zero-width), none composes with or reorders around its neighbours
    (combining class 0 for it and the first character it becomes, and not one
    that composes backward). Empty under another Unicode version than
    :mod:`~reprint_guard.textnorm`'s list was made for: nothing is seen through.
    """
    import unicodedata

    from .textnorm import _COMPOSES_BACKWARD, _COMPOSES_BACKWARD_UNICODE, _ZERO_WIDTH_CHARS, LOOKALIKES

    if unicodedata.unidata_version != _COMPOSES_BACKWARD_UNICODE:
        return {}
    folds = {}
    for low, high in _PLAIN_BLOCKS:
        for code in range(low, high + 1):
            char = chr(code)
            if char in _ZERO_WIDTH_CHARS or char in _COMPOSES_BACKWARD or unicodedata.combining(char):
                continue
            compat = unicodedata.normalize("NFKC", char)
            if not compat or unicodedata.combining(compat[0]) or compat[0] in _COMPOSES_BACKWARD:
                continue
            folds[char] = compat.casefold().translate(LOOKALIKES)
    return folds


def _ranges(codes: Iterable[int]) -> str:
    """Code points (ascending) as the inside of an RE2 class: runs as ``\\x{a}-\\x{b}``, which compile faster."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(rf"\x{{{low:x}}}-\x{{{high:x}}}" if high > low else rf"\x{{{low:x}}}" for low, high in runs)


@lru_cache(maxsize=512)
def raw_word_scan(words: tuple[bytes, ...]) -> Callable[[bytes], bool | None] | None:
    """A test of the text as written (UTF-8) for ``words``, which spares folding it.

    It answers False when none of the words can be in the normalised text,
    True when one is there as written (case aside), and None when the text
    holds a character it cannot see through: one that normalises to a letter
    of the words ("ﬁ", "ß", fullwidth letters), is removed (zero-width) or may
    combine with its neighbours. None for words it cannot search.
    """
    from .checks.base import compile_pattern

    letters = set(b"".join(words).decode("utf-8"))
    plain = _ranges(ord(char) for char, folded in _plain_folds().items() if not any(c in letters for c in folded))
    try:
        regex = compile_pattern(
            "(?i:(" + "|".join(re.escape(word.decode("utf-8")) for word in words) + rf"))|[^\x00-\x7f{plain}]",
            utf8=True,
            capture=True,  # group 1: one of the words, else a character it cannot see through
        )
    except ValueError:
        return None

    def scan(data: bytes) -> bool | None:
        found = regex.search(data)
        if found is None:
            return False
        return True if found.group(1) is not None else None

    return scan


@lru_cache(maxsize=512)
def required_words(pattern: str) -> tuple[bytes, ...] | None:
    """Words (lower case, UTF-8, no spaces) of which every match of ``pattern`` holds at least one.

    None when no such words are known. ASCII letters, digits and punctuation make words, and letters that
    NFKC and case folding leave as they are ("é", "ż", Arabic letters: a restrictive notice in another
    language, "droits réservés"); any other character (one the normalised text never holds as written)
    breaks a word.
    """
    try:
        reader = _Reader(pattern)
        words = reader.alternation(0)
        if reader.at != len(pattern):
            raise _Unknown  # an unbalanced ")"
    except _Unknown:
        return None
    return tuple(sorted(word.encode("utf-8") for word in words)) if words else None


def _word_char(char: str) -> bool:
    """Whether a literal character of a pattern can be part of a word looked for in the normalised text."""
    if char.isascii():
        return not char.isspace() and char.isprintable()
    import unicodedata

    return char.isalpha() and unicodedata.normalize("NFKC", char).casefold() == char


#: Words most articles hold: a pattern's words are looked for elsewhere when it has rarer ones to require
#: ("sponsored by", not "this story", in "this story is sponsored by").
_COMMON_WORDS = (
    "a an and are as at be been by for from has have he her his in is it its of on or our she that the their "
    "they this to was we were which with article coverage feature investigation page post report reporting "
    "series section story"
)
_COMMON = frozenset(_COMMON_WORDS.split())
#: A word shorter than this is in most texts however rare it looks ("c", "xi").
_RARE_LENGTH = 3


def _best(candidates: list[Words]) -> Words | None:
    """The candidate most selective to look for: one without a common word (nor one of a letter or two,
    which filters nothing), then the one whose shortest word is longest."""

    def selective(words: Words) -> tuple[bool, int]:
        shortest = min(map(len, words))
        return _COMMON.isdisjoint(words) and shortest >= _RARE_LENGTH, shortest

    return max(candidates, key=selective, default=None)


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0

    def _peek(self) -> str:
        return self.pattern[self.at] if self.at < len(self.pattern) else ""

    def alternation(self, depth: int) -> Words | None:
        if depth > _MAX_DEPTH:
            raise _Unknown
        branches = [self.sequence(depth)]
        while self._peek() == "|":
            self.at += 1
            branches.append(self.sequence(depth))
        if any(branch is None for branch in branches):
            return None  # that branch may match without any of the words
        return frozenset().union(*branches)  # type: ignore[arg-type]

    def sequence(self, depth: int) -> Words | None:
        candidates: list[Words] = []
        run: list[str] = []  # literal characters that stand next to each other in every match

        def flush() -> None:
            if run:
                candidates.append(frozenset({"".join(run)}))
                run.clear()

        while self._peek() not in ("", "|", ")"):
            kind, value = self._atom(depth)
            if self._quantifier():
                if kind == "empty":
                    raise _Unknown  # after "(?i)", RE2 applies a quantifier to the atom before it
                flush()  # optional or repeated: neither required nor next to its neighbours
                continue
            if kind == "char":
                if _word_char(value):
                    run.append(value.lower())
                else:
                    flush()
            elif kind == "group":
                flush()
                if value is not None:
                    candidates.append(value)
            elif kind == "other":
                flush()
            # "empty" (\b, ^, $): matches no character, so the run goes on
        flush()
        return _best(candidates)

    def _atom(self, depth: int) -> tuple[str, object]:
        char = self._peek()
        self.at += 1
        if char == "(":
            return self._group(depth)
        if char == "[":
            self._class()
            return "other", None
        if char == "\\":
            escaped = self._peek()
            self.at += 1
            if escaped in _EMPTY_ESCAPES:
                return "empty", None
            if escaped in _CLASS_ESCAPES:
                return "other", None
            if escaped and escaped.isascii() and not escaped.isalnum():
                return "char", escaped
            if escaped in "pP" and escaped:
                self._skip_property()
                return "other", None  # one character of a Unicode class (\pL, \p{Greek}): no word
            raise _Unknown  # \Q, \x, \n, \1, \C ...: not read here
        if char in "^$":
            return "empty", None
        if char == ".":
            return "other", None
        if char in "*+?{":
            raise _Unknown  # a quantifier with nothing to repeat, or a brace RE2 takes as a literal
        return "char", char

    def _group(self, depth: int) -> tuple[str, object]:
        pattern = self.pattern
        if self._peek() == "?":
            if pattern.startswith("?:", self.at):
                self.at += 2
            elif pattern.startswith(("?P<", "?<"), self.at):
                close = pattern.find(">", self.at)
                if close < 0:
                    raise _Unknown
                self.at = close + 1
            else:
                end = self.at + 1
                while end < len(pattern) and pattern[end] in _FLAGS:
                    end += 1
                if end >= len(pattern) or pattern[end] not in "):" or end == self.at + 1:
                    raise _Unknown
                self.at = end + 1
                if pattern[end] == ")":
                    return "empty", None  # (?i): flags for what follows; case is folded anyway
        inner = self.alternation(depth + 1)
        if self._peek() != ")":
            raise _Unknown
        self.at += 1
        return "group", inner

    def _class(self) -> None:
        """Skip a character class: ``[...]``, ``[^...]``, a leading ``]`` taken literally."""
        pattern = self.pattern
        if self._peek() == "^":
            self.at += 1
        if self._peek() == "]":
            self.at += 1
        while self.at < len(pattern):
            char = pattern[self.at]
            if char == "]":
                self.at += 1
                return
            if char == "[":
                raise _Unknown  # [[:alpha:]] and the like
            if char == "\\":
                escaped = pattern[self.at + 1 : self.at + 2]
                if escaped and escaped in "pP":
                    self.at += 2
                    self._skip_property()
                    continue
                if escaped.isalnum() and escaped not in _CLASS_ESCAPES:
                    raise _Unknown  # \x41, \Q ...: lengths this reader does not follow
                self.at += 2
                continue
            self.at += 1
        raise _Unknown  # never closed

    def _skip_property(self) -> None:
        r"""Skip what follows ``\p`` or ``\P``: one letter (``\pL``) or a braced name (``\p{Greek}``)."""
        pattern = self.pattern
        if self._peek() == "{":
            close = pattern.find("}", self.at)
            if close < 0:
                raise _Unknown
            self.at = close + 1
        elif self._peek().isascii() and self._peek().isalpha():
            self.at += 1
        else:
            raise _Unknown

    def _quantifier(self) -> bool:
        """Consume a quantifier after an atom, if there is one."""
        pattern, char = self.pattern, self._peek()
        if char in ("*", "+", "?"):
            self.at += 1
        elif char == "{":
            close = pattern.find("}", self.at)
            body = pattern[self.at + 1 : close] if close > 0 else ""
            low, _, high = body.partition(",")
            if not low.isdigit() or (high and not high.isdigit()):
                raise _Unknown  # RE2 reads such a brace as a literal: not followed here
            self.at = close + 1
        else:
            return False
        if self._peek() == "?":  # lazy
            self.at += 1
        return True
