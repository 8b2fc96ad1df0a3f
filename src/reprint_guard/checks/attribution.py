"""``attribution``: a named credit, or a copyright notice naming the holder, in the visible body.

PASS (names: [Global Research])::

    Originally published by Global Research.

FAIL: the name only in an HTML comment, a code span or a hidden element.

PASS (copyright: true, author Jane Doe)::

    Copyright © Jane Doe, 2024
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..metaview import names_of
from ..reprint import Reprint
from ..textnorm import _is_word, as_written, find_phrase, normalized
from ..visible import VisibleBody
from .base import Context, Problem, render

if TYPE_CHECKING:
    from .params import AttributionParams as Params

NAME = "attribution"
SUMMARY = "A named credit (any accepted variant), or a copyright notice naming the holder, is visible."

_NOTICE_MARKS = ("©", "(c)", "copyright")
_NOTICE_WINDOW = 160
#: What may stand between a notice's mark and the name it gives: more marks, years, "by", a title, punctuation.
_NOTICE_LEAD = re.compile(
    r"(?:[\s,.:;/–—-]|©|\(c\)|copyright\b|\d{4}\b|by\b|(?:dr|prof|mr|mrs|ms|mx|sir|dame|rev)\b\.?)*", re.IGNORECASE
)


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


def has_notice(text: str, holders: list[str], *, cased: bool = False, marks: list[int] | None = None) -> bool:
    """A copyright notice in normalised ``text``: a mark, then one of the holders first (after any years
    or more marks: "© 2025 Ana Ruiz"), and every holder before its sentence ends.

    So "Photo © Reuters" beside a byline, or "© Global Research, 2025. Ana Ruiz
    is a writer.", is no notice of Ana Ruiz's. With ``cased``, ``text`` is as
    written: only "©" and "Copyright" marks and the holders as spelt in the
    metadata are tried (the quick first look). ``marks``: the notice positions,
    when already found.
    """
    if marks is None:  # the cased marks come lazily, last first: a notice is usually at the end
        positions: Iterable[int] = _cased_notice_positions(text) if cased else notice_positions(text)
    else:
        positions = marks
    for start in positions:
        lead = _NOTICE_LEAD.match(text, start).end()  # type: ignore[union-attr] - it matches the empty string
        end = start + len("copyright") + _NOTICE_WINDOW
        if lead >= end or not any(_phrase_at(text, holder, lead, cased) for holder in holders):
            continue
        if len(holders) == 1:
            return True
        end = _sentence_end(text, lead, end)
        if all(find_phrase(text, holder, start, end, cased=cased) >= 0 for holder in holders):
            return True
    return False


def _phrase_at(text: str, phrase: str, index: int, cased: bool) -> bool:
    """Whether ``phrase`` (as :func:`find_phrase` spells it) stands at ``index`` as whole words."""
    needle = as_written(phrase) if cased else normalized(phrase)
    after = index + len(needle)
    return (
        bool(needle)
        and text.startswith(needle, index)
        and (index == 0 or not _is_word(text[index - 1]))
        and (after >= len(text) or not _is_word(text[after]))
    )


def _sentence_end(text: str, start: int, end: int) -> int:
    """Where the sentence running from ``start`` ends, at the latest ``end``: a full stop and a space after a
    number or a word of four letters or more ("2025. ", "Research. "; not "Dr. " or "J. ")."""
    dot = text.find(".", start, end)
    while dot >= 0:
        if dot + 1 < len(text) and text[dot + 1].isspace():
            before = text[max(start, dot - 4) : dot]
            if before[-1:].isdigit() or (len(before) == 4 and before.isalpha()):
                return dot + 1
        dot = text.find(".", dot + 1, end)
    return end


def _cased_notice_positions(text: str) -> Iterator[int]:
    """Where "©" and the word "Copyright" stand, last first: a notice is usually at the end."""
    sign, word = text.rfind("©"), text.rfind("Copyright")
    while sign >= 0 or word >= 0:
        if sign > word:
            yield sign
            sign = text.rfind("©", 0, sign)
        else:
            if find_phrase(text, "Copyright", word, word + len("Copyright"), cased=True) == word:
                yield word  # a word of its own: not "Copyrighted"
            word = text.rfind("Copyright", 0, word)


def _placed(fraction: float, params: Params) -> bool:
    if params.position == "top":
        return fraction <= params.window
    if params.position == "bottom":
        return fraction >= 1 - params.window
    return True


def _where(params: Params) -> str:
    return {"top": "at the top", "bottom": "at the bottom"}.get(params.position, "")


def _missing_or_misplaced(reprint: Reprint, params: Params, phrases: list[str]) -> tuple[list[str], list[str]]:
    """Which required phrases are absent, and which are present but in the wrong place."""
    missing, misplaced = [], []
    for phrase in phrases:
        found = _placements(reprint.visible, params, (phrase,))
        if not found:
            missing.append(phrase)
        elif not _placed(found[0], params):
            misplaced.append(phrase)
    return missing, misplaced


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    visible = reprint.visible
    meta = reprint.metadata
    if params.names:
        found = _placements(visible, params)
        if not found and params.placement_only:
            pass  # missing altogether: another rule's finding
        elif not found:
            shown = f'"{params.names[0]}"'
            if len(params.names) > 1:
                others = len(params.names) - 1
                shown += f" (or {others} other accepted spelling{'s' if others != 1 else ''})"
            line, column = reprint.end_position()
            yield Problem(line, column, detail=f"{shown} is not visible")
        elif not any(_placed(f, params) for f in found):
            line, column = reprint.locate(params.names[0])
            yield Problem(line, column, detail=f"the credit is there, but not {_where(params)} of the article")
    required: list[str] = []
    if params.names_from:
        required += names_of(meta.value(params.names_from))
        if not required:
            line, column = reprint.meta_position(params.names_from)
            yield Problem(
                line,
                column,
                detail=f"'{params.names_from}' is not set, so the credit cannot be checked",
                fix=f"Add '{params.names_from}: ...' to the metadata.",
                specific=True,
            )
    if params.template:
        authors = meta.authors or ["{author}"]
        values = {"publisher": context.policy.publisher, "source": meta.source or context.policy.publisher}
        each = [render(params.template.replace("{author}", a), values) for a in authors]
        joint = [render(params.template.replace("{author}", j), values) for j in _joint(authors)]
        if not any(_placed_ok(reprint, params, phrase) for phrase in joint):
            required += each
    if required:
        missing, misplaced = _missing_or_misplaced(reprint, params, required)
        if missing and params.placement_only:
            missing = []  # another rule's finding
        if missing:
            line, column = reprint.end_position()
            shown = ", ".join(f'"{m}"' for m in missing)
            yield Problem(
                line,
                column,
                detail=f"{shown} {'is' if len(missing) == 1 else 'are'} not visible",
                fix=f"Add a credit line naming {shown}" + (f" {_where(params)}." if _where(params) else "."),
            )
        elif misplaced:
            line, column = reprint.locate(misplaced[0])
            yield Problem(line, column, detail=f'"{misplaced[0]}" is there, but not {_where(params)} of the article')
    if params.copyright:
        holders = meta.holders
        if not holders:
            meta_line, meta_column = reprint.meta_position("author")
            yield Problem(
                meta_line,
                meta_column,
                detail="the copyright holder is unknown: set 'author' or 'copyright_holder' in the metadata",
                fix="Add 'author: <name>' (or 'copyright_holder') to the metadata.",
                specific=True,
            )
        else:
            named, marked = _notice(visible, holders)
            if not named:
                line, column = reprint.end_position()
                names = " and ".join(holders)
                detail = (
                    f"a copyright notice is there, but none names {names} after its mark"
                    if marked
                    else f"found no copyright notice; expected one naming {names}"
                )
                yield Problem(line, column, detail=detail)


def _notice(visible: VisibleBody, holders: list[str]) -> tuple[bool, bool]:
    """(a notice names every holder, a notice mark is visible at all).

    The text as written is tried first; the normalised text only when it holds
    a mark, and its marks are found once for both answers.
    """
    if has_notice(visible.raw_text, holders, cased=True):
        return True, True
    if not any(visible.holds(mark) for mark in _NOTICE_MARKS):
        return False, False
    marks = notice_positions(visible.text)
    if not marks:
        return False, False
    named = all(visible.holds(holder) for holder in holders) and has_notice(visible.text, holders, marks=marks)
    return named, True


def _placements(visible: VisibleBody, params: Params, names: tuple[str, ...] | None = None) -> list[float]:
    """Where the names stand (the rule's accepted names by default): ``[f]`` as soon as one is well placed,
    else where each was found in the normalised text ([] when none is visible).

    A name is well placed when any occurrence is in the window: the first one
    counts for ``top``, the last for ``bottom``. The text as written is tried
    for every name before the normalised text is built, so a compliant reprint
    never pays for it; a hit there that is not well placed does not settle
    anything, since the normalised text may hold a better-placed one (another
    spelling, other case).
    """
    last = params.position != "top"  # where a well-placed credit would be found first
    names = params.names if names is None else names
    placed, _ = _first_placed(visible.raw_text, names, params, cased=True, last=last)
    if placed is not None:
        return [placed]
    held = [name for name in names if visible.holds(name)]  # the normalised text is searched only for these
    if not held:
        return []
    placed, found = _first_placed(visible.text, held, params, cased=False, last=last)
    return [placed] if placed is not None else found


def _first_placed(
    text: str, names: tuple[str, ...] | list[str], params: Params, *, cased: bool, last: bool
) -> tuple[float | None, list[float]]:
    """The first well-placed name's place in ``text``, else None and where the names were found."""
    found = []
    for name in names:
        index = find_phrase(text, name, cased=cased, last=last)
        if index >= 0:
            fraction = index / max(len(text), 1)
            if _placed(fraction, params):
                return fraction, found
            found.append(fraction)
    return None, found


def _joint(authors: list[str]) -> list[str]:
    """The ways a shared byline names several authors: "A and B", "A, B and C", "A & B", "A, B"."""
    if len(authors) < 2:
        return []
    head, last = ", ".join(authors[:-1]), authors[-1]
    return [f"{head} and {last}", f"{head}, and {last}", f"{head} & {last}", ", ".join(authors)]


def _placed_ok(reprint: Reprint, params: Params, phrase: str) -> bool:
    found = _placements(reprint.visible, params, (phrase,))
    return bool(found) and _placed(found[0], params)
