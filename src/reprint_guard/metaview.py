"""The validated metadata the checks read, built without pydantic whenever it can be.

The metadata keys are defined by the pydantic model :class:`reprint_guard.metadata.Metadata`.
Validating with it costs an import of pydantic (about 130 ms, most of the
command line's start-up budget) and a few microseconds per file. Front matter
read from YAML almost always has every value in its declared type already
(strings, booleans, dates, lists of strings), and for such input the model's
validation changes nothing; :func:`read_metadata` then builds the view
directly. Anything else (a date or a boolean written as a string, a number
where text is expected, an unknown medium) goes through the model, which
coerces it or reports the error. A test holds both routes to the same result.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from enum import StrEnum
from functools import lru_cache
from typing import Any

from .limits import MAX_NAME_CHARS, MAX_NAMES, MAX_NAMES_CHARS

#: An email address, after a "mailto:" a link's address has.
#: An address standing as a word of its own (so "a@b.org@c.com" holds none), after ``mailto:`` if written.
_EMAIL = re.compile(
    r"""(?<![^\s<(\[,;:"'])(?:mailto:)?([^\s<>@,;:()\[\]"']+@[^\s<>@,;:?()\[\]"']+?)\.?(?![^\s>)\],;:?!"'])""",
    re.IGNORECASE,
)
#: The address of ``Name <a@b>``: the one inside the angle brackets, whatever the name says.
_BRACKETED_EMAIL = re.compile(r"<\s*(?:mailto:)?([^\s<>@,;:]+@[^\s<>@,;:?]+)\s*>", re.IGNORECASE)


class Medium(StrEnum):
    web = "web"
    print = "print"
    newsletter = "newsletter"
    broadcast = "broadcast"
    social = "social"


_MEDIA = {m.value: m for m in Medium}

#: Declared keys by kind, in the model's order (the order ``items()`` follows).
TEXT_KEYS = ("title", "source", "original_url", "policy", "license", "reprint_license")
NAME_KEYS = ("author", "copyright_holder")
DATE_KEYS = ("original_published", "published")
FLAG_KEYS = ("modified", "translated", "paywalled", "sold", "ads_targeted")
#: Flags that may be left unsaid (None), which a rule's condition can tell from false, as it can ``commercial``'s.
OPTIONAL_FLAG_KEYS = ("excerpt", "news_outlet", "sponsored")
#: Declared keys whose value is no text (dates, true/false, the medium, permission records): an empty string
#: there (a CMS's form field left empty, WordPress's post meta) is read as unset, as null is.
BLANK_AS_UNSET = (*DATE_KEYS, *FLAG_KEYS, *OPTIONAL_FLAG_KEYS, "commercial", "medium", "permissions")
DECLARED = (
    "title",
    "author",
    "copyright_holder",
    "source",
    "original_url",
    "original_published",
    "medium",
    "commercial",
    "permissions",
    "policy",
    "license",
    "reprint_license",
    "published",
    *FLAG_KEYS,
    *OPTIONAL_FLAG_KEYS,
)
_DECLARED = frozenset(DECLARED)
#: Declared keys only a reprint's check reads (about the original, its licence, the grants for it): in the site's
#: own article (no original_url, no policy) a value of another shape is the site's, not refused.
REPRINT_ONLY_KEYS = frozenset({"source", "license", "reprint_license", "copyright_holder", "permissions"})
#: The front-matter keys a duplicate of which is an error (the file's other keys are the site's): the
#: metadata read here, and a policy fixture's expectations.
READ_KEYS = frozenset((*DECLARED, "expect"))
_PERMISSION_KEYS = frozenset({"from", "date", "scope", "reference", "expires"})
#: The keys a record names the article it is for by (``checks.permission.ARTICLE_KEYS``): text, or not given.
_ARTICLE_KEYS = ("original_url", "article")


class PermissionView:
    """A written permission the republisher holds, e.g. an email from the publisher."""

    __slots__ = ("date", "expires", "extra", "from_", "reference", "scope")

    def __init__(
        self,
        from_: str,
        date: dt.date | None = None,
        scope: list[str] | None = None,
        reference: str | None = None,
        expires: dt.date | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.from_ = from_
        self.date = date
        self.scope = scope if scope is not None else []
        self.reference = reference
        self.expires = expires
        self.extra = extra or {}

    @property
    def email(self) -> str:
        """The granting address, lower-cased (``Name <a@b>`` and bare ``a@b`` alike)."""
        return address_of(self.from_)

    def covers(self, scope: str) -> bool:
        return scope.lower() in {s.lower() for s in self.scope}

    def expired(self, today: dt.date) -> bool:
        return self.expires is not None and self.expires < today

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.from_,
            "date": self.date,
            "scope": list(self.scope),
            "reference": self.reference,
            "expires": self.expires,
            **self.extra,
        }


class MetadataView:
    """Metadata of a proposed reprint, validated. Unknown keys are kept in ``extra``."""

    __slots__ = (*DECLARED, "extra")

    title: str | None
    author: str | list[str] | None
    copyright_holder: str | list[str] | None
    source: str | None
    original_url: str | None
    original_published: dt.datetime | dt.date | None
    medium: Medium
    commercial: bool | None
    permissions: list[PermissionView]
    policy: str | None
    license: str | None
    reprint_license: str | None
    published: dt.datetime | dt.date | None
    modified: bool
    translated: bool
    paywalled: bool
    sold: bool
    ads_targeted: bool
    excerpt: bool | None
    news_outlet: bool | None
    sponsored: bool | None
    extra: dict[str, Any]

    @property
    def authors(self) -> list[str]:
        return names_of(self.author)

    @property
    def holders(self) -> list[str]:
        """Copyright holders: ``copyright_holder`` if given, else the author(s)."""
        return names_of(self.copyright_holder) or self.authors

    def value(self, field: str) -> Any:
        """A metadata value by key, declared or extra; ``None`` when absent."""
        value = getattr(self, field) if field in _DECLARED else self.extra.get(field)
        return value.value if isinstance(value, StrEnum) else value

    def is_reprint(self) -> bool:
        return bool(self.original_url or self.policy)

    def items(self) -> Iterator[tuple[str, Any]]:
        """Declared keys that are set, then the extra ones, as the model would dump them."""
        for key in DECLARED:
            value = getattr(self, key)
            if value is not None:
                yield key, value
        yield from self.extra.items()


#: Typographic quotation marks an editor's word processor or CMS puts around a value it meant as plain text.
_OPENING_QUOTES = "“”„‘’‚«»"
_CLOSING_QUOTES = "“”’‘»«"


def _unquoted(value: Any) -> Any:
    """A text value without the typographic quotation marks wrapped around it (``“Tomasz Wielgosz”``): YAML
    reads only straight quotes as quoting, so these would be part of a name or an address."""
    if type(value) is str and len(value) > 1 and value[0] in _OPENING_QUOTES and value[-1] in _CLOSING_QUOTES:
        return value[1:-1].strip()
    if type(value) is list and any(type(item) is str and item[:1] in _OPENING_QUOTES for item in value):
        return [_unquoted(item) for item in value]
    return value


def _unescaped(address: str) -> str:
    """An address copied with its HTML escapes (``?a=1&amp;b=2``, from a publisher's republish box) as the one
    they stand for: no real address has them, a link to it would lead elsewhere, and a fix would copy them."""
    import html

    for _ in range(3):  # "&amp;amp;": escaped twice over
        unescaped = html.unescape(address)
        if unescaped == address:
            break
        address = unescaped
    return address


#: The keys whose value is an address (or a licence's SPDX id or deed address): pasted from a CMS field or a
#: word processor, one may carry an invisible character no address holds.
_ADDRESS_KEYS = ("original_url", "license", "reprint_license")
#: The joiners some scripts write words with (Persian, the Indic scripts): kept inside an address, where a
#: page's decoded path may hold them, and removed only at its ends.
_JOINERS = "\u200c\u200d"
#: The tag characters an emoji's flag is spelt with (Scotland's is a black flag, then g b s c t, then a cancel
#: tag): part of the character a decoded path shows, kept.
_TAGS = ("\U000e0020", "\U000e007f")


def without_format_chars(address: str) -> str:
    """``address`` without the invisible format characters (Unicode's category Cf: the zero-width space, the
    soft hyphen, the byte-order mark, the direction marks) a paste from a CMS field or a word processor leaves
    in it, as white space around it is left out: no address holds one unencoded, and a link made from it
    would lead nowhere. The two joiners are kept between letters of the scripts that write them (a decoded
    Persian path has them), never beside an ASCII character, where no script joins with them."""
    if address.isascii():
        return address
    import unicodedata

    from .urls import joiners_read  # the same reading as a link's host is compared by (urls.normalize_url)

    kept = "".join(c for c in address if c in _JOINERS or _TAGS[0] <= c <= _TAGS[1] or unicodedata.category(c) != "Cf")
    return joiners_read(kept)


def name_without_format_chars(name: str) -> str:
    """A name (an author's, a grantor's) without the invisible format characters a paste leaves in it, as
    :func:`without_format_chars` leaves them out of an address; but one pasted for the space between two words
    ("Ines\u200bVarga", a small letter then a capital) is the space, as the text's names are read
    (:func:`~reprint_guard.textnorm.unseen_removed`)."""
    if name.isascii():
        return name
    from .textnorm import gaps_spaced

    return without_format_chars(gaps_spaced(name))


def keys_with_format_chars(data: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The keys of :data:`_ADDRESS_KEYS` whose value holds an invisible format character (read without it),
    with that value as written: the source still holds it, for a site template to publish."""
    return tuple(
        (key, value)
        for key in _ADDRESS_KEYS
        if type(value := data.get(key)) is str and not value.isascii() and without_format_chars(value) != value
    )


#: A permission record's keys whose text is compared (with a contact, the policy's scopes, the original's
#: address, a date): read without an invisible character pasted into it, as ``original_url`` is.
_RECORD_TEXT_KEYS = ("from", "scope", "date", "expires", "original_url", "article", "media")


def _cleaned(value: Any, clean: Any) -> Any:
    """``value`` (text or a list of texts) through ``clean`` where it holds something other than ASCII."""
    if type(value) is str:
        return value if value.isascii() else clean(value)
    if type(value) is list and any(type(item) is str and not item.isascii() for item in value):
        return [clean(item) if type(item) is str else item for item in value]
    return value


def _record_without_format_chars(record: Any) -> Any:
    """A permission record with its compared text (:data:`_RECORD_TEXT_KEYS`) read without invisible format
    characters; the sender's name's gap as a space (:func:`name_without_format_chars`)."""
    if type(record) is not dict:
        return record
    cleaned = {}
    for key in _RECORD_TEXT_KEYS:
        value = record.get(key)
        clean = _cleaned(value, name_without_format_chars if key == "from" else without_format_chars)
        if clean is not value and clean != value:
            cleaned[key] = clean
    return {**record, **cleaned} if cleaned else record


def _addresses_without_format_chars(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """``data`` with its addresses (:data:`_ADDRESS_KEYS`), its names (``author``, ``copyright_holder``) and its
    permission records' compared text read without the invisible format characters a paste leaves in them. Only
    what holds a character outside ASCII is looked at."""
    cleaned = {
        key: clean
        for key in _ADDRESS_KEYS
        if type(value := data.get(key)) is str and (clean := without_format_chars(value)) != value
    }
    for key in ("author", "copyright_holder"):
        value = data.get(key)
        if (clean := _cleaned(value, name_without_format_chars)) is not value and clean != value:
            cleaned[key] = clean
    records = data.get("permissions")
    if type(records) is list and records:
        clean_records = [_record_without_format_chars(record) for record in records]
        if any(clean is not record for clean, record in zip(clean_records, records, strict=True)):
            cleaned["permissions"] = clean_records
    return {**data, **cleaned} if cleaned else data


def _name_unescaped(name: Any) -> Any:
    """A name a CMS stored HTML-escaped ("Ana Ruiz &amp; Li Wei"), as the page shows it."""
    if type(name) is not str or "&" not in name or ";" not in name:
        return name
    import html

    return html.unescape(name)


def read_metadata(data: Mapping[str, Any]) -> MetadataView:
    """Validate ``data`` as the model does; raises pydantic's ``ValidationError`` when it is invalid. A
    declared key's text wrapped in typographic quotes is read without them."""
    data = _prepared(data)
    view = _exact(data)
    if view is not None:
        return view
    from .metadata import Metadata

    return from_model(Metadata.model_validate(data))


def valid_as_written(data: Mapping[str, Any]) -> bool:
    """Whether :func:`read_metadata` reads ``data`` without the model (every value of its declared type as it
    is). Each key is then read so on its own too (:func:`_prepared` and :func:`_exact` read each key's value
    alone), and none is invalid: a sidecar's keys need not be read one by one to find the one at fault."""
    return _exact(_prepared(data)) is not None


def _prepared(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """``data`` as :func:`read_metadata` reads it, each key's value on its own: typographic quotes around a
    declared key's text, HTML escapes in an address or a name and invisible format characters aside, a web
    archive's copy of an address as the page archived."""
    quoted = [
        key
        for key, value in data.items()
        if key in _KINDS and ((type(value) is str and value[:1] in _OPENING_QUOTES) or type(value) is list)
    ]
    if quoted:
        unquoted = {key: _unquoted(data[key]) for key in quoted}
        if any(unquoted[key] is not data[key] for key in quoted):
            data = {**data, **unquoted}
    address = data.get("original_url")
    if type(address) is str and "&" in address and ";" in address:
        data = {**data, "original_url": _unescaped(address)}
    data = _addresses_without_format_chars(data)
    address = data.get("original_url")
    if type(address) is str and "rchive." in address.lower():  # a web archive's copy: the page archived is read
        from .urls import unarchived

        inner = unarchived(address)
        if inner is not None:
            data = {**data, "original_url": inner}
    for key in ("author", "copyright_holder"):
        names = data.get(key)
        if type(names) is list and (None in names or any(type(n) is str and "&" in n and ";" in n for n in names)):
            data = {**data, key: [_name_unescaped(n) for n in names if n is not None]}  # a deleted user: None
        elif type(names) is str and "&" in names and ";" in names:
            data = {**data, key: _name_unescaped(names)}
    return data


def from_model(model: Any) -> MetadataView:
    """The view of a validated :class:`~reprint_guard.metadata.Metadata`."""
    view = MetadataView()
    for key in DECLARED:
        setattr(view, key, getattr(model, key))
    view.permissions = [
        PermissionView(
            p.from_, p.date, list(p.scope), p.reference, p.expires, dict(p.model_extra) if p.model_extra else None
        )
        for p in model.permissions
    ]
    view.extra = dict(model.model_extra or {})
    return view


def _exact(data: Mapping[str, Any]) -> MetadataView | None:
    """The view, when every value already has its declared type (validation would change nothing).

    Defaults first, then one pass over the keys the data has (most front matter sets a few of the
    twenty-two).
    """
    view = MetadataView()
    view.title = view.source = view.original_url = view.policy = view.license = view.reprint_license = None
    view.author = view.copyright_holder = view.original_published = view.published = view.commercial = None
    view.modified = view.translated = view.paywalled = view.sold = view.ads_targeted = False
    view.excerpt = view.news_outlet = view.sponsored = None
    view.medium = Medium.web
    view.permissions = []
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if type(key) is not str:
            return None
        kind = _KINDS.get(key)
        if kind is None:
            extra[key] = value
        elif value is None:
            continue  # as absent
        elif type(kind) is tuple:  # a value of one exact type
            if type(value) not in kind or (key == "original_url" and address_control(value) is not None):
                if type(value) is str and kind is _DATE_TYPES:
                    value = _a_day(value)  # a JSON envelope's "2025-03-02"
                    if value is not None:
                        setattr(view, key, value)
                        continue
                return None  # the model converts it, or says what is wrong
            setattr(view, key, value)
        elif kind == "names":
            if type(value) is not str:
                if (
                    type(value) is not list
                    or len(value) > MAX_NAMES
                    or any(type(v) is not str or len(v) > MAX_NAME_CHARS for v in value)
                ):
                    return None  # the model converts it, or says what is wrong
                value = list(value)
            elif len(value) > MAX_NAMES_CHARS:
                return None
            setattr(view, key, value)
        elif key == "medium":
            medium = value.strip().lower() if type(value) is str else None
            if medium not in _MEDIA:
                return None
            view.medium = _MEDIA[medium]
        else:  # permissions
            if type(value) is not list:
                return None
            records = [_exact_permission(p) for p in value]
            if None in records:
                return None
            view.permissions = records  # type: ignore[assignment]
    view.extra = extra
    return view


#: A taxonomy term's slug: lower-case ASCII words joined by hyphens (``dana-whitfield``), no name as written.
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def only_slugs(value: object) -> bool:
    """Whether an author value holds slugs only (``[dana-whitfield]``): a Hugo theme's taxonomy terms, whose
    names are on their term pages, not in the file."""
    items = value if isinstance(value, list) else [value]
    return bool(items) and all(isinstance(item, str) and _SLUG.fullmatch(item.strip()) for item in items)


#: Common front-matter spellings of reprint-guard's keys in Hugo, Jekyll, Astro, MkDocs and Eleventy sites (what
#: ``init`` maps, and what a key close to another of ours is not a misspelling of: ``publisher`` is no
#: ``published``).
SITE_KEYS = {
    "canonicalurl": "original_url",
    "canonical_url": "original_url",
    "canonical": "original_url",
    "originalurl": "original_url",
    "original": "original_url",
    "original_link": "original_url",
    "originallink": "original_url",
    "source_url": "original_url",
    "source_link": "original_url",
    "sourceurl": "original_url",
    "republished_from": "original_url",
    "reprint_of": "original_url",
    "authors": "author",
    "byline": "author",
    "by": "author",
    "writer": "author",
    "licence": "license",
    "copyright": "copyright_holder",
    "publisher": "source",
    "source_name": "source",
    "originally_published": "original_published",
    "original_date": "original_published",
}

#: A control character (C0, DEL, C1): no web address holds one.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def address_control(address: str) -> str | None:
    """The first control character inside ``address`` (a line end or tab around it aside), or None. YAML reads
    ``"https://example.org/a\\b"`` in double quotes as ending in a backspace: a credit made from it would link
    another address, cut where the character stands."""
    found = _CONTROL.search(address.strip(" \t\r\n"))
    return found.group(0) if found is not None else None


_DATE_TYPES = (dt.date, dt.datetime)
#: What each declared key holds, for :func:`_exact`: the exact types a value may have, or how it is read.
_KINDS: dict[str, tuple[type, ...] | str] = {
    **dict.fromkeys(TEXT_KEYS, (str,)),
    **dict.fromkeys(NAME_KEYS, "names"),
    **dict.fromkeys(DATE_KEYS, _DATE_TYPES),
    **dict.fromkeys((*FLAG_KEYS, *OPTIONAL_FLAG_KEYS, "commercial"), (bool,)),
    "medium": "medium",
    "permissions": "permissions",
}
assert set(_KINDS) == _DECLARED


#: Words that say a scope's next word is not covered.
_NEGATIONS = frozenset({"not", "no", "non", "without", "except", "excluding"})
#: What parts the words of a scope written as one string.
_SCOPE_SEPARATORS = re.compile(r"[\s,;]+")


def scope_words(scope: str | list[str]) -> list[str]:
    """A scope written as one string, "photos" or "commercial, print", as the list of its words; a list's
    items as theirs (a CMS's " commercial" or "photos,commercial" are the words in them)."""
    if isinstance(scope, list):
        if all(item.isalpha() and item.lower() not in _NEGATIONS for item in scope):  # [commercial, print]
            return list(scope)
        return [word for item in scope for word in scope_words(item)]
    words = [word for word in _SCOPE_SEPARATORS.split(scope) if word]
    # "not commercial", "no print": the word after a negation is what the permission does not cover
    return [
        w
        for at, w in enumerate(words)
        if w.lower() not in _NEGATIONS and (at == 0 or words[at - 1].lower() not in _NEGATIONS)
    ]


def _a_day(text: str) -> dt.date | None:
    """A date written as text, as the model reads it (``metadata._calendar_value``, then pydantic, which keeps
    a ``date`` as it is): a calendar day in ISO form, ``2025-03-02`` or ``20250302``, white space around it
    aside. None for anything else (a date-time, a blank, no date): the model reads it, or says what is wrong.

    A CMS sends its dates as JSON strings: read here, a JSON page no longer imports pydantic for them."""
    text = text.strip()
    if len(text) == 10 or (len(text) == 8 and text.isdigit()):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    return None


def _exact_permission(data: Any) -> PermissionView | None:
    if type(data) is not dict or any(type(k) is not str for k in data) or type(data.get("from")) is not str:
        return None
    date, expires, reference = data.get("date"), data.get("expires"), data.get("reference")
    # A record's day written as text is read as the model's ``Permission._calendar`` reads it.
    if type(date) is str:
        date = _a_day(date)
        if date is None:
            return None
    if type(expires) is str:
        expires = _a_day(expires)
        if expires is None:
            return None
    if (date is not None and type(date) is not dt.date) or (expires is not None and type(expires) is not dt.date):
        return None
    if reference is not None and type(reference) is not str:
        return None
    scope = data.get("scope", [])
    if type(scope) is not str and (type(scope) is not list or any(type(s) is not str for s in scope)):
        return None
    scope = scope_words(scope)
    extra = {k: v for k, v in data.items() if k not in _PERMISSION_KEYS}
    if "from_" in extra or any(extra.get(key) is not None and type(extra[key]) is not str for key in _ARTICLE_KEYS):
        return None  # the model also accepts the field's own name, and says what is wrong with the article's
    return PermissionView(data["from"], date, list(scope), reference, expires, extra or None)


def address_of(contact: str) -> str:
    """The email address in ``Name <a@b>`` or a bare ``a@b``, lower-cased (else the text, trimmed and lower-cased).

    Grantors on both sides (a policy's contacts, a reprint's permission records) are compared by it. In
    ``Name <a@b>`` the address is the one in brackets, even when the name looks like another
    ("publications@globalresearch.ca <desk@gmail.com>" is desk@gmail.com's); an address is a word of its own
    ("publications@globalresearch.ca@gmail.com" is none).
    """
    found = _BRACKETED_EMAIL.search(contact) or _EMAIL.search(contact)
    address = (found.group(1) if found else contact).strip()
    # A host's case as UTS 46 maps it: a capital sigma is always σ (str.lower() makes a word's last one ς,
    # another letter: ΟΔΟΣ-ΤΕΣΤ.gr is οδοσ-τεστ.gr, never οδος-τεστ.gr).
    return address.lower() if address.isascii() else address.replace("\u03a3", "\u03c3").lower()


#: A name's trailing credential ("Priya Nandakumar, PhD") or affiliation in brackets ("(University of
#: Leeds)"), which a metadata field holds and a byline leaves out.
_CREDENTIAL = re.compile(
    r",\s*(?:ph\.?\s?d|m\.?\s?d|d\.?\s?phil|drph|mph|msc|m\.?sc|mba|llm|j\.?d|rn|np|esq|faan|facp|frcp)\.?\s*$",
    re.IGNORECASE,
)
_AFFILIATION = re.compile(r"\s*\([^()]*\)\s*$")
#: What may follow a name's comma and is no first name ("Martin Luther King, Jr.").
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


@lru_cache(maxsize=1024)
def name_forms(name: str) -> tuple[str, ...]:
    """``name`` as the metadata writes it, then as a page writes it: without a credential or an affiliation
    in brackets after it ("Priya Nandakumar, PhD", "Priya Nandakumar (University of Leeds)"), and in its
    natural order when written surname first ("Nandakumar, Priya")."""
    forms = [name]
    base = _bare(name)
    if base and base != name.strip():
        forms.append(base)
    natural = _natural_order(base)
    if natural is not None:
        forms.append(natural)
    return tuple(forms)


def _bare(name: str) -> str:
    """``name`` without a credential or an affiliation in brackets after it ("Priya Castellanos, MD, MPH": each
    in turn)."""
    base = _AFFILIATION.sub("", name)
    while (bare := _CREDENTIAL.sub("", base)) != base:
        base = bare
    return base.strip()


def _natural_order(name: str) -> str | None:
    """``name`` in its natural order when it may be written surname first ("Nandakumar, Priya"), else None.

    Read liberally, for finding a name on a page: "Dana Whitfield, ProPublica" may be too."""
    last, comma, first = name.partition(",")
    first, last = first.strip(), last.strip()
    if (
        comma
        and "," not in first
        and first.lower() not in _NAME_SUFFIXES
        and 1 <= len(first.split()) <= 3
        and 1 <= len(last.split()) <= 4  # "Núñez de la Fuente, María José"
    ):
        given = first.split()
        if len(given) > 1 and given[-1].lower() in _NAME_SUFFIXES:  # "Smith, John Jr.": the suffix ends the name
            return f"{' '.join(given[:-1])} {last} {given[-1]}"
        return f"{first} {last}"
    return None


#: Lower-case particles of a surname ("de la Fuente", "van der Berg"): a surname of one word with them.
_PARTICLES = frozenset({"de", "del", "della", "der", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von"})


def written_name(name: str) -> str:
    """``name`` as a credit writes it: without a credential or an affiliation in brackets, and turned round
    only when surely written surname first.

    "Ruiz, Ana" is "Ana Ruiz", but "Priya Raman, University of Northfield" and "Dana Whitfield, ProPublica"
    are a name and where its bearer works: a credit written from them keeps them as they are. Only a surname
    of one word (particles aside: "de la Fuente, María") before the comma, and no institution or job after
    it, is taken for surname first; "García Márquez, Gabriel José" is then written as it is, which an editor
    can read, where turning a name and an affiliation round garbles the byline.
    """
    base = _bare(name) or name
    natural = _natural_order(base)
    if natural is None:
        return base
    last, first = base.split(",", 1)
    surname = [word for word in last.split() if word.lower() not in _PARTICLES]
    if (
        len(surname) != 1
        or re.search(_INSTITUTION, first)
        or _ROLE.search(first)
        or any(char.isdigit() or char in "-–—|/" for char in first)  # "Ruiz, Ana - Reuters": a name and more
    ):
        return base
    return natural


def names_of(value: object) -> list[str]:
    """A name field (one name or a list of them) as a list of the non-blank names. One string may name
    several people: parted at semicolons, and at "and" (or "y", "et", "und"...) or "&" between full names
    ("Ana Ruiz and Li Wei");
    a string with a comma is one name as written ("Ruiz, Ana", "García Márquez, Gabriel José", "Ana Ruiz,
    Associated Press"): a metadata field, unlike a page's byline, has a list for several; but a list written
    out, three full names or more with "and" before the last ("Ana Ruiz, Li Wei and Sam Ode"), is parted."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if str(v).strip()]
    text = str(value)
    if "," in text and ";" not in text and "、" not in text:
        # "Ana Ruiz, Li Wei and Sam Ode": a list written out, each part a full name, "and" before the last.
        if _LAST_JOINED.search(text) and not re.search(_INSTITUTION, text):
            names = byline_names(text)
            if len(names) > 2:
                return names
        return [text] if text.strip() else []
    return byline_names(text)


#: Words of an institution's name: "Ana Ruiz, University of Leeds and Li Wei, University of York" is two
#: people with their affiliations, not four names.
_INSTITUTION = (
    r"(?i)\b(?:universit\w*|universidad|universidade|université|college|institute|instituto|institut|school|"
    r"hospital|foundation|fundación|center|centre|centro|press|news|agency|laboratory|museum|council|ministry)\b"
)
#: "and" (or "&", "y", "e", "et", "und", "dan") before a list's last name.
_LAST_JOINED = re.compile(r",?\s+(?:and|y|e|et|und|dan|&)\s+\S+\s+\S")


#: Where a byline parts its names: a semicolon, a comma, "and", "&" (with the comma before "and"), and "and"
#: as Spanish, Portuguese and Italian, French, German and Indonesian write it ("y", "e", "et", "und", "dan").
#: Only between full names (see :func:`byline_names`): "Santiago Ramón y Cajal" stays one.
_BYLINE_PARTS = re.compile(r"\s*;\s*|\s*,\s*(?:(?:and|y|e|et|und|dan)\s+|&\s*)?|\s+(?:and|y|e|et|und|dan|&)\s+")


#: Words of a job title, which a byline may put after a name as if it were another ("Staff Reporter").
_ROLE = re.compile(
    r"(?i)\b(?:reporter|editor|correspondent|writer|staff|contributor|columnist|photographer|producer|"
    r"journalist|fellow|intern|analyst|bureau|desk|special to)\b"
)


def byline_names(content: str) -> list[str]:
    """The names in a byline written as one string (``<meta name="author">``, a CMS's author field): "Ana
    Ruiz, Li Wei and Sam Ode" is three.

    A comma parts names only when every part is a full name (two words or
    more): "Ruiz, Ana" and "Martin Luther King, Jr." stay one name each.
    """
    return list(_byline_names(content))


@lru_cache(maxsize=1024)
def _byline_names(content: str) -> tuple[str, ...]:
    """:func:`byline_names`, asked once per string: a name field is read by rule after rule."""
    content = " ".join(content.split())
    if ";" in content or "、" in content:  # Chinese and Japanese list names with "、": "李伟、王芳"
        return tuple(name for name in (part.strip() for part in re.split("[;、]", content)) if name)
    parts = [part for part in _BYLINE_PARTS.split(content) if part]
    if len(parts) > 1 and all(len(part.split()) >= 2 for part in parts):
        people = [part for part in parts if not _ROLE.search(part)]  # "Ana Ruiz, Staff Reporter": one person
        return tuple(people or parts[:1])
    return (content,) if content else ()
