"""A proposed reprint: metadata plus a body, and where things are in its source file."""

from __future__ import annotations

import bisect
import copy
import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from itertools import islice, repeat
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from .errors import InputError
from .htmldepth import TAG_REST, VOID_ELEMENTS, too_costly
from .metaview import READ_KEYS, MetadataView
from .textnorm import LOOKALIKES, ZERO_WIDTH, lower, non_ascii_chars
from .visible import (
    ANY_RAW_HTML,
    CAPTION_CLASS,
    CAPTION_LINES,
    CAPTIONS,
    CLASSED,
    NO_RAW_HTML,
    PLAIN_RAW_HTML,
    Media,
    VisibleBody,
    from_html,
    from_text,
    markdown_block_edges,
    media_from_html,
    names_hiding_class,
    raw_html_tags,
    scripts_from_html,
    unseen_elements,
    with_media,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Protocol

    class BodySource(Protocol):
        """Where a body held escaped in its file (a JSON string) stands in that file."""

        def position(self, index: int) -> tuple[int, int]: ...
        def offset(self, line: int, column: int) -> int: ...


BODY_FORMATS = ("markdown", "html", "text")
#: The opening line of a Markdown code fence, from its marker (a backtick fence's info string has none).
_FENCE = re.compile(r"(`{3,})[^`\n]*\n|(~{3,})[^\n]*\n")
_BODY_OPEN = re.compile("<body", re.IGNORECASE | re.ASCII)
_BODY_CLOSE = re.compile("</body", re.IGNORECASE | re.ASCII)
#: A Markdown reference-link definition line: ``[label]: https://...``.
_LINK_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S")


#: How a link's URL is written, most telling first: (what stands before it, the characters one of which
#: closes it). A Markdown link's URL may be followed by a title, after white space; a definition's by its end
#: of line or a title. What closes it tells a link to the URL from one to a longer URL that starts with it.
_URL_SYNTAX = (('href="', '"'), ("href='", "'"), ("](", ") \t\r\n"), ("<", ">"), ("]: ", " \t\r\n"))
_AFTER_ALL = float("inf")  # sorts after any end index: (index, _AFTER_ALL) follows every span starting at index
#: A match as the body's searches give it: an index, or a regex match.
_Found = int | re.Match[str]
#: One of them, kept as given.
_F = TypeVar("_F", int, re.Match[str])
#: Where a text stands in the source: its line and column, and the line and column after its end (None: unknown).
Span = tuple[int, int, int | None, int | None]
#: A tag's name, at its ``<``; how far back a class looks for the ``<`` of the tag it stands in.
_TAG_NAME = re.compile(r"<([a-z][a-z0-9]*)")
_TAG_REACH = 2000


def body_tags(page: str) -> tuple[int | None, int | None]:
    """Where a page's content starts (just after ``<body ...>``) and where ``</body`` stands, if it has them.

    Matched in the page itself, ASCII case-insensitively: ``lower()`` can change
    a string's length ("İ"), and so its indices.
    """
    opening = _BODY_OPEN.search(page)
    start = page.find(">", opening.start()) + 1 if opening is not None else None
    closing = max((m.start() for m in _BODY_CLOSE.finditer(page)), default=None)
    return start, closing


#: Where the HTML tokenizer reads no tags: comments, and elements whose content is text (a template's
#: markup, a script's string). An <article> written there is not the page's.
_TEXT_ONLY = ("script", "style", "template", "textarea", "title", "noscript", "xmp", "iframe", "noembed", "noframes")
_NO_TAGS_START = re.compile(rf"<!--|<({'|'.join(_TEXT_ONLY)})(?=[\t\n\f\r />])", re.IGNORECASE | re.ASCII)
_NO_TAGS_END = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE | re.ASCII) for name in _TEXT_ONLY}


def _tagless_spans(page: str) -> list[tuple[int, int]]:
    """The comments and text-only elements of a page, each read once (linear, however many are left open)."""
    spans, at = [], 0
    while (start := _NO_TAGS_START.search(page, at)) is not None:
        name = start.group(1)
        if name is None:
            close = page.find("-->", start.end())
            end = len(page) if close < 0 else close + 3
        else:
            closing = _NO_TAGS_END[name.lower()].search(page, start.end())
            end = len(page) if closing is None else closing.end()
        spans.append((start.start(), end))
        at = end
    return spans


_ARTICLE_TAGS = {
    name: (
        re.compile(f"<{name}(?=[\\t\\n\\f\\r />])", re.IGNORECASE | re.ASCII),
        re.compile(f"</{name}\\s*>", re.IGNORECASE | re.ASCII),
    )
    for name in ("article", "main")
}


def _start_tags(page: str, name: re.Pattern[str], outside: Callable[[int], bool]) -> list[tuple[int, int]]:
    """Where each start tag ``name`` finds stands in ``page`` outside comments and text-only elements:
    (its ``<``, just after its ``>``). Read in order, each character once: a tag's attributes are no tags,
    and a tag left open to the page's end (no '>') takes the rest with it, as the tokenizer has it."""
    found: list[tuple[int, int]] = []
    at = 0
    while (start := name.search(page, at)) is not None:
        at = start.end()
        if not outside(start.start()):
            continue
        rest = TAG_REST.match(page, at)
        if rest is None:
            break
        found.append((start.start(), rest.end()))
        at = rest.end()
    return found


def article_element(page: str, skip: tuple[str, ...] | None = None) -> tuple[int, int, str] | None:
    """The page's article: where its one ``<article>`` (else its one ``<main>``) holds its content, from
    just after the start tag to its end tag, and which of the two it is. None when there is no single one.

    A whole page's article, without the site's header, menu, sidebar and footer around it: where a
    missing credit goes, and what a finding outside it is probably not about. An ``<article>`` outside
    the one ``<main>`` (a related story's card in a sidebar) is not it: the ``<main>`` is. The article is
    the one a reader sees: an ``<article>`` inside another (the story's cards) is part of it, and one in
    an element ``skip`` (CSS selectors) leaves out (a theme's related stories) does not count.
    """
    lowered = lower(page)
    if "<article" not in lowered and "<main" not in lowered:
        return None
    hidden = _tagless_spans(page)

    def outside(index: int) -> bool:
        at = bisect_right(hidden, (index, _AFTER_ALL)) - 1
        return at < 0 or index >= hidden[at][1]

    tags: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for name, (opening, closing) in _ARTICLE_TAGS.items():
        starts = _start_tags(page, opening, outside)
        ends = [m.span() for m in closing.finditer(page) if outside(m.start())]
        tags[name] = starts, ends
    article = _outermost_article(page, *tags["article"], skip)
    if article is not None and _media_entity(page[page.rfind("<", 0, article[0]) : article[0]]):
        article = None  # a photo's wrapper in the story, not the story
    starts, ends = tags["main"]
    main = None
    if len(starts) == 1 and len(ends) == 1 and starts[0][1] <= ends[0][0]:
        main = starts[0][1], ends[0][0]
    if article is not None and (main is None or (main[0] <= article[0] and article[1] <= main[1])):
        return (*article, "article")
    return (*main, "main") if main is not None else None


def _media_entity(start_tag: str) -> bool:
    """Whether an ``<article>`` start tag is a media item's wrapper, no story: Drupal renders each media
    entity (a photo from its library, in a body field) as ``<article class="media media--type-image ...">``."""
    return "media--type-" in start_tag.lower()


def _linked_outside(
    body: str, insides: list[tuple[int, int]], linkable: Callable[[str], bool] | None, url: str
) -> bool:
    """Whether a bare URL is linked where it is written (``linkable``), a URL written only inside a raw-HTML
    shortcode (``insides``, where Hugo puts HTML after goldmark has read the Markdown) not: there it is text."""
    if any(url in body[start:end] for start, end in insides):
        outside, last = [], 0
        for start, end in insides:
            outside.append(body[last:start])
            last = end
        outside.append(body[last:])
        if not any(url in part for part in outside):
            return False
    return linkable(url) if linkable is not None else True


class _Asides:
    """Where a page's ``<aside>`` and ``<nav>`` tags open and close, found once: each ``<article>`` asks
    whether it stands inside one (a page of thousands of related stories' cards read its whole source back
    for each: quadratic)."""

    __slots__ = ("_tags",)

    def __init__(self, lowered: str) -> None:
        self._tags = [
            (name, _starts(lowered, (f"<{name}>", f"<{name} ")), _starts(lowered, (f"</{name}",)))
            for name in ("aside", "nav")
        ]

    def holds(self, index: int) -> bool:
        """Whether ``index`` stands inside an ``<aside>`` or a ``<nav>``: the last one to open before it (its
        start tag's name read before ``index``) is not closed before it (a theme's related stories, its menu)."""
        for name, opens, closes in self._tags:
            at = bisect_right(opens, index - len(name) - 2) - 1
            if at < 0:
                continue
            close = bisect_left(closes, opens[at])
            if close == len(closes) or closes[close] > index - len(name) - 2:
                return True
        return False


def _starts(text: str, needles: tuple[str, ...]) -> list[int]:
    """Where each of ``needles`` starts in ``text``, in order."""
    return sorted(index for needle in needles for index in _find_all(text, needle, 0, len(text)))


def _outermost_article(
    page: str, starts: list[tuple[int, int]], ends: list[tuple[int, int]], skip: tuple[str, ...] | None
) -> tuple[int, int] | None:
    """The content span of the one ``<article>`` that holds no other and that ``skip`` leaves in, or None.

    One start tag and one end tag are the article as they stand. With more, the tags are paired as the
    parser nests them (each end tag closes the last one open); unless they pair up that way, there is no
    telling which is the story's and there is none. Only when ``skip`` is set and there are several is the
    page parsed, to match its selectors; unless its tree bears out the tags (each element made from one,
    nested as they are), there is none either.
    """
    if len(starts) == 1 and len(ends) == 1:
        if starts[0][1] > ends[0][0]:
            return None
        # The one <article> in an element skip leaves out (a related story's card) is not the story's.
        seen = _articles_seen(page, starts, skip) if skip else None
        return (starts[0][1], ends[0][0]) if seen is None or 0 in seen else None
    if len(starts) < 2 or len(starts) != len(ends):
        return None
    closed_by = _paired(starts, ends)
    if closed_by is None:
        return None
    # The articles no other holds, in one pass: each starts past the end of the last one.
    outermost, reach = [], -1
    for index, start in enumerate(starts):
        if start[0] >= reach:
            outermost.append(index)
            reach = ends[closed_by[index]][1]
    seen = _articles_seen(page, starts, skip) if skip else None
    if seen is not None:
        outermost = [index for index in outermost if index in seen]
    elif skip:
        return None
    if len(outermost) > 1:  # a related story's card in an <aside> or a <nav> beside the story's: not the story
        asides = _Asides(lower(page))
        outermost = [index for index in outermost if not asides.holds(starts[index][0])]
    if len(outermost) != 1:
        return None
    index = outermost[0]
    content = starts[index][1], ends[closed_by[index]][0]
    if seen is not None and not _nested_as_parsed(index, seen, starts, content):
        return None
    return content


def _paired(starts: list[tuple[int, int]], ends: list[tuple[int, int]]) -> list[int] | None:
    """For each start tag, the index of the end tag that closes it (the last one open), or None when an end
    tag closes none or one stays open: tags that do not nest. Linear."""
    closed_by = [0] * len(starts)
    open_: list[int] = []
    next_start = 0
    for end_index, end in enumerate(ends):
        while next_start < len(starts) and starts[next_start][0] < end[0]:
            open_.append(next_start)
            next_start += 1
        if not open_ or end[0] < starts[open_[-1]][1]:  # closes none, or stands in a tag's attribute
            return None
        closed_by[open_.pop()] = end_index
    return closed_by if not open_ and next_start == len(starts) else None


#: The attribute each ``<article>`` start tag gets for the parse, its value the tag's number in source order:
#: how an element of the parsed tree is told back to its place in the page. One name for all (Lexbor keeps
#: each attribute name it meets: 100,000 names would take it seconds).
_MARK = "data-reprint-guard-article"


