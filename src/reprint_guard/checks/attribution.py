"""``attribution``: a named credit, or a copyright notice naming the holder, in the visible body.

PASS (names: [Global Research])::

    Originally published by Global Research.

FAIL: the name only in an HTML comment, a code span or a hidden element.

PASS (copyright: true, author Jane Doe)::

    Copyright © Jane Doe, 2024
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, model_validator

from ..reprint import Reprint
from ..textnorm import find_phrase
from .base import Context, Problem
from .base import Params as BaseParams

NAME = "attribution"
SUMMARY = "A named credit (any accepted variant), or a copyright notice naming the holder, is visible."

_NOTICE_MARKS = ("©", "(c)", "copyright")
_NOTICE_WINDOW = 160


class Params(BaseParams):
    names: tuple[str, ...] = Field(default=(), description="Accepted spellings of the credit; any one suffices.")
    copyright: bool = Field(
        default=False, description="Require a copyright notice (©, (c) or 'Copyright') naming the holder."
    )

    @model_validator(mode="after")
    def _something(self) -> Params:
        if not self.names and not self.copyright:
            raise ValueError("an attribution rule needs 'names', 'copyright: true', or both")
        return self


def notice_positions(text: str) -> list[int]:
    """Where a copyright mark (©, (c) or the word "copyright") starts in normalised text."""
    found = []
    for mark in _NOTICE_MARKS:
        index = text.find(mark)
        while index >= 0:
            if mark != "copyright" or find_phrase(text, mark, index, index + len(mark)) == index:
                found.append(index)
            index = text.find(mark, index + 1)
    return sorted(found)


def has_notice(text: str, holders: list[str]) -> bool:
    """A copyright notice in normalised ``text`` that names every holder soon after the mark."""
    for start in notice_positions(text):
        end = start + len("copyright") + _NOTICE_WINDOW
        if all(find_phrase(text, holder, start, end) >= 0 for holder in holders):
            return True
    return False


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    visible = reprint.visible
    if params.names and not any(visible.has_phrase(name) for name in params.names):
        line, column = reprint.end_position()
        shown = " or ".join(f'"{n}"' for n in params.names[:2])
        if len(params.names) > 2:
            shown += f" (or {len(params.names) - 2} other accepted spellings)"
        yield Problem(
            line, column, detail=f"neither {shown} is visible" if len(params.names) > 1 else f"{shown} is not visible"
        )
    if params.copyright:
        holders = reprint.metadata.holders
        if not holders:
            meta_line, meta_column = reprint.meta_position("author")
            yield Problem(
                meta_line,
                meta_column,
                detail="the copyright holder is unknown: set 'author' or 'copyright_holder' in the metadata",
                fix="Add 'author: <name>' (or 'copyright_holder') to the metadata.",
            )
        elif not (has_notice(visible.lower, holders) or has_notice(visible.text, holders)):
            line, column = reprint.end_position()
            names = " and ".join(holders)
            near = "a notice naming someone else" if notice_positions(visible.text) else "no copyright notice"
            yield Problem(line, column, detail=f"found {near}; expected one naming {names}")
