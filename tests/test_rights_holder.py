"""A commercial grant under a NonCommercial licence, or a publisher's "no sale" term, counts only from the story's
rights holder: the publisher (an address on the hosts its policy covers), or, under a licence's own policy, the
licensor (an address on the original's site, or a record in the author's name). From anyone else (the
republisher's own editor, a webmail address) the check reports the record and says who may grant it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CliRun, run_cli, write

NC_URL = "https://lantern-bay-post.example/2025/05/beekeepers-on-the-hospital-roof"
NC_STORY = """---
title: Beekeepers on the hospital roof
author: Marisol Quenby
original_url: {url}
original_published: 2025-05-08
license: CC-BY-NC-SA-4.0
commercial: true
medium: web
permissions:
  - {{from: {grantor}, date: 2025-06-02, scope: [commercial]}}
---

# Beekeepers on the hospital roof

By Marisol Quenby

Six storeys above the emergency department, twelve hives hum beside the air-conditioning units.

*This article was first published by [Lantern Bay Post]({url}) and is republished under a
[CC BY-NC-SA 4.0](https://creativecommons.org/licenses/by-nc-sa/4.0/) licence.*
"""

PROPUBLICA_SOLD = Path(__file__).parent / "policies" / "propublica" / "compliant-sold-permission.md"
KFF_PAYWALL = Path(__file__).parent / "policies" / "kff-health-news" / "compliant-paywall-permission.md"


def _findings(path: Path, *extra: str, cwd: Path | None = None) -> list[dict]:
    run = run_cli("check", str(path), "--format", "json", *extra, cwd=cwd)
    assert run.code in (0, 1), run.err
    return run.json()["results"][0]["findings"]


def _noncommercial(tmp_path: Path, grantor: str, cwd: Path | None = None) -> list[dict]:
    path = write(tmp_path / "story.md", NC_STORY.format(grantor=grantor, url=NC_URL))
    return [f for f in _findings(path, cwd=cwd) if f["rule"] == "cc-by-nc-sa-4.0/noncommercial"]


@pytest.mark.parametrize(
    "grantor",
    [
        "editor@our-own-site.org",  # the republisher's editor: no rights to give
        "desk@gmail.com",  # a webmail address names no one
        "Some Editor",  # a name that is neither the author's nor the original site's
        "lantern-bay-post.example@gmail.com",  # the site's name as a webmail user is not its address
    ],
)
def test_a_commercial_grant_from_someone_else_than_the_licensor_is_reported_at_the_record(tmp_path, grantor):
    found = _noncommercial(tmp_path, f'"{grantor}"')
    assert len(found) == 1
    finding = found[0]
    assert finding["line"] == 9 and finding["field"] == "permissions"  # the records' key
    assert f"recorded from '{grantor}', who does not hold this story's rights" in finding["message"]
    assert "only the story's licensor may grant it" in finding["message"]
    assert "an address at lantern-bay-post.example" in finding["message"]
    assert "Marisol Quenby" in finding["message"]
    assert "write the address it came from in the record's 'from'" in finding["fix"]
    assert "{from: Marisol Quenby <their email address>, date: YYYY-MM-DD, scope: [commercial]}" in finding["fix"]


@pytest.mark.parametrize(
    "grantor",
    [
        "rights@lantern-bay-post.example",  # the original's publisher
        "desk@news.lantern-bay-post.example",  # a subdomain of its site
        "Marisol Quenby <marisol@quenby.example>",  # the author, from her own address
        "Lantern Bay Post",  # no address: the original site's name
    ],
)
def test_a_commercial_grant_from_the_licensor_counts(tmp_path, grantor):
    assert _noncommercial(tmp_path, f'"{grantor}"') == []


def test_a_commercial_grant_naming_no_grantor_counts_for_nothing(tmp_path):
    found = _noncommercial(tmp_path, '""')
    assert len(found) == 1
    assert "recorded with no 'from', so who gave it cannot be told" in found[0]["message"]


def test_the_sites_own_address_is_still_told_as_the_sites_own(tmp_path):
    """own-hosts already makes a grant from the site's own address grant nothing; it keeps its own words."""
    write(tmp_path / ".reprint-guard.yaml", "own-hosts: [our-own-site.org]\n")
    found = _noncommercial(tmp_path, "editor@our-own-site.org", cwd=tmp_path)
    assert len(found) == 1
    assert "the site's own address (own-hosts)" in found[0]["message"]
    assert "a site cannot grant itself permission" in found[0]["message"]


def _with_grantor(source: Path, tmp_path: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    return write(tmp_path / source.name, text.replace(old, new))


def test_a_publishers_no_sale_term_is_waived_by_the_publisher_only(tmp_path):
    assert [f for f in _findings(PROPUBLICA_SOLD) if f["severity"] == "error"] == []  # syndication@propublica.org
    path = _with_grantor(PROPUBLICA_SOLD, tmp_path, "syndication@propublica.org", "editor@our-own-site.org")
    found = [f for f in _findings(path) if f["rule"] == "propublica/not-sold"]
    assert len(found) == 1
    assert "recorded from 'editor@our-own-site.org', who does not hold this story's rights" in found[0]["message"]
    assert "only ProPublica may grant it (from an address at propublica.org)" in found[0]["message"]


def test_kff_health_news_grants_from_its_own_hosts_only(tmp_path):
    """KFF Health News grants from the hosts its policy covers; the parent's kff.org names no address of its
    for permissions in the policy, and a domain is not taken from the publisher's name (nor are look-alikes)."""
    assert [f for f in _findings(KFF_PAYWALL) if f["severity"] == "error"] == []  # at kffhealthnews.org
    for grantor in ("permissions@khn.org", "desk@news.kffhealthnews.org"):
        path = _with_grantor(KFF_PAYWALL, tmp_path, "permissions@kffhealthnews.org", grantor)
        assert [f for f in _findings(path) if f["severity"] == "error"] == [], grantor
    for grantor in ("permissions@kff.org", "permissions@healthdaily.example", "x@kff.net"):
        path = _with_grantor(KFF_PAYWALL, tmp_path, "permissions@kffhealthnews.org", grantor)
        found = [f for f in _findings(path) if f["rule"] == "kff-health-news/no-paywall"]
        assert len(found) == 1, grantor
        assert (
            "only KFF Health News may grant it (from an address at kffhealthnews.org or khn.org)"
            in (found[0]["message"])
        )


@pytest.mark.parametrize("grantor", ["x@pro-publica.com", "x@propublica.net", "x@propublica.co.uk"])
def test_a_domain_that_is_the_publishers_name_grants_nothing(tmp_path, grantor):
    """A look-alike domain (the publisher's name at another suffix, or hyphenated) is not the publisher's."""
    path = _with_grantor(PROPUBLICA_SOLD, tmp_path, "syndication@propublica.org", grantor)
    found = [f for f in _findings(path) if f["rule"] == "propublica/not-sold"]
    assert len(found) == 1
    assert f"recorded from '{grantor}', who does not hold this story's rights" in found[0]["message"]


GAZETTE_POLICY = """id: smalltown-gazette
name: Smalltown Gazette terms
publisher: Smalltown Gazette
source_url: https://smalltown-gazette.example/republish
terms_read: 2026-11-20
confidence: primary
extends: cc-by-nc-sa-4.0
applies_to:
  - smalltown-gazette.example
contacts:
  - {contact}
rules: []
"""


def _gazette(tmp_path: Path, contact: str, grantor: str) -> CliRun:
    write(tmp_path / "rules" / "smalltown.yaml", GAZETTE_POLICY.format(contact=contact))
    url = "https://smalltown-gazette.example/2025/05/beekeepers"
    write(tmp_path / "story.md", NC_STORY.format(grantor=grantor, url=url))
    return run_cli("check", "--no-config", "--rules-dir", "rules", "story.md", cwd=tmp_path)


def test_a_contact_on_free_mail_grants_by_its_own_address_only(tmp_path):
    """A contact at gmail.com makes that address the publisher's, not every gmail.com address."""
    run = _gazette(tmp_path, "smalltowngazette.editor@gmail.com", "random.stranger@gmail.com")
    assert run.code == 1, run.out
    assert "'random.stranger@gmail.com', who does not hold this story's rights" in run.out
    assert "or its contact smalltowngazette.editor@gmail.com" in run.out
    assert _gazette(tmp_path, "smalltowngazette.editor@gmail.com", "smalltowngazette.editor@gmail.com").code == 0
    assert _gazette(tmp_path, "smalltowngazette.editor@gmail.com", "desk@smalltown-gazette.example").code == 0


def test_a_contacts_domain_that_the_policy_covers_still_grants(tmp_path):
    run = _gazette(tmp_path, "editor@smalltown-gazette.example", "rights@news.smalltown-gazette.example")
    assert run.code == 0, run.out


@pytest.mark.parametrize(
    ("url", "grantor"),
    [
        ("https://news.yahoo.com/beekeepers-123.html", "stranger@yahoo.com"),
        ("https://www.aol.com/news/beekeepers-123", "stranger@aol.com"),
        ("https://sites.google.com/view/lantern-bay/beekeepers", "stranger@google.com"),
        ("https://lanternbay.substack.com/p/beekeepers", "stranger@substack.com"),
        ("https://lanternbay.substack.com/p/beekeepers", "editor@otherblog.substack.com"),
        ("https://medium.com/@lanternbay/beekeepers-123", "stranger@medium.com"),
        ("https://lanternbay.wordpress.com/2025/05/beekeepers/", "stranger@wordpress.com"),
        ("https://lanternbay.blogspot.com/2025/05/beekeepers.html", "stranger@blogspot.com"),
        ("https://lanternbay.github.io/beekeepers/", "stranger@github.io"),
        ("https://mail.yahoo.com/beekeepers", "stranger@yahoo.com"),
        ("https://lanternbay.substack.com/p/beekeepers", "Substack"),  # no address: the portal's name
        ("https://medium.com/@lanternbay/beekeepers-123", "Medium"),
    ],
)
def test_a_grant_from_a_shared_domain_is_not_the_originals_publishers(tmp_path, url, grantor):
    """On a portal, a blog host or free mail, the registrable domain is everyone's: a stranger there is not the
    original's publisher."""
    path = write(tmp_path / "story.md", NC_STORY.format(grantor=f'"{grantor}"', url=url))
    found = [f for f in _findings(path) if f["rule"] == "cc-by-nc-sa-4.0/noncommercial"]
    assert len(found) == 1, url
    assert f"recorded from '{grantor}', who does not hold this story's rights" in found[0]["message"]


@pytest.mark.parametrize(
    ("url", "grantor"),
    [
        ("https://news.yahoo.com/beekeepers-123.html", "desk@news.yahoo.com"),
        ("https://www.lanternbay.substack.com/p/beekeepers", "editor@lanternbay.substack.com"),
        ("https://lanternbay.wordpress.com/2025/05/beekeepers/", "desk@mail.lanternbay.wordpress.com"),
        ("https://lantern-bay-post.example/beekeepers", "desk@news.lantern-bay-post.example"),  # not shared: as before
    ],
)
def test_a_grant_from_the_originals_own_host_on_a_shared_domain_counts(tmp_path, url, grantor):
    path = write(tmp_path / "story.md", NC_STORY.format(grantor=f'"{grantor}"', url=url))
    assert [f for f in _findings(path) if f["rule"] == "cc-by-nc-sa-4.0/noncommercial"] == []


@pytest.mark.parametrize("grantor", ["Jane Roe <jane@propublica.org.>", "jane@news.propublica.org."])
def test_a_publishers_address_with_a_trailing_dot_is_the_publishers(tmp_path, grantor):
    """``propublica.org.`` (the fully qualified spelling) is propublica.org, on the publisher's path as on the
    licence's."""
    path = _with_grantor(PROPUBLICA_SOLD, tmp_path, "syndication@propublica.org", grantor)
    assert [f for f in _findings(path) if f["rule"] == "propublica/not-sold"] == []
    path = _with_grantor(PROPUBLICA_SOLD, tmp_path, "syndication@propublica.org", "jane@propublica.org.evil.example")
    assert len([f for f in _findings(path) if f["rule"] == "propublica/not-sold"]) == 1


def test_a_contacts_address_with_a_trailing_dot_is_the_contacts(tmp_path):
    assert _gazette(tmp_path, "smalltowngazette.editor@gmail.com", "smalltowngazette.editor@gmail.com.").code == 0
    assert _gazette(tmp_path, "smalltowngazette.editor@gmail.com", "random.stranger@gmail.com.").code == 1


def test_a_licensors_address_with_a_trailing_dot_counts(tmp_path):
    assert _noncommercial(tmp_path, '"rights@lantern-bay-post.example."') == []
