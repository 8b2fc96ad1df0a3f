"""Which site a host belongs to is told by the Public Suffix List (the ``publicsuffixlist`` package, its
private section included): under a licence's own policy a commercial grant counts from the original's site,
its registrable domain, and a public suffix (``nhs.uk``, ``gouv.fr``, ``ca.us``, ``pvt.k12.ma.us``,
``github.io``, ``s3.amazonaws.com``) is no one site: another body under it is not the original's publisher.
Real CLI runs on real files, as tests/test_rights_holder.py does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli, write
from test_rights_holder import NC_STORY

RULE = "cc-by-nc-sa-4.0/noncommercial"
ROOT = Path(__file__).resolve().parents[1]


def _findings(tmp_path: Path, url: str, grantor: str) -> list[dict]:
    path = write(tmp_path / "story.md", NC_STORY.format(grantor=f'"{grantor}"', url=url))
    run = run_cli("check", "--no-config", str(path), "--format", "json")
    assert run.code in (0, 1), run.err
    assert "Traceback" not in run.err
    return [f for f in run.json()["results"][0]["findings"] if f["rule"] == RULE]


@pytest.mark.parametrize(
    ("url", "grantor"),
    [
        # another body under the same public suffix (ICANN section)
        ("https://www.leedsth.nhs.uk/news/beekeepers", "press@othertrust.nhs.uk"),
        ("https://www.leedsth.nhs.uk/news/beekeepers", "press@nhs.uk"),  # the suffix itself
        ("https://www.lyon.gouv.fr/actualites/apiculteurs", "presse@paris.gouv.fr"),
        ("https://www.riverbend.ca.us/news/beekeepers", "clerk@lakeside.ca.us"),
        ("https://lanternbay.pvt.k12.ma.us/news/beekeepers", "office@otherschool.pvt.k12.ma.us"),
        ("https://www.tribune.com.pk/story/beekeepers", "desk@dawn.com.pk"),
        # the private section: hosts of other people's sites
        ("https://lanternbay.github.io/beekeepers/", "editor@otherblog.github.io"),
        ("https://lanternbay.github.io/beekeepers/", "stranger@github.io"),
        ("https://lanternbay.blogspot.com/2025/05/beekeepers.html", "editor@otherblog.blogspot.com"),
        ("https://lanternbay.s3.amazonaws.com/beekeepers.html", "ops@otherbucket.s3.amazonaws.com"),
        ("https://lanternbay.netlify.app/beekeepers/", "editor@other.netlify.app"),
        # each entry the list's private section made redundant in SHARED_DOMAINS, as it stood there
        *(
            (f"https://lanternbay.{host}/beekeepers/", grantor)
            for host in ("gitlab.io", "wixsite.com", "vercel.app", "pages.dev", "netlify.app", "blogspot.com")
            for grantor in (f"stranger@{host}", f"editor@otherblog.{host}")
        ),
        ("https://lanternbay.github.io/beekeepers/", "GitHub Pages"),  # no address: the host's name
        # international names, in punycode or as written, under a suffix of their own (公司.cn)
        ("https://lantern.公司.cn/beekeepers", "press@other.xn--55qx5d.cn"),
        ("https://lantern.xn--55qx5d.cn/beekeepers", "press@other.公司.cn"),
    ],
)
def test_another_site_under_the_same_public_suffix_is_not_the_originals_publisher(tmp_path, url, grantor):
    found = _findings(tmp_path, url, grantor)
    assert len(found) == 1, (url, grantor)
    assert f"recorded from '{grantor}', who does not hold this story's rights" in found[0]["message"]


@pytest.mark.parametrize(
    ("url", "grantor"),
    [
        ("https://news.bbc.co.uk/beekeepers", "rights@bbc.co.uk"),
        ("https://www.bbc.co.uk/news/beekeepers", "desk@news.bbc.co.uk"),
        ("https://www.leedsth.nhs.uk/news/beekeepers", "press@leedsth.nhs.uk"),
        ("https://www.lyon.gouv.fr/actualites/apiculteurs", "presse@mairie.lyon.gouv.fr"),
        ("https://lanternbay.pvt.k12.ma.us/news/beekeepers", "office@lanternbay.pvt.k12.ma.us"),
        ("https://lanternbay.github.io/beekeepers/", "editor@lanternbay.github.io"),
        ("https://blog.lanternbay.github.io/beekeepers/", "editor@lanternbay.github.io"),  # one site
        ("https://www.tribune.com.pk/story/beekeepers", "desk@tribune.com.pk"),
        ("https://lantern.公司.cn/beekeepers", "press@news.lantern.xn--55qx5d.cn"),
        ("https://bücher-post.example/beekeepers", "rights@news.xn--bcher-post-9db.example"),
        ("https://xn--bcher-post-9db.example/beekeepers", "rights@bücher-post.example"),
        ("https://example.co.uk./beekeepers", "rights@news.example.co.uk."),  # trailing dots
        ("http://localhost:8080/beekeepers", "desk@localhost"),
        ("http://127.0.0.1:8080/beekeepers", "desk@127.0.0.1"),
    ],
)
def test_an_address_on_the_originals_site_counts(tmp_path, url, grantor):
    assert _findings(tmp_path, url, grantor) == [], (url, grantor)


@pytest.mark.parametrize(
    ("url", "grantor"),
    [
        ("http://localhost:8080/beekeepers", "desk@otherhost"),
        ("http://127.0.0.1:8080/beekeepers", "desk@127.0.0.2"),
        ("http://[::1]:8080/beekeepers", "desk@lantern-bay-post.example"),
        ("http://192.0.2.7/beekeepers", "desk@2.7"),  # an IP address's last labels are no domain
    ],
)
def test_an_ip_address_or_localhost_is_a_site_of_its_own(tmp_path, url, grantor):
    found = _findings(tmp_path, url, grantor)
    assert len(found) == 1, (url, grantor)


def test_a_story_at_a_public_suffixs_own_host_takes_no_address_there(tmp_path):
    """``nhs.uk`` is a public suffix: an address below it is another body's (as one at medium.com is no
    medium.com/@someone story's), so the licensor is known by the author's name."""
    found = _findings(tmp_path, "https://nhs.uk/news/beekeepers", "press@leedsth.nhs.uk")
    assert len(found) == 1
    message = found[0]["message"]
    assert "only the story's licensor may grant it: its author or rights holder (Marisol Quenby)" in message
    assert "an address at" not in message
    assert _findings(tmp_path, "https://nhs.uk/news/beekeepers", "Marisol Quenby <mq@nhs.net>") == []


def test_www_is_a_label_of_the_site_where_the_list_says_so(tmp_path):
    """The list is read on the host as written: under the suffix ``nhs.uk`` (and ``ck``, whose exception
    ``!www.ck`` makes ``www.ck`` registrable), ``www`` is the site's own label, not a prefix to drop; another
    body under the suffix is still another's."""
    found = _findings(tmp_path, "https://www.nhs.uk/news/beekeepers", "press@leedsth.nhs.uk")
    assert len(found) == 1
    assert "the original's publisher (an address at www.nhs.uk)" in found[0]["message"]
    found = _findings(tmp_path, "https://www.ck/news/beekeepers", "press@other.ck")
    assert len(found) == 1
    assert "the original's publisher (an address at www.ck)" in found[0]["message"]
    assert _findings(tmp_path, "https://www.ck/news/beekeepers", "press@news.www.ck") == []
    assert _findings(tmp_path, "https://news.www.ck/beekeepers", "press@www.ck") == []


