"""Differential test: one reprint, written in every input format, gets the same findings.

A generated reprint (its metadata and an article built from realistic blocks: credits, links to the
original, licence links, copyright notices, tracking pixels, pictures, added-restriction footers, edit
notes, headings, lists, quotes, emphasis, entities, non-ASCII text) is written as Markdown with front
matter, an HTML page with a metadata sidecar, an HTML fragment with one, JSON envelopes with a Markdown
and an HTML body and, where plain text can say it, one with a text body. The HTML is a simple,
deterministic rendering of the Markdown written here, so any difference in the findings is the tool
reading one format otherwise than another: the same rule ids, and each finding at the same words (or,
for a metadata finding, the same key; for something missing, the body's last line) in each file's own
text. Differences a format cannot help are named in ``expected_differences`` with the reason.
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# --- the article as a small tree ---------------------------------------------------------------------
# Inline nodes: ("t", text) | ("em", [nodes]) | ("strong", [nodes]) | ("a", url, title | None, [nodes])
#               | ("img", src, alt) | ("br",) | ("code", text)
# Blocks: ("h", level, [nodes]) | ("p", [nodes]) | ("ul" | "ol", [[nodes], ...]) | ("quote", [[nodes], ...])
#         | ("raw", html) | ("hr",) | ("table", [header cells], [[cells], ...]) (cells: [nodes])
Inline = tuple
Block = tuple

FORMATS = ("md", "page", "fragment", "json-md", "json-html", "json-text")


@dataclass
class Case:
    """One generated reprint: its metadata, its blocks, and what plain text cannot express."""

    name: str
    policy: str
    meta: dict[str, Any]
    blocks: list[Block]
    entity_style: str = "raw"  # raw | named | numeric: how the HTML and Markdown spell é, ’, &, ...
    md_width: int = 0  # wrap Markdown paragraphs at this width (0: one line each)
    html_width: int = 0
    ascii_json: bool = False
    page_main: bool = False
    page_declares: bool = False  # the page gives original_url and author in its <head>, not its sidecar
    crlf: bool = False
    bom: bool = False
    page_indent: bool = False  # the page's article indented, as a template pretty-prints it
    md_refs: bool = False  # Markdown links written reference-style, their definitions at the end
    html_style: str = "plain"  # plain | upper (upper-case tag names) | single (single-quoted attributes, <br />)
    front_matter: str = "yaml"  # yaml | toml | json
    json_slashes: bool = False  # every "/" written "\/", as PHP's json_encode writes it
    json_compact: bool = False  # the metadata on one line
    notes: list[str] = field(default_factory=list)

    @property
    def text_ok(self) -> bool:
        """Plain text has no pictures, no raw HTML and no hidden parts: such a case has no text form."""
        return not any(b[0] == "raw" for b in self.blocks) and not any(_has_img(b) for b in self.blocks)


def _has_img(block: Block) -> bool:
    def walk(nodes: list) -> bool:
        for n in nodes:
            if n[0] == "img":
                return True
            if n[0] in ("em", "strong") and walk(n[1]):
                return True
            if n[0] == "a" and walk(n[3]):
                return True
        return False

    kind = block[0]
    if kind in ("h",):
        return walk(block[2])
    if kind == "p":
        return walk(block[1])
    if kind in ("ul", "ol", "quote"):
        return any(walk(item) for item in block[1])
    if kind == "table":
        return any(walk(c) for c in block[1]) or any(walk(c) for r in block[2] for c in r)
    return False


# --- spelling text in each syntax ----------------------------------------------------------------------

_NAMED = {
    "\u00ad": "&shy;",
    "é": "&eacute;",
    "’": "&rsquo;",
    "“": "&ldquo;",
    "”": "&rdquo;",
    "—": "&mdash;",
    "ñ": "&ntilde;",
    "ü": "&uuml;",
    "ë": "&euml;",
    "ã": "&atilde;",
    "\u00a0": "&nbsp;",
    "©": "&copy;",
    "í": "&iacute;",
}


def _entities(text: str, style: str, *, html_amp: bool) -> str:
    """Spell text as written in HTML or Markdown: '&' and '<' escaped, some characters as entities."""
    out = []
    for ch in text:
        if ch == "&":
            out.append("&amp;" if html_amp or style != "raw" else "&")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif style == "named" and ch in _NAMED:
            out.append(_NAMED[ch])
        elif style == "numeric" and ch in _NAMED:
            out.append(f"&#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


_SOFT = "\x00"  # a space a paragraph may be wrapped at


def _md_inline(nodes: list, style: str, refs: list | None = None) -> str:
    """Inline nodes as Markdown; with ``refs``, links reference-style, their definitions added to ``refs``."""
    out = []
    for n in nodes:
        kind = n[0]
        if kind == "t":
            out.append(_entities(n[1], style, html_amp=False).replace(" ", _SOFT))
        elif kind == "em":
            out.append("*" + _md_inline(n[1], style, refs) + "*")
        elif kind == "strong":
            out.append("**" + _md_inline(n[1], style, refs) + "**")
        elif kind == "a" and n[3] == [("t", n[1])] and not n[2]:
            out.append(f"<{n[1]}>")  # an autolink: its words are its address
        elif kind == "a" and refs is not None:
            title = f' "{n[2]}"' if n[2] else ""
            refs.append(f"[{len(refs) + 1}]: {n[1]}{title}")
            out.append("[" + _md_inline(n[3], style, refs) + f"][{len(refs)}]")
        elif kind == "a":
            title = f' "{n[2]}"' if n[2] else ""
            out.append("[" + _md_inline(n[3], style, refs) + "](" + n[1] + title + ")")
        elif kind == "img":
            out.append(f"![{n[2]}]({n[1]})")
        elif kind == "br":
            out.append("\\\n")
        elif kind == "code":
            out.append(f"`{n[1]}`")
    return "".join(out)


def _html_inline(nodes: list, style: str) -> str:
    out = []
    for n in nodes:
        kind = n[0]
        if kind == "t":
            out.append(_entities(n[1], style, html_amp=True).replace(" ", _SOFT))
        elif kind == "em":
            out.append("<em>" + _html_inline(n[1], style) + "</em>")
        elif kind == "strong":
            out.append("<strong>" + _html_inline(n[1], style) + "</strong>")
        elif kind == "a":
            title = f' title="{html.escape(n[2])}"' if n[2] else ""
            out.append(f'<a href="{html.escape(n[1])}"{title}>' + _html_inline(n[3], style) + "</a>")
        elif kind == "img":
            out.append(f'<img src="{html.escape(n[1])}" alt="{html.escape(n[2])}">')
        elif kind == "br":
            out.append("<br>\n")
        elif kind == "code":
            out.append(f"<code>{html.escape(n[1], quote=False)}</code>")
    return "".join(out)


def _text_inline(nodes: list) -> str:
    out = []
    for n in nodes:
        kind = n[0]
        if kind == "t":
            out.append(n[1].replace(" ", _SOFT))
        elif kind in ("em", "strong"):
            out.append(_text_inline(n[1]))
        elif kind == "a":
            words = _text_inline(n[3])
            out.append(words if words.replace(_SOFT, " ") == n[1] else f"{words}{_SOFT}({n[1]})")
        elif kind == "br":
            out.append("\n")
        elif kind == "code":
            out.append(n[1])
    return "".join(out)


# A Markdown line must not start as a block would (a list item, a heading, a quote, a setext underline).
_BLOCK_START = re.compile(r"^(?:[-+*#>=]|\d+[.)])")


def _wrap(text: str, width: int, *, markdown: bool) -> str:
    """Fill a paragraph to ``width`` at its soft spaces (0: one line), never starting a line as a block."""
    lines = []
    for hard in text.split("\n"):
        words = hard.split(_SOFT)
        if not width:
            lines.append(" ".join(words))
            continue
        line = ""
        for word in words:
            if line and len(line) + 1 + len(word) > width and not (markdown and _BLOCK_START.match(word)):
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
    return "\n".join(lines)


def render_markdown_body(case: Case) -> str:
    """The article in Markdown, as an editor writes it."""
    style, width = case.entity_style, case.md_width
    refs: list[str] | None = [] if case.md_refs else None
    parts = []
    for b in case.blocks:
        kind = b[0]
        if kind == "h":
            parts.append("#" * b[1] + " " + _wrap(_md_inline(b[2], style, refs), 0, markdown=True))
        elif kind == "p":
            parts.append(_wrap(_md_inline(b[1], style, refs), width, markdown=True))
        elif kind in ("ul", "ol"):
            items = []
            for i, item in enumerate(b[1], 1):
                marker = "-" if kind == "ul" else f"{i}."
                items.append(f"{marker} " + _wrap(_md_inline(item, style, refs), 0, markdown=True))
            parts.append("\n".join(items))
        elif kind == "quote":
            paras = [_wrap(_md_inline(p, style, refs), width, markdown=True) for p in b[1]]
            parts.append("\n>\n".join("\n".join("> " + ln for ln in p.split("\n")) for p in paras))
        elif kind == "raw":
            parts.append(b[1])
        elif kind == "hr":
            parts.append("***")
        elif kind == "table":

            def row(cells):
                return "| " + " | ".join(_wrap(_md_inline(c, style, refs), 0, markdown=True) for c in cells) + " |"

            parts.append("\n".join([row(b[1]), "|" + "---|" * len(b[1]), *(row(r) for r in b[2])]))
    if refs:
        parts.append("\n".join(refs))
    return "\n\n".join(parts) + "\n"


def render_html_body(case: Case) -> str:
    """The same article in HTML, as a CommonMark renderer writes it."""
    style, width = case.entity_style, case.html_width
    parts = []
    for b in case.blocks:
        kind = b[0]
        if kind == "h":
            parts.append(f"<h{b[1]}>" + _wrap(_html_inline(b[2], style), 0, markdown=False) + f"</h{b[1]}>")
        elif kind == "p":
            parts.append("<p>" + _wrap(_html_inline(b[1], style), width, markdown=False) + "</p>")
        elif kind in ("ul", "ol"):
            items = "\n".join("<li>" + _wrap(_html_inline(i, style), 0, markdown=False) + "</li>" for i in b[1])
            parts.append(f"<{kind}>\n{items}\n</{kind}>")
        elif kind == "quote":
            paras = "\n".join("<p>" + _wrap(_html_inline(p, style), width, markdown=False) + "</p>" for p in b[1])
            parts.append(f"<blockquote>\n{paras}\n</blockquote>")
        elif kind == "raw":
            parts.append(b[1])
        elif kind == "hr":
            parts.append("<hr>")
        elif kind == "table":
            cell = lambda tag, c: f"<{tag}>" + _wrap(_html_inline(c, style), 0, markdown=False) + f"</{tag}>"  # noqa: E731
            head = "<tr>\n" + "\n".join(cell("th", c) for c in b[1]) + "\n</tr>"
            rows = "\n".join("<tr>\n" + "\n".join(cell("td", c) for c in r) + "\n</tr>" for r in b[2])
            parts.append(f"<table>\n<thead>\n{head}\n</thead>\n<tbody>\n{rows}\n</tbody>\n</table>")
    return _html_styled("\n".join(parts) + "\n", case.html_style)


_OUR_TAGS = re.compile(r"<(/?)(p|em|strong|a|h[1-6]|ul|ol|li|blockquote|table|thead|tbody|tr|th|td|hr|br|code|img)\b")


def _html_styled(text: str, style: str) -> str:
    """The HTML as another editor writes it: tag names in capitals, or attributes in single quotes."""
    if style == "upper":
        return _OUR_TAGS.sub(lambda m: f"<{m.group(1)}{m.group(2).upper()}", text)
    if style == "single":
        return re.sub(r'\b(href|src|alt|title)="([^"]*)"', r"\1='\2'", text).replace("<br>", "<br />")
    return text


def render_text_body(case: Case) -> str:
    """The same article as plain text: what a reader sees, links written out as their addresses."""
    parts = []
    for b in case.blocks:
        kind = b[0]
        if kind == "h":
            parts.append(_wrap(_text_inline(b[2]), 0, markdown=False))
        elif kind == "p":
            parts.append(_wrap(_text_inline(b[1]), case.md_width, markdown=False))
        elif kind in ("ul", "ol"):
            parts.append("\n".join(_wrap(_text_inline(i), 0, markdown=False) for i in b[1]))
        elif kind == "quote":
            parts.extend(_wrap(_text_inline(p), case.md_width, markdown=False) for p in b[1])
        elif kind == "table":
            rows = [b[1], *b[2]]
            parts.append("\n".join("\t".join(_wrap(_text_inline(c), 0, markdown=False) for c in r) for r in rows))
    return "\n\n".join(parts) + "\n"


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            return value
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)  # a list or a mapping, in YAML's flow style


def render_yaml(meta: dict[str, Any]) -> str:
    """Metadata as front matter or a sidecar writes it: a key a line."""
    return "".join(f"{k}: {_yaml_value(v)}\n" for k, v in meta.items())


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return value
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def render_front_matter(case: Case) -> str:
    """The Markdown file's front matter: YAML, Hugo's TOML, or a JSON object."""
    if case.front_matter == "toml":
        return "+++\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in case.meta.items()) + "+++\n\n"
    if case.front_matter == "json":
        return json.dumps(case.meta, indent=2, ensure_ascii=False) + "\n\n"
    return "---\n" + render_yaml(case.meta) + "---\n\n"


def render_page(case: Case) -> str:
    """A whole page: head, and the article in <article> (in a <main> for some)."""
    title = html.escape(str(case.meta.get("title", "")))
    head = ""
    if case.page_declares:
        authors = case.meta["author"] if isinstance(case.meta["author"], list) else [case.meta["author"]]
        head = (
            f'<link rel="canonical" href="{html.escape(case.meta["original_url"])}">\n'
            f'<meta name="author" content="{html.escape("; ".join(authors))}">\n'
        )
    body = render_html_body(case)
    if case.page_indent:
        body = "".join(f"  {line}\n" if line else "\n" for line in body.split("\n")[:-1])
    inner = f"<article>\n{body}</article>\n"
    if case.page_main:
        inner = f"<main>\n{inner}</main>\n"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n{head}</head>\n<body>\n{inner}</body>\n</html>\n"
    )


def render_envelope(case: Case, body: str, fmt: str) -> str:
    """A CMS's JSON envelope: metadata a key a line, the body on one line."""
    if case.json_compact:
        meta = json.dumps(case.meta, ensure_ascii=case.ascii_json)
    else:
        meta = json.dumps(case.meta, indent=2, ensure_ascii=case.ascii_json).replace("\n", "\n  ")
    body_json = json.dumps(body, ensure_ascii=case.ascii_json)
    envelope = f'{{\n  "metadata": {meta},\n  "body": {body_json},\n  "format": "{fmt}"\n}}\n'
    return envelope.replace("/", "\\/") if case.json_slashes else envelope