def _articles_seen(page: str, starts: list[tuple[int, int]], skip: tuple[str, ...]) -> dict[int, LexborNode] | None:
    """The ``<article>`` elements a reader sees, by the index of their start tag, with ``skip``'s elements
    left out as :mod:`.visible` leaves them out; None when the parse does not bear out the source's tags.

    Each start tag is marked with a numbered attribute before the page is parsed, so each element found
    names the tag it was made from (the mark comes first: a page's own attribute of that name counts for
    nothing); an ``<article>`` element that names none, or a tag another names too, is made from something
    the scan did not see as a tag, and the caller falls back.
    """
    name = len("<article")
    pieces, at = [], 0
    for index, start in enumerate(starts):
        pieces += (page[at : start[0] + name], f' {_MARK}="{index}"')
        at = start[0] + name
    pieces.append(page[at:])
    tree = LexborHTMLParser("".join(pieces))
    root = tree.body
    if root is None:  # pragma: no cover - lexbor always creates a body
        return None
    try:
        for selector in skip:  # one query each, as visible.py's _skip runs them
            for node in root.css(selector):
                node.decompose()
    except SelectolaxError:
        return None
    seen: dict[int, LexborNode] = {}
    for node in tree.tags("article"):
        index = _mark(node)
        if index is None or index >= len(starts) or index in seen:
            return None
        seen[index] = node
    return seen


#: The attribute each start tag gets in a copy of the body read to tell which of its elements no reader sees
#: (:meth:`Reprint._find_unseen_spans`), its value the tag's number in source order.
_SEEN_MARK = "data-reprint-guard-at"
#: A start tag's name as both HTML and CommonMark read one (an autolink, ``<https://…>``, is none): where a
#: mark goes in without changing how the source is read.
_MARKED_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9-]*(?=[\t\n\f\r />])")


def _seen_mark(node: LexborNode, count: int) -> int | None:
    """The number of the start tag ``node`` was made from (:data:`_SEEN_MARK`), else None."""
    attributes = node.attributes if node.tag != "-text" else {}
    mark = attributes.get(_SEEN_MARK)
    if mark is None or not (mark.isdigit() and mark.isascii()):
        return None
    number = int(mark)
    return number if number < count else None


def _element_end(body: str, node: LexborNode, number: int, starts: list[int], made: set[int | None]) -> int:
    """Where the element made from the ``number``-th start tag (at ``starts[number]``) ends in ``body``: after
    its end tag, paired as nested tags of its name pair; at the latest where the next start tag that made an
    element it does not hold stands (an end tag left out), or for an element with no content, after its start
    tag. ``made``: the numbers of the tags that made an element (not those a ``<noscript>`` or ``<template>``
    holds as text or apart)."""
    held = {_seen_mark(child, len(starts)) for child in node.css(f"[{_SEEN_MARK}]")}
    following = number + 1
    while following < len(starts) and (following in held or following not in made):
        following += 1
    bound = starts[following] if following < len(starts) else len(body)
    start = starts[number]
    name = node.tag.lower()
    if name in VOID_ELEMENTS:
        close = body.find(">", start, bound)
        return close + 1 if close >= 0 else bound
    depth = 0
    for tag in re.compile(rf"</?{re.escape(name)}(?=[\t\n\f\r />])", re.IGNORECASE).finditer(body, start, bound):
        depth += -1 if tag.group().startswith("</") else 1
        if depth == 0:
            close = body.find(">", tag.end(), bound)
            return close + 1 if close >= 0 else bound
    return bound


def _mark(node: LexborNode) -> int | None:
    """The index of the start tag an ``<article>`` element was made from (its mark), else None."""
    mark = node.attributes.get(_MARK)
    return int(mark) if mark is not None and mark.isdigit() and mark.isascii() else None


def _nested_as_parsed(
    index: int, seen: dict[int, LexborNode], starts: list[tuple[int, int]], content: tuple[int, int]
) -> bool:
    """Whether the parsed tree agrees with the tags that the article started by ``starts[index]`` (its
    content at ``content``) is the outermost one seen: no ``<article>`` holds it, and the others seen are
    exactly those it holds, which are those whose tags stand inside it. Once, for that one element."""
    node = seen[index]
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return False
        parent = parent.parent
    held = {_mark(child) for child in node.css("article")} - {index}
    enclosed = {other for other in seen if other != index and content[0] <= starts[other][0] < content[1]}
    return held == enclosed == set(seen) - {index}


def article_tags(page: str, skip: tuple[str, ...] | None = None) -> tuple[int, int] | None:
    """:func:`article_element`'s span."""
    element = article_element(page, skip)
    return (element[0], element[1]) if element is not None else None


#: A start or end tag, or a comment's start, for :func:`_email_elements`.
#: Its attributes' quoted values run 2,000 characters at most, and a "<" out of quotes ends it unclosed: each
#: search reads a bounded stretch past a "<" that starts no tag ("<img " ten thousand times), not the rest.
_EMAIL_TAG = re.compile(
    r"<!--|<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"'<]|\"[^\"]{0,2000}\"|'[^']{0,2000}')*)>", re.ASCII
)
#: The elements an email's story stands in: a layout table's cell, a hybrid email's <div> (its table only
#: in Outlook's conditional comments), innermost first.
_STORY_BOXES = frozenset({"td", "th", "div", "center", "section", "article", "main"})
#: Start tags that close an open <p> (the tree builder's rule, for the ones emails use).
_CLOSES_P = frozenset({"p", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "center"})
#: What a story's blocks are: its paragraphs, and the headings of its sections.
_STORY_BLOCKS = frozenset({"p", "h2", "h3", "h4", "h5", "h6"})
#: The paragraphs after its headline that make an element the story's.
_STORY_PARAGRAPHS = 2
#: Marks of an email's hidden preheader (or another element no reader sees in the layout).
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden", re.IGNORECASE)


class _Element:
    __slots__ = ("attrs", "close", "inner", "name", "parent", "start")

    def __init__(self, name: str, start: int, inner: int, attrs: str, parent: int) -> None:
        self.name, self.start, self.inner, self.attrs, self.parent = name, start, inner, attrs, parent
        self.close = -1  # where its end tag starts (or what closes it implicitly)


def _email_elements(page: str, start: int, end: int) -> list[_Element]:
    """The elements of ``page[start:end]`` in document order, each with its parent's index (-1: none), as the
    tags outside comments and text-only elements nest: an Outlook-only cell in ``<!--[if mso]>`` is none.
    One pass; an end tag with no open element of its name is passed over."""
    elements: list[_Element] = []
    stack: list[int] = []
    at = start
    while (tag := _EMAIL_TAG.search(page, at, end)) is not None:
        if tag.group(2) is None:  # a comment, conditional ones too
            close = page.find("-->", tag.end(), end)
            at = end if close < 0 else close + 3
            continue
        at = tag.end()
        name = tag.group(2).lower()
        if tag.group(1):
            for depth in range(len(stack) - 1, max(-1, len(stack) - 40), -1):
                if elements[stack[depth]].name == name:
                    for index in stack[depth:]:
                        elements[index].close = tag.start()
                    del stack[depth:]
                    break
            continue
        if stack and (
            (name in _CLOSES_P and elements[stack[-1]].name == "p")
            or (name in ("td", "th", "tr") and elements[stack[-1]].name in ("td", "th", "tr") and name != "tr")
        ):
            elements[stack.pop()].close = tag.start()
        element = _Element(name, tag.start(), tag.end(), tag.group(3), stack[-1] if stack else -1)
        elements.append(element)
        if name in TEXT_ONLY_ELEMENTS:
            closing = _NO_TAGS_END[name].search(page, tag.end(), end) if name in _NO_TAGS_END else None
            element.close = closing.start() if closing is not None else end
            at = closing.end() if closing is not None else end
        elif name in VOID_ELEMENTS or tag.group(3).rstrip().endswith("/"):
            element.close = tag.end()
        else:
            stack.append(len(elements) - 1)
    for index in stack:
        elements[index].close = end
    return elements


TEXT_ONLY_ELEMENTS = frozenset(_TEXT_ONLY)


def _ancestors(elements: list[_Element], index: int) -> Iterator[int]:
    index = elements[index].parent
    while index >= 0:
        yield index
        index = elements[index].parent


def _hidden_flags(elements: list[_Element]) -> list[bool]:
    """Whether each element is hidden (a preheader, an Outlook-only block), itself or by an ancestor: one pass,
    a parent coming before its children."""
    flags: list[bool] = []
    for element in elements:
        flags.append((element.parent >= 0 and flags[element.parent]) or _HIDDEN_STYLE.search(element.attrs) is not None)
    return flags


