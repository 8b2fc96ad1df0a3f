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
import threading
from collections.abc import Callable, Mapping
from functools import lru_cache

from .forking import fork_safe

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


#: The most words the lexicon holds; a word asked about past it is searched for on its own.
MAX_LEXICON_WORDS = 2048


class Lexicon:
    """Words searched for all at once: one pass over a text tells which of them it holds (an RE2 set).

    A policy's rules ask about a few words each ("endorsed", "licence",
    "edited"); one search per question read the text again and again. Asked
    once for every word any rule has asked about, the text is read once and
    every later question is a lookup. Immutable: one with more words replaces it.

    The same pass tells whether the text holds two spaces in a row (:meth:`read`): a folded text without
    them is collapsed by stripping its ends (:func:`~reprint_guard.textnorm.collapse` looks for them a byte
    at a time, ~10 µs an article).
    """

    __slots__ = ("words", "_order", "_set", "_covers")

    def __init__(self, words: frozenset[bytes]) -> None:
        import re2

        from .checks.base import SEARCH_MEMORY

        self.words = words
        self._order = sorted(words)
        #: The word tuples asked about that it holds, by id (each kept, so that its id is not another's):
        #: the tuples are the cached ones of required_words and the checks, asked of every text.
        self._covers: dict[int, tuple[bytes, ...]] = {}
        options = re2.Options()
        options.max_mem = SEARCH_MEMORY
        options.log_errors = False
        options.never_capture = True
        found = re2.Set.SearchSet(options)
        # The witness matches every text: an answer without it is RE2's DFA out of memory, not "none there".
        try:
            found.Add(rb"\A")
            found.Add(_TWO_SPACES)
            for word in self._order:
                found.Add(re.escape(word.decode("utf-8")).encode("utf-8"))
            found.Compile()
        except re2.error as exc:  # past RE2's memory budget
            raise ValueError(f"no set of {len(words)} words: {exc}") from None
        self._set = found

    def holds(self, words: tuple[bytes, ...]) -> bool:
        """Whether the lexicon holds all of ``words`` (a tuple asked about before is looked up by its id)."""
        if self._covers.get(id(words)) is words:
            return True
        if not self.words.issuperset(words):
            return False
        if len(self._covers) < _COVERS_KEPT:
            self._covers[id(words)] = words
        return True

    def read(self, text: bytes) -> tuple[frozenset[bytes], bool] | None:
        """The words ``text`` holds, and whether it holds two spaces in a row; None when RE2 could not tell
        (a text to search word by word)."""
        found = self._set.Match(text)
        if not found or 0 not in found:
            return None
        order = self._order
        return frozenset(order[index - 2] for index in found if index > 1), 1 in found

    def present(self, text: bytes) -> frozenset[bytes] | None:
        """The words ``text`` holds; None when RE2 could not tell (a text to search word by word)."""
        read = self.read(text)
        return read[0] if read is not None else None


#: Two spaces, in the lexicon's set beside its words (see :meth:`Lexicon.read`).
_TWO_SPACES = b"  "
#: How many word tuples a lexicon remembers holding (a policy's rules ask a few dozen; a replaced policy more).
_COVERS_KEPT = 4096


_LEXICON: list[Lexicon | None] = [None]
_LEXICON_LOCK = fork_safe(threading.Lock())


def lexicon_with(words: tuple[bytes, ...]) -> Lexicon | None:
    """The lexicon, holding ``words`` too (made anew, once, when it lacks one); None past its size limit."""
    lexicon = _LEXICON[0]
    if lexicon is not None and lexicon.holds(words):
        return lexicon
    with _LEXICON_LOCK:
        lexicon = _LEXICON[0]
        if lexicon is not None and lexicon.words.issuperset(words):
            return lexicon
        wanted = (lexicon.words if lexicon is not None else frozenset()).union(words)
        if len(wanted) > MAX_LEXICON_WORDS:
            return None
        try:
            lexicon = Lexicon(wanted)
        except ValueError:  # RE2 could not build the set: each word is searched for on its own
            return None
        _LEXICON[0] = lexicon
        return lexicon


#: The words of the bundled policies' patterns, read when ``bundled.json`` was built (``policy.compiled``) and
#: given by :func:`know_words` as a run loads it: reading a long pattern's words costs a run about a
#: millisecond each, ~25 ms for a folder of pages of several policies, the same every run.
_KNOWN_WORDS: dict[str, tuple[bytes, ...] | None] = {}
#: What gives more of them, asked at the first pattern not known (a run that reaches no text rule asks none).
_KNOWN_SOURCES: list[Callable[[], Mapping[str, tuple[bytes, ...] | None]]] = []
_UNKNOWN = object()


def know_words(source: Callable[[], Mapping[str, tuple[bytes, ...] | None]]) -> None:
    """Patterns' words as :func:`read_words` read them (ahead of the run), given by ``source`` when first
    needed, for :func:`required_words` to give without reading the patterns again."""
    _KNOWN_SOURCES.append(source)


@lru_cache(maxsize=512)
def required_words(pattern: str) -> tuple[bytes, ...] | None:
    """Words (lower case, UTF-8, no spaces) of which every match of ``pattern`` holds at least one.

    None when no such words are known. ASCII letters, digits and punctuation make words, and letters that
    NFKC and case folding leave as they are ("é", "ż", Arabic letters: a restrictive notice in another
    language, "droits réservés"); any other character (one the normalised text never holds as written)
    breaks a word. A bundled policy's pattern's words were read ahead (:func:`know_words`).
    """
    known = _KNOWN_WORDS.get(pattern, _UNKNOWN)
    while known is _UNKNOWN and _KNOWN_SOURCES:
        try:
            source = _KNOWN_SOURCES.pop()
        except IndexError:  # another thread took it: its words are the same as reading them
            break
        _KNOWN_WORDS.update(source())
        known = _KNOWN_WORDS.get(pattern, _UNKNOWN)
    if known is not _UNKNOWN:
        return known  # type: ignore[return-value]
    return read_words(pattern)


def read_words(pattern: str) -> tuple[bytes, ...] | None:
    """:func:`required_words`, read from the pattern."""
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
    "they this to was we were which with article articles content coverage feature investigation material page "
    "original post report reporting series section stories story local"
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