def write_case(case: Case, folder: Path) -> dict[str, Path]:
    """Write every form of the case into ``folder``; return each format's article file."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}

    def write(path: Path, text: str, *, bom: bool = False) -> None:
        text = text.replace("\n", "\r\n") if case.crlf else text
        path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))

    md = folder / f"{case.name}.md"
    write(md, render_front_matter(case) + render_markdown_body(case), bom=case.bom)
    files["md"] = md
    for fmt, text in (("page", render_page(case)), ("fragment", render_html_body(case))):
        path = folder / f"{case.name}-{fmt}.html"
        write(path, text, bom=case.bom)
        meta = case.meta
        if fmt == "page" and case.page_declares:
            meta = {k: v for k, v in meta.items() if k not in ("original_url", "author")}
        write(folder / f"{case.name}-{fmt}.meta.yaml", render_yaml(meta))
        files[fmt] = path
    envelopes = [("json-md", render_markdown_body(case), "markdown"), ("json-html", render_html_body(case), "html")]
    if case.text_ok:
        envelopes.append(("json-text", render_text_body(case), "text"))
    for fmt, body, kind in envelopes:
        path = folder / f"{case.name}-{fmt}.json"
        write(path, render_envelope(case, body, kind))
        files[fmt] = path
    return files


# --- realistic building blocks ---------------------------------------------------------------------------

AUTHORS = [
    "Mara Velasquez",
    "Zoë Lindqvist",
    "Tomás Brenner",
    "Dana Whitfield",
    "Priya Castellanos",
    "Marcus Oyelaran",
    "Li Wei",
    "Siobhán O’Connell",
    "Jean-Luc Martin",
    "Ana Núñez-Ortega",
]
MISSPELT = {
    "Mara Velasquez": "Mara Velazquez",
    "Zoë Lindqvist": "Zoë Lindquist",
    "Tomás Brenner": "Tomás Brener",
    "Dana Whitfield": "Dana Whitfeld",
    "Priya Castellanos": "Priya Castellano",
    "Marcus Oyelaran": "Marcus Oyelaren",
    "Li Wei": "Li Way",
    "Siobhán O’Connell": "Siobhan O’Conell",
    "Jean-Luc Martin": "Jean-Luc Martins",
    "Ana Núñez-Ortega": "Ana Nunes-Ortega",
}
TOPICS = [
    "the-river-that-ran-dry",
    "county-water-meters-overbilled",
    "rooftop-beehives-city-block",
    "seed-library-bank-vault",
    "night-shift-glacier-station",
    "rural-pharmacy-closures",
]
SENTENCES = [
    "A valley’s farmers watched the river shrink for three summers before anyone in the capital noticed.",
    "Records show that more than 4,000 homes were charged for water they never drew.",
    "“We’re not giving up,” said Zoë Núñez, who has farmed the same plot since 1987.",
    "The co‑operative — founded in 1931 — now counts 212 members & a waiting list.",
    "Officials in São Paulo called the plan naïve; the mayor’s office disagreed.",
    "Prices rose 12% in a year, and rents followed within months.",
    "Li Wei (李伟), a hydrologist in Chengdu, has measured the glacier since 2009.",
    "The station reads −14 °C at dawn, and the wind rarely drops below 40 km/h.",
    "Residents who complained were told to pay first and dispute later.",
    "In Łódź and Kraków, similar schemes were dropped after a year.",
    "The report’s authors — all volunteers — worked from a borrowed office.",
    "Nobody expected much beyond a few jars of honey for the autumn fair 🍯.",
    "Straße by Straße, the survey team counted every broken meter.",
    "“It’s the quiet nights that are hard,” she said.",
]
OTHER_LINKS = [
    ("https://www.epa.gov/watersense", "federal guidance", "WaterSense guidance"),
    ("https://example.org/reports/2025/meters.pdf", "the audit", None),
    ("https://data.census.gov/table?q=housing&g=040XX00US06", "census figures", "Census data"),
    ("https://en.wikipedia.org/wiki/Glacier", "glaciers", None),
]
RESTRICTIONS = [
    "All rights reserved. No part of this article may be reproduced without our written permission.",
    "This article may not be republished or redistributed without permission.",
    "© 2026 The Harbour Ledger. All rights reserved.",
]
EDIT_NOTES = [
    "This article has been edited for length.",
    "This story was shortened for space.",
    "Editor’s note: this version adds local reporting.",
]
IMAGE_HOSTS = [
    "https://images.example-stock.com/photos/8812.jpg",
    "https://cdn.harbour-ledger.example/img/river.jpg",
    "https://upload.wikimedia.org/wikipedia/commons/a/a1/Glacier.jpg",
]


@dataclass
class Profile:
    """How one publisher's reprint is usually written."""

    policy: str
    url: Callable[[random.Random, str], str]
    publisher: str
    license: str | None
    deed: str | None
    deed_label: str | None
    wrong_host: str
    pixel: Callable[[str], str] | None = None
    altered_pixel: Callable[[str], str] | None = None
    credit_top: bool = False
    copyright: bool = False


