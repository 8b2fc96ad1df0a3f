"""WordPress's core shortcodes, read as WordPress renders them.

A post's content as WordPress stores it (the classic editor's, a REST API's ``content.raw``, an export)
holds ``[caption]...[/caption]``, ``[gallery ids="..."]``, ``[embed]URL[/embed]``, ``[video]`` and
``[audio]`` where the published page has a figure, images, an iframe or a player. Read as written, a
gallery the terms forbid would pass, and a photo's caption (its agency's "All rights reserved") would be
the article's text. The core shortcodes are written out as the HTML WordPress makes of them; a
gallery's or playlist's items are known by their attachment ids only, so each stands as an item whose
address is the call itself (where a finding about it is placed). ``[[gallery]]`` is WordPress's way of
writing the call as text, and stays text; a plugin's shortcodes are the plugin's, and stay as written.
"""

from __future__ import annotations

import re
from html import escape

#: The core shortcodes read here (``wp_caption``: ``caption``'s older name).
CORE = ("caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist")
#: Those whose content runs to an end tag (``[caption]...[/caption]``); the others may have one.
_ENCLOSING = frozenset({"caption", "wp_caption", "embed"})
#: A call's opening: its name, then attributes up to a ``]`` (WordPress allows none inside).
_OPENING = re.compile(r"\[(caption|wp_caption|gallery|embed|video|audio|playlist)(?![\w-])([^\[\]]{0,2000})\]")
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"\]]+))""")
#: A caption's picture (in a link, or alone) and the caption text after it, as WordPress reads them.
_PICTURE = re.compile(r"\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*</a>)?)(.*)", re.IGNORECASE | re.DOTALL)
#: How far back a call looks for the start of a tag it may stand in (an attribute's value).
_TAG_REACH = 2000
#: Most items a gallery or playlist is counted as (each is written out with the call as its address: a
#: call of a thousand ids, a thousand times, would make a page of megabytes).
MAX_ITEMS = 20
#: The source attributes of a video or audio call: ``src``, or one per file type.
_MEDIA_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mp3", "ogg", "m4a", "wav")


def has_shortcodes(html: str) -> bool:
    """Whether ``html`` may hold a core shortcode (a plain find before any regex): a post's stored content,
    not a whole page, which WordPress has rendered already (a transcript's "[audio cuts out]" is text)."""
    if "[" not in html or not any(f"[{name}" in html for name in CORE):
        return False
    return _a_fragment(html)


def rendered(html: str) -> str:
    """``html`` as WordPress renders it when it is a post's stored content holding core shortcodes (see
    :func:`has_shortcodes`) or a video's or post's address alone on its line (see :func:`autoembedded`), else
    ``html`` itself (see :func:`reprint_guard.readers.stored.rendered`)."""
    html = expand(html) if has_shortcodes(html) else html
    return autoembedded(html) if "://" in html and _a_fragment(html) else html


def _a_fragment(html: str) -> bool:
    """Whether ``html`` is a post's stored content, not a whole page (which WordPress has rendered already)."""
    head = html[:1024].lower()
    return not any(mark in head for mark in ("<!doctype", "<html", "<head", "<body"))


#: The embed providers WordPress's core knows whose addresses a post's content holds most (videos, posts,
#: audio): an address of one of them alone on its line, unlinked, WordPress makes the player or post.
_PROVIDER = (
    r"(?:www\.|m\.)?(?:youtube\.com/(?:watch|shorts/|embed/|playlist)|youtu\.be/|vimeo\.com/\d|"
    r"(?:twitter|x)\.com/\w+/status/|instagram\.com/(?:p|reel|tv)/|tiktok\.com/@|soundcloud\.com/|"
    r"open\.spotify\.com/|(?:www\.)?flickr\.com/photos/|flic\.kr/|dailymotion\.com/video/|"
    r"(?:www\.)?reddit\.com/r/\w+/comments/|imgur\.com/|(?:www\.)?ted\.com/talks/|videopress\.com/v/|"
    r"(?:www\.)?mixcloud\.com/|(?:www\.)?scribd\.com/|(?:www\.)?slideshare\.net/|(?:www\.)?issuu\.com/)"
)
#: Such an address alone on its line, or alone in a paragraph, as WordPress's autoembed finds it.
_AUTOEMBED = re.compile(
    rf"^([ \t]*)(https?://{_PROVIDER}[^\s<>\"]*)([ \t]*)$|(<p(?: [^>]*)?>\s*)(https?://{_PROVIDER}[^\s<>\"]*)(\s*</p>)",
    re.IGNORECASE | re.MULTILINE,
)