def test_the_finding_names_the_originals_registrable_domain(tmp_path):
    found = _findings(tmp_path, "https://blog.lanternbay.github.io/beekeepers/", "editor@otherblog.github.io")
    assert "the original's publisher (an address at lanternbay.github.io)" in found[0]["message"]


def _imports(path: Path) -> str:
    """What ``python -X importtime`` says the CLI imported checking ``path``."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reprint_guard", "check", "--no-config", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return proc.stderr


def test_the_list_is_read_only_by_a_check_that_compares_sites(tmp_path):
    """The list costs about 30 ms of CPU to read: a file whose checks compare no sites does not import it."""
    assert "publicsuffixlist" not in _imports(ROOT / "examples" / "own-article.md")
    story = write(tmp_path / "story.md", NC_STORY.format(grantor="press@othertrust.nhs.uk", url=NC_URL_NHS))
    assert "publicsuffixlist" in _imports(story)


NC_URL_NHS = "https://www.leedsth.nhs.uk/news/beekeepers"


@pytest.mark.parametrize(
    ("link", "canonical", "elsewhere"),
    [
        ("https://lanternbay.github.io/x/", "https://otherblog.github.io/water-bills/", True),
        ("https://lanternbay.wordpress.com/x/", "https://otherblog.wordpress.com/water-bills/", True),
        ("https://www.leedsth.nhs.uk/x/", "https://www.othertrust.nhs.uk/water-bills/", True),
        ("https://lanternbay.github.io/x/", "https://github.io/water-bills/", True),
        # side by side under one registrable domain: two sites, as before the list (two blogs of a host the
        # list does not name are so too)
        ("https://blog.ourtown.co.uk/x/", "https://shop.ourtown.co.uk/x/", True),
        *(
            (f"https://lanternbay.{host}/x/", f"https://otherpaper.{host}/bees/", True)
            for host in ("wpcomstaging.com", "wpengine.com", "kinsta.cloud", "pressable.com", "mystagingwebsite.com")
        ),
        ("https://lanternbay.wpcomstaging.com/x/", "https://lanternbay.wpcomstaging.com/bees/", False),
        ("https://www.ck/x/", "https://news.www.ck/y/", False),  # www.ck is a registrable domain (!www.ck)
        ("https://www.ck/x/", "https://ck/y/", True),  # ck is a public suffix
        ("https://www.ourtown.co.uk/x/", "https://ourtown.co.uk/y/", False),
        # IDNA 2008: straße.de is xn--strae-oqa.de, another domain than strasse.de
        ("https://straße.de/x/", "https://strasse.de/y/", True),
        ("https://straße.de/x/", "https://news.xn--strae-oqa.de/y/", False),
        ("https://blog.ourtown.co.uk/x/", "https://ourtown.co.uk./x/", False),
        ("https://news.lanternbay.github.io/x/", "https://lanternbay.github.io/x/", False),
        ("https://bücher-post.example/x/", "https://news.xn--bcher-post-9db.example/x/", False),
        ("http://127.0.0.1:8080/x/", "http://127.0.0.1/x/", False),
        ("http://localhost/x/", "http://127.0.0.1/x/", True),
    ],
)
def test_a_wordpress_posts_canonical_on_another_site_is_told_by_the_public_suffix_list(
    tmp_path, link, canonical, elsewhere
):
    """A REST API post whose SEO canonical is on another site is a republished one (told to name it as
    original_url); one on its own site, by registrable domain, is the site's own."""
    import json

    post = {
        "id": 7,
        "link": link,
        "content": {"rendered": "<p>Story. Originally published elsewhere.</p>"},
        "yoast_head_json": {"canonical": canonical},
    }
    write(tmp_path / "post-7.json", json.dumps(post, indent=1))
    run = run_cli("check", "--no-config", "post-7.json", "--format", "json", cwd=tmp_path)
    assert run.code == 2, run.err
    assert "Traceback" not in run.err
    error = run.json()["results"][0]["error"]
    assert (f"with its canonical address {canonical} as original_url" in error) is elsewhere, (link, error)
    assert ("read as the site's own" in error) is not elsewhere, (link, error)


