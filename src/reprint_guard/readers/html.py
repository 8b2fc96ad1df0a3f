"""HTML pages and fragments; metadata from what the page itself declares.

A republished page usually says where it came from: ``<link rel="canonical">``
pointing at the original, ``<meta name="author">``, or JSON-LD ``isBasedOn``; and
often when it was published (``article:published_time``, JSON-LD ``datePublished``),
which timing rules read. Those fill in metadata that a sidecar or ``--meta`` did
not give. A licence the page declares is not read: a theme's ``<link rel="license">``
is the site's own licence, not the original's.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Mapping
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..errors import InputError
from ..htmldepth import too_costly
from ..metaview import byline_names
from ..reprint import Reprint
from . import text_position, without_surrogates


def read_html(
    text: str, *, path: str, meta: Mapping[str, Any] | None, bare_urls: bool, front: Any = None, **extra: Any
) -> Reprint:
    """A page or a fragment; ``front``: the front matter a static site's page starts with (its keys win over
    what the page declares), ``text`` being what follows it."""
    from . import build

    costly = too_costly(text)
    if costly is not None:  # before the parser sees it
        index, problem = costly
        line, column = text_position(text, index, front.body_line if front is not None else 1)
        raise InputError(problem, path=path, line=line, column=column)
    declared = declared_metadata(text) if _HEAD.search(text) is not None or "ld+json" in text else {}
    first_line = front.body_line if front is not None else 1
    places = declared_places(text, declared, first_line=first_line)
    paywall = _SUBSTACK_PAYWALL.search(text) if "paywall-jump" in text and "paywalled" not in declared else None
    if paywall is not None:  # a paid post's preview ends there: the post is paywalled, as the page shows it
        declared["paywalled"] = True
        places["paywalled"] = text_position(text, paywall.start(), first_line)
    if front is not None:
        declared = {**declared, **front.data}
        # Where each key stands in its line too: an indented key (TOML's under [params]) is told at its column.
        extra = {**extra, "key_lines": front.key_lines, "key_columns": front.key_columns, "body_line": front.body_line}
    from .stored import rendered

    html = rendered(text)  # a CMS's stored content (WordPress, Drupal) as it renders it; a page as it is
    # The page was measured above: the Reprint takes it as its HTML without measuring it again (what the
    # shortcodes add is a few elements each).
    reprint = build(text, declared, format="html", path=path, meta=meta, bare_urls=bare_urls, html=html, **extra)
    # What the page itself declares, where it declares it (front matter and --meta are told where they are).
    reprint.declared_places = {
        k: v for k, v in places.items() if not (meta and k in meta) and k not in reprint.key_lines
    }
    return reprint


#: A ``<head`` in any case: the page's metadata is read only where it has a head (or JSON-LD). Searched for, not
#: looked for in the page lowered whole (a copy of a long page, and ``str.lower`` reads a text beyond ASCII a
#: character at a time); no character but ASCII's lowers to one of these letters, so the two say the same.
_HEAD = re.compile("<head", re.IGNORECASE | re.ASCII)
#: Substack's paywall in a post's HTML: a paid post's free preview ends at this element, and what follows it
#: is for paying subscribers only.
_SUBSTACK_PAYWALL = re.compile(r"""<div\b[^<>]*?\sclass\s*=\s*["']?[^"'<>]*?\bpaywall-jump\b""", re.IGNORECASE)
#: A ``<link>`` or ``<meta>`` tag, and one of its attributes' values (quoted or not).
_TAG = re.compile(r"<(link|meta)\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = r"""\b{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""


def declared_places(text: str, declared: Mapping[str, Any], *, first_line: int = 1) -> dict[str, tuple[int, int]]:
    """(line, column) of the value of each key the page declares: the canonical link's address, the author
    or publication-time meta tag's content, or a JSON-LD key ("isBasedOn", "author", the article's own
    "datePublished"), where the value read comes from."""
    places: dict[str, tuple[int, int]] = {}
    wanted = {
        "original_url": ("link", "rel", "canonical", "href"),
        "author": ("meta", "name", "author", "content"),
        "published": ("meta", "(?:property|name)", "article:published_time", "content"),  # Open Graph, or not
    }
    for key, (tag, which, kind, value_of) in wanted.items():
        if key not in declared:
            continue
        for found in _TAG.finditer(text):
            whole = found.group(0)
            said = re.search(_ATTRIBUTE.format(name=which), whole, re.IGNORECASE)
            said_value = next((g for g in said.groups() if g is not None), "") if said else ""
            if found.group(1).lower() != tag or kind not in said_value.lower().split():
                continue
            value = re.search(_ATTRIBUTE.format(name=value_of), whole, re.IGNORECASE)
            if value is not None:
                group = next(i for i in (1, 2, 3) if value.group(i) is not None)
                # JSON-LD wins over a tag for these keys: this tag's value only if it is the one read.
                said = html.unescape(value.group(group)).strip()
                if key == "author" or (_date(said) if key == "published" else said) == declared[key]:
                    places[key] = text_position(text, found.start() + value.start(group), first_line)
            break
    if "published" in declared and "published" not in places:  # the article's date, not another item's
        for found in _LD_DATE.finditer(text):
            if _date(_json_string(found.group(1))) == declared["published"]:
                places["published"] = text_position(text, found.start(), first_line)
                break
    for key, name in _LD_KEYS:
        if key in declared and key not in places and name in text:
            places[key] = text_position(text, text.index(name), first_line)
    return places


#: A JSON-LD "datePublished" key and its string value (as JSON writes it, escapes and all).
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"((?:[^"\\]|\\.)*)"')


