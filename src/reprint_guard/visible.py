"""What a reader sees in rendered HTML: visible text, hyperlinks and images.

Every body format ends up here as HTML, so "what counts as present" has one
definition. Lexbor (through selectolax) parses like a browser does, which is
what decides nesting, comments and raw HTML inside Markdown.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .htmldepth import TAG_REST, dropped_end_tags
from .inlinestyle import (
    _FAINT,
    _OWN_LOOKS,
    _declarations,
    _Look,
    _look,
    _may_change_look,
    _opacity,
    _out_of_sight,
    _read_style,
    _readable,
    _sightless,
    _size,
)
from .prefilter import Lexicon, lexicon_with, word_finder
from .textnorm import (
    _COMPOSES_BACKWARD,
    _COMPOSES_BACKWARD_UNICODE,
    _ZERO_WIDTH_CHARS,
    ZERO_WIDTH,
    _nfkc_inert,
    as_written,
    collapse,
    find_phrase,
    fold_utf8,
    lower,
    mark_runs,
    nfkc,
    non_ascii_bytes,
    normalize,
    normalize_utf8,
    normalized,
    normalized_utf8,
    unseen_removed,
)
from .urls import against_base, base_address

#: Elements whose content a reader never sees as article text.
_INVISIBLE_TAGS = [
    *("script", "style", "template", "code", "pre", "head", "title", "noscript", "datalist", "noembed"),
    # What a browser never renders: a frameless page's fallback, a ruby's fallback brackets (and a formula's
    # annotations: see _UNRENDERED_MATH).
    *("noframes", "rp"),
]
#: Shown only when it has the ``open`` attribute.
_CLOSED_DIALOG = "dialog:not([open])"
#: A closed disclosure widget shows its ``<summary>`` only; the rest waits for a click.
_CLOSED_DETAILS = "details:not([open])"
#: Ghost's toggle card, closed as Ghost renders it: its heading shows, and its stylesheet folds the content
#: (``.kg-toggle-content``) away until the reader clicks, as a closed ``<details>`` does.
_CLOSED_TOGGLE_STATE = "data-kg-toggle-state"
_CLOSED_TOGGLE = f'[{_CLOSED_TOGGLE_STATE}="close"]'
#: The classes that CSS frameworks and site themes hide an element with, everywhere a page is shown:
#: display:none (Bootstrap's ``d-none``, Tailwind's and WordPress's ``hidden``, ``hide``), visibility:hidden
#: (``invisible``), or shown to screen readers only (``sr-only``, ``visually-hidden``, Bootstrap 5's
#: ``visually-hidden-focusable``, shown once a keyboard reaches it, WordPress's ``screen-reader-text``,
#: Foundation's ``show-for-sr``, Drupal's ``element-invisible``). A site may style a class as it likes; these
#: names mean "hidden" in the frameworks that made them common.
HIDING_CLASSES = (
    "hidden",
    "hide",
    "d-none",
    "invisible",
    "sr-only",
    "visually-hidden",
    "visually-hidden-focusable",
    "visuallyhidden",
    "screen-reader-text",
    "show-for-sr",
    "element-invisible",
    "element-hidden",
)
_HIDING_CLASS_SET = frozenset(HIDING_CLASSES)
#: Those that leave an image in the page, loaded (out of sight, not display:none), as a sightless style does.
_SIGHTLESS_CLASSES = _HIDING_CLASS_SET - {"hidden", "hide", "d-none"}
#: Those that keep the text for screen readers (out of sight, but read out: on the page for some readers).
_SPOKEN_CLASSES = _SIGHTLESS_CLASSES - {"invisible", "element-hidden"}
#: A class that shows the element again on some screen widths (Bootstrap's ``d-md-block``, Tailwind's
#: ``md:block`` or ``md:not-sr-only``): hidden on a phone only, it is shown, as a width-bound hiding class is.
_SHOWN_AT_A_WIDTH = re.compile(
    r"^(?:d-(?:sm|md|lg|xl|xxl)-(?!none)[a-z-]+|(?:sm|md|lg|xl|2xl|max-\w+|min-\[[^\]]*\]):"
    r"(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|contents|flow-root|not-sr-only|visible))$"
)
#: Attributes that may hide an element: ``hidden``, ``popover`` (shown only once opened), ``style`` (when what
#: it says hides: see :func:`_hidden_parts`), and an SVG's size (of nothing, it shows nothing it holds).
_HIDING_ATTRIBUTES = "[hidden], [popover], [style], svg:is([width], [height])"
#: The selectors a page is asked for only when its source holds the word before them: each is a walk of the
#: tree (about 5 µs on an article), and most pages hold none of these; a search of the page's source in lower
#: case for all of them costs less than one walk.
_RARE_SELECTORS = (
    ("<noframes", "noframes"),
    ("<rp", "rp"),
    ("<select", "select"),
    ("<math", "math"),
    ("popover", "[popover]"),
    ("<svg", "svg:is([width], [height])"),
)
#: A drop-down list: it shows one of its options (see :func:`_unselected`).
_LIST = "select"
#: A formula: a <semantics> in it shows its first child, not the annotations after it (MathML Core).
_FORMULA = "math"
_UNRENDERED_MATH = "semantics > :not(:first-child)"
#: What is pruned from a body, found in one query: each selector in it is a walk of the tree, so none is asked in
#: vain (the parser never puts a <head> in the body).
_IN_A_BODY = [tag for tag in _INVISIBLE_TAGS if tag != "head"]
_INVISIBLE_SET = frozenset(_INVISIBLE_TAGS)
_PRUNED = ", ".join([*_IN_A_BODY, _CLOSED_DIALOG, _CLOSED_DETAILS, _CLOSED_TOGGLE, _HIDING_ATTRIBUTES, _LIST, _FORMULA])
#: The same, with the hiding classes: a query of many selectors costs more, asked only of a page whose source
#: names one of those classes.
_PRUNED_WITH_CLASSES = ", ".join([_PRUNED, *(f'[class~="{name}"]' for name in HIDING_CLASSES)])
_RARE = frozenset(selector for _, selector in _RARE_SELECTORS)
#: The rare selectors' tag names after their "<" (see :func:`_rare_in`).
_RARE_TAG = re.compile("<(" + "|".join(word[1:] for word, _ in _RARE_SELECTORS if word.startswith("<")) + ")")


@lru_cache(maxsize=128)
def _pruned_selector(rare: frozenset[str], classes: bool) -> str:
    """:data:`_PRUNED` (with the hiding classes, or not) with only those of the rare selectors in ``rare``."""
    common = [*(tag for tag in _IN_A_BODY if tag not in _RARE), _CLOSED_DIALOG, _CLOSED_DETAILS, _CLOSED_TOGGLE]
    common += ["[hidden], [style]", *(selector for _, selector in _RARE_SELECTORS if selector in rare)]
    return ", ".join([*common, *((f'[class~="{name}"]' for name in HIDING_CLASSES) if classes else ())])


def _rare_in(lowered: str) -> frozenset[str]:
    """The rare selectors (:data:`_RARE_SELECTORS`) a page whose source in lower case is ``lowered`` may need.

    The tags' names are read in one pass from each "<" (a regex finds that one character as fast as
    ``str.find``; a search for "<svg" reads a text beyond Latin-1 a character at a time, and five of them cost
    four times the pass): at each "<" at most one of them stands, since no two start alike and none holds "<".
    """
    found = {f"<{name}" for name in _RARE_TAG.findall(lowered)}
    if "popover" in lowered:
        found.add("popover")
    return frozenset(selector for word, selector in _RARE_SELECTORS if word in found)


def _base_of(tree: LexborHTMLParser) -> str | None:
    """The page's ``<base href>``, as :func:`~reprint_guard.urls.base_address` takes it: the first ``<base>``
    with an ``href`` is the one a browser reads (HTML's "frozen base URL"), wherever it stands (a hidden or
    skipped element too: asked before they are removed), or None."""
    found = tree.css_first("base[href]")
    return base_address(found.attributes.get("href")) if found is not None else None


#: A picture's caption, by tag or class: a figure's, and WordPress's classic editor's paragraph of its class.
#: What it says (a notice, a licence) is its picture's, not the article's.
CAPTIONS = ("figcaption", ".wp-caption-text")
#: The class a Markdown picture's caption line is given when asked for (``readers.markdown.mark_captions``).
CAPTION_CLASS = "reprint-guard-caption"
#: :data:`CAPTIONS`, and Markdown pictures' caption lines (marked on demand: a look the failing paths take).
CAPTION_LINES = (*CAPTIONS, f".{CAPTION_CLASS}")
#: What a Markdown body's raw HTML can do to its rendering (:func:`raw_html`): nothing (there is none),
#: nothing but add elements that hide nothing, or anything.
NO_RAW_HTML, PLAIN_RAW_HTML, ANY_RAW_HTML = 0, 1, 2
#: Among the names of the tags raw HTML starts (:func:`raw_html_tags`): one of them may have a class.
CLASSED = "."
#: CSS reads property names and keywords blind to ASCII case only ("dİsplay" is no property), and only
#: ASCII white space: so does this. A match may end another property's name (see :func:`_says_hidden`).
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)", re.IGNORECASE | re.ASCII)


def _says_hidden(style: str) -> bool:
    """Whether a style (or a start tag's text) says ``display: none`` or ``visibility: hidden`` as a property's
    whole name: ``backface-visibility: hidden`` (a page builder's flicker fix) and a variable's ``--x-display:
    none`` hide nothing, ``content-visibility: hidden`` hides what the element holds. Each match is checked
    after the search (a look behind in the pattern costs a third more on every style without one)."""
    found = _HIDING_STYLE.search(style)
    while found is not None:
        at = found.start()
        before = style[at - 1] if at else " "
        if not (before.isalnum() or before in "-_") or style.endswith("content-", 0, at):
            return True
        found = _HIDING_STYLE.search(style, found.end())
    return False


#: Elements a sightless style (:func:`_out_of_sight`) does not hide: an image still loads, and a publisher's own
#: counter makes itself invisible so (The Conversation's is ``opacity: 0``).
_LOADED_ANYWAY = frozenset({"img", "picture", "source", "image", "amp-img", "amp-anim"})
#: What a font size or a colour cannot hide: pictures, and the players and frames that show something of their own.
_UNTOUCHED_BY_LOOK = _LOADED_ANYWAY | {"svg", "video", "iframe", "embed", "object", "canvas"}


def _shown_within(
    node: LexborNode, look: _Look, searched: set[tuple[int, _Look]] | None = None
) -> bool | list[LexborNode]:
    """What of ``node``, whose own text does not show (``look``), is out of sight: True for all of it, else
    the parts that are (its text, and the elements holding nothing that shows), leaving what an element inside
    shows again with a size or a colour of its own (``<div style="font-size:0"><span style="font-size:14px">``,
    the inline-block white space trick) and the pictures. White space is left: it parts the words around it.

    ``searched``: each element the parts were looked for in, with its look, is added to it (what is out of sight
    below an element depends on nothing else: see :func:`_hidden_as_marked`); one found in it is not searched
    again (its parts are collected): hidden spans, each in one shown again, are searched once, not each."""
    looks: dict[int, bool] = {node.mem_id: False}  # whether each element's own text shows
    inner: dict[int, _Look] = {node.mem_id: look}
    leads_on: set[int] = set()  # the elements holding one whose text shows otherwise than theirs
    collected: set[int] = set()  # searched already in the look they have here: what they hide is found

    def lead_to(element: LexborNode | None) -> None:
        while element is not None and element.mem_id != node.mem_id and element.mem_id not in leads_on:
            leads_on.add(element.mem_id)
            element = element.parent
        leads_on.add(node.mem_id)

    stack = [node]
    while stack:  # each element after the one around it, walked by hand: not into one collected already
        parent = stack.pop()
        outer, shows_outer = inner[parent.mem_id], looks[parent.mem_id]
        for found in parent.iter():
            if not found.is_element_node:
                continue
            mem_id = found.mem_id
            if found.tag in _UNTOUCHED_BY_LOOK:
                inner[mem_id], shows = outer, True
            elif "style" in found.attributes:
                own = _read_style(found.attributes.get("style") or "")
                changes = _may_change_look(own) or "background" in own  # a backdrop of its own, under inherited text
                inner[mem_id] = _look(_declarations(own), outer) if changes else outer
                shows = _readable(inner[mem_id])
            else:  # no style of its own: it looks as the element around it
                inner[mem_id], shows = outer, shows_outer
            looks[mem_id] = shows
            if searched is not None and (mem_id, inner[mem_id]) in searched:
                collected.add(mem_id)  # it held one shown otherwise, as it does here
                lead_to(found)
                continue
            if shows != shows_outer:
                lead_to(parent)
            stack.append(found)
    if node.mem_id not in leads_on:
        return True  # nothing inside shows
    away: list[LexborNode] = []
    stack = [node]
    while stack:
        element = stack.pop()
        if element.mem_id in collected:
            continue
        if searched is not None:
            searched.add((element.mem_id, inner[element.mem_id]))
        for child in element.iter(include_text=True):
            if child.tag == "-text":
                if not looks[element.mem_id] and (child.text_content or "").strip():
                    away.append(child)
            elif child.mem_id in leads_on:
                stack.append(child)
            elif not looks.get(child.mem_id, looks[element.mem_id]):
                away.append(child)
    return away


def find_all(text: str, needle: str) -> list[int]:
    """Where each copy of ``needle`` starts in ``text``."""
    found = []
    index = text.find(needle)
    while index >= 0:
        found.append(index)
        index = text.find(needle, index + 1)
    return found


#: GitHub-flavoured Markdown's extended autolinks (bare ``https://`` and ``www.`` URLs).
BARE_URL = re.compile(r"(?<![\w/@.])(?:https?://|www\.)[^\s<>\"]*[^\s<>\"?!.,:;*_~'()\[\]]")


class VisibleBody:
    """The visible part of a body: its text, hyperlinks and images.

    Everything past the text is computed on first use, cheapest first, because
    a compliant reprint usually settles each rule on the cheapest view:

    * a phrase is looked for in ``raw_text`` as the policy spells it, then in
      ``text`` (NFKC, case-folded, white space collapsed);
    * a link is looked for among ``anchors`` (``<a href>``) before bare URLs
      are collected into ``links``.
    """

    __slots__ = (
        "_anchors",
        "_asked",
        "_bare_blocks",
        "_base",
        "_blocks",
        "_bounds",
        "_cased",
        "_deeds",
        "_code_parents",
        "_linkable",
        "_folded",
        "_images",
        "_linked",
        "_lined",
        "_links",
        "_lowered",
        "_others",
        "_present",
        "_raw_utf8",
        "_spaced",
        "_text",
        "_tree",
        "_utf8",
        "_written",
        "bare_urls",
        "folded_away",
        "raw_text",
        "scripts",
        "skipped_away",
        "spoken_away",
        "unseen",
    )

    def __init__(
        self,
        raw_text: str,
        links: list[str] | None = None,
        images: list[str] | None = None,
        *,
        tree: LexborHTMLParser | None = None,
        bare_urls: bool = False,
        code_parents: frozenset[int] = frozenset(),
        linkable: Callable[[str], bool] | None = None,
        base: str | None = None,
        lined: bool = True,
    ) -> None:
        self.raw_text = raw_text
        #: Whether every block's edge stands at a line break of ``raw_text`` (see :meth:`block_edge`): a copy of
        #: words on one line of it is then in one block. False where raw HTML may write a block inline.
        self._lined = lined
        #: Where the blocks part in ``text`` and ``text_utf8`` (the space between two), made when first asked.
        self._bounds: tuple[list[int], list[int], list[int]] | None = None
        self._asked = 0  # matches asked about before the edges were worked out (see block_edge)
        #: The page's ``<base href>`` (see :func:`~reprint_guard.urls.base_address`): its relative links lead
        #: where it says; None: they lead where they are written.
        self._base = base
        self._written: dict[str, str] = {}  # each link's address as followed -> as written, where they differ
        #: Whether a bare URL is linked where it is written (in a Markdown body's own text, not only in its raw
        #: HTML blocks); None: wherever it stands.
        self._linkable = linkable
        #: The text of closed ``<details>``: not visible until a click (a credit there does not count), but on
        #: the page (a forbidden phrase there is still published).
        self.folded_away = ""
        #: Text kept for screen readers only (``sr-only``): no credit a reader sees, but read out, so a forbidden
        #: phrase there is published all the same.
        self.spoken_away = ""
        #: The elements the config's ``skip-elements`` left out, each as its selector and its text: a credit
        #: there is not the article's, and the finding says which selector took it.
        self.skipped_away: list[tuple[str, str]] = []
        #: Whether the parse left anything of the page out (hidden, folded away, or skipped by the config):
        #: only then may a copy of a finding's words in the source be one no reader sees.
        self.unseen = False
        self._tree = tree
        self._code_parents = code_parents  # where code was removed: a link around code is still clicked
        self.bare_urls = bare_urls
        self._links = links
        self._linked: dict[str, LexborNode] | None = None  # the first visible <a> to each href (see _first_link)
        self._blocks: dict[int, str] = {}  # the normalised text of each block a link stands in (see _block_text)
        self._bare_blocks: dict[str, str] | None = None  # each bare URL's block (see bare_url_block)
        self._anchors: list[str] | None = links if tree is None else None
        self._deeds: list[tuple[LexborNode, str]] = []  # made with the anchors (see deed_anchors)
        self._images = images if images is not None else (None if tree is not None else [])
        self._text: str | None = None
        self._raw_utf8: bytes | None = None  # raw_text as UTF-8, made with ``folded`` (see _on_a_line)
        self._utf8: bytes | None = None
        self._folded: bytes | bool | None = False  # False: not made yet; None: NFKC changes the text
        self._cased: str | None = None
        self._lowered: str | None = None
        self._others: set[str] | None = None  # raw_text's distinct non-ASCII characters (see _raw_others)
        self._present: tuple[Lexicon, frozenset[bytes] | None] | None = None  # the words the text holds
        #: Whether ``folded`` holds two spaces in a row, as the lexicon's reading of it found (None: not read).
        self._spaced: bool | None = None
        #: The (run, never run) scripts of the page, when its parse read them (it holds a ``<script``); None:
        #: not read (see :func:`scripts_from_html`).
        self.scripts: tuple[list[Media], list[Media]] | None = None

    @property
    def text(self) -> str:
        if self._text is None:
            if self._utf8 is None and self.raw_text.isascii():
                self._text = normalize(self.raw_text)
            else:
                self._text = self.text_utf8.decode("utf-8")
        return self._text

    @property
    def cased_text(self) -> str:
        """``text`` with its case as written: where a publisher's name is told from the same words in lower
        case ("The Conversation" from "the conversation turned to dams")."""
        if self._cased is None:
            self._cased = normalize(self.raw_text, fold_case=False)
        return self._cased

    @property
    def text_utf8(self) -> bytes:
        """``text`` as UTF-8, for RE2 patterns compiled to search bytes (built first: patterns need no ``str``)."""
        if self._utf8 is None:
            if self._text is not None:
                self._utf8 = self._text.encode("utf-8")
            elif (folded := self.folded) is None:
                self._utf8 = normalize_utf8(self.raw_text)
            elif self._spaced is False:  # the lexicon's reading of it found no two spaces in a row
                self._utf8 = folded.strip(b" ")
            else:
                self._utf8 = collapse(folded)
        return self._utf8

    @property
    def folded(self) -> bytes | None:
        """The text folded as ``text`` is but with its white space as it was (None: NFKC would change it).

        A word without spaces is in it exactly when it is in ``text``: words are
        looked for here first, and most are settled without collapsing white space.
        """
        if self._folded is False:
            # Encoded once, here, and kept: lower case (lowered_raw) and the copies on a line (_on_a_line) read
            # the same bytes. Strict, as fold_utf8's own encoding was: where this succeeds it is the same UTF-8.
            self._raw_utf8 = self._raw_utf8 or self.raw_text.encode("utf-8")
            self._folded = fold_utf8(self.raw_text, encoded=self._raw_utf8, others=self._raw_others())
        return self._folded  # type: ignore[return-value]

    def _raw_others(self, encoded: bytes | None = None) -> set[str] | None:
        """The distinct non-ASCII characters of ``raw_text`` (None: it is ASCII), read once in its UTF-8 for
        ``folded`` and ``lowered_raw`` (each read them, ~5 µs an article). Never changed by a reader.
        ``encoded``: ``raw_text`` as UTF-8, when ``_raw_utf8`` is not made."""
        if self._others is None and not self.raw_text.isascii():
            data = self._raw_utf8 or encoded or self.raw_text.encode("utf-8", "surrogatepass")
            self._others = non_ascii_bytes(data)
        return self._others

    def may_contain(self, words: tuple[bytes, ...] | None) -> bool:
        """Whether ``text`` can hold any of ``words`` (normalised UTF-8, no spaces); None: anything may be.

        The first question reads the folded text once for every word any rule has
        asked about (:class:`~reprint_guard.prefilter.Lexicon`); the rest are lookups.
        """
        if words is None:
            return True
        haystack = self._utf8 if self._utf8 is not None else self.folded
        if haystack is None:
            return True
        lexicon = lexicon_with(words)
        if lexicon is not None:
            present = self._present
            if present is None or present[0] is not lexicon:
                # Folded or normalised: a word (no space) is in one exactly when it is in the other.
                read = lexicon.read(haystack)
                present = self._present = (lexicon, read[0] if read is not None else None)
                if read is not None and haystack is not self._utf8:
                    self._spaced = read[1]  # of the folded text: what text_utf8 collapses
            if present[1] is not None:
                return not present[1].isdisjoint(words)
        return word_finder(words)(haystack)

    @property
    def lowered_raw(self) -> str:
        """``raw_text`` in lower case, made once: where a word stands in it, it stands in the text as written
        (when the two are of one length)."""
        if self._lowered is None:
            raw = self.raw_text
            data = self._raw_utf8
            if data is None and not raw.isascii():
                data = raw.encode("utf-8", "surrogatepass")
            self._lowered = lower(raw, data, self._raw_others(data))
        return self._lowered

    def held_of(self, words: tuple[bytes, ...]) -> tuple[bytes, ...]:
        """Those of ``words`` the text holds, when the lexicon already said (:meth:`may_contain`); else all."""
        present = self._present
        if present is None or present[1] is None or not present[0].holds(words):
            return words
        return tuple(word for word in words if word in present[1])

    @property
    def parsed(self) -> bool:
        """Whether the text was read from a parsed page (HTML, rendered Markdown), not plain text."""
        return self._tree is not None

    def starts_a_block(self, line: str) -> bool:
        """Whether ``line`` of :attr:`raw_text` is where a block of the page starts (a paragraph, a heading, a list
        item, a cell, a quotation, a caption), not a line its text wraps onto. Asked only of a line a
        sentence-start pattern matched: a query of the blocks, and a look at each one's start."""
        head = line.strip()
        tree = self._tree
        if not head or tree is None:
            return False
        return any(node.text(deep=True, separator="").lstrip().startswith(head) for node in tree.css(_TEXT_BLOCKS))

    def block_edge(self, start: int, end: int, *, utf8: bool = False) -> int | None:
        """Where the first edge between two blocks inside ``text[start:end]`` (``text_utf8`` with ``utf8``)
        stands, the space that parts them, with a letter or digit of the match on either side; None when its
        words are all of one block.

        Blocks stand apart: a phrase, a pattern's match or a name does not run
        from a heading into the paragraph under it, from one paragraph, list
        item, table cell or quotation into the next. A line break (``<br>``)
        and a paragraph's text wrapped onto the next line do not part it; nor
        does a stop before the words, the block before's end (a pattern's
        ``(^|[.!?] )`` before a note that opens a paragraph).

        Cheap for the common answer: a match of one word has no edge in it, and
        when every copy of its words in the text stands on one line of the page
        as written, none can (a block's edge is a line break there). Only
        otherwise are the blocks' edges worked out, once (a walk of the page).
        """
        if self._bounds is not None:  # worked out: most matches have no edge in them at all
            bounds = self._bounds[1 if utf8 else 0]
            after = bisect.bisect_right(bounds, start)
            if after == len(bounds) or bounds[after] + 1 >= end:
                return None
        piece = self.text_utf8[start:end].decode("utf-8", "replace") if utf8 else self.text[start:end]
        first = _WORD_CHAR.search(piece)
        if first is None:
            return None
        last = len(piece) - _WORD_CHAR.search(piece[::-1]).start()  # type: ignore[union-attr] - one there
        words = piece[first.start() : last]
        if " " not in words:
            return None
        if self._bounds is None and self._lined and self._asked < _ASKED_BY_COUNT:
            # Two counts of the whole text: for the few matches a check asks about (a page of thousands of
            # photo credits asks of each, and the edges are worked out once instead).
            self._asked += 1
            # Counted in the UTF-8 (the same count: UTF-8 is self-synchronising), which the str need not be made for.
            if self._on_a_line(words) == self.text_utf8.count(words.encode("utf-8")):  # each on a line of its own
                return None
        bounds = self._block_bounds()[1 if utf8 else 0]
        if utf8:  # the words' ends in bytes
            low = start + len(piece[: first.start()].encode("utf-8"))
            high = low + len(words.encode("utf-8"))
        else:
            low, high = start + first.start(), start + last
        after = bisect.bisect_right(bounds, low)
        return bounds[after] if after < len(bounds) and bounds[after] < high else None

    def _on_a_line(self, words: str) -> int:
        """How many copies of ``words`` (normalised, one space apart) the text as written holds on one line, in
        any case: read in the folded text (made already for the words a rule looks for), at each copy's place
        in the text as written (the same bytes where folding changed no character's length); else in
        :attr:`lowered_raw` (its making costs more on a page with other than ASCII)."""
        folded = self.folded
        if folded is not None:
            raw = self._raw_utf8
            if raw is None:  # encoded once: a check asks of several matches
                raw = self._raw_utf8 = self.raw_text.encode("utf-8", "surrogatepass")
            if len(raw) == len(folded):
                needle = words.encode("utf-8")
                count, at = 0, folded.find(needle)
                while at >= 0:
                    count += b"\n" not in raw[at : at + len(needle)]
                    at = folded.find(needle, at + len(needle))
                return count
        return self.lowered_raw.count(words)

    def raw_block_edge(self, start: int, end: int) -> int | None:
        """:meth:`block_edge` of ``raw_text[start:end]``, words found as written (one space apart): on one line,
        so of one block, but where raw HTML writes a block inline (``<p>Pine County</p> <p>Times</p>``)."""
        if self._lined:
            return None
        raw = self.raw_text
        cuts = self._block_bounds()[2]
        after = bisect.bisect_right(cuts, start)
        while after < len(cuts) and cuts[after] < end:
            cut = cuts[after]
            if _WORD_CHAR.search(raw, start, cut) and _WORD_CHAR.search(raw, cut, end):
                return cut
            after += 1
        return None

    def _block_bounds(self) -> tuple[list[int], list[int], list[int]]:
        """Where the blocks part in ``text`` and in ``text_utf8`` (the offset of the space between each two, in
        characters and in bytes), and in ``raw_text`` (where each block starts or ends), in order. Plain text:
        its paragraphs, parted by blank lines. None are told where the blocks read on their own do not make
        up ``text`` (a combining mark opening a block)."""
        if self._bounds is None:
            raw = self.raw_text
            cuts: list[int] | None
            if self._tree is None:
                cuts = [found.start() for found in _BLANK_LINE.finditer(raw)]
            else:
                body = self._tree.body
                cuts = _block_cuts(body, raw) if body is not None else None
            chars: list[int] = []
            octets: list[int] = []
            if cuts:
                parts = [raw[begin:stop] for begin, stop in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
                normal = [part for part in map(normalize, parts) if part]
                if " ".join(normal) == self.text:
                    char = octet = 0
                    ascii_only = self.text.isascii()
                    for part in normal[:-1]:
                        char += len(part)
                        octet += len(part) if ascii_only else len(part.encode("utf-8"))
                        chars.append(char)
                        octets.append(octet)
                        char += 1
                        octet += 1
                else:
                    cuts = []
            self._bounds = (chars, octets, cuts or [])
        return self._bounds

    def holds(self, phrase: str) -> bool:
        """Whether ``text`` contains the normalised phrase at all (anywhere, whole words or not).

        A quick "no" before :func:`find_phrase`: UTF-8 is self-synchronising, so
        the bytes hold the phrase's bytes exactly when the text holds the phrase.
        A phrase of one word, or one with a word the folded text lacks, is
        answered without building ``text``.
        """
        needle = normalized_utf8(phrase)
        if not needle:
            return False
        # Searched from the end: what a rule requires (a credit, a notice) mostly stands at the bottom.
        if self._utf8 is None and (folded := self.folded) is not None:
            if b" " not in needle:
                return folded.rfind(needle) >= 0
            if not all(folded.rfind(word) >= 0 for word in needle.split(b" ")):
                return False
        return self.text_utf8.rfind(needle) >= 0

    def _first_link(self, href: str) -> LexborNode | None:
        """The first visible ``<a>`` to ``href`` (as :attr:`anchors` gives it): all of them found in one walk,
        once (a page of 40,000 links asks of each)."""
        if self._linked is None:
            self._linked = {}
            tree = self._tree
            for anchor in tree.tags("a") if tree is not None else []:
                target = (anchor.attributes.get("href") or "").strip()
                if target and self._base is not None:
                    target = self.followed(target)
                if target and target not in self._linked and _shows_something(anchor):
                    self._linked[target] = anchor
        return self._linked.get(href)

    def anchor_text(self, href: str) -> str | None:
        """The words of the first visible link to ``href`` (as :attr:`anchors` gives it), or None."""
        anchor = self._first_link(href)
        return " ".join(anchor.text(deep=True).split()) if anchor is not None else None

    def anchor_block(self, href: str) -> str | None:
        """The normalised text of the block (a paragraph, a list item, a cell...) around the first visible
        link to ``href``: what the link's sentence says of it ("The original source of this article is ..."),
        or None (no such link, or text without a page)."""
        anchor = self._first_link(href)
        return self._block_text(anchor) if anchor is not None else None

    def bare_links(self) -> list[str]:
        """The bare URLs among :attr:`links` (a Markdown body's GFM autolinks, plain text's addresses): links with
        no ``<a>`` around them, whose words are their address."""
        links = self.links
        return links if self._tree is None else links[len(self.anchors) :]

    def bare_url_block(self, url: str) -> str | None:
        """The normalised text of the block around the first copy of the bare URL ``url`` (one of
        :meth:`bare_links`), as :meth:`anchor_block` gives a link's: what its sentence says of it ("republished
        under a CC BY-ND 4.0 licence (https://...)"). In plain text, which has no elements, a block is what
        stands between blank lines. None when there is no such copy. Every bare URL's block is found in one
        walk, once: a list of thousands of addresses is read once, not once for each."""
        if self._bare_blocks is None:
            found: dict[str, str] = {}
            if self._tree is None:
                for block in _BLANK_LINE.split(self.raw_text):
                    if "http" in block or "www." in block:
                        said = None  # the block normalised, once however many addresses it holds
                        for link in find_bare_urls(block, set):
                            if link not in found:
                                said = normalize(block) if said is None else said
                                found[link] = said
            elif self._tree.body is not None:
                for node in self._tree.body.traverse(include_text=True):
                    words = node.text_content if node.tag == "-text" else None
                    if words and ("http" in words or "www." in words):
                        for link in find_bare_urls(words, set):
                            if link not in found:
                                found[link] = self._block_text(node)  # each block read once
            self._bare_blocks = found
        return self._bare_blocks.get(url)

    def _block_text(self, anchor: LexborNode) -> str:
        """The normalised text of the block (a paragraph, a list item, a cell...) ``anchor`` stands in, made once
        per block: a paragraph of thousands of links is read once, not once for each of them."""
        block = _block_of(anchor)
        text = self._blocks.get(block.mem_id)
        if text is None:
            text = self._blocks[block.mem_id] = normalize(block.text(deep=True, separator=""))
        return text

    @property
    def anchors(self) -> list[str]:
        """Targets of the ``<a href>`` links a reader sees, in document order."""
        if self._anchors is None:
            tree = self._tree
            nodes = tree.tags("a") if tree is not None else []
            code = self._code_parents
            self._anchors, self._deeds = [], []
            base = self._base
            for anchor in nodes:
                href = anchor.attributes.get("href")
                if href and (_shows_something(anchor) or (code and _held_code(anchor, code))):
                    href = href.strip() if base is None else self.followed(href.strip())
                    self._anchors.append(href)
                    if "creativecommons" in href:
                        self._deeds.append((anchor, href))
        return self._anchors

    def followed(self, href: str) -> str:
        """``href`` (an ``<a>``'s, stripped) as a reader's browser follows it: the page's ``<base href>`` applied;
        the address as written kept for :meth:`written_href`."""
        href = href.strip()
        target = against_base(self._base, href) if self._base is not None else href
        if target != href:
            self._written.setdefault(target, href)
        return target

    def written_href(self, link: str) -> str:
        """The address of a link (as :attr:`anchors` gives it) as the source writes it, where a finding about the
        link stands and ``--fix`` changes it: the relative ``news/story-1`` that the page's ``<base href>``
        makes ``https://publisher.example/news/story-1``. Any other link is written as given."""
        return self._written.get(link, link) if self._written else link

    @property
    def links(self) -> list[str]:
        """Every hyperlink: anchors, then bare URLs that the renderer links (when enabled)."""
        if self._links is None:
            links = list(self.anchors)
            if self.bare_urls:
                links.extend(find_bare_urls(self.raw_text, self._anchor_texts, self._linkable))
            self._links = links
        return self._links

    def _anchor_texts(self) -> set[str]:
        """What the ``<a href>`` links say: a bare URL that is a link's own text is not a second link."""
        return {anchor.text(deep=True).strip() for anchor, href in self.anchor_nodes() if href}

    @property
    def images(self) -> list[str]:
        if self._images is None:
            nodes = self._tree.tags("img") if self._tree is not None else []
            self._images = [src.strip() for img in nodes if (src := img.attributes.get("src"))]
        return self._images

    def anchor_nodes(self) -> list[tuple[LexborNode, str | None]]:
        """The ``<a>`` elements of the visible body, with their ``href`` (None when they have none)."""
        if self._tree is None:
            return []
        if self._base is not None:  # each address as followed (see :meth:`followed`)
            return [
                (anchor, self.followed(href.strip()) if (href := anchor.attributes.get("href")) is not None else None)
                for anchor in self._tree.tags("a")
            ]
        return [(anchor, anchor.attributes.get("href")) for anchor in self._tree.tags("a")]

    def linked_blocks(self, wanted: Callable[[str], bool]) -> list[str]:
        """The normalised text of each block around a visible ``<a>`` whose ``href`` is ``wanted``, every copy
        of a link, not only the first (:meth:`anchor_block`): whether a credit's line links somewhere. Each
        block is given once, in document order (a paragraph of thousands of such links is one block to read)."""
        found: dict[int, LexborNode] = {}
        for anchor, href in self.anchor_nodes():
            if href is not None and wanted(href.strip()) and _shows_something(anchor):
                found.setdefault(_block_of(anchor).mem_id, anchor)
        return [self._block_text(anchor) for anchor in found.values()]

    def link_place(self, wanted: Callable[[str], bool], *, last: bool = False) -> int | None:
        """Where in :attr:`text` the words of the first (or ``last``) visible ``<a>`` whose ``href`` is ``wanted``
        start: how near the top or bottom a link stands. The first link's block is looked for from the text's
        start, the last one's from its end (a credit line said at the top and again at the end is placed by the
        copy asked about). None when there is no such link, or its block is not in the text as such."""
        anchors = self.anchor_nodes()
        for anchor, href in reversed(anchors) if last else anchors:
            if href is None or not wanted(href.strip()) or not _shows_something(anchor):
                continue
            block = self._block_text(anchor)
            start = (self.text.rfind if last else self.text.find)(block) if block else -1
            if start < 0:
                return None
            words = normalize(anchor.text(deep=True, separator=""))
            return start + max(block.find(words), 0) if words else start
        return None

    def deed_anchors(self) -> list[tuple[LexborNode, str]]:
        """The visible links to a Creative Commons address, with their ``href``: kept as :attr:`anchors` reads
        the links, for a licence check to read their words without walking every link again."""
        self.anchors  # noqa: B018 - reads the links, and keeps these
        return self._deeds

    def media_without_src(self, *, every_address: bool = True) -> list[Media]:
        """Visible images, videos, audio and ``<source>`` elements with no ``src``: a ``<picture>``'s
        ``<source srcset>``, a lazy-loaded image, a poster-only video. They may still load addresses
        (``srcset``, ``poster``, ``data-src``); found on demand, for the checks of media, by tag name (the
        parser has lower-cased every tag and attribute name: ``<IMG DATA-SRC>`` is found too).

        Without ``every_address`` (counting items, not addresses), what is counted already is left out:
        the sources of a ``<picture>`` whose image loads something itself, all but the first source of
        one whose image does not (one picture), and a video or audio whose ``<source>`` has a ``src``.
        """
        if self._tree is None:
            return []
        found = []
        pictures: set[int] = set()
        for tag in _WITHOUT_SRC_TAGS:
            for node in self._tree.tags(tag):
                attrs = node.attributes
                if "src" in attrs:
                    continue
                if not every_address:
                    parent = node.parent
                    if tag == "source" and parent is not None and parent.tag == "picture":
                        image = parent.css_first("img")
                        if parent.mem_id in pictures or (
                            image is not None
                            and _loads(image.attributes)
                            and not _empty_in_picture(image, image.attributes)
                        ):
                            continue
                        pictures.add(parent.mem_id)
                    elif tag in ("video", "audio") and node.css_first("source[src]") is not None:
                        continue
                found.append(Media(tag, "", dict(attrs)))
        return found

    def blocks_holding(self, marks: tuple[str, ...]) -> list[str]:
        """The normalised text of each innermost block (paragraph, list item, cell, caption, heading...)
        whose text holds one of ``marks`` (normalised), in document order.

        For what must stand together, such as a notice and the name it gives: a
        line break inside a paragraph joins, a paragraph break parts.
        """
        if self._tree is None:  # plain text: paragraphs are parted by blank lines
            blocks = [normalize(part) for part in _BLANK_LINE.split(self.raw_text)]
            return [block for block in blocks if any(mark in block for mark in marks)]
        blocks = self._tree.css(_TEXT_BLOCKS)
        if len(blocks) * len(self.raw_text) <= _READ_BLOCK_BY_BLOCK:
            # An ordinary page: each block's text read whole costs less than one walk of the page in Python.
            return _holding_block_by_block(blocks, marks)
        return _innermost_holding(self._tree, marks, blocks)

    def has_any(self, phrases: tuple[str, ...] | list[str]) -> bool:
        """Whether any of ``phrases`` is visible: every phrase in the cheap view before the normalised one.

        Searched from the end: a licence or credit stands at the bottom of most reprints, so the search
        that finds it reads a few lines, not the whole article.
        """
        raw = self.raw_text
        for phrase in phrases:
            at = find_phrase(raw, phrase, cased=True, last=True)
            if at >= 0 and self.raw_block_edge(at, at + len(as_written(phrase))) is None:
                return True
        held = [phrase for phrase in phrases if self.holds(phrase)]
        return bool(held) and any(self.find_phrase(phrase) >= 0 for phrase in held)

    def find_phrase(self, phrase: str, start: int = 0, end: int | None = None, *, last: bool = False) -> int:
        """:func:`~reprint_guard.textnorm.find_phrase` in ``text``, of a copy within one block (one that runs
        from a block into the next is passed over: see :meth:`block_edge`)."""
        text = self.text
        size = len(normalized(phrase))
        index = find_phrase(text, phrase, start, end, last=last)
        while index >= 0 and self.block_edge(index, index + size) is not None:
            if last:
                index = find_phrase(text, phrase, start, index + size - 1, last=True)
            else:
                index = find_phrase(text, phrase, index + 1, end)
        return index


def _block_cuts(root: LexborNode, raw: str) -> list[int] | None:
    """Where in ``raw`` (the text of ``root``, its text nodes joined) a block (:data:`_PARTING`) starts or
    ends, in order, each once: one walk of the page, done only for a match that may run across one. None
    when the walk does not read ``raw`` (its text nodes are not what it was made of)."""
    cuts: list[int] = []
    at = 0
    stack: list[tuple[int, bool]] = []  # the open elements, outermost first: (mem_id, whether it parts)

    def cut() -> None:
        if at and at < len(raw) and (not cuts or cuts[-1] != at):
            cuts.append(at)

    for node in root.traverse(include_text=True):
        parent = node.parent
        parent_id = parent.mem_id if parent is not None else None
        while stack and stack[-1][0] != parent_id:
            if stack.pop()[1]:
                cut()  # a block ends
        if node.is_text_node:
            at += len(node.text_content or "")
        elif node.is_element_node:
            parting = node.tag in _PARTING
            if parting:
                cut()  # a block starts
            stack.append((node.mem_id, parting))
    return cuts if at == len(raw) else None


#: Elements whose text stands as one block on a page (the innermost that hold something are read).
_TEXT_BLOCKS = (
    "p, li, dd, dt, td, th, caption, figcaption, h1, h2, h3, h4, h5, h6, address, blockquote, "
    "div, section, article, aside, header, footer, main, body"
)
#: The same, as tag names.
_BLOCK_NAMES = frozenset(name.strip() for name in _TEXT_BLOCKS.split(","))


#: Blocks times the page's characters up to which each block's text is read whole (at most that many characters
#: read, a few milliseconds): an article's 50 blocks of 7,000 characters are read so in a tenth of the time the
#: page's one walk in Python takes; thousands of nested blocks around a long text are not.
_READ_BLOCK_BY_BLOCK = 2_000_000


#: Stands for the middle of a long block's text that holds no mark (see :func:`_shortened`): never in a page's
#: text (the parser drops NUL characters), nor in a mark.
_CUT = "\x00"


def _innermost_holding(
    tree: LexborHTMLParser | LexborNode, marks: tuple[str, ...], blocks: list[LexborNode] | None = None
) -> list[str]:
    """:meth:`VisibleBody.blocks_holding` of a parsed page, its text read once, not once per block around it.

    Each text node is given to its innermost block; a block is looked at when
    it closes, after the blocks in it: one around a block with a mark is left
    to it unread, and one whose text holds no mark passes on to the block
    around it only its ends (:func:`_shortened`), all that a mark across its
    edge can take in. Thousands of nested ``<div>`` around a long text cost
    what the text costs, not that times the depth. ``blocks``: the tree's text
    blocks, when already found.
    """
    blocks = tree.css(_TEXT_BLOCKS) if blocks is None else blocks
    if not marks or any(_CUT in mark for mark in marks):
        return _holding_block_by_block(blocks, marks)
    order = {node.mem_id: at for at, node in enumerate(blocks)}
    reach = max(map(len, marks))
    # The open elements, outermost first, each (mem_id, its block's frame, whether the frame is its own); a
    # block's frame is [the node, its text's parts, whether a block in it holds a mark, whether a part was cut].
    stack: list[tuple[int, list[Any] | None, bool]] = []
    holders: list[tuple[int, str]] = []

    def close(frame: list[Any]) -> None:
        node, parts, inner, cut = frame
        outer = stack[-1][1] if stack else None  # the block around it
        if not inner:
            text = "".join(parts)
            folded = normalize(text)
            if any(mark in folded for mark in marks):
                if cut:  # a block in it was cut short: read it whole (no block in it holds a mark)
                    folded = normalize(node.text(deep=True, separator=""))
                holders.append((order[node.mem_id], folded))
                inner = True
            elif outer is not None:
                short, shortened = _shortened(text, reach, marks)
                outer[1].append(short)
                outer[3] = outer[3] or cut or shortened
        if inner and outer is not None:
            outer[2] = True

    root = tree.root if isinstance(tree, LexborHTMLParser) else tree  # a whole page, or its body
    for node in root.traverse(include_text=True) if root is not None else ():
        if stack:
            parent = node.parent
            parent_id = parent.mem_id if parent is not None else None
            while stack and stack[-1][0] != parent_id:
                _, frame, own = stack.pop()
                if own:
                    close(frame)  # type: ignore[arg-type] - a block's own
        if node.is_text_node:
            text = node.text_content or ""
            if _CUT in text:
                return _holding_block_by_block(blocks, marks)
            if stack and stack[-1][1] is not None:
                stack[-1][1][1].append(text)
        elif node.is_element_node:
            if node.mem_id in order:
                stack.append((node.mem_id, [node, [], False, False], True))
            else:
                stack.append((node.mem_id, stack[-1][1] if stack else None, False))
    while stack:
        _, frame, own = stack.pop()
        if own:
            close(frame)  # type: ignore[arg-type] - a block's own
    holders.sort()
    return [text for _, text in holders]


def _holding_block_by_block(blocks: list[LexborNode], marks: tuple[str, ...]) -> list[str]:
    """:func:`_innermost_holding` the plain way, every block's text read whole (its cost the text times the
    depth): for no marks, or where :data:`_CUT` could be taken for a cut (in a mark, or in the text)."""
    holding = []
    for node in blocks:
        text = normalize(node.text(deep=True, separator=""))
        if any(mark in text for mark in marks):
            holding.append((node, text))
    # An outer block holding an inner one with a mark is left to the inner one (the <div> around a <p>):
    # each block's ancestors are marked once (a walk up from each, not a comparison of every pair).
    outer: set[int] = set()
    for node, _ in holding:
        parent = node.parent
        while parent is not None and parent.mem_id not in outer:
            outer.add(parent.mem_id)
            parent = parent.parent
    return [text for node, text in holding if node.mem_id not in outer]


#: A text no longer than this (and a few times a mark's length) is passed on whole: cut short, it would save little.
_KEPT_WHOLE = 256


def _shortened(text: str, reach: int, marks: tuple[str, ...]) -> tuple[str, bool]:
    """A block's ``text`` that holds no mark, as the block around it needs it: its middle cut out (one
    :data:`_CUT`) when it is long; and whether it was cut or trimmed (a block around it that holds a mark
    reads its own text whole).

    A long text is first :func:`_compacted` (what normalises the same anywhere,
    so a run of spaces with no solid character in it is passed on short). A
    mark of ``reach`` characters in the outer block that is not in this one
    takes in something outside it, so no more of it than a head or a tail with
    ``reach`` solid characters (:func:`_is_solid`: each at least one character
    of the normalised text). The cuts fall before a solid character, across
    which NFKC composes nothing, so what is left normalises as it did in the
    whole; a text cut already is cut no further in than its first and last cut,
    whose sides keep as many. A text with too few solid characters near an end
    (a long run of combining marks or of Hangul vowels) is cut in its NFKC form
    instead (:func:`_cut_normalised`), with the ``marks`` in mind.
    """
    if len(text) <= 8 * reach + _KEPT_WHOLE:
        return text, False
    text = _compacted(text)
    if len(text) <= 8 * reach + _KEPT_WHOLE:
        return text, False
    found = _solid_at(text, reach, last=False)  # the first solid character after the head's
    ends = _solid_at(text, reach, last=True) if found is not None else None
    if found is None or ends is None:
        return _cut_normalised(text, reach, marks)
    start = found[reach] if len(found) > reach else len(text)
    end = ends[-reach] if len(ends) >= reach else 0
    cut = text.find(_CUT)
    if cut >= 0:
        start, end = min(start, cut), max(end, text.rfind(_CUT) + 1)
    if start < end:
        return text[:start] + _CUT + text[end:], True
    return _cut_normalised(text, reach, marks)


def _compacted(text: str) -> str:
    """``text`` normalising as it does wherever it stands, but shorter: zero-width characters (removed before
    anything else) left out, and each run of blank characters (:func:`_is_blank`) kept as its last, which
    any combining mark after it joins as before. A long run of spaces has no solid character to cut at."""
    if not text.isascii() and any(char in text for char in _ZERO_WIDTH_CHARS):
        text = unseen_removed(text)
    return _BLANK_RUN.sub(_last_if_blank, text)


#: Runs of two or more characters that may be blank (white space to ``str.isspace``; :func:`_is_blank` decides).
_BLANK_RUN = re.compile(r"\s{2,}")


def _last_if_blank(found: re.Match[str]) -> str:
    """A run of white space as its last character when all of it is blank, else as it was."""
    run = found.group()
    return run[-1] if all(map(_is_blank, set(run))) else run


def _solid_at(text: str, reach: int, *, last: bool) -> list[int] | None:
    """Where the first ``reach`` + 1 (or the last ``reach``) solid characters of ``text`` stand (fewer when it
    has fewer), looked for in a stretch of the text's start (or end) that grows, twice at most, until they
    are there; None when they are not there (a text with few solid characters is cut another way, rather than
    read character by character in Python at each of thousands of blocks around it)."""
    size = 16 * reach + 256
    for _ in range(2):
        begin, end = (max(0, len(text) - size), len(text)) if last else (0, min(len(text), size))
        found = [
            match.start()
            for match in _solid_char().finditer(text, begin, end)
            if match.lastindex is None or _is_solid(match.group())
        ]
        if len(found) > reach or (begin == 0 and end == len(text)):
            return found
        size *= 4
    return None


@lru_cache(maxsize=1)
def _solid_char() -> re.Pattern[str]:
    """A solid character (:func:`_is_solid`): one of ASCII's or the Basic Multilingual Plane's that
    :func:`~reprint_guard.textnorm._nfkc_inert` says NFKC leaves as it is, matched as it stands; or, in a
    group, any other character that is no control or space, for :func:`_is_solid` to tell (emoji, rarer CJK
    ideographs, fullwidth letters: a page of them alone would otherwise be read whole at every level)."""
    inert = _nfkc_inert.__wrapped__  # not through its small cache: 60,000 characters are asked once
    ranges: list[list[int]] = []
    for code in range(0x21, 0x10000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or code == 0x7F or char.isspace() or not (code < 0x7F or inert(char)):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    inert_class = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{inert_class}]|([^\\x00-\\x20\\x7f-\\x9f\\s])")


@lru_cache(maxsize=4096)
def _is_solid(char: str) -> bool:
    """Whether ``char`` stands at a normalisation boundary (:func:`_starts_alone`) and gives the normalised
    text at least one character of its own, whatever stands around it: a cut before it is safe."""
    return not (ord(char) < 0x21 or 0x7F <= ord(char) <= 0x9F) and _starts_alone(char) and normalize(char) != ""


@lru_cache(maxsize=256)
def _is_blank(char: str) -> bool:
    """Whether ``char`` stands at a normalisation boundary and normalises to white space alone: a run of such
    characters normalises, wherever it stands, as its last character alone does."""
    return _starts_alone(char) and normalize(char) == ""


@lru_cache(maxsize=4096)
def _starts_alone(char: str) -> bool:
    """Whether NFKC composes nothing across the start of ``char``: it is no zero-width character (removed,
    joining its neighbours), has combining class 0, and so has the first character it decomposes to, neither
    composing with the character before it (under a Unicode version the list was made for; else none)."""
    if char in _ZERO_WIDTH_CHARS or 0xD800 <= ord(char) < 0xE000:
        return False
    if unicodedata.unidata_version not in _COMPOSES_BACKWARD_UNICODE:
        return False
    first = unicodedata.normalize("NFKD", char)[:1]
    return all(part and unicodedata.combining(part) == 0 and part not in _COMPOSES_BACKWARD for part in (char, first))


#: At least as many combining marks as a letter takes in (U+1F82 GREEK SMALL LETTER ALPHA WITH PSILI AND VARIA
#: AND YPOGEGRAMMENI takes in three; a test holds the figure): a run trimmed keeps this many more of each class
#: than a mark is long.
_MOST_TAKEN_IN = 4


def _cut_normalised(text: str, reach: int, marks: tuple[str, ...]) -> tuple[str, bool]:
    """:func:`_shortened` of a (compacted) text with too few solid characters near an end, cut in its NFKC
    form, and whether it was cut or trimmed.

    The text's NFKC form normalises wherever it stands as the text does (NFKC
    adds no zero-width character). Nothing around the text changes what stands
    in that form from its first anchor (:func:`_anchor`) to its last starter
    (combining class 0; combining marks after the text join those after it):
    each combining mark there is in its place and composed already, so a cut
    may fall anywhere between, even within a run of them, with a head and a
    tail of ``reach`` characters besides white space. Long runs of combining
    marks are first trimmed (:func:`_trimmed_runs`): one before the anchor or
    after the last starter is joined by what stands around the text, and could
    not be cut.
    """
    normal, trimmed = _trimmed_runs(nfkc(text), reach, marks)
    first = _anchor(normal, 16 * reach + 4096)
    last = len(normal) - 1
    while last >= 0 and unicodedata.combining(normal[last]):
        last -= 1
    if first is None or first >= last:
        return normal, trimmed
    head = _reach_of(reach).match(normal, first, last)
    tail = _reach_back(normal, first, last, reach)
    if head is None or tail is None:
        return normal, trimmed
    start, end = head.end(), tail
    cut = normal.find(_CUT)
    if cut >= 0:  # the anchor stands at or before it: a cut starts alone
        start, end = min(start, cut), max(end, normal.rfind(_CUT) + 1)
    if start >= end:
        return normal, trimmed
    return normal[:start] + _CUT + normal[end:], True


@lru_cache(maxsize=64)
def _reach_of(reach: int) -> re.Pattern[str]:
    """The shortest stretch holding ``reach`` characters besides white space (each one of the normalised text)."""
    return re.compile(rf"(?:\s*\S){{{reach}}}")


def _reach_back(normal: str, first: int, last: int, reach: int) -> int | None:
    """Where the last ``reach`` characters besides white space before ``last`` (and from ``first``) begin; None
    when there are fewer. Looked for in a stretch before ``last`` that grows until they are there."""
    size = 16 * reach + 256
    while True:
        begin = max(first, last - size)
        found = _reach_of(reach).match(normal[begin:last][::-1])
        if found is not None:
            return last - found.end()
        if begin == first:
            return None
        size *= 4


def _anchor(normal: str, limit: int) -> int | None:
    """The first place in ``normal`` (NFKC text), among its first ``limit``, across which NFKC composes
    nothing whatever stands before the text: before a character that starts alone (:func:`_starts_alone`),
    or one that stands apart from what is before it (:func:`_stands_apart`). None when there is none there."""
    for at in range(min(len(normal), limit)):
        char = normal[at]
        if not unicodedata.combining(char) and (_starts_alone(char) or _stands_apart(normal, at)):
            return at
    return None


#: Farthest back a starter is looked for before a character that may compose with it.
_LOOK_BACK = 64


def _stands_apart(normal: str, at: int) -> bool:
    """Whether the starter at ``at`` in ``normal`` (NFKC text; a Hangul vowel, a vowel sign's second half)
    composes with nothing before it, whatever stands before the text: the starter before it has no
    decomposition, and none of the forms it may take there (:func:`_forms`) takes in any of the combining
    marks between or the starter at ``at``."""
    before = at - 1
    while before >= 0 and at - before <= _LOOK_BACK and unicodedata.combining(normal[before]):
        before -= 1
    if before < 0 or unicodedata.combining(normal[before]):
        return False
    return _apart_after(normal[before], normal[before + 1 : at + 1])


@lru_cache(maxsize=4096)
def _apart_after(starter: str, after: str) -> bool:
    """Whether NFC leaves ``after`` (combining marks, then a starter) as it is after any form of ``starter``."""
    if unicodedata.normalize("NFKD", starter) != starter:
        return False
    return all(unicodedata.normalize("NFC", form + after) == form + after for form in _forms(starter))


def _forms(char: str) -> tuple[str, ...]:
    """What ``char`` (with no decomposition) may stand as in NFKC text, after what comes before it: itself, or
    a character it is the second half of (a Hangul syllable for a vowel or a final consonant)."""
    code = ord(char)
    if 0x1161 <= code <= 0x1175:  # a vowel: any leading consonant before it makes a syllable
        return (char, *(chr(0xAC00 + (lead * 21 + code - 0x1161) * 28) for lead in range(19)))
    if 0x11A8 <= code <= 0x11C2:  # a final consonant: any syllable without one before it takes it in
        return (char, *(chr(0xAC00 + syllable * 28 + code - 0x11A7) for syllable in range(19 * 21)))
    return (char, *_second_halves().get(char, ()))


@lru_cache(maxsize=1)
def _second_halves() -> dict[str, tuple[str, ...]]:
    """Each character that NFC composes with one before it, and the characters it so becomes part of (every
    canonical pair stands below U+20000: a test holds this). Built once, on the first page that needs it."""
    halves: dict[str, list[str]] = {}
    for code in range(0x20000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            first, second = (chr(int(part, 16)) for part in parts)
            if unicodedata.normalize("NFC", first + second) == chr(code):
                halves.setdefault(second, []).append(chr(code))
    return {second: tuple(whole) for second, whole in halves.items()}


def _trimmed_runs(normal: str, reach: int, marks: tuple[str, ...]) -> tuple[str, bool]:
    """``normal`` (NFKC text) with the middle of each combining class left out of its long runs of combining
    marks, and whether any was.

    NFKC sorts a run by combining class, and the letter before it takes in no
    more than the first few of a class (:data:`_MOST_TAKEN_IN`); combining
    marks that join the run from around the text go to an end of their class.
    So a class keeps its first and last few more than ``reach`` (a mark's
    length) whatever stands around, and what a mark could be read in across
    its middle stood whole in the text, which holds no mark. Where a class's
    combining marks differ, what is read across the gap must not be taken for
    one of the ``marks`` (see :func:`_trimmed_run`).
    """
    keep = reach + _MOST_TAKEN_IN
    pieces: list[str] = []
    done = 0
    for start, end in mark_runs(normal):
        if end - start > 2 * keep + 1:
            run = _trimmed_run(normal[start:end], reach, marks)
            if len(run) < end - start:
                pieces += (normal[done:start], run)
                done = end
    if not pieces:
        return normal, False
    pieces.append(normal[done:])
    return "".join(pieces), True


def _trimmed_run(run: str, reach: int, marks: tuple[str, ...]) -> str:
    """A run of combining marks in canonical order, each class's middle left out when it is long (see
    :func:`_trimmed_runs`).

    A class of one combining mark over and over reads the same across the gap.
    Another is parted by a combining mark of its class that no mark holds, or
    else cut where no mark is read across the cut (:func:`_seam`); a class with
    neither is kept whole.
    """
    keep = reach + _MOST_TAKEN_IN
    kept: list[str] = []
    low = 0
    while low < len(run):
        high = bisect.bisect_right(run, unicodedata.combining(run[low]), low, key=unicodedata.combining)
        if high - low <= 2 * keep + 1:
            kept.append(run[low:high])
        elif run.count(run[low], low, high) == high - low:
            kept.append(run[low : low + 2 * keep])
        elif (gap := _gap_mark(unicodedata.combining(run[low]), marks)) is not None:
            kept.append(run[low : low + keep] + gap + run[high - keep : high])
        elif (seam := _seam(run, low + keep, high - keep, reach, marks)) is not None:
            kept.append(run[low : seam[0]] + run[seam[1] : high])
        else:
            kept.append(run[low:high])
        low = high
    return "".join(kept)


#: How far in from the ends a class of combining marks keeps a cut with no gap mark is looked for (see :func:`_seam`).
_SEAM_ROOM = 16


def _seam(run: str, start: int, end: int, reach: int, marks: tuple[str, ...]) -> tuple[int, int] | None:
    """Where ``run`` (one class of combining marks, differing) may be cut short, from a place at or after
    ``start`` to one at or before ``end`` and near each, with none of the ``marks`` read across the cut: where
    the ``reach`` - 1 combining marks before both places are the same, so that whatever is read across was
    read in the run (a run that repeats itself); else the first places where no mark is (:func:`_read_across`).
    None when there are none."""
    before = run[start - reach + 1 : start] if reach > 1 else ""
    again = run.rfind(before, start, end)
    if again >= 0 and end - 4 * _SEAM_ROOM <= again + len(before) <= end:
        return start, again + len(before)
    for cut in range(start, min(start + _SEAM_ROOM, end + 1)):
        for resume in range(end, max(end - _SEAM_ROOM, cut - 1), -1):
            if not _read_across(run[cut - reach + 1 : cut], run[resume : resume + reach - 1], marks):
                return cut, resume
    return None


def _read_across(left: str, right: str, marks: tuple[str, ...]) -> bool:
    """Whether one of the ``marks`` is read across the meeting of ``left`` and ``right`` (combining marks,
    each folded to one character, as the normalised text has them)."""
    joined, middle = left.casefold() + right.casefold(), len(left)
    for mark in marks:
        at = joined.find(mark)
        while at >= 0:
            if at < middle < at + len(mark):
                return True
            at = joined.find(mark, at + 1)
    return False


@lru_cache(maxsize=256)
def _gap_mark(combining_class: int, marks: tuple[str, ...]) -> str | None:
    """A combining mark of ``combining_class`` that normalises as itself and that none of the ``marks`` holds."""
    taken = "".join(marks)
    return next((gap for gap in _marks_by_class().get(combining_class, ()) if gap not in taken), None)


@lru_cache(maxsize=1)
def _marks_by_class() -> dict[int, tuple[str, ...]]:
    """The combining marks that NFKC and case folding leave as they are (none is a look-alike), by class."""
    marks: dict[int, list[str]] = {}
    for code in range(0x300, 0x20000):
        char = chr(code)
        if unicodedata.combining(char) and unicodedata.normalize("NFKD", char) == char == char.casefold():
            marks.setdefault(unicodedata.combining(char), []).append(char)
    return {combining_class: tuple(chars) for combining_class, chars in marks.items()}


def _block_of(anchor: LexborNode) -> LexborNode:
    """The block (a paragraph, a list item, a cell...) a link stands in, or the link where none holds it."""
    node = anchor.parent
    while node is not None and node.tag not in _BLOCK_NAMES:
        node = node.parent
    return node or anchor


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _shows_something(anchor: LexborNode) -> bool:
    """A link a reader can see and click: it has text, or an image or other media inside that shows something
    (``[](url)`` has none, nor has a link around a pixel)."""
    text = anchor.text(deep=True)
    if text.strip() and (text.isascii() or _BLANK_LOOKING.sub("", ZERO_WIDTH.sub("", text)).strip()):
        return True
    return any(_draws(node) for node in anchor.css(_LINK_CONTENT))


#: Characters that are no white space but draw nothing: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) and
#: the braille pattern with no dots (U+2800). A link of them alone (and white space, zero-width characters) shows
#: no words.
_BLANK_LOOKING = re.compile("[\u115f\u1160\u3164\uffa0\u2800]")


#: What a link may show besides text (a ``<picture>`` shows its ``<img>``).
_LINK_CONTENT = "img, svg, video, canvas, object, embed, iframe, input:not([type=hidden])"
#: What an SVG holds that draws nothing.
_UNDRAWN = frozenset({"-text", "-comment", "title", "desc", "metadata", "defs", "style", "script"})


def _draws(node: LexborNode) -> bool:
    """Whether a picture (a player, a frame) shows something: not sized to nothing by its attributes or style
    (no width or no height, or a pixel), faded out or otherwise out of sight (:func:`_out_of_sight`); an SVG,
    not an empty one."""
    attrs = node.attributes
    width, height = _size(attrs.get("width")), _size(attrs.get("height"))
    style = attrs.get("style")
    if style:
        style = _read_style(style)
        if _out_of_sight(style):
            return False
        if "width" in style or "height" in style:
            declared = _declarations(style)
            width = _narrowest(declared, "width", width)
            height = _narrowest(declared, "height", height)
    if (width is not None and width <= 0) or (height is not None and height <= 0):
        return False
    if width is not None and height is not None and width <= 1 and height <= 1:
        return False  # a pixel
    return node.tag != "svg" or any(child.tag not in _UNDRAWN for child in node.iter(include_text=False))


def _narrowest(declared: dict[str, str], side: str, given: float | None) -> float | None:
    """An element's ``side`` (width or height) in pixels, as its style sets it (``given`` otherwise) and its
    ``max-`` bounds it; None where not known."""
    size = _size(declared[side]) if side in declared else None
    size = given if size is None else size
    bound = _size(declared.get("max-" + side))
    return bound if bound is not None and (size is None or bound < size) else size


def _held_code(anchor: LexborNode, code_parents: frozenset[int]) -> bool:
    """Whether a link that now shows nothing held code (removed from the text, but what the reader clicks)."""
    return any(node.mem_id in code_parents for node in (anchor, *anchor.traverse(include_text=False)))


class Media(NamedTuple):
    """An image, video, audio, iframe or embed in the body."""

    tag: str
    src: str
    attrs: dict[str, str | None]
    #: The element as written, when it stands for ``tag`` (AMP's ``amp-img`` for an ``img``), else "".
    element: str = ""


#: The media a page shows, and the attribute that holds each one's address.
MEDIA_TAGS = {
    "img": "src",
    "video": "src",
    "audio": "src",
    "source": "src",
    "iframe": "src",
    "embed": "src",
    "object": "data",
}
#: AMP's elements for media (an AMP page, or a CMS's AMP output), read as the ones they stand for: a photo
#: as ``<amp-img>`` is a photo. (``<amp-pixel>``, a ping that shows nothing, is not read.)
AMP_MEDIA_TAGS = {
    "amp-img": "img",
    "amp-anim": "img",
    "amp-video": "video",
    "amp-audio": "audio",
    "amp-iframe": "iframe",
}
#: Other elements that show a picture, read as an ``img``: an SVG's ``<image href>`` (the HTML parser makes a
#: ``<image>`` outside SVG an ``<img>``), an image button, ``<input type="image" src>``, and Drupal's
#: ``<drupal-media>``, its media library's item as a body stores it (a picture mostly; its address is known to
#: Drupal alone, so it stands as its ``data-entity-uuid``, where a finding about it is placed).
IMAGE_ELEMENTS = {"image": "href", "input": "src", "drupal-media": "data-entity-uuid"}
#: AMP's embeds of another platform's video or post, read as the iframe each loads: the attribute naming the
#: item, and the address it stands for (a rule's hosts and permissions see the platform's address).
AMP_EMBEDS = {
    "amp-youtube": ("data-videoid", "https://www.youtube.com/embed/{}"),
    "amp-vimeo": ("data-videoid", "https://player.vimeo.com/video/{}"),
    "amp-dailymotion": ("data-videoid", "https://www.dailymotion.com/embed/video/{}"),
    "amp-instagram": ("data-shortcode", "https://www.instagram.com/p/{}/embed"),
    "amp-twitter": ("data-tweetid", "https://platform.twitter.com/embed/Tweet.html?id={}"),
    "amp-soundcloud": ("data-trackid", "https://w.soundcloud.com/player/?url=https://api.soundcloud.com/tracks/{}"),
    "amp-facebook": ("data-href", "{}"),  # the post's own address
}
#: Lightweight players that stand in for a platform's iframe until clicked (``<lite-youtube videoid="...">``),
#: read as that iframe, as AMP's embeds are.
LITE_EMBEDS = {
    "lite-youtube": ("videoid", "https://www.youtube.com/embed/{}"),
    "lite-vimeo": ("videoid", "https://player.vimeo.com/video/{}"),
}
#: Elements that stand for an iframe of another platform's: AMP's and the lightweight players.
ELEMENT_EMBEDS = {**AMP_EMBEDS, **LITE_EMBEDS}
#: Embeds that a platform's script turns into its post, chart or photo (the embed code Instagram, X, TikTok,
#: Facebook, Flourish and Infogram give out: a ``<blockquote>`` or ``<div>`` of a class, and a ``<script>``),
#: read as the iframe each becomes: the class, the element, the attribute naming the item (None: the first
#: link inside it, as X's blockquote holds the post's address; "": the address written inside it, as
#: WordPress's stored embed block holds it), and the address it stands for.
SCRIPT_EMBEDS = {
    "instagram-media": ("blockquote", "data-instgrm-permalink", "{}"),
    "twitter-tweet": ("blockquote", None, "{}"),
    "tiktok-embed": ("blockquote", "cite", "{}"),
    "fb-post": ("div", "data-href", "{}"),
    "fb-video": ("div", "data-href", "{}"),
    "flourish-embed": ("div", "data-src", "https://flo.uri.sh/{}/embed"),
    "infogram-embed": ("div", "data-id", "https://e.infogram.com/{}"),
    # WordPress's embed block as the editor stores it, before the site turns the address into the player.
    "wp-block-embed": ("figure", "", "{}"),
}
#: The elements that hold them.
_SCRIPT_EMBED_TAGS = frozenset(tag for tag, _, _ in SCRIPT_EMBEDS.values())
_WITHOUT_SRC_TAGS = ("img", "video", "audio", "source", "iframe")
#: The media tags but ``img`` (and ``image``, which the parser makes one).
_OTHER_MEDIA_TAGS = (
    (frozenset(MEDIA_TAGS) - {"img"})
    | frozenset(AMP_MEDIA_TAGS)
    | frozenset(ELEMENT_EMBEDS)
    | frozenset(IMAGE_ELEMENTS)
)
#: The attributes a lazy loader keeps a picture's address in until it swaps it in over a placeholder ``src``:
#: lazysizes', a3 Lazy Load's, lozad's, bLazy's and vanilla-lazyload's ``data-src``; WP Rocket's and Jetpack's
#: ``data-lazy-src``; jQuery Lazy Load's ``data-original``; Slick's carousel's ``data-lazy``; echo.js's
#: ``data-echo``; and the larger copy a lightbox or a zoom loads on a click (``data-hi-res-src``,
#: ``data-full-src``, Jetpack's carousel's ``data-orig-file`` and ``data-large-file``), in that order of trust.
LAZY_ATTRIBUTES = (
    "data-lazy-src",
    "data-src",
    "data-original",
    "data-lazy",
    "data-echo",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-file",
    "data-large-file",
)
#: The attributes through which an item loads something: each holding one address, and each holding a
#: ``srcset`` list (a lazy loader swaps the ``data-*`` ones in).
ADDRESS_ATTRIBUTES = ("src", "poster", *LAZY_ATTRIBUTES)
SRCSET_ATTRIBUTES = ("srcset", "data-srcset", "data-lazy-srcset")


#: The attribute key a ``<noscript>``'s media are marked by (no HTML attribute has a space): the fallback a
#: browser with scripts off shows (a lazy loader's copy of its picture, with the address in ``src``).
NOSCRIPT_KEY = " noscript"
#: The attribute key an image inside an SVG (``<svg>``, ``<symbol>``, ``<defs>``) or an ``aria-hidden`` holder
#: is marked by (no HTML attribute has a space): hidden there, it is an icon sprite's, no published photo.
SPRITE_KEY = " sprite"
#: The elements an image inside which is a sprite's or an icon's.
_SPRITE_HOLDERS = frozenset({"svg", "symbol", "defs"})


def _in_a_sprite(node: LexborNode) -> bool:
    """Whether ``node`` stands inside an SVG (or is an SVG's ``<image>``) or an ``aria-hidden`` element."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html", "-document"):
        if current.tag in _SPRITE_HOLDERS or (current.attributes.get("aria-hidden") or "").strip().lower() == "true":
            return True
        current = current.parent
    return False


#: Its value for an embed's fallback (a chart's still picture beside its iframe): the embed's, no picture of its own.
EMBED_FALLBACK = "embed"


def _loads(attrs: dict[str, str | None]) -> bool:
    """Whether an element is counted as loading something itself (a ``src``, even empty, makes it an item)."""
    return "src" in attrs or any(attrs.get(name) for name in (*ADDRESS_ATTRIBUTES, *SRCSET_ATTRIBUTES))


def _empty_in_picture(node: LexborNode, attrs: dict[str, str | None]) -> bool:
    """Whether ``node`` is a ``<picture>``'s ``<img src="">`` with no other address, beside a ``<source
    srcset>``: the picture comes from the source, and the image, loading nothing, is no item of its own (the
    source is counted and placed as where the ``src`` attribute is left out)."""
    if (attrs.get("src") or "").strip() or any(attrs.get(name) for name in (*ADDRESS_ATTRIBUTES, *SRCSET_ATTRIBUTES)):
        return False
    parent = node.parent
    return parent is not None and parent.tag == "picture" and parent.css_first("source[srcset]") is not None


_MEDIA = ", ".join(
    [
        *(f"{tag}[{attribute}]" for tag, attribute in MEDIA_TAGS.items()),
        *(f"{tag}[src]" for tag in AMP_MEDIA_TAGS),
        "amp-img[srcset]:not([src])",  # AMP allows an image by its srcset alone
        "amp-anim[srcset]:not([src])",
        *(f"{tag}[{attribute}]" for tag, (attribute, _) in ELEMENT_EMBEDS.items()),
        "image[href]",  # an SVG's picture (its xlink:href too)
        "input[type=image i][src]",
        "drupal-media[data-entity-uuid]",
    ]
)
_SCRIPT_EMBED_NODES = ", ".join(f"{tag}.{name}" for name, (tag, _, _) in SCRIPT_EMBEDS.items())


#: An address in a CSS ``url()``, quoted or not.
#: The unquoted address stopping at a parenthesis and a quoted one at its quote, so that a scan is linear in the
#: text however many ``url(`` it holds ("url(" twenty thousand times over, unclosed): each try reads on only
#: to the next ``url(``. An address's length is not bounded: a photo pasted as a ``data:`` address is a megabyte.
_CSS_URL = re.compile(r"""url\(\s{0,64}(?:"([^"\n]*)"|'([^'\n]*)'|([^\s'"()]+))\s{0,64}\)""", re.IGNORECASE)


#: A CSS ``url(`` in any case (CSS's function names are blind to case: ``URL(...)`` loads as ``url(...)`` does).
CSS_URL_OPEN = re.compile(r"[uU][rR][lL]\(")
#: The same, or an ``image-set(`` (``-webkit-image-set(`` too), whose addresses may be quoted strings alone.
CSS_PICTURE_OPEN = re.compile(r"[uU][rR][lL]\(|[iI][mM][aA][gG][eE]-[sS][eE][tT]\(")
#: Outside an ``image-set()``: a ``url()`` (groups 1-3, as :data:`_CSS_URL`) or the opening of a set (group 4).
_PICTURE_OPEN = re.compile(
    r"""url\(\s{0,64}(?:"([^"\n]*)"|'([^'\n]*)'|([^\s'"()]+))\s{0,64}\)|((?:-webkit-)?image-set\()""", re.IGNORECASE
)
#: Inside an ``image-set()``: a ``url()`` (groups 1-3), a quoted address (4-5), or a parenthesis (6), each read
#: on only to its own end, so that a scan is linear in the text.
_IN_A_SET = re.compile(
    r"""url\(\s{0,64}(?:"([^"\n]*)"|'([^'\n]*)'|([^\s'"()]+))\s{0,64}\)|"([^"\n]*)"|'([^'\n]*)'|([()])""",
    re.IGNORECASE,
)