@pytest.mark.parametrize(
    ("url", "grantor", "counts"),
    [
        # IDNA 2008 (UTS 46, nontransitional), as browsers: ß, ς and a joiner are not folded away
        ("https://straße.de/news/bienen", "press@strasse.de", False),
        ("https://strasse.de/news/bienen", "press@straße.de", False),
        ("https://straße.de/news/bienen", "press@xn--strae-oqa.de", True),
        ("https://xn--strae-oqa.de/news/bienen", "press@news.straße.de", True),
        ("https://Straße.de/news/bienen", "press@STRASSE.de", False),
        ("https://θεός.example/news", "press@θεόσ.example", False),
        ("https://θεός.example/news", "press@xn--qxam7ec.example", False),
        ("https://θεός.example/news", "press@θεός.example", True),
        # a joiner after a virama is part of the name; between ASCII letters it is a paste, read away (and
        # warned of at original_url, reprint-guard/invisible-character)
        ("https://\u0915\u094d\u200d\u0937.example/news", "press@\u0915\u094d\u0937.example", False),
        ("https://a\u200db.example/news", "press@ab.example", True),
    ],
)
def test_an_international_host_is_read_as_idna_2008(tmp_path, url, grantor, counts):
    assert (_findings(tmp_path, url, grantor) == []) is counts, (url, grantor)


