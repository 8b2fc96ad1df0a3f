"""A commercial grant under a NonCommercial licence, or a publisher's "no sale" term, counts only from the story's
rights holder: the publisher (an address on the hosts its policy covers), or, under a licence's own policy, the
licensor (an address on the original's site, or a record in the author's name). From anyone else (the
republisher's own editor, a webmail address) the check reports the record and says who may grant it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, write

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


def test_kffs_parent_grants_for_kff_health_news(tmp_path):
    """KFF Health News' terms are its parent KFF's: an address at kff.org (a domain the publisher's name is)
    counts, another does not."""
    assert [f for f in _findings(KFF_PAYWALL) if f["severity"] == "error"] == []  # permissions@kff.org
    path = _with_grantor(KFF_PAYWALL, tmp_path, "permissions@kff.org", "permissions@healthdaily.example")
    found = [f for f in _findings(path) if f["rule"] == "kff-health-news/no-paywall"]
    assert len(found) == 1
    assert "only KFF Health News may grant it (from an address at kffhealthnews.org or khn.org)" in found[0]["message"]