def css_pictures(css: str) -> Iterator[tuple[str, int, bool]]:
    """The pictures a stretch of CSS (a ``style`` attribute, a ``<style>`` block) sets, in order: each
    ``url()``'s address, and of an ``image-set()`` (``-webkit-image-set()``) its first candidate's, a ``url()``
    or a quoted address alone (``image-set("a.jpg" 1x, "a@2x.jpg" 2x)``: the others are the same picture at
    another resolution or in another type, and ``type("image/avif")``'s string is no address). Each with the
    index its address stands at, and whether it is a set's (always a picture, whatever its address's suffix).
    One pass over the text: a set is read to its closing parenthesis, however deep."""
    at = 0
    while (found := _PICTURE_OPEN.search(css, at)) is not None:
        at = found.end()
        if found.group(4) is None:
            group = 1 if found.group(1) is not None else 2 if found.group(2) is not None else 3
            yield found.group(group), found.start(group), False
            continue
        depth, taken = 1, False
        while depth and (token := _IN_A_SET.search(css, at)) is not None:
            at = token.end()
            if token.group(6) is not None:
                depth += 1 if token.group(6) == "(" else -1
            elif depth == 1 and not taken:
                group = next(index for index in range(1, 6) if token.group(index) is not None)
                yield token.group(group), token.start(group), True
                taken = True