def autoembedded(html: str) -> str:
    """``html`` with each embed provider's address that stands alone on its line (or alone in a paragraph)
    written as the ``<iframe>`` WordPress makes of it: a classic post's YouTube link on a line of its own is
    a player on the page, media a policy may forbid."""

    def player(found: re.Match[str]) -> str:
        before, address, after = found.group(1, 2, 3) if found.group(2) else found.group(4, 5, 6)
        return f'{before}<iframe src="{escape(address, quote=True)}"></iframe>{after}'

    return _AUTOEMBED.sub(player, html)


def expand(html: str) -> str:
    """``html`` with each core shortcode written out as WordPress renders it; anything else as written.

    One pass: an opening reads up to the next ``[`` or ``]``, and each name's end tag is looked for again
    only past the last one found (a page of openings with no ends costs no more than a plain one)."""
    out: list[str] = []
    last = 0
    closings: dict[str, int] = {}
    for opening in _OPENING.finditer(html):
        start = opening.start()
        if start < last:
            continue  # inside a call written out already
        if start > 0 and html[start - 1] == "[" and html.startswith("]", opening.end()):
            continue  # [[gallery]]: the call written as text
        near = max(last, start - _TAG_REACH)
        if html.rfind("<", near, start) > html.rfind(">", near, start):
            continue  # inside a tag (an attribute's value: title="[gallery] docs"): no call
        name, attributes = opening.group(1), _attributes(opening.group(2))
        end, inner = opening.end(), ""
        closing = closings.get(name, end)
        if 0 <= closing < end:
            closing = end
        if closing >= end:
            closing = closings[name] = html.find(f"[/{name}]", end)
        encloses = closing >= 0 and (name in _ENCLOSING or html.find(f"[{name}", end, closing) < 0)
        if name in _ENCLOSING and not encloses:
            continue  # no end: WordPress leaves it as text
        if encloses:
            inner, end = html[end:closing], closing + len(name) + 3
        out.append(html[last:start])
        out.append(_rendered(name, attributes, inner, html[start:end]))
        last = end
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def _attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): next(v for v in match.group(2, 3, 4) if v is not None)
        for match in _ATTRIBUTE.finditer(text)
    }


def _rendered(name: str, attributes: dict[str, str], inner: str, call: str) -> str:
    if name in ("caption", "wp_caption"):
        caption = attributes.get("caption")
        picture = _PICTURE.match(inner)
        if picture is not None:
            inner, caption = picture.group(1), caption if caption is not None else picture.group(2).strip()
        text = f'<figcaption class="wp-caption-text">{caption}</figcaption>' if caption else ""
        return f'<figure class="wp-caption">{inner}{text}</figure>'
    if name == "embed":
        address = (attributes.get("src") or inner).strip()
        return f'<iframe src="{escape(address, quote=True)}"></iframe>' if address else ""
    if name in ("video", "audio"):
        sources = [attributes[key] for key in _MEDIA_SOURCES if attributes.get(key)]
        if not sources:  # no file of its own: the post's attached one, unknown here (or "[audio cuts out]")
            return call
        poster = f' poster="{escape(attributes["poster"], quote=True)}"' if attributes.get("poster") else ""
        first = escape(sources[0], quote=True) if sources else ""
        return f'<{name} src="{first}"{poster if name == "video" else ""}></{name}>'
    # gallery, playlist: attachments named by id, whose addresses only the site's database holds
    ids = [part for part in re.split(r"[\s,]+", attributes.get("ids") or attributes.get("include") or "") if part]
    if name == "playlist" and not ids:
        return call
    # The first item carries the call whole (where a finding stands); the others its start, which is enough
    # to count them (a call of 2,000 characters written out twenty times made a page of megabytes).
    address, short = escape(call, quote=True), escape(call[:40], quote=True)
    copies = min(max(len(ids), 1), MAX_ITEMS)
    tag = "img" if name == "gallery" else "video" if attributes.get("type") == "video" else "audio"
    end = "" if tag == "img" else f"</{tag}>"
    return f'<{tag} src="{address}">{end}' + f'<{tag} src="{short}">{end}' * (copies - 1)