def _json_string(written: str) -> str | None:
    """A JSON string's value from its text between the quotes, or None when it is no JSON string."""
    try:
        value = json.loads(f'"{written}"')
    except ValueError:
        return None
    return value if isinstance(value, str) else None


#: The JSON-LD key each metadata key is read from, where a finding about it is told.
_LD_KEYS = (
    ("original_url", '"isBasedOn"'),
    ("author", '"author"'),
    ("published", '"datePublished"'),
    ("original_published", '"isBasedOn"'),
    ("paywalled", '"isAccessibleForFree"'),
)


def declared_metadata(text: str) -> dict[str, Any]:
    tree = LexborHTMLParser(text)
    found: dict[str, Any] = {}
    canonical = tree.css_first('link[rel="canonical"][href]')
    if canonical is not None:
        found["original_url"] = canonical.attributes.get("href")
    for kind in ("property", "name"):  # Open Graph's first; a value that is no date is passed over
        tag = tree.css_first(f'meta[{kind}="article:published_time"][content]')
        when = _date(tag.attributes.get("content")) if tag is not None else None
        if when is not None:
            found["published"] = when
            break
    author = tree.css_first('meta[name="author"][content]')
    if author is not None and author.attributes.get("content"):
        names = byline_names(author.attributes.get("content") or "")
        found["author"] = names[0] if len(names) == 1 else names
    items: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = without_surrogates(json.loads(script.text(deep=True)))
        except (ValueError, RecursionError):
            continue  # the page's own broken JSON-LD is not ours to reject
        items += _ld_items(data)
    # A node may name another by its @id alone (Yoast's @graph: the article's author is {"@id": ".../person/1"},
    # the Person with its name stands apart in the graph), on the page's other scripts too.
    nodes = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    # The article is the item based on the original, else the first that says it is an article.
    article = next((item for item in items if item.get("isBasedOn")), None) or next(
        (item for item in items if _is_article(item)), None
    )
    for item in items:
        based_on = _ld_url(item.get("isBasedOn"))
        if based_on:
            found["original_url"] = based_on
            original = item.get("isBasedOn")
            original = original[0] if isinstance(original, list) and original else original
            when = _date(original.get("datePublished")) if isinstance(original, dict) else None
            if when is not None:
                found["original_published"] = when
        authors = _ld_names(item.get("author"), nodes)
        if authors and "author" not in found:
            found["author"] = authors[0] if len(authors) == 1 else authors
    if article is not None:
        when = _date(article.get("datePublished"))
        if when is not None:
            found["published"] = when
    # schema.org's paywall marker, which search engines ask of a page behind one: not free is paywalled.
    free = _paywall_flag(article, items, nodes)
    if free is not None:
        found["paywalled"] = not free
    return found