#: The suffixes of an image file's address (what a ``url()`` in a ``<style>`` block counts as a picture by).
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".tif", ".tiff", ".heic", ".jxl", ".bmp")


def has_css_url(html: str) -> bool:
    """Whether ``html`` may hold a CSS ``url(`` in any case, or an ``image-set(`` in lower or upper case: plain
    finds rule most pages out before a search without case reads the page."""
    if "(" not in html:  # one character, found as memchr finds it: most pages have no parenthesis
        return False
    if ("l(" in html or "L(" in html) and CSS_URL_OPEN.search(html) is not None:
        return True
    return "image-set(" in html or "IMAGE-SET(" in html  # plain finds: a search without case costs ms a page


def address_path(address: str) -> str:
    """``address`` without its query and fragment, in lower case: what its file's suffix is read from."""
    return address.split("#", 1)[0].split("?", 1)[0].strip().lower()


def image_address(address: str) -> bool:
    """Whether ``address`` names an image file by its suffix (its query and fragment aside)."""
    return address_path(address).endswith(IMAGE_SUFFIXES)


#: The raster types a photo pasted into a page as a ``data:`` address is written in (an SVG is a drawn icon).
_DATA_PICTURE_TYPES = ("image/jpeg", "image/jpg", "image/png", "image/webp", "image/avif", "image/gif", "image/heic")
#: The fewest characters a ``data:`` picture's payload has to be a photo: a spacer is a few dozen (a 1x1 GIF is
#: 44 in base64), a blurred placeholder or a texture a few thousand, a photo pasted from a word processor tens.
_DATA_PICTURE_SIZE = 10_000


