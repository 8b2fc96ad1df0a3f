"""Hugo's built-in shortcodes, read as Hugo renders them.

A Hugo page holds ``{{< figure src="..." >}}`` where the rendered page has an
``<img>``: read as written, the image would not be seen (a photo the terms
forbid would pass) and the call's text would count as the article's. The
built-in shortcodes that put media, code or a link on the page are written out
as the HTML Hugo's own templates make (``figure``, ``youtube``, ``vimeo``,
``instagram``, ``x`` and its older names ``tweet`` and ``twitter`` (the
platform's embed code), ``highlight``, ``gist``, ``ref`` and ``relref``), and those that hide what they
hold (``comment``, which shows nothing, and ``details``, a disclosure widget closed unless ``open``); a commented call
(``{{</* figure */>}}``) is shown as the call itself, as Hugo shows it. A site's
own shortcodes are the site's templates, not known here: they stay as written;
but for the one themes and sites add to print raw HTML (``rawhtml``, ``raw``,
``html``, ``unsafe``...), whose inside, called with ``{{< >}}``, is HTML on the
page whatever goldmark's ``unsafe`` says.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from html import escape

from ..visible import EMBED_WRITTEN

#: The built-in shortcodes read here.
BUILT_IN = frozenset(
    {
        *("figure", "youtube", "vimeo", "instagram", "x", "tweet", "twitter", "highlight", "gist", "ref", "relref"),
        *("comment", "details"),
    }
)
#: A site's own shortcode that prints its inside as it stands (``{{ .Inner }}``, ``{{ .Inner | safeHTML }}``),
#: by the names themes and sites give it (read blind to case: ``rawHTML``): raw HTML Hugo puts on the page
#: after goldmark has read the Markdown, so shown even where goldmark leaves raw HTML out.
RAW_HTML = frozenset({"rawhtml", "raw-html", "raw_html", "raw", "html", "unsafe", "safehtml"})
#: Those with an end tag (``{{< /highlight >}}``) whose inside is theirs.
_PAIRED = frozenset({"highlight", "comment", "details", *RAW_HTML})
#: How long a call may be: a ``{{<`` whose end is further is no call (Hugo would refuse to build the page).
_MAX_CALL = 4096
_NAME = re.compile(r"[A-Za-z0-9_][\w./-]*")
_ARGUMENT = re.compile(r"""(?:([A-Za-z_][\w-]*)[ \t]*=[ \t]*)?("(?:[^"\\]|\\.)*"|`[^`]*`|[^\s"`=]+)""")
_ENDS = {"<": ">}}", "%": "%}}"}


def has_shortcodes(body: str) -> bool:
    return "{{<" in body or "{{%" in body


class _Call:
    __slots__ = ("args", "closing", "comment", "end", "name", "opener", "start")

    def __init__(self, start: int, end: int, opener: str, inside: str) -> None:
        self.start, self.end, self.opener = start, end, opener
        inside = inside.strip()
        self.comment = inside.startswith("/*") and inside.endswith("*/")
        if self.comment:
            inside = inside[2:-2].strip()
        self.closing = inside.startswith("/")
        inside = inside.lstrip("/ \t\r\n").removesuffix("/").rstrip()
        name = _NAME.match(inside)
        self.name = name.group(0) if name is not None else ""
        self.args = inside[name.end() :] if name is not None else inside


def _calls(body: str) -> Iterator[_Call]:
    """Every ``{{< ... >}}`` and ``{{% ... %}}`` call, left to right, in one pass (each character is read once:
    a hostile page of openings without ends costs no more than a plain one)."""
    position, unclosed = 0, set()
    while True:
        start = body.find("{{", position)
        if start < 0:
            return
        opener = body[start + 2 : start + 3]
        if opener not in _ENDS or opener in unclosed:
            position = start + 2
            continue
        end = body.find(_ENDS[opener], start + 3)
        if end < 0:
            unclosed.add(opener)  # no later call of this kind ends either
            position = start + 3
            continue
        if end + 3 - start <= _MAX_CALL:
            yield _Call(start, end + 3, opener, body[start + 3 : end])
        position = end + 3


def call_spans(body: str) -> list[tuple[int, int]]:
    """Where each shortcode call stands: Hugo reads them before the Markdown, so none of it is raw HTML; a
    raw-HTML shortcode's (:data:`RAW_HTML`) with its inside and end tag: that HTML is shown, not left out."""
    spans: list[tuple[int, int]] = []
    calls = list(_calls(body))
    ends = _ends(calls)
    for call in calls:
        if spans and call.start < spans[-1][1]:
            continue  # inside a raw-HTML shortcode's span
        end = call.end
        if call.opener == "<" and not (call.comment or call.closing) and call.name.lower() in RAW_HTML:
            closing = _closing(ends, call)
            end = closing.end if closing is not None else end
        spans.append((call.start, end))
    return spans


def raw_html_insides(body: str) -> list[tuple[int, int]]:
    """Where the inside of each raw-HTML shortcode called with ``{{< >}}`` stands (:data:`RAW_HTML`), in order:
    HTML Hugo puts on the page as written, after goldmark has read the Markdown (no Markdown there)."""
    spans: list[tuple[int, int]] = []
    calls = list(_calls(body))
    ends = _ends(calls)
    for call in calls:
        if spans and call.start < spans[-1][1]:
            continue  # inside the last one
        if call.opener == "<" and not (call.comment or call.closing) and call.name.lower() in RAW_HTML:
            closing = _closing(ends, call)
            if closing is not None:
                spans.append((call.end, closing.start))
    return spans


def tag_spans(body: str) -> list[tuple[int, int]]:
    """Where each shortcode call's tag stands (``{{< notice title="..." >}}``), its arguments and all, in order."""
    return [(call.start, call.end) for call in _calls(body)]


def _ends(calls: list[_Call]) -> dict[str, list[_Call]]:
    """Each shortcode's end tags (``{{< /highlight >}}``), in order, by its name (a raw-HTML one's in lower case)."""
    ends: dict[str, list[_Call]] = {}
    for call in calls:
        if call.closing and not call.comment:
            ends.setdefault(_kind(call.name), []).append(call)
    return ends


def _kind(name: str) -> str:
    """The shortcode a name calls: a raw-HTML one's in any case (``rawHTML``), any other's as written."""
    lowered = name.lower()
    return lowered if lowered in RAW_HTML else name


def _closing(ends: dict[str, list[_Call]], call: _Call) -> _Call | None:
    """The end tag that closes ``call``: the first of its name after it."""
    closings = ends.get(_kind(call.name), [])
    at = bisect.bisect_left(closings, call.end, key=lambda c: c.start)
    return closings[at] if at < len(closings) else None


def _arguments(text: str) -> tuple[dict[str, str], list[str]]:
    named: dict[str, str] = {}
    positional: list[str] = []
    for match in _ARGUMENT.finditer(text):
        key, value = match.group(1), match.group(2)
        if value[:1] == '"':
            value = re.sub(r"\\(.)", r"\1", value[1:-1])
        elif value[:1] == "`":
            value = value[1:-1]
        if key is None:
            positional.append(value)
        else:
            named[key.lower()] = value
    return named, positional