def _conv_id(url: str) -> str:
    return re.search(r"(\d+)$", url).group(1)  # type: ignore[union-attr]


PROFILES = {
    "global-research": Profile(
        "global-research",
        lambda r, s: f"https://www.globalresearch.ca/{s}/58{r.randrange(10000, 99999)}",
        "Global Research",
        None,
        None,
        None,
        "https://www.globalresearch.com/",
        copyright=True,
    ),
    "propublica": Profile(
        "propublica",
        lambda r, s: f"https://www.propublica.org/article/{s}",
        "ProPublica",
        "CC-BY-NC-ND-3.0-US",
        "https://creativecommons.org/licenses/by-nc-nd/3.0/us/",
        "CC BY-NC-ND 3.0 US",
        "https://www.propublica.com/",
        pixel=lambda u: '<script src="https://pixel.propublica.org/pixel.js" async></script>',
        altered_pixel=lambda u: '<script src="https://pixel.propublica.org/pixel-v2.js" async></script>',
    ),
    "the-conversation": Profile(
        "the-conversation",
        lambda r, s: f"https://theconversation.com/{s}-{r.randrange(200000, 299999)}",
        "The Conversation",
        "CC-BY-ND-4.0",
        "https://creativecommons.org/licenses/by-nd/4.0/",
        "CC BY-ND 4.0",
        "https://theconversation.co/",
        pixel=lambda u: (
            f'<img src="https://counter.theconversation.com/content/{_conv_id(u)}/count.gif'
            '?distributor=republish-lightbox-basic" alt="The Conversation" width="1" height="1" '
            'style="border: none; max-width: 1px; max-height: 1px">'
        ),
        altered_pixel=lambda u: (
            '<img src="https://counter.theconversation.com/content/1/count.gif" alt="" width="1" height="1">'
        ),
        credit_top=True,
    ),
    "cc-by-4.0": Profile(
        "cc-by-4.0",
        lambda r, s: f"https://harrow-valley-ledger.example/2025/03/02/{s}",
        "Harrow Valley Ledger",
        "CC-BY-4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        "CC BY 4.0",
        "https://harrow-valley-gazette.example/",
    ),
    "cc-by-nd-4.0": Profile(
        "cc-by-nd-4.0",
        lambda r, s: f"https://northridge-observer.example/features/2025/01/{s}",
        "Northridge Observer",
        "CC-BY-ND-4.0",
        "https://creativecommons.org/licenses/by-nd/4.0/",
        "CC BY-ND 4.0",
        "https://northridge-times.example/",
    ),
    "kff-health-news": Profile(
        "kff-health-news",
        lambda r, s: f"https://kffhealthnews.org/news/article/{s}/",
        "KFF Health News",
        "CC-BY-NC-ND-4.0",
        "https://creativecommons.org/licenses/by-nc-nd/4.0/",
        "CC BY-NC-ND 4.0",
        "https://kffhealth.org/",
    ),
}