def data_picture(address: str, declarations: str = "") -> bool:
    """Whether a ``data:`` address set as a background holds a photo (a raster image of some size), not
    the inline placeholder, spacer or pattern a stylesheet holds the same way (a photo pasted from a word
    processor or a page builder's hero is written so). ``declarations``: the style it is set in, where a
    ``repeat`` tiles it (a texture; a photo is not repeated)."""
    kind = address[5:40].lstrip().lower()
    if not kind.startswith(_DATA_PICTURE_TYPES) or len(address) - address.find(",") <= _DATA_PICTURE_SIZE:
        return False
    return _TILED.search(declarations.lower().replace("no-repeat", "")) is None


#: A background tiled (``repeat``, ``repeat-x``, ``background-repeat: round``): a texture, not a photo.
_TILED = re.compile(r"(?<![\w-])repeat(?:-[xy])?(?![\w-])|background-repeat\s*:\s*(?:round|space)")


def _declarations_at(css: str, at: int) -> str:
    """The declarations of the CSS rule that ``at`` stands in (from its ``{`` to its ``}``)."""
    start = max(css.rfind("{", 0, at), css.rfind("}", 0, at)) + 1
    end = css.find("}", at)
    return css[start : end if end >= 0 else len(css)]


def _backgrounds(root: LexborNode) -> list[Media]:
    """Pictures set in an element's inline style as its background (WordPress's cover block, a hero image):
    on the page as an image is, so counted as one (``img``, its address the ``url()``'s)."""
    found, seen = [], set()
    for node in root.css('[style*="url(" i], [style*="image-set(" i]'):
        style = node.attributes.get("style") or ""
        if "background" not in style.lower() or node.mem_id in seen:  # one matching both selectors: once
            continue
        seen.add(node.mem_id)
        for address, _, _ in css_pictures(style):
            address = address.strip()
            if not address:
                continue
            # A data: picture under an <img> is its blurred placeholder (Gatsby's, Next's): the <img> is the photo.
            if address.lower().startswith("data:") and (
                not data_picture(address, style) or node.css_first("img, picture, video") is not None
            ):
                continue
            found.append(Media("img", address, {"style": style}, f"{node.tag} background"))
    return found


