"""URL keys: the regex fast path against urlsplit."""

from __future__ import annotations

import random

from reprint_guard.urls import _simple_parts, _split_parts, normalize_url


def test_fast_url_split_agrees_with_urlsplit() -> None:
    """The regex fast path must give exactly what urlsplit gives, or step aside."""
    rng = random.Random(7)
    pieces = [
        "https://",
        "http://",
        "HTTP://",
        "https://www.",
        "https://user@",
        "https://[::1]",
        ":8080",
        ":443",
        "/",
        "example.org",
        "Example.ORG",
        "globalresearch.ca",
        "a-b.c",
        "/path",
        "/a%20b",
        "/é",
        "/a b",
        "?x=1",
        "?utm_source=n&b=2",
        "#frag",
        "#",
        "?",
        "\t",
        "//",
        "/a;p",
        "/~u/(x)",
        "?q=a#b?c",
        ".",
    ]
    agreed = 0
    for _ in range(20000):
        url = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        fast = _simple_parts(url)
        if fast is None:
            continue
        assert fast == _split_parts(url), url
        agreed += 1
    assert agreed > 300


def test_fast_path_keys() -> None:
    assert normalize_url("https://www.Example.org/a/?utm_source=x#top") == "example.org/a"
    assert normalize_url("http://example.org/a?b=2&a=1") == "example.org/a?a=1&b=2"
    assert normalize_url("https://example.org:8443/a") == "example.org:8443/a"
    assert normalize_url("https://example.org/a/5763259") != normalize_url("https://example.org/a/5763258")