def test_a_finding_names_an_international_site_as_the_original_writes_it(tmp_path):
    found = _findings(tmp_path, "https://straße.de/news/bienen", "press@strasse.de")
    assert "the original's publisher (an address at straße.de)" in found[0]["message"]
    found = _findings(tmp_path, "https://news.bücher-post.example/bees", "press@other.example")
    assert "the original's publisher (an address at bücher-post.example)" in found[0]["message"]
    assert "xn--" not in found[0]["message"] + found[0]["fix"]
    found = _findings(tmp_path, "https://xn--strae-oqa.de/news/bienen", "press@strasse.de")
    assert "the original's publisher (an address at xn--strae-oqa.de)" in found[0]["message"]


@pytest.mark.parametrize("grantor", ["Bücher Post", "Bücher-Post Newsroom", "bücher-post.example"])
def test_a_record_naming_an_international_site_counts(tmp_path, grantor):
    """A record with no address that names the original's site counts, its name compared as written."""
    assert _findings(tmp_path, "https://bücher-post.example/news/bees", grantor) == []
    assert _findings(tmp_path, "https://www.bücher-post.example/news/bees", grantor) == []


@pytest.mark.parametrize(
    ("url", "grantor"),
    [
        # WordPress hosts' and Blogger's old country hosts, which the list does not name: everyone's
        *(
            (f"https://lanternbay.{host}/beekeepers/", grantor)
            for host in (
                "wpcomstaging.com",
                "wpengine.com",
                "kinsta.cloud",
                "pressable.com",
                "mystagingwebsite.com",
                "blogspot.co.uk",
                "blogspot.com.au",
                "blogspot.de",
                "blogspot.fr",
            )
            for grantor in (f"stranger@{host}", f"press@otherpaper.{host}")
        ),
    ],
)
def test_a_blog_hosts_other_blog_is_not_the_originals_publisher(tmp_path, url, grantor):
    assert len(_findings(tmp_path, url, grantor)) == 1, (url, grantor)
    own = "press@" + url.split("/")[2]
    assert _findings(tmp_path, url, own) == [], (url, own)