def _style_images(root: LexborNode) -> list[Media]:
    """Pictures a ``<style>`` block in the article sets (``.hero{background-image:url(harbour.jpg)}``, as a
    page builder writes one beside its element): each ``url()`` there whose address is an image file's
    (:func:`image_address`: not a font, nor an imported stylesheet) is on the page as an image is, so counted
    as one (``img``, its element written ``style``), whichever element the rule's selector picks out."""
    found = []
    for node in root.css("style"):
        css = node.text(deep=True)
        if CSS_PICTURE_OPEN.search(css) is None:
            continue
        for address, at, in_a_set in css_pictures(css):
            address = address.strip()
            if not address:
                continue
            if (
                data_picture(address, _declarations_at(css, at))
                if address.lower().startswith("data:")
                else in_a_set or image_address(address)
            ):
                found.append(Media("img", address, {}, "style"))
    return found


#: A ``<head>`` start tag (not a ``<header>``'s).
_HEAD_TAG = re.compile(r"<head[\s>/]")


def _fragment_head_images(tree: LexborHTMLParser, lowered: str) -> list[Media]:
    """:func:`_style_images` of a ``<style>`` block opening a fragment (a page builder's article, its styles
    first), which an HTML parser puts in ``<head>``: the article's, where no ``<head>`` or ``<html>`` is
    written (a whole page's head holds the site's own styles: its logo, its icons)."""
    head = tree.head
    if head is None or _HEAD_TAG.search(lowered) is not None or "<html" in lowered:
        return []
    return _style_images(head)


def _script_embed(node: LexborNode, attrs: dict[str, str | None]) -> Media:
    """A platform's embed code (:data:`SCRIPT_EMBEDS`) as the ``iframe`` of the address it names, its element
    written as ``blockquote class="instagram-media"`` (a message shows the embed code)."""
    classes = (attrs.get("class") or "").split()
    name = next(name for name in SCRIPT_EMBEDS if name in classes)
    tag, attribute, address = SCRIPT_EMBEDS[name]
    if attribute is None:
        link = next((a for a in node.css("a[href]") if "/status/" in (a.attributes.get("href") or "")), None)
        item = (link.attributes.get("href") or "") if link is not None else ""
    elif not attribute:  # the address as the block's first line of text
        words = node.text(deep=True, separator=" ").split()
        item = next((word for word in words if word.startswith(("https://", "http://"))), "")
    else:
        item = attrs.get(attribute) or ""
    item = item.strip()
    # What the item is named by, as written (a Hugo shortcode's call names a post by its id): where a finding stands.
    attrs[_EMBED_ITEM] = attrs.get(EMBED_WRITTEN) or item
    return Media("iframe", address.format(item) if item else "", attrs, f'{tag} class="{name}"')


#: The key under which a script embed's attributes keep what names its item (no HTML attribute has spaces).
_EMBED_ITEM = "embed item"
#: The attribute of an embed code written out from a Hugo shortcode that holds what the call names the post by.
EMBED_WRITTEN = "data-reprint-guard-item"


def embed_item(media: Media) -> str | None:
    """What an embed's item is named by, as written (an AMP embed's ``data-videoid``, an Instagram
    blockquote's permalink), or None: where a finding about it stands."""
    amp = ELEMENT_EMBEDS.get(media.element)
    if amp is not None:
        return media.attrs.get(amp[0])
    return media.attrs.get(_EMBED_ITEM) or media.attrs.get(EMBED_WRITTEN)  # a Hugo video's id, as its call has it


