"""Creative Commons licences: SPDX ids, deed URLs and names, and mapping one to the other.

Covers the 1.0, 2.0, 2.5, 3.0 and 4.0 licences and the ported ones (``CC-BY-NC-ND-3.0-US``,
``creativecommons.org/licenses/by-nc-nd/3.0/us/``, "CC BY-NC-ND 3.0 US"). A licence's elements (BY, NC,
ND, SA) are read in any order ("CC BY-ND-NC 4.0"), its version as people write it ("v4.0", "(4.0)", "4",
"4.0 International"), and a deed URL anywhere in a value ("CC BY-NC-ND 4.0 (https://creativecommons.org/...)").
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
_VERSION = r"(?P<version>[1-4]\.0|2\.5)"
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
_TITLE_VERSION = re.compile(r"(?:^|[ -])([1-4]\.0|2\.5)(?=$|[ -])")
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
    """An SPDX id (``CC-BY-ND-4.0``) from an SPDX id, a deed URL or a name (its elements in any order, its
    version as "v4.0", "(4.0)" or "4", a deed URL beside it); None if not CC."""
    if not value:
        return None
    text = value.strip()
    for pattern in (_SPDX, _SHORT):
        match = pattern.match(text)
        if match:
            return _spdx(match.group("code"), match.group("version"), match.group("port"))
    if "/" not in text:
        return _from_title(text) or _loose(text)
    spdx = _from_deed(text)
    if spdx is not None:
        return spdx
    if "creativecommons" in text.lower():  # a link's address is read as one: a deed's, or no licence
        return _deed_within(text)
    return _loose(text)  # "CC BY-NC-ND/4.0"


def _from_deed(text: str) -> str | None:
    """An SPDX id from a deed's address, or None when ``text`` is none."""
    key = normalize_url(as_address(text))  # "creativecommons.org/licenses/by/4.0/" as an address bar reads it
    match = _DEED.match((key or "").lower())  # "HTTPS://CREATIVECOMMONS.ORG/LICENSES/BY-ND/4.0/": a form's capitals
    if match and match.group("code") in _CODES:
        port = match.group("port")
        port = port if port and port not in ("legalcode", "deed") else None
        return _spdx(match.group("code"), match.group("version"), port)
    return None


#: A deed's address among other words ("CC BY-NC-ND 4.0 (https://creativecommons.org/licenses/by-nc-nd/4.0/)"):
#: at the start or after a space or an opening bracket, so that another site's address holding one is none.
_DEED_WITHIN = re.compile(r"(?:^|(?<=[\s(<\[]))(?:https?://)?(?:www\.)?creativecommons\.org/licenses/[^\s()<>\[\]\"']*")


def _deed_within(text: str) -> str | None:
    """The licence a value names by a deed's address among its words, or None: the addresses, and the words
    around them when they name a licence, must agree (a name and a deed of two licences name neither)."""
    if len(text) > 1000 or not any(c.isspace() or c in "(<[" for c in text):
        return None  # a single address (a link's): read as an address only
    found: set[str | None] = set()
    rest = []
    at = 0
    for match in _DEED_WITHIN.finditer(text):
        found.add(_from_deed(match.group().rstrip(".,;:")))
        rest.append(text[at : match.start()])
        at = match.end()
    rest.append(text[at:])
    if len(found) != 1 or None in found:
        return None
    spdx = found.pop()
    words = " ".join(" ".join(rest).replace("()", " ").replace("<>", " ").replace("[]", " ").split()).strip(" -,;:")
    said = normalize_license(words) if words and "creativecommons" not in words.lower() else None
    return spdx if said is None or said == spdx else None


#: A licence element as its code or its name spells it ("nc", "noncommercial").
_ELEMENT = {"by": "by", "nc": "nc", "nd": "nd", "sa": "sa", **_ELEMENT_WORDS}
#: A version as people write it ("4", "4.0"), after any "v" or "version".
_VERSIONS = {
    "1": "1.0",
    "1.0": "1.0",
    "2": "2.0",
    "2.0": "2.0",
    "2.5": "2.5",
    "3": "3.0",
    "3.0": "3.0",
    "4": "4.0",
    "4.0": "4.0",
}
#: Words that may follow a licence's version and say nothing of it.
_AFTER_WORDS = frozenset({"international", "unported", "generic", "license", "licence", "public", "deed"})


def code_of(elements: list[str]) -> str | None:
    """A licence's code in its canonical order (``by-nc-nd``) from its elements in any order (``by nd nc``),
    or None when they make no Creative Commons licence (no BY, one twice, both ND and SA)."""
    if "by" not in elements or len(set(elements)) != len(elements) or {"nd", "sa"} <= set(elements):
        return None
    return "-".join(e for e in ("by", "nc", "nd", "sa") if e in elements)


def _loose(text: str) -> str | None:
    """An SPDX id from a short name written otherwise than the usual way: its elements in another order ("CC
    BY-ND-NC 4.0", "CC-BY-ND-NC-4.0"), without "CC" ("by-nc-nd 4.0"), its version as "v4.0", "(4.0)", "/4.0",
    "4" or "4.0 International"; None when it is not that. Read word by word: nothing to backtrack over."""
    if len(text) > 200 or "creativecommons" in text.lower():
        return None
    words = [w for w in re.split(r"[\s\-/(),:;_]+", text.lower().translate(LOOKALIKES).rstrip(".")) if w]
    if words[:2] == ["creative", "commons"]:
        words = words[2:]
    elif words[:1] == ["cc"]:
        words = words[1:]
    elements = []
    while words and words[0] in ("by", "nc", "nd", "sa"):
        elements.append(words.pop(0))
    code = code_of(elements)
    if code is None or not words:
        return None
    word = words.pop(0)
    if word in ("v", "version", "v.") and words:
        word = words.pop(0)
    elif word.startswith("v"):
        word = word[1:].lstrip(".")
    version = _VERSIONS.get(word)
    if version is None:
        return None
    after = " ".join(w for w in words if w not in _AFTER_WORDS)
    port = _PORT_NAMES.get(after) or (after if re.fullmatch("[a-z]{2,3}", after) else None) if after else None
    if after and port is None:
        return None
    return _spdx(code, version, port)


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
        words = [_ELEMENT.get(word) for word in re.split("[ -]+", joined)]
        if not words or None in words or words[0] != "by":
            return None
        code = code_of(words) or ""  # type: ignore[arg-type]  # its elements in any order after Attribution
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
    # The deeds: 4.0 "International", 3.0 "Unported", 2.5 and before "Generic".
    return f"{full} {version} " + {"4.0": "International", "3.0": "Unported"}.get(version, "Generic")


def policy_for_license(value: str | None) -> str | None:
    """The bundled policy id for a CC 4.0 licence (``cc-by-nd-4.0``), for reprints no publisher policy covers."""
    spdx = normalize_license(value)
    return spdx.lower() if spdx and spdx.endswith("4.0") else None


def elements_in(value: str) -> frozenset[str]:
    """The licence elements a value names, however written or misspelt around them ("CC-BY-ND-NC-40" has BY,
    NC and ND): what a suggestion for it must keep."""
    words = re.split(r"[^a-z]+", value[:200].lower().translate(LOOKALIKES).replace("non-", "non").replace("no-", "no"))
    return frozenset(_ELEMENT[w] for w in words if w in _ELEMENT)