#: schema.org's page types: a site's SEO plugin may mark the page, not the article, as not free.
_PAGE_TYPES = frozenset(["WebPage", "ItemPage", "CollectionPage", "ProfilePage", "AboutPage", "FAQPage"])


def _paywall_flag(
    article: Mapping[str, Any] | None, items: list[dict[str, Any]], nodes: Mapping[str, dict[str, Any]]
) -> bool | None:
    """``isAccessibleForFree`` as the page declares it: the article's own, else the work it is part of (an
    ``isPartOf`` object or ``@id``, as Google's paywall markup writes it), else a page node's in the graph."""
    if article is not None:
        free = _flag(article.get("isAccessibleForFree"))
        if free is not None:
            return free
        parents = article.get("isPartOf")
        for parent in parents if isinstance(parents, list) else [parents]:
            if isinstance(parent, dict) and "isAccessibleForFree" not in parent:
                parent = nodes.get(parent.get("@id"), parent) if isinstance(parent.get("@id"), str) else parent
            free = _flag(parent.get("isAccessibleForFree")) if isinstance(parent, dict) else None
            if free is not None:
                return free
    for item in items:
        if _has_type(item, _PAGE_TYPES) and (free := _flag(item.get("isAccessibleForFree"))) is not None:
            return free
    return None


def _flag(value: Any) -> bool | None:
    """A JSON-LD boolean as pages write it (``false``, ``"False"``), or None."""
    if isinstance(value, bool):
        return value
    said = (
        value.strip().lower().removeprefix("https://schema.org/").removeprefix("http://schema.org/")
        if isinstance(value, str)
        else None
    )
    if said in ("true", "false"):  # schema.org's own Boolean values are addresses: https://schema.org/False
        return said == "true"
    return None


#: schema.org's article types (Article and the ones built on it that news sites use).
_ARTICLE_TYPES = frozenset(
    [
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "ScholarlyArticle",
        "Report",
        "SocialMediaPosting",
    ]
)


def _is_article(item: Mapping[str, Any]) -> bool:
    return _has_type(item, _ARTICLE_TYPES)


def _has_type(item: Mapping[str, Any], types: frozenset[str]) -> bool:
    """Whether a JSON-LD node's ``@type`` (one or a list; ``schema:NewsArticle`` or a full address) is one of
    ``types``."""
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.rsplit("/", 1)[-1].rsplit(":", 1)[-1] in types for k in kinds)


def _date(value: Any) -> dt.date | dt.datetime | None:
    """An ISO 8601 date or date-time as pages write them ("2026-03-02", "2026-03-02T08:00:00+00:00", a "Z"),
    or None: a page's own unreadable date is passed over, as its broken JSON-LD is."""
    if not isinstance(value, str):
        return None
    text = value.strip().upper()  # "t" and "z" as front matter reads them ("2026-03-02t08:00:00z")
    try:  # a day alone stays a day, in either form ("20260302" too): hours run from its end, not its midnight
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _ld_items(data: Any) -> list[dict[str, Any]]:
    items = data if isinstance(data, list) else [data]
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                out.extend(g for g in graph if isinstance(g, dict))
    return out


def _ld_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id")
    return value if isinstance(value, str) and value.strip() else None


def _ld_names(value: Any, nodes: Mapping[str, dict[str, Any]]) -> list[str]:
    """The names of a JSON-LD ``author``: names, objects with a ``name``, or references to a node by ``@id``."""
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = nodes.get(item["@id"], item)
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and item.strip():
            names.append(item.strip())
    return names