def _media(root: LexborNode, nodes: Iterable[LexborNode] | None = None, *, embeds: bool = True) -> list[Media]:
    """The media under ``root`` (``nodes``: those already found; ``embeds``: whether script embeds are looked
    for, False when the page can hold none)."""
    found = []
    if nodes is None:
        nodes = root.css(f"{_MEDIA}, {_SCRIPT_EMBED_NODES}" if embeds else _MEDIA)
    for node in nodes:
        attrs = dict(node.attributes)
        tag = node.tag or ""
        if tag in _SCRIPT_EMBED_TAGS:  # only a script embed's class finds one of these
            embed = _script_embed(node, attrs)
            if embed.src:  # one naming no post or chart loads nothing
                found.append(embed)
            continue
        embed = ELEMENT_EMBEDS.get(tag)
        if embed is not None:
            from urllib.parse import quote

            item = (attrs.get(embed[0]) or "").strip()
            address = embed[1].format(item if embed[1] == "{}" else quote(item, safe=""))
            found.append(Media("iframe", address, attrs, tag))
            continue
        if tag in IMAGE_ELEMENTS:  # a picture in another element: an img to a rule, written as it is
            src = attrs.get(IMAGE_ELEMENTS[tag]) if tag != "image" else attrs.get("href") or attrs.get("xlink:href")
            src = src or ""
            if tag == "image":
                attrs[SPRITE_KEY] = ""
            found.append(Media("img", src.strip(), attrs, tag))
            continue
        if tag == "img" and "src" in attrs and _empty_in_picture(node, attrs):
            continue  # its <picture>'s <source srcset> is the item (media_without_src)
        if tag == "img" and _in_a_sprite(node):
            attrs[SPRITE_KEY] = ""
        src = (attrs.get("data") if tag == "object" else attrs.get("src")) or ""
        if tag in _FRAMES and _shows_an_image(src, attrs):  # a photo loaded as a frame's document: an img
            found.append(Media("img", src.strip(), attrs, tag))
            continue
        found.append(Media(AMP_MEDIA_TAGS.get(tag, tag), src.strip(), attrs, tag if tag in AMP_MEDIA_TAGS else ""))
    return found


#: The elements that load a document of any kind: one whose document is an image file shows that picture.
_FRAMES = frozenset({"embed", "object", "iframe"})


def _shows_an_image(src: str, attrs: dict[str, str | None]) -> bool:
    """Whether an ``<embed>``, ``<object>`` or ``<iframe>`` loads an image file (``type="image/jpeg"``, or an
    address with an image's suffix, ``.jpg``): it shows that picture, as an ``<img>`` would (a chart's page
    is no image)."""
    kind = (attrs.get("type") or "").strip().lower()
    return kind.startswith("image/") or image_address(src)


def selector_problem(selector: str) -> str | None:
    """Why ``selector`` is no CSS selector Lexbor can use (None when it is one), to refuse it at load time."""
    from selectolax.lexbor import SelectolaxError

    if not selector.strip():
        return "an empty selector"
    try:
        LexborHTMLParser("<p></p>").css(selector)
    except SelectolaxError:
        return f"{selector!r} is not a CSS selector this tool can use"
    return None


def _skip(root: LexborNode, skip: tuple[str, ...] | None) -> list[tuple[str, str]]:
    """Remove the elements ``skip`` selects: parts of a whole page that are not the article (its menu,
    sidebar, footer), as the project config names them. One query per selector: joined into one list, a
    selector Lexbor reads leniently (an unclosed ``[x="a``) would swallow the ones after it. Returns each
    removed element's selector and text, so that a credit found only there is told why it does not count."""
    removed: list[tuple[str, str]] = []
    for selector in skip or ():
        for node in root.css(selector):
            removed.append((selector, node.text_lexbor() or ""))
            node.decompose()
    return removed


def _is_hidden(node: LexborNode) -> bool:
    """Whether a reader sees nothing of ``node`` (see :func:`_hidden_parts`)."""
    return _hidden_parts(node) is True


def _hidden_parts(
    node: LexborNode, searched: set[tuple[int, _Look]] | None = None, fading: dict[int, float] | None = None
) -> bool | list[LexborNode]:
    """What of ``node`` a reader does not see: all of it (True), nothing (False), or these parts of it (an
    element whose text does not show, but which holds an element that shows its own: see :func:`_shown_within`;
    the options a drop-down list does not show, a formula's annotations). ``searched`` and ``fading``: see
    :func:`_hidden_as_marked`."""
    parts = _hidden_as_marked(node, searched, fading)
    if node.tag == _LIST and parts is not True:
        return [*(parts or ()), *_unselected(node)] or False
    if node.tag == _FORMULA and parts is not True:
        return [*(parts or ()), *node.css(_UNRENDERED_MATH)] or False
    return parts


def _unselected(select: LexborNode) -> list[LexborNode]:
    """The options a drop-down list does not show: all but the one selected (the last marked so, else the first
    that may be chosen). A list box (``multiple``, a ``size`` of more than one) shows them all."""
    attrs = select.attributes
    size = (attrs.get("size") or "").strip()
    if "multiple" in attrs or (size.isdigit() and int(size) > 1):
        return []
    options = select.css("option")
    chosen = next((option for option in reversed(options) if "selected" in option.attributes), None)
    if chosen is None:
        chosen = next((option for option in options if "disabled" not in option.attributes), None)
    return [option for option in options if chosen is None or option.mem_id != chosen.mem_id]


def _hidden_as_marked(
    node: LexborNode, searched: set[tuple[int, _Look]] | None = None, fading: dict[int, float] | None = None
) -> bool | list[LexborNode]:
    """What of ``node`` its tag, attributes, classes and style hide (see :func:`_hidden_parts`).

    ``fading``: asked of a page's elements in document order, how much of each element shows through the
    opacities set on it and around it (see :func:`_faded_with`): each alone may show, together they fade out.

    ``searched``: the elements (with their look) that the parts out of sight were already looked for in and
    collected, by :func:`_shown_within` for an element around them. Of an element among them, in the look its
    own style gives it, none but those parts are out of sight, so none is given (an empty list): thousands of
    nested spans, each a font size of nothing inside one that shows again, are walked once, not each.
    """
    tag = node.tag
    if tag in _INVISIBLE_SET:
        return True
    if tag == "dialog" and "open" not in node.attributes:
        return True
    attrs = node.attributes
    if "hidden" in attrs or "popover" in attrs:  # a popover shows only once a script or a button opens it
        return True
    classes = attrs.get("class")
    if classes:
        names = classes.split()
        hiding = _HIDING_CLASS_SET.intersection(names)
        if (
            hiding
            and not (tag in _LOADED_ANYWAY and hiding <= _SIGHTLESS_CLASSES)
            and not any(_SHOWN_AT_A_WIDTH.match(name) for name in names)
        ):
            return True
    if tag == "svg" and _of_no_size(attrs):
        return True
    style = attrs.get("style")
    if not style:
        return False
    style = _read_style(style)
    if _says_hidden(style):
        return True
    if tag in _LOADED_ANYWAY:
        return False
    declared = _declarations(style)
    if _out_of_sight(style, declared):
        return True
    if fading is not None and ("opacity" in declared or "filter" in declared) and _faded_with(node, declared, fading):
        return True
    if tag in _UNTOUCHED_BY_LOOK or _OWN_LOOKS.isdisjoint(declared):
        return False
    look = _look(declared)
    if _readable(look):
        return False
    if searched is not None and (node.mem_id, look) in searched:
        return []  # found already, searching an element around it
    return _shown_within(node, look, searched)


def _faded_with(node: LexborNode, declared: dict[str, str], fading: dict[int, float]) -> bool:
    """Whether ``node``, of style ``declared``, is faded out (:data:`_FAINT`) with the elements around it:
    opacities multiply, so 0.1 inside 0.1 shows a hundredth. Each faded element's share is kept in ``fading``,
    and each element walked past is given its nearest one's, so each is walked once."""
    own = _opacity(declared)
    if own >= 1:
        return False
    walked = []
    parent, above = node.parent, 1.0
    while parent is not None:
        known = fading.get(parent.mem_id)
        if known is not None:
            above = known
            break
        walked.append(parent.mem_id)
        parent = parent.parent
    for mem_id in walked:
        fading[mem_id] = above
    shown = fading[node.mem_id] = round(own * above, 9)  # 0.1 times 0.2 is 0.02, not 0.020000000000000004
    return shown <= _FAINT


def _of_no_size(attrs: dict[str, str | None]) -> bool:
    """Whether an SVG is of no width or no height (by its attributes or its style): it clips what it holds,
    unless its style lets what overflows show."""
    width, height = attrs.get("width"), attrs.get("height")
    style = attrs.get("style")
    if not style and (width or "1")[0] in _NONZERO and (height or "1")[0] in _NONZERO:
        return False  # an icon's width="24" height="24": sized, read no further
    width, height = _size(width), _size(height)
    if style:
        declared = _declarations(_read_style(style))
        if declared.get("overflow", "").startswith("visible"):
            return False
        width = _size(declared["width"]) if "width" in declared else width
        height = _size(declared["height"]) if "height" in declared else height
    return (width is not None and width <= 0) or (height is not None and height <= 0)


#: The digits a size that is something starts with.
_NONZERO = frozenset("123456789")


class _Folded:
    """What closed ``<details>`` hold, kept as they are pruned: a click away, so their text is no visible
    credit, but on the page, so their media are published and a forbidden phrase there counts."""

    __slots__ = ("media", "pruned", "spoken", "texts")

    def __init__(self) -> None:
        self.texts: list[str] = []  # joined once: a page may fold thousands of pieces away
        self.spoken: list[str] = []  # what screen-reader-only elements hold
        self.media: list[Media] = []
        self.pruned = False  # whether anything was removed: if not, every medium found is shown


def _prune_invisible(
    root: LexborNode, folded: _Folded | None = None, *, classes: bool = True, rare: frozenset[str] | None = None
) -> frozenset[int]:
    """Remove what a reader never sees: invisible elements and hidden subtrees, outermost first.

    One selector list finds both kinds in one walk of the tree (not a walk per tag name, then
    one for the attributes); the head is outside the body and never read. Returns where code
    was removed (not article text, but a link around it is what a reader sees and clicks).
    """
    hidden, away_ids = _invisible(root, classes=classes, rare=rare)
    if not hidden:
        return frozenset()
    code_parents = set()
    if folded is not None:
        folded.pruned = True
    captions: dict[int, bool] = {}  # whether an element is or stands in a caption, as asked of each
    for node in _outermost(hidden):
        if folded is not None and node.mem_id in away_ids and not _is_hidden(node):  # folded away only
            if node.tag == "-text":
                folded.texts.append(node.text_content or "")
            else:
                folded.texts.append("\n" + node.text(deep=True, separator="") + "\n")
                folded.media += _media(node)  # the node itself too, when it is an image
        elif folded is not None and node.tag != "-text" and _spoken_only(node) and not _in_caption(node, captions):
            # Read out in its sentence ("Photo: <span class=sr-only>Reuters. All rights reserved.</span>" is a
            # photo's notice): with the words of the block around it that lead to it.
            spoken = node.text(deep=True, separator="")
            if spoken:
                spoken = _lead_to(node, _SPOKEN_LEAD) + spoken
            folded.spoken.append("\n" + spoken + "\n")
        if node.tag in ("code", "pre") and node.parent is not None:
            code_parents.add(node.parent.mem_id)  # outermost: nothing hidden holds it
        node.decompose()
    return frozenset(code_parents)


def _invisible(
    root: LexborNode, *, classes: bool = True, rare: frozenset[str] | None = None
) -> tuple[list[LexborNode], set[int]]:
    """What :func:`_prune_invisible` removes, found before anything is: the hidden elements and parts, in
    document order (an element before what it holds), and the ids of those only folded away."""
    if rare is None:  # every selector: the source was not looked at
        found = root.css(_PRUNED_WITH_CLASSES if classes else _PRUNED)
    else:
        found = root.css(_pruned_selector(rare, classes))
    hidden: list[LexborNode] = []
    away_ids: set[int] = set()
    if not found:
        return hidden, away_ids
    removed: set[int] = set()  # what is hidden, and the elements known to stand in one
    clear: set[int] = set()  # elements known to stand in none
    searched: set[tuple[int, _Look]] = set()  # see _hidden_as_marked
    fading: dict[int, float] = {}  # the same
    for node in found:  # in document order: an element before what it holds
        if _within(node, removed, clear):
            continue  # removed with an element around it: nothing in it is asked about
        parts = _hidden_parts(node, searched, fading)
        if parts is True:
            hidden.append(node)
            removed.add(node.mem_id)
            continue
        if parts:
            hidden += parts  # type: ignore[arg-type] - a list of them
            removed.update(part.mem_id for part in parts)  # type: ignore[union-attr] - a list of them
        if (node.tag == "details" and "open" not in node.attributes) or _closed_toggle(node):
            away = _folded_away(node)
            hidden += away
            away_ids.update(child.mem_id for child in away)
            removed.update(child.mem_id for child in away)
    return hidden, away_ids


def unseen_elements(
    html: str,
    *,
    raw: int = ANY_RAW_HTML,
    tables: bool = True,
    raw_blocks: bool = True,
    skip: tuple[str, ...] | None = None,
    classes: bool = True,
    **_: object,
) -> tuple[LexborHTMLParser, list[LexborNode]]:
    """The parse of ``html`` as :func:`with_media` parses it (the same options), and the outermost elements in
    it a reader does not see: those ``skip`` leaves out, and those :func:`_prune_invisible` removes (hidden,
    folded away, read out only). Nothing is removed: a caller tells them back to the source by their marks,
    to place a finding at the copy of its words a reader sees rather than at a hidden one before it."""
    lowered = lower(html) if raw == ANY_RAW_HTML or (raw == PLAIN_RAW_HTML and raw_blocks) else None
    source = _block_breaks(html, tables, raw_blocks, lowered, strays=raw != NO_RAW_HTML)
    tree = LexborHTMLParser(source, scripting=True)
    root = tree.body
    if root is None:  # pragma: no cover - lexbor always creates a body
        return tree, []
    left_out = [node for selector in skip or () for node in root.css(selector)]
    rare = _rare_in(lowered) if lowered is not None and raw == ANY_RAW_HTML else None
    hidden = _invisible(root, classes=classes, rare=rare)[0] if rare is not None else []
    return tree, _outermost([*left_out, *hidden])


def _within(node: LexborNode, removed: set[int], clear: set[int]) -> bool:
    """Whether ``node`` is or stands in an element of ``removed`` (what is hidden so far), to be removed with it:
    what is hidden, or known to stand in what is, is in ``removed``, what is known not to in ``clear``.

    Asked of elements in document order, each after the elements around it were
    added: an element's answer holds for the rest of the walk, and each ancestor
    is walked once, not once for each of thousands of spans deep in a page.
    """
    return node.mem_id in removed or _stands_in(node.parent, removed, clear)


def _stands_in(start: LexborNode | None, marked: set[int], clear: set[int]) -> bool:
    """Whether ``start`` or an element around it is in ``marked``; what the walk passes is added to ``marked``
    (it stands in one) or to ``clear`` (it does not), so each ancestor is walked once over many questions."""
    walked = []
    parent = start
    while parent is not None and parent.mem_id not in marked and parent.mem_id not in clear:
        walked.append(parent.mem_id)
        parent = parent.parent
    if parent is not None and parent.mem_id in marked:
        marked.update(walked)
        return True
    clear.update(walked)
    return False


#: How much of the block before a screen-reader-only element is read with it (its sentence's start).
_SPOKEN_LEAD = 160


#: How many nodes before a screen-reader-only element are read for its lead, at most: a few dozen words hold
#: the lead's characters, and thousands of empty elements before each of thousands of spans cost no more.
_LEAD_NODES = 200


def _lead_to(node: LexborNode, size: int) -> str:
    """The last ``size`` characters of the text before ``node`` in its parent, read backwards node by node (not
    the parent's whole text for each element of a paragraph of thousands)."""
    parts: list[str] = []
    have = 0
    stop = node.parent
    current: LexborNode | None = node
    for _ in range(_LEAD_NODES):
        if current is None or have >= size:
            break
        before = current.prev
        if before is None:  # out of an element: on before it, unless it is the parent
            current = current.parent
            if current is None or stop is None or current.mem_id == stop.mem_id:
                break
            continue
        current = before
        while current.last_child is not None:  # into it, from its end
            current = current.last_child
        if current.is_text_node:
            text = current.text_content or ""
            parts.append(text)
            have += len(text)
    lead = "".join(reversed(parts))
    return lead[max(0, len(lead) - size) :]