def _t(text: str) -> Inline:
    return ("t", text)


def _filler_para(r: random.Random, sentences: int) -> list:
    nodes: list = []
    for i in range(sentences):
        s = r.choice(SENTENCES)
        roll = r.random()
        if i:
            nodes.append(_t(" "))
        if roll < 0.12:
            words = s.split(" ")
            k = r.randrange(1, len(words))
            nodes += [_t(" ".join(words[:k]) + " "), ("em", [_t(words[k])])]
            if k + 1 < len(words):
                nodes.append(_t(" " + " ".join(words[k + 1 :])))
        elif roll < 0.17:
            url, words, title = r.choice(OTHER_LINKS)
            nodes += [_t("According to "), ("a", url, title, [_t(words)]), _t(", " + s[0].lower() + s[1:])]
        elif roll < 0.2:
            url = r.choice(OTHER_LINKS)[0]
            nodes += [_t(s + " The data is at "), ("a", url, None, [_t(url)]), _t(".")]
        elif roll < 0.25:
            nodes += [("strong", [_t("Update:")]), _t(" " + s)]
        else:
            nodes.append(_t(s))
    return _merge(nodes)


def _merge(nodes: list) -> list:
    """Join neighbouring text nodes, as a renderer would see them."""
    out: list = []
    for n in nodes:
        if n[0] == "t" and out and out[-1][0] == "t":
            out[-1] = ("t", out[-1][1] + n[1])
        else:
            out.append(n)
    return out


def _link_to_original(r: random.Random, variant: str, url: str, words: str, prof: Profile) -> list:
    """The publisher's name, linked to the original (or not, or elsewhere)."""
    if " " in words and r.random() < 0.15:  # a CMS's non-breaking space, or an editor's soft hyphen
        words = words.replace(" ", "\u00a0", 1) if r.random() < 0.6 else words.replace("Re", "Re\u00ad", 1)
    if variant == "absent":
        return [_t(words)]
    if variant == "wrong-host":
        target = prof.wrong_host + url.split("/", 3)[3]
    elif variant == "homepage":
        target = "/".join(url.split("/", 3)[:3]) + "/"
    else:
        target = url
        if r.random() < 0.2:
            target += "?utm_source=republish&utm_medium=referral"
    title = r.choice([None, None, "Read the original"])
    roll = r.random()
    if roll < 0.08:  # the publisher's logo, linked
        return [("a", target, title, [("img", "https://cdn.harbour-ledger.example/logos/publisher.png", words)])]
    if roll < 0.16:
        return [("a", target, title, [("em", [_t(words)])])]
    return [("a", target, title, [_t(words)])]


