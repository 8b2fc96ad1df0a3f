"""``element``: a required element, such as a publisher's tracking pixel, is present, visible and unaltered.

PASS (pattern: "^https://pixel\\.example\\.org/p\\.gif\\?id="): ``<img src="https://pixel.example.org/p.gif?id=42">``

FAIL: no such image; the image inside ``display:none`` or ``hidden`` (hiding it is "altering" it, and
inside a ``<template>`` or ``<noscript>`` it never loads); the image lazy-loaded, its URL in ``data-src``
behind a placeholder ``src`` (a script must swap it in, and a reader who never scrolls to it is never
counted); the image served through an image CDN or proxy (``https://i0.wp.com/pixel.example.org/p.gif``:
the proxy fetches it once and the publisher counts nobody); the image with ``loading="lazy"``, resized to
0x0, or replaced by its own ``srcset`` or its ``<picture>``'s ``<source>``; or an image on the pixel's host
whose URL no longer matches (rewritten by a CDN, AMP or a sanitiser). A ``script`` (``tag: script``, a
tracking script) runs wherever it stands: it fails only missing, of a type no browser runs, or in a
``<noscript>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..reprint import Reprint
from ..urls import as_address, embedded_addresses, host_of, meant_address, normalize_url
from ..visible import ADDRESS_ATTRIBUTES, Media
from .base import (
    Context,
    Problem,
    compile_pattern,
    literal_path,
    original_id,
    pattern_host,
    re2_escape,
    relative_told,
    template_values,
    url_pattern,
)

if TYPE_CHECKING:
    from ..policy.model import Policy
    from .params import ElementParams as Params

NAME = "element"
SUMMARY = "A required element (e.g. a tracking pixel image) whose URL matches a pattern is present, not hidden."


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    if reprint.format == "text" and reprint.metadata.medium == "newsletter":
        return  # a plain-text email carries no element at all: the terms' pixel is asked of an HTML one
    if reprint.metadata.medium in ("print", "broadcast"):
        return  # no element is on paper or on air: a rule without its own "when" asks for none there either
    # A script is read apart from the media (it shows nothing), and runs wherever it stands: none is hidden,
    # but one of a type no browser runs, or in a <noscript>, is there and never runs.
    shown, hidden_media = reprint.scripts if params.tag == "script" else reprint.media
    pattern = filled_pattern(params.pattern, reprint, context.policy)
    regex = url_pattern(pattern, own=pattern != params.pattern)
    found = next((m for m in shown if m.tag == params.tag and regex.search(_sent(m.src))), None)
    if found is not None:
        yield from _kept_as_given(found, reprint, regex)
        return
    if pattern != params.pattern and any(
        m.tag == params.tag and _names_the_original(params.pattern, m.src, reprint) for m in shown
    ):
        return  # the original's address in another spelling (a trailing slash, tracking, not encoded)
    if any(m.tag == params.tag and _offered(m, regex) for m in [*shown, *reprint.visible.media_without_src()]):
        return  # offered in its srcset, over a placeholder src ("data:,") or none: the browser loads it so
    if pattern != params.pattern:  # the element there, but for another article: it counts that one
        anyone = url_pattern(PLACEHOLDER.sub(".*", params.pattern))
        other = next((m for m in shown if m.tag == params.tag and anyone.search(m.src)), None)
        if other is not None:
            written = reprint.as_written(other.src)
            if _names_original_within(other.src, reprint, context):  # its address names it, and more or less
                detail = (
                    f"{written} is there but altered: its address names this reprint's original, but not in "
                    f"the form the rule asks for (/{params.pattern}/)"
                )
                fix = None
            else:
                detail = f"{written} is there but for another article: its address does not name " + _named_values(
                    params.pattern, reprint, context
                )
                element = _filled(params, reprint, context)
                fix = f"Replace it with the element for this reprint's original: {element}" if element else None
            yield Problem.at(reprint.span(written), detail=detail, fix=fix, specific=True)
            return
    line, column = reprint.end_position()
    # Lazy-loaded first: a lazy loader's <noscript> copy of it (hidden) is no more than its fallback.
    lazy = _lazy_address(reprint, [m for m in shown if m.tag == params.tag], params.tag, regex)
    if lazy is not None:
        yield Problem.at(
            reprint.span(lazy),
            detail="it is there but lazy-loaded (its URL in a data- attribute, not in src), so it loads only if a "
            "script swaps it in",
            fix=f'Give it the URL as src: <{params.tag} src="{lazy}" ...>, with no lazy loading.',
            specific=True,
        )
        return
    hidden = [m for m in hidden_media if m.tag == params.tag and regex.search(m.src)]
    if hidden and params.tag == "script":
        kind = hidden[0].attrs.get("type")
        why = f'of type="{kind}", which no browser runs' if kind is not None and not _runs(kind) else "in a <noscript>"
        yield Problem.at(
            reprint.span(reprint.as_written(hidden[0].src)),
            detail=f"it is there but never runs: it is {why}",
            fix=f'Give the page the publisher\'s tag unchanged: <script src="{hidden[0].src}" async></script>.',
            specific=True,
        )
        return
    if hidden:
        yield Problem.at(
            reprint.span(reprint.as_written(hidden[0].src)),
            detail="it is there but hidden: hiding the publisher's element alters it, and some ways of hiding "
            "it (a <template>, a <noscript>) keep it from loading at all",
            # The rule's own fix says to paste it in: a second copy would count each reader twice.
            fix=_correct_fix(params.tag),
            specific=True,
        )
        return
    unschemed = _without_scheme(shown, params, regex)
    if unschemed is not None:  # a path on the reprint's own site: the publisher's server never sees it asked for
        item, address, lacks = unschemed
        written = reprint.as_written(item.src)
        said, added = relative_told(lacks, written)
        yield Problem.at(
            reprint.span(written),
            detail=f"its address {said}, so it never loads from the publisher's",
            fix=f'Add {added} to its address: <{params.tag} src="{address}" ...>.',
            specific=True,
        )
        return
    proxied = _proxied(shown, params, regex)
    if proxied is not None:
        yield Problem.at(
            reprint.span(reprint.as_written(proxied.src)),
            detail=f"{proxied.src} serves it through {host_of(proxied.src)}, an image CDN or proxy, so the "
            "publisher's counter never sees a reader",
            fix=_unproxied_fix(params.tag, proxied.src),
            specific=True,
        )
        return
    if params.host:
        altered = [
            m for m in shown if m.tag == params.tag and host_of(m.src) == params.host.lower() and posing(m, params)
        ]
        if altered:
            written = reprint.as_written(altered[0].src)
            yield Problem.at(reprint.span(written), f"{written} is on the right host but has been altered")
            return
    host = params.host or pattern_host(params.pattern)
    where = f"from {host} with the URL the rule asks for" if host else f"whose URL matches /{params.pattern}/"
    # An editor reads a host, not a pattern; and, where the rule gives the element, the element to add.
    yield Problem(line, column, detail=f"no <{params.tag}> {where}", fix=_insert_fix(params, reprint, context))


def _correct_fix(tag: str) -> str:
    """The fix for the publisher's element there but hidden or resized to nothing: correct that one (a rule's
    own fix says to paste the element in, and a second copy would count each reader twice)."""
    return (
        f"Correct the <{tag}> already there: take it out of what hides it and remove any style or size that hides "
        "it, leaving it as the publisher gave it; do not add a second one, which would count each reader twice."
    )


def _filled(params: Params, reprint: Reprint, context: Context) -> str | None:
    """The rule's ``insert`` filled from the reprint, or None (no ``insert``, or metadata it needs not set)."""
    if not params.insert:
        return None
    from ..inserts import filled_insert  # not ..fix, which writes fixes into files (~25 ms of CPU to import)

    return filled_insert(params.insert, reprint, context.policy)[0]


