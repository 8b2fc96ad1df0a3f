"""Text comparison as a reader sees it: NFKC, case-folded, zero-width removed, spaces collapsed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")


def normalize(text: str) -> str:
    """Normalise text for comparison, so look-alike spellings of a credit still match."""
    if text.isascii():  # the common case: NFKC and zero-width removal cannot change ASCII
        return " ".join(text.lower().split())
    if any(char in text for char in _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


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
    if last:
        index = text.rfind(needle, start, limit)
        while index >= 0:
            after = index + len(needle)
            if (index == 0 or not _is_word(text[index - 1])) and (after >= len(text) or not _is_word(text[after])):
                return index
            index = text.rfind(needle, start, index + len(needle) - 1)
        return -1
    index = text.find(needle, start, limit)
    while index >= 0:
        after = index + len(needle)
        if (index == 0 or not _is_word(text[index - 1])) and (after >= len(text) or not _is_word(text[after])):
            return index
        index = text.find(needle, index + 1, limit)
    return -1


@lru_cache(maxsize=1024)
def normalized(phrase: str) -> str:
    """:func:`normalize`, cached for the few phrases policies use over and over."""
    return normalize(phrase)


@lru_cache(maxsize=1024)
def as_written(phrase: str) -> str:
    """The phrase with its spaces collapsed but its case kept, for :func:`find_phrase` with ``cased``."""
    return " ".join(phrase.split())
