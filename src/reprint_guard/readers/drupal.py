"""Drupal's stored body HTML, read as Drupal renders it.

A body field as Drupal stores it (CKEditor 5's source, a JSON:API ``body.value``, an export) writes a
picture's caption in the element's ``data-caption`` attribute, which Drupal's caption filter shows as the
picture's ``<figcaption>``: read as written, a photo's "PHOTO REUSE PROHIBITED" would be no text at all.
Each such caption is written out as the ``<figcaption>`` the filter makes of it. (A ``<drupal-media>``
embed, the media library's picture, is counted as media where media are found:
:data:`reprint_guard.visible.IMAGE_ELEMENTS`.)
"""

from __future__ import annotations

import re
from html import unescape

#: The ``data-caption`` attribute and its value (quoted either way, or bare), right after the space before it.
_CAPTION_ATTRIBUTE = re.compile(r"""\sdata-caption\s*=\s*(?:"([^"]*)"|'([^']*)'|([^"'=<>`\s]+))""", re.IGNORECASE)
#: A start tag, its attributes on one line or several (as the parser reads one; a value may hold a ``>`` only
#: quoted).
_START_TAG = re.compile(
    r"""<[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>"""
)
#: How far from the attribute its tag's ``<`` and ``>`` are looked for (a tag of more, such as one holding a
#: picture's data in its ``src``, is not read as one): each tag is read once, so a page costs its length.
_TAG_REACH = 20_000
#: A tag in a caption, and its name: Drupal's caption filter keeps a link, emphasis, a citation, code and a
#: line break, and strips any other tag (its text stays).
_CAPTION_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>")
_KEPT_TAGS = frozenset({"a", "em", "strong", "cite", "code", "br"})


def has_captions(html: str) -> bool:
    """Whether ``html`` may hold a caption in an attribute: plain finds first (attribute names are blind to
    case, and pages write them in lower case), a search blind to case only where one may stand."""
    if "data-caption" in html:
        return True
    return ("-caption" in html or "-CAPTION" in html or "-Caption" in html) and _ANY_CASE.search(html) is not None


_ANY_CASE = re.compile("data-caption", re.IGNORECASE)


def rendered(html: str) -> str:
    """``html`` with each ``data-caption`` shown after its element as the ``<figcaption>`` Drupal makes of it.

    Each attribute found is read in its tag (the ``<`` before it, matched as a start tag, within
    :data:`_TAG_REACH`): one look per tag, so a page of many such words costs its length, not its square.
    A page without the attribute's name is passed over after a few plain finds (:func:`has_captions`).
    """
    if not has_captions(html):
        return html
    out: list[str] = []
    written = 0  # what is written out already
    read = 0  # a tag starting before this was read already (or none stands there)
    for found in _ANY_CASE.finditer(html):
        start = html.rfind("<", max(read, found.start() - _TAG_REACH), found.start())
        read = found.end()
        if start < 0:  # in text, or in a tag read already
            continue
        whole = _START_TAG.match(html, start, min(len(html), found.end() + _TAG_REACH))
        tag = whole.end() if whole is not None else None
        if tag is None or tag <= found.start():  # not in a start tag: text, or a tag of its own kind
            continue
        read = tag
        attribute = _CAPTION_ATTRIBUTE.match(html, found.start() - 1, tag)
        caption = unescape(next(v for v in attribute.groups() if v is not None)) if attribute is not None else ""
        if caption.strip():
            out += (html[written:tag], f"<figcaption>{_filtered(caption)}</figcaption>")
            written = tag
    if not out:
        return html
    out.append(html[written:])
    return "".join(out)


def _filtered(caption: str) -> str:
    """A caption's markup as Drupal's filter passes it: the tags it keeps, the others' text (their tags
    stripped), and character references as written."""
    return _CAPTION_TAG.sub(lambda tag: tag.group(0) if tag.group(1).lower() in _KEPT_TAGS else "", caption)
