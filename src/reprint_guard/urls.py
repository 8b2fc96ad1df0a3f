"""URL comparison: the same article however it is spelled, never two articles confused.

Scheme (http/https), a leading ``www.``, letter case of the host, default
ports, a trailing slash, the fragment and tracking parameters are ignored; the
path and every other query parameter must match.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
_TRACKING_KEYS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "ncid",
        "s_cid",
        "spm",
        "twclid",
        "ttclid",
        "ref_src",
        "_hsenc",  # HubSpot's newsletter links
        "_hsmi",
        "__hstc",
        "__hssc",
        "__hsfp",
        "hsctatracking",
        "ref",  # Ghost's newsletter links (?ref=site-name)
        "_bhlid",  # beehiiv's
        "ck_subscriber_id",  # Kit's (ConvertKit)
        "_kx",  # Klaviyo's
        "mkt_tok",  # Marketo's
        "vero_id",
        "ml_subscriber",  # MailerLite's
        "ml_subscriber_hash",
        "sfmc_id",  # Salesforce Marketing Cloud's
        "sfmc_sub",
        "ss_source",  # SharpSpring's
        "ss_campaign_id",
        "ss_campaign_name",
        "ss_campaign_sent_date",
        "oly_enc_id",  # Omeda's
        "oly_anon_id",
    }
)


#: The values of an ``amp`` parameter that ask for the article's AMP view (``?amp=2`` may be something else).
_AMP_ON = frozenset({"", "1", "true", "yes"})

#: An absolute http(s) URL with a plain host (no user, port or IPv6 literal) and no white space.
_SIMPLE_URL = re.compile(r"(https?)://([A-Za-z0-9.-]+)((?:/[^?#\s]*)?)(?:\?([^#\s]*))?(?:#\S*)?")
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
#: A path that quote(unquote(path)) leaves as it is: unreserved and safe characters, no escapes.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9/:@!$&'()*+,;=._~-]*")


#: A URL's scheme and authority (``https://Host:443``), the part of it that is blind to case.
_SCHEME_AND_HOST = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?://[^/?#]*)?")


def with_host_folded(url: str) -> str:
    """The URL with its scheme and host in lower case (they are blind to case; the path is not) and without
    its scheme's default port, or the same string when it has neither."""
    end = _SCHEME_AND_HOST.match(url).end()  # type: ignore[union-attr] - it matches the empty string too
    head = url[:end]
    lowered = head.lower()
    if lowered.startswith("https:") and lowered.endswith(":443"):
        lowered = lowered[:-4]
    elif lowered.startswith("http:") and lowered.endswith(":80"):
        lowered = lowered[:-3]
    return url if lowered == head else lowered + url[end:]


@lru_cache(maxsize=8192)
def host_of(url: str) -> str | None:
    """The host without ``www.`` and port, lower-cased; None when there is none. Its dots as UTS 46 reads them
    (``。``, ``．`` and ``｡`` are ASCII ones, a trailing one dropped), its letters as written: a finding names
    ``news．example。`` as ``news.example``, as the permission checks name a site. A joiner beside an ASCII
    character or a dot is a paste, left out (:func:`joiners_read`)."""
    url = _with_scheme(url.strip())
    simple = _SIMPLE_URL.fullmatch(url)
    if simple is not None:
        host = _bare_host(simple.group(2).lower())
        return (host[4:] if host.startswith("www.") else host) or None
    try:
        # a backslash is a slash, as a browser reads it: https://www.propublica.org\@evil.example is ProPublica's
        host = _hostname(urlsplit(_slashed(url)).netloc)
    except ValueError:
        return None
    if host and not host.isascii():
        host = joiners_read(host.translate(LABEL_DOTS))
    host = _bare_host(host) if host else None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _bare_host(host: str) -> str:
    """``example.org.`` (the fully qualified spelling, a trailing dot) is ``example.org``."""
    return host[:-1] if host.endswith(".") else host


#: A web address written without its scheme, as people paste one: a domain name (dotted, ending in
#: letters, maybe a trailing dot and a port), then a path, query or nothing. A name ending in a file's suffix
#: that is no top-level domain (story.html, boat.jpg beside the page, a Hugo page bundle's) is a file, not a site.
_SCHEMELESS = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"\.(?!(?:s?html?|xhtml|php|aspx?|jsp|cgi|md|txt|pdf|json|xml|jpe?g|png|gif|webp|avif|svg|bmp|tiff?|ico|heic"
    r"|css|js|docx?|xlsx?|pptx?|csv|webm|ogg|wav)\b)[A-Za-z]{2,63}\.?"
    r"(?::[0-9]{1,5})?(?:[/?#]|$)"
)


def as_address(url: str) -> str:
    """A metadata address as a browser's address bar reads it: ``example.org/a/1`` is ``https://example.org/a/1``.

    Only for an original's address, never for a link in a body, where
    ``page.html/x`` is a relative link, not a site.
    """
    url = url.strip()
    # A host the pattern takes ends before any "://" (one in the query, ``?u=https://...``, is no scheme's).
    if not url.startswith("/") and _SCHEMELESS.match(url):
        return "https://" + url
    return url


