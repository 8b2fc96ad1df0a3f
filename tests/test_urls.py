"""URL keys: the regex fast path against urlsplit."""

from __future__ import annotations

import random

import pytest

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


def test_a_query_of_tracking_parameters_is_dropped_as_parsing_it_would_drop_it() -> None:
    import random
    from urllib.parse import parse_qsl, urlencode

    from reprint_guard.urls import _TRACKING_KEYS, _TRACKING_PREFIXES, _key

    rng = random.Random(29)
    keys = ["utm_source", "UTM_Medium", "fbclid", "id", "", "utm%5Fx", "a+b", "pk_campaign", "page"]
    for _ in range(5000):
        query = "&".join(
            rng.choice(keys) + rng.choice(["", "=", "=1", "=x/y", "==", "=%20"]) for _ in range(rng.randint(0, 4))
        )
        kept = [
            (k, v)
            for k, v in parse_qsl(query, keep_blank_values=True)
            if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_KEYS
        ]
        expected = "example.org/a" + ("?" + urlencode(sorted(kept)) if kept else "")
        assert _key("example.org", "/a", query) == expected, query


def test_newsletter_tracking_parameters_are_not_part_of_the_address() -> None:
    """A newsletter's link to the original (HubSpot's _hsenc/_hsmi, Marketo's mkt_tok, Ghost's ref, beehiiv's
    _bhlid, Kit's ck_subscriber_id, Klaviyo's _kx) is still the original."""
    plain = normalize_url("https://kffhealthnews.org/news/article/rural-clinics/")
    for query in (
        "?_hsmi=298451003&_hsenc=p2ANqtz-8xYk",
        "?mkt_tok=NzQ1LUtYWi0&utm_source=x",
        "?__hstc=1.2&__hssc=3",
        "?ref=riverbend-weekly",
        "?_bhlid=4f2a9c",
        "?ck_subscriber_id=2286413",
        "?_kx=abc.def",
    ):
        assert normalize_url("https://kffhealthnews.org/news/article/rural-clinics/" + query) == plain
    assert normalize_url("https://kffhealthnews.org/news/article/rural-clinics/?id=4") != plain


def test_the_articles_amp_view_is_the_article() -> None:
    plain = normalize_url("https://www.propublica.org/article/county-water-meters")
    for amp in ("/amp", "/amp/", "?amp", "?amp=1", "/amp?utm_source=x"):
        assert normalize_url("https://www.propublica.org/article/county-water-meters" + amp) == plain, amp
    assert normalize_url("https://example.org/amp") == normalize_url("https://example.org/")
    assert normalize_url("https://example.org/camp") != normalize_url("https://example.org/c")
    assert normalize_url("https://example.org/a/amp/b") != normalize_url("https://example.org/a/b")
    assert normalize_url("https://example.org/a?amp=2") != normalize_url("https://example.org/a")  # not the view


def test_an_address_copied_with_its_html_escape_is_the_address(tmp_path) -> None:
    """``original_url: ...?utm_source=republish&amp;utm_medium=web`` (copied from a republish box's HTML) is the
    article the body links: link-original failed, and its fix (and --fix) wrote the escaped address."""
    from reprint_guard import check

    url = "https://riverwatch.example/en/food/mekong-farmers-saltier-delta/"  # a site no policy covers
    meta = {
        "author": "Ana Ruiz",
        "original_url": url + "?utm_source=republish&amp;utm_medium=web",
        "policy": "cc-by-4.0",
    }
    linked = (
        f"By Ana Ruiz. [Originally published]({url}) under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/).\n"
    )
    assert check(linked, meta).findings == []
    for escaped in ("?id=5&amp;lang=es", "?id=5&amp;amp;lang=es", "?id=5&#38;lang=es"):
        unlinked = linked.replace(f"[Originally published]({url})", "Originally published")
        (finding,) = check(unlinked, {**meta, "original_url": url + escaped}).findings
        assert f"({url}?id=5&lang=es)" in finding.fix and "&amp;" not in finding.fix, finding.fix
        page = tmp_path / "r.md"
        page.write_text(
            f'---\noriginal_url: "{url}{escaped}"\nauthor: Ana Ruiz\npolicy: cc-by-4.0\n---\n{unlinked}', "utf-8"
        )
        from conftest import run_cli

        assert run_cli("check", "--fix", str(page)).code == 0
        inserted = page.read_text("utf-8").split("---", 2)[2]
        # The & of a link's address is written as it is, as an editor reads it (&amp; is an entity Markdown
        # decodes, but looks like corruption), never escaped twice.
        assert f"]({url}?id=5&lang=es)" in inserted and "&amp;" not in inserted, inserted
        assert run_cli("check", str(page)).code == 0


@pytest.mark.parametrize(
    ("written", "spdx"),
    [
        ("HTTPS://CREATIVECOMMONS.ORG/LICENSES/BY-ND/4.0/", "CC-BY-ND-4.0"),
        ("https://CreativeCommons.org/Licenses/BY-ND/4.0/deed.ES", "CC-BY-ND-4.0"),
        ("https://creativecommons.org/licenses/by-nc-nd/3.0/us/", "CC-BY-NC-ND-3.0-US"),
        ("https://example.org/licenses/by/4.0/", None),
    ],
)
def test_a_licence_address_in_capitals_is_the_licence(written, spdx):
    """A form that upper-cases what it stores: the deed's address in capitals chose no policy."""
    from reprint_guard.licenses import normalize_license

    assert normalize_license(written) == spdx
