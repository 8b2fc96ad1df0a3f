"""HTML pages and fragments; metadata from what the page itself declares.

A republished page usually says where it came from: ``<link rel="canonical">``
pointing at the original, ``<meta name="author">``, or JSON-LD ``isBasedOn``.
Those fill in metadata that a sidecar or ``--meta`` did not give.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..errors import InputError
from ..htmldepth import too_costly
from ..metaview import byline_names
from ..reprint import Reprint
from . import without_surrogates


def read_html(
    text: str, *, path: str, meta: Mapping[str, Any] | None, bare_urls: bool, front: Any = None, **extra: Any
) -> Reprint:
    """A page or a fragment; ``front``: the front matter a static site's page starts with (its keys win over
    what the page declares), ``text`` being what follows it."""
    from . import build

    costly = too_costly(text)
    if costly is not None:  # before the parser sees it
        index, problem = costly
        line = text.count("\n", 0, index) + (front.body_line if front is not None else 1)
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        raise InputError(problem, path=path, line=line, column=column)
    declared = declared_metadata(text) if "<head" in text.lower() or "ld+json" in text else {}
    if front is not None:
        declared = {**declared, **front.data}
        extra = {**extra, "key_lines": front.key_lines, "body_line": front.body_line}
    # The page was measured above: the Reprint takes it as its HTML without measuring it again.
    return build(text, declared, format="html", path=path, meta=meta, bare_urls=bare_urls, html=text, **extra)


def declared_metadata(text: str) -> dict[str, Any]:
    tree = LexborHTMLParser(text)
    found: dict[str, Any] = {}
    canonical = tree.css_first('link[rel="canonical"][href]')
    if canonical is not None:
        found["original_url"] = canonical.attributes.get("href")
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
    for item in items:
        based_on = _ld_url(item.get("isBasedOn"))
        if based_on:
            found["original_url"] = based_on
        authors = _ld_names(item.get("author"), nodes)
        if authors and "author" not in found:
            found["author"] = authors[0] if len(authors) == 1 else authors
    return found


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
