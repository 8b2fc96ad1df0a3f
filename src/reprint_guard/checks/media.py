"""``media``: images and other media (video, audio, iframes, embeds) in the reprint.

``mode: forbid`` — no media at all (text-only terms); ``mode: hosts`` — only from ``hosts``;
``mode: permission`` — media need a permission record whose scope includes ``scope`` (e.g. ``photos``).
A record naming items (``media: [/uploads/harbour.jpg]``) covers those only; from the site itself, it says
the site holds their rights, and covers an item served from the site's own server (a relative address, or
one on the config's ``own-hosts``) whoever the rule takes permission from: the site's own photo is no
publisher's. Nothing is passed unnamed: a photo on the site's server may be a copy of the publisher's.
Media whose URL matches ``except`` (the publisher's own tracking pixel) are always allowed, and so is any
image one pixel square (a site's own counter) or shown at a letter's size (a site icon after a credit
line); a picture set as an element's background counts as an image.

PASS (mode: forbid): text only, or ``<img src="https://pixel.example.org/p.gif">`` when excepted.
FAIL: ``![Harbour at dawn](harbour.jpg)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..metaview import address_of
from ..policy.model import Policy, derived, publisher_host_of
from ..reprint import Reprint, Span
from ..urls import (
    as_address,
    embedded_addresses,
    host_matches,
    host_of,
    meant_address,
    normalize_url,
    own_host_of,
)
from ..visible import (
    ADDRESS_ATTRIBUTES,
    EMBED_FALLBACK,
    IMAGE_SUFFIXES,
    LAZY_ATTRIBUTES,
    NOSCRIPT_KEY,
    SPRITE_KEY,
    SRCSET_ATTRIBUTES,
    Media,
    address_path,
    embed_item,
    find_all,
)
from .base import BADGE_HOSTS, Context, Problem, relative_told, unknown_scopes, url_pattern
from .permission import (
    OWN_SITE,
    Standing,
    another_publisher,
    late_date,
    late_fix,
    media_named,
    own_site_said,
    page_date,
    standing,
)

if TYPE_CHECKING:
    from .params import MediaParams as Params

NAME = "media"
SUMMARY = "Images and other media are forbidden, limited to some hosts, or need a permission record."


def _addresses(media: Media) -> list[str]:
    """Every address a browser may load for this item: ``src``, each ``srcset`` candidate, a video's
    ``poster``, and the ``data-src``/``data-srcset`` a lazy loader swaps in. A ``data:`` placeholder
    counts only when nothing else does (then the picture itself is inline, from no allowed host)."""
    attrs = media.attrs
    urls = [media.src] + [attrs.get(key) or "" for key in ADDRESS_ATTRIBUTES[1:]]  # media.src: <object>'s data
    for key in SRCSET_ATTRIBUTES:
        urls += srcset_urls(attrs.get(key) or "")
    urls = [url.strip() for url in urls if url and url.strip()]
    real = [url for url in urls if not url.lower().startswith("data:")]
    return real or urls


def _shown(media: Media) -> str:
    """The address a reader's browser shows for this item: the one a lazy loader swaps in (``data-lazy-src``,
    ``data-src``, jQuery Lazy Load's ``data-original``: :data:`LAZY_ATTRIBUTES`) over the placeholder its ``src``
    holds until then (Jetpack's ``1x1.trans.gif``, a ``data:`` image, a ``placeholder.gif``), else its first
    address. An embed built from an element's ``data-src`` has its own."""
    if not media.element and _placeholder(media):
        for key in LAZY_ATTRIBUTES:
            lazy = (media.attrs.get(key) or "").strip()
            if lazy and not lazy.lower().startswith("data:"):
                return lazy
    return (_addresses(media) or [media.src])[0]


#: Words a lazy loader's placeholder image is named or classed by (Jetpack's ``1x1.trans.gif`` and
#: ``jetpack-lazy-image``, a3's ``lazy_placeholder.gif``, lazysizes' ``lazyload``, ``blank.gif``, ``spacer.gif``).
_PLACEHOLDER_WORDS = ("lazy", "placeholder", "blank", "spacer", "trans.gif", "transparent", "1x1", "loading")


def _placeholder(media: Media) -> bool:
    """Whether the item's ``src`` stands in for what a lazy loader swaps in: none, a ``data:`` image, one of a
    lazy loader's class, or a file named as a placeholder (a real photo's ``src`` is what shows, whatever its
    ``data-src`` says)."""
    src = media.src.strip().lower()
    classes = (media.attrs.get("class") or "").lower()
    return not src or src.startswith("data:") or "lazy" in classes or any(w in src for w in _PLACEHOLDER_WORDS)


def srcset_urls(srcset: str) -> list[str]:
    """The addresses in a ``srcset``, read as HTML reads it: an address runs to white space, so it may hold
    commas (``/w_400,h_300/a.jpg``, ``data:image/gif;base64,R0l...``); a comma ends its descriptors."""
    urls, at, size = [], 0, len(srcset)
    while at < size:
        while at < size and (srcset[at].isspace() or srcset[at] == ","):
            at += 1
        start = at
        while at < size and not srcset[at].isspace():
            at += 1
        url = srcset[start:at]
        if url.endswith(","):
            url = url.rstrip(",")
        elif url:
            depth = 0
            while at < size and (srcset[at] != "," or depth):  # descriptors, up to the next comma
                depth += {"(": 1, ")": -1}.get(srcset[at], 0)
                at += 1
        if url:
            urls.append(url)
    return urls


def _allowed(url: str, hosts: tuple[str, ...]) -> bool:
    return any(host_matches(host_of(url) or "", host) for host in hosts)


def _outside(media: list[Media], reprint: Reprint, params: Params, skip: Any) -> list[tuple[Media, str]]:
    """Each item of media with an address from no allowed host, and that address (items with ``src``,
    then those without: the caller puts them in page order).

    Items without ``src`` count too (a ``<picture>``'s sources count as images); their addresses are
    passed over one by one when ``except`` (``skip``) matches them.
    """
    found = [(m, url) for m in media for url in _addresses(m) if not _allowed(url, params.hosts)]
    for item in reprint.visible.media_without_src():
        if not _counts(item, params):
            continue
        found += [
            (item, url)
            for url in _addresses(item)
            if not _allowed(url, params.hosts) and (skip is None or not _excepted(skip, url))
        ]
    return found


def _excepted(skip: Any, address: str) -> bool:
    """``except`` matches the address, or the one an image CDN or proxy serves through it: the tracking
    pixel rewritten by Jetpack is still the pixel, not a photo (the element check reports the rewriting)."""
    return skip.search(address) is not None or any(skip.search(inner) for inner in embedded_addresses(address))


def _counts(item: Media, params: Params) -> bool:
    """Whether an item is of the rule's kinds (a ``<picture>``'s source counts as the image it shows)."""
    return item.tag in params.tags or (item.tag == "source" and "img" in params.tags)


#: Style properties that may show an image larger than its width and height say (``max-width`` and
#: ``max-height`` only ever shrink it: a tracking pixel's ``max-width: 1px`` is still a pixel).
_ENLARGING = ("inline-size", "block-size", "aspect-ratio", "zoom", "min-width", "min-height", "transform", "scale")


def is_pixel(item: Media) -> bool:
    """An image one pixel square or less (a site's own page-view counter, a republication tracker's pixel):
    no photograph or illustration, whoever serves it. Its size is what its style's ``width`` and ``height``
    say (``style="width:1px;height:1px"``, as WordPress's Republication Tracker Tool writes it), else its
    attributes'. Not when a style may show it larger, or a ``srcset`` offers other pictures (a photo given
    ``width="1"`` and a style of ``width:100%`` is still a photo)."""
    sizes = shown_size(item)
    return sizes is not None and all(size.removesuffix("px").strip() in ("0", "1") for size in sizes)


#: The largest an icon is shown, in each unit: a site's icon beside a credit line, at the text's size.
_ICON_SIZES = {"px": 32.0, "em": 1.5, "rem": 1.5}


#: Classes a platform gives a site's icon it shows at the size of a letter in its own stylesheet: Ghost's
#: bookmark card's (a linked page's favicon beside its publisher's name).
_ICON_CLASSES = frozenset({"kg-bookmark-icon"})


def is_icon(item: Media) -> bool:
    """An image its style shows at the size of a letter (``width:1em;height:1em``: the site icon the
    Republication Tracker Tool puts after its credit line), or of a class a platform's stylesheet shows
    so (:data:`_ICON_CLASSES`): the publisher's mark, no photograph or illustration. Only a style's size
    counts: attributes are often a photo's own size, scaled by CSS."""
    style = (item.attrs.get("style") or "").lower()
    named = item.tag == "img" and not _ICON_CLASSES.isdisjoint((item.attrs.get("class") or "").lower().split())
    if named and "width" not in style and "height" not in style:  # with a size of its own: as its style shows it
        return True
    if "width" not in style or "height" not in style:
        return False
    sizes = shown_size(item, style_only=True)
    return sizes is not None and all(_icon_sized(size) for size in sizes)


def _no_picture(item: Media) -> bool:
    """A pixel, an icon or a licence badge: on the page, but no photograph or illustration a rule counts."""
    return is_pixel(item) or is_tracker(item) or is_icon(item) or is_licence_badge(item)


def is_tracker(item: Media) -> bool:
    """The Republication Tracker Tool's pixel (WordPress's plugin many newsrooms' republish buttons use),
    known by its id or its address (``/?republication-pixel=true&post=...``) when a CMS or a Markdown
    conversion has dropped the style that showed it one pixel square: still the pixel, no photograph."""
    if item.tag != "img" or any(item.attrs.get(key) for key in SRCSET_ATTRIBUTES):
        return False
    return (item.attrs.get("id") or "").strip().lower() == "republication-tracker-tool-source" or (
        "republication-pixel=" in (item.src or "").lower()
    )


def is_licence_badge(item: Media) -> bool:
    """An image served from Creative Commons' badge addresses (``https://licensebuttons.net/l/by-nd/4.0/88x31.png``),
    offering no other picture."""
    if item.tag != "img":
        return False
    # A srcset may show another picture (a photo, whatever its src): only one of badges is still a badge.
    offered = [
        candidate.split()[0]
        for key in SRCSET_ATTRIBUTES
        for candidate in (item.attrs.get(key) or "").split(",")
        if candidate.strip()
    ]
    return all(any(host_matches(host_of(url) or "", host) for host in BADGE_HOSTS) for url in [item.src, *offered])


def _icon_sized(size: str) -> bool:
    for unit, largest in _ICON_SIZES.items():
        number = size.strip().removesuffix(unit)
        if number != size.strip():
            try:
                return 0 <= float(number) <= largest
            except ValueError:
                return False
    return False


def shown_size(item: Media, *, style_only: bool = False) -> tuple[str, str] | None:
    """(width, height) an image is shown at, as written (lower case): its style's, else its attributes';
    None when it cannot be told (not an image, a ``srcset``, a style that may enlarge it or that is not
    read here)."""
    attrs = item.attrs
    if item.tag != "img" or any(attrs.get(key) for key in SRCSET_ATTRIBUTES):
        return None
    if (attrs.get("layout") or "fixed").strip().lower() != "fixed":
        return None  # an AMP image's width and height give its aspect ratio there (responsive, fill, ...)
    sizes = {key: "" if style_only else (attrs.get(key) or "") for key in ("width", "height")}
    style = (attrs.get("style") or "").lower()
    if "/*" in style or "\\" in style:
        return None  # a comment or an escape may say anything: not read here
    for declaration in style.split(";"):
        name, colon, value = declaration.partition(":")
        name = name.strip()
        if colon and name in sizes:
            sizes[name] = value.replace("!important", "")
        elif any(word in name for word in _ENLARGING):
            return None
    return sizes["width"].strip().lower(), sizes["height"].strip().lower()


#: The attribute key a hidden item of media is marked by in a finding (no HTML attribute has a space).
_HIDDEN_KEY = " hidden"
#: Words of a beacon's address (a counter's, a tracker's): hidden, it is an ``element`` rule's, no picture.
_BEACON_WORDS = ("pixel", "beacon", "track", "count", "collect", "1x1", "spacer", "blank", "transparent")
#: The suffixes of a photograph's file (a GIF may be a beacon; these never are).
_PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".heic", ".jxl", ".tif", ".tiff")


