"""Creative Commons licences: SPDX ids, deed URLs and names, and mapping one to the other.

Covers the 1.0–4.0 licences and the ported ones (``CC-BY-NC-ND-3.0-US``,
``creativecommons.org/licenses/by-nc-nd/3.0/us/``, "CC BY-NC-ND 3.0 US").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .textnorm import LOOKALIKES
from .urls import as_address, normalize_url

_ELEMENTS_4 = {"by": "Attribution", "sa": "ShareAlike", "nc": "NonCommercial", "nd": "NoDerivatives"}
_ELEMENTS_OLD = {**_ELEMENTS_4, "nd": "NoDerivs"}  # 3.0 and earlier spell it NoDerivs
_PORTS = {"us": "United States", "au": "Australia", "ca": "Canada", "uk": "UK: England & Wales", "de": "Germany"}
_CODES = ("by", "by-sa", "by-nc", "by-nd", "by-nc-sa", "by-nc-nd")
_CODE = r"(?P<code>by(?:[ -]nc)?(?:[ -]nd|[ -]sa)?)"
_VERSION = r"(?P<version>[1-4]\.0)"
_SPDX = re.compile(rf"^cc-{_CODE}-{_VERSION}(?:-(?P<port>[a-z]{{2,3}}))?$", re.IGNORECASE)
_SHORT = re.compile(rf"^cc[ -]{_CODE}[ -]{_VERSION}(?:[ -](?P<port>[a-z]{{2,3}}))?$", re.IGNORECASE)
#: The licence elements as their names spell them, lower case, hyphens and spaces taken out.
_ELEMENT_WORDS = {
    "attribution": "by",
    "sharealike": "sa",
    "noncommercial": "nc",
    "noderivatives": "nd",
    "noderivs": "nd",
}
_PORT_NAMES = {name.lower(): code for code, name in _PORTS.items()} | {"england & wales": "uk"}
#: The version in a licence's title, standing apart ("4.0").
_TITLE_VERSION = re.compile(r"(?:^|[ -])([1-4]\.0)(?=$|[ -])")
_TITLE_SUFFIXES = (" public license", " public licence", " license", " licence")
#: A deed's address: the licence, a port (a jurisdiction's code, ``us``, ``igo``; not the ``rdf`` file), then
#: anything (a translation, ``deed.de``; the chooser's ``?ref=chooser-v1``).
_DEED = re.compile(
    rf"^creativecommons\.org/licenses/{_CODE}/{_VERSION}(?:/(?!rdf(?:[/?#.]|$))(?P<port>[a-z]{{2,3}}))?(?:[/?#]|$)"
)


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
    if "/" not in text:
        return _from_title(text)
    key = normalize_url(as_address(text))  # "creativecommons.org/licenses/by/4.0/" as an address bar reads it
    match = _DEED.match((key or "").lower())  # "HTTPS://CREATIVECOMMONS.ORG/LICENSES/BY-ND/4.0/": a form's capitals
    if match and match.group("code") in _CODES:
        port = match.group("port")
        port = port if port and port not in ("legalcode", "deed") else None
        return _spdx(match.group("code"), match.group("version"), port)
    return None


def licence_id(value: str) -> str:
    """A licence as compared: a Creative Commons one as its SPDX id however written (deed URL, title, short
    name), any other as written (``GPL-3.0-only``)."""
    return normalize_license(value) or value.strip()


def _from_title(text: str) -> str | None:
    """An SPDX id from a licence's title ("Creative Commons Attribution-NoDerivatives 4.0 International",
    "Creative Commons BY-ND 4.0", "Attribution-NonCommercial-NoDerivs 3.0 United States"), or None when it
    names no Creative Commons licence. Read word by word: no pattern to backtrack over a long value."""
    if len(text) > 200:
        return None
    title = " ".join(text.lower().translate(LOOKALIKES).replace("_", "-").split()).rstrip(". ")
    bracketed = None
    if title.endswith(")") and "(" in title:  # "... International (CC BY-ND 4.0)": the short name repeated
        bracketed = title[title.rindex("(") + 1 : -1].strip()
        title = title[: title.rindex("(")].rstrip(" -")
        said = _SHORT.match(bracketed) or _SPDX.match(bracketed)
        if said is None:
            return None
        bracketed = _spdx(said.group("code"), said.group("version"), said.group("port"))
    found = _TITLE_VERSION.search(title)
    if found is None:
        return None
    before, after = title[: found.start(1)].strip(" -"), title[found.end(1) :].strip(" -")
    named = False
    for prefix in ("creative commons", "cc"):  # "Creative Commons CC BY-ND 4.0" has both
        if before.startswith(prefix + " ") or before.startswith(prefix + "-"):
            before = before[len(prefix) :].strip(" -")
            named = True
    if not named and not before.startswith("attribution"):
        return None
    for suffix in _TITLE_SUFFIXES:
        if after.endswith(suffix) or after == suffix.strip():
            after = after[: -len(suffix)].strip(" -") if after != suffix.strip() else ""
            break
    if re.fullmatch(_CODE, before):
        code = before.replace(" ", "-")
    else:
        joined = before.replace("non-", "non").replace("no-", "no").replace("share-", "share")
        words = [_ELEMENT_WORDS.get(word) for word in re.split("[ -]+", joined)]
        if not words or None in words or words[0] != "by":
            return None
        code = "-".join(words)  # type: ignore[arg-type]
    if code not in _CODES:
        return None
    if after in ("", "international", "unported", "generic"):
        port = None
    elif found.group(1) == "4.0":
        return None  # the 4.0 licences have no national versions
    else:
        port = _PORT_NAMES.get(after) or (after if re.fullmatch("[a-z]{2,3}", after) else None)
        if port is None:
            return None
    spdx = _spdx(code, found.group(1), port)
    return spdx if bracketed is None or bracketed == spdx else None  # a title and a short name that disagree


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
        names.append("Creative Commons " + short[3:])  # "Creative Commons BY-ND 4.0", as newsrooms write it
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


def title_of(spdx: str) -> str | None:
    """A Creative Commons licence's title as its deed gives it ("Creative Commons Attribution-NoDerivatives 4.0
    International", "... 3.0 United States"): the name said aloud, where a short name's letters are no words."""
    match = _SPDX.match(spdx)
    if not match:
        return None
    version, port = match.group("version"), (match.group("port") or "").lower()
    elements = _ELEMENTS_4 if version == "4.0" else _ELEMENTS_OLD
    full = "Creative Commons " + "-".join(elements[part] for part in match.group("code").lower().split("-"))
    if port:
        return f"{full} {version} {_PORTS.get(port, port.upper())}"
    return f"{full} {version}" + (" International" if version == "4.0" else " Unported")


def policy_for_license(value: str | None) -> str | None:
    """The bundled policy id for a CC 4.0 licence (``cc-by-nd-4.0``), for reprints no publisher policy covers."""
    spdx = normalize_license(value)
    return spdx.lower() if spdx and spdx.endswith("4.0") else None
