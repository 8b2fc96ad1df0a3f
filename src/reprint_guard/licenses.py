"""Creative Commons licences: SPDX ids, deed URLs and names, and mapping one to the other."""

from __future__ import annotations

import re

from .urls import normalize_url

#: Licence element codes to their full names.
_ELEMENTS = {"by": "Attribution", "sa": "ShareAlike", "nc": "NonCommercial", "nd": "NoDerivatives"}
_CODES = ("by", "by-sa", "by-nc", "by-nd", "by-nc-sa", "by-nc-nd")
_SPDX = re.compile(r"^cc-(?P<code>by(?:-nc)?(?:-nd|-sa)?)-(?P<version>[1-4]\.0)(?:-[a-z]{2,3})?$", re.IGNORECASE)
_DEED = re.compile(r"^creativecommons\.org/licenses/(?P<code>[a-z-]+)/(?P<version>[0-9.]+)")
_SHORT = re.compile(r"^cc[ -](?P<code>by(?:[ -]nc)?(?:[ -]nd|[ -]sa)?)[ -](?P<version>[1-4]\.0)$", re.IGNORECASE)


def normalize_license(value: str | None) -> str | None:
    """An SPDX id (``CC-BY-ND-4.0``) from an SPDX id, a deed URL or a short name; None if not CC."""
    if not value:
        return None
    text = value.strip()
    for pattern in (_SPDX, _SHORT):
        match = pattern.match(text)
        if match:
            code = match.group("code").lower().replace(" ", "-")
            return f"CC-{code.upper()}-{match.group('version')}"
    key = normalize_url(text) if "/" in text else None
    match = _DEED.match(key or "")
    if match and match.group("code") in _CODES:
        return f"CC-{match.group('code').upper()}-{match.group('version')}"
    return None


def deed_path(spdx: str) -> str | None:
    match = _SPDX.match(spdx)
    return f"{match.group('code').lower()}/{match.group('version')}" if match else None


def describe(spdx: str, *, all_names: bool = False):  # type: ignore[no-untyped-def]
    """(short name, deed URL), or with ``all_names`` every accepted way of naming it."""
    match = _SPDX.match(spdx)
    if not match:
        return [spdx] if all_names else (spdx, "")
    code = match.group("code").lower()
    version = match.group("version")
    short = f"CC {code.upper()} {version}"
    full = "Creative Commons " + "-".join(_ELEMENTS[part] for part in code.split("-")) + f" {version}"
    url = f"https://creativecommons.org/licenses/{code}/{version}/"
    if all_names:
        return [short, short.replace("-", " "), full, full + " International", spdx]
    return short, url


def policy_for_license(value: str | None) -> str | None:
    """The bundled policy id for a CC 4.0 licence (``cc-by-nd-4.0``), for reprints no publisher policy covers."""
    spdx = normalize_license(value)
    return spdx.lower() if spdx and spdx.endswith("4.0") else None