def _a_photo_file(address: str) -> bool:
    """Whether a hidden or ``<noscript>`` image's ``address`` is a photograph's file: its path (query and
    fragment aside) ends in a photo's suffix (:data:`_PHOTO_SUFFIXES`: not a ``.gif`` nor an ``.svg``, nor an
    analytics endpoint's ``/p``, ``matomo.php``), and it is no WordPress emoji (``s.w.org/images/core/emoji``)
    nor an avatar (``gravatar.com``)."""
    path = address_path(address)
    if not path.endswith(_PHOTO_SUFFIXES):
        return False
    host = (host_of(as_address(address)) or "").lower()
    if host == "gravatar.com" or host.endswith(".gravatar.com"):
        return False
    return not (host == "s.w.org" and "/images/core/emoji/" in path)


def _unseen(hidden: list[Media], shown: list[Media], reprint: Reprint, params: Params) -> list[Media]:
    """The items of media on the page that no reader sees at first, that a rule counts: a hidden one (a
    slideshow's other slides, a lightbox, a closed ``<dialog>``, ``hidden``, ``display:none``) is published
    all the same, downloaded and shown on a click, and so is forbidden or needs permission as a shown one
    does (marked :data:`_HIDDEN_KEY`, for the finding to say where it is); a ``<noscript>``'s (the picture a
    browser with scripts off shows) counts unless the page shows its address already (a lazy loader's
    fallback copy of the picture it swaps in). A hidden beacon (a counter's or a tracker's address, no
    photo's suffix) is no picture: whether the publisher's may be hidden is an ``element`` rule's to say."""
    found: list[Media] = []
    known: set[str] | None = None
    for item in hidden:
        if not _counts(item, params) or _no_picture(item):
            continue
        address = _shown(item).strip()
        if item.tag == "img":
            if not _a_photo_file(address) or SPRITE_KEY in item.attrs:
                continue  # a beacon (no picture file's suffix: a .gif, a script's endpoint), an icon sprite's
        else:
            if not address_path(address).endswith(_PHOTO_SUFFIXES) and any(
                word in address.lower() for word in _BEACON_WORDS
            ):
                continue
        if NOSCRIPT_KEY in item.attrs:
            if item.attrs[NOSCRIPT_KEY] == EMBED_FALLBACK:
                continue  # a chart's or a video's still, beside its embed: the embed's (counted, or not, as it)
            if known is None:
                seen = [*shown, *reprint.visible.media_without_src()]
                known = {_same_key(url) for m in seen for url in _addresses(m)}
            if _same_key(address) not in known:
                found.append(item)
        else:
            found.append(item._replace(attrs={**item.attrs, _HIDDEN_KEY: ""}))
    # Each kind in page order: the first told is the first on the page (two places looked for, not each item's).
    fallbacks = [item for item in found if NOSCRIPT_KEY in item.attrs]
    if fallbacks and len(fallbacks) < len(found):
        hidden_ones = [item for item in found if NOSCRIPT_KEY not in item.attrs]
        if reprint.locate(_shown(fallbacks[0])) < reprint.locate(_shown(hidden_ones[0])):
            return fallbacks + hidden_ones
        return hidden_ones + fallbacks
    return found