def _license_words(r: random.Random, variant: str, prof: Profile) -> list:
    if prof.deed is None:
        return []
    if variant == "absent":
        return [_t(f" It is republished under a {prof.deed_label} licence.")]
    deed = prof.deed if variant == "present" else prof.deed.replace("/by-nd/", "/by-sa/").replace("/by/", "/by-sa/")
    return [_t(" It is republished under a "), ("a", deed, None, [_t(prof.deed_label or "")]), _t(" licence.")]


def generate_case(seed: int, policy: str | None = None) -> Case:
    """Compose one reprint from the blocks above, each choice drawn from ``seed``."""
    r = random.Random(seed)
    policy = policy or r.choice(sorted(PROFILES))
    prof = PROFILES[policy]
    slug = r.choice(TOPICS)
    if policy.startswith("cc-") and r.random() < 0.2:
        slug = r.choice(["café-owners-reopen", "niños-del-río", "zürich-tram-strike"])
    author = r.choice(AUTHORS)
    url = prof.url(r, slug)
    meta: dict[str, Any] = {"title": slug.replace("-", " ").capitalize(), "author": author}
    if r.random() < 0.15:
        meta["author"] = [author, r.choice([a for a in AUTHORS if a != author])]
    meta["original_url"] = url
    meta["original_published"] = f"2026-0{r.randrange(1, 9)}-1{r.randrange(0, 9)}"
    if prof.license and (policy.startswith("cc-") or r.random() < 0.7):
        meta["license"] = prof.license
    commercial = r.choice([True, False, False, None])
    if commercial is not None:
        meta["commercial"] = commercial
    if policy == "kff-health-news" and commercial:
        meta["news_outlet"] = r.choice([True, False])
    meta["medium"] = r.choice(["web", "web", "web", "print"])
    modified = r.random() < 0.15
    if modified:
        meta["modified"] = True
    has_images = r.random() < 0.3
    if has_images and r.random() < 0.4:
        meta["permissions"] = [{"from": "photos@example.org", "date": "2026-01-05", "scope": ["photos", "images"]}]
    if r.random() < 0.1:
        meta["copyright_holder"] = author

    names = meta["author"] if isinstance(meta["author"], list) else [author]
    byline_v = r.choice(["correct", "correct", "misspelt", "missing"])
    link_v = r.choice(["present", "present", "absent", "wrong-host", "homepage"])
    lic_v = r.choice(["present", "present", "absent", "wrong"])
    copy_v = r.choice(["present", "present", "absent", "wrong"])
    pixel_v = r.choice(["present", "present", "hidden", "altered", "absent"])
    credit_v = r.choice(["present", "present", "present", "present", "missing", "hidden", "commented"])

    blocks: list[Block] = []
    if r.random() < 0.7:
        blocks.append(("h", 1, [_t(meta["title"])]))
    if byline_v != "missing":
        shown = [MISSPELT[n] if byline_v == "misspelt" else n for n in names]
        line = [_t(r.choice(["By ", "by ", "Words by "]) + " and ".join(shown))]
        if r.random() < 0.2:
            line = [("em", line)]
        blocks.append(("p", line))
    credit: list = []
    if credit_v != "missing":
        if policy == "global-research":
            credit = [
                (
                    "em",
                    [
                        _t("The original source of this article is "),
                        *_link_to_original(r, link_v, url, "Global Research", prof),
                        _t("."),
                    ],
                )
            ]
        elif policy == "the-conversation":
            credit = [
                (
                    "em",
                    [
                        _t(f"{names[0]}, University of Eastmoor. Republished from "),
                        *_link_to_original(r, link_v, url, "The Conversation", prof),
                        _t("."),
                    ],
                )
            ]
        elif policy == "propublica":
            credit = [
                _t("This story was originally published by "),
                *_link_to_original(r, link_v, url, "ProPublica", prof),
                _t("."),
                *_license_words(r, lic_v, prof),
            ]
        else:
            credit = [
                _t("This article was first published by "),
                *_link_to_original(r, link_v, url, prof.publisher, prof),
                _t("."),
                *_license_words(r, lic_v, prof),
            ]
            if r.random() < 0.4:
                credit = [("em", _merge(credit))]
        credit = _merge(credit)
    if credit_v in ("hidden", "commented"):
        shown = _wrap(_html_inline(credit, r.choice(["raw", "named"])), 0, markdown=False)
        credit_v = "raw"
        credit = [("raw", f'<p style="display:none">{shown}</p>' if r.random() < 0.5 else f"<!-- {shown} -->")]
    if credit_v == "present" and r.random() < 0.15 and len(blocks) > 1 and blocks[-1][0] == "p":
        blocks[-1] = ("p", [*blocks[-1][1], ("br",), *credit])  # byline and credit, a line break apart
        credit = []
    if credit and prof.credit_top:
        blocks.append(credit[0] if credit_v == "raw" else ("p", credit))

    body: list[Block] = []
    for _ in range(r.randrange(2, 7)):
        roll = r.random()
        if roll < 0.55:
            body.append(("p", _filler_para(r, r.choice([1, 2, 3, 3, 6, 10]))))
        elif roll < 0.65:
            body.append(
                (
                    "h",
                    r.choice([2, 3]),
                    [_t(r.choice(["What changed", "The cost — and who pays", "Année zéro", "Next steps"]))],
                )
            )
        elif roll < 0.75:
            body.append((r.choice(["ul", "ol"]), [_filler_para(r, 1) for _ in range(r.randrange(2, 5))]))
        elif roll < 0.85:
            body.append(("quote", [_filler_para(r, r.randrange(1, 3)) for _ in range(r.randrange(1, 3))]))
        elif roll < 0.88:
            body.append(("hr",))
        elif roll < 0.91:
            body.append(
                (
                    "table",
                    [[_t("County")], [_t("Homes overbilled")]],
                    [[[_t(c)], [_t(str(r.randrange(100, 5000)))]] for c in ("Brennan", "Łódź", "São Tomé")],
                )
            )
        elif roll < 0.93:
            body.append(
                ("p", [_t("Residents shared photos under the hashtag "), ("code", "#SaveTheRiver"), _t(" all summer.")])
            )
        else:
            body.append(("p", [*_filler_para(r, 2), _t(" "), ("br",), _t(r.choice(SENTENCES))]))
    if has_images:
        for _ in range(r.randrange(1, 3)):
            src = r.choice(IMAGE_HOSTS)
            pos = r.randrange(0, len(body) + 1)
            body.insert(pos, ("p", [("img", src, r.choice(["A dry riverbed", "Beehives on a roof", ""]))]))
            if r.random() < 0.5:
                body.insert(
                    pos + 1, ("p", [("em", [_t(r.choice(["Photo: Ana Ruiz/Getty Images", "Photo by the author"]))])])
                )
    blocks += body
    if modified or r.random() < 0.1:
        blocks.append(("p", [("em", [_t(r.choice(EDIT_NOTES))])]))
    if credit and not prof.credit_top:
        if credit_v == "raw":
            blocks.append(credit[0])
        else:
            blocks.append(("quote", [credit]) if r.random() < 0.1 else ("p", credit))
    elif prof.credit_top and policy == "the-conversation" and credit_v == "present":
        tail = [_t("This article is republished from The Conversation under a Creative Commons licence.")]
        if lic_v != "absent":
            tail = [
                _t("This article is republished from "),
                ("a", url, None, [_t("The Conversation")]),
                *_license_words(r, lic_v, prof)[0:0],
                _t(" under a "),
                (
                    "a",
                    prof.deed if lic_v == "present" else prof.deed.replace("by-nd", "by-sa"),
                    None,
                    [_t(prof.deed_label or "")],
                ),
                _t(" licence."),
            ]
        blocks.append(("p", _merge(tail)))
    if prof.copyright or "copyright_holder" in meta:
        if copy_v == "present":
            blocks.append(("p", [_t(f"Copyright © {names[0]}, {prof.publisher}, 2026")]))
        elif copy_v == "wrong":
            blocks.append(("p", [_t(f"Copyright © Harbour Ledger Media, {prof.publisher}, 2026")]))
    if r.random() < 0.2:
        blocks.append(("p", [_t(r.choice(RESTRICTIONS))]))
    if prof.pixel and pixel_v != "absent":
        if pixel_v == "altered" and prof.altered_pixel:
            blocks.append(("raw", prof.altered_pixel(url)))
        elif pixel_v == "hidden":
            blocks.append(("raw", f'<div style="display:none">\n{prof.pixel(url)}\n</div>'))
        else:
            blocks.append(("raw", prof.pixel(url)))

    case = Case(
        name=f"case{seed}",
        policy=policy,
        meta=meta,
        blocks=blocks,
        entity_style=r.choice(["raw", "raw", "named", "numeric"]),
        md_width=r.choice([0, 0, 80, 100, 120]),
        html_width=r.choice([0, 0, 90, 110]),
        ascii_json=r.random() < 0.3,
        page_main=r.random() < 0.3,
        page_declares=r.random() < 0.2,
        crlf=r.random() < 0.1,
        bom=r.random() < 0.08,
        md_refs=r.random() < 0.15,
        page_indent=r.random() < 0.3,
        html_style=r.choice(["plain", "plain", "plain", "upper", "single"]),
        front_matter=r.choice(["yaml", "yaml", "yaml", "yaml", "toml", "json"]),
        json_slashes=r.random() < 0.15,
        json_compact=r.random() < 0.15,
    )
    return case


