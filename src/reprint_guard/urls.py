"""URL comparison: the same article however it is spelled, never two articles confused.

Scheme (http/https), a leading ``www.``, letter case of the host, default
ports, a trailing slash, the fragment and tracking parameters are ignored; the
path and every other query parameter must match.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

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
    }
)


@lru_cache(maxsize=8192)
def host_of(url: str) -> str | None:
    """The host without ``www.`` and port, lower-cased; None when there is none."""
    try:
        host = urlsplit(_with_scheme(url.strip())).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _with_scheme(url: str) -> str:
    if url.startswith("//"):
        return "https:" + url
    if "://" not in url and url.lower().startswith("www."):
        return "https://" + url
    return url


@lru_cache(maxsize=8192)
def normalize_url(url: str) -> str | None:
    """A comparison key for ``url``; None for relative, mailto: and other non-web links."""
    try:
        parts = urlsplit(_with_scheme(url.strip()))
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname
    if host.startswith("www."):
        host = host[4:]
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~%")
    path = path.rstrip("/")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_KEYS
    ]
    query_text = "?" + urlencode(sorted(query)) if query else ""
    return f"{host}{path}{query_text}"


def host_matches(host: str, domain: str) -> bool:
    """``host`` is ``domain`` or one of its subdomains."""
    domain = domain.lower().removeprefix("www.")
    return host == domain or host.endswith("." + domain)
