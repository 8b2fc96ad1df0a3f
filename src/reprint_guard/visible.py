"""What a reader sees in rendered HTML: visible text, hyperlinks and images.

Every body format ends up here as HTML, so "what counts as present" has one
definition. Lexbor (through selectolax) parses like a browser does, which is
what decides nesting, comments and raw HTML inside Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .textnorm import normalize

#: Elements whose content a reader never sees as article text.
_INVISIBLE_TAGS = "script, style, template, code, pre, head, title, noscript, [hidden], [style]"
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: GitHub-flavoured Markdown's extended autolinks (bare ``https://`` and ``www.`` URLs).
BARE_URL = re.compile(r"(?<![\w/@.])(?:https?://|www\.)[^\s<>\"]*[^\s<>\"?!.,:;*_~'()\[\]]")


@dataclass(slots=True)
class VisibleBody:
    """The visible part of a body. ``text`` is normalised for comparison."""

    raw_text: str
    text: str
    links: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


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
        return VisibleBody("", "")
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
    return VisibleBody(raw_text, normalize(raw_text), links, images)


def from_text(text: str, *, bare_urls: bool = True) -> VisibleBody:
    """Plain text: all of it is visible; bare URLs count as links when enabled."""
    links = _bare_urls(text, set()) if bare_urls else []
    return VisibleBody(text, normalize(text), links, [])


def _bare_urls(text: str, anchor_texts: set[str]) -> list[str]:
    if "http" not in text and "www." not in text:
        return []
    found = []
    for match in BARE_URL.finditer(text):
        url = match.group(0)
        if url in anchor_texts:
            continue  # the text of a real link: its href is what counts
        found.append(url if "://" in url else "http://" + url)
    return found
