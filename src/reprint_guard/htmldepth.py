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
from bisect import bisect_left
from collections.abc import Iterable
from operator import itemgetter

from .limits import MAX_HTML_ATTRIBUTES, MAX_HTML_DEPTH, MAX_HTML_OPTIONS

_VOID = frozenset(
    {"area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input"}
    | {"keygen", "link", "meta", "param", "source", "track", "wbr"}
)
#: Elements with no content and no end tag, as the parser reads them.
VOID_ELEMENTS = _VOID
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
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
#: HTML elements inside SVG or MathML content: they end it.
_BREAKOUT = frozenset(
    {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1"}
    | {"h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol"}
    | {"p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul"}
    | {"var"}
)
#: Where SVG and MathML content holds HTML again (per namespace).
_INTEGRATION = {
    "svg": frozenset({"foreignobject", "desc", "title"}),
    "math": frozenset({"mi", "mo", "mn", "ms", "mtext", "annotation-xml"}),
}
#: End tags closed only within scope (the rest stop at the first special element).
_SCOPED_END = (_CLOSES_P - {"hr", "xmp", "plaintext", "table"}) | {"button", "applet", "marquee", "object"}
_TABLE_END = frozenset({"table", "tbody", "thead", "tfoot", "tr"})
#: Start tags that close the same kind in the table they are in: the groups tried in turn.
_TABLE_CLOSES = {
    "tr": (("tr",), ("td", "th")),
    "td": (("td", "th"),),
    "th": (("td", "th"),),
    "tbody": (("tbody", "thead", "tfoot"), ("tr",), ("td", "th")),
    "thead": (("tbody", "thead", "tfoot"), ("tr",), ("td", "th")),
    "tfoot": (("tbody", "thead", "tfoot"), ("tr",), ("td", "th")),
    "caption": (("caption",), ("tbody", "thead", "tfoot"), ("tr",), ("td", "th")),
    "colgroup": (("colgroup",), ("tbody", "thead", "tfoot"), ("tr",), ("td", "th")),
}
_MARKERS = frozenset({"td", "th", "caption", "template", "applet", "object", "marquee"})
#: Where implied closes stop looking: a <p> is closed within button scope, table parts within their table,
#: list items below any special element but address, div and p.
_BUTTON_SCOPE = _SCOPE | {"button"}
_TABLE_SCOPE = frozenset({"table", "template", "html"})
_ITEM_STOP = _SPECIAL - {"address", "div", "p"}

#: Most formatting elements the parser may make again over a page: each misnested tag can make it
#: recreate every pending one, so a few kilobytes could otherwise become millions of elements.
MAX_REOPENED = 500_000
#: Most characters of long tags (over ``_LONG``) the parser may copy in making their elements again: each
#: copy gets every attribute (one tag of 200 KB reopened in 25,000 paragraphs, a page of 400 KB, made it
#: allocate 5 GB and take 25 s). Shorter tags are held by ``MAX_REOPENED`` to as much.
MAX_COPIED = MAX_REOPENED * 200
#: Most elements (start tags) a page may have, and most tags of any kind: a republished article has
#: hundreds (the model costs a few µs a tag).
MAX_TAGS = 100_000
MAX_MARKUP = 4 * MAX_TAGS
#: The parser's time grows with the square of an element's attributes and of a select's options: their
#: squares are added up over the page (10^8 is about half a second of parsing).
MAX_SQUARED = 10**8

#: An attribute as the tokenizer reads one (its white space is ASCII's: tab, line feed, form feed, carriage
#: return, space; a no-break space is part of a name): a name, then maybe ``=`` and a value, where a quoted
#: value may hold '>'. Atomic: each character is read once.
_ATTRIBUTE_FORM = (
    r"""[^\t\n\f\r />][^\t\n\f\r />=]*+"""
    r"""(?>[\t\n\f\r ]*+=[\t\n\f\r ]*+(?>"[^"]*+"|'[^']*+'|[^\t\n\f\r >]*+))?+"""
)
_MARKUP = re.compile(r"<(?:(!--)|(!|\?)|(/?)([A-Za-z][^\t\n\f\r />]*))")
#: The rest of a tag after its name, as the tokenizer reads it: attributes, white space and slashes, then
#: '>'. The one model of a tag's end that the readers share (a tag left without '>' matches nothing).
TAG_REST = re.compile(rf"""(?>{_ATTRIBUTE_FORM}|[\t\n\f\r /]++)*+>""")
_ATTRIBUTE = re.compile(_ATTRIBUTE_FORM)
_COMMENT_END = re.compile(r"--!?>")
#: A tag this long may hold hundreds of attributes: they are counted.
_LONG = 200


#: A pending entry an end tag dropped: left in place (not deleted) so that the indices after it hold.
_GONE = ("", "")
#: An open element's serial: elements are only ever added on top, so the stack is in serial order.
_SERIAL = itemgetter(3)


def _formatting(name: str) -> bool:
    return name in _FORMATTING or name in _FORMATTING_ALSO


def _attributes(tag: str) -> int:
    """How many attributes a start tag has, as the tokenizer splits them (its name left out)."""
    return sum(1 for _ in _ATTRIBUTE.finditer(tag, 1)) - 1


def _last(serials: list[int] | None) -> int:
    """The innermost of these open elements' serials (0 if none)."""
    return serials[-1] if serials else 0


class _Refused(Exception):
    """What makes the page too costly, raised where it is found."""


class _Model:
    """The tree builder's stack of open elements, in outline (see the module docstring).

    Each open element is ``(name, namespace, tag source, serial)``, serials rising
    up the stack. ``open`` holds the open elements' serials by name, innermost
    last, and the ``*_at`` lists those of the special elements that stop a search
    (see ``_push``): the rules find the nearest open element of a kind, and what
    stops the search for it, without a walk down the stack, which cost the depth
    for each of thousands of list items, cells or end tags under thousands of
    ``<span>``. ``pending`` holds the formatting elements a block closed, as ``(name,
    tag source)``, with None where a table cell (or caption, ...) began: the
    parser reopens only those after the last such marker, and drops them when the
    cell closes. An end tag's pending element is found through ``where`` (per cell,
    by name: their indices in ``pending``) and left as ``_GONE``, so that a run of
    stray end tags does not search the pending ones each.
    """

    __slots__ = (
        "alike",
        "copied",
        "deepest",
        "dropped",
        "html",
        "html_scope_at",
        "html_special_at",
        "item_at",
        "markup",
        "made",
        "open",
        "options",
        "pending",
        "reopened",
        "scope_at",
        "special_at",
        "squared",
        "stack",
        "starts",
        "templates_at",
        "waiting",
        "where",
    )

    def __init__(self, html: str) -> None:
        self.html = html
        self.stack: list[tuple[str, str, str, int]] = []
        self.made = 0  # the last serial given
        self.open: dict[str, list[int]] = {}
        self.pending: list[tuple[str, str] | None] = []
        self.waiting = 0  # pending entries (markers left out)
        self.alike: list[dict[str, int]] = [{}]  # per cell: pending entries by tag source
        self.where: list[dict[str, list[int]]] = [{}]  # per cell: pending entries' indices by name
        # Serials of the open elements that stop a search, innermost last (each a subset of ``special_at``).
        self.special_at: list[int] = []  # _SPECIAL, in any namespace
        self.scope_at: list[int] = []  # _BUTTON_SCOPE, in any namespace
        self.item_at: list[int] = []  # _ITEM_STOP, in any namespace
        self.html_special_at: list[int] = []  # _SPECIAL, HTML only
        self.html_scope_at: list[int] = []  # _SCOPE, HTML only
        self.templates_at: list[int] = []  # <template>, HTML only
        self.reopened = 0  # elements the parser would have made again, in all
        self.copied = 0  # characters of their long tags, in all
        self.options = 0  # options in the select opened last
        self.squared = 0  # attributes and options, each element's count squared, added up
        self.deepest = 0
        self.starts = 0  # start tags read
        self.markup = 0  # tags, comments and declarations read
        #: Where the end tags stand that the tree builder drops (see :func:`dropped_end_tags`), when asked for.
        self.dropped: list[int] | None = None

    def run(self) -> tuple[int, str] | None:
        try:
            self._walk()
        except _Refused as refused:
            return refused.args[0], refused.args[1]
        return None

    def _walk(self) -> None:
        html = self.html
        position = 0
        while True:
            match = _MARKUP.search(html, position)
            if match is None:
                return
            if self.waiting and match.start() > position:  # text, even white space, reopens them
                self._reopen(match.start())
            comment, bogus, closing, name = match.groups()
            position = match.end()
            self.markup += 1
            if self.markup > MAX_MARKUP:
                raise _Refused(match.start(), f"HTML with more than {MAX_MARKUP} tags")
            if comment:
                if html.startswith(">", position) or html.startswith("->", position):  # <!--> and <!--->
                    position = html.find(">", position) + 1
                    continue
                end = _COMMENT_END.search(html, position)
                if end is None:
                    return  # the rest is one comment
                position = end.end()
                continue
            if bogus:  # <!DOCTYPE ...>, <?xml ...?>; <![CDATA[...]]> only in SVG and MathML
                cdata = html.startswith("[CDATA[", position) and self._foreign()
                end = html.find("]]>" if cdata else ">", position)
                if end < 0:
                    return
                position = end + (3 if cdata else 1)
                continue
            rest = TAG_REST.match(html, position)
            if rest is None:  # a tag never finished: the parser reads to the end inside it, as its attributes
                if not closing and len(html) - match.start() > _LONG:
                    self._square(_attributes(html[match.start() :]), match.start(), "attributes on its elements")
                return
            position = rest.end()
            name = name.lower()
            if closing:
                if self._end(name) and self.dropped is not None and name not in _MAKE_AN_ELEMENT:
                    self.dropped.append(match.start())
                continue
            self.starts += 1
            if self.starts > MAX_TAGS:
                raise _Refused(match.start(), f"HTML with more than {MAX_TAGS} elements")
            tag = html[match.start() : position]
            if len(tag) > _LONG:
                self._square(_attributes(tag), match.start(), "attributes on its elements")
            self._start(name, tag, match.start())
            depth = len(self.stack) + self.waiting
            self.deepest = max(self.deepest, depth)
            if depth > MAX_HTML_DEPTH:
                raise _Refused(match.start(), f"HTML nested deeper than {MAX_HTML_DEPTH} elements")
            top = self.stack[-1] if self.stack and self.stack[-1][0] == name else None
            if top is not None and top[1] == "html":
                if name in RAW_TEXT:
                    end = re.compile(f"</{re.escape(name)}", re.IGNORECASE).search(html, position)
                    if end is None:
                        return
                    position = end.start()
                elif name == "plaintext":
                    return  # the rest is text

    def _square(self, count: int, at: int, what: str) -> None:
        if count > MAX_HTML_ATTRIBUTES:
            raise _Refused(at, f"an HTML tag with more than {MAX_HTML_ATTRIBUTES} attributes")
        self._square_step(count * count, at, what)

    def _square_step(self, amount: int, at: int, what: str) -> None:
        self.squared += amount
        if self.squared > MAX_SQUARED:
            raise _Refused(at, f"HTML with too many {what} for the parser to take in reasonable time")

    def _foreign(self) -> bool:
        """Whether a start tag here is read as SVG or MathML (not in an integration point)."""
        if not self.stack:
            return False
        name, namespace, _, _ = self.stack[-1]
        return namespace != "html" and name not in _INTEGRATION[namespace]

    def _start(self, name: str, tag: str, at: int) -> None:
        stack = self.stack
        if self._foreign():
            if name not in _BREAKOUT:
                if not tag.endswith("/>"):
                    self._push(name, stack[-1][1], tag)
                return
            while stack and stack[-1][1] != "html":
                self._pop_to(len(stack) - 1)
        if self.open.get("select"):
            if name == "select" and stack[-1][0] in ("select", "option", "optgroup"):
                self._pop_to(self._find("select"))  # a select straight in a select ends it
                return
            if name == "option":  # n options cost like n squared: 2n - 1 more than n - 1 did
                self.options += 1
                self._square_step(2 * self.options - 1, at, "options in its selects")
                if self.options > MAX_HTML_OPTIONS:
                    raise _Refused(at, f"an HTML <select> with more than {MAX_HTML_OPTIONS} options")
        if (
            name in _IGNORED
            or (name in _TABLE_PARTS and not self.open.get("table"))
            or (name == "form" and self.open.get("form"))
        ):
            return
        if name in _CLOSES_P:
            paragraphs = self.open.get("p")
            if paragraphs and paragraphs[-1] > _last(self.scope_at):
                self._pop_to(self._index(paragraphs[-1]))  # a <p> in button scope
        if name in _HEADINGS and stack and stack[-1][0] in _HEADINGS:
            self._pop_to(len(stack) - 1)
        if name in _TABLE_CLOSES:
            self._close_in_table(_TABLE_CLOSES[name])
        elif name == "table" and self.open.get("table"):  # a table straight in a table (not in a cell) ends it
            self._close_if(("table",), max(self.open["table"][-1], self._nearest(_MARKERS)))
        elif name in ("li", "dd", "dt"):
            items = ("li",) if name == "li" else ("dd", "dt")
            if any(self.open.get(item) for item in items):
                self._close_if(items, _last(self.item_at))  # items are _ITEM_STOP elements too
        elif name == "button" and self.open.get("button"):
            self._close_if(("button",), _last(self.scope_at))  # a button, or the _SCOPE element above it
        elif name in ("a", "nobr"):  # a second one ends the first (adoption agency), even a pending one
            self._forget(name, every=True)
            if self.open.get(name):
                self._close_formatting(self._find(name))
        elif name == "option" and stack and stack[-1][0] == "option":
            self._pop_to(len(stack) - 1)
        elif name == "optgroup":
            while stack and (stack[-1][0] == "option" or (self.open.get("select") and stack[-1][0] == "optgroup")):
                self._pop_to(len(stack) - 1)
        if name not in _NO_REOPEN and self.waiting:
            self._reopen(at)
        if name in _VOID:
            return
        if name == "select":
            self.options = 0
        if name in ("svg", "math"):
            if not tag.endswith("/>"):  # <svg/> is an empty SVG element (an icon), not SVG content to come
                self._push(name, name, tag)
            return
        self._push(name, "html", tag)
        if name in _MARKERS:
            self.pending.append(None)
            self.alike.append({})
            self.where.append({})

    def _end(self, name: str) -> bool:
        """An end tag: what it closes closed; True when it closes nothing open (the parser drops it)."""
        serials = self.open.get(name)
        if not serials:
            self._forget(name, every=False)  # a pending one's own end tag: it is not reopened
            return True
        if self.stack[-1][0] == name:  # the current element's own end tag closes it, whatever it is
            self._pop_to(len(self.stack) - 1)
            return False
        if self.open.get("select") and name not in ("select", "option", "optgroup"):
            return True  # a select keeps its content: other end tags are ignored there
        # The nearest HTML element that stops the search for it (an <html> is never opened in the body, and a
        # <table> is always HTML).
        if name in _TABLE_END:
            boundary = _last(self.templates_at)
            if name != "table":
                boundary = max(boundary, _last(self.open.get("table")))
        elif name in _SCOPED_END or name in _HEADINGS:
            boundary = _last(self.html_scope_at)
        else:
            boundary = _last(self.html_special_at)  # "any other end tag" stops at the first special element
        if boundary > serials[-1]:
            return True
        index = self._index(serials[-1])
        if _formatting(name) and self.stack[index][1] == "html":
            self._close_formatting(index)
        else:
            self._pop_to(index)
        return False

    def _index(self, serial: int) -> int:
        """Where the open element ``serial`` is on the stack (most often the top one)."""
        stack = self.stack
        if stack[-1][3] == serial:
            return len(stack) - 1
        return bisect_left(stack, serial, key=_SERIAL)

    def _find(self, name: str) -> int:
        """Where the nearest open ``name`` is (callers check that one is open)."""
        return self._index(self.open[name][-1])

    def _nearest(self, names: Iterable[str]) -> int:
        """The serial of the nearest open element named in ``names`` (0 if none is open)."""
        nearest = 0
        for name in names:
            serials = self.open.get(name)
            if serials and serials[-1] > nearest:
                nearest = serials[-1]
        return nearest

    def _forget(self, name: str, *, every: bool) -> None:
        """Drop the last (or every) pending ``name`` since the last marker.

        Found by index, not by a search: thousands of stray end tags under thousands of pending elements
        would otherwise cost their product.
        """
        indices = self.where[-1].get(name)
        while indices:
            index = indices.pop()
            entry = self.pending[index]
            assert entry is not None and entry[0] == name
            self.pending[index] = _GONE
            self.waiting -= 1
            self.alike[-1][entry[1]] -= 1
            if not every:
                return

    def _close_formatting(self, index: int) -> None:
        """A formatting element's end: the adoption agency moves it, but leaves the blocks above it open."""
        name, _, _, serial = self.stack[index]
        if _last(self.special_at) > serial:
            del self.stack[index]  # the nearest open ``name``: the last of its serials
            self.open[name].pop()
        else:
            self._pop_to(index)

    def _close_if(self, names: tuple[str, ...], nearest: int) -> None:
        """Close the open element ``nearest`` (a serial) if it is named in ``names``: the caller found the
        nearest of them or of what stops the search for them, by serial (a walk down to it cost the depth)."""
        if nearest:
            index = self._index(nearest)
            if self.stack[index][0] in names:
                self._pop_to(index)

    def _close_in_table(self, groups: tuple[tuple[str, ...], ...]) -> None:
        """Close the first group's element open in the current table (else the next group's)."""
        table = -1  # found once a group's element is open
        for group in groups:
            nearest = self._nearest(group)
            if nearest:
                if table < 0:
                    table = self._nearest(_TABLE_SCOPE)
                if nearest > table:
                    self._pop_to(self._index(nearest))
                    return

    def _push(self, name: str, namespace: str, tag: str) -> None:
        self.made = serial = self.made + 1
        self.stack.append((name, namespace, tag, serial))
        serials = self.open.get(name)
        if serials is None:
            self.open[name] = [serial]
        else:
            serials.append(serial)
        if name in _SPECIAL:  # what stops a search for an element further down
            self.special_at.append(serial)
            if name in _BUTTON_SCOPE:
                self.scope_at.append(serial)
            if name in _ITEM_STOP:
                self.item_at.append(serial)
            if namespace == "html":
                self.html_special_at.append(serial)
                if name in _SCOPE:
                    self.html_scope_at.append(serial)
                    if name == "template":
                        self.templates_at.append(serial)

    def _pop_to(self, index: int) -> None:
        """Close the element at ``index`` and everything opened inside it."""
        closed = self.stack[index:]
        del self.stack[index:]
        cut = closed[0][3]
        if self.special_at and self.special_at[-1] >= cut:  # the other lists hold some of its serials
            for serials in (self.special_at, self.scope_at, self.item_at, self.html_special_at):
                while serials and serials[-1] >= cut:
                    serials.pop()
            if self.html_scope_at and self.html_scope_at[-1] >= cut:  # and this one, of templates_at's
                for serials in (self.html_scope_at, self.templates_at):
                    while serials and serials[-1] >= cut:
                        serials.pop()
        for at in range(len(closed) - 1, -1, -1):  # innermost first, as the parser pops them
            name, namespace, tag, _ = closed[at]
            self.open[name].pop()
            if name in _MARKERS:  # the cell's own pending formatting goes with it
                while self.pending:
                    entry = self.pending.pop()
                    if entry is None:
                        break
                    if entry is not _GONE:
                        self.waiting -= 1
                if len(self.alike) > 1:
                    self.alike.pop()
                    self.where.pop()
                else:  # no marker was left: ``pending`` is empty
                    self.where[0].clear()
            elif at and namespace == "html" and _formatting(name):  # closed on purpose: not reopened
                self._keep_pending(name, tag)

    def _keep_pending(self, name: str, tag: str) -> None:
        # The parser keeps at most three like entries since the last marker ("Noah's Ark").
        alike = self.alike[-1]
        if alike.get(tag, 0) < 3:
            alike[tag] = alike.get(tag, 0) + 1
            self.where[-1].setdefault(name, []).append(len(self.pending))
            self.pending.append((name, tag))
            self.waiting += 1

    def _reopen(self, at: int) -> None:
        """Text or an inline element: the parser reopens the pending formatting elements since the marker."""
        pending = self.pending
        cut = len(pending)
        while cut > 0 and pending[cut - 1] is not None:
            cut -= 1
        reopening = [entry for entry in pending[cut:] if entry is not _GONE]
        for name, tag in reopening:
            self._push(name, "html", tag)
            if len(tag) > _LONG:  # each copy gets every attribute again
                self._square(_attributes(tag), at, "attributes on its elements")
                self.copied += len(tag)
        self.reopened += len(reopening)
        if self.reopened > MAX_REOPENED:
            problem = f"HTML misnested so that the parser would recreate {MAX_REOPENED}+ formatting elements"
            raise _Refused(at, problem)
        if self.copied > MAX_COPIED:
            problem = f"HTML misnested so that the parser would copy {MAX_COPIED}+ characters of formatting tags"
            raise _Refused(at, problem)
        self.waiting -= len(reopening)
        self.alike[-1].clear()
        self.where[-1].clear()
        del pending[cut:]


#: HTML this short parses quickly however it is written (at worst ~0.1 s): it is not looked at.
_SHORT = 8192
#: Nor is HTML with this few tags (an article of a few thousand words): nesting, options and reopened
#: elements all need more tags to cost anything...
_FEW_TAGS = 600
#: ... unless one of them holds hundreds of attributes. A tag and its attributes as the tokenizer reads
#: them (every match consumes its tag, so the scan is linear even when names run into other '<').
_TAG_BODY = re.compile(
    r"""<[A-Za-z][^\s/>]*+((?>[^\s/>][^\s/>=]*+(?>\s*+=\s*+(?>"[^"]*+"|'[^']*+'|[^\s>]*+))?+|[\s/]++)*+)"""
)


def _busy(html: str) -> bool:
    """Whether some tag holds hundreds of attributes."""
    return any(m.end(1) - m.start(1) > 400 and _attributes(m.group()) > 200 for m in _TAG_BODY.finditer(html))


#: End tags that make an element where nothing they close is open: ``</p>`` an empty paragraph, ``</br>`` a
#: line break. Not dropped.
_MAKE_AN_ELEMENT = frozenset({"p", "br"})


def dropped_end_tags(html: str) -> frozenset[int] | None:
    """Where (the index of their ``<``) the end tags stand that the tree builder drops, closing nothing: a
    ``</div>`` with no ``<div>`` open (``<p>a</div>b</p>``, which reads "ab"), or none in scope (one outside
    the table cell it stands in), as the model reads the page (see the module docstring). None for a page the
    model refuses (:func:`too_costly`'s limits). One pass over the tags, linear in the page."""
    model = _Model(html)
    model.dropped = []
    if model.run() is not None:
        return None
    return frozenset(model.dropped)


def too_costly(html: str) -> tuple[int, str] | None:
    """Where ``html`` would make the parser slow, if it would: the index of the start tag, and why.

    Only pages long enough for that are looked at, in one pass over their tags
    (a few µs a tag).
    """
    if len(html) <= _SHORT:
        return None
    tags = html.count("<")
    # Up to 20 KB no tag can hold the attributes that cost anything (10,000 of them need 20 KB).
    if tags <= _FEW_TAGS and (len(html) <= 20_000 or not _busy(html)):
        return None
    return _Model(html).run()