def _attribute(value: str) -> str:
    return escape(value, quote=True)


def _figure(named: dict[str, str]) -> str:
    """What Hugo's ``figure`` template makes: the image (in a link when given), then a caption of title,
    caption and attribution."""
    image = f'<img src="{_attribute(named.get("src", ""))}" alt="{_attribute(named.get("alt", ""))}">'
    if named.get("link"):
        image = f'<a href="{_attribute(named["link"])}">{image}</a>'
    caption = f"<h4>{escape(named['title'])}</h4>" if named.get("title") else ""
    if named.get("caption") or named.get("attr"):
        attribution = escape(named.get("attr", ""))
        if named.get("attrlink") and attribution:
            attribution = f'<a href="{_attribute(named["attrlink"])}">{attribution}</a>'
        said = [part for part in (escape(named.get("caption", "")), attribution) if part]
        caption += f"<p>{' '.join(said)}</p>"
    return f"<figure>{image}" + (f"<figcaption>{caption}</figcaption>" if caption else "") + "</figure>"


def _rendered(kind: str, args: str, inner: str, written: str = "") -> str:
    named, positional = _arguments(args)
    first = positional[0] if positional else ""
    if kind == "figure":
        return _figure(named)
    if kind in ("youtube", "vimeo"):
        host = "https://www.youtube.com/embed/" if kind == "youtube" else "https://player.vimeo.com/video/"
        video = named.get("id") or first
        # The call as written: where a finding about the video stands (its id may stand in the prose before).
        where = _attribute(written or video)
        return f'<iframe src="{_attribute(host + video)}" {EMBED_WRITTEN}="{where}" allowfullscreen></iframe>'
    # A post's embed code, as the platform gives it to Hugo (its script makes it the post); the post's id, as the
    # call writes it, is where a finding about it stands (EMBED_WRITTEN).
    if kind == "instagram":
        post = named.get("id") or first
        permalink = _attribute(f"https://www.instagram.com/p/{post}/")
        return (
            f'<blockquote class="instagram-media" data-instgrm-permalink="{permalink}" '
            f'{EMBED_WRITTEN}="{_attribute(post)}"></blockquote>'
        )
    if kind in ("x", "tweet", "twitter"):
        user = named.get("user") or first
        post = named.get("id") or (positional[1] if len(positional) > 1 else "")
        link = _attribute(f"https://x.com/{user}/status/{post}")
        return (
            f'<blockquote class="twitter-tweet" {EMBED_WRITTEN}="{_attribute(post)}"><a href="{link}"></a></blockquote>'
        )
    if kind == "highlight":  # code: on the page, but no part of the article's text
        return f"<pre><code>{escape(inner)}</code></pre>"
    if kind in ("ref", "relref"):  # the address of another page of the site
        return escape(named.get("path") or first)
    if kind in RAW_HTML:  # a site's own shortcode printing its inside as it stands
        return _literal(inner)
    if kind == "details":  # its inside is Markdown, shown only once opened (unless open="true")
        opened = " open" if named.get("open", "") in ("true", "1") else ""  # Hugo's template: these only
        summary = escape(named.get("summary") or "Details")
        return f"<details{opened}><summary>{summary}</summary>\n\n{inner}\n\n</details>"
    return ""  # gist: a script that loads the code from GitHub; comment: nothing is shown