def _same_key(url: str) -> str:
    """An address as two copies of one picture's are compared (as links are, else as written)."""
    return normalize_url(as_address(url)) or url.strip()


def _counted(
    media: list[Media], reprint: Reprint, params: Params, skip: Any, unseen: list[Media] | None = None
) -> list[Media]:
    """The items ``forbid`` and ``permission`` count: those with ``src``, and those without that still
    load something (a lazy-loaded photo's ``data-src``, a ``<picture>`` whose image has no ``src``, a
    poster-only video). An item is excepted when the address it shows matches ``except`` (:func:`_shown`: for
    a lazy-loaded one the address swapped in over a placeholder ``src``; a lazy-loaded tracking pixel is
    still the pixel; a photo whose ``srcset`` names the pixel is still a photo)."""
    loading = [
        item
        for item in reprint.visible.media_without_src(every_address=False)
        if _counts(item, params) and _addresses(item)
    ]
    items = media + [item for item in loading if not _no_picture(item)] + (unseen or [])
    if skip is not None:
        items = [m for m in items if not _excepted(skip, _shown(m))]
    return items


def own_served(item: Media, own_hosts: tuple[str, ...]) -> bool:
    """Whether every address ``item`` loads is on the site's own server: relative (``/uploads/a.jpg``,
    ``img/a.jpg``) or on one of the config's ``own-hosts``. A page's ``<base href>`` has already led a
    relative address to its host (so one led to the publisher's is not the site's)."""
    addresses = _addresses(item)
    return bool(addresses) and all(_own_address(url, own_hosts) for url in addresses)