# --- reading a finding's place back out of each file ----------------------------------------------------

_URL = re.compile(r"""https?://[^\s"'<>)]+""")


def _visible_words(snippet: str) -> str:
    """The words a snippet of Markdown or HTML shows, spaces collapsed (its markup and entities read)."""
    s = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", snippet)
    s = re.sub(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)", "", s)
    s = re.sub(r"</?(?:a|em|strong)\b[^>]*>", "", s)
    s = re.sub(r"<[^>]*>?", " ", s)
    s = re.sub(r"(?<![\w/])[*\[\]]+|[*\[\]]+(?![\w/])", "", s)
    s = s.replace("\\\n", " ")
    s = re.sub(r"(?m)^\s*(?:#+|>|-|\d+\.)\s", " ", s)
    s = html.unescape(s)
    s = re.sub(r"\(?https?://\S+", " ", s)  # plain text writes a link as its address
    return " ".join(s.split())


def _lines(path: Path) -> list[str]:
    """The file's lines as an editor shows them: a byte order mark is no character of the first line."""
    return [ln.removesuffix("\r") for ln in path.read_text(encoding="utf-8-sig").split("\n")]


def _snippet(path: Path, fmt: str, f: dict) -> str:
    """The source text a finding's extent covers, as the body writes it (a JSON body's escapes read)."""
    lines = _lines(path)
    line, col = f["line"], f["column"]
    end_line, end_col = f.get("end_line") or line, f.get("end_column") or col
    if line == end_line:
        raw = lines[line - 1][col - 1 : end_col - 1]
    else:
        raw = "\n".join([lines[line - 1][col - 1 :], *lines[line : end_line - 1], lines[end_line - 1][: end_col - 1]])
    if fmt.startswith("json"):
        for trim in range(0, 6):
            try:
                return json.loads('"' + raw[: len(raw) - trim] + '"')
            except ValueError:
                continue
    return raw


def _key_at(path: Path, line: int, column: int = 1) -> str:
    text = _lines(path)[line - 1]
    for declared, key in (('rel="canonical"', "original_url"), ('name="author"', "author")):
        if declared in text:
            return key
    m = re.match(r'\s*"?([A-Za-z_][\w-]*)"?\s*[:=]', text[column - 1 :])
    return m.group(1) if m else f"<line {line}: {_lines(path)[line - 1].strip()[:30]}>"


def _at_last_line(path: Path, fmt: str, f: dict) -> bool:
    """Whether a finding stands at the start of the body's last line (closing tags after it aside)."""
    lines = _lines(path)
    line, col = f["line"], f["column"]
    if fmt.startswith("json"):
        raw = lines[line - 1]
        start = raw.index('"body": "') + len('"body": "')
        before = json.loads('"' + raw[start : col - 1] + '"') if col - 1 > start else ""
        rest = json.loads('"' + raw[col - 1 :].rstrip().rstrip(","))
        if before and not before.endswith("\n"):
            return False
        after = rest.split("\n")[1:]
    else:
        if col != 1:
            return False
        after = lines[line:]
    if fmt == "page":
        after = after[: after.index("</article>")] if "</article>" in after else after
    # Closing tags, comments and Markdown's link definitions show nothing.
    return all(re.fullmatch(r"(?i)\s*(?:</[a-z0-9]+>\s*|<!--.*?-->\s*)*|\[\d+\]: .*", ln) for ln in after)