#: An http(s) scheme and the slashes (or backslashes) written after it, however many.
_LOOSE_SLASHES = re.compile(r"(?i)(https?):([/\\]*)")
_SEPARATORS = ("/", "\\")


def _with_scheme(url: str) -> str:
    """``url`` (an element's ``href`` or ``src``, or an address of the metadata already read by
    :func:`as_address`) as a browser reads it on a page served over https (as a reprint's is), by the WHATWG URL
    standard: ``//host/a`` is ``https://host/a``, and so are ``\\\\host/a`` and ``/\\host/a``; ``https:`` takes
    any run of two or more slashes or backslashes (``https:///host``, ``https:\\\\host``) as its two, but with
    fewer (``https:/host/a``, ``https:host/a``) it is a path on the page's own site, as ``www.host/a`` is, with
    no scheme at all: neither is given one. ``http:`` (another scheme than the page's) takes any number
    (``http:/host/a`` is ``http://host/a``)."""
    if url.startswith("https://"):  # the usual address, its host right after the two slashes
        if url[8:9] not in _SEPARATORS:
            return url
    elif url.startswith("http://"):
        if url[7:8] not in _SEPARATORS:
            return url
    elif url[:1] in _SEPARATORS and url[1:2] in _SEPARATORS:  # //host/a, \\host/a, /\host/a: the host's
        return "https://" + url.lstrip("/\\")
    if url[:4].lower() == "http":
        found = _LOOSE_SLASHES.match(url)
        if found is not None and found.group(2) != "//":
            scheme, slashes = found.groups()
            if len(slashes) >= 2 or scheme.lower() == "http":
                return f"{scheme}://{url[found.end() :]}"
    return url


def meant_address(href: str) -> tuple[str, str] | None:
    """The web address an element's ``href`` (or ``src``) was meant to be, where a browser reads it as a path
    on the page's own site instead (see :func:`_with_scheme`), and what it lacks; None for any other. A host
    written without a scheme (``www.example.org/a/1``, ``example.org/a/1``: read as :func:`as_address` reads an
    address bar's) lacks ``"the scheme"``; ``https:/example.org/a/1`` or ``https:example.org/a/1`` lacks
    ``"a slash"`` (one or both of the two after ``https:``). Either is meant as ``https://example.org/a/1``."""
    href = href.strip()
    found = _LOOSE_SLASHES.match(href)
    if found is not None:
        scheme, slashes = found.groups()
        rest = href[found.end() :]
        if scheme.lower() == "https" and len(slashes) < 2 and _SCHEMELESS.match(rest):
            return f"https://{rest}", "a slash"
        return None
    if href.startswith(("/", "\\")) or _SCHEME_ONLY.match(href):  # "://" after the host (a query's) is no scheme
        return None
    address = as_address(href)
    return (address, "the scheme") if address != href else None


#: A scheme opening an address (``mailto:``, ``tel:``, ``javascript:``): none of a path.
_SCHEME_ONLY = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?![0-9])")


@lru_cache(maxsize=8192)
def normalize_url(url: str) -> str | None:
    """A comparison key for ``url``; None for relative, mailto: and other non-web links. Read as a browser
    reads it: a backslash before the query is a slash, ``.`` and ``..`` segments are resolved, and a host's
    full-width letters and soft hyphens are mapped as IDNA maps them (each the original's address to a reader),
    a host in another script written in punycode (``bücher.example`` is ``xn--bcher-kva.example``, as
    :func:`ascii_host` reads it)."""
    url = _with_scheme(url.strip())
    parts = _simple_parts(url) or _split_parts(_slashed(url))
    return _key(*parts) if parts else None


def _slashed(url: str) -> str:
    """``url`` with the backslashes before its query or fragment made slashes, as a browser reads an http(s)
    address (``https:\\example.org\\a``)."""
    if "\\" not in url:
        return url
    cut = min((at for at in (url.find("?"), url.find("#")) if at >= 0), default=len(url))
    head = url[:cut].replace("\\", "/")
    return head + url[cut:] if head.lower().startswith(("http:", "https:")) else url


def _idna_mapped(host: str) -> str:
    """A host with letters other than ASCII as IDNA's mapping reads it: full-width letters and dots as ASCII
    ones (NFKC), soft hyphens and other ignored characters gone, in lower case. The two joiners are read as an
    original's address reads them (:func:`joiners_read`): letters of the name between letters of the scripts
    that write them (``क्\u200dष`` is not ``क्ष``, another host), a paste beside an ASCII character or a dot."""
    import unicodedata

    mapped = _lower_host(unicodedata.normalize("NFKC", host).replace("\u00ad", "").replace("\u3002", "."))
    mapped = "".join(char for char in mapped if char in _JOINERS or unicodedata.category(char) != "Cf")
    return joiners_read(mapped)