@pytest.mark.parametrize(
    ("url", "grantor", "counts"),
    [
        # A trailing ideographic, full-width or half-width full stop is a trailing dot (UTS 46 maps each to
        # "."): the host is news.yahoo.com on a shared domain, not a host with an empty last label.
        *(
            (f"https://news.yahoo.com{dot}/a", grantor, counts)
            for dot in ("\u3002", "\uff0e", "\uff61")
            for grantor, counts in (("randomguy@yahoo.com", False), ("press@news.yahoo.com", True))
        ),
        ("https://alice.blogspot.de\uff0e/a", "press@bob.blogspot.de", False),
        ("https://alice.blogspot.de\uff0e/a", "press@alice.blogspot.de", True),
        ("https://lanternbay.example\u3002/a", "press@lanternbay.example\u3002", True),
        ("https://lanternbay.example\u3002/a", "press@lanternbay.example", True),
        ("https://lanternbay.example/a", "press@news\uff0elanternbay\uff61example", True),
        ("https://lanternbay.example\u3002/a", "press@other.example", False),
        # UTS 46 maps a capital sigma to σ wherever it stands; str.lower() makes a word's last one the final ς,
        # another letter (οδος-τεστ.gr is xn----zmbe1bbycgc.gr, ΟΔΟΣ-ΤΕΣΤ.gr xn----4lbe1bbycgc.gr)
        ("https://\u039f\u0394\u039f\u03a3-\u03a4\u0395\u03a3\u03a4.gr/a", "press@οδος-τεστ.gr", False),
        ("https://\u039f\u0394\u039f\u03a3-\u03a4\u0395\u03a3\u03a4.gr/a", "press@οδοσ-τεστ.gr", True),
        ("https://\u039f\u0394\u039f\u03a3-\u03a4\u0395\u03a3\u03a4.gr/a", "press@xn----4lbe1bbycgc.gr", True),
        ("https://οδος-τεστ.gr/a", "press@\u039f\u0394\u039f\u03a3-\u03a4\u0395\u03a3\u03a4.gr", False),
        ("https://οδοσ-τεστ.gr/a", "press@\u039f\u0394\u039f\u03a3-\u03a4\u0395\u03a3\u03a4.gr", True),
        ("https://οδος-τεστ.gr/a", "press@οδος-τεστ.gr", True),
    ],
)
def test_a_host_is_read_as_uts_46_maps_its_dots_and_case(tmp_path, url, grantor, counts):
    assert (_findings(tmp_path, url, grantor) == []) is counts, (url, grantor)


def test_a_host_with_ideographic_dots_is_named_as_written(tmp_path):
    """A host written with ``。``, ``．`` or ``｡`` between or after its labels is named with ASCII dots and its
    letters as written: no stray trailing dot, no punycode."""
    found = _findings(tmp_path, "https://lanternbay.example\u3002/a", "press@other.example")
    assert "the original's publisher (an address at lanternbay.example)" in found[0]["message"]
    assert "lanternbay.example." not in found[0]["message"] + found[0]["fix"]
    found = _findings(tmp_path, "https://news\uff0ebücher-post\uff0eexample/a", "press@other.example")
    assert "the original's publisher (an address at bücher-post.example)" in found[0]["message"]
    assert "xn--" not in found[0]["message"] + found[0]["fix"]
    found = _findings(tmp_path, "https://\u039f\u0394\u039f\u03a3-\u03a4\u0395\u03a3\u03a4.gr/a", "press@other.example")
    assert "the original's publisher (an address at οδοσ-τεστ.gr)" in found[0]["message"]


@pytest.mark.parametrize(
    "url", ["https://news\uff0ebücher-post\uff0eexample/a", "https://news\u3002bücher-post\uff61example\u3002/a"]
)
def test_a_record_naming_a_site_written_with_ideographic_dots_counts(tmp_path, url):
    assert _findings(tmp_path, url, "Bücher Post") == []


@pytest.mark.parametrize(
    ("link", "canonical", "elsewhere"),
    [
        ("https://example.org/x/", "https://example.org\u3002/y/", False),
        ("https://example.org\uff0e/x/", "https://news.example.org/y/", False),
        ("https://\u039f\u0394\u039f\u03a3-\u03a4\u0395\u03a3\u03a4.gr/x/", "https://οδος-τεστ.gr/y/", True),
        ("https://\u039f\u0394\u039f\u03a3-\u03a4\u0395\u03a3\u03a4.gr/x/", "https://οδοσ-τεστ.gr/y/", False),
    ],
)
def test_a_wordpress_canonical_is_read_as_uts_46_maps_its_host(tmp_path, link, canonical, elsewhere):
    test_a_wordpress_posts_canonical_on_another_site_is_told_by_the_public_suffix_list(
        tmp_path, link, canonical, elsewhere
    )