def _insert_fix(params: Params, reprint: Reprint, context: Context) -> str | None:
    """The fix for a missing element whose rule has an ``insert``: that element, filled from the reprint as
    ``--fix`` would insert it; None where the template needs metadata that is not set (the rule's own ``fix``,
    if any, replaces it)."""
    element = _filled(params, reprint, context)
    return f"Add the publisher's element at the end of the article: {element}" if element else None


def _kept_as_given(item: Media, reprint: Reprint, regex: object) -> Iterator[Problem]:
    """A problem with the element found, or none: loaded only when a reader scrolls to it (``loading="lazy"``,
    as a CMS adds to every image: a reader who stops before the end is never counted), shown at no size
    at all (``width="0"``), which alters what the publisher gave as hiding it does, or replaced by another
    picture the browser loads in its stead (its own ``srcset``, or a ``<source>`` of its ``<picture>``)."""
    if item.tag == "script":
        return
    written = reprint.as_written(item.src)
    replaced = _replaced_by(item, reprint, regex)
    if replaced is not None:
        yield Problem.at(
            reprint.span(written),
            detail=f"it is there but {replaced}, which the browser loads in its stead, so the publisher counts nobody",
            fix=f'Give the publisher\'s element as it was given: <{item.tag} src="{item.src}" ...> alone.',
            specific=True,
        )
        return
    if (item.attrs.get("loading") or "").strip().lower() == "lazy":
        yield Problem.at(
            reprint.span(written),
            detail='it is there but lazy-loaded (loading="lazy"): it loads only for a reader who scrolls to it',
            fix='Remove loading="lazy" from it (a CMS may add it to every image: exclude this one).',
            specific=True,
        )
        return
    from .media import shown_size

    sizes = shown_size(item)
    if sizes is not None and any(size.removesuffix("px").strip() in ("0", "0.0") for size in sizes):
        yield Problem.at(
            reprint.span(written),
            detail="it is there but resized to nothing (a width or height of 0): the publisher's element is "
            "altered, as hiding it would alter it",
            fix=_correct_fix(item.tag),
            specific=True,
        )