def _own_address(url: str, own_hosts: tuple[str, ...]) -> bool:
    if url.lower().startswith("data:") or _LIQUID_LEFT.search(url):
        return False  # a Liquid variable left in it ({{ site.cdn }}): whose server it names is not known
    host = host_of(as_address(url))  # "img.example.org/a.jpg" is read as a host's, as a CMS's link would be
    if host is None:
        return "://" not in url  # a path on the site (an address of another scheme is no picture of its own)
    return bool(own_hosts) and own_host_of(host, own_hosts) is not None


def _names_item(entry: str, item: Media, own_hosts: tuple[str, ...]) -> bool:
    """Whether a record's ``media`` entry is the address ``item`` shows (as written, or compared as links are;
    a path on the site and the same path on one of ``own-hosts`` are one address)."""
    shown = _shown(item).strip()
    if entry == shown or (entry == item.src.strip() and shown == item.src.strip()):
        return True  # a lazy loader's placeholder src is no name for the picture it swaps in
    if "{{" in entry and _LIQUID_LEFT.search(shown):  # {{ site.cdn }}/img/x.jpg, as the page writes it
        from urllib.parse import unquote

        return unquote(shown) == entry
    key = normalize_url(as_address(entry))
    if key is not None and key == normalize_url(as_address(shown)):
        return True
    # A lazy photo's low-resolution placeholder (pond-20px.jpg for pond.jpg), both on the site's own server:
    # the site names its own photo by either (one on another host is not named by the site's placeholder).
    src = item.src.strip()
    if (
        src
        and src != shown
        and _own_address(src, own_hosts)
        and _own_address(shown, own_hosts)
        and (entry == src or (_own_address(entry, own_hosts) and _path_of(entry) == _path_of(src)))
    ):
        return True
    if _own_address(entry, own_hosts) and _own_address(shown, own_hosts):
        return _path_of(entry) == _path_of(shown)
    if "?" in shown and "?" not in entry and key is not None:
        # The same picture resized or reformatted by its query (an image CDN's ?w=754&fit=clip): the record
        # names the image, not one size of it.
        return key == normalize_url(as_address(shown.split("?", 1)[0]))
    return False


