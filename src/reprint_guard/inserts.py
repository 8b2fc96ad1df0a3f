"""An element rule's ``insert`` filled from the reprint: what a finding's fix shows and ``--fix`` inserts.

Apart from :mod:`reprint_guard.fix`, which writes fixes into files: a check that tells the element to add
(``checks.element``) needs only this, and importing ``fix`` (its four dozen patterns, ``dataclasses``,
``tempfile``) cost a check run ~25 ms of CPU, once, at the first page missing a tracking pixel.
"""

from __future__ import annotations

import re
from html import escape

from .checks.base import PLACEHOLDER, render, template_values
from .policy.model import Policy
from .reprint import Reprint

#: Control characters (C0 but tab, DEL, C1): in a value they would write a NUL into the article, or reach a
#: terminal as escape sequences; no credit holds one.
CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def escaped(values: dict[str, str], *, quote: bool) -> dict[str, str]:
    """Metadata values as text inside HTML (``quote``: attribute values too) or Markdown, where a raw ``<``
    would start a tag: "Ana <Ruiz>" or a URL with a quote stays text, and nothing is injected; control
    characters are dropped (a line break in a value would part the credit's line)."""
    return {key: escape(CONTROLS.sub("", value), quote=quote) for key, value in values.items()}


def filled_insert(insert: str, reprint: Reprint, policy: Policy) -> tuple[str | None, list[str]]:
    """An element rule's ``insert`` template filled from the reprint, escaped as HTML (an element is HTML, in
    Markdown too); or None and the metadata it names that is not set."""
    values = template_values(reprint, policy, placeholders=False)
    missing = sorted({m for m in PLACEHOLDER.findall(insert) if m not in values})
    return (None, missing) if missing else (render(insert, escaped(values, quote=True)), [])