def _in_caption(node: LexborNode, known: dict[int, bool]) -> bool:
    """Whether ``node`` stands in a picture's caption (:data:`CAPTIONS`): what it says is the picture's.

    ``known``: the answer for each element already walked past (each one's
    answer is its parent's, or yes), so thousands of spans deep in a page walk
    up its nesting once, not once each.
    """
    walked = []
    parent = node.parent
    found = False
    while parent is not None:
        mem_id = parent.mem_id
        if mem_id in known:
            found = known[mem_id]
            break
        walked.append(mem_id)
        classes = parent.attributes.get("class") or ""
        if parent.tag == "figcaption" or "wp-caption-text" in classes or CAPTION_CLASS in classes:
            found = True
            break
        parent = parent.parent
    for mem_id in walked:
        known[mem_id] = found
    return found


def _spoken_only(node: LexborNode) -> bool:
    """Whether ``node`` is out of sight by a screen-reader-only class alone (``sr-only``): read out."""
    attrs = node.attributes
    names = set((attrs.get("class") or "").split())
    if names.isdisjoint(_SPOKEN_CLASSES) or not names.isdisjoint(_HIDING_CLASS_SET - _SPOKEN_CLASSES):
        return False
    if node.tag in _INVISIBLE_SET or node.tag == "dialog" or "hidden" in attrs or "popover" in attrs:
        return False
    style = attrs.get("style") or ""
    return not style or not _says_hidden(_read_style(style))


def _folded_away(details: LexborNode) -> list[LexborNode]:
    """What a closed ``<details>`` does not show: everything in it but its first ``<summary>``; of a closed
    Ghost toggle card, its content."""
    if details.tag != "details":  # the card's own content: a child of it, as Ghost renders the card
        return [
            child for child in details.iter() if "kg-toggle-content" in (child.attributes.get("class") or "").split()
        ]
    children = list(details.iter(include_text=True))
    summary = next((child for child in children if child.tag == "summary"), None)
    return [child for child in children if summary is None or child.mem_id != summary.mem_id]


def _closed_toggle(node: LexborNode) -> bool:
    """Whether ``node`` is a Ghost toggle card left closed (the state Ghost renders it in, as its script and
    stylesheet compare it: exactly)."""
    return node.attributes.get(_CLOSED_TOGGLE_STATE) == "close"


def _outermost(hidden: list[LexborNode]) -> list[LexborNode]:
    """The hidden elements that no other hidden element contains (decided before any is removed).

    Each ancestor is walked once: the answer for it (inside a hidden element or
    not) is remembered, so thousands of hidden elements deep in a page cost no
    more than the page's size.
    """
    inside = {node.mem_id for node in hidden}  # hidden, or within a hidden element
    clear: set[int] = set()  # known not to be within one
    outermost = []
    taken: set[int] = set()
    for node in hidden:
        if node.mem_id in taken:
            continue  # given twice (a text two elements both leave out): removed once
        if not _stands_in(node.parent, inside, clear):
            outermost.append(node)
            taken.add(node.mem_id)
    return outermost


#: Elements a browser shows on lines (or in cells) of their own, and the line break: their text never runs
#: on into their neighbours' (HTML's rendering section: display block, list-item, table parts).
_BLOCKS = (  # noqa: SIM905 - a list of fifty names reads better as words
    "address article aside blockquote br caption center dd details dialog dir div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li listing main menu nav ol p plaintext pre "
    "search section summary table tbody td tfoot th thead tr ul xmp"
    " sup sub"  # not blocks, but a note mark shows apart: "Lindqvist<sup>2</sup>" is not the word "Lindqvist2"
).split()
#: A letter or digit (what :meth:`VisibleBody.block_edge` looks for on either side of an edge).
_WORD_CHAR = re.compile(r"[^\W_]")
#: How many matches :meth:`VisibleBody.block_edge` answers by counting their copies (each a read of the whole
#: text) before it works out where the blocks part, once, and looks each one after up there.
_ASKED_BY_COUNT = 8
#: The elements whose edges part a page's text into blocks for what must stand in one (a phrase, a name): all
#: of them but a line break, which a paragraph's lines read across, and a note mark.
_PARTING = frozenset(_BLOCKS) - {"br", "sup", "sub"}


def _trie(names: list[str]) -> str:
    """``names`` as one regex branching letter by letter, either case (``[pP]``): at each "<" the parser
    tries a letter or two, not every name in turn (a third of the time of a plain, case-blind alternation)."""
    branches: dict[str, list[str]] = {}
    for name in names:
        branches.setdefault(name[0], []).append(name[1:])
    parts = []
    for letter, rests in sorted(branches.items()):
        head = f"[{letter.lower()}{letter.upper()}]" if letter.isalpha() else re.escape(letter)
        longer = [rest for rest in rests if rest]
        tail = f"(?:{_trie(longer)})" + ("?" if "" in rests else "") if longer else ""
        parts.append(head + tail)
    return "|".join(parts)


@lru_cache(maxsize=1)
def _block_tag() -> re.Pattern[str]:
    """Where a block's start or end tag begins (compiled on first use: only pages with raw HTML need it)."""
    return re.compile(rf"<(?=/?(?:{_trie(_BLOCKS)})[\t\n\f\r />])")


def markdown_joins(markdown: str) -> bool:
    """Whether the rendering of ``markdown`` may run two blocks' text together without line breaks put in:
    a raw block tag touching text on both sides (:func:`raw_blocks_touch`), or a footnote mark, which
    renders a ``<sup>`` right after a word."""
    return ("<" in markdown and raw_blocks_touch(markdown)) or ("^" in markdown and "[^" in markdown)


def markdown_block_edges(markdown: str) -> tuple[bool, bool]:
    """:func:`markdown_joins`, and whether every block's edge in the rendering's text stands at a line break
    (as :func:`with_media`'s ``lined``): so unless raw HTML writes a block's tag inline, with spaces but no
    line break on either side (``<p>a</p> <p>b</p>``). One look at the raw tags for both."""
    notes = "^" in markdown and "[^" in markdown
    if "<" not in markdown:
        return notes, True
    touch, inline = _raw_block_sides(markdown)
    joins = touch or notes
    return joins, joins or not inline


def raw_blocks_touch(markdown: str) -> bool:
    """Whether a raw block tag in Markdown stands between non-white-space on both sides (``a</p><p>b``,
    ``line<br>next``), where the rendering's text would run on from one block into the next.

    Markdown passes raw HTML through as written and ends each block it renders
    itself with a line break, so only such a tag can join two blocks' text; a
    tag with a line break or space on either side (the usual pasted block) cannot.
    A tag whose end is unclear counts as touching.
    """
    return _raw_block_sides(markdown)[0]


def _raw_block_sides(markdown: str) -> tuple[bool, bool]:
    """Whether a raw block tag in ``markdown`` touches text on both sides (:func:`raw_blocks_touch`; then
    (True, True) at once), and whether one that parts blocks (:data:`_PARTING`) has a space but no line break
    on either side, where a block's edge is at no line break of the text."""
    block_tag = _block_tag()
    inline = False
    for index in find_all(markdown, "<"):  # str.find: a few times faster than a regex's scan
        if block_tag.match(markdown, index) is None:
            continue
        well_formed = _WELL_FORMED_TAG.match(markdown, index)  # its quoted values may hold '>'
        close = well_formed.end() - 1 if well_formed is not None else markdown.find(">", index)
        if close < 0 or (well_formed is None and ('"' in markdown[index:close] or "'" in markdown[index:close])):
            return True, True  # where a tag with a quoted value ends is not sure from here
        before = markdown[index - 1] if index else " "
        after = markdown[close + 1] if close + 1 < len(markdown) else " "
        if not before.isspace() and not after.isspace():
            return True, True
        if not inline and not _at_a_line_break(markdown, index, close):
            name = _TAG_NAME.match(markdown, index)
            inline = name is None or name.group(1).lower() in _PARTING
    return False, inline


#: A tag's name, after its "<" (and the "/" of an end tag).
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def _at_a_line_break(markdown: str, start: int, close: int) -> bool:
    """Whether the tag ``markdown[start:close + 1]`` has a line break (or the text's start or end) among the
    spaces before or after it."""
    at = start - 1
    while at >= 0 and markdown[at] in " \t":
        at -= 1
    if at < 0 or markdown[at] in "\r\n":
        return True
    at, size = close + 1, len(markdown)
    while at < size and markdown[at] in " \t":
        at += 1
    return at >= size or markdown[at] in "\r\n"


@lru_cache(maxsize=1)
def _end_then_text() -> re.Pattern[str]:
    """A block's end tag with text right after it (in a page's source in lower case), where a stray one, which
    the parser drops, would have its line break part two words (compiled on first use). ``</p>`` and ``</br>``
    make an element when stray; ``</sup>`` and ``</sub>``, followed by text in every page with a note mark,
    are left out: the guard is one search of the page, the model of its tags a walk in Python."""
    names = [name for name in _BLOCKS if name not in ("p", "br", "sup", "sub")]
    return re.compile(rf"</(?:{_trie(names).lower()})(?:[\t\n\f\r /][^<>]*)?>[^\t\n\f\r <]")


def _block_breaks(
    html: str, tables: bool = True, raw_blocks: bool = True, lowered: str | None = None, *, strays: bool = True
) -> str:
    """``html`` with a line break before every start and end tag of a block, so that its text stands apart.

    A page's text is its text nodes joined as they are: inline elements (a
    bold name, a link) do not split words, blocks do. Markdown's renderer puts
    a line break after each block but a table cell; raw HTML may have none
    (``<div>a</div><div>b</div>``). The parser treats the line breaks as it
    treats those real pages have between blocks: in misnested markup they may
    re-open a formatting element a little earlier (a hidden ``<b>`` left open
    then wraps a little more), so they can hide more, never less.

    A stray end tag, which the parser drops (``<p>a</div>b</p>``), gets none: a
    browser reads "ab" there. Only a page where a block's end tag has text right
    after it (``lowered``: the page in lower case, when made already) is modelled
    for them (:func:`~reprint_guard.htmldepth.dropped_end_tags`); ``strays``: False
    where none can be (Markdown's rendering without raw HTML).
    """
    if not raw_blocks:  # ``raw_blocks``: see :func:`raw_blocks_touch`
        if tables and "</t" in html:  # ``tables``: False when the Markdown has no "|", so no table
            html = html.replace("</td>", "</td>\n").replace("</th>", "</th>\n")
        return html
    if strays and _end_then_text().search(lower(html) if lowered is None else lowered) is not None:
        dropped = dropped_end_tags(html)
        if dropped:
            return _block_tag().sub(lambda found: "<" if found.start() in dropped else "\n<", html)
    return _block_tag().sub("\n<", html)


#: A ``<noscript>`` start tag.
_NOSCRIPT = re.compile(r"<noscript(?=[\t\n\f\r />])", re.IGNORECASE | re.ASCII)
#: A ``<script`` or ``<SCRIPT`` in a page (the two plain finds read the page twice: 6.5 µs beside 2.7 µs).
_SCRIPT_OPEN = re.compile("<(?:script|SCRIPT)")


def _noscript_fallbacks(root: LexborNode, embeds: list[bool] | None = None) -> list[LexborNode]:
    """The content of each ``<noscript>`` under ``root`` (parsed with scripting on: one text node), parsed as
    the markup it is. ``embeds``, when given, gets for each whether it is an embed's fallback
    (:func:`_an_embeds_fallback`)."""
    found = []
    for node in root.css("noscript"):
        fallback = LexborHTMLParser(node.text(deep=True)).root
        if fallback is not None:
            found.append(fallback)
            if embeds is not None:
                embeds.append(_an_embeds_fallback(node))
    return found


#: The elements and embed codes a ``<noscript>`` beside or inside them is the fallback of (a chart's, a
#: video's or a post's still picture, shown where the script that builds it does not run).
_EMBEDDING = frozenset({"iframe", "embed", "object", "video", "audio", *ELEMENT_EMBEDS})


def _an_embeds_fallback(noscript: LexborNode) -> bool:
    """Whether a ``<noscript>`` stands for an embed (Datawrapper's chart iframe and its ``<noscript>`` still,
    Flourish's embed code holding one): inside a platform's embed code, or after such an element with at most
    its script between. Its picture is the embed's, which a rule counts or not as the embed (a chart is no
    photo), not a photo of its own."""
    parent = noscript.parent
    if parent is not None and parent.tag in _SCRIPT_EMBED_TAGS:
        classes = (parent.attributes.get("class") or "").split()
        if any(name in SCRIPT_EMBEDS for name in classes):
            return True
    before = noscript.prev
    for _ in range(6):  # white space, the embed's script, and the element
        if before is None:
            return False
        if before.tag in _EMBEDDING:
            return True
        if before.tag not in ("-text", "script", "br"):
            return False
        before = before.prev
    return False


def from_html(
    html: str,
    *,
    bare_urls: bool = True,
    raw: int = ANY_RAW_HTML,
    tables: bool = True,
    raw_blocks: bool = True,
    skip: tuple[str, ...] | None = None,
    tags: frozenset[str] | None = None,
    linkable: Callable[[str], bool] | None = None,
    classes: bool = True,
    lined: bool | None = None,
) -> VisibleBody:
    """Parse HTML (a fragment or a whole page) and keep what a reader sees (``raw``: see :func:`with_media`)."""
    visible, _ = with_media(
        html,
        lined=lined,
        classes=classes,
        bare_urls=bare_urls,
        media=False,
        raw=raw,
        tables=tables,
        raw_blocks=raw_blocks,
        skip=skip,
        tags=tags,
        linkable=linkable,
    )
    return visible