def _path_of(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    address = as_address(url)
    path = urlsplit(address).path if host_of(address) else address.split("?", 1)[0].split("#", 1)[0]
    return "/" + unquote(path).lstrip("/")


def _unnamed(media: list[Media], reprint: Reprint, params: Params, context: Context) -> list[Media]:
    """The items no permission record naming them (``media: [...]``) covers: one from a grantor of the rule's,
    or the site's own for an item on its own server (:func:`own_served`), each as a whole record is read
    (its scope, its date, not expired)."""
    meta = reprint.metadata
    naming = [record for record in meta.permissions if media_named(record)]
    if not naming:
        return media
    own, site = reprint.own_hosts, page_date(reprint, context.today)
    grantors = _grantors(params, context)

    def granted(record: Any, grantors: tuple[str, ...], policy: Any, own_hosts: tuple[str, ...]) -> Standing:
        return standing(meta, params.scope, grantors, context.today, policy, own_hosts, site, records=[record])

    left = []
    for item in media:
        records = [r for r in naming if any(_names_item(entry, item, own) for entry in media_named(r))]
        if any(granted(r, grantors, context.policy, own).granted for r in records):
            continue
        sites = [r for r in records if not _from_the_publisher(r, context.policy, own)]
        if own_served(item, own) and any(
            found.granted or found.undated for found in (granted(r, ("*",), None, ()) for r in sites)
        ):
            # The site's own photo, recorded as such (whoever sent the record, but the publisher, whose record is a
            # grant, or a fix's placeholder): a statement of whose it is, not a permission given on a day, so it
            # needs no date.
            continue
        left.append(item)
    return left


def _naming_standing(item: Media, reprint: Reprint, params: Params, context: Context) -> Standing:
    """What the grantors' records naming ``item`` say of it (none granting it: why not, given too late,
    expired or undated), so that a finding names the record an editor wrote rather than saying none exists."""
    own = reprint.own_hosts
    records = [
        r
        for r in reprint.metadata.permissions
        if (named := media_named(r)) and any(_names_item(entry, item, own) for entry in named)
    ]
    return standing(
        reprint.metadata,
        params.scope,
        _grantors(params, context),
        context.today,
        context.policy,
        own,
        page_date(reprint, context.today),
        records=records,
    )


def _declared_own(item: Media, reprint: Reprint, policy: Policy) -> bool:
    """Whether ``item``, served from the site's own server, is named by a record of the site's declaring it
    its own (``media: [...]``, sent by anyone but the publisher or a fix's placeholder): "text only" forbids
    the publisher's media, not a photo of the republisher's own beside the text."""
    own = reprint.own_hosts
    if not own_served(item, own):
        return False
    return any(
        another_publisher(record, None, ()) != "a placeholder"
        and _of_pictures(record)
        and not _from_the_publisher(record, policy, own)
        for record in reprint.metadata.permissions
        if (named := media_named(record)) and any(_names_item(entry, item, own) for entry in named)
    )


#: Words of a scope that is about pictures (``photos``, ``images``, ``media``, ``illustrations``).
_PICTURE_SCOPES = ("photo", "image", "media", "picture", "illustration", "graphic", "video")


def _of_pictures(record: Any) -> bool:
    """Whether a record's scope is about pictures: one of ``[commercial]`` declares no photo the site's own."""
    return any(word in str(scope).lower() for scope in record.scope for word in _PICTURE_SCOPES)


def _from_the_publisher(record: Any, policy: Policy, own_hosts: tuple[str, ...] = ()) -> bool:
    """Whether ``record`` is the publisher's (its address on a host the policy covers, or one of its contacts;
    or its name, or a name its credit rules give it, in the sender): a grant of the publisher's own photo,
    which the site copied to its server, is dated as any grant is, not the site's statement that the photo is
    its own. A record sent from the site's own address (``own_hosts``) is the site's, whatever its sender's
    name holds ("Grist Mill Gazette" reprinting Grist)."""
    sender, email = record.from_.strip().lower(), record.email.lower()
    if "@" in email:
        host = email.rpartition("@")[2]  # its www. as publisher_host_of takes it off: once
        if own_host_of(host, own_hosts) is not None:
            return False
        if publisher_host_of(host, policy) is not None:  # as permission and policy selection read it
            return True
        if any(email == address_of(contact).lower() for contact in policy.contacts or ()):
            return True
    names = [
        policy.publisher,
        *(n for rule in policy.rules if rule.check == "attribution" for n in rule.params.names or ()),
    ]
    return any(len(name) > 3 and name.lower() in sender for name in names if name)


def _own_photo_fix(item: Media, reprint: Reprint, scope: str) -> str:
    """How to record that an item on the site's own server is the site's (the tool cannot tell it from a copy
    of the publisher's photo), as a sentence to follow a fix's; "" for an item served from elsewhere."""
    if not own_served(item, reprint.own_hosts):
        return ""
    address = reprint.as_written(_shown(item))
    return (
        f". If {address} is the site's own photo, not the publisher's, record it so, naming it: "
        f"permissions: [{{from: <your site's name>, scope: [{scope}], media: [{address}]}}]; "
        "or suppress this finding with a reason."
    )


def _own_record_said(item: Media, reprint: Reprint, context: Context) -> str:
    """Why a record of the site's own naming ``item`` (from its name or its address) does not cover it, when one
    does and the item is not on the site's own server (the publisher's photo); "" else."""
    own = reprint.own_hosts
    if not own or own_served(item, own):
        return ""
    for record in reprint.metadata.permissions:
        named = media_named(record)
        if (
            named
            and any(_names_item(entry, item, own) for entry in named)
            and another_publisher(record, context.policy, own) == OWN_SITE
        ):
            return (
                f"; the record naming it is from {record.from_}, {own_site_said(record.from_)}: a site's own "
                "record declares only a photo on its own server its own, and grants nothing for the publisher's"
            )
    return ""


def _grantors(params: Params, context: Context) -> tuple[str, ...]:
    """Who may grant the media's permission: the rule's ``from``, else the policy's contacts, else anyone (a
    photo's rights may be its photographer's or agency's, whom no policy can name)."""
    return params.from_ or context.policy.contacts or ("*",)


def _not_permitted(
    params: Params,
    reprint: Reprint,
    context: Context,
    found: Standing,
    span: Span,
    what: str,
    where: dict[str, str],
    first: Media,
) -> Iterator[Problem]:
    """Why no permission record covers the media: expired, given too late, from someone else, or none. For an
    item on the site's own server the fix says how to record it as the site's own."""
    scope, meta = params.scope, reprint.metadata
    own = _own_photo_fix(first, reprint, scope)
    whole = [p for p in meta.permissions if not media_named(p)]  # records naming media are for those only
    grantors = _grantors(params, context)
    grantor = "<who granted it>" if found.anyone else grantors[0]
    record = f"permissions: [{{from: {grantor}, date: YYYY-MM-DD, scope: [{scope}]}}]"
    if found.undated:  # it may have come after the reprint went out: a record must be dated by that day
        undated = found.undated[0]
        fix = f"Add the day {undated.from_} gave the permission to its record (date: YYYY-MM-DD), or remove the media."
        if (
            found.anyone
            and media_named(undated)
            and "@" not in undated.email
            and not own_served(first, reprint.own_hosts)
        ):
            # A name alone may be the site's own (a declaration of its own photo): that grants nothing here.
            fix = (
                f"If {undated.from_} holds the photo's rights (its photographer, agency or publisher), add the day "
                "it gave the permission to its record (date: YYYY-MM-DD); a record of the site's own grants nothing "
                "for a photo not on the site's own server: remove the media, or ask its rights holder for the "
                "permission."
            )
        yield Problem.at(
            span,
            detail=f"{what}; the '{scope}' permission on record from {undated.from_} has no date",
            fix=fix,
            **where,
        )
    elif found.current:  # given after the reprint was published, or dated in the future (a typo?)
        given, when = late_date(found, context.today)
        detail = f"{what}; the '{scope}' permission on record is dated {given.isoformat()}, {when}: it must come first"
        yield Problem.at(span, detail, fix=late_fix(found), **where)
    elif found.matching:  # one was on record, and has run out
        expired = max(p.expires for p in found.matching if p.expires)
        yield Problem.at(
            span,
            detail=f"{what}; the '{scope}' permission on record expired on {expired.isoformat()}",
            fix=f"Remove the media, or renew the '{scope}' permission and update its record.",
            **where,
        )
    elif others := [p.from_ for p in whole if p.covers(scope)]:
        who = "this story's rights holder" if found.anyone else " or ".join(grantors)
        if found.anyone:  # none counted: each is another publisher's, or a placeholder copied from a fix
            record_of = next(p for p in whole if p.covers(scope))
            by = another_publisher(record_of, context.policy, reprint.own_hosts)
            who = (
                "a placeholder, not "
                if by == "a placeholder"
                else own_site_said(record_of.from_) + ", not "
                if by == OWN_SITE
                else f"another publisher's ({by}), not "
            ) + who
        yield Problem.at(
            span,
            detail=f"{what}; the '{scope}' permission on record is from {', '.join(others)}, who is not {who}"
            if not found.anyone
            else f"{what}; the '{scope}' permission on record is from {', '.join(others)}: {who}",
            fix=f"Remove the media, or ask {grantor} for the permission and record it: {record}" + own,
            specific=bool(own),
            **where,
        )
    else:
        yield Problem.at(
            span,
            detail=f"{what}, with no '{scope}' permission on record"
            + (", and no record naming it ('media') covers it" if len(whole) < len(meta.permissions) else "")
            + _own_record_said(first, reprint, context)
            + unknown_scopes(reprint, context.policy),
            fix=f"Remove the media, or record the permission in the metadata: {record}" + own,
            specific=bool(own),
            **where,
        )


#: Front-matter keys whose image a static site's theme shows with the article (its lead photo, a cover, a
#: header, the social card, a gallery): Hugo's ``images`` and ``featured_image``, Jekyll themes' ``image`` and
#: ``header``, Ghost's ``feature_image``, a gallery's or slideshow's list (``photos``, ``gallery``,
#: ``gallery_images``, ``slideshow``), and the like; compared without case, ``_`` or ``-``
#: (``featureImage``, ``og-image``).
#: Of those, the keys a value of which may well be no picture (a talk's ``slides: /files/slides.pdf``, a
#: Speaker Deck page, a gallery's page): a value counts only when it is a photo's file (:func:`_a_photo_file`).
#: A gallery or slideshow's list of pictures, which a theme shows with the article, a click apart.
_AMBIGUOUS_IMAGE_KEYS = frozenset(
    (
        "gallery",
        "galleryimages",
        "imagegallery",
        "photogallery",
        "slideshow",
        "slideshowimages",
        "slides",
        "carousel",
        "carouselimages",
        "pictures",
    )
)
LEAD_IMAGE_KEYS = _AMBIGUOUS_IMAGE_KEYS | frozenset(
    (
        "image",
        "images",
        "img",
        "photo",
        "photos",
        "picture",
        "feature",
        "featured",
        "featuredimage",
        "featureimage",
        "cover",
        "coverimage",
        "thumbnail",
        "hero",
        "heroimage",
        "banner",
        "bannerimage",
        "header",
        "headerimage",
        "ogimage",
        "leadimage",
        "mainimage",
        "shareimage",
        "socialimage",
    )
)
#: Inside such a key's mapping (``cover: {image: ..., caption: ...}``, ``header: {overlay_image: ...}``), the
#: keys that hold the image.
_LEAD_IMAGE_PARTS = ("image", "src", "url", "path", "overlay_image", "teaser", "og_image")
#: A mapping that says its image is not shown on the article's page (PaperMod's ``cover.hidden``).
_HIDDEN_PARTS = ("hidden", "hiddenInSingle")


def lead_images(reprint: Reprint, shown: list[Media]) -> list[Media]:
    """The images the metadata gives a theme to show with the article (``image: /img/harbour.jpg``), as
    media: the page shows them, whether or not the body does (one the body shows too is counted once, there).
    Each keeps the key it came from."""
    extra = reprint.metadata.extra
    found: list[Media] = []
    in_body = {m.src for m in shown}
    for key, value in extra.items():
        name = key.lower().replace("_", "").replace("-", "") if type(key) is str else ""
        if name not in LEAD_IMAGE_KEYS:
            continue
        ambiguous = name in _AMBIGUOUS_IMAGE_KEYS
        values = value if isinstance(value, list) else [value]
        for item in values[:_MAX_LEAD_IMAGES]:
            if isinstance(item, dict):
                if any(item.get(flag) is True for flag in _HIDDEN_PARTS):
                    continue
                item = next((item[part] for part in _LEAD_IMAGE_PARTS if isinstance(item.get(part), str)), None)
            if ambiguous and not (isinstance(item, str) and _a_photo_file(item)):
                continue
            if isinstance(item, str) and _an_image_address(item) and item.strip() not in in_body:
                found.append(Media("img", item.strip(), {_FROM_KEY: key}))
    return found


#: The longest address a message shows whole.
_SHOWN_URL = 300


#: Liquid output left in an address (``{{site.cdn}}``), as written or as the rendered page percent-encodes it.
_LIQUID_LEFT = re.compile(r"\{\{|%7B%7B", re.IGNORECASE)
_LIQUID_ENCODED = re.compile(r"%7B%7B(.*?)%7D%7D", re.IGNORECASE)


def _said(address: str) -> str:
    """An address as a message shows it: a ``data:`` picture by its type and size (its base64 tells an editor
    nothing, and may be megabytes), a long address cut short, Liquid left in it as written (``{{site.cdn}}``,
    not ``%7B%7Bsite.cdn%7D%7D``)."""
    if "%7" in address.upper():
        from urllib.parse import unquote

        address = _LIQUID_ENCODED.sub(lambda found: "{{" + unquote(found.group(1)) + "}}", address)
    comma = address.find(",", 0, 200)
    if address[:5].lower() == "data:" and comma > 0 and len(address) - comma > 80:
        return f"{address[: comma + 1]}... ({len(address) - comma - 1:,} characters inline)"
    return address if len(address) <= _SHOWN_URL else address[: _SHOWN_URL - 3] + "..."


#: At most this many images of one key are counted (a gallery's list): the finding names the first.
_MAX_LEAD_IMAGES = 50
#: Where a lead image's key is kept among its attributes (no HTML attribute has this name).
_FROM_KEY = " front-matter key"


def _an_image_address(value: str) -> bool:
    """Whether a metadata value is an image's address: a web address or a site path, or a file name with an
    image's suffix (``true``, ``none`` or a caption is not)."""
    value = value.strip()
    if not value or any(char.isspace() for char in value):
        return False
    bare = address_path(value)
    if bare.endswith(IMAGE_SUFFIXES):
        return True
    # An address without an image's suffix (an image CDN's): one that names a file, not a site or a folder.
    if not bare.startswith(("http://", "https://", "//", "/")) or bare.endswith("/"):
        return False
    if bare.startswith(("http://", "https://", "//")):
        return bool(bare.split("//", 1)[1].partition("/")[2])  # a path after the host
    return "/" in bare[1:]  # a site path of a folder and a file (/images/harbour), not a page (/about)


def _placed(reprint: Reprint, item: Media, url: str) -> tuple[Span, dict[str, str]]:
    """Where a finding about ``item`` goes: at its key for an image from the metadata (in the sidecar that
    sets it, when one does), else where its address (or an embed's item) stands in the body; with what a
    problem there is told with (the metadata key it is about, and the file it is in)."""
    key = item.attrs.get(_FROM_KEY)
    if key is not None:
        line, column, file = reprint.meta_place(key)
        return (line, column, None, None), {"field": key, **({"file": file} if file else {})}
    span = reprint.span(embed_item(item) or url)
    if reprint.format == "markdown" and "]:" in reprint.body:
        span = _at_reference_use(reprint, span)
    if NOSCRIPT_KEY not in item.attrs and ("<noscript" in reprint.body or "<NOSCRIPT" in reprint.body):
        span = _out_of_noscript(reprint, span, url)
    return span, {}


#: A Markdown link reference definition's opening, up to its address: ``[hp]: ``.
_DEFINITION = re.compile(r"[ ]{0,3}\[((?:[^\[\]\\]|\\.){1,999})\]:[ \t]*<?$")


def _at_reference_use(reprint: Reprint, span: Span) -> Span:
    """``span``, or, when it stands at a Markdown reference definition's address (``[hp]: https://...jpg``),
    where the image is used: the first ``![alt][hp]`` (or ``![hp][]``, ``![hp]``) naming that label, as a
    reader finds the picture in the text."""
    body = reprint.body
    at = reprint.offset_of(span[0], span[1])
    start = body.rfind("\n", 0, at) + 1
    found = _DEFINITION.match(body[start:at])
    if found is None:
        return span
    label = re.escape(" ".join(found.group(1).split())).replace("\\ ", "\\s+")
    alt = r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]"  # an alt text may hold brackets in pairs
    use = re.compile(rf"{alt}\[\s*{label}\s*\]|!\[\s*{label}\s*\](?:\[\])?(?![\[(:])", re.IGNORECASE)
    match = use.search(body)
    return span if match is None else (*reprint.position(match.start()), *reprint.position(match.end()))