#: A ``<picture`` or ``<PICTURE`` in a page: one search, where two plain finds read the page twice.
_PICTURE_OPEN = re.compile("<(?:picture|PICTURE)")


def _replaced_by(item: Media, reprint: Reprint, regex: object) -> str | None:
    """What replaces an image the rule found by its ``src``: a ``srcset`` none of whose addresses is the
    element's (a browser picks from it), or a ``<source srcset>`` before it in its ``<picture>``; None."""
    from .media import srcset_urls

    srcset = item.attrs.get("srcset")
    if srcset and not any(regex.search(url) for url in srcset_urls(srcset)):  # type: ignore[attr-defined]
        return f'replaced by its own srcset ("{srcset.strip()[:60]}")'
    html = reprint.html
    at = html.find(item.src) if _PICTURE_OPEN.search(html) else -1
    if at < 0:
        return None
    before = html[:at].lower()
    opened = before.rfind("<picture")
    if opened >= 0 and "</picture" not in before[opened:] and "<source" in before[opened:]:
        return "in a <picture> whose <source> offers another picture"
    return None


def _runs(kind: str) -> bool:
    from ..visible import RUN_TYPES

    return kind.split(";")[0].strip().lower() in RUN_TYPES


#: A ``{name}`` in an element's pattern (not an RE2 class name, ``\p{Greek}``): filled per reprint.
PLACEHOLDER = re.compile(r"(?<!\\[pPx])\{([A-Za-z_][A-Za-z0-9_]*)\}")
#: The placeholders of a pattern that names the article by its number alone.
_ORIGINAL_ID = frozenset({"original_id"})