#: The joiners some scripts write words with (Persian, the Indic scripts): ZWNJ and ZWJ.
_JOINERS = "\u200c\u200d"
#: The letters a joiner joins: Arabic's scripts (Persian, Urdu; Syriac, Thaana, N'Ko), the Indic ones (Devanagari
#: to Sinhala), Tibetan, Myanmar, Khmer and Mongolian; and the emoji a ZWJ sequence is made of (a decoded path's
#: family or flag), their variation selector with them. Anywhere else (Latin, Greek, Cyrillic, CJK) a joiner
#: joins nothing: a paste's, as beside an ASCII character.
_JOINED = (
    "\u0600-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u18af\ua8e0-\ua8ff\ufb50-\ufdff"
    "\ufe70-\ufeff\ufe0f\u2600-\u27bf\U0001f000-\U0001faff"
)
#: A run of joiners not between two such letters (at an end, beside an ASCII character or a letter of another
#: script), taken whole: a run between two is kept whole.
_JOINERS_APART = re.compile(f"(?<![{_JOINED}{_JOINERS}])[{_JOINERS}]++|[{_JOINERS}]++(?![{_JOINED}])")


def joiners_read(text: str) -> str:
    """``text`` (an address, or a host) with the two joiners as an address keeps them: between letters of the
    scripts that write words with them (a Persian path, an Indic host's label), never at its ends or beside
    another character (an ASCII one, a dot, a Greek or CJK letter), where no script joins with them: a paste's."""
    if "\u200c" not in text and "\u200d" not in text:
        return text
    return _JOINERS_APART.sub("", text)


def _without_dot_segments(path: str) -> str:
    """``path`` with its ``.`` and ``..`` segments resolved (RFC 3986 5.2.4), as a browser requests it."""
    out: list[str] = []
    segments = path.split("/")
    for at, segment in enumerate(segments):
        if segment == ".":
            if at == len(segments) - 1:
                out.append("")
        elif segment == "..":
            if len(out) > 1:
                out.pop()
            if at == len(segments) - 1:
                out.append("")
        else:
            out.append(segment)
    return "/".join(out)


def _simple_parts(url: str) -> tuple[str, str, str] | None:
    """(host, path, query) of the usual ``http(s)://host/path?query``, as urlsplit gives them, without it."""
    simple = _SIMPLE_URL.fullmatch(url)
    if simple is None:
        return None
    return _site(_bare_host(simple.group(2).lower())), simple.group(3), simple.group(4) or ""


#: Prefixes of a host that serve the same site's pages: the web, mobile and AMP editions of an article.
_EDITIONS = ("www.", "m.", "amp.")


def _site(host: str) -> str:
    """A host without its edition's prefix (``www.``, ``m.``, ``amp.``): the same article on each."""
    for prefix in _EDITIONS:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def edition_aside(host: str) -> str:
    """``host`` (lower case) without its edition's prefix: ``m.example.org`` and ``www.example.org`` are
    ``example.org``'s pages."""
    return _site(host)