def with_media(
    html: str,
    *,
    bare_urls: bool = True,
    media: bool = True,
    raw: int = ANY_RAW_HTML,
    tables: bool = True,
    raw_blocks: bool = True,
    skip: tuple[str, ...] | None = None,
    tags: frozenset[str] | None = None,
    linkable: Callable[[str], bool] | None = None,
    classes: bool = True,
    lined: bool | None = None,
) -> tuple[VisibleBody, tuple[list[Media], list[Media]]]:
    """One parse for both: what a reader sees, and the (visible, hidden) media.

    ``raw``: for HTML rendered from Markdown, what :func:`raw_html` says of the
    Markdown's own HTML. Unless it may hide something, nothing in the page is
    hidden but code, removed by tag name (a walk by tag name costs a fraction
    of a selector's); without raw HTML, the only media are Markdown's images.
    ``skip``: a CSS selector list of elements that are not the article (see :func:`_skip`).
    ``tags``: with plain raw HTML, the names of the tags it starts (see :func:`raw_html_tags`).
    ``linkable``: whether a bare URL is linked where it is written (see :class:`VisibleBody`).
    ``classes``: whether the page may hold an element of a hiding class (:data:`HIDING_CLASSES`); a
    Markdown body's raw HTML tells (:func:`names_hiding_class`), a page is asked of them.
    ``lined``: whether every block's edge in the text stands at a line break (see
    :meth:`VisibleBody.block_edge`), when a Markdown body's raw HTML tells (:func:`markdown_block_edges`); None:
    so where a line break is put before every block tag, or there is no raw HTML, or none of a block.
    """
    # The page in lower case, made once where something is looked for in it: a block's end tag before text
    # (:func:`_block_breaks`), a <base>, the rare selectors.
    lowered = lower(html) if raw == ANY_RAW_HTML or (raw == PLAIN_RAW_HTML and (raw_blocks or tags is None)) else None
    source = _block_breaks(html, tables, raw_blocks, lowered, strays=raw != NO_RAW_HTML)
    # Parsed as a browser that runs scripts parses it: a <noscript> holds text no reader sees. Parsed as one
    # that runs none (Lexbor's default), its content is markup, which a <noscript> in <head> (or opening a
    # fragment), or a block in one inside a paragraph, puts in the body: a credit there was counted.
    tree = LexborHTMLParser(source, scripting=True)
    root = tree.body
    if root is None:  # pragma: no cover - lexbor always creates a body
        return VisibleBody(""), ([], [])
    # A page's <base href>, which its relative links lead from: looked for in the tree only where the source
    # writes one (a Markdown body's raw HTML names its tags; a page's source, lowered once, is searched).
    if raw == NO_RAW_HTML:
        may_base = False
    elif raw == PLAIN_RAW_HTML and tags is not None:
        may_base = "base" in tags
    else:
        may_base = "<base" in lowered  # type: ignore[operator] - made above for such a page
    base = _base_of(tree) if may_base else None
    # What the <noscript>s hold, each parsed as the markup it is: never shown nor loaded, it is told as such
    # (a pixel there is hidden, a script there never runs).
    embedded: list[bool] = []  # for each, whether it is an embed's fallback
    # The scripts a page loads, read before anything is pruned or skipped (a script runs wherever it stands,
    # in a site footer left out as no part of the article too): asked of a page with a tracking script's rule,
    # and found here in the one parse rather than in a second. A Markdown body whose raw HTML hides nothing
    # starts no <script> nor <noscript> (both are among the tags that make it "any"): none is looked for.
    scripts: tuple[list[Media], list[Media]] | None
    if raw != ANY_RAW_HTML:
        fallbacks: list[LexborNode] = []
        scripts = ([], [])
    else:
        fallbacks = _noscript_fallbacks(tree.root, embedded) if _NOSCRIPT.search(source) else []  # type: ignore[arg-type]
        scripts = _scripts_under(tree.root, fallbacks) if _SCRIPT_OPEN.search(html) else None  # type: ignore[arg-type]
    skipped = _skip(root, skip) if skip else []
    # A picture set as an element's background (a cover block): only raw HTML writes a style.
    backgrounds = (
        media
        and raw != NO_RAW_HTML
        and (("url(" in lowered or "image-set(" in lowered) if lowered is not None else has_css_url(html))
    )
    # A picture a <style> block in the article sets: read before the block is pruned (no reader sees its text).
    styled = (
        _style_images(root) + _fragment_head_images(tree, lowered if lowered is not None else lower(html))
        if backgrounds
        and (raw == ANY_RAW_HTML or tags is None or "style" in tags)
        and ("<style" in lowered if lowered is not None else "<style" in html or "<STYLE" in html)
        else []
    )
    # Script embeds are raw HTML: Markdown's own blockquotes have no class.
    embeds = media and (
        raw == ANY_RAW_HTML or (raw != NO_RAW_HTML and (tags is None or not tags.isdisjoint(_SCRIPT_EMBED_TAGS)))
    )
    if raw == ANY_RAW_HTML:
        everything = _media(root, embeds=embeds) + (_backgrounds(root) if backgrounds else []) + styled if media else []
        # A <noscript>'s media (one opening a fragment stands in <head>): there, and never loaded.
        unloaded = []
        for fallback, embed_s in zip(fallbacks, embedded, strict=True) if media else ():
            for item in _media(fallback, embeds=embeds):
                # Shown where scripts are off: a media rule may count it, not an embed's still (the embed counts).
                item.attrs[NOSCRIPT_KEY] = EMBED_FALLBACK if embed_s else ""
                unloaded.append(item)
        folded = _Folded()
        code_parents = _prune_invisible(root, folded, classes=classes, rare=_rare_in(lowered))  # type: ignore[arg-type]
        only_images = False
    else:
        unloaded = []
        only_images = raw == NO_RAW_HTML or (tags is not None and tags.isdisjoint(_OTHER_MEDIA_TAGS) and not embeds)
        images = (img for img in tree.tags("img") if "src" in img.attributes) if only_images else None
        everything = (
            _media(root, images, embeds=embeds) + (_backgrounds(root) if backgrounds else []) + styled if media else []
        )
        parents = set()
        for name in ("pre", "code"):
            # Innermost last in document order, so removed first: "<code>`x`</code>" in Markdown renders one code
            # inside another, and the outer one's removal would take the inner one from under the loop.
            for node in reversed(tree.tags(name)):
                parents.add(node.parent.mem_id)  # type: ignore[union-attr] - code in a body has a parent
                node.decompose()
        code_parents = frozenset(parents)
        folded = None
    # Text nodes are joined as they stand: "<strong>Al Ng</strong>," reads "Al Ng,", as on screen. Lexbor's
    # own textContent gives what text(deep=True, separator="") gives, in a third of the time (one C call,
    # not a callback per text node).
    visible = VisibleBody(
        root.text_lexbor(),
        tree=tree,
        bare_urls=bare_urls,
        code_parents=code_parents,
        linkable=linkable,
        base=base,
        # A block's edge is at a line break: put there before every block tag, or by Markdown after each block
        # it renders; raw HTML left as written may put one inline ("<p>a</p> <p>b</p>").
        lined=raw_blocks
        or raw == NO_RAW_HTML
        or (lined if lined is not None else tags is not None and tags.isdisjoint(_PARTING)),
    )
    visible.scripts = scripts
    visible.unseen = bool(skipped) or (folded is not None and folded.pruned)
    if skipped:
        visible.skipped_away = skipped
    if folded is not None and folded.texts:
        visible.folded_away = "".join(folded.texts)
    if folded is not None and folded.spoken:
        visible.spoken_away = "".join(folded.spoken)
    if not everything:
        return visible, ([], unloaded)
    if raw == NO_RAW_HTML or (not code_parents and (folded is None or not folded.pruned)):
        # nothing removed (Markdown puts no image in code): all are shown
        return visible, (everything, _not_among(unloaded, everything))
    # What is left once code is gone: with images the only media, found again by tag name, as at first.
    again = (img for img in tree.tags("img") if "src" in img.attributes) if only_images else None
    shown = (
        _media(root, again, embeds=embeds)
        + (_backgrounds(root) if backgrounds else [])
        + styled
        + (folded.media if folded is not None else [])
    )
    return visible, (shown, _not_among([*everything, *unloaded], shown))


def _not_among(media: list[Media], shown: list[Media]) -> list[Media]:
    """The items of ``media`` that ``shown`` does not hold (by tag and address)."""
    keys = {(m.tag, m.src) for m in shown}
    return [m for m in media if (m.tag, m.src) not in keys]


#: A start tag as the HTML tokenizer reads one: ``<``, a letter and the rest of its name. An autolink
#: (``<https://...>``) is read as one too: inside a raw HTML block, Markdown passes it through as it is,
#: and the parser reads a tag ``<https:`` whose attributes are the URL's path segments.
_RAW_TAG = re.compile(r"<([A-Za-z][^\t\n\f\r />]*)")
#: A start tag as CommonMark writes one (names, then values unquoted or quoted within the line): where a
#: tag holds a quote, only this form is sure to end where the parser ends it. A quote left open would
#: run on, past the line, into the quotes the renderer writes (``href="..."``).
_WELL_FORMED_TAG = re.compile(
    r"""<[A-Za-z][A-Za-z0-9-]*(?:[\t\f ]+[A-Za-z_:][A-Za-z0-9_.:-]*"""
    r"""(?:[\t\f ]*=[\t\f ]*(?:[^"'=<>`\t\n\f\r ]+|'[^'\n\r]*'|"[^"\n\r]*"))?)*[\t\f ]*/?>"""
)
#: A tag saying "hidden" anywhere (or another hiding class's name) rules the quick path out; one saying
#: "style" only when its style may hide.
#: Parts of those words, each class's name holding one ("hid": hidden, hide, visually-hidden; "invisible"):
#: a few substring tests cost less than a regex's scan of every tag.
_HIDING_WORDS = ("hid", "invisible", "d-none", "sr-only", "screen-reader", "show-for-sr", "toggle-state")
#: Attributes whose quoted value hides nothing, whatever it says: an address ("/the-hidden-costs-of-nato/") or
#: words for a reader ("Hidden costs").
_NEUTRAL_VALUE = re.compile(r"""\s(?:href|src|alt|title)\s*=\s*(?:"[^"]*"|'[^']*')""")


def _says_hiding(tag: str) -> bool:
    """Whether a start tag (lower case) says "hidden" or another hiding class's name (:data:`_HIDING_WORDS`)
    outside an address or a reader's words (:data:`_NEUTRAL_VALUE`): a link to an article about hidden costs
    hides nothing."""
    if not any(part in tag for part in _HIDING_WORDS):
        return False
    rest = _NEUTRAL_VALUE.sub(" ", tag)
    return any(part in rest for part in _HIDING_WORDS)


#: Start tags that rule the quick path out: invisible elements, an SVG (of no size, it hides what it holds), a
#: drop-down list (it shows one option), a formula (its annotations), and a frameset (it replaces the body, so
#: the body read is no longer in the document that a search by tag name walks). Code is not among them: the
#: quick path removes every <code> and <pre> by tag name, Markdown's own and raw HTML's alike (a credit's
#: address pasted as "<code>https://...</code>" took the slow path, three times the cost).
_PRUNED_OR_REPLACING = frozenset([*_INVISIBLE_TAGS, "dialog", "details", "frameset", "svg", _LIST, _FORMULA]) - {
    "code",
    "pre",
}


def names_hiding_class(markdown: str) -> bool:
    """Whether a raw HTML tag of a Markdown body may give an element a hiding class (:data:`HIDING_CLASSES`):
    the only way its rendering holds one. Its tags are few: each is read on its own."""
    for index in find_all(markdown, "<"):
        tag = markdown[index : index + _TAG_READ].lower()
        close = tag.find(">")
        tag = tag if close < 0 else tag[:close]
        if "class" in tag and any(part in tag for part in _HIDING_WORDS):
            return True
    return False


#: How much of a raw tag :func:`names_hiding_class` reads (a longer one: its start, up to its class, mostly).
_TAG_READ = 2000


def raw_html(markdown: str) -> int:
    """What the raw HTML in a Markdown body may do: :data:`NO_RAW_HTML`, :data:`PLAIN_RAW_HTML` or
    :data:`ANY_RAW_HTML` (see :func:`raw_html_tags`)."""
    return raw_html_tags(markdown)[0]


def raw_html_tags(markdown: str) -> tuple[int, frozenset[str]]:
    """What the raw HTML in a Markdown body may do, and the names of the tags it starts (lower case; and
    :data:`CLASSED` when one of them may have a class).

    Only a ``<`` and a letter starts an element (a comment, ``</p>`` or
    ``<!DOCTYPE`` makes none with attributes); an autolink counts as one. A start tag hides nothing when
    it is not an invisible element, ends on its own line (Markdown passes it
    through as written; across lines, a blockquote's ``>`` or a blank line
    could change where it ends), is well formed if it holds a quote (an
    open quote runs on into the renderer's own ``href="..."``), says
    "hidden" (or another of :data:`HIDING_CLASSES`) nowhere, in any case, and has no style that may hide
    it (:func:`_style_may_hide`). Tags in
    code spans are read too: the answer may be "any" for nothing, never "plain" wrongly. The names tell
    which media elements the page can hold (the parser makes ``<image>`` an ``<img>``; Markdown's own
    images are ``<img>``): with no other, they are found by tag name, not by a selector.
    """
    verdict = NO_RAW_HTML
    names: set[str] = set()
    # A comment or a closing tag is passed over: only a "<" and a letter is a match (the "<" alone, so a "<"
    # inside a tag is read too: a code span may have made the tag text).
    for index in find_all(markdown, "<"):  # str.find: a few times faster than a regex's scan
        if not (after := markdown[index + 1 : index + 2]).isascii() or not after.isalpha():
            continue  # a comment, a closing tag or a lone "<": no element starts there
        text = _start_tag(markdown, index)
        if text is None:
            return ANY_RAW_HTML, frozenset()
        lowered = text.lower()
        name = _RAW_TAG.match(lowered).group(1)  # type: ignore[union-attr]
        if name in _PRUNED_OR_REPLACING or _says_hiding(lowered) or _style_may_hide(lowered) or "popover" in lowered:
            return ANY_RAW_HTML, frozenset()
        names.add(name)
        if "class" in lowered:
            names.add(CLASSED)
        verdict = PLAIN_RAW_HTML
    return verdict, frozenset(names)


def _style_may_hide(tag: str) -> bool:
    """Whether a start tag (lower case) may hold a style that hides it, as :func:`_is_hidden` reads styles.

    A tracking pixel's ``style="border: none; max-width: 1px"`` hides nothing.
    The tag's text holds its attributes' values as written, so a hiding style
    is found in it, unless a character reference (``display&#58;none``), a
    CSS comment or a CSS escape (``d\\69splay``) stands in the way: then it may hide.
    """
    if "style" not in tag:
        return False
    if "&" in tag or "/*" in tag or "\\" in tag:
        return True
    return _says_hidden(tag) or _sightless(tag) or ("opacity" in tag and _opacity(_declarations(tag)) < 1)


def _start_tag(markdown: str, index: int) -> str | None:
    """The start tag at ``index`` as the parser will read it, or None when that is not sure from its line.

    A well-formed tag (the usual ``<a href="...">``) ends where it seems to. Any
    other ends where the tokenizer ends it, provided that holds no quote and no line break.
    """
    well_formed = _WELL_FORMED_TAG.match(markdown, index)
    if well_formed is not None:
        return well_formed.group(0)
    name = _RAW_TAG.match(markdown, index)
    rest = TAG_REST.match(markdown, name.end()) if name is not None else None
    if rest is None:
        return None
    text = markdown[index : rest.end()]
    if "\n" in text or "\r" in text or '"' in text or "'" in text:
        return None
    return text


def from_text(text: str, *, bare_urls: bool = True) -> VisibleBody:
    """Plain text: all of it is visible; bare URLs count as links when enabled."""
    links = find_bare_urls(text, set) if bare_urls else []
    return VisibleBody(text, links, [])


def find_bare_urls(
    text: str, anchor_texts: Callable[[], set[str]], linkable: Callable[[str], bool] | None = None
) -> list[str]:
    """GFM extended autolinks in visible text; only positions where "http" or "www." start are tried.

    ``anchor_texts`` gives the texts of the real links, asked for only when a URL is found; ``linkable``,
    whether the renderer links one where it is written (a URL only in a raw HTML block is text), likewise.
    """
    found: list[str] = []
    texts: set[str] | None = None
    starts = sorted({*find_all(text, "http"), *find_all(text, "www.")})
    end = -1
    for start in starts:
        if start < end:
            continue
        match = BARE_URL.match(text, start)
        if match is None:
            continue
        end = match.end()
        url = match.group(0)
        if texts is None:
            texts = anchor_texts()
        if url in texts:
            continue  # the text of a real link: its href is what counts
        if linkable is not None and not linkable(url):
            continue  # in a raw HTML block of the Markdown: passed through as text, not linked
        found.append(url if "://" in url else "http://" + url)
    return found


_MEDIA_TAG = re.compile(
    r"<(?:img|image|input|video|audio|iframe|embed|object|source|amp-(?:img|anim|video|audio|iframe|youtube|vimeo|dailymotion"
    r"|instagram|twitter|soundcloud|facebook)|blockquote|div)\b",  # a blockquote or div: a platform's embed code
    re.IGNORECASE,
)


def media_from_html(html: str, skip: tuple[str, ...] | None = None) -> tuple[list[Media], list[Media]]:
    """Media a reader sees, and media that are there but hidden (parsed again, only for checks that ask)."""
    if _MEDIA_TAG.search(html) is None and not has_css_url(html):  # a background on any element
        return [], []
    return with_media(html, bare_urls=False, skip=skip)[1]


#: The script types a browser runs: JavaScript (a missing or empty type is JavaScript) and modules. Any other
#: (``text/plain``, a consent manager's until the reader agrees) is data the page holds, never run.
RUN_TYPES = frozenset(
    {
        "",
        "text/javascript",
        "application/javascript",
        "application/x-javascript",
        "text/x-javascript",
        "text/ecmascript",
        "application/ecmascript",
        "text/jscript",
        "module",
    }
)


def scripts_from_html(html: str) -> tuple[list[Media], list[Media]]:
    """The scripts a page loads by address (``<script src>``, or a lazy loader's ``data-src``), and those it
    holds that never run: of a type no browser runs, or inside a ``<noscript>`` (a ``<template>``'s content is
    no part of the page at all). Hiding a script with CSS does not stop it, so none is hidden: a publisher's
    tracking script (ProPublica's PixelPing) counts wherever it stands, in an element the config's ``skip-elements``
    leaves out as no part of the article (a site footer) too: the page still runs it."""
    if "<script" not in html and "<SCRIPT" not in html.upper():
        return [], []
    root = LexborHTMLParser(html, scripting=True).root
    if root is None:  # pragma: no cover - lexbor always builds a document
        return [], []
    return _scripts_under(root)


def _scripts_under(root: LexborNode, fallbacks: list[LexborNode] | None = None) -> tuple[list[Media], list[Media]]:
    """:func:`scripts_from_html`'s answer, from a page parsed with scripting on (before anything in it is
    pruned); ``fallbacks``: its <noscript>s' content (:func:`_noscript_fallbacks`), found when not given."""
    runs, idle = [], []
    for node in root.css(_LOADED_SCRIPT):
        script = _script(node)
        kind = (script.attrs.get("type") or "").split(";")[0].strip().lower()
        (runs if kind in RUN_TYPES else idle).append(script)
    for fallback in _noscript_fallbacks(root) if fallbacks is None else fallbacks:
        idle += map(_script, fallback.css(_LOADED_SCRIPT))  # in a <noscript>: never runs
    return runs, idle


_LOADED_SCRIPT = "script[src], script[data-src]"


def _script(node: LexborNode) -> Media:
    attrs = dict(node.attributes)
    return Media("script", (attrs.get("src") or "").strip(), attrs)