def _out_of_noscript(reprint: Reprint, span: Span, url: str) -> Span:
    """``span``, or, when it stands in a ``<noscript>`` (a lazy loader's fallback copy, whose ``src`` a search
    finds before the ``data-src`` of the picture shown), the first copy of ``url`` outside one."""
    body = reprint.body
    lowered = body.lower()
    at = reprint.offset_of(span[0], span[1])

    def in_noscript(index: int) -> bool:
        opened = lowered.rfind("<noscript", 0, index)
        return opened >= 0 and lowered.find("</noscript", opened, index) < 0

    if not url or not in_noscript(at):
        return span
    for index in reprint.visible_indices(find_all(body, url)):
        if not in_noscript(index):
            return (*reprint.position(index), *reprint.position(index + len(url)))
    return span


#: Per policy id: the policy and one pattern of the addresses its element rules require (None: it has none).
_REQUIRED: dict[str, tuple[Policy, Any]] = {}


def _required(policy: Policy) -> Any:
    """One URL pattern of the elements the policy's own ``element`` rules require (a tracking pixel), a
    ``{placeholder}`` in one standing for any value: such an element is never media to remove, whatever the
    media rule's ``except`` says (a pattern with an unescaped ``?`` matching nothing, and the editor told to
    remove the pixel another rule requires)."""
    from .element import PLACEHOLDER

    patterns = [
        PLACEHOLDER.sub(".*", rule.params.pattern)
        for rule in policy.rules
        if rule.check == "element" and rule.params.pattern
    ]
    if not patterns:
        return None
    try:
        return url_pattern("|".join(f"(?:{pattern})" for pattern in patterns))
    except ValueError:
        return None