def alias_sites(host: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """The other hosts (each without its edition's prefix) that serve ``host``'s articles at the same paths, as
    a policy's ``host_aliases`` declares them (``khn.org`` for ``kffhealthnews.org``); empty when ``host`` is
    none of them. Hosts are compared whole: a subdomain of an alias (a language edition) is no alias."""
    sites = [_key_host(alias) for alias in aliases]
    here = _key_host(host)
    if here not in sites:
        return ()
    return tuple(dict.fromkeys(site for site in sites if site != here))


def _key_host(host: str) -> str:
    """A host name (a policy's ``host_aliases`` entry, :func:`host_of`'s) as :func:`normalize_url`'s key writes
    its host (:func:`_key_text`), no trailing dot, no edition's prefix."""
    return _site(_bare_host(_key_text(host.strip())))


def _key_text(host: str) -> str:
    """A URL's host as :func:`normalize_url`'s key writes it: lower case; one with another letter mapped as
    IDNA maps it (:func:`_idna_mapped`) and in punycode by IDNA 2008, as :func:`ascii_host` writes it, so a link
    to ``bücher.example`` and one to ``xn--bcher-kva.example`` are to one host."""
    if host.isascii():
        return host.lower()
    return _idna_2008(_idna_mapped(host))


def same_article_keys(key: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """``key`` (a :func:`normalize_url` key) and the same path's key on each host ``aliases`` (a policy's
    ``host_aliases``) say serves the same articles: every address of the one article."""
    if not aliases:
        return (key,)
    cut = min((at for at in (key.find("/"), key.find("?")) if at >= 0), default=len(key))
    host, rest = key[:cut], key[cut:]
    return (key, *(site + rest for site in alias_sites(host, aliases)))


def _split_parts(url: str) -> tuple[str, str, str] | None:
    """(host[:port], path, query) of any web URL, by urlsplit; None when it is not one."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    host = _hostname(parts.netloc)
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    if "%" in host:  # a renderer's escapes of a host's letters (Markdown's of full-width ones)
        host = unquote(host)
    host = _site(_bare_host(_key_text(host)))
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    return host, parts.path, parts.query


def _key(host: str, path: str, query_string: str) -> str:
    if "/." in path:
        path = _without_dot_segments(path)
    if not _PLAIN_PATH.fullmatch(path):  # only escapes and unusual characters need re-quoting
        path = quote(unquote(path), safe=_PATH_SAFE)
    path = path.rstrip("/")
    if path.endswith("/amp"):  # WordPress's and most CMSs' AMP view of the article
        path = path[:-4].rstrip("/")
    if not query_string or _only_tracking(query_string):
        return f"{host}{path}"
    query = [
        (k, v)
        for k, v in parse_qsl(query_string, keep_blank_values=True)
        if not _tracking(k.lower(), v)
        and not (k.lower() == "amp" and v.lower() in _AMP_ON)  # ?amp, ?amp=1: the article's AMP view
    ]
    query_text = "?" + urlencode(sorted(query)) if query else ""
    return f"{host}{path}{query_text}"


def _tracking(key: str, value: str = "") -> bool:
    """Whether a query parameter named ``key`` (lower case) is a tracking one: no part of the article's address.
    Mailchimp's ``goal=0_<list>_<campaign>`` is one by its value (a site's own ``goal`` may be a page's)."""
    return (
        key.startswith(_TRACKING_PREFIXES)
        or key in _TRACKING_KEYS
        or (key == "goal" and _MAILCHIMP_GOAL.fullmatch(value) is not None)
    )


#: Mailchimp's goal-tracking value: ``0_`` and its list's and campaign's hex ids.
_MAILCHIMP_GOAL = re.compile(r"0_[0-9a-fA-F]{6,}(?:_[0-9a-fA-F-]+)*")


def without_tracking(address: str) -> str:
    """``address`` without its tracking parameters (``utm_source``, ``fbclid``, ...), the others kept as written
    and in order: the address a credit should link, as a link is compared (a share button's copy of the
    original's address carries them)."""
    head, mark, rest = address.partition("?")
    if not mark:
        return address
    query, hash_, fragment = rest.partition("#")
    kept = [
        piece
        for piece in query.split("&")
        if piece and not _tracking(unquote(piece.partition("=")[0]).lower(), unquote(piece.partition("=")[2]))
    ]
    return head + ("?" + "&".join(kept) if kept else "") + hash_ + fragment


def _only_tracking(query_string: str) -> bool:
    """Whether every parameter is a tracking one (``?utm_source=x&utm_medium=y``, the usual case), told
    without parsing: with no escapes (``%``, ``+``) a key is what stands before its ``=``."""
    if "%" in query_string or "+" in query_string:
        return False
    return all(_tracking(*_key_value(piece)) for piece in query_string.split("&") if piece)


def _key_value(piece: str) -> tuple[str, str]:
    key, _, value = piece.partition("=")
    return key.lower(), value


def domain_key(domain: object) -> str:
    """A domain as policies are matched by it: read as :func:`ascii_host` reads a host (lower case as UTS 46
    maps it, ``。`` and ``．`` dots, a trailing dot aside, an international name in punycode, so
    ``ΟΔΟΣ.gr``, ``οδοσ.gr`` and ``xn--pxavbq.gr`` are one), without a leading ``www.``. An ASCII name pays
    no more than ``str.lower()``: only a host with another letter imports ``idna``."""
    return ascii_host(str(domain)).removeprefix("www.")


#: The characters UTS 46 maps to a label separator, as a browser reads a host: the ideographic full stop (U+3002)
#: and its full-width (U+FF0E) and half-width (U+FF61) forms. A host is split, and its trailing dot dropped,
#: only after they are ASCII dots (``news.yahoo.com。`` is ``news.yahoo.com``, not a host with an empty label).
LABEL_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})


def host_text(host: str) -> str:
    """``host`` as written, read as a browser reads it before its punycode: stripped, its label separators
    (``。``, ``．``, ``｡``) ASCII dots, its trailing dot dropped, in lower case as UTS 46 maps case: ``Σ`` is
    ``σ`` wherever it stands (``str.lower()`` makes a word's last one ``ς``, another letter, another host)."""
    host = host.strip()
    if host.isascii():
        return host.rstrip(".").lower()
    return _lower_host(host.translate(LABEL_DOTS).rstrip("."))


def _lower_host(host: str) -> str:
    """``host`` in lower case as UTS 46 maps it: ``Σ`` always ``σ`` (never the final ``ς`` ``str.lower()``
    makes of a word's last one); ASCII by ``str.lower()`` alone."""
    return host.lower() if host.isascii() else host.replace("\u03a3", "\u03c3").lower()


def ascii_host(host: str) -> str:
    """A host name as DNS compares it: lower case, an international one in punycode (bücher.example and
    xn--bcher-kva.example are one host), by IDNA 2008 as browsers read it (UTS 46, nontransitional): ``ß``,
    ``ς`` and a joiner are letters of their own, so ``straße.de`` is ``xn--strae-oqa.de``, never
    ``strasse.de`` (another registered domain, as IDNA 2003 folded it). Read as :func:`host_text` reads it:
    ``。`` a dot, a trailing dot aside, ``ΟΔΟΣ.gr`` ``οδοσ.gr``; its joiners as an original's address reads
    them (:func:`joiners_read`): a letter between letters of the scripts that write them, a paste beside an
    ASCII character or a dot (``propublica\u200d.org`` is ``propublica.org``)."""
    host = host_text(host)
    if host.isascii():
        return host
    host = joiners_read(host)
    return host if host.isascii() else _idna_2008(host)


