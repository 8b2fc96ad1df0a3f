"""Creative Commons licences: SPDX ids, deed URLs and names, and mapping one to the other.

Covers the 1.0–4.0 licences and the ported ones (``CC-BY-NC-ND-3.0-US``,
``creativecommons.org/licenses/by-nc-nd/3.0/us/``, "CC BY-NC-ND 3.0 US").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .urls import normalize_url

_ELEMENTS_4 = {"by": "Attribution", "sa": "ShareAlike", "nc": "NonCommercial", "nd": "NoDerivatives"}
_ELEMENTS_OLD = {**_ELEMENTS_4, "nd": "NoDerivs"}  # 3.0 and earlier spell it NoDerivs
_PORTS = {"us": "United States", "au": "Australia", "ca": "Canada", "uk": "UK: England & Wales", "de": "Germany"}
_CODES = ("by", "by-sa", "by-nc", "by-nd", "by-nc-sa", "by-nc-nd")
_CODE = r"(?P<code>by(?:[ -]nc)?(?:[ -]nd|[ -]sa)?)"
_VERSION = r"(?P<version>[1-4]\.0)"
_SPDX = re.compile(rf"^cc-{_CODE}-{_VERSION}(?:-(?P<port>[a-z]{{2,3}}))?$", re.IGNORECASE)
_SHORT = re.compile(rf"^cc[ -]{_CODE}[ -]{_VERSION}(?:[ -](?P<port>[a-z]{{2,3}}))?$", re.IGNORECASE)
_DEED = re.compile(rf"^creativecommons\.org/licenses/{_CODE}/{_VERSION}(?:/(?P<port>[a-z]{{2,3}}))?(?:/|$)")


def _spdx(code: str, version: str, port: str | None) -> str:
    base = f"CC-{code.lower().replace(' ', '-').upper()}-{version}"
    return f"{base}-{port.upper()}" if port else base


@lru_cache(maxsize=1024)
def normalize_license(value: str | None) -> str | None:
    """An SPDX id (``CC-BY-ND-4.0``) from an SPDX id, a deed URL or a short name; None if not CC."""
    if not value:
        return None
    text = value.strip()
    for pattern in (_SPDX, _SHORT):
        match = pattern.match(text)
        if match:
            return _spdx(match.group("code"), match.group("version"), match.group("port"))
    key = normalize_url(text) if "/" in text else None
    match = _DEED.match(key or "")
    if match and match.group("code") in _CODES:
        port = match.group("port")
        port = port if port and port not in ("legalcode", "deed") else None
        return _spdx(match.group("code"), match.group("version"), port)
    return None


@lru_cache(maxsize=256)
def deed_path(spdx: str) -> str | None:
    """``by-nd/4.0`` or ``by-nc-nd/3.0/us``: the part of the deed URL that identifies the licence."""
    match = _SPDX.match(spdx)
    if not match:
        return None
    port = match.group("port")
    return f"{match.group('code').lower()}/{match.group('version')}" + (f"/{port.lower()}" if port else "")


@lru_cache(maxsize=256)
def describe(spdx: str, *, all_names: bool = False):  # type: ignore[no-untyped-def]
    """(short name, deed URL), or with ``all_names`` every accepted way of naming it."""
    match = _SPDX.match(spdx)
    if not match:
        return (spdx,) if all_names else (spdx, "")
    code = match.group("code").lower()
    version = match.group("version")
    port = (match.group("port") or "").lower()
    elements = _ELEMENTS_4 if version == "4.0" else _ELEMENTS_OLD
    short = f"CC {code.upper()} {version}" + (f" {port.upper()}" if port else "")
    full = "Creative Commons " + "-".join(elements[part] for part in code.split("-")) + f" {version}"
    url = f"https://creativecommons.org/licenses/{code}/{version}/" + (f"{port}/" if port else "")
    if all_names:
        names = [short, short.replace("-", " "), "CC-" + short[3:], full, spdx]  # CC BY-ND, CC BY ND, CC-BY-ND
        # Before 4.0 the deed says "NoDerivs"; people write the 4.0 spelling too.
        fulls = [full, full.replace("NoDerivs", "NoDerivatives")] if "NoDerivs" in full else [full]
        if port:
            unported = f"CC {code.upper()} {version}"
            # Ported licences are usually named without their port ("CC BY-NC-ND 3.0"): the deed link tells which.
            names += [unported, unported.replace("-", " "), *fulls[1:]]
            names += [f"{f} {_PORTS.get(port, port.upper())}" for f in fulls] + [f"{f} {port.upper()}" for f in fulls]
        else:
            names += [*fulls[1:], *(f + " International" for f in fulls)]
        return tuple(dict.fromkeys(names))
    return short, url


def policy_for_license(value: str | None) -> str | None:
    """The bundled policy id for a CC 4.0 licence (``cc-by-nd-4.0``), for reprints no publisher policy covers."""
    spdx = normalize_license(value)
    return spdx.lower() if spdx and spdx.endswith("4.0") else None