def check(params: Params, reprint: Reprint, context: Context) -> Iterator[Problem]:
    shown_media, hidden_media = reprint.media
    media = [m for m in shown_media if m.tag in params.tags and not _no_picture(m)]
    # On the page but hidden (a slideshow's slide, a lightbox), or a <noscript>'s fallback: published too.
    unseen = _unseen(hidden_media, shown_media, reprint, params) if hidden_media else []
    required = derived(_REQUIRED, context.policy, _required) if media or unseen else None
    if required is not None:
        media = [m for m in media if not _excepted(required, _shown(m))]
        unseen = [m for m in unseen if not _excepted(required, _shown(m))]
    if "img" in params.tags and reprint.metadata.extra:
        media = lead_images(reprint, shown_media) + media  # shown above the article by the theme
    skip = url_pattern(params.except_) if params.except_ is not None else None
    if params.mode == "hosts":
        media += unseen
    else:
        media = _counted(media, reprint, params, skip, unseen)
        if params.mode == "forbid" and media and reprint.metadata.permissions:
            media = [m for m in media if not _declared_own(m, reprint, context.policy)]
        if not media:
            return
    shown_url = ""
    if params.mode == "hosts":
        if skip is not None:
            media = [m for m in media if not _excepted(skip, m.src)]
        outside = _outside(media, reprint, params, skip)
        if len(outside) > 1:  # in page order, items without src among the others (found only on failure)
            outside.sort(key=lambda pair: reprint.locate(pair[1]))
        media = list({id(m): m for m, _ in outside}.values())  # each item once
        if not media:
            return
        shown_url = outside[0][1]
    elif params.mode == "permission":
        media = _unnamed(media, reprint, params, context)  # the items records naming them cover are out
        if not media:
            return
        found = standing(
            reprint.metadata,
            params.scope,
            _grantors(params, context),
            context.today,
            context.policy,
            reprint.own_hosts,
            page_date(reprint, context.today),
            records=[p for p in reprint.metadata.permissions if not media_named(p)],
        )
        if found.granted:
            return
        if not (found.undated or found.current or found.matching):  # the whole records say nothing of it
            named = _naming_standing(media[0], reprint, params, context)
            if named.undated or named.current or named.matching:
                found = named
    first = media[0]
    # In hosts mode, the address that is not allowed; else the item's own (a lazy photo's real address).
    shown_url = reprint.as_written(shown_url or _shown(first))
    span, where = _placed(reprint, first, shown_url)
    key = where.get("field")  # an embed's address is built from its item's
    count = len(media)
    shown = f"'{key}' in the metadata" if key else f"<{first.element or first.tag}>"
    if first.element.endswith(" background"):  # a picture in an element's style: an image, but no <img>
        shown = f"the background image of a <{first.element.split()[0]}>,"
    elif first.element == "style":  # a picture a <style> block sets (a hero's background): an image, but no <img>
        shown = "an image a <style> block sets,"
    said = _said(shown_url)
    what = f"{count} {'item' if count == 1 else 'items'} of media, first {shown} {said}"
    if key:  # a theme shows it with the article: said, or an editor looks for it in the body
        what += " (a theme shows it with the article)"
    elif _HIDDEN_KEY in first.attrs:  # said, or an editor looks for it on the page and finds none
        what += " (hidden on the page, as a slideshow's slide or a lightbox is: shown on a click, it is published)"
    elif NOSCRIPT_KEY in first.attrs:
        what += " (in a <noscript>: shown to a reader whose browser runs no scripts)"
    if params.mode == "permission" and own_served(first, reprint.own_hosts):
        what += ", served from the site's own server"
    if params.mode == "hosts":
        meant = meant_address(shown_url)
        if meant is not None and _allowed(meant[0], params.hosts):  # www.allowed.example/a.jpg: the reprint's path
            said, added = relative_told(meant[1], shown_url)
            yield Problem.at(
                span,
                detail=f"{what}, not from {', '.join(params.hosts)}: its address {said}",
                fix=f"Add {added} to its address: {meant[0]}.",
                **where,
            )
            return
        yield Problem.at(
            span,
            detail=f"{what}, not from {', '.join(params.hosts)}",
            fix="Remove the media, or use copies from an allowed source.",
            **where,
        )
    elif params.mode == "permission":
        yield from _not_permitted(params, reprint, context, found, span, what, where, first)
    else:
        own = _own_photo_fix(first, reprint, params.scope or "photos")  # "text only": the site's own may stay
        yield Problem.at(
            span, what, fix="Remove the images and other media; republish the text only" + (own or "."), **where
        )