@lru_cache(maxsize=1024)
def _idna_2008(host: str) -> str:
    """``host`` in punycode by UTS 46's nontransitional mapping (``idna``, which ``requests`` depends on); a
    host with a letter the mapping refuses stays as written (compared as itself, never folded into another)."""
    if len(host) > 253 or any(len(label) > 63 for label in host.split(".")):
        # No name DNS holds (RFC 1035: 63 characters a label, 253 in all): compared as written. Python's punycode
        # takes time growing as the square of a label's length (1,000 letters, 0.1 s; one link each).
        return host
    import idna

    try:
        mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except idna.IDNAError:
        return host
    try:
        return ".".join(
            label if label.isascii() else "xn--" + label.encode("punycode").decode("ascii")
            for label in mapped.split(".")
        )
    except UnicodeError:
        return host


def ip_host(host: str) -> bool:
    """Whether ``host`` is an IP address (``127.0.0.1``, ``[::1]``, ``::1``): a site of its own, with no
    registrable domain."""
    host = host.strip("[]").rstrip(".")
    return ":" in host or (bool(host) and host.replace(".", "").isdigit())


def _suffix_list(host: str, *, only_icann: bool = False) -> PublicSuffixList:
    """The Public Suffix List as the ``publicsuffixlist`` package ships it (no network), its private section
    (``github.io``, ``blogspot.com``, ``s3.amazonaws.com``) included unless ``only_icann``, to look ``host`` up
    in. Read on first use, paid only by a check that compares sites.

    The package adds each international rule's punycode form (``xn--...``) as it reads the list: two thirds of
    reading it (~20 of ~29 ms of CPU). A host with no ``xn--`` label can match none of those forms (each has
    one; ``tests/test_public_suffix.py`` holds the list to it), so it is looked up in the list read without
    them (``accept_encoded_idn=False``), and the whole list is read only for a host that has one."""
    return _read_suffix_list(only_icann, "xn--" in host.lower())


@lru_cache(maxsize=4)
def _read_suffix_list(only_icann: bool, punycode: bool) -> PublicSuffixList:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(accept_encoded_idn=punycode, only_icann=only_icann)


@lru_cache(maxsize=1024)
def registrable_domain(host: str) -> str | None:
    """``host``'s registrable domain by the Public Suffix List, ICANN and private sections: ``bbc.co.uk`` of
    ``news.bbc.co.uk`` and ``www.bbc.co.uk``, ``leedsth.nhs.uk`` of ``press.leedsth.nhs.uk``, ``user.github.io``
    of ``blog.user.github.io``; lower case, an international name in punycode, a trailing dot aside. The list is
    read on the host as given, ``www.`` included: ``www.ck`` is a registrable domain (the list's exception
    ``!www.ck``) and ``www.nhs.uk`` one under ``nhs.uk``. An IP address, a one-label host (``localhost``) or a
    malformed one (``a..b``) is its own site; None when ``host`` is itself a public suffix (``nhs.uk``,
    ``gouv.fr``, ``github.io``, ``ck``): everyone's, no one site's."""
    host = ascii_host(host)
    if ip_host(host):
        return host.strip("[]")
    if "." not in host or "" in host.split("."):
        return host
    return _suffix_list(host).privatesuffix(host)


@lru_cache(maxsize=256)
def hosted_site(host: str) -> bool:
    """Whether ``host``'s registrable domain sits directly under a public suffix of the list's private section,
    a hosting platform's (``alice.blogspot.com``, ``marisol.github.io``, ``thedaily.netlify.app``,
    ``x.wixsite.com``): a site on someone else's host, not a domain its owner registered. False for a site under
    an ICANN suffix alone (``bbc.co.uk``, ``leedsth.nhs.uk``), an IP address or a public suffix itself."""
    host = ascii_host(host)
    site = registrable_domain(host)
    if site is None or "." not in site or ip_host(host):
        return False
    suffix = _suffix_list(site).publicsuffix(site)
    # The ICANN section alone: read only to tell a hosted site, paid only when a record with no address names
    # the original's site.
    return suffix is not None and suffix != _suffix_list(site, only_icann=True).publicsuffix(site)


def written_site(host: str) -> str | None:
    """:func:`registrable_domain` of ``host`` as ``host`` writes it, in lower case: ``bücher-post.example`` of
    ``news.bücher-post.example`` (not its punycode), ``xn--strae-oqa.de`` of ``xn--strae-oqa.de``; None for a
    public suffix."""
    site = registrable_domain(host)
    written = host_text(host)
    if site is None or written.isascii():
        return site
    labels = written.split(".")
    if len(labels) != len(ascii_host(written).split(".")):
        return site
    return ".".join(labels[-(site.count(".") + 1) :])


def site_host(host: str) -> str:
    """``host`` in lower case without a trailing dot, and without a leading ``www.`` where the Public Suffix
    List reads ``www`` as a label below the registrable domain (``www.bbc.co.uk``), not where it is the
    registrable domain's own (``www.ck``, ``www.nhs.uk``). Written as given otherwise (Unicode kept)."""
    host = host_text(host)
    if host.startswith("www."):
        site = registrable_domain(host)
        if site is not None and site != ascii_host(host):
            return host[4:]
    return host


