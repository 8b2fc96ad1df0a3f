"""``license``: the original's licence is one the policy covers, and the reprint names and links it.

The deed link may use http or https, any language suffix (``deed.de``) or ``legalcode``; the licence can
be named by its short name ("CC BY-ND 4.0") or its full name ("Creative Commons
Attribution-NoDerivatives 4.0").

PASS (licenses: [CC-BY-ND-4.0]): ``Licensed under [CC BY-ND 4.0](https://creativecommons.org/licenses/by-nd/4.0/)``.
FAIL: no link to the deed; ``license: CC-BY-NC-4.0`` in the metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..licenses import deed_path, describe, licence_id, normalize_license
from ..reprint import Reprint
from ..textnorm import find_phrase, normalize
from ..urls import (
    as_address,
    host_matches,
    host_of,
    meant_address,
    normalize_url,
    redirects_told,
    same_article_keys,
    through_redirects,
)
from ..visible import CAPTION_LINES, CAPTIONS, VisibleBody, find_bare_urls
from .base import (
    BADGE_HOSTS,
    OTHER_WORK_STEMS,
    OTHER_WORK_WORDS,
    THERE_BUT_WRONG,
    Context,
    Problem,
    publisher_names,
    relative_told,
)

if TYPE_CHECKING:
    from .params import LicenseParams as Params

NAME = "license"
SUMMARY = "The licence is one the policy covers, is named in the visible text and linked to its deed."


def _linked(links: list[str], paths: frozenset[str]) -> bool:
    # Only a creativecommons.org link can be a deed: skip normalising all the others. One written without its
    # scheme ("creativecommons.org/licenses/by/4.0/") is a relative address, a page of the reprint's own site.
    return any(
        deed_path(spdx) in paths
        for spdx in (
            normalize_license(link)
            for link in links
            if "creativecommons" in link.lower() and meant_address(link) is None
        )
        if spdx
    )


def _deed_without_scheme(visible: VisibleBody, paths: frozenset[str]) -> tuple[str, str, str] | None:
    """(the link, the deed's address meant, what it lacks) of the first link to the licence's deed but for its
    scheme (:func:`~reprint_guard.urls.meant_address`: ``creativecommons.org/licenses/by-nd/4.0/``,
    ``https:/creativecommons.org/...``), which a browser reads as a page of the reprint's own site; or None."""
    for link in dict.fromkeys(visible.anchors):
        if "creativecommons" not in link.lower():
            continue
        meant = meant_address(visible.written_href(link))
        if meant is not None and _linked([meant[0]], paths):
            return link, *meant
    return None


#: What a link to the deed says to name a Creative Commons licence: "Creative Commons", or its terms' code
#: ("CC BY-ND", "CC-BY-ND"); the deed's address says which licence it is.
_SAYS_CC = re.compile(r"creative commons|\bcc[ -]?by\b|知识共享|創用cc|المشاع الإبداعي")


def _deed_says_creative_commons(visible: VisibleBody, paths: frozenset[str]) -> bool:
    """A link to the deed whose own text says "Creative Commons" or the terms' code ("[Creative Commons
    license](deed)", "[CC BY-ND](deed)", "知识共享"), or whose sentence says so before it ("la licencia Creative
    Commons Atribución-SinDerivadas 4.0 ([ver licencia](deed))": the licence's name in the reprint's
    language), or holds Creative Commons' badge (its ``alt`` says so)."""
    for anchor, href in visible.anchor_nodes():
        if not (href and _linked([href], paths)):
            continue
        words = anchor.text(deep=True, separator="")
        if _SAYS_CC.search(normalize(words)) or _said_before(anchor):
            return True
        if not words.strip() and any(  # a badge, all the link shows: its alt text or its picture says what it is
            _SAYS_CC.search(normalize(image.attributes.get("alt") or ""))
            or _badge_of(image.attributes.get("src") or "", paths)
            for image in anchor.css("img")
        ):
            return True
    return False


def _said_before(anchor: Any) -> bool:
    """Whether the sentence a link stands in says "Creative Commons" before it (read back through the inline
    elements around it, up to its block)."""
    before = normalize("".join(reversed(_inline_beside(anchor, "prev", _SAID_BEFORE)))[-_SAID_BEFORE:])
    return bool(before) and _SAYS_CC.search(_SENTENCE_END.split(before)[-1]) is not None


def _inline_beside(anchor: Any, step: str, limit: int, *, lines: bool = False) -> list[str]:
    """The texts of the inline elements and text beside ``anchor`` on one side (``step``: "prev" or "next"),
    nearest first, read up through the inline elements around it to its block, to about ``limit`` characters;
    with ``lines``, a line break or a blank line ends them too (a post's content without ``<p>``)."""
    parts: list[str] = []
    size, node = 0, anchor
    while node is not None and node.tag in (*_INLINE, "-text") and size <= limit:
        sibling = getattr(node, step)
        while sibling is not None and size <= limit:
            if sibling.tag not in (*_INLINE, "-text") and (lines or sibling.tag != "br"):
                return parts  # a block (or a line break) on this side: the sentence or paragraph ends
            text = sibling.text(deep=True, separator="")
            parts.append(text[-limit:] if step == "prev" else text[:limit])
            size += len(parts[-1])
            if lines and "\n\n" in parts[-1]:
                return parts
            sibling = getattr(sibling, step)
        if sibling is not None:
            return parts
        node = node.parent
    return parts


def _badge_of(src: str, paths: frozenset[str]) -> bool:
    """Whether ``src`` is Creative Commons' own badge of one of the licences ``paths`` name
    (``https://licensebuttons.net/l/by-nd/4.0/88x31.png``, the press kit's ``.../88x31/png/by-nd.png``):
    its picture names the licence ("cc by nd"), whatever its ``alt`` says."""
    src = src.strip().lower()
    host = host_of(src) or ""
    if not any(host_matches(host, badge) for badge in BADGE_HOSTS):
        return False
    path = urlsplit(src).path
    return any(f"/l/{deed}/" in path or path.endswith(f"/{deed.split('/')[0]}.png") for deed in paths)


def _deed_through_redirect(visible: VisibleBody, paths: frozenset[str]) -> tuple[str, str, tuple[str, ...]] | None:
    """(the link, the deed's address inside it, the hosts it goes through) of the first link to the licence's
    deed through a redirect (Google Docs' ``google.com/url?q=...``, Outlook's Safe Links, one inside the other),
    or None: the reader gets to the deed, but the link is the redirect's, told as the original's link through
    one is."""
    for link in dict.fromkeys(visible.anchors):
        if "creativecommons" not in link.lower() or host_matches(host_of(link) or "", "creativecommons.org"):
            continue
        found = through_redirects(link, lambda inner: "creativecommons" in inner.lower() and _linked([inner], paths))
        if found is not None:
            target, hosts = found
            if any("urldefense" in host for host in hosts) and "__" in target:
                target = target.partition("__")[0]  # Proofpoint's "__https://...__;!!...$": the address between
            return link, target, hosts
    return None


def _other_licence(
    visible: VisibleBody, accepted: frozenset[str], publishers: frozenset[str] | None = None, original: str = ""
) -> tuple[str, str] | None:
    """(the link, its licence id) of the first link to another version of a licence the rule accepts (CC BY
    4.0 for CC BY 3.0), or to a licence of other terms in a sentence about the republication ("republished
    under a CC BY-ND 4.0 licence" for a BY-NC-ND original), if any: the article's licence given wrongly. A
    link to a licence of other terms anywhere else is another work's (a photo's CC BY-SA 2.0), and says
    nothing of the article's."""
    kinds = {_terms(spdx) for spdx in accepted}
    for link in (*visible.anchors, *visible.links):
        if "creativecommons" in link.lower():
            spdx = normalize_license(link)
            if spdx and deed_path(spdx) and licence_id(spdx) not in accepted and _terms(spdx) in kinds:
                return link, spdx
    blocks: dict[int, tuple[str, bool]] = {}  # each block read once, however many links it holds
    names = [normalize(name) for name in publishers or ()]
    for anchor, href in visible.anchor_nodes():
        if href and "creativecommons" in href.lower():
            spdx = normalize_license(href)
            if (
                spdx
                and deed_path(spdx)
                and licence_id(spdx) not in accepted
                and _about_the_republication(anchor, names, original, blocks, visible)
            ):
                return href.strip(), spdx
    for link in visible.bare_links():  # a deed's address written out: plain text's, Markdown's bare URL
        if "creativecommons" in link.lower():
            spdx = normalize_license(link)
            if spdx and deed_path(spdx) and licence_id(spdx) not in accepted:
                block = visible.bare_url_block(link)
                if block is not None and _bare_about_the_republication(block, link, names, original):
                    return link, spdx
    return None


def _bare_about_the_republication(block: str, link: str, names: list[str], original: str) -> bool:
    """:func:`_about_the_republication` for a bare URL, whose block is text alone (``block``, normalised): it
    credits this republication (says so, and names the publisher or writes out the original's address) and
    names no other work before the address."""
    if len(block) > _SENTENCE_BLOCK or not _REPUBLICATION.search(block):
        return False
    bare = _bare_address(as_address(original)) if original else ""
    # The block is normalised (in lower case): so are the addresses compared.
    linked = bool(bare) and any(_bare_address(url).lower() == bare.lower() for url in find_bare_urls(block, set))
    if not (linked or any(name and name in block for name in names)):
        return False
    written = link if link in block else link.removeprefix("http://")
    return not _OTHER_WORK.search(block[: max(block.find(written), 0)])


#: What a credit says when it gives the licence by reference to the original ("under a Creative Commons license").
_UNDER_CREATIVE_COMMONS = re.compile(
    r"\bunder (?:a |an |the )?creative commons licen[cs]e\b"
    # The Conversation's editions in Spanish, Portuguese, French and German say it in their language.
    r"|\bbajo (?:una |la )?licencia creative commons\b|\bsob (?:uma |a )?licen[cç]a creative commons\b"
    r"|\bsous (?:une |la )?licence creative commons\b|\bunter (?:einer |der )?creative[ -]commons[ -]lizenz"
)
#: How many links to the original are read for a licence given by reference, and how much text around each.
_REFERENCES_READ = 20
_AROUND = 300


def _by_reference(visible: VisibleBody, original: str, names: tuple[str, ...], aliases: tuple[str, ...] = ()) -> bool:
    """Whether the paragraph around a link to the original (the inline text beside it, up to a block, a line
    break or a blank line) says the story is under a Creative Commons licence ("under a Creative Commons
    license") or names the licence, one of ``names`` (see the ``by_reference`` parameter). The first few such
    links are read, each over a bounded stretch: linear however many there are. A link to the article on a
    host of the policy's ``host_aliases`` (``aliases``) is a link to it."""
    key = normalize_url(as_address(original)) if original else None
    if key is None:
        return False
    keys = same_article_keys(key, aliases)
    sites = tuple({one.partition("/")[0]: None for one in keys})  # the keys' hosts: a redirect's address names one
    read = 0
    for anchor, href in visible.anchor_nodes():
        if not href or (normalize_url(href) not in keys and not _redirect_to(href, keys, sites)):
            continue
        around = _paragraph_around(anchor)
        said = normalize(around)
        if _UNDER_CREATIVE_COMMONS.search(said) or any(find_phrase(said, name) >= 0 for name in names):
            return True
        if len(around.split()) <= _POINTER_WORDS:  # "Read the full article on The Conversation": the credit next
            said = normalize(_next_block(anchor))
            if _UNDER_CREATIVE_COMMONS.search(said) or any(find_phrase(said, name) >= 0 for name in names):
                return True
        read += 1
        if read >= _REFERENCES_READ:
            break
    return False


def _redirect_to(href: str, keys: tuple[str, ...], sites: tuple[str, ...]) -> bool:
    """Whether ``href`` is a redirect to the original (Google Docs' ``google.com/url?q=...``, Outlook's Safe
    Links): its credit gives the licence by reference as a direct link's does (the redirect is told by the link
    rule)."""
    lowered = href.lower()
    # A site in punycode (the original's host in another script) may be written in its own letters in the link.
    if not any(site in lowered for site in sites) and not any("xn--" in site for site in sites):
        return False
    return through_redirects(href, lambda inner: normalize_url(inner) in keys) is not None


#: A link's paragraph of at most this many words is a pointer to the original ("Read the full article on The
#: Conversation", the line an extract ends with): the credit may follow in a paragraph of its own.
_POINTER_WORDS = 12


def _next_block(anchor: Any) -> str:
    """The text of the block after the one holding ``anchor``, at most :data:`_AROUND` characters; "" when
    there is none."""
    node = anchor
    while node is not None and node.tag in (*_INLINE, "-text"):
        node = node.parent
    sibling = node.next if node is not None else None
    while sibling is not None and sibling.tag == "-text" and not sibling.text(deep=False).strip():
        sibling = sibling.next
    if sibling is None or sibling.tag == "-text":
        return ""
    return sibling.text(deep=True, separator="")[:_AROUND]


def _paragraph_around(anchor: Any) -> str:
    """The text of a link and of the inline elements and text beside it, up to a block, a line break or a
    blank line (a post's content without ``<p>`` parts its paragraphs so), at most :data:`_AROUND` characters
    either side."""
    head = "".join(reversed(_inline_beside(anchor, "prev", _AROUND, lines=True))).rsplit("\n\n", 1)[-1]
    tail = "".join(_inline_beside(anchor, "next", _AROUND, lines=True)).split("\n\n", 1)[0]
    return head + anchor.text(deep=True, separator="") + tail


#: Words of a sentence about the republication itself ("republished under", "This article is licensed ...").
_REPUBLICATION = re.compile(
    r"\b(republish\w*|reprint\w*|originally published|first published|originally appeared|first appeared"
    r"|(this|the) (article|story|piece|report) (is|was) (licen[cs]ed|published|distributed)"
    r"|(is|are) licen[cs]ed under)\b"  # CC's own credit: '"Title" by Author is licensed under CC BY 4.0'
)
#: Words of a caption or credit of another work: its licence is that work's.
_OTHER_WORK = re.compile(
    rf"\b({OTHER_WORK_WORDS}|footage|icons?|logos?|diagrams?|audio|podcasts?|music|songs?|data|dataset|software)\b"
)
#: Elements a sentence runs through: the block around a link is the first ancestor that is none of them.
_INLINE = frozenset({"a", "em", "i", "strong", "b", "span", "small", "sup", "sub", "mark", "u", "cite", "q"})


def _about_the_republication(
    anchor: Any, names: list[str], original: str, blocks: dict[int, tuple[str, bool]], visible: VisibleBody
) -> bool:
    """Whether the block a licence link stands in is about this republication: it says so ("republished
    under"), names the publisher or links the original (its address, a query or fragment aside), names no
    other work before the link ("Photo by ..., licensed under"; "Photos are not included" after it is the
    credit's own), and is no figure's caption. A short line that is a licence label ("Licence: ...") is
    the article's too. ``blocks``: what was read of each block already; ``visible``: the page, whose ``<base
    href>`` leads its relative links."""
    block = anchor.parent
    while block is not None and block.tag in _INLINE:
        block = block.parent
    if block is None or block.tag in ("body", "html"):
        return False  # no block of its own: nothing tells what it is about
    read = blocks.get(block.mem_id)
    if read is None:
        read = blocks[block.mem_id] = _read_block(block, names, original, visible)
    whole, credits = read
    if not credits:
        return False
    before = normalize(whole[: max(whole.find(anchor.text(deep=True, separator=" ")), 0)])
    return not _OTHER_WORK.search(before)


def _read_block(block: Any, names: list[str], original: str, visible: VisibleBody) -> tuple[str, bool]:
    """A block's text, and whether it may credit this republication (see :func:`_about_the_republication`)."""
    ancestor = block
    while ancestor is not None:
        if ancestor.tag in ("figure", "figcaption"):
            return "", False  # a picture's caption: its licence is the picture's
        ancestor = ancestor.parent
    whole = block.text(deep=True, separator=" ")
    if len(whole) > 4 * _SENTENCE_BLOCK:
        return "", False
    text = normalize(whole)
    if len(text) <= _LABEL_BLOCK and _LICENCE_LABEL.match(text):
        return whole, True  # "Licence: CC BY-ND 4.0", a line of its own: the article's licence
    if len(text) > _SENTENCE_BLOCK or not _REPUBLICATION.search(text):
        return "", False
    bare = _bare_address(as_address(original)) if original else ""
    linked = bool(bare) and any(
        _bare_address(visible.followed(link.attributes.get("href") or "")) == bare for link in block.css("a[href]")
    )
    return whole, linked or any(name and name in text for name in names)


def _bare_address(url: str) -> str:
    """An address without its query, fragment and last slash, as a comparison key (:func:`normalize_url`'s,
    for a web address): the original linked with ``?utm_source=rss``, or as Markdown renders the link to it
    (``/zürich`` as ``/z%C3%BCrich``), is the original."""
    bare = url.strip().split("#", 1)[0].split("?", 1)[0].rstrip("/")
    return (normalize_url(bare) if bare else None) or bare


#: A block longer than this is more than a credit's few sentences (a paragraph of the story).
_SENTENCE_BLOCK = 600
#: A line giving the article's licence as a label does ("Licence: CC BY-ND 4.0", "License - CC BY 4.0"), up
#: to this long: a label and a licence's name, not a sentence about something else.
_LABEL_BLOCK = 80
_LICENCE_LABEL = re.compile(r"(?:this (?:article|story|work)'?s? )?licen[cs]e\s*[:\u2013\u2014-]")


#: A licence's terms as a link's text gives them ("CC BY-NC 4.0", "CC-BY-SA"), and its version when given.
_CODE = re.compile(r"cc[ -]?by((?:[ -](?:nc|nd|sa)\b)*)(?:[ -]?v?(\d\.\d)\b)?")
#: The same as a licence's title gives them ("Creative Commons Attribution-NonCommercial 4.0 International",
#: "Attribution-NoDerivs 3.0"): after "Creative Commons", or with a version ("attribution guidelines" is none).
_TITLE = re.compile(
    r"(creative commons )?\battribution((?:(?: ?[-–] ?| )(?:non-?commercial|no-?deriv(?:ative)?s|share-?alike)\b)*)"
    r"(?: ?[-–]? ?(\d\.\d)\b)?"
)
#: The terms and version a licence badge's image address gives ("licensebuttons.net/l/by-nc/4.0/88x31.png",
#: "mirrors.creativecommons.org/presskit/buttons/88x31/png/by-nc.png").
_BADGE = re.compile(
    r"/l/(by(?:-(?:nc|nd|sa))*)/(\d\.\d)/|/buttons/\d+x\d+/(?:png|svg)/(by(?:-(?:nc|nd|sa))*)\.(?:png|svg)"
)
#: A title's words for a licence's terms.
_TITLE_TERMS = (("commercial", "NC"), ("deriv", "ND"), ("share", "SA"))


def _code_terms(found: re.Match[str]) -> str:
    return "CC-BY" + "".join(f"-{part.upper()}" for part in re.split(r"[ -]", found.group(1)) if part)


@lru_cache(maxsize=1024)
def _named(words: str) -> tuple[str, str | None] | None:
    """The terms ("CC-BY-NC") and version ("4.0", or None) ``words`` name a licence by: its code ("CC BY-NC
    4.0") or its title ("Creative Commons Attribution-NonCommercial 4.0 International"); None for neither."""
    text = words.lower() if words.isascii() else normalize(words)
    found = _CODE.search(text)
    if found is not None:
        return _code_terms(found), found.group(2)
    found = _TITLE.search(text)
    if found is None or not (found.group(1) or found.group(3)):
        return None
    said = found.group(2)
    terms = "CC-BY" + "".join(f"-{term}" for word, term in _TITLE_TERMS if word in said)
    return terms, found.group(3)


@lru_cache(maxsize=1024)
def _badge_named(src: str) -> tuple[str, str | None] | None:
    """The terms and version a Creative Commons badge's image address names, or None."""
    found = _BADGE.search(src.lower())
    if found is None:
        return None
    terms = found.group(1) or found.group(3)
    return "CC-" + terms.upper(), found.group(2)


@lru_cache(maxsize=256)
def _version(spdx: str) -> str | None:
    found = re.search(r"-(\d\.\d)", licence_id(spdx))
    return found.group(1) if found else None


def _mislabelled(visible: VisibleBody, accepted: frozenset[str]) -> tuple[str, str, str] | None:
    """(the link, its text, the deed's licence id) of a link to the deed of a licence the rule accepts whose
    text names other terms or another version ("[CC BY 4.0](.../by-nc/4.0/)", "[Creative Commons Attribution
    4.0 International](.../by-nc/4.0/)", "[CC BY 3.0](.../by/4.0/)"), or whose badge does (its ``alt``, or
    its image's address): readers told a NonCommercial story is free to sell. Only the links to such a deed
    are read (most reprints have one or none)."""
    # Only the links to a Creative Commons address are read (kept with the page's links, not found again).
    linked = visible.deed_anchors()
    deeds = {
        href for _, href in linked if (spdx := normalize_license(href)) is not None and licence_id(spdx) in accepted
    }
    if not deeds:
        return None
    for anchor, href in linked:
        if href not in deeds:
            continue
        spdx = normalize_license(href)
        if not spdx:
            continue
        words = anchor.text(deep=True, separator="")
        said: list[tuple[str, tuple[str, str | None] | None]] = [(" ".join(words.split()), _named(words))]
        for image in anchor.traverse(include_text=False):  # a selector compiled per anchor cost 10x this walk
            if image.tag != "img":
                continue
            alt = image.attributes.get("alt") or ""
            said.append((" ".join(alt.split()), _named(alt)))
            src = image.attributes.get("src") or ""
            said.append((src.strip(), _badge_named(src)))
        terms, version = _terms(spdx), _version(spdx)
        for shown, named in said:
            if named is not None and (named[0] != terms or (named[1] is not None and named[1] != version)):
                return href.strip(), shown, spdx
    return None


@lru_cache(maxsize=256)
def _terms(spdx: str) -> str:
    """A Creative Commons licence's terms without its version or port: "CC-BY-NC-ND" for CC-BY-NC-ND-3.0-US."""
    return re.sub(r"-\d.*$", "", licence_id(spdx).upper())


#: A block that opens as a picture's credit: "Photo: ...", "Photo by ...", "Lead image courtesy of ...".
#: A picture's credit's opening words: "photo: ", "images by ", "chart courtesy of ".
_PICTURE_CREDIT_WORDS = (
    rf"(?:{OTHER_WORK_WORDS})(?: and (?:{OTHER_WORK_WORDS}))?(?: by|:| ©| \(c\)| credit:?| courtesy of) "
)
_PICTURE_CREDIT = re.compile(rf"[\W_]*(?:(?:featured|lead|top|main|header|cover|hero) )?{_PICTURE_CREDIT_WORDS}")
#: What ends a sentence or a clause in a block: a credit with one is more than a picture's.
_CLAUSE_END = re.compile(r"[.!?;|·—–](?:\s|$)(?!$)")


def _picture_credit(block: str) -> bool:
    """Whether normalised ``block`` is a picture's credit alone: it opens as one ("Photo: Ana Ruiz, CC BY
    4.0", "Photo by Ana Ruiz is licensed under CC BY 4.0") and says nothing else (no second sentence, no
    separator, no word of the article's credit: "Photo: Ana Ruiz. Republished under CC BY 4.0." gives the
    article's licence too)."""
    return (
        _PICTURE_CREDIT.match(block) is not None
        and _CLAUSE_END.search(block.rstrip()) is None
        and _ARTICLE_CREDIT.search(block) is None
    )


def _only_in_picture_credits(visible: VisibleBody, paths: frozenset[str], names: tuple[str, ...]) -> bool:
    """Whether every block that names the licence, links its deed or writes its address out is a picture's
    credit (:func:`_picture_credit`), and there is one: the licence given is the picture's, not the article's
    (3(a)(1)(C) asks that the licensed material is said to be under it)."""
    if not visible.may_contain(_OTHER_WORK_STEMS):
        return False  # no picture's credit at all
    stems = tuple(stem.decode("utf-8") for stem in visible.held_of(_OTHER_WORK_STEMS))  # those the text holds
    if not _credit_before_a_mark(visible.text, names, stems):
        return False  # no picture's credit runs on to the licence: the look at every block spared
    blocks = _licence_blocks(visible, paths, names)
    return bool(blocks) and all(_picture_credit(block) for block in blocks)


def _credit_before_a_mark(text: str, names: tuple[str, ...], stems: tuple[str, ...] = OTHER_WORK_STEMS) -> bool:
    """Whether a picture's credit runs on to a mark of the licence in the normalised ``text``
    (:func:`_credit_then_licence`), looked for only before each of the marks' few copies that has a stem of
    :data:`~.base.OTHER_WORK_STEMS` (of ``stems``: all those ``text`` holds) in the :data:`_CREDIT_REACH`
    characters before it, not in the whole article.

    The marks are looked for after each copy of a stem the text holds (most pages that get here hold one or
    two, a few times), not in the whole text (a find of each of a licence's eight marks in a 7 KB article,
    ~4 µs each): the same copies, unless a mark may overlap its own copy (none of the licences' names does),
    when each mark is found in the whole text as before.
    """
    marks = _licence_marks(names)
    if not _self_overlapping(marks):
        return _credit_after_a_stem(text, names, marks, stems)
    credit = None
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            start = max(0, at - _CREDIT_REACH)
            if any(stem in text[start:at] for stem in OTHER_WORK_STEMS):
                credit = credit or _credit_then_licence(names)
                if credit.search(text, start, at + len(mark)) is not None:
                    return True
            at = text.find(mark, at + len(mark))
    return False


def _credit_after_a_stem(text: str, names: tuple[str, ...], marks: tuple[str, ...], stems: tuple[str, ...]) -> bool:
    """:func:`_credit_before_a_mark`, the marks looked for from each copy of a stem to :data:`_CREDIT_REACH`
    characters on: a mark's copy at ``at`` has the stem at ``p`` in the reach before it exactly when
    ``p + len(stem) <= at <= p + _CREDIT_REACH``."""
    credit = None
    asked: set[tuple[int, str]] = set()  # the marks' copies searched from already (a stem's copies reach alike)
    for stem in stems:
        p = text.find(stem)
        while p >= 0:
            for mark in marks:
                end = p + _CREDIT_REACH + len(mark)
                at = text.find(mark, p + len(stem), end)
                while at >= 0:
                    if (at, mark) not in asked:
                        asked.add((at, mark))
                        credit = credit or _credit_then_licence(names)
                        if credit.search(text, max(0, at - _CREDIT_REACH), at + len(mark)) is not None:
                            return True
                    at = text.find(mark, at + 1, end)
            p = text.find(stem, p + 1)
    return False


@lru_cache(maxsize=64)
def _self_overlapping(marks: tuple[str, ...]) -> bool:
    """Whether a mark may overlap a copy of itself (starts as it ends: "cc by 3.0 ec"), whose copies the search
    of the whole text finds one after another's end, and the search after a stem would find overlapping."""
    return any(mark[:size] == mark[-size:] for mark in marks for size in range(1, len(mark)))


#: The stems as the prefilter's lexicon is asked about them: a text without any has no picture's credit.
_OTHER_WORK_STEMS = tuple(stem.encode("utf-8") for stem in OTHER_WORK_STEMS)
#: How far before a mark of the licence a picture's credit may open (the longest credit line read).
_CREDIT_REACH = 250


@lru_cache(maxsize=64)
def _licence_marks(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted({normalize(name) for name in names} | {"creativecommons.org/"}))


@lru_cache(maxsize=64)
def _credit_then_licence(names: tuple[str, ...]) -> re.Pattern[str]:
    """A picture's credit ("photo: ", "image by ") running on, with no sentence's end, to a mark of the licence
    (one of ``names``, or a deed's address) in the normalised text: without one, no picture's credit gives it."""
    marks = "|".join(re.escape(mark) for mark in _licence_marks(names))
    return re.compile(rf"{_PICTURE_CREDIT_WORDS}(?:[^.!?;|·—–]|[.!?;|·—–](?!\s)){{0,200}}?(?:{marks})")


#: Words that make a block the article's credit: "Originally published by ...", "This story is republished ...".
_ARTICLE_CREDIT = re.compile(r"\b(?:(?:originally|first) published|republished|(?:this|the) (?:article|story)\b)")


def _licence_blocks(visible: VisibleBody, paths: frozenset[str], names: tuple[str, ...]) -> list[str]:
    """The normalised blocks that name the licence, write its deed's address out, or link its deed."""
    marks = (*(normalize(name) for name in names), "creativecommons.org/")
    named = [block for block in visible.blocks_holding(marks) if _names_licence(block, names)]
    return named + visible.linked_blocks(lambda href: _linked([href], paths))


def _names_licence(block: str, names: tuple[str, ...]) -> bool:
    return "creativecommons.org/" in block or any(find_phrase(block, name) >= 0 for name in names)


def _written(visible: VisibleBody, paths: frozenset[str]) -> bool:
    """The deed's address written in the visible text ("creativecommons.org/licenses/by-nd/4.0")."""
    return any(visible.holds(f"creativecommons.org/licenses/{path}") for path in paths)


#: Where a sentence ends: a stop and a space (not the stop in "4.0"), or a Chinese or Japanese full stop.
_SENTENCE_END = re.compile(r"[.!?] (?=\S)|。")
#: How far before a written deed address its sentence may say "Creative Commons".
_SAID_BEFORE = 160


def _written_as_creative_commons(visible: VisibleBody, paths: frozenset[str]) -> bool:
    """The deed's address written out after words that say "Creative Commons" in its sentence ("under a
    Creative Commons licence (https://creativecommons.org/licenses/by-nd/4.0/)"): named as a link to it is."""
    text = visible.text
    for path in paths:
        at = text.find(f"creativecommons.org/licenses/{path}")
        while at >= 0:
            before = text[max(0, at - _SAID_BEFORE) : at]
            sentence = _SENTENCE_END.split(before.removesuffix("https://").removesuffix("http://"))[-1]
            if _SAYS_CC.search(sentence):
                return True
            at = text.find(f"creativecommons.org/licenses/{path}", at + 1)
    return False


@lru_cache(maxsize=256)
def _covered(licenses: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """What a rule's ``licenses`` accept: SPDX ids, their deed paths, and every way of naming them."""
    accepted = frozenset(licence_id(spdx) for spdx in licenses)
    paths = frozenset(p for p in (deed_path(s) for s in accepted) if p)
    names = tuple(dict.fromkeys(n for s in sorted(accepted) for n in describe(s, all_names=True)))
    return accepted, paths, names


def _unlinked_unnamed(
    params: Params, visible: VisibleBody, paths: frozenset[str], names: tuple[str, ...], *, printed: bool = False
) -> tuple[bool, bool]:
    """Whether the licence is not linked (when the rule asks for a link) and not named (when it asks for its
    name) in what a reader sees. ``printed``: on paper, where a hyperlink shows only its words, the deed's
    address must be written out."""
    # Real anchors first: bare URLs are only collected when no anchor is the deed; last, the deed's address
    # written out as text, which the licences accept too ("the URI or hyperlink", 4.0 3(a)(1)(C); 3.0 4(a)),
    # and which is all a printed page can give.
    linked = not printed and (_linked(visible.anchors, paths) or _linked(visible.links, paths))
    unlinked = params.link and not (linked or _written(visible, paths))
    # Named: by one of its names, or by a link to its deed whose text says "Creative Commons" (a
    # publisher's own snippet: "republished under a [Creative Commons license](deed)"): the deed's
    # address says which licence it is, and the licences ask for the URI or hyperlink (3(a)(1)(C)).
    unnamed = params.named and not (
        visible.has_any(names)
        or (linked and _deed_says_creative_commons(visible, paths))
        or (_written(visible, paths) and _written_as_creative_commons(visible, paths))
    )
    return bool(unlinked), bool(unnamed)


class _NamedOnly:
    """A rule's params with the link it asks for set aside: on air no one follows a link, nor hears an address
    read out; the licence is named in words, the deed's address kept in the show's notes."""

    __slots__ = ("_params",)

    def __init__(self, params: Params) -> None:
        self._params = params

    def __getattr__(self, name: str) -> Any:
        return False if name == "link" else getattr(self._params, name)


def _named_only(params: Params) -> Params:
    return _NamedOnly(params)  # type: ignore[return-value]


def _title(spdx: str, name: str) -> str:
    """The licence's name to read aloud: its title ("Creative Commons Attribution-NoDerivatives 4.0
    International"), which a listener follows better than a short name's letters (either names it)."""
    from ..licenses import title_of

    return title_of(spdx) or name


def _at_link(reprint: Reprint, href: str, detail: str, fix: str, headline: str | None = None) -> Problem:
    """A finding about a licence link that is there but wrong, at the link: to correct, not to add beside."""
    written = reprint.as_written(reprint.visible.written_href(href))  # a relative address a <base href> led on
    return Problem.at(reprint.span_url(written), detail=detail, fix=fix, specific=True, headline=headline)


def named_without_port(written: str, declared: str | None, accepted: frozenset[str]) -> str | None:
    """The ported licence a rule accepts that the metadata names without its port ("CC BY-NC-ND 3.0" for
    CC-BY-NC-ND-3.0-US), as the visible text may; None otherwise. Only a name with no port at all: one saying
    "Unported" (or "Generic", "International"), an SPDX id (``CC-BY-NC-ND-3.0``) and a deed's address
    (``.../by-nc-nd/3.0/``) name the unported licence, another one."""
    text = written.strip().casefold()
    if declared is None or "creativecommons" in text or re.fullmatch(r"cc-[a-z-]+-\d\.\d", text):
        return None
    if re.search(r"\b(?:unported|generic|international)\b", text):  # "CC BY-NC-ND 3.0 Unported": not ported
        return None
    path = deed_path(declared)
    if path is None or path.count("/") != 1:  # itself ported ("CC BY-NC-ND 3.0 AU")
        return None
    ported = [spdx for spdx in accepted if spdx.startswith(declared + "-")]
    return ported[0] if len(ported) == 1 else None


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    meta = reprint.metadata
    accepted, paths, names = _covered(tuple(params.licenses))
    declared = normalize_license(meta.license) if meta.license else None
    if meta.license and declared not in accepted:
        declared = named_without_port(meta.license, declared, accepted) or declared
    if meta.license and declared not in accepted:
        yield Problem.about(
            reprint,
            "license",
            headline="The metadata's licence is not one this policy covers",
            detail=f"the metadata says {meta.license}, but this policy covers {', '.join(sorted(accepted))}",
            fix=f"Check the original's licence: correct 'license' in the metadata (the policy says "
            f"{', '.join(sorted(accepted))}), or check that this is the policy for it.",
            specific=True,
        )
        return
    spdx = declared or sorted(accepted)[0]
    visible = reprint.visible
    mislabelled = _mislabelled(visible, accepted)
    if mislabelled is not None:
        href, words, deed = mislabelled
        name = describe(deed)[0]
        yield _at_link(
            reprint,
            href,
            f'the link to the licence reads "{words}", but goes to {name}: the name shown is another licence\'s',
            f"Correct the link's text to {name}, the licence the original is under.",
        )
        return
    printed = meta.medium == "print"
    if meta.medium == "broadcast":  # on air, in a reasonable manner for the medium (4.0 3(a)(2)): named aloud
        params = _named_only(params)
    unlinked, unnamed = _unlinked_unnamed(params, visible, paths, names, printed=printed)
    if not (unlinked or unnamed):
        # Given in a picture's caption only ("Photo: ... CC BY 4.0"), a <figcaption> or a Markdown picture's
        # emphasised line under it, the licence is the picture's.
        apart = reprint.visible_apart(CAPTION_LINES)
        if apart is not visible:
            unlinked, unnamed = _unlinked_unnamed(params, apart, paths, names, printed=printed)
            if (unlinked or unnamed) and any(
                not _picture_credit(block) for block in _licence_blocks(visible, paths, names)
            ):
                # An emphasised line under a logo or a licence's badge that is no picture's credit ("Originally
                # published by ... under CC BY 4.0", "Shared under CC BY-ND 4.0") is the article's, no caption;
                # a <figcaption>'s words are still the picture's.
                figures = reprint.visible_apart(CAPTIONS)
                unlinked, unnamed = (
                    _unlinked_unnamed(params, figures, paths, names, printed=printed)
                    if figures is not visible
                    else (False, False)
                )
        if not (unlinked or unnamed) and _only_in_picture_credits(apart, paths, names):
            # Or in a paragraph that is a picture's credit ("Photo: Ana Ruiz, CC BY 4.0"): the same.
            unlinked, unnamed = bool(params.link), bool(params.named)
        if not (unlinked or unnamed):
            return
    name, url = describe(spdx)
    line, column = reprint.end_position()
    original = (reprint.metadata.original_url or "").strip()
    other = _other_licence(visible, accepted, publisher_names(context.policy), original) if unlinked else None
    if other is not None:  # another licence, or another version, given where this one is due: to correct
        href, other_id = other
        other_name = describe(other_id)[0]
        yield _at_link(
            reprint,
            href,
            f"it gives {other_name} ({href}), not {name}, {THERE_BUT_WRONG[4]}",
            f"Correct the licence to [{name}]({url}): the original is under {name}, not {other_name}.",
        )
        return
    # Before a redirect's: under a <base href>, or as https:/creativecommons.org/..., the deed's address is
    # inside the one a browser follows, which is no redirect but a page of the reprint's own site.
    unschemed = _deed_without_scheme(visible, paths) if unlinked and not printed else None
    if unschemed is not None:  # linked, but to a page of the reprint's own site: to correct, not to add beside
        href, target, lacks = unschemed
        written = visible.written_href(href)
        said, added = relative_told(lacks, written, based=written != href)
        detail = f"its link to the licence deed {said}"
        fix = f"Add {added} to the deed's address: {target}."
        if unnamed:
            detail += f', and the licence is not named (e.g. "{name}")'
            fix = f"Name the licence and link its deed: [{name}]({target})."
        yield _at_link(reprint, href, detail, fix, f"The licence ({name}) is not linked to its deed")
        return
    redirected = _deed_through_redirect(visible, paths) if unlinked and not printed else None
    if redirected is not None:  # linked, but through a redirect: to correct, not to add beside
        href, target, hosts = redirected
        detail = f"it links to the licence deed through {redirects_told(hosts)}, {THERE_BUT_WRONG[13]}"
        said, fix = "is named, but", f"Link to the licence deed directly: {target}."
        if unnamed:  # "Creative Commons" alone names no licence
            detail += f', and does not name the licence (e.g. "{name}")'
            said, fix = "is not named, and", f"Name the licence and link its deed directly: [{name}]({target})."
        # Linked, as a reader follows it: not "not named and linked", the rule's message.
        headline = f"The licence ({name}) {said} its deed is linked only through another site"
        yield _at_link(reprint, href, detail, fix, headline)
        return
    aliases = context.policy.host_aliases
    if params.by_reference and not printed and _by_reference(visible, original, names, aliases):
        return  # "under a Creative Commons license. Read the original article.": the original names it
    if meta.medium == "broadcast":
        detail = f'the licence is not named aloud (e.g. "{_title(spdx, name)}")'
        fix = f'Say: "This story is used under the {_title(spdx, name)} licence."'
    elif printed and unlinked:  # a link on paper is its words alone
        detail = f"in print the deed's address must be written out ({url}): a hyperlink shows only its words"
        if unnamed:
            detail = f'the licence is not named (e.g. "{name}"), and {detail}'
        fix = f'Add: "This article is republished under a {name} licence ({url})."'
    elif unlinked and unnamed:
        detail = f'the licence is neither named (e.g. "{name}") nor linked to its deed {url}'
        fix = f'Add: "This article is republished under a [{name}]({url}) licence."'
    elif unlinked:
        detail = f"no link to the licence deed {url}, nor its address written out"
        fix = f'Add: "This article is republished under a [{name}]({url}) licence."'
    else:
        detail = f'the licence is not named (e.g. "{name}")'
        fix = f'Add: "This article is republished under a [{name}]({url}) licence."'
    # On air this fix, not the policy's own (which gives a link to follow).
    yield Problem(line, column, detail=detail, fix=fix, specific=meta.medium == "broadcast")