#: A tag, a comment or a declaration in raw HTML, and the elements whose text is no text (a script's, a style's).
_RAW_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea)\b[^>]*>.*?(?:</\1\s*>|\Z)|</?[A-Za-z][^<>]*>|<![^<>]*>|<\?[^<>]*>",
    re.IGNORECASE | re.DOTALL,
)
#: What Markdown may read as its syntax anywhere in text (emphasis, links, code, escapes, autolinks, tables,
#: strikethrough), and at a line's start (headings, lists, a setext heading's or a thematic break's line).
_MARKDOWN_MARKS = re.compile(r"[\\`*_\[\]<>|~]|^[#=+-]|^(\d{1,9})[.)]", re.MULTILINE)


def _literal(inner: str) -> str:
    """A raw-HTML shortcode's inside, ``{{< rawhtml >}}``, as it stands on the page: Hugo puts it in after
    goldmark has read the Markdown, so ``[text](url)`` or ``*text*`` there is shown as written, no link or
    emphasis. Its text's marks are written as character references, which Markdown shows as the characters
    (in a paragraph) and passes through for the browser to (in an HTML block); its tags stay as they are, and
    its lines lose the indentation that would make them Markdown's code."""
    out, last = [], 0
    for markup in _RAW_MARKUP.finditer(inner):
        out += (_marks_escaped(inner[last : markup.start()]), markup.group(0))
        last = markup.end()
    out.append(_marks_escaped(inner[last:]))
    return "".join(out)