#: A comment (one left open runs to the end), and a tag, for the text a reader sees between elements.
_A_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_A_TAG = re.compile(r"</?[a-zA-Z!][^>]{0,2000}>")
#: A link, and the words of an unsubscribe or preferences link, for an email's footer.
_A_LINK = re.compile(r"<a\b[^>]{0,2000}>(.{0,400}?)</a\s*>", re.IGNORECASE | re.DOTALL)
_UNSUBSCRIBE = re.compile(r"unsubscribe|opt[\s-]?out|preferences|manage\s+(?:your\s+)?subscription", re.IGNORECASE)
_FOOTER_ATTR = re.compile(r"\b(?:class|id)\s*=\s*[\"']?[^\"'>]*footer", re.IGNORECASE)
#: The elements an email's footer is: a row, a cell, a block (not a story's paragraph mentioning the word).
_FOOTER_BOXES = frozenset({"td", "th", "tr", "table", "div", "p", "center", "section", "footer", "tbody"})
#: How long a footer's text runs, at most, for a row of its links to be taken for one.
_FOOTER_TEXT = 300
#: How much source a footer's row runs to, at most (a long cell is the story's, its text not read).
_FOOTER_SOURCE = 3000
#: Elements whose content is a block of a story's text, for its last block.
_TEXT_BLOCKS = frozenset(
    {"p", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "div", "td", "th", "table", "center"}
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: The source read, at most, for a story's last block of text (past the empty ones after it): else no story.
_LAST_BLOCK_BUDGET = 200_000


def _text_of(fragment: str) -> str:
    import html

    return " ".join(html.unescape(_A_TAG.sub(" ", _A_COMMENT.sub(" ", fragment))).split())


def _has_text(fragment: str) -> bool:
    return bool(fragment) and re.search(r"\w", _text_of(fragment)) is not None


def _selected(element: _Element, skip: tuple[str, ...] | None) -> bool:
    """A simple selector of the config's ``skip-elements`` (``td.footer``, ``.header``, ``#footer``) naming it."""
    attrs = element.attrs.lower()
    for selector in skip or ():
        simple = re.fullmatch(r"([a-z0-9]*)(?:([.#])([\w-]+))?", selector.strip().lower())
        if simple is None or not (simple.group(1) or simple.group(2)):
            continue
        tag, kind, word = simple.groups()
        if tag and tag != element.name:
            continue
        if kind is None or re.search(
            rf"\b{'class' if kind == '.' else 'id'}\s*=\s*[\"']?[^\"'>]*(?<![\w-]){re.escape(word)}(?![\w-])", attrs
        ):
            return True
    return False


def _footer(element: _Element, page: str, skip: tuple[str, ...] | None) -> bool:
    """An email's footer: a <footer>, an element whose class or id says footer, one the config's
    ``skip-elements`` names, or a short row, cell or block that is mostly its unsubscribe or preferences links
    (a story's paragraph that mentions unsubscribing is none)."""
    if element.name == "footer" or _FOOTER_ATTR.search(element.attrs) or _selected(element, skip):
        return True
    if element.name not in _FOOTER_BOXES or element.close - element.inner > _FOOTER_SOURCE:
        return False
    inner = page[element.inner : element.close]
    if _UNSUBSCRIBE.search(inner) is None or len(_text_of(inner)) > _FOOTER_TEXT:
        return False
    return any(
        len(said := _text_of(link.group(1))) <= 40 and _UNSUBSCRIBE.search(said) is not None
        for link in _A_LINK.finditer(inner)
    )


def _visible_until(
    page: str,
    elements: list[_Element],
    hidden: list[bool],
    index: int,
    cursor: int,
    end: int,
    stop: Callable[[int], bool],
) -> int | None:
    """Walking the elements from ``index`` (the first starting at ``cursor`` or after): the first one a reader
    sees that ``stop`` takes (``len(elements)`` when none starts before ``end``), or None when a reader sees text
    first. Comments, hidden elements and scripts' content are passed over; each character is looked at once."""
    passed = cursor
    for at in range(index, len(elements)):
        element = elements[at]
        if element.start >= end:
            break
        if element.start < passed:
            continue  # inside a hidden element passed over
        if _has_text(page[cursor : element.start]):
            return None
        if hidden[at] or element.name in TEXT_ONLY_ELEMENTS:
            cursor = passed = max(element.close, element.inner)
            continue
        if stop(at):
            return at
        cursor = element.inner
    return None if _has_text(page[cursor:end]) else len(elements)


def _table_of(elements: list[_Element], cell: int) -> int | None:
    return next((at for at in _ancestors(elements, cell) if elements[at].name == "table"), None)


class EmailStory(NamedTuple):
    """An email's story: where its headline starts, where the element holding it ends (or its footer in it
    starts), and where its last block of text starts."""

    top: int
    end: int
    last: int


def email_story(page: str, start: int, end: int, skip: tuple[str, ...] | None = None) -> EmailStory | None:
    """An email's story in ``page[start:end]`` (a newsletter's body, no <article> in it), or None when no element
    is sure to be the story's, and the caller measures the whole issue as before.

    Sure is: one visible <h1>, the headline; the innermost cell or <div> holding it and at least two paragraphs
    after it (or, the headline alone in its cell, the next cell of its table holding them, with nothing a reader
    sees between); and after that element, up to the next heading or the issue's footer, nothing a reader sees
    (a story going on in the next cell is no story found). A footer among the element's own children ends the
    story there. A cell in Outlook's conditional comments is none of them; each element is looked at a bounded
    number of times."""
    elements = _email_elements(page, start, end)
    hidden = _hidden_flags(elements)
    headlines = [at for at, element in enumerate(elements) if element.name == "h1" and not hidden[at]]
    if len(headlines) != 1:
        return None
    headline = headlines[0]
    starts = [element.start for element in elements]
    counts = [0]  # the visible paragraphs before each element
    for at, element in enumerate(elements):
        counts.append(counts[-1] + (element.name == "p" and not hidden[at]))
    after = bisect_left(starts, elements[headline].close, headline + 1)  # the first element after the headline

    def paragraphs(box: int, since: int) -> int:
        inside = bisect_left(starts, elements[box].close, box + 1)
        return counts[inside] - counts[since] if inside > since else 0

    box = None
    own_cell = True  # the headline's own cell, looked at once for a headline's own row
    for at in _ancestors(elements, headline):
        element = elements[at]
        if element.name not in _STORY_BOXES:
            continue
        if paragraphs(at, after) >= _STORY_PARAGRAPHS:
            box = at
            break
        if element.name in ("td", "th") and own_cell:
            own_cell = False
            if paragraphs(at, at + 1):
                continue
            inner = elements[headline]
            if _has_text(page[element.inner : inner.start]) or _has_text(page[inner.close : element.close]):
                return None  # more than the headline in its cell, and too little to be the story
            box = _story_cell_below(page, elements, hidden, at, starts, skip)
            if box is not None and paragraphs(box, box + 1) >= _STORY_PARAGRAPHS:
                break
            box = None  # a nested table's headline cell: the story's cell is further out
    if box is None:
        return None
    close = elements[box].close
    inside = bisect_left(starts, close, box + 1)
    since = max(after, box + 1)
    story_end = next(
        (
            elements[at].start
            for at in range(since, inside)
            if elements[at].parent == box and _footer(elements[at], page, skip)
        ),
        None,
    )
    if story_end is None:
        story_end = close
        following = _visible_until(
            page,
            elements,
            hidden,
            inside,
            close,
            end,
            lambda at: elements[at].name in _HEADINGS or _footer(elements[at], page, skip),
        )
        if following is None:
            return None  # a reader sees more after the element before any heading or footer: the story's, perhaps
    last = None
    budget = _LAST_BLOCK_BUDGET  # empty blocks (spacers, a pixel's table) read before the last with text
    for at in range(bisect_left(starts, story_end, since) - 1, since - 1, -1):
        element = elements[at]
        if element.name not in _TEXT_BLOCKS or hidden[at]:
            continue
        budget -= element.close - element.inner
        if budget < 0:
            return None
        if _has_text(page[element.inner : element.close]):
            last = element.start
            break
    if last is None:
        return None
    return EmailStory(elements[headline].start, story_end, last)


def _story_cell_below(
    page: str, elements: list[_Element], hidden: list[bool], cell: int, starts: list[int], skip: tuple[str, ...] | None
) -> int | None:
    """The next cell of ``cell``'s table, when ``cell`` holds only its headline (a headline's own row) and a reader
    sees nothing between them; None when that cell is another table's, the footer's, or none."""
    table = _table_of(elements, cell)
    if table is None:
        return None
    close = elements[cell].close
    found = _visible_until(
        page,
        elements,
        hidden,
        bisect_left(starts, close, cell + 1),
        close,
        elements[table].close,
        lambda at: elements[at].name in ("td", "th") or elements[at].name in _HEADINGS,
    )
    if found is None or found >= len(elements) or elements[found].name in _HEADINGS:
        return None
    if _table_of(elements, found) != table or _footer(elements[found], page, skip):
        return None
    inside = bisect_left(starts, elements[found].close, found + 1)
    if any(element.name in _HEADINGS for element in islice(elements, found + 1, inside)):
        return None  # the next item's headline
    return found


def email_first_block(page: str, start: int, end: int) -> int | None:
    """Where an email's first visible block (a paragraph, a heading, a list) starts in ``page[start:end]``, past
    a hidden preheader and Outlook's comments; None when a reader sees text before any."""
    elements = _email_elements(page, start, end)
    hidden = _hidden_flags(elements)
    found = _visible_until(
        page,
        elements,
        hidden,
        0,
        start,
        end,
        lambda at: elements[at].name in (*_HEADINGS, "p", "ul", "ol", "blockquote"),
    )
    return None if found is None or found >= len(elements) else elements[found].start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _content_end(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` ends once white space, closing tags, comments and link definitions
    at its end are dropped: no reader sees them there. Indices only, so the body is never copied."""
    end = _rstrip(text, start, end)
    while True:
        if text.endswith("-->", start, end) and (comment := text.rfind("<!--", start, end)) >= 0:
            end = _rstrip(text, start, comment)
            continue
        newline = text.rfind("\n", start, end)
        if newline >= 0 and _LINK_DEFINITION.match(text[newline + 1 : end]):
            end = _rstrip(text, start, newline)
            continue
        break
    while text.endswith(">", start, end):
        opening = text.rfind("</", start, end)
        if opening < 0 or text.find(">", opening, end - 1) >= 0:
            break
        if not (opening + 2 < end and text[opening + 2].isalpha()):
            break
        end = _rstrip(text, start, opening)
    return end


class Reprint:
    """The thing being checked. Readers build it; checks only read it."""

    def __init__(
        self,
        *,
        body: str,
        metadata: MetadataView,
        format: str = "markdown",
        path: str = "<input>",
        body_line: int = 1,
        key_lines: dict[str, int] | None = None,
        bare_urls: bool = True,
        html: str | None = None,
        skip: tuple[str, ...] | None = None,
        source: BodySource | None = None,
        key_columns: dict[str, int] | None = None,
        raw_html: bool = True,
        markdown_in_html: bool = False,
    ) -> None:
        self.body = body
        self.source = source  # where the body's characters stand in a file that holds it escaped (JSON)
        self.metadata = metadata
        self.format = format
        self.path = path
        self.body_line = body_line
        #: "toml" when the metadata is Hugo's TOML front matter (``+++``): a fix writes its keys as TOML does.
        self.front_syntax: str | None = None
        #: TOML front matter writing its permission records as ``[[permissions]]`` tables (a fix adds one more).
        self.permission_tables = False
        self.key_lines = key_lines or {}
        self.key_columns = key_columns  # where a key stands in its line when not at its start (JSON)
        self.bare_urls = bare_urls
        self.skip = skip  # CSS selectors of elements that are not the article (a page's menu, footer)
        #: False: the site's renderer leaves a Markdown body's raw HTML out (Hugo's default), so it is not seen.
        self.raw_html = raw_html
        #: True: the site's renderer reads the Markdown inside an HTML block marked ``markdown="1"`` (kramdown).
        self.markdown_in_html = markdown_in_html
        #: The repository's own names for ``original_url`` and ``policy`` (the config's ``front-matter``).
        self.aliases: tuple[str, ...] = ()
        #: Our key -> the site's name for it (the config's ``front-matter``), for findings to name the site's key.
        self.key_names: dict[str, str] = {}
        #: The site's keys (as written) that the config maps onto one of ours and that say another thing than
        #: the key read for it: (that key, ours, its line, its value, the key read).
        self.key_clashes: list[tuple[str, str, int | None, Any, str]] = []
        #: Our keys whose value only the config's ``defaults`` gave (the file and --meta leave them unset).
        self.defaulted: frozenset[str] = frozenset()
        #: The keys given beside the file (``--meta``, the config's overrides for its path, a caller's meta).
        self.given: frozenset[str] = frozenset()
        #: Jekyll's ``published: false`` (its draft flag, not a date, so not in the metadata's ``published``).
        self.unpublished = False
        #: The keys whose value held an invisible character read without it (``original_url``, ``license``,
        #: ``reprint_license``: a zero-width space pasted with the address), each with its value as written.
        self.invisible_in: tuple[tuple[str, str], ...] = ()
        #: Where an HTML page declares a key itself (its canonical link's address, its author meta tag), as
        #: (line, column): a finding about that key is told there.
        self.declared_places: dict[str, tuple[int, int]] = {}
        #: The site's own hosts (the config's ``own-hosts``): a permission from an address there is the
        #: republisher's own, which grants nothing where anyone holding the rights may grant.
        self.own_hosts: tuple[str, ...] = ()
        #: The site's own time zone (the config's ``site-timezone``), an IANA name: the page's own date keys
        #: (Hugo's ``publishDate``, Jekyll's ``date``) without an offset are read there; None: UTC.
        self.site_timezone: str | None = None
        # Computed on first use (plain attributes: functools.cached_property takes a lock per access).
        self._html = html
        self._rendered = False  # the HTML is our rendering of the Markdown body (not given by a caller)
        self._visible: VisibleBody | None = None
        self._media: tuple[list[Media], list[Media]] | None = None
        self._span: tuple[int, int] | None = None
        self._article: tuple[int, int, str] | bool | None = False  # False: not looked for yet
        self._end: tuple[int, int] | None = None
        self._spans: list[tuple[int, int]] | None = None
        self._lowered: str | None = None
        self._unseen: list[tuple[int, int]] | None = None  # see _unseen_at
        self._expanded: str | None = None  # the Markdown with its shortcodes written out (made once)
        self._set_apart: str | None = None  # the body with kramdown's Markdown in HTML set apart
        #: What checks derive from this reprint and share between rules (e.g. one search for several patterns).
        self.memo: dict[str, object] = {}
        #: Where the site's Hugo cascade or Jekyll front matter defaults set each key of ours that only they
        #: give (the file, its sidecar and --meta leave it unset): key -> (file, line, column).
        self.site_places: dict[str, tuple[str, int, int]] = {}
        #: The metadata sidecar its values came from, and the line of each key it sets (not replaced by
        #: ``--meta`` or the config), or None.
        self.sidecar: tuple[str, dict[str, int]] | None = None
        #: The file's own keys that meta given beside it (a sidecar, --meta, an override) replaced with another
        #: value: key -> (its line in the file, its value there).
        self.replaced: dict[str, tuple[int, Any]] = {}
        #: The keys the sidecar sets that the file's own metadata sets to another value (the sidecar's read):
        #: (key, its line in the file, the file's value, the sidecar's value).
        self.sidecar_clashes: list[tuple[str, int, Any, Any]] = []
        #: The legacy encoding an HTML page was read in, as its ``<meta>`` declares (None: UTF-8).
        self.encoding: str | None = None

    def with_body(self, body: str) -> Reprint | None:
        """A reprint like this one (its metadata, its place and its options) reading ``body`` instead, all it
        derives from it made afresh; None when its HTML was given by a caller (not rendered from the body)."""
        if self._html is not None and not self._rendered:
            return None
        other = Reprint(body=body, metadata=self.metadata)
        for name, value in vars(self).items():
            if not name.startswith("_") and name not in ("body", "memo"):
                setattr(other, name, value)
        return other

    @property
    def html(self) -> str:
        """The body as HTML, as a site would render it."""
        if self._html is None:
            if self.format == "markdown":
                html = _render(self._markdown)
                self._rendered = True
            else:
                html = self.body
                if "{" in html and "{%" in html and self.liquid:  # a Jekyll page's {% comment %}: no reader sees it
                    html = without_liquid_comments(html, markdown=False)
                from .readers.stored import rendered

                html = rendered(html)  # a CMS's stored content (WordPress, Drupal) as it renders it; a page as it is
            costly = too_costly(html)
            if costly is not None:
                # Rendered Markdown has no position in the source; an HTML body's is its own.
                if html is self.body:
                    line, column = self._position(costly[0])
                    raise InputError(costly[1], path=self.path, line=line, column=column)
                # Said of the Markdown the user wrote, at the body's first line (nesting builds up from there).
                line, column = self._position(self._content_span[0])
                raise InputError(
                    f"Markdown too deeply nested or too large to check: rendered, it is {costly[1]}",
                    path=self.path,
                    line=line,
                    column=column,
                )
            self._html = html
        return self._html

    @property
    def media(self) -> tuple[list[Media], list[Media]]:
        """(visible, hidden) images, video, audio, iframes and embeds."""
        if self._media is None:
            if self.format == "text":
                self._media = ([], [])
            elif self._visible is None:  # not parsed yet: one parse serves both
                self._visible, self._media = with_media(self.html, **self._parse_options())
            else:
                self._media = media_from_html(self.html, self.skip)
        return self._media

    @property
    def scripts(self) -> tuple[list[Media], list[Media]]:
        """(run, never run) scripts the page loads by address: what an ``element`` rule of ``tag: script`` reads
        (read in the page's one parse when its source holds a ``<script``, else parsed apart)."""
        found = self.memo.get("scripts")
        if found is None:
            if self.format == "text":
                found = ([], [])
            elif self._visible is not None and self._visible.scripts is not None:
                found = self._visible.scripts  # read in the page's one parse
            else:
                found = scripts_from_html(self.html)
            self.memo["scripts"] = found
        return found  # type: ignore[return-value]

    def _parse_options(self) -> dict[str, object]:
        """What the Markdown source tells the parse of its rendering (HTML given as such: assume anything).

        ``raw``: what its raw HTML may hide; ``raw_blocks``: whether raw HTML (or a
        footnote mark) may join two blocks' text; ``lined``: whether every block's
        edge is at a line break of the text; ``tables``: Markdown writes no
        table without a "|".
        """
        made = self.memo.get("parse-options")
        if isinstance(made, dict):
            return dict(made)  # a copy: a caller may add to it
        self.html  # noqa: B018 - renders the body if not yet done: only then is it known to be ours
        options: dict[str, object] = {"bare_urls": self._link_bare_urls}
        if self.skip:
            options["skip"] = self.skip
        if self._rendered:
            body = self._markdown
            options["raw"], options["tags"] = raw_html_tags(body)
            if options["raw"] == ANY_RAW_HTML:  # only then is the page pruned by selector: with the classes?
                options["classes"] = names_hiding_class(body)
            options["raw_blocks"], options["lined"] = markdown_block_edges(body)
            options["tables"] = "|" in body
            if options["raw"] != NO_RAW_HTML and self._link_bare_urls:  # a bare URL in an HTML block is text
                from .readers.markdown import written_as_linked

                options["linkable"] = partial(written_as_linked, body)
            if self._link_bare_urls and "{" in self.body and "{{<" in self.body:  # nor in a raw-HTML shortcode's inside
                from .readers.shortcodes import raw_html_insides

                insides = raw_html_insides(self.body)
                if insides:
                    options["linkable"] = partial(_linked_outside, self.body, insides, options.get("linkable"))
        self.memo["parse-options"] = dict(options)
        return options

    def _may_hold(self, tags: tuple[str, ...]) -> bool:
        """Whether the page may hold an element ``tags`` name (by tag, or by class: ``.name``). Markdown makes
        such an element only in its raw HTML, whose tags are known (a class only where a tag has one); of a
        page, the tag is looked for as pages and renderers write it (lower case), then in any case. A Markdown
        picture's caption line (``CAPTION_CLASS``) is marked, and looked for, only when asked for."""
        lines = f".{CAPTION_CLASS}"
        options = None
        if self._rendered:
            made = self.memo.get("parse-options")
            options = made if isinstance(made, dict) else self._parse_options()  # only read here: no copy
            if options["raw"] == NO_RAW_HTML and (lines not in tags or "!" not in self._markdown):
                # No raw HTML: no tag, no class; and, for the caption lines, no "![": no picture, so no line to
                # mark (the page is its own marking, as _captions_marked finds without a search of it).
                return False
        if lines in tags:  # a Markdown picture's caption line, marked only when asked for (few pages hold one)
            if self._rendered:
                marked = self._captions_marked()  # the page itself when it has no picture's caption line
                if marked is not self.html and CAPTION_CLASS in marked:
                    return True
            tags = tuple(tag for tag in tags if tag != lines)
        if options is not None:  # rendered Markdown (nothing above renders it)
            if options["raw"] == NO_RAW_HTML:
                return False
            names = options["tags"]
            if options["raw"] == PLAIN_RAW_HTML and isinstance(names, frozenset):
                # A class only where a tag has one, and its name written in the source (a credit's <p class=...>
                # is no caption).
                return any(tag in names if tag[0] != "." else CLASSED in names and tag[1:] in self.body for tag in tags)
        html = self.html
        if any(self._holds_as_written(tag.lstrip("."), html) for tag in tags):
            return True
        # A tag written in another case (<FIGCAPTION>, <FigCaption>): HTML reads tag names blind to case.
        tags = tuple(tag for tag in tags if tag[0] != ".")
        if not tags:
            return False
        lowered = self.memo.get("lowered-html")
        if not isinstance(lowered, str):
            lowered = self.memo["lowered-html"] = self._lower_body if html is self.body else lower(html)
        return any(self._holds_as_written(tag, lowered, "lowered") for tag in tags)

    def _holds_as_written(self, name: str, page: str, kind: str = "html") -> bool:
        """``name in page`` (the page, or it in lower case), remembered: each caption check (a text rule, the
        licence's, the notice's) asks of the same few names, and a search for one reads the whole page."""
        key = f"holds:{kind}:{name}"
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = name in page
        return found  # type: ignore[return-value]

    def visible_apart(self, tags: tuple[str, ...]) -> VisibleBody:
        """What a reader sees but for the elements ``tags`` name, by tag or by class (``("figcaption",
        ".wp-caption-text")``: the article's own words, a picture's caption apart). Parsed anew, once per
        reprint: only asked where the text as a whole said something a caption may say of its own picture."""
        if self.format == "text":
            return self.visible
        key = f"visible-apart:{','.join(tags)}"
        found = self.memo.get(key)
        if found is False:
            return self.visible  # asked before (each licence and text rule asks): no such element here
        if not isinstance(found, VisibleBody):
            if not self._may_hold(tags):
                self.memo[key] = False
                if tags == CAPTION_LINES:  # nor, then, any of CAPTIONS, which it holds: not asked again
                    self.memo[_APART_CAPTIONS] = False
                return self.visible  # no such element here: what a reader sees is all
            options = self._parse_options()
            options["skip"] = (*(options.get("skip") or ()), *tags)  # type: ignore[misc]
            html = self._captions_marked() if f".{CAPTION_CLASS}" in tags else self.html
            found = self.memo[key] = from_html(html, **options)  # type: ignore[arg-type]
        return found

    def _captions_marked(self) -> str:
        """The page with each Markdown picture's caption line marked as a caption (``CAPTION_CLASS``), made
        once and only when asked for: the page itself for HTML given as such."""
        if not self._rendered:
            return self.html
        marked = self.memo.get("captions-marked")
        if not isinstance(marked, str):
            if self._parse_options()["raw"] == NO_RAW_HTML and "!" not in self._markdown:
                # No raw HTML and no "![": the page holds no <img> (a search for "<p><img " reads the page a
                # character at a time; one for "!" is memchr's).
                marked = self.memo["captions-marked"] = self.html
                return marked
            from .readers.markdown import mark_captions

            marked = self.memo["captions-marked"] = mark_captions(self.html)
        return marked

    def left_out_html(self) -> bool:
        """Whether the page leaves out raw HTML this Markdown body holds (``raw_html`` false), a comment aside
        (Hugo's ``<!--more-->`` shows nothing either way)."""
        return bool(self.html_left_out())

    @property
    def draft(self) -> bool:
        """Whether the page is a draft, whose date is when it was begun: Hugo's ``draft: true``, Jekyll's
        ``published: false`` or a file under Jekyll's ``_drafts/``."""
        if self.unpublished or self.metadata.extra.get("draft") is True:
            return True
        return "_drafts" in self.path.replace("\\", "/").split("/")

    @property
    def liquid(self) -> bool:
        """Whether Jekyll's Liquid renders this body before it is read (``{{ page.title }}``, ``{% comment %}``):
        a page with YAML front matter, or none; not one with Hugo's TOML (``+++``) or JSON front matter, nor
        one calling Hugo's shortcodes (``{{< figure >}}``): Hugo does not run templates in its content, and
        shows a Liquid tag as the text it is. A shortcode shown in Liquid's ``{% raw %}`` or in Markdown's code
        is Jekyll's page showing one: no call."""
        if self.front_syntax in ("toml", "json"):
            return False
        body = self.body
        if "{" not in body or ("{{<" not in body and "{{%" not in body):  # one character first (memchr)
            return True
        return not _calls_shortcode(body)

    def _page_value(self, found: re.Match[str]) -> str:
        """What Jekyll writes for ``{{ page.KEY }}``: the front matter's value of KEY (by the site's name for
        it, when the config maps it onto one of ours), if text or a number; else the call as it stands."""
        key = found.group(1)
        ours = next((mine for mine, theirs in self.key_names.items() if theirs == key), key)
        value = self.metadata.value(ours)
        if isinstance(value, list) and len(value) == 1:
            value = value[0]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return found.group(0)
        return str(value)

    def _hugo_param(self, found: re.Match[str]) -> str:
        """What Hugo's ``{{< param "KEY" >}}`` writes: the page's front-matter value of KEY (keys blind to case,
        a dotted one into its tables, the site's name for one of ours as the config maps it), a list as Go
        prints one; the call as it stands when the page has none (Hugo would look in the site's config)."""
        from .readers import nested

        key = found.group(1) or found.group(2) or found.group(3)
        lowered = key.lower()
        ours = next((mine for mine, theirs in self.key_names.items() if theirs.lower() == lowered), None)
        if ours is None and lowered in READ_KEYS:
            ours = lowered
        value = self.metadata.value(ours) if ours is not None else None
        if value is None:
            value = nested(self.metadata.extra, key)
            if value is None and isinstance(nested(self.metadata.extra, "params"), dict):
                value = nested(self.metadata.extra, f"params.{key}")
        if isinstance(value, list) and all(isinstance(item, str | int | float) for item in value):
            return "[" + " ".join(str(item) for item in value) + "]"
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            return found.group(0)
        return str(value)

    def html_left_out(self) -> str:
        """The raw HTML of this Markdown body that the page leaves out (``raw_html`` false), comments aside,
        joined; "" when none is."""
        if self.format != "markdown" or self.raw_html or "<" not in self.body:
            return ""
        joined = "\n".join(self.body[start:end] for start, end in _html_spans(self.body))
        # A comment shows nothing either way, however many lines (and spans) it takes, closed or not.
        return _HTML_COMMENT.sub("", joined).strip() if "<!--" in joined else joined

    @property
    def _markdown(self) -> str:
        """The Markdown body as the site renders it: Hugo's built-in shortcodes written out as it writes them,
        and without its raw HTML when the renderer leaves that out."""
        body = self.body
        liquid = "{" in body and self.liquid
        if liquid and "{%" in body:  # Jekyll's {% comment %}: no reader sees what it holds
            body = without_liquid_comments(body)
        if liquid and "{{" in body and "page." in body:  # Jekyll's {{ page.author }}: its own value
            body = _LIQUID_PAGE_VALUE.sub(self._page_value, body) if "{% raw" not in body else body
        if liquid and ("](" in body or "]:" in body) and "{% raw" not in body:  # ({{ site.baseurl }}/img/x.jpg)
            body = liquid_destinations(body)
        # One character first: a quick search. A Liquid page's shortcodes are shown in {% raw %} or code.
        if not liquid and "{" in body and ("{{<" in body or "{{%" in body):
            if "param" in body:  # Hugo's {{< param "canonicalURL" >}}: the page's own value
                body = _HUGO_PARAM.sub(self._hugo_param, body)
            if self._expanded is None:
                from .readers.markdown import without_raw_html
                from .readers.shortcodes import expand

                around = None if self.raw_html or "<" not in body else without_raw_html
                self._expanded = expand(body, around=around)
            return self._expanded
        if self.markdown_in_html and "markdown=" in body:  # set apart once: asked for by each reading
            if self._set_apart is None:
                from .readers.markdown import markdown_in_html_blocks

                self._set_apart = markdown_in_html_blocks(body)
            body = self._set_apart
        if self.raw_html or "<" not in body:
            return body
        from .readers.markdown import without_raw_html

        return without_raw_html(body)

    @property
    def _link_bare_urls(self) -> bool:
        # Bare URLs in HTML are text, not links; in Markdown, GFM and Hugo link them.
        return self.bare_urls and self.format == "markdown"

    @property
    def visible(self) -> VisibleBody:
        """What a reader sees: text, links and images."""
        if self._visible is None:
            if self.format == "text":
                self._visible = from_text(self.body, bare_urls=self.bare_urls)
            else:
                self._visible = from_html(self.html, **self._parse_options())
        return self._visible

    # Positions ---------------------------------------------------------

    @property
    def _content_span(self) -> tuple[int, int]:
        """Where the article content lies in the body source (inside ``<body>`` for a whole page)."""
        if self._span is None:
            self._span = self._find_content_span()
        return self._span

    def _find_content_span(self) -> tuple[int, int]:
        start, end = 0, len(self.body)
        if self.format == "html":
            opening, closing = body_tags(self.body)
            start = opening if opening is not None else 0
            if closing is not None and closing > start:
                end = closing
        return start, end

    @property
    def article(self) -> tuple[int, int, str] | None:
        """An HTML page's article (:func:`article_element`), found once: the end position and the engine's
        hint both ask."""
        if self._article is False:
            self._article = article_element(self.body, self.skip) if self.format == "html" else None
        return self._article  # type: ignore[return-value]

    @property
    def _article_span(self) -> tuple[int, int]:
        """Where the article lies in the body: a whole page's one <article> or <main> (not the site's header
        and footer around it), else the content."""
        article = self.article
        return (article[0], article[1]) if article is not None else self._content_span

    def position(self, index: int) -> tuple[int, int]:
        """(line, column) in the source file of the body's character at ``index``."""
        return self._position(index)

    def _position(self, index: int) -> tuple[int, int]:
        if self.source is not None:
            return self.source.position(index)
        breaks = self.memo.get("line-breaks")
        if breaks is None:  # the first few are counted; past them (thousands of suppressions), looked up
            asked = self.memo["positions-asked"] = self.memo.get("positions-asked", 0) + 1  # type: ignore[operator]
            if asked <= _COUNTED_POSITIONS:
                line = self.body_line + self.body.count("\n", 0, index)
                column = index - (self.body.rfind("\n", 0, index) + 1) + 1
                return line, column
            breaks = self._marks("\n")
        before = bisect_right(breaks, index - 1)  # the line breaks before index
        start = breaks[before - 1] + 1 if before else 0
        return self.body_line + before, index - start + 1

    def _span_at(self, start: int, stop: int) -> Span:
        """(line, column) of the body's ``start`` and of ``stop`` (a text found there and where it ends): the end
        counted on from the start, over the lines between them, not again from the body's first line (a count
        of the whole text before it, which a placing paid twice)."""
        line, column = self._position(start)
        if self.source is not None or stop < start or "line-breaks" in self.memo:
            return line, column, *self._position(stop)
        breaks = self.body.count("\n", start, stop)
        if not breaks:
            return line, column, line, column + stop - start
        return line, column, line + breaks, stop - self.body.rfind("\n", start, stop)

    def offset_of(self, line: int, column: int) -> int:
        """The index in the body of a (line, column) that :meth:`locate` gave (the inverse of ``_position``)."""
        if self.source is not None:
            return self.source.offset(line, column)
        index = 0
        for _ in range(line - self.body_line):
            index = self.body.find("\n", index) + 1
            if index == 0:
                return len(self.body)
        return index + column - 1

    def end_position(self) -> tuple[int, int]:
        """The last line of the article with text: where something missing would go."""
        if self._end is None:
            self._end = self._compute_end()
        return self._end

    def _compute_end(self) -> tuple[int, int]:
        """The last line of the article with text: where something missing would go."""
        if not self.body and self.body_line > 1:  # front matter alone: its closing line, the file's last
            return self.body_line - 1, 1
        start, end = self._article_span
        if self.format == "html" and self.metadata.medium == "newsletter" and self.article is None:
            # An email's layout: the story's end, in its cell, where --fix puts the credit (not an Outlook-only
            # comment's line or the footer's below it).
            story = email_story(self.body, start, end, self.skip)
            end = story[1] if story is not None else end
        last = _content_end(self.body, start, end)
        if self.left_out_html():  # raw HTML the page leaves out is not the end a reader sees
            spans = _html_spans(self.body)
            while last > start:
                at = bisect_right(spans, (last - 1, _AFTER_ALL)) - 1
                if at < 0 or last - 1 >= spans[at][1]:
                    break
                last = _content_end(self.body, start, spans[at][0])
        if last == start:
            return self._position(start)
        line_start = self.body.rfind("\n", 0, last) + 1
        return self._position(line_start)

    def start_position(self) -> tuple[int, int]:
        """The first line of the article with text: where something missing from its top would go."""
        if not self.body and self.body_line > 1:  # front matter alone: its closing line, as for the end
            return self.end_position()
        body = self.body
        index, end = self._article_span
        while index < end:  # past white space, comments and (in HTML) tags: to what a reader sees first
            if body[index].isspace():
                index += 1
            elif body.startswith("<!--", index):
                close = body.find("-->", index + 4, end)
                index = end if close < 0 else close + 3
            elif self.format == "html" and body[index] == "<":
                close = body.find(">", index, end)
                index = end if close < 0 else close + 1
            else:
                return self._position(body.rfind("\n", 0, index) + 1)
        return self.end_position()

    def meta_place(self, key: str | None = None) -> tuple[int, int, str | None]:
        """(line, column, file) of the place declaring ``key``: the front matter's line, else the line of the
        metadata sidecar that sets it (``file`` is the sidecar then, else None), else the metadata's start."""
        if key and key in self.site_places and key not in self.key_lines:  # given by the site's cascade or defaults
            file, line, column = self.site_places[key]
            return line, column, file
        if key and key not in self.key_lines and self.sidecar is not None:
            sidecar, lines = self.sidecar
            if key in lines:
                return lines[key], 1, sidecar
            # A key no file sets: where the metadata is written, to be added there (a value the page itself
            # declares stands at its tag).
            if not self.key_lines and key not in self.declared_places:
                return min(lines.values(), default=1), 1, sidecar
        line, column = self.meta_position(key)
        return line, column, None

    def meta_position(self, key: str | None = None) -> tuple[int, int]:
        """The line declaring ``key`` in the front matter (or the tag of a page that declares it), else the
        start of the metadata."""
        if key and key in self.key_lines:
            return self.key_lines[key], self.key_columns.get(key, 1) if self.key_columns else 1
        if key and key in self.declared_places:
            return self.declared_places[key]
        if not self.key_lines:
            return 1, 1
        first = min(self.key_lines, key=self.key_lines.__getitem__)
        return self.key_lines[first], self.key_columns.get(first, 1) if self.key_columns else 1

    @property
    def _comment_spans(self) -> list[tuple[int, int]]:
        """Source spans a reader never sees: HTML comments and, in Markdown, code fences and spans."""
        if self._spans is None:
            self._spans = self._find_comment_spans()
        return self._spans

    def _find_comment_spans(self) -> list[tuple[int, int]]:
        spans = []
        # A character alone first: a search for one costs a tenth of one for "<!--" or "~~~" in a long text.
        index = self.body.find("<!--") if "<" in self.body else -1
        while index >= 0:
            close = self.body.find("-->", index + 4)
            close = len(self.body) if close < 0 else close + 3
            spans.append((index, close))
            index = self.body.find("<!--", close)
        if self.format == "markdown" and ("`" in self.body or ("~" in self.body and "~~~" in self.body)):
            spans += _code_spans(self.body)
        if self.format == "markdown" and _may_indent_code(self.body):
            from .readers.markdown import indented_code_spans

            spans += indented_code_spans(self.body)
        # "{" alone first, as "<" above: a search for two characters reads a long text a character at a time.
        if self.format != "text" and "{" in self.body and "{%" in self.body and self.liquid:
            spans += liquid_comment_spans(self.body, self.format == "markdown")
        if self.format == "markdown" and not self.raw_html and "<" in self.body:
            spans += _html_spans(self.body)  # left out of the page: nothing found is there
        return _merged(spans)  # so one bisect answers "inside one?"

    @property
    def _lower_body(self) -> str:
        if self._lowered is None:
            self._lowered = lower(self.body)
        return self._lowered

    def _find_visible(self, needle: str, *, ignore_case: bool = False) -> int:
        """First occurrence in the article content that is not inside an HTML comment."""
        start, end = self._content_span
        if not ignore_case:
            return self._first_visible(_find_all(self.body, needle, start, end))
        found = self._case_blind(needle, start, end)
        if found is None:
            found = (m.start() for m in _case_blind_regex(re.escape(needle)).finditer(self.body, start, end))
        return self._first_visible(found)

    def _case_blind(self, needle: str, start: int, end: int) -> Iterator[int] | None:
        """Where ``needle`` stands in the body between ``start`` and ``end`` as a case-blind regex finds it,
        found in the lower-cased body (a search in C, where the regex tries every position in Python's
        engine: 175 µs for an article); None when the lower-cased body cannot tell (see :meth:`_alike`)."""
        lowered = self._lower_body
        wanted = needle.lower()
        if len(lowered) != len(self.body) or len(wanted) != len(needle) or self._alike(wanted):
            return None
        return _find_all(lowered, wanted, start, end)

    def _alike(self, wanted: str) -> bool:
        """Whether the lower-cased body holds a character that a case-blind regex takes for one of ``wanted``'s
        (lower case) but whose lower case is another (the long s for "s", the dotless i for "i": the rest of
        ``re._casefix``'s table). Each such character is looked for once per reprint: placing a finding asks of
        each of its words."""
        if _EXTRA_CASES is None:
            return True
        held: dict[int, bool] = self.memo.setdefault("other-cases", {})  # type: ignore[assignment]
        for char in _HAS_EXTRA_CASES.intersection(wanted):  # in C: of an English word, "i" and "s" at most
            for other in _EXTRA_CASES[ord(char)]:
                found = held.get(other)
                if found is None:
                    found = held[other] = chr(other) in self._lower_body
                if found:
                    return True
        return False

    def _apart(self, needle: str, start: int, end: int, *, whole: bool = False) -> Iterator[re.Match[str]]:
        """The matches of :func:`_words_apart` (case-blind; ``whole``: whole words only) in ``body[start:end]``,
        as ``finditer`` gives them, but tried only where the first word stands."""
        words = needle.split()[:_WORDS_APART]
        if not words:
            return
        where = self._case_blind(words[0], start, end)
        if len(words) == 1 and len(words[0]) > _LONGEST_WORD:
            # One long word (an image's data: address of a megabyte): nothing can stand apart in it, and a
            # regex of it took seconds to compile; its copies are where the lower-cased body holds it.
            if where is None:
                return
            pattern = rf"(?s).{{{len(words[0])}}}"
        else:
            pattern = _words_apart(needle)
        regex = _case_blind_regex(rf"(?<!\w){pattern}(?!\w)" if whole else pattern)
        if where is None:
            yield from regex.finditer(self.body, start, end)
            return
        for word in words[1:]:  # each word is written in every match: one missing, none (a scan in C each)
            found = self._case_blind(word, start, end)
            if found is not None and next(found, None) is None:
                return
        after = start
        for index in where:
            if index < after:
                continue  # inside the last match, as finditer goes on from its end
            match = regex.match(self.body, index, end)
            if match is not None:
                after = match.end()
                yield match

    def _first_out_of_tags(self, matches: Iterable[_F]) -> _F | None:
        """The first of ``matches`` (indices, or regex matches) in the article content, outside comments, and
        outside a tag when one is (a photo's ``alt="... All rights reserved"`` before the notice on the page),
        in an element a reader sees when one is (a hidden menu's notice before the page's): else the first no
        reader sees, else the first outside comments when every one tried stands in a tag; None when there is
        none."""
        first = unseen = None
        tried = 0
        outside = self._outside_comments(matches)
        # Where the page left something out and where that stands is not known yet (a second reading of the
        # page, the costliest part of placing a finding), each copy is told whether it is the last: the last,
        # with none passed over before it, is the answer wherever it stands, and that reading is spared (a
        # finding's words mostly stand once on the page).
        ahead = self._visible is not None and self._visible.unseen and self._unseen is None
        for match, last in _with_last(outside) if ahead else zip(outside, repeat(False)):
            if last and first is None and unseen is None:
                return match  # unseen, in a tag or neither: the loop below would return it all the same
            index = match if isinstance(match, int) else match.start()
            if self._unseen_at(index):  # a copy no reader sees (hidden, folded away): one they see comes first
                if unseen is None:
                    unseen = match
                continue
            if not self._in_tag(index):
                return match
            if first is None:
                first = match
            tried += 1
            if tried > _TAG_TRIES:
                break
        return unseen if unseen is not None else first

    def _seen_rank(self, index: int) -> int:
        """How a copy at ``index`` ranks as the place of a finding: in the text a reader sees (0), in text no
        reader sees (1), in a tag (2)."""
        return 2 if self._in_tag(index) else 1 if self._unseen_at(index) else 0

    def _unseen_at(self, index: int) -> bool:
        """Whether ``index`` of the body stands in an element no reader sees (hidden, folded away, or left out
        by the config's ``skip-elements``). Asked only while placing a finding, and only of a page whose parse
        left something out: there a copy of the finding's words before the one a reader sees is passed over."""
        visible = self._visible
        if visible is None or not visible.unseen:
            return False
        if self._unseen is None:
            self._unseen = self._find_unseen_spans()
        spans = self._unseen
        at = bisect_right(spans, (index, _AFTER_ALL)) - 1
        return at >= 0 and index < spans[at][1]

    def _find_unseen_spans(self) -> list[tuple[int, int]]:
        """Where the elements no reader sees stand in the body: each start tag is marked with its number (as
        :func:`_articles_seen` marks ``<article>`` tags), the marked body is read as this one is (rendered,
        parsed, pruned), and each element left out is told back to its start tag; it runs to its end tag
        (:func:`_element_end`). An element no tag of the source made (Markdown's own) is passed over."""
        body = self.body
        names = list(_MARKED_TAG.finditer(body))
        if not names:
            return []
        pieces, at = [], 0
        for number, name in enumerate(names):
            pieces += (body[at : name.end()], f' {_SEEN_MARK}="{number}"')
            at = name.end()
        pieces.append(body[at:])
        shadow = copy.copy(self)  # the same reading, of the marked body: nothing it made is shared
        shadow.body = "".join(pieces)
        shadow.memo = {}
        shadow._html = shadow._visible = shadow._media = shadow._expanded = shadow._set_apart = None
        shadow._spans = shadow._lowered = shadow._span = shadow._end = None
        shadow._rendered = False
        try:
            html = shadow.html
            options = shadow._parse_options()
        except InputError:  # the marks took it past the limits: nothing is passed over
            return []
        tree, nodes = unseen_elements(html, **options)  # type: ignore[arg-type]
        starts = [name.start() for name in names]
        made = {_seen_mark(node, len(starts)) for node in tree.css(f"[{_SEEN_MARK}]")} if nodes else set()
        spans = []
        for node in nodes:
            number = _seen_mark(node, len(starts))
            if number is not None:
                spans.append((starts[number], _element_end(body, node, number, starts, made)))
        return _merged(spans)

    def _written_alike(self, needle: str) -> Iterator[re.Match[str]]:
        """The matches in the body of the words of ``needle`` (a text as a rule reads it: NFKC, typographic
        apostrophes and hyphens made ASCII, characters that show nothing left out) as the source may write
        them: "We’ve" or "We&#8217;ve" for "We've", "ﬁ" for "fi", "ＴＨＩＳ" for "THIS", "re&shy;served" for
        "reserved". Only for a text found no other way: the body's characters and references outside ASCII
        are read once, paid for a finding's place only."""
        from html import unescape

        body = self.body
        if any(len(word) > _LONGEST_WORD for word in needle.split()[:_WORDS_APART]):
            return iter(())  # a word of a megabyte (a data: address) read a character at a time: minutes
        tokens = non_ascii_chars(body)
        if "&" in body:
            tokens.update(_REFERENCE.findall(body))
        hidden: list[str] = []  # what shows nothing: may stand between any two letters
        alike: dict[str, list[str]] = {}  # a text as a rule reads it -> the ways the body writes it
        for token in tokens:
            shown = unescape(token) if token.startswith("&") else token
            normal = ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", shown).translate(LOOKALIKES)).casefold()
            if not normal:
                hidden.append(token)
            elif normal != token.lower():
                alike.setdefault(normal, []).append(token)
        if not hidden and not alike:
            return iter(())
        longer = sorted((normal for normal in alike if len(normal) > 1), key=len, reverse=True)
        filler = f"(?:{'|'.join(map(re.escape, sorted(hidden)))})*" if hidden else ""
        words = []
        for word in needle.split()[:_WORDS_APART]:
            parts, index = [], 0
            while index < len(word):
                whole = next((normal for normal in longer if word[index:].casefold().startswith(normal)), None)
                size = 1 if whole is None else len(whole)
                # casefold may lengthen a character ("ß": "ss"): such a word is written as it is
                if whole is not None and len(word[index : index + size].casefold()) != size:
                    whole, size = None, 1
                written = word[index : index + size]
                ways = [re.escape(written), *map(re.escape, alike.get(written.casefold(), ()))]
                parts.append(f"(?:{'|'.join(ways)})" if len(ways) > 1 else ways[0])
                index += size
            words.append(filler.join(parts))
        return _case_blind_regex(_BETWEEN_WORDS.join(words)).finditer(body)

    def _first_visible(self, matches: Iterable[int] | Iterator[re.Match[str]]) -> int:
        """Where the first of ``matches`` outside comments and tags starts (:meth:`_first_out_of_tags`), or -1."""
        found = self._first_out_of_tags(matches)
        return -1 if found is None else found if isinstance(found, int) else found.start()

    def _in_tag(self, index: int) -> bool:
        """Whether ``index`` stands inside a start tag (an attribute's value: an ``alt``, a ``title``), or in
        Markdown inside a link's destination and title (``[x](url "title")``) or an image's alt text
        (``![alt](url)``): not in the text a reader sees."""
        body = self.body
        opened = body.rfind("<", 0, index)
        if opened >= 0 and body.find(">", opened, index) < 0:
            after = body[opened + 1 : opened + 2]
            if after.isascii() and after.isalpha():
                return True
        if self.format != "markdown":
            return False
        line = body.rfind("\n", 0, index) + 1  # a link's parts stand on one line here
        target = body.rfind("](", line, index)
        if target >= 0 and body.find(")", target, index) < 0:
            return True
        image = body.rfind("![", line, index)
        return image >= 0 and body.find("]", image, index) < 0

    def span_of_copy(self, needle: str, nth: int, seen: int | None = None) -> Span | None:
        """Where the ``nth`` copy (from 0) of ``needle``, written exactly so, stands in the article's source
        outside comments and tags, or None when there are fewer: a cheap placing for a text a reader sees ``nth``
        copies of before it (a credit's name), where :meth:`span` would search the words apart as well.
        ``seen``: how many copies a reader sees in all; when the source holds as many, each is a seen one, and
        the ``nth`` is taken as it stands, without reading where comments and code are; when it holds fewer, one
        a reader sees is written otherwise (its words in two ``<span>``s), and the ``nth`` written so may be
        another copy: None. A space in ``needle`` may be written as a non-breaking one, a character or its
        reference ("KFF&nbsp;Health News"): a copy so written is counted and placed as one with plain spaces is."""
        start, end = self._content_span
        ends = self._copy_ends(needle, start, end)  # None: each copy written exactly so, as long as the needle
        written = len(ends) if ends is not None else self.body.count(needle, start, end)
        if seen is not None and written < seen:
            return None  # a copy a reader sees is written otherwise (its words in two <span>s): the nth is not it
        if seen is not None and written == seen:
            found = list(islice(ends or _find_all(self.body, needle, start, end), nth, nth + 1))
            if found:
                stop = ends[found[0]] if ends is not None else found[0] + len(needle)
                return self._span_at(found[0], stop)
        copies: Iterator[int] = (
            index
            for index in self.visible_indices(ends or _find_all(self.body, needle, start, end))
            if not self._in_tag(index)
        )
        if self._visible is not None and self._visible.unseen:  # the nth a reader sees, hidden copies aside
            listed = list(copies)
            # With no more than nth + 1 copies the nth listed is the answer (those a reader sees are all of
            # them, or too few): where the page's hidden elements stand is not worked out for it.
            if len(listed) > nth + 1:
                shown = [index for index in listed if not self._unseen_at(index)]
                listed = shown if len(shown) > nth else listed
            copies = iter(listed)
        found = next(islice(copies, nth, nth + 1), None)
        if found is None:
            return None
        return self._span_at(found, ends[found] if ends is not None else found + len(needle))

    def _copy_ends(self, needle: str, start: int, end: int) -> dict[int, int] | None:
        """Where each copy of ``needle`` in ``body[start:end]`` starts and ends, in order, when a space in it may
        be written as a non-breaking one (U+00A0, ``&nbsp;``, ``&#160;``, ``&#xa0;``) and the body holds one;
        else None (each copy is written exactly so)."""
        if " " not in needle or not ("\u00a0" in self.body or _NBSP_REFERENCE.search(self.body, start, end)):
            return None
        spaced = re.compile(NAME_SPACE.join(map(re.escape, needle.split(" "))))
        return {match.start(): match.end() for match in spaced.finditer(self.body, start, end)}

    def visible_indices(self, matches: Iterable[int] | Iterator[re.Match[str]]) -> Iterator[int]:
        """The indices of ``matches`` (indices, or regex matches) in the article content, outside comments."""
        for match in self._outside_comments(matches):
            yield match if isinstance(match, int) else match.start()

    def _outside_comments(self, matches: Iterable[_Found]) -> Iterator[_Found]:
        """Those of ``matches`` (indices, or regex matches) that start in the article content, outside comments."""
        start, end = self._content_span
        spans = self._comment_spans
        for match in matches:
            index = match if isinstance(match, int) else match.start()
            if not start <= index < end:
                continue
            at = bisect_right(spans, (index, _AFTER_ALL)) - 1  # the last span starting at or before index
            if at < 0 or index >= spans[at][1]:
                yield match

    def as_written(self, url: str) -> str:
        """``url`` as the source writes it: Markdown's renderer percent-encodes what the editor wrote as it is
        (``niños.jpg`` is rendered ``ni%C3%B1os.jpg``), which a message shows and a search looks for."""
        if "%" not in url:
            return url
        from urllib.parse import unquote

        written = unquote(url)
        return written if written != url and written in self.body else url

    def locate_url(self, url: str) -> tuple[int, int]:
        """Position of a link to ``url`` written as Markdown or HTML link syntax, else of the bare URL."""
        return self.span_url(url)[:2]  # type: ignore[return-value]

    def span_url(self, url: str, prefer: Callable[[int, int], int] | None = None) -> Span:
        """:meth:`locate_url`, with the end of the address as :meth:`span` gives it.

        The syntaxes are tried in the order of :data:`_URL_SYNTAX`, the first that
        is written anywhere wins; the body is searched once per spelling of the
        URL, and each occurrence's neighbours tell the syntax. ``prefer``: how surely a copy of the
        address, at ``body[start:end]``, is the link meant (a credit's); the first of the surest copies
        is told, before the story's own links to the same address, when one scores above 0.
        """
        if prefer is not None:
            best, where = (0, False), None  # the surest copy, one a reader sees before one they do not
            for candidate in dict.fromkeys((url, _escape(url))):
                for index in self.visible_indices(_find_all(self.body, candidate, *self._content_span)):
                    score = prefer(index, index + len(candidate))
                    ranked = (score, not self._unseen_at(index)) if score > 0 else (0, False)
                    if ranked > best:
                        best, where = ranked, (index, index + len(candidate))
            if where is not None:
                return self._span_at(where[0], where[1])
        if not url:
            return self.span(url)
        start, end = self._content_span
        spans = self._comment_spans
        body = self.body
        for candidate in dict.fromkeys((url, _escape(url))):
            first: dict[int, int] = {}  # syntax -> where the first visible one starts
            unseen: dict[int, int] = {}  # syntax -> where the first one in an element no reader sees starts
            for index in _find_all(body, candidate, start, end):
                after = index + len(candidate)
                for rank, (before, closing) in enumerate(_URL_SYNTAX):
                    begin = index - len(before)
                    if rank in first and first[rank] <= begin:
                        continue
                    if begin < start or not body.startswith(before, begin):
                        continue
                    # Closed within the content, or, where white space may close it, by the content's end.
                    closed = body[after] in closing if after < end else after == end and " " in closing
                    if not closed:
                        continue
                    at = bisect_right(spans, (begin, _AFTER_ALL)) - 1
                    if at >= 0 and begin < spans[at][1]:
                        continue
                    if not self._unseen_at(begin):
                        first[rank] = begin
                    elif rank not in unseen:
                        unseen[rank] = begin
            first = first or unseen
            if first:
                rank = min(first)
                index = first[rank] + len(_URL_SYNTAX[rank][0])
                return self._span_at(index, index + len(candidate))
        if self.format == "markdown" and "\\" in body:
            # Written with Markdown's backslash escapes ("5890012\_x", as converters write an underscore), which
            # the parser's address leaves out: found as written, not told at the body's start.
            for found in _with_escapes(url).finditer(body, start, end):
                if "\\" in found.group(0):
                    return self._span_at(found.start(), found.end())
        return self.span(url)

    def link_words(self, start: int, end: int) -> str:
        """:func:`link_words` in the body, where the marks it reads by (a line's start, a ``[``, a tag's ``>``,
        ``</a``) are looked up, not searched for: a page may hold thousands of copies of an address."""
        body = self.body
        if body[max(0, start - 2) : start] == "](":
            brackets = self._marks("[")
            at = bisect_left(brackets, start - 2) - 1  # the last "[" before the "]("
            if at < 0 or brackets[at] < self.line_span(start, end)[0]:
                return ""
            return body[brackets[at] + 1 : start - 2]
        if not body[max(0, start - 6) : start].lower().endswith(('href="', "href='")):
            return ""
        closing = self._marks(">")
        at = bisect_left(closing, end)
        if at == len(closing):
            return ""
        closed = closing[at]
        ends = self._marks("</a")
        at = bisect_left(ends, closed)
        return _strip_tags(body[closed + 1 : ends[at]]) if at < len(ends) else ""

    def line_span(self, start: int, end: int) -> tuple[int, int]:
        """Where the line (or lines) that ``body[start:end]`` stands on starts and ends, as :func:`line_around`
        reads it, the line breaks looked up (a line may hold thousands of copies of an address)."""
        breaks = self._marks("\n")
        before, after = bisect_left(breaks, start), bisect_left(breaks, end)
        return breaks[before - 1] + 1 if before else 0, breaks[after] if after < len(breaks) else len(self.body)

    def _marks(self, mark: str) -> list[int]:
        """Where ``mark`` stands in the body, in order (``</a`` blind to case), found once per reprint."""
        key = "line-breaks" if mark == "\n" else f"marks {mark}"  # the line breaks _position reads too
        found: list[int] | None = self.memo.get(key)  # type: ignore[assignment]
        if found is None:
            pattern = _END_OF_LINK if mark == "</a" else _LINE_BREAK if mark == "\n" else re.compile(re.escape(mark))
            found = self.memo[key] = [match.start() for match in pattern.finditer(self.body)]
        return found

    def locate(self, needle: str, nth: int = 0) -> tuple[int, int]:
        """Best-effort position of visible text or a URL in the body source; ``nth``: of its occurrence after
        the first ``nth`` (a match a rule counts after others it passed over), the last when there are fewer."""
        return self._position(self._where(needle, nth)[0])

    def span(self, needle: str, nth: int = 0) -> Span:
        """:meth:`locate`, with where the text found ends in the source (the line and the column after its last
        character), for an editor or a code-scanning view to mark it; no end when it is not found."""
        return self.span_written(needle, nth)[0]

    def span_written(self, needle: str, nth: int = 0) -> tuple[Span, str]:
        """:meth:`span`, and the source's text there ("" when not found): the words as the page writes them,
        when they stand there alone (no markup, one space apart), for a finding to quote."""
        start, stop = self._where(needle, nth)
        if stop <= start:
            return (*self._position(start), None, None), ""
        return self._span_at(start, stop), self.body[start:stop]

    def span_outside_captions(self, needle: str, nth: int = 0) -> Span:
        """:meth:`span` of the ``nth`` copy of ``needle`` that stands in no picture's caption (``<figcaption>``,
        an element of WordPress's ``wp-caption-text`` class, or its ``[caption]`` shortcode): for what was
        found in the text with the captions apart, where a caption before it says the same words ("Photo:
        Reuters. All rights reserved." above the footer's own)."""
        spans = self._caption_spans() if needle.split() else []
        if spans:
            starts = [begin for begin, _ in spans]
            found = []
            for match in self._outside_comments(self._apart(needle, *self._content_span)):
                at = bisect_right(starts, match.start()) - 1
                if at < 0 or match.start() >= spans[at][1]:
                    found.append(match)
            if found:
                start, stop = found[min(nth, len(found) - 1)].span()
                return self._span_at(start, stop)
        return self.span(needle, nth)

    def _caption_spans(self) -> list[tuple[int, int]]:
        """Where the captions stand in the source, in order and apart, as it writes them: each from its opening
        to its end (to the body's end when it has none). Plain finds, each opening read once."""
        lowered = self._lower_body
        spans = []
        openings = ["<figcaption", "wp-caption-text"]
        if self.format != "markdown":  # WordPress's shortcodes are read in HTML only
            openings += ["[caption", "[wp_caption"]
        elif "{{" in lowered:  # Hugo's figure shortcode: its title, caption and attr make the figcaption
            openings += ["{{<", "{{%"]
        for opening in openings:
            at = lowered.find(opening)
            while at >= 0:
                if opening == "<figcaption":
                    begin, end = at, lowered.find("</figcaption", at)
                elif opening == "wp-caption-text":  # a class: of the tag it stands in
                    begin = lowered.rfind("<", max(0, at - _TAG_REACH), at)
                    inside = begin >= 0 and lowered.rfind(">", begin, at) < 0
                    name = _TAG_NAME.match(lowered, begin) if inside else None
                    end = lowered.find(f"</{name.group(1)}", at) if name is not None else -2
                elif opening[0] == "{":  # a Hugo shortcode: a figure's call, to its close
                    begin = at
                    figure = lowered[at + 3 : at + 3 + _TAG_REACH].lstrip().startswith("figure")
                    close = lowered.find(">}}" if opening == "{{<" else "%}}", at + 3)
                    end = (close if close >= 0 else len(lowered)) if figure else -2
                else:  # a WordPress shortcode: to its end tag
                    begin, end = at, lowered.find(f"[/{opening[1:]}]", at)
                if end != -2:
                    spans.append((begin, end if end >= 0 else len(lowered)))
                at = lowered.find(opening, at + 1)
        spans.sort()
        merged: list[tuple[int, int]] = []
        for begin, end in spans:  # one inside another (a figcaption of the wp-caption-text class): the outer
            if merged and begin < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((begin, end))
        return merged

    def _where(self, needle: str, nth: int) -> tuple[int, int]:
        """Where :meth:`locate`'s text starts and ends in the body (the end as the start: not found)."""
        if nth and needle.split():
            found = list(self._outside_comments(self._apart(needle, *self._content_span)))
            if len(found) <= nth:  # the copy meant may be written otherwise than the rule reads it ("ap&shy;proved")
                alike = list(self._outside_comments(self._written_alike(needle)))
                found = alike if len(alike) > len(found) else found
            if len(found) > nth + 1:  # else the nth found is the answer either way (see span_of_copy)
                seen = [match for match in found if not self._unseen_at(match.start())]
                if len(seen) > nth:  # the nth a reader sees, hidden copies aside
                    found = seen
            if found:
                return found[min(nth, len(found) - 1)].span()
        index = self._find_visible(needle) if needle else -1
        length = len(needle)
        if index < 0 and needle and "&" in needle:
            escaped = _escape(needle)
            index, length = self._find_visible(escaped), len(escaped)
        if needle and (index < 0 or self._in_tag(index) or self._unseen_at(index)):
            # In another case, or (out of a tag, where a reader sees it) in the text.
            other = self._find_visible(needle, ignore_case=True)  # as long as the needle: see _case_blind
            if index < 0 or (other >= 0 and self._seen_rank(other) < self._seen_rank(index)):
                index, length = other, len(needle)
        if index >= 0 and needle.split() and self._in_tag(index):
            # Found as quoted only inside a tag (an image's alt, a title): a copy in the text, written with
            # markup between its words ("is *endorsed* by"), is the one a reader sees.
            seen = self._first_out_of_tags(self._apart(needle, *self._content_span))
            if seen is None or self._in_tag(seen.start()):
                seen = self._first_out_of_tags(self._written_alike(needle))
            if seen is not None and not self._in_tag(seen.start()):
                return seen.span()
        if index < 0 and needle:
            # The words as written, whatever stands between them: spaces, a line break, punctuation, tags or
            # a character reference (the "&nbsp;" a WYSIWYG editor puts between words).
            apart = self._first_out_of_tags(self._apart(needle, 0, len(self.body)))
            if apart is None:  # written otherwise than the rule reads it: "We’ve", "re&shy;served"
                apart = self._first_out_of_tags(self._written_alike(needle))
            if apart is not None:
                return apart.span()
        elif 1 < len(needle.split()) <= _WORDS_APART:
            # A copy before the one found, broken over lines (or by a tag) inside the phrase, is the first:
            # whole words only, and only a copy with something other than spaces between its words.
            broken = (
                match
                for match in self._apart(needle, 0, index, whole=True)
                if match.group().count(" ") != len(match.group().split()) - 1 or "\n" in match.group()
            )
            first = next((m for m in self._outside_comments(broken) if not self._unseen_at(m.start())), None)
            if first is not None:
                return first.span()
        if index < 0 and needle and "{{" in self.body and "page." in self.body and self.liquid:
            # Words only a Jekyll {{ page.KEY }} puts on the page: told at the call that writes them.
            lowered = needle.lower()
            for call in _LIQUID_PAGE_VALUE.finditer(self.body):
                if lowered in self._page_value(call).lower():
                    return call.span()
        if index < 0:
            return self._content_span[0], self._content_span[0]
        return index, index + length


#: How many copies of a text inside tags are passed over for one in the text itself.
_TAG_TRIES = 50
#: :meth:`Reprint.visible_apart`'s memo key for the captions apart (:data:`CAPTIONS`).
_APART_CAPTIONS = f"visible-apart:{','.join(CAPTIONS)}"
#: Positions counted with a search of the body; past this many for one body, its line breaks are indexed.
_COUNTED_POSITIONS = 16
_LINE_BREAK = re.compile("\n")


#: How many of a needle's words :func:`_words_apart` looks for.
_WORDS_APART = 8
#: The longest word looked for written apart or otherwise: past it, only as it stands (a data: address).
_LONGEST_WORD = 2000


@lru_cache(maxsize=256)
def _words_apart(needle: str) -> str:
    """A regex of the first words of ``needle`` as written in a source, whatever stands between them."""
    # A character that is not a word's, "<" or "&"; an underscore (Markdown's emphasis, "_endorsed by_");
    # a whole reference (its name not opening with "_", so "&_;" is not a reference too); a lone "&"; or a
    # whole tag: one way only to read each stretch (with "\W" a tag of punctuation, "<!---->", could be read
    # two ways, and runs of them doubled the backtracking each: minutes for a Vue page).
    return _BETWEEN_WORDS.join(re.escape(word) for word in needle.split()[:_WORDS_APART])


#: What :func:`_words_apart` lets stand between two words.
_BETWEEN_WORDS = r"(?:[^\w<&]|_|&#?[^\W_]\w*;|&|<[^<>]*>)+"
#: A character reference, named or numbered.
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


#: Jekyll's Liquid comment, whitespace control and all (an unclosed one is none: Jekyll stops on it). The
#: definition :func:`liquid_comment_spans` finds without it (a test holds the two alike).
LIQUID_COMMENT = re.compile(r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}", re.DOTALL)


def liquid_comment_spans(body: str, markdown: bool = True) -> list[tuple[int, int]]:
    """Where Liquid ``{% comment %}...{% endcomment %}`` blocks stand, but those starting in Markdown's code
    (`` `{% comment %}` `` is shown as written)."""
    if "{%" not in body or "comment" not in body:
        return []
    # LIQUID_COMMENT's matches, found without its lazy ".*?": that read to the end of the page for every
    # opening tag never closed (thousands of them: minutes). Each opening tag is closed by the first closing
    # tag after it; when none follows one, none follows any later one either.
    found, at = [], 0
    while (opened := _LIQUID_OPEN.search(body, at)) is not None:
        closed = _LIQUID_CLOSE.search(body, opened.end())
        if closed is None:
            break
        found.append((opened.start(), closed.end()))
        at = closed.end()
    if found and markdown and ("`" in body or "~~~" in body):
        code = _merged(_code_spans(body))
        starts = [start for start, _ in code]
        found = [(a, b) for a, b in found if (i := bisect_right(starts, a) - 1) < 0 or a >= code[i][1]]
    return found


_LIQUID_OPEN = re.compile(r"\{%-?\s*comment\s*-?%\}")
_LIQUID_CLOSE = re.compile(r"\{%-?\s*endcomment\s*-?%\}")


_RAW_OPEN = re.compile(r"\{%-?\s*raw\s*-?%\}")
_RAW_CLOSE = re.compile(r"\{%-?\s*endraw\s*-?%\}")


def _calls_shortcode(body: str) -> bool:
    """Whether a body calls a Hugo shortcode (``{{< figure >}}``, ``{{% note %}}``) outside Liquid's
    ``{% raw %}...{% endraw %}`` and Markdown's code, where a Jekyll page shows one as written."""
    shown: list[tuple[int, int]] = []
    at = 0
    while (opened := _RAW_OPEN.search(body, at)) is not None:
        closed = _RAW_CLOSE.search(body, opened.end())
        end = closed.end() if closed is not None else len(body)
        shown.append((opened.start(), end))
        if closed is None:
            break
        at = end
    if "`" in body or "~~~" in body:
        shown.extend(_code_spans(body))
    shown = _merged(shown)
    starts = [start for start, _ in shown]
    for marker in ("{{<", "{{%"):
        for index in _find_all(body, marker, 0, len(body)):
            at = bisect.bisect_right(starts, index) - 1
            if at < 0 or index >= shown[at][1]:
                return True
    return False


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, those that overlap or touch joined: whether an index stands in one is one bisection."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


#: Jekyll's Liquid output of one of the page's own front-matter values (``{{ page.canonical_url }}``), bare or
#: through a filter that leaves its words as they read (``| escape``).
_LIQUID_PAGE_VALUE = re.compile(
    r"\{\{-?[ \t]*page\.([A-Za-z_][\w-]*)[ \t]*(?:\|[ \t]*(?:escape|escape_once|xml_escape|strip)[ \t]*)?-?\}\}"
)


#: A Markdown link's or image's destination (or a reference definition's) holding Liquid's output or tags,
#: which may hold spaces: ``({{ site.baseurl }}/img/trout.jpg)``, ``({{ "/img/trout.jpg" | relative_url }})``.
#: Each tag bounded, none holding a brace: one way to read each stretch, linear.
_LIQUID_DESTINATION = re.compile(
    r"(\]\([ \t]*<?|^[ ]{0,3}\[[^\]\n]{1,999}\]:[ \t]*<?)"
    r"((?:[^\s(){}<>\[\]]|\{\{[^{}\n]{0,500}\}\}|\{%[^{}\n]{0,500}%\})+)",
    re.MULTILINE,
)
#: One Liquid output (``{{ ... }}``) or tag (``{% ... %}``) of such a destination, whitespace control and
#: spaces taken off in Python (a lazy match before ``\s*`` tried each space of a long run again: quadratic).
_LIQUID_TAG = re.compile(r"\{\{([^{}]*)\}\}|\{%([^{}]*)%\}")
#: The site's own address as Jekyll's config gives it (``site.url``, ``site.baseurl``, one appended to the other).
_LIQUID_SITE = r"site\.(?:url|baseurl)"
_LIQUID_OWN = re.compile(rf"{_LIQUID_SITE}(?:\s*\|\s*(?:append|prepend)\s*:\s*{_LIQUID_SITE})*")
#: A string written out, through filters that make it the site's own address: ``"/img/x.jpg" | relative_url``.
_LIQUID_ADDRESS = re.compile(
    rf"""(["'])([^"'\s]*)\1(?:\s*\|\s*(?:relative_url|absolute_url|prepend\s*:\s*{_LIQUID_SITE}))*"""
)
#: A path appended to the site's own address: ``site.baseurl | append: "/img/x.jpg"``.
_LIQUID_APPENDED = re.compile(rf"""{_LIQUID_OWN.pattern}\s*\|\s*append\s*:\s*(["'])([^"'\s]*)\1""")
#: Jekyll's tags that write a page's or file's address on the site: ``{% link assets/x.jpg %}``.
_LIQUID_LINK = re.compile(r"(?:link|post_url)\s+(\S+)")


def liquid_destinations(body: str) -> str:
    """``body`` with the Liquid in its Markdown links' and images' destinations written as Jekyll fills it in
    before kramdown reads the page: an address without spaces (a destination with a space is no link to
    CommonMark, and the photo would pass unseen). A string through ``relative_url``/``absolute_url``, and
    ``{% link path %}``, are the site's own address of it (``/img/trout.jpg``), and so is a path after
    ``{{ site.baseurl }}`` or ``{{ site.url }}``; any other output, its expression run together
    (``{{page.photo}}``), as part of an address."""
    return _LIQUID_DESTINATION.sub(_liquid_destination, body)


def _liquid_destination(found: re.Match[str]) -> str:
    written = found.group(2)
    if "{" not in written:
        return found.group(0)
    return found.group(1) + _LIQUID_TAG.sub(_liquid_filled, written)


def liquid_filled(address: str) -> str:
    """An address written with Liquid (a permission record's ``media`` entry naming one as the page has it), as
    :func:`liquid_destinations` fills in a destination's."""
    return _LIQUID_TAG.sub(_liquid_filled, address)


def _liquid_filled(found: re.Match[str]) -> str:
    output = found.group(1)
    if output is None:  # a tag: Jekyll's link and post_url write an address, any other is left as written
        link = _LIQUID_LINK.fullmatch(found.group(2).removeprefix("-").removesuffix("-").strip())
        return link.group(1) if link is not None else found.group(0)
    output = output.removeprefix("-").removesuffix("-").strip()  # whitespace control: {{- x -}}
    if _LIQUID_OWN.fullmatch(output):  # the site's own host or base path: the address is on its own server
        return ""
    appended = _LIQUID_APPENDED.fullmatch(output)
    if appended is not None:  # {{ site.baseurl | append: "/img/x.jpg" }}: the path on the site's own server
        return appended.group(2)
    address = _LIQUID_ADDRESS.fullmatch(output)
    return address.group(2) if address is not None else "{{" + re.sub(r"\s+", "", output) + "}}"


#: Hugo's built-in ``param`` shortcode, which writes one of the page's own front-matter values.
_HUGO_PARAM = re.compile(r"""\{\{[<%][ \t]*param[ \t]+(?:"([^"\n]+)"|`([^`\n]+)`|([\w.-]+))[ \t]*[>%]\}\}""")


def without_liquid_comments(body: str, markdown: bool = True) -> str:
    """``body`` with each Liquid comment (:func:`liquid_comment_spans`) made spaces, its line breaks kept
    (the blocks around it stay apart, and the text keeps its length): Jekyll renders nothing of it."""
    spans = liquid_comment_spans(body, markdown)
    if not spans:
        return body
    pieces, at = [], 0
    for start, end in spans:
        pieces += [body[at:start], re.sub(r"[^\n]", " ", body[start:end])]
        at = end
    return "".join(pieces) + body[at:]


#: An HTML comment, to its end or to the end of the text.
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def _html_spans(body: str) -> list[tuple[int, int]]:
    """Where a Markdown body's raw HTML stands, as character indices (the renderer gives UTF-8 offsets)."""
    from .readers.markdown import html_ranges

    ranges = html_ranges(body)
    if not body.isascii():
        data = body.encode("utf-8")
        ranges = [(len(data[:start].decode("utf-8")), len(data[:end].decode("utf-8"))) for start, end in ranges]
    if ranges and "{" in body and ("{{<" in body or "{{%" in body):
        from .readers.shortcodes import call_spans  # "{{<figure src=x>}}" is a call, not raw HTML left out

        calls = call_spans(body)  # in order, none inside another: the one that may hold a range is found by bisection
        ranges = [(a, b) for a, b in ranges if (at := bisect_right(calls, (a, _AFTER_ALL)) - 1) < 0 or b > calls[at][1]]
    return ranges


def link_words(text: str, start: int, end: int) -> str:
    """The words of the link whose address stands at ``text[start:end]``: a Markdown link's ``[words]`` before
    it on its line, an ``<a href>``'s content up to its end tag (tags in it dropped); "" when the address is in
    neither."""
    opening = 3 if text[max(0, start - 3) : start] == "](<" else 2  # [words](<address>): its destination in <>
    if text[max(0, start - 3) : start].endswith(("](", "](<")):
        opened = text.rfind("[", text.rfind("\n", 0, start) + 1, start - opening)
        return text[opened + 1 : start - opening] if opened >= 0 else ""
    if not text[max(0, start - 6) : start].lower().endswith(('href="', "href='")):
        return ""
    closed = text.find(">", end)
    finish = _END_OF_LINK.search(text, closed) if closed >= 0 else None  # from the tag, not the page lowered
    return _strip_tags(text[closed + 1 : finish.start()]) if finish is not None else ""


#: Where an ``<a>``'s content ends (``</A`` too).
_END_OF_LINK = re.compile("</a", re.IGNORECASE)


def _strip_tags(html: str) -> str:
    """A link's content without its tags: the words a reader sees."""
    return re.sub(r"<[^<>]*>", "", html)


def line_around(text: str, start: int, end: int) -> str:
    """The line (or lines) of ``text`` that ``text[start:end]`` stands on, whole."""
    after = text.find("\n", end)
    return text[text.rfind("\n", 0, start) + 1 : after if after >= 0 else len(text)]


def _render(body: str) -> str:
    """Markdown to HTML; the renderer is imported on first use (not at start-up), then called directly."""
    global _render
    from .readers.markdown import render

    _render = render
    return render(body)


#: The characters CommonMark lets a backslash escape (ASCII punctuation).
_MARKDOWN_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


@lru_cache(maxsize=64)
def _with_escapes(url: str) -> re.Pattern[str]:
    """``url`` as Markdown may write it, each of its punctuation characters with or without a backslash."""
    return re.compile("".join("\\\\?" + re.escape(c) if c in _MARKDOWN_ESCAPABLE else re.escape(c) for c in url))


def _escape(text: str) -> str:
    """``html.escape(text, quote=False)``: how a URL or phrase with ``&`` or ``<`` is written in HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _may_indent_code(body: str) -> bool:
    """Whether a Markdown body has a line that opens with four spaces or a tab: only then may it hold an
    indented code block (one search in C, not a parse: the regex finds each line break as ``str.find`` finds
    one character, where a search for "\n    " or "\n\t" reads the text a character at a time)."""
    return _INDENTED_LINE.search(body) is not None or body.startswith(("    ", "\t"))


#: A line opening with four spaces or a tab (after its line break).
_INDENTED_LINE = re.compile("\n(?:    |\t)")


def _code_spans(body: str) -> list[tuple[int, int]]:
    """Markdown code fences and code spans, whose text is not visible as article text.

    As CommonMark has them: a fence (up to three spaces in; a backtick fence's
    info string has no backtick) runs to a line of at least as many of its
    character (its line ending in "\n" or "\r\n"), or, never closed, to the end of the body. A span runs from a run
    of backticks to the next run as long, on any line. One pass: only where a backtick or a tilde
    stands is anything tried, and a run length found unclosed is not looked for
    again, so hostile input (thousands of unclosed fences) stays linear.
    """
    starts = sorted({*_find_all(body, "`", 0, len(body)), *_find_all(body, "~", 0, len(body))})
    spans = []
    end = 0
    unclosed: set[int] = set()  # backtick run lengths with no closing run after some point
    for start in starts:
        if start < end:
            continue
        line_start = body.rfind("\n", 0, start) + 1
        if start - line_start <= 3 and body.startswith(" " * (start - line_start), line_start):
            fence = _FENCE.match(body, start)
            if fence is not None:  # closed by a line of at least as many of its character, up to 3 spaces in
                marker = fence.group(1) or fence.group(2)
                # The closing line may end in "\r\n" (a CRLF file): "$" stands before the "\n" only.
                closing = re.compile(f"^ {{0,3}}{re.escape(marker)}{re.escape(marker[0])}*[ \t]*\r?$", re.MULTILINE)
                found = closing.search(body, fence.end())
                end = found.end() if found is not None else len(body)
                spans.append((line_start, end))
                continue
        if body[start] != "`":
            continue
        after = start + 1
        while after < len(body) and body[after] == "`":
            after += 1
        length = after - start
        if length in unclosed or after == len(body) or body[after] == "\n":
            continue
        closing_at = body.find("`" * length, after + 1)
        if closing_at < 0:
            unclosed.add(length)
            continue
        end = closing_at + length
        spans.append((start, end))
    return spans


try:  # characters a case-blind regex matches beyond lower case (Python 3.11+)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - another Python: the regex decides
    _EXTRA_CASES = None
#: The characters with such other cases (of the 50, "i" and "s" in ASCII).
_HAS_EXTRA_CASES = frozenset(map(chr, _EXTRA_CASES or ()))


@lru_cache(maxsize=256)
def _case_blind_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


#: A non-breaking space written as a character reference ("KFF&nbsp;Health News").
_NBSP_REFERENCE_SOURCE = r"&(?:nbsp|#0*160|#[xX]0*[aA]0);"
_NBSP_REFERENCE = re.compile(_NBSP_REFERENCE_SOURCE)
#: A space as a page may write one inside a name: a plain or a non-breaking one, as a character or a reference
#: (also what ``--fix`` links a name as it stands by).
NAME_SPACE = rf"(?:[ \u00a0]|{_NBSP_REFERENCE_SOURCE})"


def _with_last(items: Iterator[_F]) -> Iterator[tuple[_F, bool]]:
    """Each of ``items`` with whether it is the last (the next one is read before it is given)."""
    current = next(items, _NOTHING)
    while current is not _NOTHING:
        following = next(items, _NOTHING)
        yield current, following is _NOTHING
        current = following


_NOTHING = object()


def _find_all(text: str, needle: str, start: int, end: int):  # type: ignore[no-untyped-def]
    index = text.find(needle, start, end)
    while index >= 0:
        yield index
        index = text.find(needle, index + 1, end)