def url_host(url: str) -> str | None:
    """The host of ``url``, lower-cased, without port or trailing dot, ``www.`` kept (unlike :func:`host_of`);
    None when there is none."""
    try:
        host = _hostname(urlsplit(_with_scheme(url.strip())).netloc)
    except ValueError:
        return None
    return host_text(host) or None if host else None


def _hostname(netloc: str) -> str | None:
    """The host of a URL's ``netloc`` as written, in lower case as UTS 46 maps it (``urlsplit().hostname``
    lowers it by ``str.lower()``, which makes a word's last ``Σ`` the final ``ς``: another host)."""
    host = netloc.rpartition("@")[2]
    host = host[1:].partition("]")[0] if host.startswith("[") else host.partition(":")[0]
    if "%" in host:  # a browser reads a host's escapes as what they stand for: www.prop%75blica.org
        host = unquote(host, errors="strict") if _decodes(host) else host
    return _lower_host(host) or None


def _decodes(text: str) -> bool:
    """Whether ``text``'s percent escapes stand for UTF-8 (a browser refuses a host whose escapes do not)."""
    try:
        unquote(text, errors="strict")
    except UnicodeDecodeError:
        return False
    return True


def same_site(one: str, other: str) -> bool:
    """Whether two hosts are on one site, strictly: one is the other or below it (``www.`` ignored:
    ``news.riverbend.example`` and ``riverbend.example``), and the Public Suffix List gives both one
    registrable domain, so a host and a public suffix above it are two (``lanternbay.github.io`` and
    ``github.io``, ``www.ck`` and ``ck``). The list only splits what the first test joins, never joins two
    hosts side by side (``a.wpcomstaging.com`` and ``b.wpcomstaging.com``, two blogs of one host the list does
    not name, stay two). It is read only when the hosts differ."""
    one = ascii_host(one)
    other = ascii_host(other)
    if not one or not other:
        return False
    if one == other:
        return True
    a, b = one.removeprefix("www."), other.removeprefix("www.")
    if not (a == b or a.endswith("." + b) or b.endswith("." + a)):
        return False
    site = registrable_domain(one)
    return site is not None and site == registrable_domain(other)


def own_host_of(host: str, own_hosts: tuple[str, ...]) -> str | None:
    """The entry of ``own_hosts`` (the config's ``own-hosts``) that ``host`` is, or is a subdomain of
    (``www.`` included), as written; None when it is on none of them."""
    host = ascii_host(host)
    for written in own_hosts:
        own = ascii_host(written).removeprefix("www.")
        if host and own and (host == own or host.endswith("." + own)):
            return written
    return None


def host_matches(host: str, domain: str) -> bool:
    """``host`` is ``domain`` or one of its subdomains, each read as :func:`domain_key` reads a policy's
    domain (a host in Unicode is its punycode's; an ASCII one, lower case as :func:`host_of` gives it, is
    compared as it is)."""
    domain = domain_key(domain)
    if not host.isascii():
        host = ascii_host(host)
    return host == domain or host.endswith("." + domain)


#: A path segment or query value that names a host ("pixel.propublica.org"): labels, then a top-level
#: label of letters. A file name ("photo.jpg") is told apart by standing last in the path.
_HOSTLIKE = re.compile(r"(?i)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}")
_EMBEDDED_SCHEME = re.compile(r"(?i)https?://")
#: Most addresses read from one URL's nested schemes, and most from its host-like path segments. Each is the
#: rest of the URL, so every one costs its whole length to compare: thousands (a WordPress ``[embed]`` pasted
#: over and over into a link's address) made one link quadratic. A proxy's, a redirect's and a CDN's nest a
#: few, and the first are the outermost.
_MAX_EMBEDDED = 8


def embedded_addresses(url: str) -> list[str]:
    """The addresses an image CDN or proxy URL carries inside it, as the proxy would fetch them.

    Jetpack's ``https://i0.wp.com/pixel.example.org/p.gif``, a Cloudinary fetch
    ``.../image/fetch/w_300/https://pixel.example.org/p.gif`` and a resizer's
    ``?url=pixel.example.org/p.gif`` all serve another host's image from their own:
    the image is the original one, rewritten. Candidates only: a caller asks
    whether one is the address it looks for (a tracking pixel, an ``except``).
    """
    if url.lstrip()[:5].lower() == "data:":
        return []  # the picture itself, no address of another (a megabyte's base64 split at each "/": seconds)
    decoded = unquote(url.strip())
    scheme = _EMBEDDED_SCHEME.match(decoded)
    start = scheme.end() if scheme else 0
    found = [decoded[m.start() :] for m in itertools.islice(_EMBEDDED_SCHEME.finditer(decoded, start), _MAX_EMBEDDED)]
    try:
        parts = urlsplit(decoded if scheme else "https://" + decoded.lstrip("/"))
    except ValueError:  # "https://a[b.example/x.gif": no address a browser would fetch, nor a proxy
        return list(dict.fromkeys(found))
    segments = parts.path.split("/")
    hostlike = (index for index, segment in enumerate(segments[:-1]) if segment and _HOSTLIKE.fullmatch(segment))
    for index in itertools.islice(hostlike, _MAX_EMBEDDED):  # the last segment is the file's own name
        found.append("https://" + "/".join(segments[index:]) + (f"?{parts.query}" if parts.query else ""))
    for _, value in parse_qsl(parts.query):
        head = value.split("/", 1)[0]
        if "/" in value and _HOSTLIKE.fullmatch(head):
            found.append("https://" + value)
    # A redirect's target in its query, percent-encoded as a whole (``l.php?u=https%3A%2F%2F...&h=...``):
    # decoded above, it would run on into the query's next parameters.
    raw_query = url.strip().partition("?")[2].partition("#")[0]
    for _, value in parse_qsl(raw_query):
        if value.startswith(("https://", "http://")):
            found.append(value)
    return list(dict.fromkeys(found))