def _at_body_start(path: Path, fmt: str, f: dict) -> bool:
    """Whether a finding stands where the body starts (after the front matter, ``<body>`` or ``"body": "``)."""
    lines = _lines(path)
    line, col = f["line"], f["column"]
    if fmt.startswith("json"):
        return lines[line - 1][: col - 1].endswith('"body": "')
    if fmt == "md":
        return col == 1 and line > 2 and lines[line - 2] in ("---", "+++", "}")
    if fmt == "page":
        return lines[line - 1][: col - 1].endswith("<body>")
    return (line, col) == (1, 1)


def signature(path: Path, fmt: str, f: dict, folder: Path) -> tuple:
    """What a finding points at, comparable across formats."""
    if f.get("field") or f.get("file"):
        where = folder / Path(f["file"]).name if f.get("file") else path
        return ("key", _key_at(where, f["line"], f["column"]))
    if f.get("end_line") is None:
        if _at_body_start(path, fmt, f):
            return ("start",)
        return ("end",) if _at_last_line(path, fmt, f) else ("line", f["line"], f["column"])
    snippet = _snippet(path, fmt, f)
    words = _visible_words(snippet)
    if words:
        return ("words", words)
    urls = _URL.findall(html.unescape(snippet))
    return ("url", urls[0] if urls else snippet)


def findings_by_format(results: dict[str, dict], files: dict[str, Path], folder: Path) -> dict[str, list[tuple]]:
    """Each format's findings as (rule, severity, place) in a stable order."""
    out = {}
    for fmt, path in files.items():
        res = results[str(path)]
        out[fmt] = sorted(
            (f["rule"], f["severity"], signature(path, fmt, f, folder)) for f in res.get("findings") or []
        )
    return out


# --- the differential test -----------------------------------------------------------------------------

#: Cases per bundled policy: seeded, so each run checks the same few hundred reprints.
CASES_PER_POLICY = 50


def parity_cases() -> list[Case]:
    """The seeded cases the test runs: as many for each policy, each policy's seeds its own."""
    return [
        generate_case(1000 * (i + 1) + k, policy)
        for i, policy in enumerate(sorted(PROFILES))
        for k in range(CASES_PER_POLICY)
    ]


def _other_host(url: str, case: Case) -> bool:
    """Whether ``url`` is on another host than the original's."""

    def host(u: str) -> str:
        return u.split("/", 3)[2].removeprefix("www.") if "://" in u else ""

    return host(url) != host(case.meta["original_url"])


def comparable(case: Case, fmt: str, found: list[tuple]) -> list[tuple]:
    """``found`` with what ``fmt`` cannot say as Markdown says it set aside: the expected differences.

    Plain text only (the other formats say all that Markdown says), since it writes a link as its address:
    - in print, where a hyperlink shows only its words, the licence deed's address is there to read: a
      licence linked in Markdown is "not written out", written out in plain text it passes;
    - no words are a link's own: a credit naming the publisher beside an address on another site is told at
      the name (a credit with no link to the article) where Markdown tells the link's address, so a
      link-original finding is compared by its rule alone there.
    Plain text has no pictures, no raw HTML and so no pixels or hidden parts either: a case holding any has
    no plain-text form (:attr:`Case.text_ok`).
    """
    if fmt != "json-text":
        return found
    kept = []
    for rule, severity, place in found:
        if case.meta.get("medium") == "print" and rule.endswith("/license"):
            continue  # the deed's address written out, as print asks
        if rule.endswith("/link-original") and (
            (place[0] == "url" and _other_host(place[1], case)) or place[0] == "words"
        ):
            kept.append((rule, severity, ("credit",)))  # told at the link's address, or at the unlinked name
            continue
        kept.append((rule, severity, place))
    return sorted(kept)


@pytest.fixture(scope="module")
def parity_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case], dict[str, dict[str, Path]], dict]:
    """Every case written in every format into one folder, checked by one run of the real command line."""
    from conftest import run_cli

    folder = tmp_path_factory.mktemp("parity")
    cases = parity_cases()
    files = {case.name: write_case(case, folder) for case in cases}
    run = run_cli("check", "--no-config", "--no-progress", "--format", "json", ".", cwd=folder)
    assert run.code in (0, 1), run.err
    results = {str(folder / r["path"]): r for r in run.json()["results"]}
    return folder, cases, files, results


@pytest.mark.parametrize("index", range(len(PROFILES) * CASES_PER_POLICY))
def test_same_findings_in_every_format(index: int, parity_run: tuple) -> None:
    """The same reprint gets the same findings at the same words in every format, from the command line and
    from the library alike."""
    from reprint_guard import check_file

    folder, cases, files, results = parity_run
    case = cases[index]
    paths = files[case.name]
    for path in paths.values():
        result = results[str(path)]
        assert result["error"] is None, (path.name, result["error"])
        from_library = check_file(path)
        assert sorted((f.rule, f.line, f.column, f.end_line, f.end_column) for f in from_library.findings) == sorted(
            (f["rule"], f["line"], f["column"], f.get("end_line"), f.get("end_column")) for f in result["findings"]
        ), path.name
    by_format = findings_by_format(results, paths, folder)
    reference = by_format["md"]
    for fmt, found in by_format.items():
        assert comparable(case, fmt, found) == comparable(case, fmt, reference), (case.name, fmt)


def test_the_cases_cover_the_building_blocks() -> None:
    """The seeded cases hold each kind of block and each way a credit goes wrong, and have findings to
    compare: a generator drawing too narrowly would pass without testing much."""
    cases = parity_cases()
    kinds = {b[0] for case in cases for b in case.blocks}
    assert {"h", "p", "ul", "ol", "quote", "raw", "hr", "table"} <= kinds
    assert sum(case.text_ok for case in cases) >= 60
    assert {case.entity_style for case in cases} == {"raw", "named", "numeric"}
    assert any(case.crlf for case in cases) and any(case.bom for case in cases)
    assert any(case.page_declares for case in cases)


# --- the bugs the generated cases found, each pinned by a case of its own ----------------------------------

_CC_META = {
    "title": "Tram strike",
    "author": "Zoë Lindqvist",
    "license": "CC-BY-4.0",
    "commercial": False,
    "medium": "web",
}


def _findings(body: str, meta: dict[str, Any], fmt: str) -> list[tuple[str, str]]:
    from reprint_guard import check

    return sorted((f.rule, f.message) for f in check(body, meta, format=fmt).findings)


