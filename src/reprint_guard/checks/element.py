"""``element``: a required element, such as a publisher's tracking pixel, is present, visible and unaltered.

PASS (pattern: "^https://pixel\\.example\\.org/p\\.gif\\?id="): ``<img src="https://pixel.example.org/p.gif?id=42">``

FAIL: no such image; the image inside ``display:none`` or ``hidden`` (the counter never loads for a
reader's browser in some CMSs, and hiding it is "altering"); the image lazy-loaded, its URL in ``data-src``
with no ``src`` (a script must swap it in, and a reader who never scrolls to it is never counted); or an
image on the pixel's host whose URL no longer matches (rewritten by a CDN, AMP or a sanitiser).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..reprint import Reprint
from ..urls import host_of
from ..visible import ADDRESS_ATTRIBUTES
from .base import Context, Problem, compile_pattern

if TYPE_CHECKING:
    from .params import ElementParams as Params

NAME = "element"
SUMMARY = "A required element (e.g. a tracking pixel image) whose URL matches a pattern is present, not hidden."


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    shown, hidden_media = reprint.media
    regex = compile_pattern(params.pattern)
    if any(m.tag == params.tag and regex.search(m.src) for m in shown):
        return
    line, column = reprint.end_position()
    hidden = [m for m in hidden_media if m.tag == params.tag and regex.search(m.src)]
    if hidden:
        line, column = reprint.locate(hidden[0].src)
        yield Problem(line, column, detail="it is there but hidden, so it never loads for readers")
        return
    lazy = _lazy_address(reprint, params.tag, regex)
    if lazy is not None:
        line, column = reprint.locate(lazy)
        yield Problem(
            line,
            column,
            detail="it is there but lazy-loaded (its URL in a data- attribute, no src), so it loads only if a "
            "script swaps it in",
            fix=f'Give it the URL as src: <{params.tag} src="{lazy}" ...>, with no lazy loading.',
            specific=True,
        )
        return
    if params.host:
        altered = [m for m in shown if m.tag == params.tag and host_of(m.src) == params.host.lower()]
        if altered:
            line, column = reprint.locate(altered[0].src)
            yield Problem(line, column, detail=f"{altered[0].src} is on the right host but has been altered")
            return
    yield Problem(line, column, detail=f"no <{params.tag}> whose URL matches /{params.pattern}/")


def _lazy_address(reprint: Reprint, tag: str, regex: object) -> str | None:
    """The matching address of a visible ``tag`` that has no ``src`` but a lazy-loading attribute."""
    for item in reprint.visible.media_without_src():
        if item.tag != tag:
            continue
        for name in ADDRESS_ATTRIBUTES:
            address = (item.attrs.get(name) or "").strip()
            if address and regex.search(address):  # type: ignore[attr-defined]
                return address
    return None