@pytest.mark.parametrize(
    ("url", "grantor"),
    [
        # A record with no address that names a blog on a hosting platform (a suffix of the list's private
        # section) is anyone's word: anyone can name a blog there, as on a shared domain (alice.substack.com).
        ("https://alice.blogspot.com/a", "Alice Wong"),
        ("https://thedaily.netlify.app/a", "The Daily Mail"),
        ("https://marisol.github.io/a", "Marisol"),
        ("https://lanternbay.github.io/beekeepers/", "Lanternbay Pages"),
        ("https://news.lanternbay.github.io/beekeepers/", "Lanternbay Pages"),
        *(
            (f"https://lanternbay.{host}/beekeepers/", "Lanternbay Post")
            for host in ("gitlab.io", "wixsite.com", "vercel.app", "pages.dev", "s3.amazonaws.com")
        ),
        # as under the shared domains and Blogger's country hosts, as before
        ("https://alice.blogspot.de/a", "Alice Wong"),
        ("https://alice.substack.com/a", "Alice Wong"),
    ],
)
def test_a_record_naming_a_hosted_blog_is_not_its_owners(tmp_path, url, grantor):
    found = _findings(tmp_path, url, grantor)
    assert len(found) == 1, (url, grantor)
    assert f"recorded from '{grantor}', who does not hold this story's rights" in found[0]["message"]
    # its owner's address there, or the author's name, still counts
    assert _findings(tmp_path, url, "press@" + url.split("/")[2]) == [], url
    assert _findings(tmp_path, url, "Marisol Quenby") == [], url


@pytest.mark.parametrize(
    ("url", "grantor"),
    [
        ("https://www.lanternbay.example/a", "Lanternbay Post"),
        ("https://news.riverbend.co.uk/a", "Riverbend Newsroom"),
        ("https://www.leedsth.nhs.uk/a", "Leedsth Press Office"),  # under an ICANN suffix: a site of its own
    ],
)
def test_a_record_naming_a_registered_site_still_counts(tmp_path, url, grantor):
    assert _findings(tmp_path, url, grantor) == [], (url, grantor)


@pytest.mark.parametrize("only_icann", [False, True])
def test_the_list_read_without_punycode_forms_answers_as_the_whole_list_for_a_host_without_one(only_icann):
    """``urls._suffix_list`` looks a host with no ``xn--`` label up in the list read without the punycode forms
    the package adds (two thirds of reading it): every form it leaves out has such a label, and every rule's
    sites, spelt as written or in punycode, get the whole list's answers."""
    from publicsuffixlist import PublicSuffixList

    from reprint_guard.urls import _suffix_list

    whole = PublicSuffixList(only_icann=only_icann)
    lean = PublicSuffixList(accept_encoded_idn=False, only_icann=only_icann)
    left_out = whole._publicsuffix - lean._publicsuffix
    assert len(left_out) > 300
    assert all(any(label.startswith(("xn--", "!xn--")) for label in rule.split(".")) for rule in left_out)
    hosts = []
    for rule in sorted(whole._publicsuffix):
        bare = rule.lstrip("!").removeprefix("*.")
        hosts += [bare, f"site.{bare}", f"www.site.{bare}", f"Site.Example.{bare.upper()}"]
    for host in hosts:
        table = _suffix_list(host, only_icann=only_icann)
        assert (table._publicsuffix == whole._publicsuffix) is ("xn--" in host.lower()), host
        assert table.privatesuffix(host) == whole.privatesuffix(host), host
        assert table.publicsuffix(host) == whole.publicsuffix(host), host