def _marks_escaped(text: str) -> str:
    text = re.sub(r"(?m)^[ \t]+", "", text) if " " in text or "\t" in text else text
    return _MARKDOWN_MARKS.sub(lambda mark: f"{mark.group(1) or ''}&#{ord(mark.group(0)[-1])};", text)


#: Where a call's rendering goes while ``around`` reads the Markdown around it: private-use characters,
#: which no Markdown syntax starts with.
_SLOT = "\ue000{}\ue001"


def expand(body: str, around: Callable[[str], str] | None = None) -> str:
    """``body`` with each call of a built-in shortcode written out as Hugo renders it; any other call stays
    as written.

    ``around``: what the site's renderer does to the Markdown around the calls (leaves its raw HTML out),
    which a call's own HTML is spared, as Hugo spares it.
    """
    if around is None or "\ue000" in body:
        written = _expanded(body, None)
        return around(written) if around is not None else written
    renderings: list[str] = []
    skeleton = around(_expanded(body, renderings))
    return re.sub("\ue000(\\d+)\ue001", lambda m: renderings[int(m.group(1))], skeleton)


def _starts_a_line(body: str, index: int) -> bool:
    """Whether ``index`` starts its line but for indentation and the marks of a quote or list item around it
    (``> ``, ``- ``, ``1. ``): where Markdown starts a block."""
    start = index
    while start > 0 and body[start - 1] in _MARK_CHARS:  # back over what may stand before a block, no further:
        start -= 1  # 200,000 calls on one line each searched back to its start (seconds)
    if start > 0 and body[start - 1] != "\n":
        return False
    return _CONTAINER_MARKS.fullmatch(body, start, index) is not None


#: The characters :data:`_CONTAINER_MARKS` is made of.
_MARK_CHARS = frozenset(" \t>-*+.)0123456789")


#: What may stand before a block on its line: indentation, and the marks of block quotes and list items.
_CONTAINER_MARKS = re.compile(r"[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*")


def _expanded(body: str, renderings: list[str] | None) -> str:
    """``body`` with the calls written out, or (``renderings``) each in a slot, its rendering kept aside."""
    calls = list(_calls(body))
    ends = _ends(calls)
    out: list[str] = []
    last = 0
    for call in calls:
        if call.start < last:
            continue  # inside a paired call written out already
        if call.comment:  # {{</* x */>}}: Hugo shows the call itself, as text
            shown = f"{{{{{call.opener} {'/' if call.closing else ''}{call.name}{call.args} {_ENDS[call.opener]}"
            out += (body[last : call.start], escape(shown, quote=False))
            last = call.end
            continue
        kind = _kind(call.name)
        if (kind not in BUILT_IN and kind not in RAW_HTML) or call.closing:
            continue
        inner, end = "", call.end
        if kind in _PAIRED:
            closing = _closing(ends, call)
            if closing is not None:
                inner, end = body[call.end : closing.start].strip("\r\n"), closing.end
        rendering = _rendered(kind, call.args, inner, body[call.start : call.end])
        if kind in RAW_HTML and call.opener == "%":
            # {{% %}}: its output is Markdown goldmark reads, raw HTML and all (left out unless unsafe)
            out += (body[last : call.start], rendering)
            last = end
            continue
        if call.opener == "<" and rendering.startswith("<") and _starts_a_line(body, call.start):
            # A line that starts with a block's tag starts a block of HTML in Markdown, which runs on to the
            # next blank line; Hugo puts a {{< >}} call's output in after reading the Markdown, so what
            # follows the call is still Markdown there (a credit). Text after it on its line: a paragraph
            # holding the call (a zero-width space first, which text comparison drops); else the next line
            # is one. A {{% %}} call's output is Markdown's to read (Hugo 0.55 on): an HTML block there too.
            line_end = body.find("\n", end)
            if body[end : line_end if line_end >= 0 else len(body)].strip():
                rendering = "\u200b" + rendering
            else:
                rendering += "\n"
        if renderings is not None:
            renderings.append(rendering)
            rendering = _SLOT.format(len(renderings) - 1)
        out += (body[last : call.start], rendering)
        last = end
    if not out:
        return body
    out.append(body[last:])
    return "".join(out)