#: A web archive's address of its copy of a page, up to the page's own address after it: the Wayback Machine's
#: ``web.archive.org/web/20190304123456/https://...`` (a timestamp of one to fourteen digits, maybe a mode such
#: as ``id_`` or ``if_`` after it, or none: the latest copy), ``archive.org/web/...`` and
#: ``wayback.archive.org/web/...``; archive.today's ``archive.ph/2019.03.04-123456/https://...``,
#: ``archive.ph/20190304123456/...``, ``archive.ph/newest/...`` on any of its domains; the host's port may be
#: written (``web.archive.org:443``). archive.today's short form (``archive.ph/AbCdE``) carries no address,
#: and is not read.
_ARCHIVE_PREFIX = re.compile(
    r"(?i)(?:https?:)?(?://?)?(?:(?:web\.|wayback\.|www\.)?archive\.org(?::443|:80)?/web/(?:\d{1,14}(?:[a-z]{2}_)?/+)?"
    r"|(?:www\.)?archive\.(?:today|ph|is|li|vn|fo|md)(?::443|:80)?/"
    r"(?:\d{4}\.\d\d\.\d\d-\d{6}/+|\d{14}/+|newest/+|oldest/+)?)"
)
#: The hosts of the web archives whose addresses :func:`unarchived` reads (``www.`` aside, as :func:`host_of`).
ARCHIVE_HOSTS = frozenset(
    {"web.archive.org", "wayback.archive.org", "archive.org"}
    | {f"archive.{tld}" for tld in ("today", "ph", "is", "li", "vn", "fo", "md")}
)
#: The page's address inside an archive's percent-encoded as a whole (``https%3A%2F%2F...``,
#: ``https:%2F%2F...``), or twice over (``https%253A%252F%252F...``).
_ENCODED_SCHEME = re.compile(r"(?i)https?(?:%3a|:%2f|%253a)")
#: The scheme of the page's address inside an archive's, its two slashes as written: one or three where a
#: server or a paste made them so (``https:/www...``), as a browser reads them.
_INNER_SCHEME = re.compile(r"(?i)https?:/{1,3}(?!/)")
#: How many archives' copies of one another's :func:`unarchived` reads through, and how many times it decodes a
#: percent-encoded address inside: more is no address a person wrote, and is read as it is.
_MAX_ARCHIVED = 16
_MAX_DECODED = 3
_SPACE = re.compile(r"\s")


@lru_cache(maxsize=1024)
def unarchived(url: str) -> str | None:
    """The page's own address when ``url`` is a web archive's address of its copy (see :data:`_ARCHIVE_PREFIX`):
    ``https://web.archive.org/web/20190304123456/https://www.propublica.org/article/x`` is
    ``https://www.propublica.org/article/x``; None when it is no such address, or carries no page's address
    with a host off the archives' own (``archive.ph/AbCdE``), or one this does not read. Read through an
    archive's copy of another's, to the last (at most :data:`_MAX_ARCHIVED` deep): the live page or None,
    never an archive's address half read. A capture's ``http://`` is the crawl's, not the page's: read as
    ``https://``. The one place an original's archived address is read as the original's, for choosing its
    policy and checking the link to it. Linear in the address's length."""
    text = url.strip()
    at = 0
    levels = decoded = 0
    while True:
        if _ENCODED_SCHEME.match(text, at):
            if decoded == _MAX_DECODED:
                return None
            text, at, decoded = unquote(text[at:]), 0, decoded + 1  # the whole address percent-encoded
            continue
        match = _ARCHIVE_PREFIX.match(text, at)
        if match is None:
            break
        if levels == _MAX_ARCHIVED:
            return None
        at, levels = match.end(), levels + 1
    if not levels:
        return None
    inner = text[at:]
    if not inner or _SPACE.search(inner):
        return None
    scheme = _INNER_SCHEME.match(inner)
    if scheme is not None:
        inner = inner[scheme.end() :]
    elif not _SCHEMELESS.match(inner):
        return None  # archive.ph/AbCdE: a short name, no address; another scheme (ftp:, javascript:)
    found = "https://" + inner
    host = host_of(found)
    return None if host is None or host in ARCHIVE_HOSTS else found


