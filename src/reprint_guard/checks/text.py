"""``text``: a phrase or RE2 pattern that must (``require``) or must not (``forbid``) be visible.

Matching is on the normalised visible text (NFKC, case-folded, white space
collapsed), so write patterns in lower case.

PASS (phrase: "originally published", mode: require): ``*Originally   published* by ...``
FAIL (pattern: "all rights reserved", mode: forbid): ``All Rights Reserved.``
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..reprint import Reprint
from ..textnorm import find_phrase, normalized
from .base import Context, Problem, compile_pattern

if TYPE_CHECKING:
    from .params import TextParams as Params

NAME = "text"
SUMMARY = "A phrase or pattern must (require) or must not (forbid) appear in the visible text."


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    visible = reprint.visible
    matched: str | None = None
    if params.phrase is not None:
        needle = normalized(params.phrase)
        if visible.holds(params.phrase):  # the normalised text as str only when the phrase may be there
            index = find_phrase(visible.text, params.phrase)
            matched = visible.text[index : index + len(needle)] if index >= 0 else None
        shown = f'"{needle}"'
    else:
        found = compile_pattern(params.pattern or "", utf8=True).search(visible.text_utf8)
        matched = found.group(0).decode("utf-8", "replace") if found is not None else None
        shown = f"/{params.pattern}/"
    if params.mode == "require" and matched is None:
        line, column = reprint.end_position()
        yield Problem(line, column, detail=f"{shown} is not visible in the article")
    elif params.mode == "forbid" and matched is not None:
        line, column = reprint.locate(matched)
        yield Problem(line, column, detail=f'found "{matched}"')
