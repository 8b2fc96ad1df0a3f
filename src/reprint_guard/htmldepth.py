"""HTML the parser would choke on, found before it parses.

Lexbor's time grows with the square of the nesting depth (100,000 nested
``<div>`` take it half a minute), of the attributes on one element and of the
options in one ``<select>``; misnested formatting can make it build millions
of elements from a few kilobytes. A real page has none of that, so such a page
is refused (limits in :mod:`reprint_guard.limits`).

Depth comes from a cheap model of the tree builder's stack of open elements,
with its common rules: end tags close up to their element and are ignored when
it is not open (or not in scope); ``<p>``, ``<li>``, ``<dd>``/``<dt>``, table
rows and cells, and options close the ones still open; void elements hold
nothing; ``<x/>`` closes itself only in SVG and MathML; comments, raw text
(``<script>``, ``<style>``, ...) and quoted attribute values hold no tags.
Formatting elements that a block closed stay pending and count, because the
parser reopens them. What it leaves out (the adoption agency's moves, implied
``<tbody>``) changes the depth by a small factor, not by the square.
"""

from __future__ import annotations

import re

from .limits import MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH, MAX_HTML_OPTIONS

_VOID = frozenset(
    {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input"}
    | {"keygen", "link", "meta", "param", "source", "track", "wbr"}
)
#: The tree builder's "special" elements (they stop an implied close from reaching further up).
_SPECIAL = frozenset(
    {"address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body"}
    | {"br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt"}
    | {"embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3"}
    | {"h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li"}
    | {"link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript"}
    | {"object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section", "select", "source"}
    | {"style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title"}
    | {"tr", "track", "ul", "wbr", "xmp"}
)
#: Where "in scope" stops looking: an end tag does not close an element outside the table cell it is in.
_SCOPE = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"})
_FORMATTING = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong"})
_FORMATTING_ALSO = frozenset({"tt", "u"})
#: Elements whose start closes an open ``<p>``.
_CLOSES_P = frozenset(
    {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl"}
    | {"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header"}
    | {"hgroup", "hr", "li", "dd", "dt", "listing", "main", "menu", "nav", "ol", "p", "pre", "search"}
    | {"section", "summary", "table", "ul", "xmp", "plaintext"}
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Start tags that close an open sibling of theirs (the element itself, or one of a group).
_SIBLINGS = {
    "li": ("li",),
    "dd": ("dd", "dt"),
    "dt": ("dd", "dt"),
    "tr": ("tr", "td", "th"),
    "td": ("td", "th"),
    "th": ("td", "th"),
    "tbody": ("tbody", "thead", "tfoot", "tr", "td", "th"),
    "thead": ("tbody", "thead", "tfoot", "tr", "td", "th"),
    "tfoot": ("tbody", "thead", "tfoot", "tr", "td", "th"),
    "button": ("button",),
}
#: Table parts: outside a table the parser ignores their start tags.
_TABLE_PARTS = frozenset({"caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"})
#: Start tags after which the parser does not reopen pending formatting elements (blocks, mostly).
_NO_REOPEN = (
    _CLOSES_P
    | _HEADINGS
    | {"li", "dd", "dt", "form", "table", "hr", "textarea", "iframe", "noembed", "noscript", "plaintext"}
    | {"base", "basefont", "bgsound", "link", "meta", "script", "style", "template", "title"}
    | {"html", "head", "body", "frameset", "frame", "caption", "col", "colgroup", "tbody", "td", "tfoot"}
    | {"th", "thead", "tr"}
)
#: Start tags never opened inside the body: merged into the open ones, or ignored.
_IGNORED = frozenset({"html", "head", "body", "frameset", "frame"})
#: Elements whose content is text to the parser (in HTML, not in SVG or MathML).
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
#: HTML elements inside SVG or MathML content: they end it.
_BREAKOUT = frozenset(
    {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1"}
    | {"h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol"}
    | {"p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul"}
    | {"var"}
)
#: SVG and MathML elements whose content is HTML again.
_INTEGRATION = frozenset({"foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml"})

#: Most formatting elements the parser may make again over a page: each misnested tag can make it
#: recreate every pending one, so a few kilobytes could otherwise become millions of elements.
MAX_REOPENED = 100_000

_MARKUP = re.compile(r"<(?:(!--)|(!|\?)|(/?)([A-Za-z][^\s/>]*))")
#: The rest of a tag after its name: attributes (quoted values may hold '>'), then '>' or '/>'.
_TAG_REST = re.compile(r"""(?>\s*=\s*(?:"[^"]*"|'[^']*')|[^>])*+>""")
_TEXT = re.compile(r"[^\s<]")
_COMMENT_END = re.compile(r"--!?>")


#: HTML this short parses quickly however it is written (at worst ~0.1 s): it is not looked at.
_SHORT = 8192
#: A tag this long may hold thousands of attributes: they are counted.
_LONG_TAG = re.compile(r"<[A-Za-z][^>]{10000}")


def too_costly(html: str) -> tuple[int, str] | None:
    """Where ``html`` would make the parser slow, if it would: the index of the start tag, and why.

    The parser's time grows with the square of the nesting depth, of the
    number of attributes on one element, and of the options in one
    ``<select>``; misnested formatting can make it build millions of elements
    from a few kilobytes. Only pages long enough for any of that are looked at.
    """
    if len(html) <= _SHORT:
        return None
    if html.count("<") > MAX_HTML_DEPTH:
        return _Model(html).run()
    for long in _LONG_TAG.finditer(html):
        if (problem := _attributes(html, long.start())) is not None:
            return long.start(), problem
    return None


def _attributes(html: str, start: int) -> str | None:
    """What is wrong with the tag at ``start``, if it has more attributes than the limit."""
    end = html.find(">", start)
    if len(html[start : end if end >= 0 else len(html)].split()) - 1 > MAX_HTML_ATTRIBUTES:
        return f"an HTML tag with more than {MAX_HTML_ATTRIBUTES} attributes"
    return None


_MARKERS = frozenset({"td", "th", "caption", "template", "applet", "object", "marquee"})


def _formatting(name: str) -> bool:
    return name in _FORMATTING or name in _FORMATTING_ALSO


class _Model:
    """The tree builder's stack of open elements, in outline (see the module docstring).

    Each open element is ``(name, in SVG/MathML, tag source)``; ``pending`` holds
    the formatting elements a block closed, as ``(name, tag source)``, with None
    where a table cell (or caption, ...) began: the parser reopens only those after
    the last such marker, and drops them when the cell closes.
    """

    __slots__ = ("alike", "html", "options", "pending", "reopened", "stack", "waiting")

    def __init__(self, html: str) -> None:
        self.html = html
        self.stack: list[tuple[str, bool, str]] = []
        self.pending: list[tuple[str, str] | None] = []
        self.waiting = 0  # pending entries (markers left out)
        self.alike: list[dict[str, int]] = [{}]  # per cell: pending entries by tag source
        self.reopened = 0  # elements the parser would have made again, in all
        self.options = 0  # options in the select opened last (the parser's time grows with their square)

    def depth(self) -> int:
        return len(self.stack) + self.waiting

    def run(self) -> tuple[int, str] | None:
        html = self.html
        position = 0
        while True:
            match = _MARKUP.search(html, position)
            if match is None:
                return None
            if self.waiting and _TEXT.search(html, position, match.start()):
                self._reopen()
            comment, bogus, closing, name = match.groups()
            position = match.end()
            if comment:
                if html.startswith(">", position) or html.startswith("->", position):  # <!--> and <!--->
                    position = html.find(">", position) + 1
                    continue
                end = _COMMENT_END.search(html, position)
                if end is None:
                    return None  # the rest is one comment
                position = end.end()
                continue
            if bogus:  # <!DOCTYPE ...>, <?xml ...?>, <![CDATA[...]]>: no element
                end = html.find("]]>" if html.startswith("[CDATA[", position) else ">", position)
                if end < 0:
                    return None
                position = end + 1
                continue
            rest = _TAG_REST.match(html, position)
            if rest is None:
                return None  # a tag never finished: the parser reads to the end inside it
            position = rest.end()
            if position - match.start() > 10000 and (problem := _attributes(html, match.start())) is not None:
                return match.start(), problem
            name = name.lower()
            if closing:
                self._end(name)
                continue
            self._start(name, html[match.start() : position])
            if self.depth() > MAX_HTML_DEPTH:
                return match.start(), f"HTML nested deeper than {MAX_HTML_DEPTH} elements"
            if self.options > MAX_HTML_OPTIONS:
                return match.start(), f"an HTML <select> with more than {MAX_HTML_OPTIONS} options"
            if self.reopened > MAX_REOPENED:
                problem = f"HTML misnested so that the parser would recreate {MAX_REOPENED}+ formatting elements"
                return match.start(), problem
            if name in _RAW_TEXT and not self._in_foreign():
                end = re.compile(f"</{re.escape(name)}", re.IGNORECASE).search(html, position)
                if end is None:
                    return None
                position = end.start()
            elif name == "plaintext" and not self._in_foreign():
                return None  # the rest is text

    def _in_foreign(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def _start(self, name: str, tag: str) -> None:
        stack = self.stack
        if self._in_foreign():
            if name not in _BREAKOUT:
                if not tag.endswith("/>"):
                    stack.append((name, stack[-1][0] not in _INTEGRATION, tag))
                return
            while stack and stack[-1][1]:
                self._pop_to(len(stack) - 1)
        if name == "select":  # a select inside a select ends it instead
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == "select":
                    self._pop_to(index)
                    return
                if stack[index][0] in _SCOPE:
                    break
        if name in ("option", "optgroup"):  # an open option (then optgroup) just above ends
            while stack and (stack[-1][0] == "option" or (name == "optgroup" and stack[-1][0] == "optgroup")):
                self._pop_to(len(stack) - 1)
        if (
            name in _IGNORED
            or (name in _TABLE_PARTS and not any(entry[0] == "table" for entry in stack))
            or (name == "form" and any(entry[0] == "form" for entry in stack))
        ):
            return
        if name in _CLOSES_P:
            self._close_in_scope("p", _SCOPE | {"button"})
        if name in _HEADINGS and stack and stack[-1][0] in _HEADINGS:
            self._pop_to(len(stack) - 1)
        siblings = _SIBLINGS.get(name)
        if siblings is not None:
            self._close_sibling(siblings)
        elif name in ("a", "nobr"):  # a second one ends the first, wherever it is (the adoption agency)
            self._forget(name, every=True)
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == name:
                    self._close_formatting(index)
                    break
        if name == "table":  # a table straight inside a table (not in a cell) ends it
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] in _MARKERS:
                    break
                if stack[index][0] == "table":
                    self._pop_to(index)
                    break
        if name not in _NO_REOPEN and self.waiting:
            self._reopen()
        if name in _VOID:
            return
        if name == "select":
            self.options = 0
        elif name == "option" and any(entry[0] == "select" for entry in reversed(stack)):
            self.options += 1
        stack.append((name, name in ("svg", "math"), tag))
        if name in _MARKERS:
            self.pending.append(None)
            self.alike.append({})

    def _end(self, name: str) -> None:
        stack = self.stack
        for index in range(len(stack) - 1, -1, -1):
            current, foreign, _ = stack[index]
            if current == name:
                if _formatting(name):
                    self._close_formatting(index)
                else:
                    self._pop_to(index)
                return
            if current in _SCOPE and not foreign:
                break
        self._forget(name, every=False)  # a pending one's own end tag: it is not reopened

    def _forget(self, name: str, *, every: bool) -> None:
        """Drop the last (or every) pending ``name`` since the last marker."""
        pending = self.pending
        for index in range(len(pending) - 1, -1, -1):
            entry = pending[index]
            if entry is None:
                return
            if entry[0] == name:
                del pending[index]
                self.waiting -= 1
                self.alike[-1][entry[1]] -= 1
                if not every:
                    return

    def _close_formatting(self, index: int) -> None:
        """A formatting element's end: the adoption agency moves it, but leaves the blocks above it open."""
        if any(entry[0] in _SPECIAL for entry in self.stack[index + 1 :]):
            del self.stack[index]
        else:
            self._pop_to(index)

    def _close_in_scope(self, name: str, scope: frozenset[str]) -> None:
        stack = self.stack
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][0] == name:
                self._pop_to(index)
                return
            if stack[index][0] in scope:
                return

    def _close_sibling(self, siblings: tuple[str, ...]) -> None:
        stack = self.stack
        for index in range(len(stack) - 1, -1, -1):
            current = stack[index][0]
            if current in siblings:
                self._pop_to(index)
                return
            if current in _SCOPE or (current in _SPECIAL and current not in ("address", "div", "p")):
                return

    def _pop_to(self, index: int) -> None:
        """Close the element at ``index`` and everything opened inside it."""
        closed = self.stack[index:]
        del self.stack[index:]
        for at in range(len(closed) - 1, -1, -1):  # innermost first, as the parser pops them
            name, _, tag = closed[at]
            if name in _MARKERS:  # the cell's own pending formatting goes with it
                while self.pending and self.pending.pop() is not None:
                    self.waiting -= 1
                if len(self.alike) > 1:
                    self.alike.pop()
            elif at and _formatting(name):  # the element closed on purpose is not reopened
                self._keep_pending(name, tag)

    def _keep_pending(self, name: str, tag: str) -> None:
        # The parser keeps at most three like entries since the last marker ("Noah's Ark").
        alike = self.alike[-1]
        if alike.get(tag, 0) < 3:
            alike[tag] = alike.get(tag, 0) + 1
            self.pending.append((name, tag))
            self.waiting += 1

    def _reopen(self) -> None:
        """Text or an inline element: the parser reopens the pending formatting elements since the marker."""
        pending = self.pending
        cut = len(pending)
        while cut > 0 and pending[cut - 1] is not None:
            cut -= 1
        for name, tag in pending[cut:]:
            self.stack.append((name, False, tag))
        self.reopened += len(pending) - cut
        self.waiting -= len(pending) - cut
        self.alike[-1].clear()
        del pending[cut:]