def filled_pattern(pattern: str, reprint: Reprint, policy: Policy) -> str:
    """An element's pattern with its placeholders filled from the reprint (``?url={original_url_encoded}``: the
    publisher's pixel counts the article it names), each value matched as written (a percent-encoded one
    blind to the case of its hex digits); one the reprint does not give matches anything."""
    if "{" not in pattern or not PLACEHOLDER.search(pattern):
        return pattern
    wanted = frozenset(PLACEHOLDER.findall(pattern))
    # The article's number alone (a counter's /content/{original_id}/): the one template_values gives when the
    # address ends in one (it is set last there), without the page's other values (~15 µs a page).
    number = original_id(reprint.metadata.original_url) if wanted == _ORIGINAL_ID else None
    if number is not None:
        values = {"original_id": number}
    else:
        values = template_values(reprint, policy, placeholders=False, wanted=wanted)

    def value(match: re.Match[str]) -> str:
        given = values.get(match.group(1))
        if given is None:
            return ".*"
        quoted = re2_escape(given)
        return f"(?i:{quoted})" if "%" in given else quoted

    return PLACEHOLDER.sub(value, pattern)


def _sent(address: str) -> str:
    """The address a browser asks the server for: its fragment (``#x``) is never sent, so a pixel counts the
    same with one."""
    return address.partition("#")[0] if "#" in address else address


def _names_original_within(address: str, reprint: Reprint, context: Context) -> bool:
    """Whether ``address`` holds the original's address as the metadata writes it, or encoded as a pixel's
    query writes it: an element there for this article, altered (a parameter added), not another's."""
    values = template_values(reprint, context.policy, placeholders=False)
    lowered = address.lower()
    for name in ("original_url_encoded", "original_url"):
        given = (values.get(name) or "").lower()
        at = lowered.find(given) if given else -1
        while at >= 0:
            after = lowered[at + len(given) : at + len(given) + 1]
            if after in ("", "&", "#", ";"):  # the whole address, a parameter after it: not a longer one's start
                return True
            at = lowered.find(given, at + 1)
    return False


#: The placeholders that stand for the original's address, compared as links are.
_ORIGINAL_PLACEHOLDERS = ("{original_url_encoded}", "{original_url}")


def _named_values(pattern: str, reprint: Reprint, context: Context) -> str:
    """What an element's address should name and does not: this reprint's original, or the values of the
    other keys its pattern is filled with (a site's own ``{pixel_id}``)."""
    others = [
        name for name in dict.fromkeys(PLACEHOLDER.findall(pattern)) if f"{{{name}}}" not in _ORIGINAL_PLACEHOLDERS
    ]
    if not others:
        return f"this reprint's original ({reprint.metadata.original_url})"
    values = template_values(reprint, context.policy, placeholders=False)
    return ", ".join(
        f"the original's id ({values['original_id']}, the number its address ends in)"
        if name == "original_id" and "original_id" in values
        else f"this reprint's {name} ({values.get(name, 'not set')})"
        for name in others
    )


def _names_the_original(pattern: str, address: str, reprint: Reprint) -> bool:
    """Whether ``address`` matches ``pattern`` with the original's address in it written another way than the
    metadata's (``https://example.org/a/`` for ``https://www.example.org/a?utm_source=x``, encoded or not):
    each placeholder for it is read from the address and compared as links are (:func:`normalize_url`)."""
    if not any(name in pattern for name in _ORIGINAL_PLACEHOLDERS):
        return False
    key = normalize_url(as_address(reprint.metadata.original_url or ""))
    if key is None:
        return False
    loose = pattern
    for name in _ORIGINAL_PLACEHOLDERS:
        loose = loose.replace(name, "([^&#\\s]*)")
    loose = PLACEHOLDER.sub(".*", loose)
    try:
        found = compile_pattern(loose, capture=True, own=True).search(address)
    except ValueError:
        return False
    return found is not None and all(
        normalize_url(unquote(group)) == key for group in found.groups() if group is not None
    )


