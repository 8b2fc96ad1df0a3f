"""What a reader sees in rendered HTML: visible text, hyperlinks and images.

Every body format ends up here as HTML, so "what counts as present" has one
definition. Lexbor (through selectolax) parses like a browser does, which is
what decides nesting, comments and raw HTML inside Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .textnorm import find_phrase, normalize

#: Elements whose content a reader never sees as article text.
_INVISIBLE_TAGS = "script, style, template, code, pre, head, title, noscript, [hidden], [style]"
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


#: GitHub-flavoured Markdown's extended autolinks (bare ``https://`` and ``www.`` URLs).
def _find_all(text: str, needle: str) -> list[int]:
    found = []
    index = text.find(needle)
    while index >= 0:
        found.append(index)
        index = text.find(needle, index + 1)
    return found


BARE_URL = re.compile(r"(?<![\w/@.])(?:https?://|www\.)[^\s<>\"]*[^\s<>\"?!.,:;*_~'()\[\]]")


class VisibleBody:
    """The visible part of a body: its text, hyperlinks and images.

    ``text`` is the fully normalised text (NFKC, case-folded, white space
    collapsed); it is computed only when a cheap look at ``lower`` (the raw text
    lower-cased) could not already find what a check wants, which is the common
    case for a compliant reprint.
    """

    __slots__ = ("_lower", "_text", "images", "links", "raw_text")

    def __init__(
        self,
        raw_text: str,
        links: list[str] | None = None,
        images: list[str] | None = None,
    ) -> None:
        self.raw_text = raw_text
        self.links = links if links is not None else []
        self.images = images if images is not None else []
        self._text: str | None = None
        self._lower: str | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = normalize(self.raw_text)
        return self._text

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.raw_text.lower()
        return self._lower

    def texts(self) -> Iterator[str]:
        """The lower-cased text, then (only if asked for) the fully normalised one."""
        yield self.lower
        yield self.text

    def has_phrase(self, phrase: str) -> bool:
        """Whether ``phrase`` is visible as whole words, after normalisation."""
        return find_phrase(self.lower, phrase) >= 0 or find_phrase(self.text, phrase) >= 0

    def phrase_at(self, phrase: str) -> float | None:
        """Where ``phrase`` first stands in the visible text, as a fraction (0 = top, 1 = bottom)."""
        for text in self.texts():
            index = find_phrase(text, phrase)
            if index >= 0:
                return index / max(len(text), 1)
        return None


class Media(NamedTuple):
    """An image, video, audio, iframe or embed in the body."""

    tag: str
    src: str
    attrs: dict[str, str | None]


_MEDIA = "img[src], video[src], audio[src], source[src], iframe[src], embed[src], object[data]"


def _media(root: LexborNode) -> list[Media]:
    found = []
    for node in root.css(_MEDIA):
        attrs = dict(node.attributes)
        src = (attrs.get("data") if node.tag == "object" else attrs.get("src")) or ""
        found.append(Media(node.tag, src.strip(), attrs))
    return found


def _is_hidden(node: LexborNode) -> bool:
    tag = node.tag
    if tag in ("script", "style", "template", "code", "pre", "head", "title", "noscript"):
        return True
    attrs = node.attributes
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return bool(style and _HIDING_STYLE.search(style))


def _prune_invisible(root: LexborNode) -> None:
    """Remove invisible subtrees, outermost first (never touch a node inside a removed one)."""
    hidden = [node for node in root.css(_INVISIBLE_TAGS) if _is_hidden(node)]
    if not hidden:
        return
    ids = {node.mem_id for node in hidden}
    for node in hidden:
        parent = node.parent
        while parent is not None:
            if parent.mem_id in ids:
                break
            parent = parent.parent
        else:
            node.decompose()


def from_html(html: str, *, bare_urls: bool = True) -> VisibleBody:
    """Parse HTML (a fragment or a whole page) and keep what a reader sees."""
    tree = LexborHTMLParser(html)
    root = tree.body
    if root is None:  # pragma: no cover - lexbor always creates a body
        return VisibleBody("")
    _prune_invisible(root)
    links: list[str] = []
    anchor_texts: set[str] = set()
    for anchor in root.css("a[href]"):
        href = anchor.attributes.get("href")
        if href:
            links.append(href.strip())
            anchor_texts.add(anchor.text(deep=True).strip())
    images = [src.strip() for img in root.css("img[src]") if (src := img.attributes.get("src"))]
    raw_text = root.text(deep=True, separator=" ")
    if bare_urls:
        links.extend(_bare_urls(raw_text, anchor_texts))
    return VisibleBody(raw_text, links, images)


def from_text(text: str, *, bare_urls: bool = True) -> VisibleBody:
    """Plain text: all of it is visible; bare URLs count as links when enabled."""
    links = _bare_urls(text, set()) if bare_urls else []
    return VisibleBody(text, links, [])


def _bare_urls(text: str, anchor_texts: set[str]) -> list[str]:
    """GFM extended autolinks in visible text; only positions where "http" or "www." start are tried."""
    found = []
    starts = sorted({*_find_all(text, "http"), *_find_all(text, "www.")})
    end = -1
    for start in starts:
        if start < end:
            continue
        match = BARE_URL.match(text, start)
        if match is None:
            continue
        end = match.end()
        url = match.group(0)
        if url in anchor_texts:
            continue  # the text of a real link: its href is what counts
        found.append(url if "://" in url else "http://" + url)
    return found


_MEDIA_TAGS = ("<img", "<video", "<audio", "<iframe", "<embed", "<object", "<source")


def media_from_html(html: str) -> tuple[list[Media], list[Media]]:
    """Media a reader sees, and media that are there but hidden (parsed again, only for checks that ask)."""
    lower = html.lower()
    if not any(tag in lower for tag in _MEDIA_TAGS):
        return [], []
    root = LexborHTMLParser(html).body
    if root is None:  # pragma: no cover - lexbor always creates a body
        return [], []
    everything = _media(root)
    _prune_invisible(root)
    visible = _media(root)
    keys = {(m.tag, m.src) for m in visible}
    return visible, [m for m in everything if (m.tag, m.src) not in keys]