#: How many redirects nested in one another :func:`through_redirects` reads through (Outlook's Safe Links
#: around Google's ``/url?q=``, a newsletter's click tracking around either), and how many of the addresses
#: each level carries it reads on into: a few, each costing the address's length.
_MAX_WRAPS = 4
_WRAPS_READ = 2


def through_redirects(url: str, wanted: Callable[[str], bool]) -> tuple[str, tuple[str, ...]] | None:
    """The address carried inside ``url`` that ``wanted`` takes, and the hosts the link goes through to reach
    it (outermost first, ``www.`` aside), when ``url`` is a redirect's carrying it: Google's
    ``https://www.google.com/url?q=...&sa=D`` (a link pasted from Google Docs), Outlook's Safe Links
    ``https://nam12.safelinks.protection.outlook.com/?url=<percent-encoded>&data=...``, a social network's
    ``l.php?u=...``, or such redirects nested in one another, read through to the last. None when it carries
    none ``wanted`` takes; ``url`` itself is not asked. The outermost is read as :func:`embedded_addresses`
    reads an address, the ones inside it by their query's web addresses alone, at most :data:`_MAX_WRAPS`
    deep and :data:`_WRAPS_READ` at each level: linear in the address's length."""
    level: list[tuple[str, tuple[str, ...]]] = [(url, ())]
    for depth in range(_MAX_WRAPS):
        inner_level: list[tuple[str, tuple[str, ...]]] = []
        for address, hosts in level:
            via = (*hosts, host_of(address) or "another site")
            inner = embedded_addresses(address) if depth == 0 else _query_addresses(address)
            # The shortest it takes: the redirect's parameter alone, not the rest of the URL run on after it.
            taken = min((found for found in inner if wanted(found)), key=len, default=None)
            if taken is not None:
                return taken, via
            inner_level += [(found, via) for found in inner if "?" in found]  # a redirect's target is in its query
        # The shortest first: a redirect's own parameter, not the rest of its URL with the outer one's after it.
        level = sorted(inner_level, key=lambda pair: len(pair[0]))[:_WRAPS_READ]
        if not level:
            break
    return None


def _query_addresses(url: str) -> list[str]:
    """The web addresses ``url``'s query gives as values (``q=https://...``, ``url=https%3A%2F%2F...``), each
    decoded once; only those values are decoded, however many parameters the query has."""
    found = []
    for piece in url.partition("?")[2].partition("#")[0].split("&"):
        value = piece.partition("=")[2]
        if value[:8].lower().startswith(("https:", "http:", "https%3a", "http%3a")):
            found.append(unquote(value))
            if len(found) >= _MAX_EMBEDDED:
                break
    return found


#: The hosts that link another address wrapped in theirs (Google's redirect, which a paste from Google Docs
#: links through; Outlook's Safe Links), and the query parameter that holds it.
_CARRIERS = {"www.google.com": "q", "google.com": "q", "safelinks.protection.outlook.com": "url"}


def redirect_target(address: str) -> str:
    """The address a redirect's link leads to (a Google Docs paste's ``https://www.google.com/url?q=...``, an
    Outlook Safe Links address around it), else ``address``: the redirect's own parameter, read as the
    redirect reads it (where :func:`through_redirects` asks of every address a link carries whether it is
    the one looked for)."""
    from urllib.parse import parse_qs

    for _ in range(3):  # Safe Links around Google's redirect
        host = host_of(address) or ""
        key = _CARRIERS.get(host) or _CARRIERS.get(host.partition(".")[2])
        parts = urlsplit(address)
        if key is None or (key == "q" and parts.path != "/url"):
            break
        inner = parse_qs(parts.query).get(key) or parse_qs(parts.query).get("url") or [""]
        if not inner[0].startswith(("https://", "http://")):
            break
        address = inner[0]
    return address


def redirects_told(hosts: tuple[str, ...]) -> str:
    """The hosts a link goes through (:func:`through_redirects`), as a finding tells them: "google.com",
    "nam12.safelinks.protection.outlook.com, then google.com"."""
    return ", then ".join(hosts)


#: A URL's scheme, where a URL starts with one (``https:``, ``mailto:``): no base changes such an address.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def base_address(href: str | None) -> str | None:
    """The address a page's ``<base href>`` makes its relative links relative to, or None: only an absolute web
    address is taken (a relative one is relative to the page's own address, which a reprint's file does not
    give; a browser falls back to that address for ``data:`` and ``javascript:`` ones)."""
    href = (href or "").strip()
    if not href.lower().startswith(("https://", "http://")):
        return None
    try:
        return href if urlsplit(href).hostname else None
    except ValueError:  # "https://[x": no address a browser would take
        return None


def against_base(base: str, href: str) -> str:
    """``href`` (stripped) as a browser follows it on a page whose ``<base href>`` is ``base`` (see
    :func:`base_address`): a relative address joined to the base as a browser joins it (``news/story-1`` from
    ``https://publisher.example/`` is ``https://publisher.example/news/story-1``, ``#top`` the base's own
    ``#top``), an absolute one (with a scheme) as it is."""
    if not href or _SCHEME.match(href):
        return href
    try:
        return urljoin(base, href)
    except ValueError:  # a bracket left open in a host ("//[x"): no address, left as written
        return href
