"""Text comparison as a reader sees it: NFKC, case-folded, zero-width removed, spaces collapsed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)


def normalize(text: str) -> str:
    """Normalise text for comparison, so look-alike spellings of a credit still match."""
    text = unicodedata.normalize("NFKC", text.translate(_ZERO_WIDTH)).casefold()
    return " ".join(text.split())


@lru_cache(maxsize=1024)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A literal phrase that must stand as whole words (\"Global Research\" not in \"Global Researchers\")."""
    needle = re.escape(normalize(phrase))
    return re.compile(rf"(?<!\w){needle}(?!\w)")


def contains_phrase(normalized_text: str, phrase: str) -> bool:
    return phrase_pattern(phrase).search(normalized_text) is not None
