"""``link``: the visible body hyperlinks to the original article, or to a URL pattern.

PASS (target: original, original_url https://example.org/a/123)::

    [Read the original](http://www.example.org/a/123/?utm_source=x#top)

FAIL: ``[Example](https://example.org/)`` (the homepage), ``![](https://example.org/a/123)``
(an image is not a hyperlink), or the link inside a code block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit

from ..reprint import Reprint, Span
from ..textnorm import lookalike_letters, normalize, unseen_removed
from ..urls import (
    alias_sites,
    as_address,
    ascii_host,
    edition_aside,
    embedded_addresses,
    host_matches,
    host_of,
    meant_address,
    normalize_url,
    redirects_told,
    same_article_keys,
    through_redirects,
    unarchived,
)
from .base import (
    CREDIT_WORDS,
    THERE_BUT_ELSEWHERE,
    THERE_BUT_WRONG,
    Context,
    Problem,
    credit_link,
    in_window,
    measured_over,
    names_publisher,
    pattern_host,
    relative_told,
    story_around,
    url_pattern,
    window_fraction,
)

if TYPE_CHECKING:
    from ..visible import VisibleBody
    from .params import LinkParams as Params

NAME = "link"
#: Marks that stick to the end of an address pasted from a word processor or a quoted sentence.
_STRAY_MARKS = "”“’‘\"'»«.,;:)"
#: Marks that stick to its start: a word processor's quotation mark opening an HTML value (``href=”…”``),
#: which the parser keeps as part of an unquoted value.
_OPENING_MARKS = "”“’‘\"'»«"
#: How many of an unlinked credit's words place its finding (a source's text holds them apart, in markup).
_CREDIT_WORDS_PLACED = 8
#: The longest of them looked for: a longer one is no word of a credit.
_LONGEST_WORD = 80
SUMMARY = "A visible hyperlink to the original article (`original_url`) or to URLs matching a pattern."


def _mentioning(links: list[str], host: str) -> list[str]:
    """The links that may be to ``host``: those naming it (blind to case), and any not in ASCII, whose host a
    browser may read as it (full-width letters, a soft hyphen: see :func:`~reprint_guard.urls.normalize_url`).
    A host in another script is named by its punycode too (a link may write ``xn--bcher-kva.example``)."""
    if not host.isascii():
        host = ascii_host(host)
    return [
        link
        for link in links
        if host in link or (not link.islower() and host in link.lower()) or not link.isascii() or _host_escaped(link)
    ]


def _mentioning_any(links: list[str], sites: tuple[str, ...]) -> list[str]:
    """The links that may be to one of ``sites`` (the original's, and those of the policy's ``host_aliases``
    serving its articles), each once, in order."""
    if len(sites) == 1:
        return _mentioning(links, sites[0])
    found = {id(link): link for site in sites for link in _mentioning(links, site)}
    return [link for link in links if id(link) in found]


def _host_escaped(link: str) -> bool:
    """Whether ``link``'s host holds a percent escape (Markdown's renderer escapes a host's full-width
    letters so)."""
    at = link.find("//")
    return at >= 0 and "%" in link[at + 2 :].split("/", 1)[0]


def _credit_on_host(reprint: Reprint, host: str, context: Context) -> str | None:
    """The first link to another page on ``host`` (``www.`` aside) whose words name the publisher ("The
    Conversation" linked to an author's profile): the credit's link, gone to the wrong page. A link on the
    author's name to their profile is theirs, not the credit's (None)."""
    bare = host.lower().removeprefix("www.")
    visible = reprint.visible
    for link in _mentioning(visible.anchors, bare):
        found = _host_meant(link)
        if found is None or found.removeprefix("www.") != bare:
            continue
        if _names_publisher(reprint, context, link):
            return link
    return None


def _linked_words(visible: VisibleBody, link: str) -> str:
    """The words of the first visible link to ``link``, lower case, their white space made single spaces."""
    return " ".join((visible.anchor_text(link) or "").lower().split())


#: A link's words that stand for the article itself in a credit ("[This article](...) was originally published
#: by KFF Health News"): linked elsewhere (the publisher's PDF of it, a syndication service), the credit's link.
#: Not "here", which a credit's paragraph may say of a document the story cites ("The audit is [here](...)").
_THE_ARTICLE = re.compile(
    r"(?:this|the|our) (?:article|story|report|piece|post)|(?:the )?original(?: (?:article|story|report|piece))?"
    r"|read (?:it|more|the (?:original|full (?:article|story)))"
)


def _credit_elsewhere(reprint: Reprint, context: Context, sites: tuple[str, ...]) -> str | None:
    """A visible link on another site than the original's (one of ``sites``: its own, and those of the
    policy's ``host_aliases``) whose words name the publisher ("Global Research" linked to a page of
    mondialisation.ca), or stand for the article in a credit naming the publisher ("[This article](a PDF)
    was originally published by KFF Health News"): the credit's link, gone astray. None when there is none."""
    visible = reprint.visible
    names = [name.lower() for name in _publisher_names(context) if len(name) > 3]
    for link in dict.fromkeys(visible.anchors):  # each address once: its copies after the first say the same
        host = _host_meant(link)
        if not host or edition_aside(host) in sites:
            continue
        words = _linked_words(visible, link)
        if not words:
            continue
        if any(name in words for name in names):
            if _in_a_credit(reprint, link):
                return link
        elif _THE_ARTICLE.fullmatch(words.strip(" .:;,!")) and _in_a_credit(reprint, link):
            block = " ".join((visible.anchor_block(link) or "").lower().split())
            if any(name in block for name in names):
                return link
    return None


def _in_a_credit(reprint: Reprint, link: str, *, as_credit_link: bool = False) -> bool:
    """Whether the block around the first visible link to ``link`` says a credit's words (:data:`CREDIT_WORDS`),
    asked of each block once per reprint: a paragraph of thousands of links is searched once, not once for
    each. ``as_credit_link``: the block read as :func:`credit_link` reads it (white space made single spaces,
    lower case)."""
    visible = reprint.visible
    block = visible.anchor_block(link) or visible.bare_url_block(link) or ""  # a bare URL's block: its words
    memo = _memo(reprint, "credit-blocks-read" if as_credit_link else "credit-blocks")
    said = memo.get(block)
    if said is None:
        read = " ".join(block.split()).lower() if as_credit_link else block
        said = memo[block] = CREDIT_WORDS.search(read) is not None
    return said


def _memo(reprint: Reprint, key: str) -> dict[Any, bool]:
    """Answers kept on the reprint under ``key``, for every rule that asks the same of it."""
    return reprint.memo.setdefault(key, {})  # type: ignore[return-value]


def _credits_first(reprint: Reprint, context: Context, links: list[str], site: str) -> list[str]:
    """Links to other pages of the original's site, the credit's first: one whose words name the publisher
    in a credit's sentence, then one whose words are the name ("Global Research" linked to its home page),
    then another link in a credit's sentence, then the rest, but for a byline's link on the author's name to
    their profile, which is theirs, not the credit's: to correct it would break the byline's link. When the
    page credits the publisher in words with no link ("The original source of this article is Global
    Research."), only links in a credit's sentence are taken: the others are the story's own citations of the
    site's articles and documents ("records obtained by [ProPublica](...)"), and the link the credit lacks is
    what is wrong."""
    if not links:
        return links
    visible = reprint.visible
    policy = context.policy
    authors = [name.lower() for name in reprint.metadata.authors if name.strip()]
    named, by_words, credited, rest = [], [], [], []
    kinds: dict[str, list[str] | None] = {}  # each address's list, worked out once (its copies go there too)
    for link in links:
        if link not in kinds:
            words = _linked_words(visible, link)
            in_a_credit = _in_a_credit(reprint, link)
            if in_a_credit and names_publisher(words, policy):
                kinds[link] = named
            elif credit_link(words, "", policy):
                # The name linked in the story's own sentence ("As [Global Research](...) reported") is no credit
                # gone to the wrong page: the credit the page lacks is what is wrong.
                kinds[link] = None if _in_a_story(reprint, link, words) else by_words
            elif in_a_credit:
                kinds[link] = credited
            elif not words or not any(name in words or words in name for name in authors):
                kinds[link] = rest
            else:
                kinds[link] = None
        kind = kinds[link]
        if kind is not None:
            kind.append(link)
    if not named and not credited and (by_words or rest) and unlinked_credit(reprint, context, site) is not None:
        return []
    return named + by_words + credited + rest


def _names_publisher(reprint: Reprint, context: Context, link: str) -> bool:
    """Whether the first visible link to ``link`` is a credit's by its words (:func:`credit_link`): they name
    the publisher, and are little but the name or stand in a credit's sentence."""
    words = reprint.visible.anchor_text(link) or ""
    # As credit_link(words, block) answers, the block's credit words looked for once per block.
    return names_publisher(words, context.policy) and (
        _in_a_credit(reprint, link, as_credit_link=True)
        or (credit_link(words, "", context.policy) and not _in_a_story(reprint, link, words))
    )


def _in_a_story(reprint: Reprint, link: str, words: str) -> bool:
    """Whether the block around the first visible link to ``link`` is the story's sentence, not a credit's
    (:func:`~reprint_guard.checks.base.story_around`), asked of each block once per reprint."""
    visible = reprint.visible
    block = visible.anchor_block(link) or visible.bare_url_block(link) or ""
    memo = _memo(reprint, "story-blocks")
    said = memo.get((block, words))
    if said is None:
        said = memo[(block, words)] = story_around(block, words)
    return said


def unlinked_credit(reprint: Reprint, context: Context, site: str) -> tuple[str, str, int] | None:
    """The first line of the visible text that credits the publisher in a credit's words ("Source: Global
    Research"), as written, the name it gives there (as the policy writes it) and how many copies of that name,
    written so, a reader sees before the line; or None. Asked where no link to the original's site stands in a
    credit's sentence (such a link is taken first), so the line holds none: read from the text's lines (blocks
    end in line breaks), not from the page's tree; the names as written first, then blind to case."""
    raw = reprint.visible.raw_text
    if "\u00a0" in raw:  # "KFF&nbsp;Health News", a CMS's non-breaking space in the name: a space, one length
        raw = raw.replace("\u00a0", " ")
    names = sorted((n for n in _publisher_names(context) if len(n) > 3), key=len)  # the name, not a phrase
    linked: list[str] | None = None  # the blocks that link the site, read once, when a credit's line is found
    # Each line (by its start; the text lowered has its lines where the text has them) read once, for every
    # name and both passes: normalised, when it says a credit's words, else None.
    crediting: dict[int, str | None] = {}
    for text in (raw, None):
        if text is None:  # "global research" written so: looked for in the text lowered, when of one length
            text = reprint.visible.lowered_raw.replace("\u00a0", " ")
            if len(text) != len(raw):
                return None
        for name in names:
            wanted = name if text is raw else name.lower()
            at = text.find(wanted)
            while at >= 0:
                start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
                line = raw[start : end if end >= 0 else len(raw)]
                if start not in crediting:
                    said = normalize(line)
                    crediting[start] = said if CREDIT_WORDS.search(said) else None
                said = crediting[start]
                if said is not None:
                    if linked is None:
                        visible = reprint.visible
                        linked = visible.linked_blocks(lambda href: _on_site(href, site))
                        # A bare URL (plain text's, Markdown's) links the site from its block too.
                        bare = (visible.bare_url_block(link) for link in visible.bare_links() if _on_site(link, site))
                        linked += dict.fromkeys(block for block in bare if block)  # each block once
                    # A link to the site in its block, any copy of the link (the story may link the page first).
                    if not any(block and (said in block or block in said) for block in linked):  # "": a picture
                        # Its copies counted where the name is written so, its spaces plain or non-breaking.
                        exact = text is raw and raw.find(name, start, start + len(line)) >= 0
                        return line, name, raw.count(name, 0, start) if exact else -1
                at = text.find(wanted, end) if end >= 0 else -1
    return _unlinked_credit_apart(reprint, raw, names, site)


#: What a name may hold, pasted from a word processor, that a reader does not see: a zero-width space, a soft
#: hyphen, a joiner (all but the direction marks of :data:`~reprint_guard.textnorm.ZERO_WIDTH`).
_SHOWS_NOTHING = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Those of them a paste puts for the space between two words (:func:`~reprint_guard.textnorm.unseen_removed`).
_GAPS = "\u200b\u2060\ufeff"


@lru_cache(maxsize=64)
def _name_apart(name: str) -> re.Pattern[str]:
    """``name`` as a text may write it with what shows nothing between its letters ("Glo\u00adbal Research",
    "Global\u200b Research") and its words wrapped onto the next line (a soft line break): the letters in
    order, each followed by at most a few such characters, so the search stays linear."""
    hidden = f"[{_SHOWS_NOTHING}]{{0,4}}"
    # Its words apart, or run together with what shows nothing pasted for the space ("Global\u200bResearch").
    space = f"(?:{hidden}[ \t\n\u00a0]{{1,4}}{hidden}|[{_GAPS}]{{1,4}})"
    words = space.join(hidden.join(map(re.escape, word)) for word in name.split())
    return re.compile(r"(?<!\w)" + words + r"(?!\w)")


#: Between a name's words in a page's source: white space, a non-breaking one, and the tags a word processor
#: wraps each word in (``Global</span><span> Research``), bounded, so the search stays linear.
_WORDS_MARKUP = r"(?:[ \t\r\n\u00a0]|&nbsp;|&#160;|<[^<>]{0,400}>){1,12}"


@lru_cache(maxsize=64)
def _name_written(name: str) -> re.Pattern[str]:
    """``name`` as a source may write it: its words apart (:data:`_WORDS_MARKUP`), what shows nothing between
    its letters (a zero-width space, a soft hyphen, as characters or ``&shy;``)."""
    hidden = f"(?:[{_SHOWS_NOTHING}]|&shy;|&#173;|&#8203;){{0,4}}"
    gaps = f"(?:[{_GAPS}]|&#8203;|&#x200[bB];|&#8288;|&#x2060;){{1,4}}"
    apart = f"(?:{hidden}{_WORDS_MARKUP}{hidden}|{gaps})"
    words = apart.join(hidden.join(map(re.escape, word)) for word in name.split())
    return re.compile(r"(?<!\w)" + words + r"(?!\w)")


def _name_placed(reprint: Reprint, span: Span, name: str) -> Span:
    """``span`` (an unlinked credit's words, up to the publisher's name) narrowed to the name, its last copy in
    it, as the source writes it (split across tags, with a soft hyphen): where the link goes, as for a credit
    written plainly. ``span`` as it is when the name is not found in it."""
    if span[2] is None or span[3] is None:
        return span
    start, end = reprint.offset_of(span[0], span[1]), reprint.offset_of(span[2], span[3])
    found = None
    for match in _name_written(name).finditer(reprint.body, start, end):
        found = match
    if found is None:
        return span
    return (*reprint.position(found.start()), *reprint.position(found.end()))


def _unlinked_credit_apart(reprint: Reprint, raw: str, names: list[str], site: str) -> tuple[str, str, int] | None:
    """:func:`unlinked_credit`'s credit where the name is written with characters that show nothing inside it (a
    zero-width space, a soft hyphen) or wraps onto the next line: its lines joined, those characters left out,
    and no count of copies (the credit is placed by its words)."""
    if not any(char in raw for char in _SHOWS_NOTHING) and "\n" not in raw:
        return None
    linked: list[str] | None = None
    for name in names:
        for found in _name_apart(name).finditer(raw):
            if found.group() == name:
                continue  # written plainly: read above
            start, end = raw.rfind("\n", 0, found.start()) + 1, raw.find("\n", found.end())
            line = unseen_removed(raw[start : end if end >= 0 else len(raw)]).replace("\n", " ")
            said = normalize(line)
            if not CREDIT_WORDS.search(said):
                continue
            if linked is None:
                linked = reprint.visible.linked_blocks(lambda href: _on_site(href, site))
            if not any(block and (said in block or block in said) for block in linked):
                return line, name, -1
            break  # this name's credit links the site
    return None


#: A Markdown link as a reader sees it written out, where Markdown was not read: its address.
_SHOWN_LINK = re.compile(r"\]\((https?://[^\s()]+)\)")


def _markdown_link_shown(reprint: Reprint, key: str) -> str | None:
    """The original's address, when a reader sees it in a Markdown link written out as text (inside an HTML
    block, which Markdown leaves as it is), or None."""
    text = reprint.visible.raw_text
    if reprint.format != "markdown" or "](" not in text:
        return None
    for found in _SHOWN_LINK.finditer(text):
        if normalize_url(found.group(1)) == key:
            return found.group(1)
    return None


def _unseen_address(reprint: Reprint, original: str) -> tuple[str, int | None]:
    """ "; the address is in the file at L:C, where no reader sees it (...)" when the original's address is
    written in the body (a comment, a hidden or folded element, code), else "": the editor sees it there, and
    wonders why it does not count. With it, where the address stands when that is an indented code block (a
    credit pasted indented, told there), else None."""
    address = original.strip()
    body = reprint.body
    written = address if address and address in body else address.split("://", 1)[-1] if "://" in address else ""
    at = body.find(written) if written else -1
    if at < 0:
        return "", None
    # A page's <link rel="canonical">, <meta property="og:url"> or JSON-LD <script> holds it for search engines
    # and sharing: said so when every copy (of the first few) stands in one of them.
    first, tags, seen = at, {}, 0
    while at >= 0 and (tag := _data_tag_around(body, at)) is not None:
        tags[tag] = None
        seen += 1
        at = body.find(written, at + len(written)) if seen < _COPIES_READ else -1
    if at < 0:
        line, column = reprint.position(first)
        where = " and ".join(f"<{tag}>" for tag in tags)
        return (
            f"; its address is in the file at {line}:{column}, but only in the page's {where} for search engines "
            "and sharing, which no reader sees or follows"
        ), None
    line, column = reprint.position(at)
    if _in_indented_code(reprint, at):
        return (
            f"; its address is in the file at {line}:{column}, {THERE_BUT_WRONG[11]} (a line indented four spaces "
            "or more that opens a block is shown as code, with no link)"
        ), at
    return (
        f"; its address is in the file at {line}:{column}, but in no link a reader can follow: in a comment, "
        "code, a hidden or closed element, an image, or as plain text the site does not link"
    ), None


def _in_indented_code(reprint: Reprint, at: int) -> bool:
    """Whether ``body[at]`` stands on a Markdown line indented as code (four spaces or a tab) that opens after a
    blank line, its block's first text no list item's continuation (the line above the blank ones is neither a
    list item nor indented): a credit pasted with its indentation shows as code."""
    if reprint.format != "markdown":
        return False
    end = reprint.body.find("\n", at)
    lines = reprint.body[: end if end >= 0 else len(reprint.body)].split("\n")
    if not lines[-1].startswith(("    ", "\t")):
        return False
    if sum(1 for line in lines if line.lstrip(" ").startswith(("```", "~~~")) and not line.startswith("    ")) % 2:
        return False  # inside a fenced block: code whatever its indentation, told as any code is
    index = len(lines) - 1
    while index > 0 and lines[index - 1].startswith(("    ", "\t")) and lines[index - 1].strip():
        index -= 1  # up the indented block
    if index > 0 and lines[index - 1].strip():
        # Right under an ATX heading (a block of one line) the indented lines are code; else a paragraph's lazy
        # continuation: text.
        return _ATX_HEADING.match(lines[index - 1]) is not None
    while index > 0 and not lines[index - 1].strip():
        index -= 1  # past the blank lines
    above = lines[index - 1] if index > 0 else ""
    return not above.startswith(("    ", "\t", " ")) and _LIST_ITEM.match(above) is None


#: A Markdown ATX heading's line ("## Credits").
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
#: A Markdown list item's marker opening a line.
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


#: How many copies of the original's address :func:`_unseen_address` reads for one a reader may see.
_COPIES_READ = 20


def _data_tag_around(body: str, at: int) -> str | None:
    """ "link" or "meta" when ``at`` stands inside such a tag of ``body`` (its ``href`` or ``content``), "script"
    inside a JSON-LD script's data (the tag before it, its data holding no "<"), else None. Read from the "<"
    before ``at`` on, with no copy or lower-casing of the page."""
    start = body.rfind("<", 0, at)
    if start < 0:
        return None
    close = body.find(">", start, at)
    tag = body[start + 1 : close if close >= 0 else start + 7].lower()
    if close < 0:
        return "link" if tag.startswith("link") else "meta" if tag.startswith("meta") else None
    return "script" if tag.startswith("script") and "ld+json" in tag else None  # a script's code is code


def _credit_words(line: str, name: str) -> str:
    """The words of an unlinked credit's line that its finding marks, as written: those up to the publisher's
    name, where the link goes ("first published by Tide Weekly"), at most :data:`_CREDIT_WORDS_PLACED`."""
    at = line.lower().find(name.lower())
    words = line[: at + len(name)].split() if at >= 0 else line.split()
    words = words[-_CREDIT_WORDS_PLACED:]
    # Not past a "word" no credit writes (a name's copies run together, its zero-width spaces left out): the
    # words are looked for as a source may write them, at a cost that grows with a word's length.
    long = [index for index, word in enumerate(words) if len(word) > _LONGEST_WORD]
    return " ".join(words[long[-1] + 1 :] if long and long[-1] + 1 < len(words) else words)


def _on_site(link: str, site: str) -> bool:
    return edition_aside(_host_meant(link) or "") == site


def _host_meant(link: str) -> str | None:
    """The host of ``link`` (as :func:`~reprint_guard.urls.host_of` reads it, decoded, a typographic quotation
    mark opening it aside), or of the address it was meant as when written without its scheme
    (``www.globalresearch.ca/``: :func:`~reprint_guard.urls.meant_address`), whose credit is still the credit's
    link gone astray, to correct where it stands (:func:`_scheme_note` says what a browser makes of it)."""
    address = unquote(link).lstrip(_OPENING_MARKS)
    host = host_of(address)
    if host is None and (meant := meant_address(address)) is not None:
        return host_of(meant[0])
    return host


def _scheme_note(reprint: Reprint, link: str) -> str:
    """ "; its address is written without the scheme (https://), which a browser reads as a relative address"
    when ``link``'s address, as the source writes it, lacks its scheme (or a slash after ``https:``), else ""."""
    meant = meant_address(reprint.visible.written_href(link))
    if meant is None:
        return ""
    lacks = "without the scheme (https://)" if meant[1] == "the scheme" else "with fewer than two slashes after https:"
    return f"; its address is written {lacks}, {THERE_BUT_WRONG[14]}"


def _publisher_names(context: Context) -> list[str]:
    """The names a credit gives the publisher: the policy's publisher, and its attribution rules' names."""
    policy = context.policy
    names = [policy.publisher]
    for rule in policy.rules:
        if rule.check == "attribution":
            names += rule.params.names or ()
    return [name for name in names if name]


def _span_of(reprint: Reprint, link: str, prefer: Callable[[int, int], int] | None = None) -> Span:
    """Where a link (as the visible body gives it) stands in the source: at its address as written there (a
    relative one that the page's ``<base href>`` leads elsewhere is written relative)."""
    return reprint.span_url(reprint.as_written(reprint.visible.written_href(link)), prefer)


#: What a percent-escape in an address may stand for that a reader of a finding would not see: white space
#: (``%20``, ``%09``, ``%0A``, ``%C2%A0``), control characters and the invisible format ones (a zero-width space).
_UNSEEN = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
#: White space, which the output shows as it is: encoded in an address a finding shows, however written.
_WHITE = re.compile(r"\s")
#: White space a link's address may end in once its escapes are read (``%20``): a parser strips a literal one.
_ESCAPED_SPACES = " \t\r\n\u00a0"


def _shown_address(address: str, body: str = "") -> str:
    """``address`` (read, its escapes decoded) as a finding shows it: what it decodes to that shows nothing
    (a space, a tab, a zero-width space) percent-encoded again, as written (``…/lead-test-results%20``). An
    address ``body`` holds as decoded was written with its invisible characters as they are (a paste): those
    are left for the output to show as it shows them anywhere (``\u200b``); white space is encoded still."""
    if _UNSEEN.search(address) is None:
        return address
    unseen = _WHITE if body and address in body else _UNSEEN
    return unseen.sub(lambda found: quote(found.group(), safe=""), address)


def _as_told(reprint: Reprint, link: str) -> tuple[str, str]:
    """A link's address as a finding tells it, and as the source writes it (what a fix changes): the two differ
    only where the page's ``<base href>`` leads a relative address elsewhere, and the first says so. Each
    decoded, but for what shows nothing (:func:`_shown_address`)."""
    followed = _shown_address(unquote(link), reprint.body)
    written = _shown_address(unquote(reprint.visible.written_href(link)), reprint.body)
    if written == followed:
        return followed, written
    return f"{followed} (written {written}, under the page's <base href>)", written


def _in_typographic_quotes(reprint: Reprint, regex: Any) -> Problem | None:
    """A link the rule's pattern would take but for the typographic quotes a word processor put around its
    address (``(”https://…”)``, ``href=”…”``): told at the link, to be corrected, not as a link missing."""
    for link in reprint.visible.anchors:
        written = unquote(reprint.visible.written_href(link))  # as written: a <base href> leads it nowhere better
        opened = _opened(written)
        if opened is not None and regex.search(opened[1]):
            return _quoted_link(_span_of(reprint, link), reprint, written, *opened)
    return None


def _opened(written: str) -> tuple[str, str] | None:
    """(the marks, the address inside them) of a link's address opened with a typographic quotation mark, or
    None."""
    opened = written.lstrip(_OPENING_MARKS)
    if opened == written:
        return None
    return written[: len(written) - len(opened)], opened.rstrip(_STRAY_MARKS)


def _credit_copy(reprint: Reprint, context: Context, start: int, end: int) -> int:
    """How surely the link whose address stands at ``body[start:end]`` is a credit's: 2 when its words name the
    publisher and its line says a credit's words ("originally published by"), 1 for the name alone, else 0."""
    words = reprint.link_words(start, end)
    if not names_publisher(words, context.policy):
        return 0
    # Each line searched once per reprint: a line may hold thousands of copies of the address.
    line = reprint.line_span(start, end)
    memo = _memo(reprint, "credit-lines")
    said = memo.get(line)
    if said is None:
        said = memo[line] = CREDIT_WORDS.search(reprint.body[line[0] : line[1]].lower()) is not None
    if said:
        return 2
    return 1 if credit_link(words, "", context.policy) else 0


def _quoted_link(span: Span, reprint: Reprint, written: str, marks: str, address: str) -> Problem:
    """A link whose address is in typographic quotes (a value the parser keeps whole, leading nowhere), with
    straight quotes (HTML) or none (Markdown) as the fix."""
    if reprint.format == "html":
        fix = f'Write the link\'s address between straight quotes: href="{address}".'
    else:
        fix = f"Write the link's address without the quotation marks: ({address})."
    detail = f"{THERE_BUT_WRONG[3]} {marks!r}, not a straight quote, so it leads nowhere: {written}"
    return Problem.at(span, detail, fix=fix, specific=True)


def _amp_cache_of(link: str, keys: tuple[str, ...]) -> bool:
    """Whether ``link`` is Google's AMP cache serving the original (``https://www-example-org.cdn.ampproject.org
    /c/s/www.example.org/a/1``): the publisher's own page, where a reader lands on the article."""
    found = host_of(link)
    if found is None or not found.endswith(".cdn.ampproject.org"):
        return False
    return any(normalize_url(inner) in keys for inner in embedded_addresses(link))


def _through_another(reprint: Reprint, keys: tuple[str, ...], host: str) -> Problem | None:
    """A link to the original that goes through another site (a social network's or a newsletter's redirect,
    ``https://l.facebook.com/l.php?u=...``, Google Docs' ``google.com/url?q=...``, Outlook's Safe Links, or
    one inside another): the reader gets there, but the publisher's link is the redirect's, which tracks the
    reader and breaks when it expires."""
    bare = edition_aside(host)
    for link in _mentioning(reprint.visible.anchors, bare):
        if bare in link.partition("//")[2].partition("/")[0]:
            continue  # on the original's own host (its home page, another article): no redirect
        found = through_redirects(link, partial(_the_original, keys))
        if found is not None:
            archived = unarchived(link)
            told = (
                f"to an archived copy of the original at {found[1][0]}"  # the publisher's terms ask for its page
                if archived is not None and _the_original(keys, archived)
                else f"to the original through {redirects_told(found[1])}"
            )
            return Problem.at(
                _span_of(reprint, link),
                detail=f"it links {told}, {THERE_BUT_WRONG[7]}",
                fix=f"Link to the original article directly: {reprint.metadata.original_url}.",
                specific=True,
            )
    return None


def _without_scheme(reprint: Reprint, wanted: Callable[[str], bool]) -> Problem | None:
    """A visible link whose address would be one ``wanted`` takes (the original's, one the rule's pattern
    takes) but for its scheme: written without one (``www.propublica.org/article/x``) or with fewer than two
    slashes after ``https:`` (``https:/www.propublica.org/...``), which a browser reads as a path on the
    reprint's own site (:func:`~reprint_guard.urls.meant_address`), a page that is not there. Told at it, the
    address with its scheme as the fix (which ``--fix`` writes)."""
    visible = reprint.visible
    for link in dict.fromkeys(visible.anchors):
        meant = meant_address(visible.written_href(link))
        if meant is None or not wanted(meant[0]):
            continue
        address, lacks = meant
        told, written = _as_told(reprint, link)
        said, added = relative_told(lacks, told, based=visible.written_href(link) != link)
        detail = f"its link to the article {said}, not the original's"
        fix = f"Add {added} to the link's address: change {written} into {address}."
        return Problem.at(_span_of(reprint, link), detail=detail, fix=fix, specific=True)
    return None


def _the_original(keys: tuple[str, ...], address: str) -> bool:
    """Whether ``address`` is the original's (one of its comparison ``keys``), its host read first: a long
    address on another host is not normalised."""
    host = host_of(address)
    if host is None or (host.isascii() and not any(key.startswith(edition_aside(host)) for key in keys)):
        return False
    return normalize_url(address) in keys


def _pattern_through_another(reprint: Reprint, regex: Any, host: str | None, keys: tuple[str, ...]) -> Problem | None:
    """A link the rule's pattern would take but for the redirect it goes through (Google Docs'
    ``google.com/url?q=...``, Outlook's Safe Links, a social network's): told at it as the link to the
    original through a redirect is (:func:`_through_another`), with the address inside it as the link to make."""
    anchors = reprint.visible.anchors
    for link in dict.fromkeys(_mentioning(anchors, host) if host else anchors):
        if host and host in link.partition("//")[2].partition("/")[0]:
            continue  # on the site's own host: no redirect
        if "://" not in link[8:] and "%3a" not in link.lower():
            continue  # no address inside it (a redirect's is in its query, maybe percent-encoded)
        found = through_redirects(link, lambda inner: regex.search(inner) is not None)
        if found is None:
            continue
        target, hosts = found
        if keys and normalize_url(target) in keys:
            detail = f"it links to the original through {redirects_told(hosts)}, {THERE_BUT_WRONG[7]}"
            fix = f"Link to the original article directly: {(reprint.metadata.original_url or '').strip()}."
        else:
            detail = f"it links to {target} through {redirects_told(hosts)}, {THERE_BUT_WRONG[13]}"
            fix = f"Link to {host or 'it'} directly: {target}."
        return Problem.at(_span_of(reprint, link), detail=detail, fix=fix, specific=True)
    return None


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    if params.position == "any":
        yield from _linked(params, reprint, context)
        return
    missing = list(_linked(params, reprint, context))
    if missing:  # no link that counts: told as such, but by another rule when this one asks only its place
        if not params.placement_only:
            yield from missing
        return
    yield from _misplaced(params, reprint, context)


def _wanted(params: Params, reprint: Reprint, context: Context) -> Callable[[str], bool]:
    """Whether an address is one of the links the rule asks for (as :func:`_linked` took it)."""
    if params.pattern is not None:
        regex = url_pattern(params.pattern)
        return lambda link: regex.search(link) is not None
    original = as_address(reprint.metadata.original_url or "")
    key = normalize_url(original)
    if key is None:
        return lambda link: link == original.strip() or normalize_url(link) == key
    keys = same_article_keys(key, context.policy.host_aliases)
    return lambda link: link == original.strip() or normalize_url(link) in keys or _amp_cache_of(link, keys)


def _misplaced(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    """A rule asking for its link at the top (or bottom) of the article: nothing when a copy of the link stands
    there, else a problem at the copy nearest it, to move. A link whose place cannot be read is given the
    benefit of the doubt."""
    visible = reprint.visible
    wanted = _wanted(params, reprint, context)
    last = params.position == "bottom"
    places = [visible.link_place(wanted, last=last)]
    bare = [link for link in visible.bare_links() if wanted(link)]  # addresses the renderer links
    if bare:
        places.append((visible.text.rfind if last else visible.text.find)(normalize(bare[-1 if last else 0])))
    found = [at for at in places if at is not None and at >= 0]
    size = len(visible.text) or 1
    at = max(found, default=-1) if last else min(found, default=-1)
    if at < 0 or in_window(window_fraction(at, size, params.position, params.window), params.position, params.window):
        return
    links = [link for link in visible.links if wanted(link)]
    where = "at the top" if params.position == "top" else "at the bottom"
    link = links[-1 if last else 0]
    yield Problem.at(
        _span_of(reprint, link),
        detail=f"the link to {unquote(link)} {THERE_BUT_ELSEWHERE}{where} of the article"
        + measured_over(reprint, params.position),
        fix=f"Move the link (the credit line that carries it) {where.replace('at', 'to', 1)} of the article.",
    )


def _linked(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    """The link the rule asks for is there (no problem), or why not."""
    if params.pattern is not None:
        regex = url_pattern(params.pattern)
        # Real anchors first: bare URLs (a search of the whole text) are only collected when no anchor matches.
        if not any(regex.search(link) for link in reprint.visible.anchors) and not any(
            regex.search(link) for link in reprint.visible.links
        ):
            quoted = _in_typographic_quotes(reprint, regex)
            if quoted is not None:
                yield quoted
                return
            host = pattern_host(params.pattern)  # an editor reads a host, not a pattern
            original = (reprint.metadata.original_url or "").strip()
            key = normalize_url(as_address(original)) if original else None
            keys = same_article_keys(key, context.policy.host_aliases) if key else ()
            redirected = _pattern_through_another(reprint, regex, host, keys)
            if redirected is not None:
                yield redirected
                return
            unschemed = _without_scheme(reprint, lambda address: regex.search(address) is not None)
            if unschemed is not None:
                yield unschemed
                return
            near = _credit_on_host(reprint, host, context) if host else None
            same = normalize_url(as_address(original)) if near is not None and original else None
            if same is not None and normalize_url(as_address(near)) == same:
                # The credit links to original_url itself: the metadata's address is what the rule does not take
                # (a section page, a mistyped slug), and "change the link into one to it" would say nothing.
                yield Problem.at(
                    _span_of(reprint, near),
                    detail=f"it links to original_url, {unquote(near)}, which is no address the rule accepts on "
                    f"{host}: neither an article's nor another page it allows",
                    fix=f"Check 'original_url': set it to the original article's address on {host}, and link the "
                    "credit to that.",
                    specific=True,
                )
                return
            if near is not None:  # the credit's link goes to another page of the site (a profile): told at it
                told, written = _as_told(reprint, near)
                yield Problem.at(
                    _span_of(reprint, near),
                    detail=f"it links to {told}, {THERE_BUT_WRONG[1]}, nor to another page the rule accepts"
                    + _scheme_note(reprint, near),
                    fix=f"Change the link to {written} into one to the original article, "
                    f"{(reprint.metadata.original_url or '').strip() or 'on ' + host}.",
                    specific=True,
                )
                return
            line, column = reprint.end_position()
            yield Problem(
                line,
                column,
                detail=f"no visible link to {host} of the form the rule asks for"
                if host
                else f"no visible link matches /{params.pattern}/",
            )
        return
    original = as_address(reprint.metadata.original_url or "")
    key = normalize_url(original) if original else None
    if key is None:
        yield Problem.about(
            reprint,
            "original_url",
            detail="'original_url' is missing or not a web address, so the link cannot be checked",
            fix="Add 'original_url: <address of the original article>' to the metadata.",
            specific=True,
        )
        return
    anchors = reprint.visible.anchors
    if original.strip() in anchors:  # the very address, as written: nothing to normalise
        return
    host = host_of(original) or ""
    # The site without its edition (www., m., amp.): an m. original is the article a www. link leads to.
    site = edition_aside(host)
    # The policy's host_aliases serve the article at the same path on other hosts (khn.org's on
    # kffhealthnews.org): a link to any of those addresses is a link to it.
    aliases = context.policy.host_aliases
    keys = same_article_keys(key, aliases)
    sites = (site, *alias_sites(site, aliases))
    # Real anchors first: bare URLs are only collected when no anchor is the article.
    if any(normalize_url(link) in keys for link in _mentioning_any(anchors, sites)):
        return
    if any(_amp_cache_of(link, keys) for link in _mentioning_any(anchors, sites)):
        return  # Google's AMP cache serves the publisher's own page of the article
    # Only links that mention the host can be the article: skip parsing all the others.
    candidates = _mentioning_any(reprint.visible.links, sites)
    if any(normalize_url(link) in keys for link in candidates):
        return
    unschemed = _without_scheme(reprint, lambda address: normalize_url(address) in keys or _amp_cache_of(address, keys))
    if unschemed is not None:
        yield unschemed
        return
    through = _through_another(reprint, keys, host)
    if through is not None:
        yield through
        return
    near = _credits_first(
        reprint,
        context,
        [link for link in candidates if any(_on_site(link, one) for one in sites)],
        site,
    )
    named = (
        _credit_elsewhere(reprint, context, sites)
        if not near or not _names_publisher(reprint, context, near[0])
        else None
    )
    if near and named is not None:
        near = []  # the credit's own link, naming the publisher, goes elsewhere: not a newsletter's link beside it
    if near:
        written = unquote(near[0])  # as the source has it: "…/5890112”", not "…/5890112%E2%80%9D"
        told, source = _as_told(reprint, near[0])  # a relative address, as written, where a <base href> led it
        # Told at the credit's copy of the address (its words name the publisher), not at the story's own
        # "Read more at propublica.org" above it.
        span = _span_of(reprint, near[0], prefer=partial(_credit_copy, reprint, context))
        opened = _opened(source)
        stray = written.rstrip(_STRAY_MARKS + _ESCAPED_SPACES)
        if opened is not None and normalize_url(opened[1]) == key:  # href=”…”: opened with a typographic mark
            yield _quoted_link(span, reprint, source, *opened)
            return
        if stray != written and normalize_url(stray) == key:  # a quotation mark a word processor stuck on
            marks = _shown_address(written[len(stray) :])  # a space as written, %20: a blank shows nothing
            spaces = " (a space)" if marks != written[len(stray) :] else ""
            detail = f"{THERE_BUT_WRONG[2]} {marks!r}{spaces}: {told}"
            fix = f"Remove {marks!r} from the end of the link's address."
        else:
            detail = f"it links to {told} {THERE_BUT_WRONG[1]}{_scheme_note(reprint, near[0])}"
            fix = f"Change the link to {source} into one to the original article, {original.strip()}."
        yield Problem.at(span, detail, fix=fix, specific=True)
        return
    if named is not None:  # the credit's own link, naming the publisher, goes to another site's page
        written = unquote(named)
        told, source = _as_told(reprint, named)  # a relative address, as written, where a <base href> led it
        span = _span_of(reprint, named, prefer=partial(_credit_copy, reprint, context))
        linked = host_of(as_address(named)) or ""
        domains = [domain for domain in context.policy.applies_to if host and host_matches(host, domain)]
        if (
            linked
            and any(host_matches(linked, domain) for domain in domains)
            and urlsplit(as_address(named)).path.rstrip("/") == urlsplit(as_address(original.strip())).path.rstrip("/")
        ):
            # The same path on news.mongabay.com as original_url's on www.mongabay.com: one site's two hosts, and
            # one of the two addresses is likely not the article's (a page on the publisher's other site,
            # mondialisation.ca for globalresearch.ca, is another edition's article: changed, as below).
            yield Problem.at(
                span,
                f"{THERE_BUT_WRONG[10]} ({linked}), {told}, not to the original article, {original.strip()}"
                + _scheme_note(reprint, named),
                fix=f"Check which address is the article's: link the credit to {original.strip()}, or, if the "
                f"article is at {written}, set original_url to it.",
                specific=True,
            )
            return
        shown_host = host_of(as_address(written)) or ""  # as a reader sees it (a Markdown link's is percent-encoded)
        confused = lookalike_letters(shown_host, host) if shown_host and host else None
        if confused is not None:  # it reads as the original's host: say why it is another
            yield Problem.at(
                span,
                f"{THERE_BUT_WRONG[8]}, {told}, not to the original article: its host is written with a "
                f"letter of another script drawn alike, {confused}",
                fix=f"Retype the link's address in Latin letters: {original.strip()}.",
                specific=True,
            )
            return
        yield Problem.at(
            span,
            f"{THERE_BUT_WRONG[8]}, {told}, not to the original article{_scheme_note(reprint, named)}",
            fix=f"Change the link to {source} into one to the original article, {original.strip()}.",
            specific=True,
        )
        return
    shown = _markdown_link_shown(reprint, key)
    if shown is not None:  # "[Global Research](https://...)" in a <p>: Markdown is not read there
        yield Problem.at(
            reprint.span_url(shown),
            f"the link to it {THERE_BUT_WRONG[9]}, where Markdown is not read: it shows as text",
            fix=f'Write it as an HTML link there: <a href="{shown}">...</a>, or take the credit out of the HTML block.',
            specific=True,
        )
        return
    images = [src for src in reprint.visible.images if normalize_url(src) == key]
    if images:
        line, column = reprint.end_position()
        yield Problem(line, column, detail="an image points at the original, but an image is not a hyperlink")
        return
    credit = unlinked_credit(reprint, context, site)
    span = None
    if credit is not None:  # its name's copy, where the link goes; else the credit's words, looked for apart
        seen = reprint.visible.raw_text.replace("\u00a0", " ").count(credit[1])
        span = reprint.span_of_copy(credit[1], credit[2], seen) if credit[2] >= 0 else None
        span = span or _name_placed(reprint, reprint.span(_credit_words(credit[0], credit[1])), credit[1])
    hidden, indented = _unseen_address(reprint, original)
    if indented is not None:  # the credit pasted indented: told at its address, to be unindented
        line, column = reprint.position(indented)
        yield Problem(
            line,
            column,
            detail=hidden[2:].replace(f"in the file at {line}:{column}", "here"),
            fix=f"Remove the indentation of line {line} (and of the lines of its paragraph), so that it shows as "
            "text with its link.",
            specific=True,
        )
        return
    if span is not None and span[2] is not None:  # told at the credit that lacks the link, where it is added
        yield Problem.at(span, f"the credit names {credit[1]} with no link to the article{hidden}")  # type: ignore[index]
    else:
        line, column = reprint.end_position()
        yield Problem(line, column, detail=hidden[2:] or None)