def test_wrong_deed_beside_a_markdown_link_to_an_original_with_non_ascii_letters() -> None:
    """Markdown renders the link to ``…/zürich-tram-strike`` as ``…/z%C3%BCrich-tram-strike``: the credit
    still links the original, so the CC BY-SA deed it gives is the article's licence given wrongly, told at
    that link in Markdown as in HTML (it was told as no licence link at all in Markdown)."""
    original = "https://harrow-valley-ledger.example/2025/03/02/zürich-tram-strike"
    meta = {**_CC_META, "original_url": original}
    deed = "https://creativecommons.org/licenses/by-sa/4.0/"
    md = (
        "By Zoë Lindqvist\n\nThe trams stopped at noon.\n\n"
        f"This article was first published by [Harrow Valley Ledger]({original}). "
        f"It is republished under a [CC BY 4.0]({deed}) licence.\n"
    )
    page = (
        "<p>By Zoë Lindqvist</p>\n<p>The trams stopped at noon.</p>\n"
        f'<p>This article was first published by <a href="{original}">Harrow Valley Ledger</a>. '
        f'It is republished under a <a href="{deed}">CC BY 4.0</a> licence.</p>\n'
    )
    from_html = _findings(page, meta, "html")
    assert [rule for rule, _ in from_html] == ["cc-by-4.0/license"]
    assert "it gives CC BY-SA 4.0" in from_html[0][1]
    assert _findings(md, meta, "markdown") == from_html


def _placed(body: str, meta: dict[str, Any], fmt: str) -> list[tuple[str, str, str]]:
    """(rule, message, the words at the finding's extent) of each finding."""
    from reprint_guard import check

    lines = body.split("\n")
    out = []
    for f in check(body, meta, format=fmt).findings:
        at = lines[f.line - 1][f.column - 1 : (f.end_column or f.column) - 1] if f.end_line == f.line else ""
        out.append((f.rule, f.message, at))
    return sorted(out)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_wrong_deed_written_out_is_told_at_its_address(fmt: str) -> None:
    """Plain text (and Markdown's bare URL) writes a deed's address out where HTML links it: "under a CC BY-ND
    4.0 (https://creativecommons.org/licenses/by-sa/4.0/) licence" gives the BY-SA deed as the article's, told
    at that address as the same link in HTML is, not as a licence with no link nor address written out."""
    original = "https://northridge-observer.example/features/2025/01/glacier"
    deed = "https://creativecommons.org/licenses/by-sa/4.0/"
    meta = {**_CC_META, "license": "CC-BY-ND-4.0", "original_url": original}
    body = (
        "By Zoë Lindqvist\n\nThe station reads −14 °C at dawn.\n\n"
        f"This article was first published by Northridge Observer ({original}). "
        f"It is republished under a CC BY-ND 4.0 ({deed}) licence.\n"
    )
    page = (
        "<p>By Zoë Lindqvist</p>\n<p>The station reads −14 °C at dawn.</p>\n"
        f'<p>This article was first published by Northridge Observer (<a href="{original}">{original}</a>). '
        f'It is republished under a CC BY-ND 4.0 (<a href="{deed}">{deed}</a>) licence.</p>\n'
    )
    from_html = _placed(page, meta, "html")
    assert [(rule, at) for rule, _, at in from_html] == [("cc-by-nd-4.0/license", deed)]
    assert "it gives CC BY-SA 4.0" in from_html[0][1]
    assert _placed(body, meta, fmt) == from_html


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_home_page_address_written_out_in_a_credit_is_told_at_it(fmt: str) -> None:
    """A credit that writes out the publisher's home page ("... is Global Research (https://www.globalresearch.ca/).")
    links the site, not the article: told at that address, as the same credit linking it in HTML is, not as a
    credit with no link at all (whose fix would add a second address beside the wrong one)."""
    original = "https://www.globalresearch.ca/the-river-that-ran-dry/5801234"
    meta = {"title": "T", "author": "Ana Ruiz", "original_url": original, "commercial": False, "medium": "web"}
    home = "https://www.globalresearch.ca/"
    notice = "Copyright © Ana Ruiz, Global Research, 2025"
    credit = "The original source of this article is Global Research"
    body = f"By Ana Ruiz\n\nThe river ran dry.\n\n{credit} ({home}).\n\n{notice}\n"
    page = (
        "<p>By Ana Ruiz</p>\n<p>The river ran dry.</p>\n"
        f'<p>{credit} (<a href="{home}">{home}</a>).</p>\n<p>{notice}</p>\n'
    )
    from_html = _placed(page, meta, "html")
    assert [(rule, at) for rule, _, at in from_html] == [("global-research/link-original", home)]
    assert "on the same site" in from_html[0][1]
    assert _placed(body, meta, fmt) == from_html


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("markdown", "KFF&nbsp;Health News"), ("html", "KFF&#160;Health News"), ("text", "KFF\u00a0Health News")],
)
def test_unlinked_credit_with_a_non_breaking_space_in_the_name(fmt: str, name: str) -> None:
    """A CMS writes a non-breaking space inside a publisher's name ("KFF&nbsp;Health News"): the credit naming
    it with no link to the article is still that credit, told at it as a credit written with a plain space is,
    not as no credit at all at the body's last line."""
    meta = {
        "title": "T",
        "author": "Dana Whitfield",
        "original_url": "https://kffhealthnews.org/news/article/rural-pharmacy/",
        "license": "CC-BY-NC-ND-4.0",
        "commercial": False,
        "medium": "web",
    }
    deed = "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    credit = f"This article was first published by {name}."
    under = "It is republished under a"
    bodies = {
        "markdown": f"By Dana Whitfield\n\nWords.\n\n{credit} {under} [CC BY-NC-ND 4.0]({deed}) licence.\n",
        "html": f'<p>By Dana Whitfield</p>\n<p>Words.</p>\n<p>{credit} {under} <a href="{deed}">CC BY-NC-ND</a>.</p>\n',
        "text": f"By Dana Whitfield\n\nWords.\n\n{credit} {under} CC BY-NC-ND 4.0 ({deed}) licence.\n",
    }
    body = bodies[fmt]
    found = _placed(body, meta, fmt)
    assert [rule for rule, _, _ in found] == ["kff-health-news/link-original"]
    _rule, message, at = found[0]
    assert message.endswith("(the credit names KFF Health News with no link to the article)")
    assert at.endswith(name)  # at the credit's words, up to the name