def _offered(item: Media, regex: object) -> bool:
    """Whether the element's own ``srcset`` (not a lazy loader's) offers the address, over a ``src`` that is a
    placeholder or none: a browser loads a ``srcset`` candidate in its stead."""
    srcset = item.attrs.get("srcset")
    placeholder = not item.src or item.src.lower().startswith("data:")
    if not srcset or not placeholder:
        return False
    from .media import srcset_urls

    return any(regex.search(url) for url in srcset_urls(srcset))  # type: ignore[attr-defined]


def _lazy_address(reprint: Reprint, shown: list[Media], tag: str, regex: object) -> str | None:
    """The matching address a lazy loader holds for a visible ``tag``: no ``src``, or a placeholder one
    (``src="data:..."``), and the URL in ``data-src`` or ``data-lazy-src``."""
    for item in [*shown, *reprint.visible.media_without_src()]:
        if item.tag != tag:
            continue
        for name in ADDRESS_ATTRIBUTES[1:]:  # not src: it did not match
            address = (item.attrs.get(name) or "").strip()
            if address and regex.search(address):  # type: ignore[attr-defined]
                return address
    return None


def posing(item: Media, params: Params, address: str | None = None) -> bool:
    """Whether ``item``, on the element's host, stands for the element altered, not another picture the
    publisher serves (a photo from its own site): its address (``address``, else its ``src``) has the path the
    rule's pattern writes out (``/pixel.gif``, ``/content/``), or, where the pattern writes none, it is
    pixel-sized or a republication tracker's."""
    from .media import is_pixel, is_tracker

    path = literal_path(params.pattern)
    host = (params.host or pattern_host(params.pattern) or "").lower()
    if len(path) > 1 and host:
        written = unquote(address if address is not None else item.src).lower()  # behind a proxy, encoded
        at = written.find(host)
        return at >= 0 and written[at + len(host) :].startswith(path.lower())
    return is_pixel(item) or is_tracker(item)


def _unproxied_fix(tag: str, address: str) -> str:
    """How to have a page load the publisher's element itself, not a CDN's copy: the setting named where the
    proxy is known by its address (Jetpack's Photon serves from ``i0.wp.com``), else in general."""
    host = (host_of(address) or "").lower()
    if host.endswith(".wp.com"):
        where = "Jetpack's image CDN (add it to Photon's exclusion list, or turn the CDN off for the post)"
    elif urlsplit(address).path.startswith("/cdn-cgi/image/"):
        where = "Cloudflare's image resizing (exclude the publisher's URL from its rules)"
    else:
        where = f"the image CDN or proxy that rewrote it ({host}: the platform's or a plugin's image setting)"
    return f"Have the page load the <{tag}> from the publisher's URL, unchanged: exclude it from {where}."


def _without_scheme(shown: list[Media], params: Params, regex: object) -> tuple[Media, str, str] | None:
    """A visible ``tag`` whose ``src`` would be the element's but for its scheme (``counter.example.org/c.gif``,
    ``https:/counter.example.org/c.gif``: :func:`~reprint_guard.urls.meant_address`), which a browser asks
    of the reprint's own site; with the address meant and what it lacks."""
    for item in shown:
        meant = meant_address(item.src) if item.tag == params.tag else None
        if meant is not None and regex.search(meant[0]):  # type: ignore[attr-defined]
            return item, *meant
    return None


def _proxied(shown: list[Media], params: Params, regex: object) -> Media | None:
    """A visible ``tag`` whose URL carries the element's own inside it: a CDN or proxy serves it."""
    host = (params.host or "").lower()
    for item in shown:
        if item.tag != params.tag:
            continue
        for address in embedded_addresses(item.src):
            if regex.search(address) or (host and host_of(address) == host):  # type: ignore[attr-defined]
                return item
    return None
